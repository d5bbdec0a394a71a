/**
 * Answers the core's reference questions from imported tables (see `ReferenceData`). Quarterly
 * files answer for the dates they cover. Every crosswalk quarter loaded is searched for an NDC: a
 * code the quarter of the date of service lists is in force; one only another quarter lists counts
 * when the HCPCS file has it in force on the date, so a code is never claimed for a date before it
 * existed or after it ended. The names in the HCPCS descriptors are indexed once (name-index.ts).
 * Indexes are built on first use, so loading many tables costs nothing until a lookup needs them;
 * after that every NDC or code lookup is a map access.
 */
import Fraction from 'fraction.js';
import { readBillingUnit } from '../billing-unit';
import type { HcpcsCode } from '../codes';
import { unclassifiedCode } from '../codes';
import type { IsoDate } from '../dates';
import { dayOf, daysBetween, fiscalYear, usDate } from '../dates';
import type { Ndc11 } from '../ndc';
import { decimalText } from '../quantity';
import type { CodeValidity, CrosswalkAnswer, DiagnosisStatus, DrugFacts, NocDrug, PaymentLimit, ProductPackage, ReferenceData, SetAsideCode, SpecificCode } from '../reference';
import { catalogueFacts, catalogueOtherPackages } from './catalogue';
import { partialCrosswalks } from './crosswalk-completeness';
import { quarterPeriod } from './import-support';
import { buildNameIndex } from './name-index';
import { directoryFacts } from './drug-facts';
import { containerFacts } from './package-description';
import type { CrosswalkRow, HcpcsRow, Icd10Row, NdcPackageRow, NdcProductRow, Period, PriceRow, PurpleBookRow, ReferenceKind, ReferenceTable, TableOf } from './tables';
import { KIND_NAMES } from './tables';

const covers = (period: Period, date: IsoDate) => period.from <= date && date <= period.through;
const latestFirst = <T extends { period: Period }>(tables: readonly T[]) => [...tables].sort((a, b) => b.period.from.localeCompare(a.period.from));

/** A value computed on first use. */
function lazy<T>(build: () => T): () => T {
  let value: { v: T } | undefined;
  return () => (value ??= { v: build() }).v;
}

/** Groups rows by a key; rows without a key are left out. */
function groupBy<R>(rows: readonly R[], key: (row: R) => string | null | readonly string[]): Map<string, R[]> {
  const map = new Map<string, R[]>();
  for (const row of rows) {
    const k = key(row);
    for (const one of k === null ? [] : typeof k === 'string' ? [k] : k) {
      const list = map.get(one);
      if (list === undefined) map.set(one, [row]);
      else list.push(row);
    }
  }
  return map;
}

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

/** Names a drug goes by, made comparable. */
const nameKey = (name: string) => name.trim().toLowerCase().replace(/\s+/g, ' ');
/** A product across its container sizes in the crosswalk: code, labeler and drug name. */
const crosswalkProduct = (r: CrosswalkRow) => [r.code, r.labeler, r.drugName].map(nameKey).join('|');
/** A product across its container sizes in the FDA directory: its application (or labeler), names, form and routes. */
const directoryProduct = (p: NdcProductRow) =>
  [p.applicationNumber === '' ? p.labeler : p.applicationNumber, p.proprietaryName, p.nonproprietaryName, p.dosageForm, p.routes].map(nameKey).join('|');

/** Price tables of one kind, each indexed by its key on first use. */
function priceLookup(tables: readonly TableOf<'asp-pricing' | 'noc-pricing'>[], keyOf: (key: string) => string) {
  const indexed = tables.map((t) => ({ period: t.period, kind: t.kind, byKey: lazy(() => new Map(t.rows.map((r) => [keyOf(r.key), r]))) }));
  return (date: IsoDate): { find: (key: string) => PaymentLimit | null } | undefined => {
    const table = indexed.find((t) => covers(t.period, date));
    if (table === undefined) return undefined;
    const limit = (row: PriceRow): PaymentLimit => ({
      key: row.key, description: row.description, dosage: row.dosage, perUnit: row.paymentLimit, notes: row.notes, source: `${KIND_NAMES[table.kind]}, ${table.period.label}`,
    });
    return { find: (key) => { const row = table.byKey().get(keyOf(key)); return row === undefined ? null : limit(row); } };
  };
}

/**
 * The FDA NDC Directory as the reference reads it: the package of an NDC and the product of a
 * package. The app keeps the directory's 250,000 packages in IndexedDB and gives a directory that
 * answers for the NDCs it has read from there; without one, the directory tables given are used.
 */
