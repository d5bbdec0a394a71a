import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv } from './csv';
import { decodeBytes } from './decode';
import type { ImportResult } from './import';
import { importReferenceFile } from './import';
import { createReference } from './memory-reference';
import type { ReferenceTable } from './tables';
import { isoDate } from '../dates';
import { knownNdc11 } from '../ndc';
import { knownHcpcsCode } from '../codes';

const DATA = join(import.meta.dirname, '../../../../shared/data');
const hasData = existsSync(DATA);
if (!hasData) console.warn(`Skipping the real-file importer tests: ${DATA} is absent (the CMS/FDA reference files live outside the repository).`);

const TODAY = { today: '2026-11-23' };
const bytes = (text: string) => new Uint8Array([...text].map((c) => c.charCodeAt(0)));
const importText = (name: string, text: string) => importReferenceFile(name, new TextEncoder().encode(text), TODAY);
const importFile = (relative: string) => importReferenceFile(relative, readFileSync(join(DATA, relative)), TODAY);

function table(result: ImportResult): ReferenceTable {
  if (!result.ok) throw new Error(`import failed: ${result.message}`);
  return result.table;
}

const CROSSWALK_HEAD = [
  'October 2025 ASP NDC - HCPCS Crosswalk for Medicare Part B Drugs,,,',
  '"     Effective October 1, 2025 through December 31, 2025",,,',
  ',,,',
  '_2025_CODE,Short Description,LABELER NAME,NDC2,Drug Name,HCPCS dosage,PKG SIZE,PKG QTY,BILLUNITS,BILLUNITSPKG',
];

describe('decodeBytes', () => {
  it('reads Windows-1252 when the bytes are not UTF-8 (0xA0, 0x99)', () => {
    const r = decodeBytes(new Uint8Array([0x41, 0xa0, 0x99, 0x42]));
    expect(r).toEqual({ text: 'A\u00a0\u2122B', encoding: 'windows-1252' });
  });
  it('reads UTF-8 and drops a byte-order mark', () => {
    const r = decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Inj é ™')]));
    expect(r).toEqual({ text: 'Inj é ™', encoding: 'utf-8' });
  });
  it('treats a truncated UTF-8 sequence as Windows-1252', () => {
    expect(decodeBytes(new Uint8Array([0x41, 0xc3])).encoding).toBe('windows-1252');
  });
});

describe('readCsv', () => {
  it('keeps quoted commas, doubled quotes and multi-line notes, with the line each record starts on', () => {
    const r = readCsv('a,"b, c"\r\n"say ""hi""","line1\nline2"\r\nlast,x');
    expect(r).toEqual({ ok: true, records: [
      { line: 1, cells: ['a', 'b, c'], width: 2 },
      { line: 2, cells: ['say "hi"', 'line1\nline2'], width: 2 },
      { line: 4, cells: ['last', 'x'], width: 2 },
    ] });
  });
  it('refuses an unterminated quote, naming its line', () => {
    expect(readCsv('a,b\n"open,c\nd')).toEqual({ ok: false, line: 2, message: expect.stringContaining('never closed') });
  });
  it('refuses text after a closing quote', () => {
    expect(readCsv('"a"b,c')).toMatchObject({ ok: false, line: 1 });
  });
});

