/**
 * Answers the core's reference questions from imported tables (see `ReferenceData`). Quarterly
 * files answer for the dates they cover; outside them, the latest crosswalk is used only together
 * with the HCPCS file's effective dates, so a code is never claimed for a date before it existed.
 */
import { unclassifiedCode } from '../codes';
import { dayNumber, fiscalYear } from '../dates';
import type { CodeValidity, DiagnosisStatus, ReferenceData, SpecificCode } from '../reference';
import type { CrosswalkRow, HcpcsRow, Icd10Row, Period, ReferenceTable } from './tables';

type Table<K extends ReferenceTable['kind']> = Extract<ReferenceTable, { kind: K }>;

const covers = (period: Period, date: string) => period.from <= date && date <= period.through;
const latestFirst = <T extends { period: Period }>(tables: readonly T[]) => [...tables].sort((a, b) => b.period.from.localeCompare(a.period.from));

/** ESRD and other unclassified codes are not "specific" even when a crosswalk lists them. */
const isUnclassified = (code: string) => unclassifiedCode(code) !== undefined || code === 'J3591';

class IcdYear {
  private readonly byCode: Map<string, Icd10Row>;
  private readonly sortedBillable: string[];
  constructor(rows: readonly Icd10Row[]) {
    this.byCode = new Map(rows.map((r) => [r[0], r]));
    this.sortedBillable = rows.filter((r) => r[1]).map((r) => r[0]).sort();
  }
  status(code: string): DiagnosisStatus {
    const row = this.byCode.get(code);
    if (row === undefined) return { status: 'not-found' };
    if (row[1]) return { status: 'billable', description: row[3] };
    return { status: 'header', description: row[3], billableChildren: this.billableUnder(code) };
  }
  private billableUnder(prefix: string): string[] {
    const list = this.sortedBillable;
    let lo = 0, hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid]! < prefix) lo = mid + 1; else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < list.length && list[i]!.startsWith(prefix); i++) out.push(list[i]!);
    return out;
  }
}

export function createReference(tables: readonly ReferenceTable[]): ReferenceData {
  const of = <K extends ReferenceTable['kind']>(kind: K) => tables.filter((t): t is Table<K> => t.kind === kind);
  const crosswalks = latestFirst(of('asp-crosswalk')).map((t) => ({ period: t.period, byNdc: groupByNdc(t.rows) }));
  const hcpcsTable = latestFirst(of('hcpcs'))[0];
  const hcpcs = hcpcsTable === undefined ? undefined : new Map(hcpcsTable.rows.filter((r) => !r.isModifier).map((r) => [r.code, r]));
  const icdYears = new Map<number, IcdYear>();
  for (const t of of('icd10-order')) icdYears.set(t.fiscalYear, new IcdYear(t.rows));
  const nocCrosswalks = of('noc-crosswalk');
  const nocPricing = of('noc-pricing');

  const validity = (code: string, date: string): CodeValidity | undefined => {
    if (hcpcs === undefined) return undefined;
    const row = hcpcs.get(code);
    if (row === undefined) return { status: 'unknown-code' };
    if (date < row.added) return { status: 'not-yet-effective', descriptor: row.longDescription, effective: row.added };
    if (row.terminated !== null && date > row.terminated) return { status: 'terminated', descriptor: row.longDescription, terminated: row.terminated };
    return { status: 'valid', descriptor: row.longDescription };
  };

  const toSpecific = (row: CrosswalkRow, label: string, hcpcsRow: HcpcsRow | undefined): SpecificCode => ({
    code: row.code,
    descriptor: hcpcsRow?.longDescription ?? row.shortDescription,
    billingUnit: row.dosage,
    billUnitsPerPackage: Number(row.billUnitsPerPackage),
    source: `CMS ASP NDC-HCPCS crosswalk, ${label}`,
  });

  return {
    specificCodes(ndc11, date) {
      if (crosswalks.length === 0 || dayNumber(date) === undefined) return undefined;
      const covering = crosswalks.find((c) => covers(c.period, date));
      const source = covering ?? (hcpcs === undefined ? undefined : crosswalks[0]);
      if (source === undefined) return undefined;
      const rows = (source.byNdc.get(ndc11) ?? []).filter((r) => !isUnclassified(r.code));
      const inEffect = covering !== undefined ? rows : rows.filter((r) => validity(r.code, date)?.status === 'valid');
      return inEffect.map((r) => toSpecific(r, source.period.label, hcpcs?.get(r.code)));
    },
    codeValidity: (code, date) => (dayNumber(date) === undefined ? undefined : validity(code, date)),
    diagnosis(code, date) {
      const day = dayNumber(date);
      return day === undefined ? undefined : icdYears.get(fiscalYear(day))?.status(code);
    },
    hasNocPrice(ndc11, date) {
      const crosswalk = nocCrosswalks.find((t) => covers(t.period, date));
      const prices = nocPricing.find((t) => covers(t.period, date));
      if (crosswalk === undefined || prices === undefined) return undefined;
      const names = new Set(prices.rows.filter((r) => r.paymentLimit !== null).map((r) => r.key.toLowerCase()));
      return crosswalk.rows.some((r) => r.ndc11 === ndc11 && names.has(r.genericName.toLowerCase()));
    },
    // The CMS Medicaid Drug Rebate Program labeler list has no importer yet.
    isRebatingLabeler: () => undefined,
  };
}

function groupByNdc(rows: readonly CrosswalkRow[]): Map<string, CrosswalkRow[]> {
  const map = new Map<string, CrosswalkRow[]>();
  for (const row of rows) {
    if (row.ndc11 === null) continue;
    const list = map.get(row.ndc11);
    if (list === undefined) map.set(row.ndc11, [row]);
    else list.push(row);
  }
  return map;
}