export interface NdcDirectory {
  /** The period label of the package file ("as of 11/20/2025"). */
  readonly label: string;
  packageOf(ndc11: Ndc11): NdcPackageRow | undefined;
  productOf(productId: string): NdcProductRow | undefined;
  /**
   * The packages of the labeler of this NDC (its first 5 digits), where the other container sizes
   * of the same product are (least waste); their products answer `productOf`.
   */
  labelerPackages(ndc11: Ndc11): readonly NdcPackageRow[];
}

/** A directory over tables in memory (none without a package file). */
function directoryOf(packageTable: TableOf<'fda-ndc-package'> | undefined, productTable: TableOf<'fda-ndc-product'> | undefined): NdcDirectory | undefined {
  if (packageTable === undefined) return undefined;
  const products = lazy(() => new Map((productTable?.rows ?? []).map((r) => [r.productId, r])));
  const packages = lazy(() => new Map(packageTable.rows.map((r) => [r.ndc11, r])));
  const byLabeler = lazy(() => groupBy(packageTable.rows, (r) => r.ndc11.slice(0, 5)));
  return {
    label: packageTable.period.label, packageOf: (ndc11) => packages().get(ndc11), productOf: (id) => products().get(id),
    labelerPackages: (ndc11) => byLabeler().get(ndc11.slice(0, 5)) ?? [],
  };
}

/**
 * A `ReferenceData` over imported tables; with none it still answers drug facts from the built-in
 * catalogue. `directory` answers for the FDA NDC Directory instead of its tables, when given.
 */