describe('importReferenceFile on small files', () => {
  it('finds the header by content, accepts NDC or NDC2, and reads the quarter from the banner', () => {
    const t = table(importText('x.csv', [...CROSSWALK_HEAD.map((l) => l.replace('NDC2', 'NDC')), 'J9271,Inj pembrolizumab,Merck,00006-3026-02,Keytruda,1 MG,4,1,100,100'].join('\r\n')));
    expect(t.kind).toBe('asp-crosswalk');
    expect(t.period).toEqual({ from: '2025-10-01', through: '2025-12-31', label: 'October 2025' });
    expect(t.rows).toEqual([expect.objectContaining({ code: 'J9271', ndc11: '00006302602', billUnitsPerPackage: '100' })]);
  });
  it('accepts shuffled columns', () => {
    const header = 'BILLUNITSPKG,BILLUNITS,PKG QTY,PKG SIZE,HCPCS dosage,Drug Name,NDC2,LABELER NAME,Short Description,_2025_CODE';
    const t = table(importText('x.csv', [...CROSSWALK_HEAD.slice(0, 3), header, '100,100,1,4,1 MG,Keytruda,00006-3026-02,Merck,Inj pembrolizumab,J9271'].join('\n')));
    expect(t.rows[0]).toMatchObject({ code: 'J9271', ndc11: '00006302602', drugName: 'Keytruda' });
  });
  it('keeps alternate ids as ids, not NDCs, and rejects rows without a code, with their line', () => {
    const r = importText('x.csv', [...CROSSWALK_HEAD, 'Q4101,Apligraf,Organogenesis,GG100,Apligraf,1 SQ CM,1,1,1,1', ',no code,L,00006-3026-02,D,1 MG,1,1,1,1'].join('\n'));
    expect(r.ok && r.rejected).toEqual([{ line: 6, reason: '"" is not a HCPCS code' }]);
    expect(table(r).rows[0]).toMatchObject({ id: 'GG100', ndc11: null });
  });
  it('fails a crosswalk with a duplicate row, naming both lines', () => {
    const row = 'J9271,Inj pembrolizumab,Merck,00006-3026-02,Keytruda,1 MG,4,1,100,100';
    expect(importText('x.csv', [...CROSSWALK_HEAD, row, row].join('\n'))).toEqual({ ok: false, message: 'Line 6: this row repeats line 5 exactly. A published file has no duplicate rows: download it again from CMS' });
  });
  it('fails a file without the banner dates, an empty file, a header without rows, and an unknown file', () => {
    expect(importText('x.csv', CROSSWALK_HEAD.slice(3).concat('J9271,a,b,00006-3026-02,c,1 MG,1,1,1,1').join('\n'))).toMatchObject({ ok: false, message: expect.stringContaining('Effective') });
    expect(importText('x.csv', '')).toEqual({ ok: false, message: 'the file is empty' });
    expect(importText('x.csv', CROSSWALK_HEAD.join('\n'))).toEqual({ ok: false, message: 'Line 4: the CMS ASP NDC-HCPCS crosswalk has a header but no rows' });
    expect(importText('x.csv', 'name,age\nA,3')).toMatchObject({ ok: false, message: expect.stringContaining('not a file the wizard knows') });
  });
  it('fails a truncated file that stops inside a quoted value', () => {
    expect(importText('x.csv', [...CROSSWALK_HEAD, 'J9271,"Inj pembro'].join('\n'))).toEqual({ ok: false, message: 'Line 5: a quoted value is never closed (a " is missing)' });
  });
  it('reads NOC prices written with a dollar sign and ASP prices written N/A', () => {
    const noc = table(importText('n.csv', [',,,', 'Payment Allowance Limits for Medicare Part B Not Otherwise Classified (NOC) Drugs,,,', '"Effective October 1, 2025 through December 31, 2025",,,', 'Drug Generic Name (Trade Name),Dosage,Payment Limit,Notes', 'Vasopressin (Long Grove),1 UNIT,$2.462,'].join('\n')));
    expect(noc).toMatchObject({ kind: 'noc-pricing', rows: [{ key: 'Vasopressin (Long Grove)', paymentLimit: '2.462' }] });
    const asp = table(importText('a.csv', ['"Effective October 1, 2025 through December 31, 2025",,', 'HCPCS Code,Short Description,HCPCS Code Dosage,Payment Limit,Notes', 'A9606,Radium ra223 dichloride ther,PER MICROCURIE,N/A,"microCurie 100% AWP = $202.82\nmicroCurie 100% WAC = $169.02"'].join('\r\n')));
    expect(asp).toMatchObject({ kind: 'asp-pricing', rows: [{ key: 'A9606', paymentLimit: null, notes: 'microCurie 100% AWP = $202.82\nmicroCurie 100% WAC = $169.02' }] });
  });
  it('reads a Windows-1252 crosswalk and cleans non-breaking spaces', () => {
    const t = table(importReferenceFile('x.csv', bytes([...CROSSWALK_HEAD, 'J0225,Vutrisiran injection,Alnylam,71336-1003-01,Amvuttra\u00a0,1 MG,1,1,25,25'].join('\r\n')), TODAY));
    expect(t.rows[0]).toMatchObject({ drugName: 'Amvuttra' });
  });
  it('refuses an ICD-10-CM addenda file with a pointer to the order file', () => {
    expect(importText('icd10cm_order_addenda_2026.txt', 'Add:        1 G35A    Relapsing-remitting multiple sclerosis')).toMatchObject({ ok: false, message: expect.stringContaining('order file') });
  });
  it('refuses the read-me that comes with the crosswalks, saying it holds no data', () => {
    const readMe = ['"Effective January 1, 2005, Medicare will base payment for a Part B drug on 106% of the Average Sales Price (ASP)."', '', 'Field Descriptions/Example:', 'HCPCS Code:  Jxxxx '].join('\r\n');
    expect(importText('x.csv', readMe)).toEqual({ ok: false, message: expect.stringContaining('the read-me CMS ships with the ASP crosswalks') });
  });
  it('names the line of an ICD-10-CM order file that is not an order record', () => {
    const good = '00001 A00     0 Cholera                                                      Cholera';
    expect(importText('icd10cm_order_2026.txt', `${good}\r\nnot a record\r\n`)).toEqual({ ok: false, message: 'Line 2: this line is not an ICD-10-CM order record (order number, code, 0/1 flag, descriptions)' });
  });
});

