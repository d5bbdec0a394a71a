/**
 * The CMS and FDA files published as CSV: the ASP and NOC crosswalks and payment limits, the HCPCS
 * Level II file (its Excel sheet saved as CSV) and the FDA Purple Book. The header row is found by
 * its content within the first rows, the quarter read from the banner above it; then each data row
 * is read as it comes, so a file is never held whole.
 */
import { asHcpcsCode } from '../codes';
import type { IsoDate } from '../dates';
import { asIsoDate } from '../dates';
import type { Ndc11 } from '../ndc';
import { parseNdc } from '../ndc';
import type { CsvRecord } from './csv';
import { cleanCells, CsvError, csvReader } from './csv';
import type { FormatReader, HeaderRow, Parsed, ReadContext } from './import-support';
import { checkAsOf, checkPeriodYears, checkQuarter, hcpcsRowCheck } from './consistency';
import { partialBySize } from './crosswalk-completeness';
import { cell, columns, fail, headerNames, latestDate, quarterPeriod, snapshotPeriod, yyyymmdd } from './import-support';
import type { CrosswalkRow, HcpcsRow, NocCrosswalkRow, Period, PriceRow, PurpleBookRow, ReferenceKind } from './tables';
import { KIND_NAMES } from './tables';

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
      const from = asIsoDate(isoFromWords(m[1]!, m[2]!, m[3]!)), through = asIsoDate(isoFromWords(m[4]!, m[5]!, m[6]!));
      if (from === undefined || through === undefined) return fail(`the effective dates of this ${kindName} are not real dates`, record.line);
      checkQuarter({ from, through }, kindName, record.line);
      return { from, through, label: `${m[1]![0]!.toUpperCase()}${m[1]!.slice(1).toLowerCase()} ${m[3]}` };
    }
  }
  return fail(`this ${kindName} has no "Effective … through …" line above its header, so its quarter cannot be told. Use the file as CMS publishes it.`);
}

const rowKey = (cells: readonly string[]) => cells.join('\u0000');

/** Three independent 32-bit hashes of a row's values, so a million rows need no copy of their text. */
function rowHashes(cells: readonly string[], out: Uint32Array): void {
  let h1 = 0x811c9dc5, h2 = 0x41c6ce57, h3 = 0xdeadbeef;
  for (const value of cells) {
    for (let i = 0; i <= value.length; i++) {
      // Each value ends with a 0, so ["ab", "c"] and ["a", "bc"] differ.
      const c = i < value.length ? value.charCodeAt(i) : 0;
      h1 = Math.imul(h1 ^ c, 16777619);
      h2 = Math.imul(h2 ^ c, 1597334677);
      h3 = Math.imul(h3 ^ c, 2654435761);
    }
  }
  out[0] = Math.imul(h1 ^ (h1 >>> 15), 2246822507) ^ (h2 >>> 13);
  out[1] = Math.imul(h2 ^ (h2 >>> 16), 3266489909) ^ (h3 >>> 11);
  out[2] = Math.imul(h3 ^ (h3 >>> 13), 2246822507) ^ (h1 >>> 17);
}

/**
 * Refuses exact duplicate rows: a crosswalk lists each NDC-code pair once. Rows are told apart by
 * three independent 32-bit hashes of their values, kept in typed arrays (12 bytes a row, an open
 * hash table): two different rows share all three with a chance far below one in a billion
 * billion, and no row's text is kept.
 */
function duplicateCheck(): (line: number, cells: readonly string[]) => void {
  let size = 1 << 12;
  let hashes = new Uint32Array(size * 3);
  let lines = new Int32Array(size);
  let count = 0;
  const h = new Uint32Array(3);
  const insert = (line: number): number | undefined => {
    for (let slot = h[0]! & (size - 1); ; slot = (slot + 1) & (size - 1)) {
      if (lines[slot] === 0) {
        hashes.set(h, slot * 3);
        lines[slot] = line;
        return undefined;
      }
      if (hashes[slot * 3] === h[0] && hashes[slot * 3 + 1] === h[1] && hashes[slot * 3 + 2] === h[2]) return lines[slot];
    }
  };
  const grow = () => {
    const oldHashes = hashes, oldLines = lines;
    size *= 2;
    hashes = new Uint32Array(size * 3);
    lines = new Int32Array(size);
    for (let slot = 0; slot < oldLines.length; slot++) {
      if (oldLines[slot] === 0) continue;
      h.set(oldHashes.subarray(slot * 3, slot * 3 + 3));
      insert(oldLines[slot]!);
    }
  };
  return (line, cells) => {
    if (count * 2 >= size) grow();
    rowHashes(cells, h);
    const first = insert(line);
    if (first !== undefined) fail(`this row repeats line ${first} exactly. A published file has no duplicate rows: download it again from CMS`, line);
    count++;
  };
}

