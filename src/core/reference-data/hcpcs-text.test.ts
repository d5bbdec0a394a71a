import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv } from './csv';
import { importReferenceFile } from './import';

const DATA = join(import.meta.dirname, '../../../../shared/data');
const hasData = existsSync(DATA);
if (!hasData) console.warn(`Skipping the HCPCS text-file tests: ${DATA} is absent (the CMS/FDA reference files live outside the repository).`);

const TODAY = { today: '2026-11-23' };
const importText = (text: string) => importReferenceFile('HCPC2025_OCT_ANWEB.txt', new TextEncoder().encode(text), TODAY);

/** Words of a description in pieces of at most 80 characters, as CMS wraps them onto continuation records. */
function wrap(text: string): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const word of text.split(' ')) {
    if (piece !== '' && `${piece} ${word}`.length > 80) { pieces.push(piece); piece = word; } else piece = piece === '' ? word : `${piece} ${word}`;
  }
  return [...pieces, piece];
}

const at = (line: string[], position: number, value: string) => { line.splice(position - 1, value.length, ...value); };

/** One procedure or modifier in 320-character records, fields at their CMS record-layout positions. */
function records(code: string, recordId: '3' | '7', long: string, short: string, added: string, effective: string, terminated: string, action: string): string[] {
  return wrap(long).map((piece, i) => {
    const line = [...' '.repeat(320)];
    at(line, 1, code.padEnd(5));
    at(line, 6, String((i + 1) * 10).padStart(5, '0'));
    at(line, 11, i === 0 ? recordId : recordId === '3' ? '4' : '8');
    at(line, 12, piece);
    if (i === 0) {
      at(line, 92, short.slice(0, 28));
      at(line, 266, '  0');
      at(line, 269, added); at(line, 277, effective); at(line, 285, terminated); at(line, 293, action);
    }
    return line.join('');
  });
}

describe.skipIf(!hasData)('the HCPCS fixed-width text file', () => {
  const csvBytes = hasData ? readFileSync(join(DATA, 'hcpcs_level2_anweb_oct2025.csv')) : new Uint8Array();
  const csv = readCsv(new TextDecoder().decode(csvBytes));
  const rows = csv.ok ? csv.records.slice(1).map((r) => r.cells) : [];
  const text = rows.flatMap((c) => records(c[0]!, c[2] as '3' | '7', c[3]!, c[4]!, c[44]!, c[45]!, c[46]!, c[47]!)).join('\r\n') + '\r\n';

  it('reads the same codes, descriptions and dates as the CSV form, joining continuation records', () => {
    const fromText = importText(text), fromCsv = importReferenceFile('hcpcs.csv', csvBytes, TODAY);
    if (!fromText.ok || !fromCsv.ok) throw new Error(fromText.ok ? (fromCsv as { message: string }).message : fromText.message);
    expect(text.split('\r\n').length - 1).toBeGreaterThan(rows.length);
    // A double space that falls where a description wraps cannot survive the fixed-width form.
    const spaced = (t: typeof fromText.table) => t.rows.map((r) => ({ ...(r as object), longDescription: (r as { longDescription: string }).longDescription.replace(/ +/g, ' ') }));
    expect(spaced(fromText.table)).toEqual(spaced(fromCsv.table));
    expect(fromText.table.rows).toContainEqual(expect.objectContaining({ code: 'J3490', longDescription: 'Unclassified drugs', added: '1986-01-01', effective: '1997-01-01' }));
    expect(fromText.table.period).toEqual({ from: '2025-10-01', through: '2025-12-31', label: 'October 2025' });
  });

  it('stops when the dates are not where the record layout puts them, rather than store wrong dates', () => {
    const shifted = text.split('\r\n').map((l) => ` ${l}`.slice(0, 320)).join('\r\n');
    expect(importText(shifted)).toMatchObject({ ok: false, message: expect.stringContaining('not a file the wizard knows') });
    const datesMoved = text.split('\r\n').map((l) => (l[10] === '3' || l[10] === '7' ? `${l.slice(0, 268)}  ${l.slice(268, 318)}` : l)).join('\r\n');
    expect(importText(datesMoved)).toMatchObject({ ok: false, message: expect.stringMatching(/^Line 1: the dates \(positions 269-292\) or the action code/) });
  });

  it('stops at a file cut short in the middle of a record, naming the line', () => {
    const lines = text.split('\r\n');
    const cut = lines.slice(0, 10).join('\r\n') + '\r\n' + lines[10]!.slice(0, 150);
    expect(importText(cut)).toMatchObject({ ok: false, message: expect.stringMatching(/^Line 11: this record has 150 characters and stops before the dates/) });
  });
});

describe('the HCPCS text file self-check', () => {
  it('refuses dates that contradict the known history of an unclassified code', () => {
    const text = records('J3490', '3', 'Unclassified drugs', 'Drugs unclassified injection', '19990101', '19990101', '', 'N').join('\n');
    expect(importText(text)).toEqual({ ok: false, message: expect.stringContaining('code J3490 reads as added on 1999-01-01, but CMS added it on 1986-01-01') });
  });
  it('refuses a code listed twice for overlapping dates, naming the record that repeats it', () => {
    const long = 'Injection, ravulizumab-cwvz, 10 mg, a description long enough to run over a continuation record of its own';
    const text = [
      ...records('J3490', '3', 'Unclassified drugs', 'Drugs', '19860101', '19970101', '', 'N'),
      ...records('J1303', '3', long, 'Inj ravulizumab-cwvz', '20191001', '20191001', '', 'N'),
      ...records('J1303', '3', long, 'Inj ravulizumab-cwvz', '20200101', '20200101', '', 'C'),
    ].join('\n');
    expect(importText(text)).toMatchObject({ ok: false, message: expect.stringMatching(/^Line 4: code J1303 is listed again, for dates that overlap those of line 2/) });
  });
  it('refuses a continuation record that follows another code', () => {
    const text = [...records('J3490', '3', 'Unclassified drugs', 'Drugs', '19860101', '19970101', '', 'N'), ...records('J9999', '3', `${'x'.repeat(79)} more`, 'NOC', '19860101', '19970101', '', 'N').slice(1)].join('\n');
    expect(importText(text)).toMatchObject({ ok: false, message: expect.stringMatching(/^Line 2: this continuation record \(record id 4\) does not follow a record of code J9999/) });
  });
});
