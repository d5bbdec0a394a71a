/**
 * Importers for the CMS and FDA files exactly as they are published. Each file's kind and period
 * are read from its content (the header row and the banner), never from a fixed number of rows to
 * skip. An import is all-or-nothing: a file that is not what it claims fails with the line at fault;
 * rows that cannot be used are listed with their reason.
 */
import { HCPCS_SHAPE } from '../codes';
import { dayNumber } from '../dates';
import { parseNdc } from '../ndc';
import type { CsvRecord } from './csv';
import { cleanCells, readCsv } from './csv';
import type { Encoding } from './decode';
import { decodeBytes } from './decode';
import { isFdaNdcHeader, parseFdaNdc } from './fda-ndc';
import { isHcpcsText, parseHcpcsText } from './hcpcs-text';
import type { Rejected } from './import-support';
import { cell, columns, fail, headerNames, ImportFailure, latestDate, quarterPeriod, snapshotPeriod, yyyymmdd } from './import-support';
import type { CrosswalkRow, HcpcsRow, Icd10Row, NocCrosswalkRow, Period, PriceRow, PurpleBookRow, ReferenceTable } from './tables';
import { KIND_NAMES } from './tables';

export type { Rejected } from './import-support';

export type ImportResult =
  | {
    readonly ok: true;
    readonly table: ReferenceTable;
    readonly rowsRead: number;
    readonly rejected: readonly Rejected[];
    readonly encoding: Encoding;
    /** Things the biller may want to know that are not faults ("4,158 repeated rows were kept once"). */
    readonly notes: readonly string[];
  }
  | { readonly ok: false; readonly message: string };

export interface ImportOptions {
  /** Today (ISO). Two-digit years of the Purple Book are read so that no approval lies in the future. */
  readonly today: string;
  /** Called with the share of the work done, from 0 to 1. */
  readonly onProgress?: (done: number) => void;
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

const rowKey = (cells: readonly string[]) => cells.join('\u0000');

/** Rejects exact duplicate rows: a crosswalk lists each NDC-code pair once. */
function checkDuplicates(rows: readonly { line: number; cells: readonly string[] }[]): void {
  const seen = new Map<string, number>();
  for (const row of rows) {
    const key = rowKey(row.cells);
    const first = seen.get(key);
    if (first !== undefined) fail(`this row repeats line ${first} exactly. A published file has no duplicate rows: download it again from CMS`, row.line);
    seen.set(key, row.line);
  }
}

function readId(raw: string): string | null {
  if (!/^\d{5}-\d{4}-\d{2}$/.test(raw) && !/^\d{11}$/.test(raw)) return null;
  const r = parseNdc(raw);
  return r.ok ? r.ndc.ndc11 : null;
}

// ── CSV kinds ────────────────────────────────────────────────────────────────────────────────

interface Parsed {
  readonly table: ReferenceTable;
  readonly notes?: readonly string[];
  /** Rows read but left out without fault (exact repeats the publisher is known to make). */
  readonly repeated?: number;
}

interface CsvKind {
  readonly name: string;
  readonly isHeader: (upperCells: readonly string[]) => boolean;
  readonly parse: (records: readonly CsvRecord[], headerIndex: number, rejected: Rejected[], options: ImportOptions) => Parsed;
}

const has = (cells: readonly string[], name: string) => cells.includes(name);

const ASP_CROSSWALK: CsvKind = {
  name: KIND_NAMES['asp-crosswalk'],
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
      const code = cell(cells, col.code).toUpperCase();
      const id = cell(cells, col.id);
      if (!HCPCS_SHAPE.test(code)) { rejected.push({ line, reason: `"${code}" is not a HCPCS code` }); continue; }
      if (id === '') { rejected.push({ line, reason: 'no NDC or id' }); continue; }
      rows.push({
        code, id, ndc11: readId(id), shortDescription: cell(cells, col.shortDescription), labeler: cell(cells, col.labeler),
        drugName: cell(cells, col.drugName), dosage: cell(cells, col.dosage), packageSize: cell(cells, col.packageSize),
        packageQuantity: cell(cells, col.packageQuantity), billUnits: cell(cells, col.billUnits), billUnitsPerPackage: cell(cells, col.billUnitsPerPackage),
      });
    }
    return { table: { kind: 'asp-crosswalk', period: bannerPeriod(records.slice(0, h), this.name), rows } };
  },
};