function readId(raw: string): Ndc11 | null {
  if (!/^\d{5}-\d{4}-\d{2}$/.test(raw) && !/^\d{11}$/.test(raw)) return null;
  const r = parseNdc(raw);
  return r.ok ? r.ndc.ndc11 : null;
}

/** Reads the data rows of one kind, each as it comes (cleaned, never empty), then gives the table. */
interface RowSink {
  row(line: number, cells: readonly string[]): void;
  finish(): Parsed;
}

interface CsvKind {
  readonly name: string;
  readonly kind: ReferenceKind;
  readonly isHeader: (upperCells: readonly string[]) => boolean;
  /** Starts reading under the header; the banner is the rows above it. */
  readonly start: (header: HeaderRow, banner: readonly CsvRecord[], context: ReadContext) => RowSink;
}

const has = (cells: readonly string[], name: string) => cells.includes(name);

const ASP_CROSSWALK: CsvKind = {
  name: KIND_NAMES['asp-crosswalk'],
  kind: 'asp-crosswalk',
  isHeader: (c) => has(c, 'BILLUNITSPKG') && c.some((x) => /^_\d{4}_CODE$/.test(x) || x === 'HCPCS CODE'),
  start(header, banner, { rejected }) {
    const col = columns(header, {
      code: [/^_\d{4}_CODE$/, 'HCPCS CODE'], shortDescription: ['Short Description'], labeler: ['LABELER NAME'], id: ['NDC2', 'NDC'],
      drugName: ['Drug Name'], dosage: ['HCPCS dosage'], packageSize: ['PKG SIZE'], packageQuantity: ['PKG QTY'], billUnits: ['BILLUNITS'],
      billUnitsPerPackage: ['BILLUNITSPKG'],
    }, this.name);
    const period = bannerPeriod(banner, this.name);
    const checkDuplicate = duplicateCheck();
    const rows: CrosswalkRow[] = [];
    return {
      row(line, cells) {
        checkDuplicate(line, cells);
        const code = asHcpcsCode(cell(cells, col.code));
        const id = cell(cells, col.id);
        if (code === undefined) { rejected.push({ line, reason: `"${cell(cells, col.code).toUpperCase()}" is not a HCPCS code` }); return; }
        if (id === '') { rejected.push({ line, reason: 'no NDC or id' }); return; }
        rows.push({
          code, id, ndc11: readId(id), shortDescription: cell(cells, col.shortDescription), labeler: cell(cells, col.labeler),
          drugName: cell(cells, col.drugName), dosage: cell(cells, col.dosage), packageSize: cell(cells, col.packageSize),
          packageQuantity: cell(cells, col.packageQuantity), billUnits: cell(cells, col.billUnits), billUnitsPerPackage: cell(cells, col.billUnitsPerPackage),
        });
      },
      finish: () => {
        const partial = partialBySize(rows.length);
        const notes = partial === undefined ? [] : [`Partial: ${partial}. It is kept and used, but an NDC it does not list may still have a code of its own, so claims of ${period.label} say so. Import the whole crosswalk CMS publishes for the quarter.`];
        return { table: { kind: 'asp-crosswalk', period, rows }, notes };
      },
    };
  },
};

