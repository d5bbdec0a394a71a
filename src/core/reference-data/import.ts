/**
 * Importers for the CMS and FDA files exactly as they are published. Each file's kind and period
 * are read from its content (the header row and the banner), never from a fixed number of rows to
 * skip. An import is all-or-nothing: a file that is not what it claims fails with the line at fault;
 * rows that cannot be used are listed with their reason.
 *
 * Files are read as a stream: bytes are decoded and parsed piece by piece (`importReferenceStream`),
 * so memory grows with the rows kept, not with the size of the file. A file larger than its kind
 * can be (`MAX_BYTES`) is refused before it is read. `importReferenceFile` reads bytes already in
 * memory through the same steps.
 */
import { csvFormatReader, hcpcsPeriod } from './csv-kinds';
import type { Encoding } from './decode';
import { streamDecoder } from './decode';
import { fdaNdcReader, isFdaNdcHeader } from './fda-ndc';
import { hcpcsTextReader, isHcpcsText } from './hcpcs-text';
import { icd10OrderReader, ORDER_LINE } from './icd10-order';
import type { FormatReader, ImportOptions, Parsed, ReadContext, Rejected } from './import-support';
import { fail, ImportFailure, valuePool } from './import-support';
import type { ReferenceKind, ReferenceTable } from './tables';
import { KIND_NAMES } from './tables';

export type { ImportOptions, Rejected } from './import-support';

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

const MB = 1024 * 1024;

/**
 * The largest file of each kind the wizard reads: several times the largest published one, so a
 * file far larger is not the published file (and would only fill the browser's memory).
 */
export const MAX_BYTES: Record<ReferenceKind, number> = {
  'asp-crosswalk': 512 * MB,
  'noc-crosswalk': 64 * MB,
  'asp-pricing': 64 * MB,
  'noc-pricing': 64 * MB,
  hcpcs: 128 * MB,
  'icd10-order': 128 * MB,
  'fda-ndc-product': 512 * MB,
  'fda-ndc-package': 512 * MB,
  'purple-book': 128 * MB,
};
/** No file the wizard reads is larger; a larger one is refused before anything of it is read. */
export const MAX_FILE_BYTES = Object.values(MAX_BYTES).reduce((a, b) => Math.max(a, b), 0);

const sizeText = (bytes: number) => (bytes >= 10 * MB ? `${Math.round(bytes / MB).toLocaleString('en-US')} MB` : `${(bytes / MB).toFixed(1)} MB`);

/** The first bytes read before the format is told (binary files are recognised by them). */
const HEAD_BYTES = 4096;
/** The first characters read before the format is told: enough for a header line or a fixed-width record. */
const HEAD_CHARS = 1024;

/** Files that are not text at all, recognised by their first bytes, with what the biller should do. */
function refuseBinary(bytes: Uint8Array): void {
  const starts = (...b: number[]) => b.every((x, i) => bytes[i] === x);
  if (starts(0x50, 0x4b, 0x03, 0x04)) fail('this is a ZIP archive or an Excel workbook (.xlsx), not a CSV or text file. Unzip the download (the FDA NDC Directory comes as ndctext.zip, the HCPCS file as a .zip) and import the .csv or .txt files inside, or download the CSV version');
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) fail('this is an Excel 97-2003 workbook (.xls). Download the CSV version of the file instead');
  if (starts(0x25, 0x50, 0x44, 0x46)) fail('this is a PDF document, not a data file. Download the CSV or text version of the file');
  if (starts(0xff, 0xfe) || starts(0xfe, 0xff) || bytes.subarray(0, HEAD_BYTES).includes(0)) {
    fail('this file is saved as Unicode text (UTF-16) or holds binary data, not as the CSV or text file CMS and FDA publish. Download it again and import it without opening and saving it in Excel');
  }
}

function joinBytes(pieces: readonly Uint8Array[], length: number): Uint8Array {
  if (pieces.length === 1) return pieces[0]!;
  const all = new Uint8Array(length);
  let at = 0;
  for (const piece of pieces) { all.set(piece, at); at += piece.length; }
  return all;
}

/** The reader for the text's format, told from its first characters. */
function formatOf(fileName: string, head: string, context: ReadContext): FormatReader {
  if (/^\s*<(?:!doctype|html)/i.test(head)) fail('this is a web page (HTML), not the data file: the download probably failed. Download the file again from the CMS or FDA page');
  if (/^(?:Add|Delete|Revise from|Revise to):/.test(head.slice(0, 20))) {
    fail('this is an ICD-10-CM addenda file (the changes of one year). Import the order file instead, for example icd10cm_order_2026.txt: it lists every code with its billable flag');
  }
  if (ORDER_LINE.test(head.slice(0, 120))) return icd10OrderReader(fileName, context);
  if (isFdaNdcHeader(head.split(/\r?\n/, 1)[0]!)) return fdaNdcReader(context);
  if (isHcpcsText(head)) return hcpcsTextReader(context, hcpcsPeriod);
  return csvFormatReader(context, () => {
    if (/^"?Field Descriptions/im.test(head)) {
      fail('this is the read-me CMS ships with the ASP crosswalks (what each column means, with examples): it holds no codes or prices, so there is nothing to import from it. Import the crosswalk CSV itself');
    }
    return fail('this is not a file the wizard knows: expected a CMS ASP or NOC crosswalk, a CMS ASP or NOC payment-limit file, the CMS HCPCS Level II file (CSV or text), an ICD-10-CM order file, the FDA NDC Directory (product.txt or package.txt) or the FDA Purple Book (CSV)');
  });
}

