/**
 * A strict, incremental CSV reader (RFC 4180) that keeps the physical line number of every record,
 * so an import can name the line at fault. Text is pushed in pieces of any size (a piece may end in
 * the middle of a value, a quote or a CR LF pair); each complete record is handed on at once, so
 * memory holds one record, never the file.
 *
 * Quoted values may hold commas, doubled quotes and line breaks (CMS notes do). Line breaks are
 * CR LF, LF or CR alone. Malformed quoting is an error naming its line, never silently repaired: a
 * quote that is never closed, text after a closing quote, and a quote inside a value that does not
 * start with one (`bev"acizumab`).
 *
 * Records are kept compactly: empty cells at the end of a record (Excel pads CMS files out to 250
 * columns) are counted in `width` but not kept in `cells`.
 */

export interface CsvRecord {
  /** 1-based line on which the record starts. */
  readonly line: number;
  /** The values up to the last non-empty one. */
  readonly cells: readonly string[];
  /** How many values the record has as written, trailing empty ones included. */
  readonly width: number;
}

/** Malformed CSV: what is wrong and the line where it starts. */
export class CsvError extends Error {
  readonly line: number;
  constructor(line: number, message: string) {
    super(message);
    this.line = line;
  }
}

const QUOTE = 34, CR = 13, LF = 10;
/** Where the reader is: before a value, inside an unquoted or quoted one, or just after a quote inside quotes. */
const State = { FieldStart: 0, Unquoted: 1, Quoted: 2, QuoteInQuoted: 3 } as const;

export interface CsvReader {
  /** Reads the next piece of text, handing on each record it completes. Throws `CsvError`. */
  push(text: string): void;
  /** The text is over: hands on the last record. Throws `CsvError` for a quote left open. */
  end(): void;
  /** Whether the text read so far ends with a line break (outside quotes). */
  readonly endsWithLineBreak: boolean;
}

/** A reader that calls `onRecord` for each record, in order. */
export function csvReader(onRecord: (record: CsvRecord) => void, delimiter = ','): CsvReader {
  const d = delimiter.charCodeAt(0);
  let state: number = State.FieldStart;
  let cells: string[] = [];
  let emptyRun = 0;
  let field = '';
  let line = 1, recordLine = 1, quoteLine = 1;
  let previousCr = false;
  let endsWithLineBreak = false;

  const addCell = (value: string) => {
    if (value === '') { emptyRun++; return; }
    for (; emptyRun > 0; emptyRun--) cells.push('');
    // A view on the text pushed; what is kept is copied by the importer (see `valuePool`).
    cells.push(value);
  };
  const endRecord = () => {
    onRecord({ line: recordLine, cells, width: cells.length + emptyRun });
    cells = [];
    emptyRun = 0;
  };
  const hasRecord = () => cells.length > 0 || emptyRun > 0;

  /** A delimiter or line break ends the value read so far (and, for a line break, the record). */
  const separator = (c: number, value: string) => {
    addCell(value);
    field = '';
    state = State.FieldStart;
    endsWithLineBreak = c !== d;
    if (c === d) return;
    endRecord();
    line++;
    recordLine = line;
  };

  return {
    get endsWithLineBreak() { return endsWithLineBreak; },
    push(text) {
      let start = 0;
      const n = text.length;
      for (let i = 0; i < n; i++) {
        const c = text.charCodeAt(i);
        const afterCr = previousCr;
        previousCr = c === CR;
        switch (state) {
          case State.FieldStart:
            // The LF of a CR LF pair: the CR already ended the record.
            if (c === LF && afterCr) continue;
            if (c === d || c === CR || c === LF) { separator(c, ''); continue; }
            endsWithLineBreak = false;
            if (c === QUOTE) { state = State.Quoted; quoteLine = line; start = i + 1; }
            else { state = State.Unquoted; start = i; }
            continue;
          case State.Unquoted:
            if (c === d || c === CR || c === LF) { separator(c, field + text.slice(start, i)); continue; }
            if (c === QUOTE) throw new CsvError(line, 'a quote (") stands inside a value that does not start with one; a value holding quotes must be enclosed in quotes, each quote doubled');
            continue;
          case State.Quoted:
            if (c === QUOTE) { field += text.slice(start, i); state = State.QuoteInQuoted; }
            else if (c === CR || (c === LF && !afterCr)) line++;
            continue;
          case State.QuoteInQuoted:
            if (c === QUOTE) { field += '"'; state = State.Quoted; start = i + 1; continue; }
            if (c !== d && c !== CR && c !== LF) throw new CsvError(line, 'text follows a closing quote in the same value');
            separator(c, field);
            continue;
        }
      }
      if (state === State.Unquoted || state === State.Quoted) field += text.slice(start);
    },
    end() {
      if (state === State.Quoted) throw new CsvError(quoteLine, 'a quoted value is never closed (a " is missing)');
      // A value is open, or a delimiter was the last character (an empty value follows it).
      if (state !== State.FieldStart || hasRecord()) {
        addCell(field);
        field = '';
        state = State.FieldStart;
        endRecord();
      }
    },
  };
}

export type CsvResult = { ok: true; records: CsvRecord[] } | { ok: false; line: number; message: string };

/** Reads a whole text at once. */
export function readCsv(text: string, delimiter = ','): CsvResult {
  const records: CsvRecord[] = [];
  try {
    const reader = csvReader((r) => records.push(r), delimiter);
    reader.push(text);
    reader.end();
  } catch (error) {
    if (error instanceof CsvError) return { ok: false, line: error.line, message: error.message };
    throw error;
  }
  return { ok: true, records };
}

/** Cells as CMS files need them: non-breaking spaces made spaces, trimmed, empty trailing cells dropped. */
export function cleanCells(cells: readonly string[]): string[] {
  const out = cells.map((c) => c.replace(/\u00a0/g, ' ').trim());
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}