export function createReference(tables: readonly ReferenceTable[], directory?: NdcDirectory): ReferenceData {
  const of = <K extends ReferenceKind>(kind: K) => latestFirst(tables.filter((t): t is TableOf<K> => t.kind === kind));
  const crosswalkTables = of('asp-crosswalk');
  const partial = lazy(() => partialCrosswalks(crosswalkTables));
  const crosswalks = crosswalkTables.map((t) => ({
    table: t, period: t.period, byNdc: lazy(() => groupBy(t.rows, (r) => r.ndc11)), byProduct: lazy(() => groupBy(t.rows, crosswalkProduct)),
  }));
  const hcpcsTable = of('hcpcs')[0];
  const hcpcs = hcpcsTable === undefined ? undefined : lazy(() => {
    const byCode = groupBy(hcpcsTable.rows.filter((r) => !r.isModifier), (r) => r.code);
    for (const rows of byCode.values()) rows.sort((a, b) => a.added.localeCompare(b.added));
    return byCode;
  });
  const hcpcsSource = hcpcsTable === undefined ? '' : `${KIND_NAMES.hcpcs}, ${hcpcsTable.period.label}`;
  const names = hcpcsTable === undefined ? undefined : lazy(() => buildNameIndex(hcpcsTable.rows, hcpcsSource));
  const icdYears = new Map(of('icd10-order').map((t) => [t.fiscalYear, lazy(() => new IcdYear(t.rows))]));
  const nocCrosswalks = of('noc-crosswalk');
  const nocPrices = priceLookup(of('noc-pricing'), nameKey);
  const aspPrices = priceLookup(of('asp-pricing'), (k) => k.toUpperCase());
  const ndcDirectory = directory ?? directoryOf(of('fda-ndc-package')[0], of('fda-ndc-product')[0]);
  const purpleTable = of('purple-book')[0];
  const purpleByBla = lazy(() => groupBy(purpleTable?.rows ?? [], (r) => String(Number(r.blaNumber))));
  const purpleByName = lazy(() => groupBy(purpleTable?.rows ?? [], (r) => [r.properName, ...r.proprietaryName.split(',')].map(nameKey).filter((n) => n !== '')));

  /** The row of a code in force on the date; else the one nearest the date (a code may be ended and added again). */
  const hcpcsRow = (code: HcpcsCode, date: IsoDate): HcpcsRow | undefined => {
    const rows = hcpcs?.().get(code);
    if (rows === undefined) return undefined;
    return rows.find((r) => r.added <= date && (r.terminated === null || date <= r.terminated))
      ?? rows.find((r) => date < r.added) ?? rows[rows.length - 1];
  };

  const validity = (code: HcpcsCode, date: IsoDate): CodeValidity | undefined => {
    if (hcpcs === undefined) return undefined;
    const row = hcpcsRow(code, date);
    if (row === undefined) return { status: 'unknown-code' };
    if (date < row.added) return { status: 'not-yet-effective', descriptor: row.longDescription, effective: row.added };
    if (row.terminated !== null && date > row.terminated) return { status: 'terminated', descriptor: row.longDescription, terminated: row.terminated };
    return { status: 'valid', descriptor: row.longDescription };
  };

  const toSpecific = (row: CrosswalkRow, label: string, hcpcsRowOfCode: HcpcsRow | undefined): SpecificCode => ({
    code: row.code,
    descriptor: hcpcsRowOfCode?.longDescription ?? row.shortDescription,
    billingUnit: row.dosage,
    billUnitsPerPackage: Number(row.billUnitsPerPackage),
    ...(Number(row.billUnits) > 0 ? { billUnitsPerItem: Number(row.billUnits) } : {}),
    source: `${KIND_NAMES['asp-crosswalk']}, ${label}`,
  });

  /** Purple Book rows of a product: by its BLA number when it has one, else by its names. */
  const purpleRows = (applicationNumber: string, names: readonly string[]): PurpleBookRow[] => {
    const bla = /^BLA(\d+)$/i.exec(applicationNumber.trim());
    if (bla !== null) return purpleByBla().get(String(Number(bla[1]))) ?? [];
    return [...new Set(names.map(nameKey).flatMap((n) => (n === '' ? [] : purpleByName().get(n) ?? [])))];
  };

  const drugFacts = (ndc11: Ndc11): DrugFacts | undefined => {
    const pkg = ndcDirectory?.packageOf(ndc11);
    if (ndcDirectory === undefined || pkg === undefined) return catalogueFacts(ndc11);
    const product = ndcDirectory.productOf(pkg.productId);
    const rows = product === undefined ? [] : purpleRows(product.applicationNumber, [product.nonproprietaryName, product.proprietaryName]);
    const newest = crosswalks[0];
    const chemo = newest?.byNdc().get(ndc11)?.find((r) => r.code.startsWith('J9') && !isUnclassified(r.code));
    return directoryFacts({
      pkg, product, directoryLabel: ndcDirectory.label,
      ...(rows.length === 0 || purpleTable === undefined ? {} : { purpleBook: { rows, label: purpleTable.period.label } }),
      ...(chemo === undefined || newest === undefined ? {} : { chemotherapyCode: { code: chemo.code, source: `${KIND_NAMES['asp-crosswalk']}, ${newest.period.label}` } }),
    });
  };

  /** Packages of the same product in the FDA NDC Directory, marketed on the date, with the amount in one container. */
  const directoryPackages = (ndc11: Ndc11, date: IsoDate): ProductPackage[] | undefined => {
    if (ndcDirectory === undefined) return undefined;
    const pkg = ndcDirectory.packageOf(ndc11);
    const product = pkg === undefined ? undefined : ndcDirectory.productOf(pkg.productId);
    if (product === undefined) return undefined;
    const key = directoryProduct(product);
    const source = `${KIND_NAMES['fda-ndc-package']}, ${ndcDirectory.label}`;
    return ndcDirectory.labelerPackages(ndc11).flatMap((p) => {
      const other = ndcDirectory.productOf(p.productId);
      if (other === undefined || directoryProduct(other) !== key) return [];
      const facts = containerFacts(p.description, other.strength, other.strengthUnit);
      const isMarketed = (p.marketingStart === null || p.marketingStart <= date) && (p.marketingEnd === null || date <= p.marketingEnd);
      return p.ndc11 === ndc11 || p.isSample || !isMarketed || facts.amount === undefined ? []
        : [{ ndc11: p.ndc11, amount: facts.amount, ...(facts.type === undefined ? {} : { containerType: facts.type }), source }];
    });
  };

  /**
   * Packages the CMS crosswalk lists for the same code, labeler and drug name: the amount in one
   * item is its billable units × the code's billing unit (100 mg for 10 units of 10 mg).
   */
  const crosswalkPackages = (ndc11: Ndc11, date: IsoDate): ProductPackage[] | undefined => {
    const table = crosswalks.find((c) => covers(c.period, date));
    const row = table?.byNdc().get(ndc11)?.find((r) => !isUnclassified(r.code));
    if (table === undefined || row === undefined) return undefined;
    return (table.byProduct().get(crosswalkProduct(row)) ?? []).flatMap((r) => {
      const unit = readBillingUnit(r.dosage);
      const perItem = Number(r.billUnits);
      if (r.ndc11 === null || r.ndc11 === ndc11 || unit.kind !== 'amount' || !(perItem > 0)) return [];
      const amount = { value: decimalText(unit.per.value.mul(new Fraction(r.billUnits))), unit: unit.per.unit };
      return [{ ndc11: r.ndc11, amount, source: `${KIND_NAMES['asp-crosswalk']}, ${table.period.label} (${r.code}, ${r.billUnits} units of ${r.dosage.trim()} in one item)` }];
    });
  };

  const dayDistance = (period: Period, date: IsoDate) => Math.abs(daysBetween(dayOf(period.from), dayOf(date)));

  /**
   * Every crosswalk quarter that lists the NDC, the quarter of the date first, then the nearest to
   * it: a code the date's quarter lists is in force; another quarter's code is when the HCPCS file
   * says so. Each code's row comes from the nearest quarter that lists it (its units that quarter).
   */
  const crosswalkAnswer = (ndc11: Ndc11, date: IsoDate): CrosswalkAnswer => {
    const covering = crosswalks.find((c) => covers(c.period, date));
    const byNearness = [...crosswalks].sort((a, b) => Number(b === covering) - Number(a === covering) || dayDistance(a.period, date) - dayDistance(b.period, date));
    const found = new Map<HcpcsCode, { row: CrosswalkRow; label: string; isDateQuarter: boolean }>();
    for (const c of byNearness) {
      for (const row of c.byNdc().get(ndc11) ?? []) {
        if (!isUnclassified(row.code) && !found.has(row.code)) found.set(row.code, { row, label: c.period.label, isDateQuarter: c === covering });
      }
    }
    const codes: SpecificCode[] = [];
    const notInForce: SetAsideCode[] = [];
    for (const [code, { row, label, isDateQuarter }] of found) {
      const checked = isDateQuarter ? undefined : validity(code, date);
      if (isDateQuarter || checked?.status === 'valid') { codes.push(toSpecific(row, label, hcpcsRow(code, date))); continue; }
      const listed = `the ${label} crosswalk lists this NDC under ${code}`;
      const why = checked?.status === 'not-yet-effective' ? `${listed}, added on ${usDate(dayOf(checked.effective))}, after the date of service`
        : checked?.status === 'terminated' ? `${listed}, which ended on ${usDate(dayOf(checked.terminated))}, before the date of service`
          : `${listed}; ${hcpcs === undefined ? 'no HCPCS file is loaded to tell' : 'the HCPCS file does not list it, so nothing tells'} whether it was in force on the date of service`;
      notInForce.push({ code, why });
    }
    const partialWhy = covering === undefined ? undefined : partial().get(covering.table);
    return {
      codes,
      searched: crosswalks.map((c) => (partial().has(c.table) ? `${c.period.label} (partial)` : c.period.label)),
      dateQuarter: {
        label: covering?.period.label ?? quarterPeriod(date).label,
        status: covering === undefined ? 'missing' : partialWhy === undefined ? 'complete' : 'partial',
        ...(partialWhy === undefined ? {} : { partial: partialWhy }),
      },
      notInForce,
    };
  };

  return {
    crosswalkCodes(ndc11, date) {
      if (crosswalks.length === 0) return undefined;
      return crosswalkAnswer(ndc11, date);
    },
    descriptorNames: () => names?.(),
    codeValidity: validity,
    diagnosis: (code, date) => icdYears.get(fiscalYear(dayOf(date)))?.().status(code),
    hasNocPrice(ndc11, date) {
      const crosswalk = nocCrosswalks.find((t) => covers(t.period, date));
      const prices = nocPrices(date);
      if (crosswalk === undefined || prices === undefined) return undefined;
      return crosswalk.rows.some((r) => r.ndc11 === ndc11 && prices.find(r.genericName)?.perUnit != null);
    },
    // The CMS Medicaid Drug Rebate Program labeler list has no importer yet.
    isRebatingLabeler: () => undefined,
    drugFacts,
    otherPackages(ndc11, date) {
      const found = [directoryPackages(ndc11, date), crosswalkPackages(ndc11, date), catalogueOtherPackages(ndc11)].filter((l) => l !== undefined);
      if (found.length === 0) return undefined;
      const byNdc = new Map<string, ProductPackage>();
      for (const p of found.flat()) if (!byNdc.has(p.ndc11)) byNdc.set(p.ndc11, p);
      return [...byNdc.values()];
    },
    nocPaymentLimit(drug: NocDrug, date) {
      const prices = nocPrices(date);
      if (prices === undefined) return undefined;
      const crosswalk = nocCrosswalks.find((t) => covers(t.period, date));
      const viaNdc = drug.ndc11 === undefined ? [] : (crosswalk?.rows ?? []).filter((r) => r.ndc11 === drug.ndc11).map((r) => r.genericName);
      for (const name of [...viaNdc, ...(drug.names ?? [])]) {
        const found = prices.find(name);
        if (found !== null) return found;
      }
      return null;
    },
    aspPaymentLimit: (code, date) => aspPrices(date)?.find(code),
  };
}