/**
 * One reading of a file: bytes in, pieces of any size, then the result. `push` answers `restart`
 * when the file turns out to be Windows-1252 after UTF-8 text was read; the file is then read
 * again by a new reading in Windows-1252.
 */
class Reading {
  private readonly decoder;
  private readonly context: ReadContext;
  private headBytes: Uint8Array[] = [];
  private headByteCount = 0;
  private isHeadChecked = false;
  private headText = '';
  private format: FormatReader | undefined;
  private isBlank = true;
  private bytesRead = 0;
  private lastProgress = 0;

  private readonly fileName: string;
  private readonly size: number;
  private readonly options: ImportOptions;

  constructor(fileName: string, size: number, options: ImportOptions, encoding?: Encoding) {
    this.fileName = fileName;
    this.size = size;
    this.options = options;
    this.decoder = streamDecoder(encoding);
    this.context = {
      options, rejected: [], keep: valuePool(),
      identified: (kind) => {
        if (size > MAX_BYTES[kind]) {
          fail(`this ${KIND_NAMES[kind]} is ${sizeText(size)}; the wizard reads one of at most ${sizeText(MAX_BYTES[kind])}, many times the size CMS and the FDA publish. It is not the published file: download it again`);
        }
      },
    };
  }

  get encoding(): Encoding {
    return this.decoder.encoding;
  }

  push(bytes: Uint8Array, final: boolean): 'restart' | undefined {
    this.bytesRead += bytes.length;
    if (!this.isHeadChecked) {
      this.headBytes.push(bytes);
      this.headByteCount += bytes.length;
      if (this.headByteCount < HEAD_BYTES && !final) return undefined;
      bytes = joinBytes(this.headBytes, this.headByteCount);
      this.headBytes = [];
      this.isHeadChecked = true;
      refuseBinary(bytes);
    }
    const text = this.decoder.decode(bytes, final);
    if (text === 'restart') return 'restart';
    this.text(text, final);
    const done = this.size === 0 ? 0 : (0.95 * this.bytesRead) / this.size;
    if (done > this.lastProgress + 0.01) {
      this.lastProgress = done;
      this.options.onProgress?.(Math.min(done, 0.95));
    }
    return undefined;
  }

  private text(text: string, final: boolean): void {
    if (this.isBlank && text.trim() !== '') this.isBlank = false;
    if (this.format === undefined) {
      this.headText += text;
      if (this.headText.length < HEAD_CHARS && !final) return;
      if (this.isBlank) {
        if (!final) return;
        fail('the file is empty');
      }
      this.format = formatOf(this.fileName, this.headText, this.context);
      text = this.headText;
      this.headText = '';
    }
    this.format.push(text);
  }

  result(): ImportResult {
    if (this.format === undefined) fail('the file is empty');
    const { table, notes = [], repeated = 0 }: Parsed = this.format.finish();
    const { rejected } = this.context;
    if (table.rows.length === 0) fail(`no row of this ${KIND_NAMES[table.kind]} could be used (${rejected.length} rejected; the first: line ${rejected[0]?.line}, ${rejected[0]?.reason})`);
    this.options.onProgress?.(1);
    return { ok: true, table, rowsRead: table.rows.length + rejected.length + repeated, rejected, encoding: this.encoding, notes };
  }
}

/** Progress that never goes back (a file read again from the start reports from where it was). */
function forwardOnly(options: ImportOptions): ImportOptions {
  const report = options.onProgress;
  if (report === undefined) return options;
  let last = 0;
  return { ...options, onProgress: (done) => { if (done >= last) { last = done; report(done); } } };
}

/** An import failure as the result `{ ok: false, message }`; anything else is a fault of the program. */
function failed(error: unknown): ImportResult {
  if (error instanceof ImportFailure) return { ok: false, message: error.message };
  throw error;
}

function refuseSize(size: number): void {
  if (size > MAX_FILE_BYTES) fail(`this file is ${sizeText(size)}; no file CMS or the FDA publishes for the wizard is larger than ${sizeText(MAX_FILE_BYTES)}. It is not a reference file: check which file you chose`);
}

/** Reads one published file held in memory; never throws for a bad file. */
export function importReferenceFile(fileName: string, bytes: Uint8Array, given: ImportOptions): ImportResult {
  const options = forwardOnly(given);
  try {
    refuseSize(bytes.length);
    let reading = new Reading(fileName, bytes.length, options);
    if (reading.push(bytes, true) === 'restart') {
      reading = new Reading(fileName, bytes.length, options, 'windows-1252');
      reading.push(bytes, true);
    }
    return reading.result();
  } catch (error) {
    return failed(error);
  }
}

/** A file to read as a stream: its size, and a way to read it from the start (again, if need be). */
export interface ByteSource {
  readonly size: number;
  open(): AsyncIterable<Uint8Array>;
}

/** Reads one published file as a stream of pieces; never rejects for a bad file. */
export async function importReferenceStream(fileName: string, source: ByteSource, given: ImportOptions): Promise<ImportResult> {
  const options = forwardOnly(given);
  try {
    refuseSize(source.size);
    for (const encoding of [undefined, 'windows-1252'] as const) {
      const reading = new Reading(fileName, source.size, options, encoding);
      let restarted = false;
      let previous: Uint8Array | undefined;
      // Each piece is pushed once the next has come, so the last one is known to be final.
      for await (const piece of source.open()) {
        if (previous !== undefined && reading.push(previous, false) === 'restart') { restarted = true; break; }
        previous = piece;
      }
      if (!restarted && reading.push(previous ?? new Uint8Array(0), true) !== 'restart') return reading.result();
    }
    return fail('the file could not be read as Windows-1252 text');
  } catch (error) {
    return failed(error);
  }
}
