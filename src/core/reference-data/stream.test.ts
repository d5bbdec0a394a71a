import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CsvRecord } from './csv';
import { csvReader, readCsv } from './csv';
import { decodeBytes, streamDecoder } from './decode';
import type { ByteSource } from './import';
import { importReferenceFile, importReferenceStream, MAX_BYTES, MAX_FILE_BYTES } from './import';

const DATA = join(import.meta.dirname, '../../../../shared/data');
const hasData = existsSync(DATA);
if (!hasData) console.warn(`Skipping the streaming tests over real files: ${DATA} is absent (the CMS/FDA reference files live outside the repository).`);

const TODAY = { today: '2026-11-23' };

/** The records of a text pushed in pieces of `size` characters. */
function inPieces(text: string, size: number): CsvRecord[] {
  const records: CsvRecord[] = [];
  const reader = csvReader((r) => records.push(r));
  for (let i = 0; i < text.length; i += size) reader.push(text.slice(i, i + size));
  reader.end();
  return records;
}

/** A source that hands the bytes over in pieces of `size`, counting how often it is opened. */
function source(bytes: Uint8Array, size: number, size_ = bytes.length): ByteSource & { opened: number } {
  const s = {
    size: size_,
    opened: 0,
    async *open() {
      s.opened++;
      for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
    },
  };
  return s;
}

describe('the incremental CSV reader', () => {
  const text = 'a,"b, c"\r\n"say ""hi""","line1\r\nline2",,\r\n\r\nlast,x,"",\r\n';

  it('reads the same records whatever size the pieces are, a CR LF pair or a doubled quote split included', () => {
    const whole = readCsv(text);
    if (!whole.ok) throw new Error(whole.message);
    for (let size = 1; size <= text.length; size++) expect(inPieces(text, size)).toEqual(whole.records);
  });

  it('keeps no empty cells at the end of a record, and counts them in its width', () => {
    expect(readCsv('J9271,x,,,,,,,,\r\n,,\r\n')).toEqual({ ok: true, records: [
      { line: 1, cells: ['J9271', 'x'], width: 10 },
      { line: 2, cells: [], width: 3 },
    ] });
  });

  it('reads CR-only line endings (old Mac style), counting lines inside quoted values too', () => {
    expect(readCsv('a,b\r"one\rtwo",c\rd,e')).toEqual({ ok: true, records: [
      { line: 1, cells: ['a', 'b'], width: 2 },
      { line: 2, cells: ['one\rtwo', 'c'], width: 2 },
      { line: 4, cells: ['d', 'e'], width: 2 },
    ] });
  });

  it('refuses a quote inside a value that does not start with one, naming its line', () => {
    expect(readCsv('code,drug\r\nJ9035,bev"acizumab\r\n')).toEqual({ ok: false, line: 2, message: expect.stringContaining('a quote (") stands inside a value that does not start with one') });
  });

  it('names the line of a quote left open even when it started pieces earlier', () => {
    expect(() => inPieces('a\n"open\n\nmore', 3)).toThrow(expect.objectContaining({ line: 2, message: expect.stringContaining('never closed') }));
  });
});

describe('the streaming decoder', () => {
  it('keeps a UTF-8 character cut between two pieces whole', () => {
    const bytes = new TextEncoder().encode('Inj é ™ x');
    for (let cut = 1; cut < bytes.length; cut++) {
      const d = streamDecoder();
      expect(`${d.decode(bytes.subarray(0, cut), false)}${d.decode(bytes.subarray(cut), true)}`).toBe('Inj é ™ x');
      expect(d.encoding).toBe('utf-8');
    }
  });

  it('goes on as Windows-1252 when only ASCII came before the first invalid byte, and asks to start over after UTF-8 text', () => {
    const ascii = streamDecoder();
    expect([ascii.decode(new TextEncoder().encode('Amvuttra'), false), ascii.decode(new Uint8Array([0xa0, 0x99]), true), ascii.encoding]).toEqual(['Amvuttra', '\u00a0\u2122', 'windows-1252']);
    const mixed = streamDecoder();
    expect([mixed.decode(new TextEncoder().encode('é!'), false), mixed.decode(new Uint8Array([0xa0]), true)]).toEqual(['é!', 'restart']);
    expect(decodeBytes(new Uint8Array([0xc3, 0xa9, 0xa0]))).toEqual({ text: '\u00c3\u00a9\u00a0', encoding: 'windows-1252' });
  });
});