const NOC_CROSSWALK: CsvKind = {
  name: KIND_NAMES['noc-crosswalk'],
  kind: 'noc-crosswalk',
  isHeader: (c) => has(c, 'BILLUNITSPKG') && has(c, 'DRUG GENERIC NAME'),
  start(header, banner, { rejected }) {
    const col = columns(header, {
      genericName: ['Drug Generic Name'], labeler: ['LABELER NAME'], id: ['NDC or ALTERNATE ID', 'NDC2', 'NDC'], drugName: ['Drug Name'],
      dosage: ['Dosage'], billUnits: ['BILLUNITS'], billUnitsPerPackage: ['BILLUNITSPKG'],
    }, this.name);
    const period = bannerPeriod(banner, this.name);
    const checkDuplicate = duplicateCheck();
    const rows: NocCrosswalkRow[] = [];
    return {
      row(line, cells) {
        checkDuplicate(line, cells);
        const id = cell(cells, col.id);
        if (id === '' || cell(cells, col.genericName) === '') { rejected.push({ line, reason: 'no drug name or NDC' }); return; }
        rows.push({
          genericName: cell(cells, col.genericName), labeler: cell(cells, col.labeler), id, ndc11: readId(id), drugName: cell(cells, col.drugName),
          dosage: cell(cells, col.dosage), billUnits: cell(cells, col.billUnits), billUnitsPerPackage: cell(cells, col.billUnitsPerPackage),
        });
      },
      finish: () => ({ table: { kind: 'noc-crosswalk', period, rows } }),
    };
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
    kind,
    isHeader: (c) => has(c, 'PAYMENT LIMIT') && keyNames.some((k) => has(c, k.toUpperCase())),
    start(header, banner, { rejected }) {
      const col = columns(header, {
        key: keyNames, dosage: ['HCPCS Code Dosage', 'Dosage'], paymentLimit: ['Payment Limit'], notes: ['Notes'],
      }, name);
      const descriptionColumn = headerNames(header.cells).indexOf('SHORT DESCRIPTION');
      const period = bannerPeriod(banner, name);
      const rows: PriceRow[] = [];
      return {
        row(line, cells) {
          const key = cell(cells, col.key);
          const limit = price(cell(cells, col.paymentLimit));
          if (key === '') { rejected.push({ line, reason: 'no code or drug name' }); return; }
          if (limit === undefined) { rejected.push({ line, reason: `payment limit "${cell(cells, col.paymentLimit)}" is not an amount` }); return; }
          rows.push({ key: kind === 'asp-pricing' ? key.toUpperCase() : key, description: cell(cells, descriptionColumn), dosage: cell(cells, col.dosage), paymentLimit: limit, notes: cell(cells, col.notes) });
        },
        finish: () => ({ table: { kind, period, rows } }),
      };
    },
  };
}

/** The quarter a HCPCS file is for: the one holding the latest effective date it carries. */
export function hcpcsPeriod(rows: readonly HcpcsRow[]): Period {
  const latest = latestDate(rows.map((r) => r.effective));
  if (latest === undefined) fail('the HCPCS file has no effective dates');
  const period = quarterPeriod(latest);
  checkPeriodYears(period, 'this HCPCS file, by the quarter of its latest effective date,');
  return period;
}

const HCPCS: CsvKind = {
  name: KIND_NAMES.hcpcs,
  kind: 'hcpcs',
  isHeader: (c) => has(c, 'HCPC') && has(c, 'LONG DESCRIPTION') && has(c, 'ADD DT'),
  start(header, _banner, { rejected }) {
    const col = columns(header, {
      code: ['HCPC'], recordId: ['RECID'], longDescription: ['LONG DESCRIPTION'], shortDescription: ['SHORT DESCRIPTION'],
      added: ['ADD DT'], effective: ['ACT EFF DT'], terminated: ['TERM DT'], action: ['ACTION CD'],
    }, this.name);
    const rows: HcpcsRow[] = [];
    const check = hcpcsRowCheck();
    return {
      row(line, cells) {
        const code = cell(cells, col.code).toUpperCase();
        const added = yyyymmdd(cell(cells, col.added)), effective = yyyymmdd(cell(cells, col.effective)), terminated = yyyymmdd(cell(cells, col.terminated));
        if (!/^[A-Z0-9]{2,5}$/.test(code)) { rejected.push({ line, reason: `"${code}" is not a HCPCS code or modifier` }); return; }
        if (added == null || effective === undefined || terminated === undefined) { rejected.push({ line, reason: 'a date is not written YYYYMMDD' }); return; }
        const row: HcpcsRow = {
          code, longDescription: cell(cells, col.longDescription), shortDescription: cell(cells, col.shortDescription), added,
          effective: effective ?? added, terminated, action: cell(cells, col.action), isModifier: cell(cells, col.recordId) === '7',
        };
        check(line, row);
        rows.push(row);
      },
      finish: () => ({ table: { kind: 'hcpcs', period: hcpcsPeriod(rows), rows } }),
    };
  },
};

const MONTH_ABBREVIATIONS = MONTHS.map((m) => m.slice(0, 3));

/** `14-Mar-25`: a two-digit year is the latest year that is not after today (approvals are never in the future). */
function purpleBookDate(raw: string, today: string): IsoDate | null | undefined {
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
  return asIsoDate(`${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`);
}

