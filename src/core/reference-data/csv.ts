/**
 * A strict CSV reader (RFC 4180) that keeps the physical line number of every record, so an import
 * can name the line at fault. Quoted fields may hold commas, doubled quotes and line breaks (CMS
 * notes do); an unterminated quote is an error, never silently repaired.
 */

export interface CsvRecord {
  /** 1-based line on which the record starts. */
  readonly line: number;
  readonly cells: readonly string[];
}

export type CsvResult = { ok: true; records: CsvRecord[] } | { ok: false; line: number; message: string };

export function readCsv(text: string, delimiter = ','): CsvResult {
  const records: CsvRecord[] = [];
  const d = delimiter.charCodeAt(0);
  let cells: string[] = [];
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const n = text.length;
  while (i <= n) {
    if (i === n) {
      if (cells.length > 0) records.push({ line: recordLine, cells });
      break;
    }
    let cell: string;
    if (text.charCodeAt(i) === 34) {
      const quoteLine = line;
      let value = '';
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q === -1) return { ok: false, line: quoteLine, message: 'a quoted value is never closed (a " is missing)' };
        const piece = text.slice(j, q);
        for (let k = piece.indexOf('\n'); k !== -1; k = piece.indexOf('\n', k + 1)) line++;
        value += piece;
        if (text.charCodeAt(q + 1) === 34) {
          value += '"';
          j = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      const next = text.charCodeAt(i);
      if (i < n && next !== d && next !== 10 && next !== 13) {
        return { ok: false, line, message: 'text follows a closing quote in the same value' };
      }
      cell = value;
    } else {
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === d || c === 10 || c === 13) break;
        j++;
      }
      cell = text.slice(i, j);
      i = j;
    }
    cells.push(cell);
    const c = i < n ? text.charCodeAt(i) : -1;
    if (c === d) {
      i++;
      if (i === n) cells.push('');
      continue;
    }
    records.push({ line: recordLine, cells });
    cells = [];
    if (c === 13) i++;
    if (i < n && text.charCodeAt(i) === 10) i++;
    if (c === -1) break;
    line++;
    recordLine = line;
    if (i === n) break;
  }
  return { ok: true, records };
}

/** Cells as CMS files need them: non-breaking spaces made spaces, trimmed, empty trailing cells dropped. */
export function cleanCells(cells: readonly string[]): string[] {
  const out = cells.map((c) => c.replace(/\u00a0/g, ' ').trim());
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}