const CROSSWALK = [
  'October 2025 ASP NDC - HCPCS Crosswalk for Medicare Part B Drugs,,,',
  '"     Effective October 1, 2025 through December 31, 2025",,,',
  '_2025_CODE,Short Description,LABELER NAME,NDC2,Drug Name,HCPCS dosage,PKG SIZE,PKG QTY,BILLUNITS,BILLUNITSPKG',
  'J2329,Inj ublituximab-xiiy 1 mg,TG Therapeutics,73150-0150-06,Briumvi caf\u00e9,1 MG,6,1,150,150',
].join('\r\n') + '\r\n';

describe('importReferenceStream', () => {
  it('reads a file whose first UTF-8 character comes after a Windows-1252 byte by reading it again from the start', async () => {
    const utf8 = new TextEncoder().encode(CROSSWALK);
    const broken = new Uint8Array([...utf8, ...new TextEncoder().encode('J9271,Inj pembrolizumab,Merck,00006-3026-02,Keytruda'), 0xa0, ...new TextEncoder().encode(',1 MG,4,1,100,100\r\n')]);
    const src = source(broken, 64);
    const progress: number[] = [];
    const streamed = await importReferenceStream('x.csv', src, { ...TODAY, onProgress: (done) => progress.push(done) });
    expect(src.opened).toBe(2);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    expect(progress.at(-1)).toBe(1);
    expect(streamed).toEqual(importReferenceFile('x.csv', broken, TODAY));
    expect(streamed).toMatchObject({ ok: true, encoding: 'windows-1252' });
  });

  it('refuses a file over the largest size of any kind before reading it, and one over its kind\'s size after its header', async () => {
    const tooBig = source(new TextEncoder().encode(CROSSWALK), 64, MAX_FILE_BYTES + 1);
    expect(await importReferenceStream('x.csv', tooBig, TODAY)).toEqual({ ok: false, message: expect.stringContaining('It is not a reference file') });
    expect(tooBig.opened).toBe(0);
    const price = new TextEncoder().encode('Payment Allowance Limits\r\n"Effective October 1, 2025 through December 31, 2025"\r\nHCPCS Code,Short Description,HCPCS Code Dosage,Payment Limit,Notes\r\nJ9271,x,1 MG,60.291,\r\n');
    expect(await importReferenceStream('p.csv', source(price, 16, MAX_BYTES['asp-pricing'] + 1024 * 1024), TODAY)).toEqual({ ok: false, message: expect.stringMatching(/^this CMS ASP payment-limit file is 65 MB; the wizard reads one of at most 64 MB/) });
    expect(await importReferenceStream('p.csv', source(price, 16), TODAY)).toMatchObject({ ok: true, table: { kind: 'asp-pricing' } });
  });

  it.skipIf(!hasData)('reads every real file in small pieces exactly as it reads it whole', { timeout: 60_000 }, async () => {
    for (const file of ['cms_asp_ndc_hcpcs_crosswalk_oct2025.csv', 'cms_asp_payment_limits_oct2025.csv', 'cms_noc_payment_limits_oct2025.csv', 'hcpcs_level2_anweb_oct2025.csv', 'fda_purple_book_biologics_2025-03.csv', 'icd10cm/icd10cm_order_2026.txt', 'fixtures/fda_ndc_package_format_sample.txt']) {
      const bytes = readFileSync(join(DATA, file));
      const whole = importReferenceFile(file, bytes, TODAY);
      expect(whole.ok, file).toBe(true);
      expect(await importReferenceStream(file, source(bytes, 4093), TODAY)).toEqual(whole);
    }
  });
});