const PURPLE_BOOK: CsvKind = {
  name: KIND_NAMES['purple-book'],
  kind: 'purple-book',
  isHeader: (c) => has(c, 'BLA NUMBER') && has(c, 'PROPER NAME') && has(c, 'BLA TYPE'),
  start(header, _banner, { rejected, options }) {
    const name = this.name;
    const col = columns(header, {
      blaNumber: ['BLA Number'], applicant: ['Applicant'], proprietaryName: ['Proprietary Name'], properName: ['Proper Name'], blaType: ['BLA Type'],
      strength: ['Strength'], dosageForm: ['Dosage Form'], route: ['Route of Administration'], presentation: ['Product Presentation'],
      marketingStatus: ['Marketing Status'], licensure: ['Licensure'], approvalDate: ['Approval Date'], referenceProduct: ['Ref. Product Proper Name'],
    }, name);
    const seen = new Set<string>();
    let repeated = 0;
    let latest: { date: IsoDate; line: number } | undefined;
    const rows: PurpleBookRow[] = [];
    return {
      row(line, cells) {
        const key = rowKey(cells);
        if (seen.has(key)) { repeated++; return; }
        seen.add(key);
        const blaNumber = cell(cells, col.blaNumber);
        const approvalDate = purpleBookDate(cell(cells, col.approvalDate), options.today);
        if (!/^\d{4,6}$/.test(blaNumber)) { rejected.push({ line, reason: `"${blaNumber}" is not a BLA number` }); return; }
        if (approvalDate === undefined) { rejected.push({ line, reason: `approval date "${cell(cells, col.approvalDate)}" is not written like 14-Mar-25` }); return; }
        rows.push({
          blaNumber, applicant: cell(cells, col.applicant), proprietaryName: cell(cells, col.proprietaryName), properName: cell(cells, col.properName),
          blaType: cell(cells, col.blaType), strength: cell(cells, col.strength), dosageForm: cell(cells, col.dosageForm), route: cell(cells, col.route),
          presentation: cell(cells, col.presentation), marketingStatus: cell(cells, col.marketingStatus), licensure: cell(cells, col.licensure),
          approvalDate, referenceProduct: cell(cells, col.referenceProduct),
        });
        if (approvalDate !== null && (latest === undefined || approvalDate > latest.date)) latest = { date: approvalDate, line };
      },
      finish() {
        if (latest === undefined) fail(`the ${name} has no approval dates, so the day it is as of cannot be told`);
        const asOf = latest.date;
        checkAsOf(asOf, options.today, name, latest.line);
        const notes = repeated === 0 ? [] : [`${repeated.toLocaleString('en-US')} rows repeat earlier rows exactly (the Purple Book download lists some products more than once); each was kept once.`];
        return { table: { kind: 'purple-book', period: snapshotPeriod(asOf), rows }, notes, repeated };
      },
    };
  },
};

const CSV_KINDS: readonly CsvKind[] = [
  ASP_CROSSWALK, NOC_CROSSWALK,
  pricing('asp-pricing', ['HCPCS Code']),
  pricing('noc-pricing', ['Drug Generic Name (Trade Name)']),
  HCPCS, PURPLE_BOOK,
];

/** How many rows from the top the header is looked for. */
const HEADER_SEARCH_ROWS = 40;

/**
 * Reads a CSV file of any kind above: the first rows until one is a header the wizard knows, then
 * each data row (cleaned; more values than the header has is a damaged file). A last row shorter
 * than the header, with no line break after it, means the file was cut short.
 */
export function csvFormatReader(context: ReadContext, unknown: () => never): FormatReader {
  const above: CsvRecord[] = [];
  let found: { kind: CsvKind; header: CsvRecord; sink: RowSink } | undefined;
  let last: CsvRecord | undefined;
  const onRecord = (record: CsvRecord) => {
    if (found === undefined) {
      const kind = CSV_KINDS.find((k) => k.isHeader(headerNames(record.cells)));
      if (kind === undefined) {
        above.push(record);
        if (above.length >= HEADER_SEARCH_ROWS) unknown();
        return;
      }
      context.identified(kind.kind);
      found = { kind, header: record, sink: kind.start(record, above, context) };
      return;
    }
    last = record;
    const cells = cleanCells(record.cells);
    if (cells.length === 0) return;
    if (cells.length > found.header.width) fail(`this row has more values (${cells.length}) than the header has columns (${found.header.width}); the file may be damaged or not a published file`, record.line);
    found.sink.row(record.line, cells.map(context.keep));
  };
  const reader = csvReader(onRecord);
  const read = (step: () => void) => {
    try {
      step();
    } catch (error) {
      if (error instanceof CsvError) fail(error.message, error.line);
      throw error;
    }
  };
  return {
    push: (text) => read(() => reader.push(text)),
    finish() {
      read(() => reader.end());
      if (found === undefined) return unknown();
      if (last !== undefined && !reader.endsWithLineBreak && last.width < found.header.width) {
        fail(`this last row stops after ${last.width} values where the header has ${found.header.width}: the file was cut short. Download it again`, last.line);
      }
      const parsed = found.sink.finish();
      if (parsed.table.rows.length === 0 && context.rejected.length === 0) fail(`the ${found.kind.name} has a header but no rows`, found.header.line);
      return parsed;
    },
  };
}