describe.skipIf(!hasData)('importReferenceFile on the real CMS files in ../shared/data', () => {
  it('reads the October 2025 ASP crosswalk: 8,245 rows, its quarter, NDCs and alternate ids', () => {
    const r = importFile('cms_asp_ndc_hcpcs_crosswalk_oct2025.csv');
    expect(r.ok && { rowsRead: r.rowsRead, rejected: r.rejected.length, encoding: r.encoding }).toEqual({ rowsRead: 8245, rejected: 0, encoding: 'windows-1252' });
    const t = table(r);
    expect(t.period).toEqual({ from: '2025-10-01', through: '2025-12-31', label: 'October 2025' });
    if (t.kind !== 'asp-crosswalk') throw new Error(t.kind);
    expect(t.rows.filter((row) => row.ndc11 === null)).toHaveLength(1284);
    expect(new Set(t.rows.map((row) => row.code)).size).toBe(974);
  });
  it('reads the 2026 crosswalk layout (NDC header, 10 columns, a 12-digit id)', () => {
    const t = table(importFile('fixtures/cms_asp_ndc_hcpcs_crosswalk_oct2026_trimmed.csv'));
    expect(t.period.label).toBe('October 2026');
    expect(t.rows).toContainEqual(expect.objectContaining({ code: 'J7331', id: '888867413689', ndc11: null }));
  });
  it('reads the ASP and NOC price files, the NOC crosswalk and the HCPCS file', () => {
    expect(importFile('cms_asp_payment_limits_oct2025.csv')).toMatchObject({ ok: true, rowsRead: 1012, rejected: [] });
    expect(importFile('cms_noc_payment_limits_oct2025.csv')).toMatchObject({ ok: true, rowsRead: 1, table: { rows: [{ paymentLimit: '2.462' }] } });
    expect(importFile('cms_noc_ndc_hcpcs_crosswalk_oct2025.csv')).toMatchObject({ ok: true, rowsRead: 2, table: { period: { label: 'October 2025' } } });
    const hcpcs = importFile('hcpcs_level2_anweb_oct2025.csv');
    expect(hcpcs).toMatchObject({ ok: true, rowsRead: 8846, rejected: [], table: { period: { from: '2025-10-01', through: '2025-12-31' } } });
  });
  it('refuses the files that are not data to import: the crosswalk read-me and the ICD-10-CM addenda', () => {
    expect(importFile('cms_asp_crosswalk_field_descriptions.csv')).toEqual({ ok: false, message: expect.stringContaining('the read-me CMS ships with the ASP crosswalks') });
    for (const addenda of ['icd10cm_codes_addenda_2026.txt', 'icd10cm_order_addenda_2025.txt']) {
      expect(importFile(`icd10cm/${addenda}`)).toEqual({ ok: false, message: expect.stringContaining('ICD-10-CM addenda file') });
    }
  });
  it('reads both ICD-10-CM order files with their fiscal years', () => {
    expect(importFile('icd10cm/icd10cm_order_2026.txt')).toMatchObject({ ok: true, rowsRead: 98186, table: { fiscalYear: 2026 } });
    expect(importFile('icd10cm/icd10cm_order_2025.txt')).toMatchObject({ ok: true, rowsRead: 97584, table: { fiscalYear: 2025 } });
  });
});

