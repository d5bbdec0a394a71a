/**
 * Importers for the CMS and FDA files exactly as they are published. Each file's kind and period
 * are read from its content (the header row and the banner), never from a fixed number of rows to
 * skip. An import is all-or-nothing: a file that is not what it claims fails with the line at fault;
 * rows that cannot be used are listed with their reason.
 */
import { HCPCS_SHAPE } from '../codes';
import { addMonths, dayNumber, isoOfDay } from '../dates';
import { parseNdc } from '../ndc';
import type { CsvRecord } from './csv';
import { cleanCells, readCsv } from './csv';
import type { Encoding } from './decode';
import { decodeBytes } from './decode';
import type { CrosswalkRow, HcpcsRow, Icd10Row, NocCrosswalkRow, Period, PriceRow, ReferenceTable } from './tables';

export interface Rejected {
  readonly line: number;
  readonly reason: string;
}

export type ImportResult =
  | { readonly ok: true; readonly table: ReferenceTable; readonly rowsRead: number; readonly rejected: readonly Rejected[]; readonly encoding: Encoding }
  | { readonly ok: false; readonly message: string };

class ImportFailure extends Error {}

function fail(message: string, line?: number): never {
  throw new ImportFailure(line === undefined ? message : `Line ${line}: ${message}`);
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const DATE_WORDS = String.raw`(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{1,2}),\s*(\d{4})`;
const RANGE = new RegExp(`${DATE_WORDS}\\s+through\\s+${DATE_WORDS}`, 'i');

function isoFromWords(month: string, day: string, year: string): string {
  return `${year}-${String(MONTHS.indexOf(month.toLowerCase()) + 1).padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** The "Effective October 1, 2025 through December 31, 2025" banner of a CMS quarterly file. */
function bannerPeriod(banner: readonly CsvRecord[], kindName: string): Period {
  for (const record of banner) {
    const m = RANGE.exec(record.cells.join(' '));
    if (m !== null) {
      const from = isoFromWords(m[1]!, m[2]!, m[3]!), through = isoFromWords(m[4]!, m[5]!, m[6]!);
      if (dayNumber(from) === undefined || dayNumber(through) === undefined) fail(`the effective dates of this ${kindName} are not real dates`, record.line);
      return { from, through, label: `${m[1]![0]!.toUpperCase()}${m[1]!.slice(1).toLowerCase()} ${m[3]}` };
    }
  }
  return fail(`this ${kindName} has no "Effective … through …" line above its header, so its quarter cannot be told. Use the file as CMS publishes it.`);
}

type Columns<F extends string> = Record<F, number>;

/** Maps field names to header positions; header names vary by quarter, so each field accepts several. */
function columns<F extends string>(header: CsvRecord, names: Record<F, readonly (string | RegExp)[]>, kindName: string): Columns<F> {
  const cells = header.cells.map((c) => c.replace(/\u00a0/g, ' ').trim().toUpperCase());
  const out = {} as Columns<F>;
  const missing: string[] = [];
  for (const field of Object.keys(names) as F[]) {
    const index = cells.findIndex((c) => names[field].some((n) => (typeof n === 'string' ? c === n.toUpperCase() : n.test(c))));
    if (index === -1) missing.push(String(names[field][0]));
    out[field] = index;
  }
  if (missing.length > 0) fail(`the ${kindName} header has no column ${missing.join(', ')}`, header.line);
  return out;
}

/** Data records after the header, cleaned; checks the file does not stop in the middle of a record. */
function dataRecords(records: readonly CsvRecord[], headerIndex: number, width: number): { line: number; cells: string[] }[] {
  const out: { line: number; cells: string[] }[] = [];
  for (const record of records.slice(headerIndex + 1)) {
    const cells = cleanCells(record.cells);
    if (cells.length === 0) continue;
    if (cells.length > width) fail(`this row has more values (${cells.length}) than the header has columns (${width}); the file may be damaged or not a published file`, record.line);
    out.push({ line: record.line, cells });
  }
  return out;
}

/** Rejects exact duplicate rows: a crosswalk lists each NDC-code pair once. */
function checkDuplicates(rows: readonly { line: number; cells: readonly string[] }[]): void {
  const seen = new Map<string, number>();
  for (const row of rows) {
    const key = row.cells.join('\u0000');
    const first = seen.get(key);
    if (first !== undefined) fail(`this row repeats line ${first} exactly. A published file has no duplicate rows: download it again from CMS`, row.line);
    seen.set(key, row.line);
  }
}

const CELL = (cells: readonly string[], i: number) => cells[i] ?? '';

function readId(raw: string): string | null {
  if (!/^\d{5}-\d{4}-\d{2}$/.test(raw) && !/^\d{11}$/.test(raw)) return null;
  const r = parseNdc(raw);
  return r.ok ? r.ndc.ndc11 : null;
}

// ── Kinds ────────────────────────────────────────────────────────────────────────────────────

interface CsvKind {
  readonly name: string;
  readonly isHeader: (upperCells: readonly string[]) => boolean;
  readonly parse: (records: readonly CsvRecord[], headerIndex: number, rejected: Rejected[]) => ReferenceTable;
}

const has = (cells: readonly string[], name: string) => cells.includes(name);

const ASP_CROSSWALK: CsvKind = {
  name: 'CMS ASP NDC-HCPCS crosswalk',
  isHeader: (c) => has(c, 'BILLUNITSPKG') && c.some((x) => /^_\d{4}_CODE$/.test(x) || x === 'HCPCS CODE'),
  parse(records, h, rejected) {
    const col = columns(records[h]!, {
      code: [/^_\d{4}_CODE$/, 'HCPCS CODE'], shortDescription: ['Short Description'], labeler: ['LABELER NAME'], id: ['NDC2', 'NDC'],
      drugName: ['Drug Name'], dosage: ['HCPCS dosage'], packageSize: ['PKG SIZE'], packageQuantity: ['PKG QTY'], billUnits: ['BILLUNITS'],
      billUnitsPerPackage: ['BILLUNITSPKG'],
    }, this.name);
    const data = dataRecords(records, h, records[h]!.cells.length);
    checkDuplicates(data);
    const rows: CrosswalkRow[] = [];
    for (const { line, cells } of data) {
      const code = CELL(cells, col.code).toUpperCase();
      const id = CELL(cells, col.id);
      if (!HCPCS_SHAPE.test(code)) { rejected.push({ line, reason: `"${code}" is not a HCPCS code` }); continue; }
      if (id === '') { rejected.push({ line, reason: 'no NDC or id' }); continue; }
      rows.push({
        code, id, ndc11: readId(id), shortDescription: CELL(cells, col.shortDescription), labeler: CELL(cells, col.labeler),
        drugName: CELL(cells, col.drugName), dosage: CELL(cells, col.dosage), packageSize: CELL(cells, col.packageSize),
        packageQuantity: CELL(cells, col.packageQuantity), billUnits: CELL(cells, col.billUnits), billUnitsPerPackage: CELL(cells, col.billUnitsPerPackage),
      });
    }
    return { kind: 'asp-crosswalk', period: bannerPeriod(records.slice(0, h), this.name), rows };
  },
};

const NOC_CROSSWALK: CsvKind = {
  name: 'CMS NOC NDC-HCPCS crosswalk',
  isHeader: (c) => has(c, 'BILLUNITSPKG') && has(c, 'DRUG GENERIC NAME'),
  parse(records, h, rejected) {
    const col = columns(records[h]!, {
      genericName: ['Drug Generic Name'], labeler: ['LABELER NAME'], id: ['NDC or ALTERNATE ID', 'NDC2', 'NDC'], drugName: ['Drug Name'],
      dosage: ['Dosage'], billUnits: ['BILLUNITS'], billUnitsPerPackage: ['BILLUNITSPKG'],
    }, this.name);
    const data = dataRecords(records, h, records[h]!.cells.length);
    checkDuplicates(data);
    const rows: NocCrosswalkRow[] = [];
    for (const { line, cells } of data) {
      const id = CELL(cells, col.id);
      if (id === '' || CELL(cells, col.genericName) === '') { rejected.push({ line, reason: 'no drug name or NDC' }); continue; }
      rows.push({
        genericName: CELL(cells, col.genericName), labeler: CELL(cells, col.labeler), id, ndc11: readId(id), drugName: CELL(cells, col.drugName),
        dosage: CELL(cells, col.dosage), billUnits: CELL(cells, col.billUnits), billUnitsPerPackage: CELL(cells, col.billUnitsPerPackage),
      });
    }
    return { kind: 'noc-crosswalk', period: bannerPeriod(records.slice(0, h), this.name), rows };
  },
};

/** "134.194", "$2.462" or "N/A". */
function price(raw: string): string | null | undefined {
  const t = raw.replace(/^\$/, '').replace(/,/g, '').trim();
  if (/^n\/?a$/i.test(t) || t === '') return null;
  return /^\d+(?:\.\d+)?$/.test(t) ? t : undefined;
}

function pricing(kind: 'asp-pricing' | 'noc-pricing', name: string, keyNames: readonly string[]): CsvKind {
  return {
    name,
    isHeader: (c) => has(c, 'PAYMENT LIMIT') && keyNames.some((k) => has(c, k.toUpperCase())),
    parse(records, h, rejected) {
      const col = columns(records[h]!, {
        key: keyNames, dosage: ['HCPCS Code Dosage', 'Dosage'], paymentLimit: ['Payment Limit'], notes: ['Notes'],
      }, name);
      const descriptionColumn = records[h]!.cells.findIndex((c) => c.trim().toUpperCase() === 'SHORT DESCRIPTION');
      const rows: PriceRow[] = [];
      for (const { line, cells } of dataRecords(records, h, records[h]!.cells.length)) {
        const key = CELL(cells, col.key);
        const limit = price(CELL(cells, col.paymentLimit));
        if (key === '') { rejected.push({ line, reason: 'no code or drug name' }); continue; }
        if (limit === undefined) { rejected.push({ line, reason: `payment limit "${CELL(cells, col.paymentLimit)}" is not an amount` }); continue; }
        rows.push({ key: kind === 'asp-pricing' ? key.toUpperCase() : key, description: descriptionColumn === -1 ? '' : CELL(cells, descriptionColumn), dosage: CELL(cells, col.dosage), paymentLimit: limit, notes: CELL(cells, col.notes) });
      }
      return { kind, period: bannerPeriod(records.slice(0, h), name), rows };
    },
  };
}

function yyyymmdd(raw: string): string | null | undefined {
  if (raw === '') return null;
  if (!/^\d{8}$/.test(raw)) return undefined;
  const iso = `${raw.slice(0, 4)}-${raw.slice(4, 6)}-${raw.slice(6, 8)}`;
  return dayNumber(iso) === undefined ? undefined : iso;
}

/** The quarter a HCPCS file is for: the one holding the latest effective date it carries. */
function hcpcsPeriod(rows: readonly HcpcsRow[]): Period {
  const latest = rows.reduce((max, r) => (r.effective > max ? r.effective : max), '');
  if (latest === '') fail('the HCPCS file has no effective dates');
  const year = latest.slice(0, 4), month = Number(latest.slice(5, 7));
  const firstMonth = Math.floor((month - 1) / 3) * 3 + 1;
  const start = dayNumber(`${year}-${String(firstMonth).padStart(2, '0')}-01`)!;
  const name = MONTHS[firstMonth - 1]!;
  return { from: isoOfDay(start), through: isoOfDay(addMonths(start, 3) - 1), label: `${name[0]!.toUpperCase()}${name.slice(1)} ${year}` };
}

const HCPCS: CsvKind = {
  name: 'CMS HCPCS Level II file',
  isHeader: (c) => has(c, 'HCPC') && has(c, 'LONG DESCRIPTION') && has(c, 'ADD DT'),
  parse(records, h, rejected) {
    const col = columns(records[h]!, {
      code: ['HCPC'], recordId: ['RECID'], longDescription: ['LONG DESCRIPTION'], shortDescription: ['SHORT DESCRIPTION'],
      added: ['ADD DT'], effective: ['ACT EFF DT'], terminated: ['TERM DT'], action: ['ACTION CD'],
    }, this.name);
    const rows: HcpcsRow[] = [];
    for (const { line, cells } of dataRecords(records, h, records[h]!.cells.length)) {
      const code = CELL(cells, col.code).toUpperCase();
      const added = yyyymmdd(CELL(cells, col.added)), effective = yyyymmdd(CELL(cells, col.effective)), terminated = yyyymmdd(CELL(cells, col.terminated));
      if (!/^[A-Z0-9]{2,5}$/.test(code)) { rejected.push({ line, reason: `"${code}" is not a HCPCS code or modifier` }); continue; }
      if (added == null || effective === undefined || terminated === undefined) { rejected.push({ line, reason: 'a date is not written YYYYMMDD' }); continue; }
      rows.push({
        code, longDescription: CELL(cells, col.longDescription), shortDescription: CELL(cells, col.shortDescription), added,
        effective: effective ?? added, terminated, action: CELL(cells, col.action), isModifier: CELL(cells, col.recordId) === '7',
      });
    }
    return { kind: 'hcpcs', period: hcpcsPeriod(rows), rows };
  },
};

const CSV_KINDS: readonly CsvKind[] = [
  ASP_CROSSWALK, NOC_CROSSWALK,
  pricing('asp-pricing', 'CMS ASP payment-limit file', ['HCPCS Code']),
  pricing('noc-pricing', 'CMS NOC payment-limit file', ['Drug Generic Name (Trade Name)']),
  HCPCS,
];

// ── ICD-10-CM order files (fixed width, no header) ───────────────────────────────────────────

const ORDER_LINE = /^\d{5} [A-Z][0-9A-Z]{2}[0-9A-Z ]{4} [01] /;

/** FY of an order file: from its published name, else from its size (each year's file differs). */
function icdFiscalYear(fileName: string, lineCount: number): number {
  const m = /order[_-](\d{4})/i.exec(fileName);
  if (m !== null) return Number(m[1]);
  const known: Record<number, number> = { 97584: 2025, 98186: 2026 };
  const fy = known[lineCount];
  if (fy === undefined) fail('the fiscal year of this ICD-10-CM order file cannot be told. Keep the name CMS gives it, for example icd10cm_order_2026.txt');
  return fy;
}

function parseIcd10Order(text: string, fileName: string): ReferenceTable {
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  const rows: Icd10Row[] = [];
  const seen = new Set<string>();
  lines.forEach((line, i) => {
    if (!ORDER_LINE.test(line)) fail('this line is not an ICD-10-CM order record (order number, code, 0/1 flag, descriptions)', i + 1);
    const code = line.slice(6, 13).trim();
    if (seen.has(code)) fail(`code ${code} appears twice`, i + 1);
    seen.add(code);
    rows.push([code, line[14] === '1', line.slice(16, 76).trimEnd(), line.slice(77).trimEnd()]);
  });
  const fiscalYear = icdFiscalYear(fileName, lines.length);
  return { kind: 'icd10-order', fiscalYear, period: { from: `${fiscalYear - 1}-10-01`, through: `${fiscalYear}-09-30`, label: `FY${fiscalYear}` }, rows };
}

// ── Entry point ──────────────────────────────────────────────────────────────────────────────

const HEADER_SEARCH_ROWS = 40;

function importText(fileName: string, text: string): { table: ReferenceTable; rowsRead: number; rejected: Rejected[] } {
  if (text.trim() === '') fail('the file is empty');
  if (/^(?:Add|Delete|Revise from|Revise to):/.test(text.slice(0, 20))) {
    fail('this is an ICD-10-CM addenda file (the changes of one year). Import the order file instead, for example icd10cm_order_2026.txt: it lists every code with its billable flag');
  }
  if (ORDER_LINE.test(text.slice(0, 120))) {
    const table = parseIcd10Order(text, fileName);
    return { table, rowsRead: table.rows.length, rejected: [] };
  }
  const csv = readCsv(text);
  if (!csv.ok) fail(csv.message, csv.line);
  const records = csv.records;
  for (let h = 0; h < Math.min(records.length, HEADER_SEARCH_ROWS); h++) {
    const upper = records[h]!.cells.map((c) => c.replace(/\u00a0/g, ' ').trim().toUpperCase());
    const kind = CSV_KINDS.find((k) => k.isHeader(upper));
    if (kind === undefined) continue;
    const rejected: Rejected[] = [];
    const table = kind.parse(records, h, rejected);
    if (table.rows.length === 0) fail(`the ${kind.name} has a header but no rows`, records[h]!.line);
    return { table, rowsRead: table.rows.length + rejected.length, rejected };
  }
  return fail('this is not a file the wizard knows: expected a CMS ASP or NOC crosswalk, a CMS ASP or NOC payment-limit file, the CMS HCPCS Level II file (CSV) or an ICD-10-CM order file');
}

/** Reads one published file; never throws. */
export function importReferenceFile(fileName: string, bytes: Uint8Array): ImportResult {
  const { text, encoding } = decodeBytes(bytes);
  try {
    return { ok: true, encoding, ...importText(fileName, text) };
  } catch (error) {
    if (error instanceof ImportFailure) return { ok: false, message: error.message };
    throw error;
  }
}