const NOC_CROSSWALK: CsvKind = {
  name: KIND_NAMES['noc-crosswalk'],
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
      const id = cell(cells, col.id);
      if (id === '' || cell(cells, col.genericName) === '') { rejected.push({ line, reason: 'no drug name or NDC' }); continue; }
      rows.push({
        genericName: cell(cells, col.genericName), labeler: cell(cells, col.labeler), id, ndc11: readId(id), drugName: cell(cells, col.drugName),
        dosage: cell(cells, col.dosage), billUnits: cell(cells, col.billUnits), billUnitsPerPackage: cell(cells, col.billUnitsPerPackage),
      });
    }
    return { table: { kind: 'noc-crosswalk', period: bannerPeriod(records.slice(0, h), this.name), rows } };
  },
};

/** "134.194", "$2.462" or "N/A". */
function price(raw: string): string | null | undefined {
  const t = raw.replace(/^\$/, '').replace(/,/g, '').trim();
  if (/^n\/?a$/i.test(t) || t === '') return null;
  return /^\d+(?:\.\d+)?$/.test(t) ? t : undefined;
}

function pricing(kind: 'asp-pricing' | 'noc-pricing', keyNames: readonly string[]): CsvKind {
  const name = KIND_NAMES[kind];
  return {
    name,
    isHeader: (c) => has(c, 'PAYMENT LIMIT') && keyNames.some((k) => has(c, k.toUpperCase())),
    parse(records, h, rejected) {
      const col = columns(records[h]!, {
        key: keyNames, dosage: ['HCPCS Code Dosage', 'Dosage'], paymentLimit: ['Payment Limit'], notes: ['Notes'],
      }, name);
      const descriptionColumn = headerNames(records[h]!.cells).indexOf('SHORT DESCRIPTION');
      const rows: PriceRow[] = [];
      for (const { line, cells } of dataRecords(records, h, records[h]!.cells.length)) {
        const key = cell(cells, col.key);
        const limit = price(cell(cells, col.paymentLimit));
        if (key === '') { rejected.push({ line, reason: 'no code or drug name' }); continue; }
        if (limit === undefined) { rejected.push({ line, reason: `payment limit "${cell(cells, col.paymentLimit)}" is not an amount` }); continue; }
        rows.push({ key: kind === 'asp-pricing' ? key.toUpperCase() : key, description: cell(cells, descriptionColumn), dosage: cell(cells, col.dosage), paymentLimit: limit, notes: cell(cells, col.notes) });
      }
      return { table: { kind, period: bannerPeriod(records.slice(0, h), name), rows } };
    },
  };
}

/** The quarter a HCPCS file is for: the one holding the latest effective date it carries. */
function hcpcsPeriod(rows: readonly HcpcsRow[]): Period {
  const latest = latestDate(rows.map((r) => r.effective));
  if (latest === undefined) fail('the HCPCS file has no effective dates');
  return quarterPeriod(latest);
}

const HCPCS: CsvKind = {
  name: KIND_NAMES.hcpcs,
  isHeader: (c) => has(c, 'HCPC') && has(c, 'LONG DESCRIPTION') && has(c, 'ADD DT'),
  parse(records, h, rejected) {
    const col = columns(records[h]!, {
      code: ['HCPC'], recordId: ['RECID'], longDescription: ['LONG DESCRIPTION'], shortDescription: ['SHORT DESCRIPTION'],
      added: ['ADD DT'], effective: ['ACT EFF DT'], terminated: ['TERM DT'], action: ['ACTION CD'],
    }, this.name);
    const rows: HcpcsRow[] = [];
    for (const { line, cells } of dataRecords(records, h, records[h]!.cells.length)) {
      const code = cell(cells, col.code).toUpperCase();
      const added = yyyymmdd(cell(cells, col.added)), effective = yyyymmdd(cell(cells, col.effective)), terminated = yyyymmdd(cell(cells, col.terminated));
      if (!/^[A-Z0-9]{2,5}$/.test(code)) { rejected.push({ line, reason: `"${code}" is not a HCPCS code or modifier` }); continue; }
      if (added == null || effective === undefined || terminated === undefined) { rejected.push({ line, reason: 'a date is not written YYYYMMDD' }); continue; }
      rows.push({
        code, longDescription: cell(cells, col.longDescription), shortDescription: cell(cells, col.shortDescription), added,
        effective: effective ?? added, terminated, action: cell(cells, col.action), isModifier: cell(cells, col.recordId) === '7',
      });
    }
    return { table: { kind: 'hcpcs', period: hcpcsPeriod(rows), rows } };
  },
};