describe.skipIf(!hasData)('lookups over the real files', () => {
  const tables = hasData ? [
    'cms_asp_ndc_hcpcs_crosswalk_oct2025.csv', 'hcpcs_level2_anweb_oct2025.csv', 'cms_noc_ndc_hcpcs_crosswalk_oct2025.csv',
    'cms_noc_payment_limits_oct2025.csv', 'icd10cm/icd10cm_order_2025.txt', 'icd10cm/icd10cm_order_2026.txt',
  ].map((f) => table(importFile(f))) : [];
  const reference = createReference(tables);

  it('finds the specific code of a crosswalk NDC in its quarter, with its billing unit', () => {
    expect(reference.crosswalkCodes(knownNdc11('00006302602'), isoDate('2025-11-03'))?.codes).toEqual([expect.objectContaining({
      code: 'J9271', descriptor: 'Injection, pembrolizumab, 1 mg', billingUnit: '1 MG', billUnitsPerPackage: 100,
    })]);
  });
  it('offers every code when one NDC maps to several (Retacrit ESRD / non-ESRD)', () => {
    expect(reference.crosswalkCodes(knownNdc11('00069130510'), isoDate('2025-11-03'))?.codes.map((c) => c.code).sort()).toEqual(['Q5105', 'Q5106']);
  });
  it('uses the HCPCS dates outside the crosswalk quarter: Ultomiris has no code before J1303 took effect on 2019-10-01', () => {
    expect(reference.crosswalkCodes(knownNdc11('25682002501'), isoDate('2019-02-12'))?.codes).toEqual([]);
    expect(reference.crosswalkCodes(knownNdc11('25682002501'), isoDate('2019-10-01'))?.codes.map((c) => c.code)).toEqual(['J1303']);
  });
  it('tells code validity on a date from the HCPCS file', () => {
    expect(reference.codeValidity(knownHcpcsCode('J2329'), isoDate('2023-06-30'))).toEqual({ status: 'not-yet-effective', descriptor: 'Injection, ublituximab-xiiy, 1mg', effective: '2023-07-01' });
    expect(reference.codeValidity(knownHcpcsCode('Q9977'), isoDate('2016-01-05'))).toMatchObject({ status: 'terminated', terminated: '2015-12-31' });
    expect(reference.codeValidity(knownHcpcsCode('J3590'), isoDate('2023-02-20'))).toMatchObject({ status: 'valid' });
    expect(reference.codeValidity(knownHcpcsCode('J0000'), isoDate('2023-02-20'))).toEqual({ status: 'unknown-code' });
  });
  it('answers billable status by fiscal year: G35 in FY2025, a header with G35.A-G35.D in FY2026', () => {
    expect(reference.diagnosis('G35', isoDate('2025-09-30'))).toMatchObject({ status: 'billable' });
    expect(reference.diagnosis('G35', isoDate('2025-10-01'))).toEqual({
      status: 'header', description: 'Multiple sclerosis', billableChildren: ['G35A', 'G35B0', 'G35B1', 'G35B2', 'G35C0', 'G35C1', 'G35C2', 'G35D'],
    });
    expect(reference.diagnosis('E11A', isoDate('2025-06-01'))).toEqual({ status: 'not-found' });
    expect(reference.diagnosis('E11A', isoDate('2025-10-01'))).toMatchObject({ status: 'billable' });
    expect(reference.diagnosis('E119', isoDate('2027-01-01'))).toBeUndefined();
  });
  it('knows the priced NOC drugs of the quarter', () => {
    expect(reference.hasNocPrice(knownNdc11('81298855203'), isoDate('2025-11-03'))).toBe(true);
    expect(reference.hasNocPrice(knownNdc11('73150015006'), isoDate('2025-11-03'))).toBe(false);
    expect(reference.hasNocPrice(knownNdc11('81298855203'), isoDate('2026-02-01'))).toBeUndefined();
  });
});

describe('faults a biller can run into', () => {
  it('refuses a file saved as UTF-16 (Unicode text), a ZIP or Excel workbook, a PDF and a web page, saying what to do', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'_2025_CODE,NDC'].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(importReferenceFile('x.csv', utf16, TODAY)).toEqual({ ok: false, message: expect.stringContaining('Unicode text (UTF-16)') });
    expect(importReferenceFile('x.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14]), TODAY)).toEqual({ ok: false, message: expect.stringContaining('Unzip the download') });
    expect(importReferenceFile('x.pdf', new TextEncoder().encode('%PDF-1.7'), TODAY)).toEqual({ ok: false, message: expect.stringContaining('PDF') });
    expect(importText('x.csv', '<!DOCTYPE html><html><body>Access denied</body></html>')).toEqual({ ok: false, message: expect.stringContaining('web page (HTML)') });
  });
  it('fails a CSV cut short in the middle of its last row, naming that line', () => {
    const text = [...CROSSWALK_HEAD, 'J9271,Inj pembrolizumab,Merck,00006-3026-02,Keytruda,1 MG,4,1,100,100', 'J9271,Inj pembrolizumab,Merck,00006-3026-04'].join('\r\n');
    expect(importText('x.csv', text)).toEqual({ ok: false, message: 'Line 6: this last row stops after 4 values where the header has 10: the file was cut short. Download it again' });
  });
  it('fails an ICD-10-CM order file cut short (no line break after its last line)', () => {
    const good = '00001 A00     0 Cholera                                                      Cholera';
    expect(importText('icd10cm_order_2026.txt', `${good}\r\n${good.replace('00001', '00002').replace('A00 ', 'A000')}`)).toEqual({ ok: false, message: 'Line 2: the last line stops without a line break: the file was cut short. Download it again from CMS' });
  });
  it('fails a file where every row is rejected, quoting the first reason', () => {
    expect(importText('x.csv', [...CROSSWALK_HEAD, ',a,b,00006-3026-02,c,1 MG,1,1,1,1'].join('\n'))).toEqual({ ok: false, message: expect.stringContaining('no row of this CMS ASP NDC-HCPCS crosswalk could be used (1 rejected; the first: line 5, "" is not a HCPCS code)') });
  });
  it('reports progress from 0 to 1', () => {
    const seen: number[] = [];
    importReferenceFile('x.csv', new TextEncoder().encode([...CROSSWALK_HEAD, 'J9271,a,b,00006-3026-02,c,1 MG,1,1,1,1'].join('\n')), { ...TODAY, onProgress: (d) => seen.push(d) });
    expect(seen[seen.length - 1]).toBe(1);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });
});