const MONTH_ABBREVIATIONS = MONTHS.map((m) => m.slice(0, 3));

/** `14-Mar-25`: a two-digit year is the latest year that is not after today (approvals are never in the future). */
function purpleBookDate(raw: string, today: string): string | null | undefined {
  if (raw === '') return null;
  const m = /^(\d{1,2})-([A-Za-z]{3})-(\d{2}|\d{4})$/.exec(raw);
  const month = m === null ? -1 : MONTH_ABBREVIATIONS.indexOf(m[2]!.toLowerCase());
  if (m === null || month === -1) return undefined;
  let year = Number(m[3]);
  if (m[3]!.length === 2) {
    const thisYear = Number(today.slice(0, 4));
    year += Math.floor(thisYear / 100) * 100;
    if (year > thisYear) year -= 100;
  }
  const iso = `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return dayNumber(iso) === undefined ? undefined : iso;
}

const PURPLE_BOOK: CsvKind = {
  name: KIND_NAMES['purple-book'],
  isHeader: (c) => has(c, 'BLA NUMBER') && has(c, 'PROPER NAME') && has(c, 'BLA TYPE'),
  parse(records, h, rejected, options) {
    const col = columns(records[h]!, {
      blaNumber: ['BLA Number'], applicant: ['Applicant'], proprietaryName: ['Proprietary Name'], properName: ['Proper Name'], blaType: ['BLA Type'],
      strength: ['Strength'], dosageForm: ['Dosage Form'], route: ['Route of Administration'], presentation: ['Product Presentation'],
      marketingStatus: ['Marketing Status'], licensure: ['Licensure'], approvalDate: ['Approval Date'], referenceProduct: ['Ref. Product Proper Name'],
    }, this.name);
    const seen = new Set<string>();
    let repeated = 0;
    const rows: PurpleBookRow[] = [];
    for (const { line, cells } of dataRecords(records, h, records[h]!.cells.length)) {
      const key = rowKey(cells);
      if (seen.has(key)) { repeated++; continue; }
      seen.add(key);
      const blaNumber = cell(cells, col.blaNumber);
      const approvalDate = purpleBookDate(cell(cells, col.approvalDate), options.today);
      if (!/^\d{4,6}$/.test(blaNumber)) { rejected.push({ line, reason: `"${blaNumber}" is not a BLA number` }); continue; }
      if (approvalDate === undefined) { rejected.push({ line, reason: `approval date "${cell(cells, col.approvalDate)}" is not written like 14-Mar-25` }); continue; }
      rows.push({
        blaNumber, applicant: cell(cells, col.applicant), proprietaryName: cell(cells, col.proprietaryName), properName: cell(cells, col.properName),
        blaType: cell(cells, col.blaType), strength: cell(cells, col.strength), dosageForm: cell(cells, col.dosageForm), route: cell(cells, col.route),
        presentation: cell(cells, col.presentation), marketingStatus: cell(cells, col.marketingStatus), licensure: cell(cells, col.licensure),
        approvalDate, referenceProduct: cell(cells, col.referenceProduct),
      });
    }
    const asOf = latestDate(rows.map((r) => r.approvalDate));
    if (asOf === undefined) fail(`the ${this.name} has no approval dates, so the day it is as of cannot be told`);
    const notes = repeated === 0 ? [] : [`${repeated.toLocaleString('en-US')} rows repeat earlier rows exactly (the Purple Book download lists some products more than once); each was kept once.`];
    return { table: { kind: 'purple-book', period: snapshotPeriod(asOf), rows }, notes, repeated };
  },
};

const CSV_KINDS: readonly CsvKind[] = [
  ASP_CROSSWALK, NOC_CROSSWALK,
  pricing('asp-pricing', ['HCPCS Code']),
  pricing('noc-pricing', ['Drug Generic Name (Trade Name)']),
  HCPCS, PURPLE_BOOK,
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
  else fail('the last line stops without a line break: the file was cut short. Download it again from CMS', lines.length);
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

/** Files that are not text at all, recognised by their first bytes, with what the biller should do. */
function refuseBinary(bytes: Uint8Array): void {
  const starts = (...b: number[]) => b.every((x, i) => bytes[i] === x);
  if (starts(0x50, 0x4b, 0x03, 0x04)) fail('this is a ZIP archive or an Excel workbook (.xlsx), not a CSV or text file. Unzip the download (the FDA NDC Directory comes as ndctext.zip, the HCPCS file as a .zip) and import the .csv or .txt files inside, or download the CSV version');
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) fail('this is an Excel 97-2003 workbook (.xls). Download the CSV version of the file instead');
  if (starts(0x25, 0x50, 0x44, 0x46)) fail('this is a PDF document, not a data file. Download the CSV or text version of the file');
  if (starts(0xff, 0xfe) || starts(0xfe, 0xff) || bytes.subarray(0, 4096).includes(0)) {
    fail('this file is saved as Unicode text (UTF-16) or holds binary data, not as the CSV or text file CMS and FDA publish. Download it again and import it without opening and saving it in Excel');
  }
}

function importText(fileName: string, text: string, options: ImportOptions): { table: ReferenceTable; rowsRead: number; rejected: Rejected[]; notes: readonly string[] } {
  if (text.trim() === '') fail('the file is empty');
  if (/^\s*<(?:!doctype|html)/i.test(text)) fail('this is a web page (HTML), not the data file: the download probably failed. Download the file again from the CMS or FDA page');
  if (/^(?:Add|Delete|Revise from|Revise to):/.test(text.slice(0, 20))) {
    fail('this is an ICD-10-CM addenda file (the changes of one year). Import the order file instead, for example icd10cm_order_2026.txt: it lists every code with its billable flag');
  }
  const rejected: Rejected[] = [];
  const done = ({ table, notes = [], repeated = 0 }: Parsed) => {
    if (table.rows.length === 0) fail(`no row of this ${KIND_NAMES[table.kind]} could be used (${rejected.length} rejected; the first: line ${rejected[0]?.line}, ${rejected[0]?.reason})`);
    return { table, rowsRead: table.rows.length + rejected.length + repeated, rejected, notes };
  };
  if (ORDER_LINE.test(text.slice(0, 120))) return done({ table: parseIcd10Order(text, fileName) });
  const firstLine = text.split(/\r?\n/, 1)[0]!;
  if (isFdaNdcHeader(firstLine)) return done({ table: parseFdaNdc(text, rejected, options.onProgress) });
  if (isHcpcsText(text)) {
    const rows = parseHcpcsText(text, rejected, options.onProgress);
    return done({ table: { kind: 'hcpcs', period: hcpcsPeriod(rows), rows } });
  }
  const csv = readCsv(text);
  if (!csv.ok) fail(csv.message, csv.line);
  options.onProgress?.(0.6);
  const records = csv.records;
  for (let h = 0; h < Math.min(records.length, HEADER_SEARCH_ROWS); h++) {
    const kind = CSV_KINDS.find((k) => k.isHeader(headerNames(records[h]!.cells)));
    if (kind === undefined) continue;
    const last = records[records.length - 1]!;
    if (h < records.length - 1 && !text.endsWith('\n') && last.cells.length < records[h]!.cells.length) {
      fail(`this last row stops after ${last.cells.length} values where the header has ${records[h]!.cells.length}: the file was cut short. Download it again`, last.line);
    }
    const parsed = kind.parse(records, h, rejected, options);
    if (parsed.table.rows.length === 0 && rejected.length === 0) fail(`the ${kind.name} has a header but no rows`, records[h]!.line);
    return done(parsed);
  }
  if (/^"?Field Descriptions/im.test(text)) {
    fail('this is the read-me CMS ships with the ASP crosswalks (what each column means, with examples): it holds no codes or prices, so there is nothing to import from it. Import the crosswalk CSV itself');
  }
  return fail('this is not a file the wizard knows: expected a CMS ASP or NOC crosswalk, a CMS ASP or NOC payment-limit file, the CMS HCPCS Level II file (CSV or text), an ICD-10-CM order file, the FDA NDC Directory (product.txt or package.txt) or the FDA Purple Book (CSV)');
}

/** Reads one published file; never throws. */
export function importReferenceFile(fileName: string, bytes: Uint8Array, options: ImportOptions): ImportResult {
  try {
    refuseBinary(bytes);
    const { text, encoding } = decodeBytes(bytes);
    options.onProgress?.(0.15);
    const imported = importText(fileName, text, options);
    options.onProgress?.(1);
    return { ok: true, encoding, ...imported };
  } catch (error) {
    if (error instanceof ImportFailure) return { ok: false, message: error.message };
    throw error;
  }
}