describe.skipIf(!hasData)('payment limits over the real files', () => {
  const reference = hasData ? createReference(['cms_asp_payment_limits_oct2025.csv', 'cms_noc_payment_limits_oct2025.csv', 'cms_noc_ndc_hcpcs_crosswalk_oct2025.csv'].map((f) => table(importFile(f)))) : createReference([]);
  it('finds the ASP limit of a code in its quarter, N/A as null, and nothing outside the quarter', () => {
    expect(reference.aspPaymentLimit(knownHcpcsCode('J9271'), isoDate('2025-11-03'))).toEqual({ key: 'J9271', description: expect.stringContaining('pembrolizumab'), dosage: '1 MG', perUnit: '60.291', notes: '', source: 'CMS ASP payment-limit file, October 2025' });
    expect(reference.aspPaymentLimit(knownHcpcsCode('A9606'), isoDate('2025-11-03'))).toMatchObject({ perUnit: null });
    expect(reference.aspPaymentLimit(knownHcpcsCode('J3490'), isoDate('2025-11-03'))).toBeNull();
    expect(reference.aspPaymentLimit(knownHcpcsCode('J9271'), isoDate('2026-01-05'))).toBeUndefined();
  });
  it('finds the NOC limit of a drug by its NDC (through the NOC crosswalk) or by its published name', () => {
    const vasopressin = { key: 'Vasopressin (Long Grove)', dosage: '1 UNIT', perUnit: '2.462', source: 'CMS NOC payment-limit file, October 2025' };
    expect(reference.nocPaymentLimit({ ndc11: knownNdc11('81298855403') }, isoDate('2025-11-03'))).toMatchObject(vasopressin);
    expect(reference.nocPaymentLimit({ names: ['vasopressin (long grove)'] }, isoDate('2025-11-03'))).toMatchObject(vasopressin);
    expect(reference.nocPaymentLimit({ ndc11: knownNdc11('73150015006'), names: ['Briumvi'] }, isoDate('2025-11-03'))).toBeNull();
    expect(reference.nocPaymentLimit({ ndc11: knownNdc11('81298855403') }, isoDate('2025-09-30'))).toBeUndefined();
  });
});

describe.skipIf(!hasData)('specific codes outside every crosswalk quarter', () => {
  it('uses the newest crosswalk that lists the NDC, not a newer excerpt that lacks it', () => {
    const reference = createReference(['cms_asp_ndc_hcpcs_crosswalk_oct2025.csv', 'fixtures/cms_asp_ndc_hcpcs_crosswalk_oct2026_trimmed.csv', 'hcpcs_level2_anweb_oct2025.csv'].map((f) => table(importFile(f))));
    expect(reference.crosswalkCodes(knownNdc11('73150015006'), isoDate('2023-08-14'))?.codes.map((c) => c.code)).toEqual(['J2329']);
    expect(reference.crosswalkCodes(knownNdc11('73150015006'), isoDate('2023-02-20'))?.codes).toEqual([]);
  });
});

describe.skipIf(!hasData)('other packages of a product in the real crosswalk', () => {
  const reference = hasData ? createReference([table(importFile('cms_asp_ndc_hcpcs_crosswalk_oct2025.csv'))]) : createReference([]);

  it('lists the other sizes the crosswalk gives for the same code, labeler and drug, the amount from the billable units', () => {
    // Avastin 400 mg/16 mL (40 units of 10 mg) and 100 mg/4 mL (10 units), both under J9035.
    expect(reference.otherPackages(knownNdc11('50242006101'), isoDate('2025-11-10'))).toEqual([
      { ndc11: '50242006001', amount: { value: '100', unit: 'mg' }, source: 'CMS ASP NDC-HCPCS crosswalk, October 2025 (J9035, 10 units of 10 MG in one item)' },
    ]);
    // Ultomiris 3 mL (300 mg) and 11 mL (1100 mg) vials, J1303 per 10 mg.
    expect(reference.otherPackages(knownNdc11('25682002501'), isoDate('2025-11-10'))?.map((p) => [p.ndc11, p.amount])).toEqual([['25682002801', { value: '1100', unit: 'mg' }]]);
  });

  it('gives the specific codes their billable units in one item (BILLUNITS), for units the billing unit cannot count', () => {
    expect(reference.crosswalkCodes(knownNdc11('50242006101'), isoDate('2025-11-10'))?.codes).toMatchObject([{ code: 'J9035', billingUnit: '10 MG', billUnitsPerItem: 40, billUnitsPerPackage: 40 }]);
  });

  it('knows nothing of an NDC it does not list, or outside its quarter (then the catalogue may)', () => {
    expect(reference.otherPackages(knownNdc11('99999999999'), isoDate('2025-11-10'))).toBeUndefined();
    expect(reference.otherPackages(knownNdc11('57894016001'), isoDate('2025-11-10'))).toEqual([]);
  });
});
