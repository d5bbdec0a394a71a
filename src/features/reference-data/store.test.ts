import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createReference } from '../../core/reference-data/memory-reference';
import type { CrosswalkRow, NdcPackageRow, NdcProductRow, ReferenceTable } from '../../core/reference-data/tables';
import { runImportJob } from './import-job';
import { CHUNK_ROWS, listImports, loadStored, saveImport } from './store';
import { isoDate } from '../../core/dates';
import { knownNdc11 } from '../../core/ndc';
import { knownHcpcsCode } from '../../core/codes';

/** What the app answers from the store alone (no built-in data). */
async function loadReference() {
  const stored = await loadStored();
  return { reference: createReference(stored.tables, stored.directory), files: stored.files, directory: stored.directory };
}

const TODAY = '2025-11-20';
const encode = (text: string) => new Blob([text]);
const crosswalkFile = (quarter: 'October' | 'July', rows: readonly string[]) => encode([
  `${quarter} 2025 ASP NDC - HCPCS Crosswalk,,`,
  `"Effective ${quarter} 1, 2025 through ${quarter === 'October' ? 'December 31' : 'September 30'}, 2025",,`,
  '_2025_CODE,Short Description,LABELER NAME,NDC2,Drug Name,HCPCS dosage,PKG SIZE,PKG QTY,BILLUNITS,BILLUNITSPKG',
  ...rows,
].join('\r\n') + '\r\n');
const BRIUMVI = 'J2329,Inj ublituximab-xiiy 1 mg,TG Therapeutics,73150-0150-06,Briumvi,1 MG,6,1,150,150';
const KEYTRUDA = 'J9271,Inj pembrolizumab,Merck,00006-3026-02,Keytruda,1 MG,4,1,100,100';

describe('the reference-data store and import job (IndexedDB)', () => {
  it('stores a successful import and answers from it; a failed file saves nothing and leaves the previous data untouched', async () => {
    const first = await runImportJob([{ name: 'oct.csv', file: crosswalkFile('October', [BRIUMVI]) }], { today: TODAY, save: saveImport });
    expect(first).toEqual([expect.objectContaining({ fileName: 'oct.csv', ok: true, rowsRead: 1, rejected: [] })]);

    const progress: number[] = [];
    const second = await runImportJob([
      { name: 'oct-duplicated.csv', file: crosswalkFile('October', [KEYTRUDA, KEYTRUDA]) },
      { name: 'empty.csv', file: encode('') },
    ], { today: TODAY, save: saveImport, onProgress: (i, done) => { if (i === 0) progress.push(done); } });
    expect(second).toEqual([
      { fileName: 'oct-duplicated.csv', ok: false, message: 'Line 5: this row repeats line 4 exactly. A published file has no duplicate rows: download it again from CMS' },
      { fileName: 'empty.csv', ok: false, message: 'the file is empty' },
    ]);
    expect(progress[progress.length - 1]).toBe(1);

    const { reference, files } = await loadReference();
    expect(files.map((f) => [f.key, f.fileName])).toEqual([['asp-crosswalk:2025-10-01', 'oct.csv']]);
    expect(reference.crosswalkCodes(knownNdc11('73150015006'), isoDate('2025-11-03'))?.codes.map((c) => c.code)).toEqual(['J2329']);
    expect(reference.crosswalkCodes(knownNdc11('00006302602'), isoDate('2025-11-03'))?.codes).toEqual([]);
  });

  it('replaces the same kind and quarter, and keeps other quarters beside it', async () => {
    await runImportJob([{ name: 'oct-new.csv', file: crosswalkFile('October', [KEYTRUDA]) }, { name: 'jul.csv', file: crosswalkFile('July', [BRIUMVI]) }], { today: TODAY, save: saveImport });
    const { reference, files } = await loadReference();
    expect(files.map((f) => f.fileName)).toEqual(['oct-new.csv', 'jul.csv']);
    expect(reference.crosswalkCodes(knownNdc11('00006302602'), isoDate('2025-11-03'))?.codes.map((c) => c.code)).toEqual(['J9271']);
    expect(reference.crosswalkCodes(knownNdc11('73150015006'), isoDate('2025-11-03'))?.codes).toEqual([]);
    expect(reference.crosswalkCodes(knownNdc11('73150015006'), isoDate('2025-08-01'))?.codes.map((c) => c.code)).toEqual(['J2329']);
  });

  it('reads back a table stored in several chunks, row for row', async () => {
    const rows: CrosswalkRow[] = Array.from({ length: CHUNK_ROWS * 2 + 7 }, (_, i) => ({
      code: knownHcpcsCode('J9271'), shortDescription: 'Inj pembrolizumab', labeler: 'Merck', ndc11: knownNdc11(String(i).padStart(11, '0')), id: String(i), drugName: 'Keytruda',
      dosage: '1 MG', packageSize: '4', packageQuantity: '1', billUnits: '100', billUnitsPerPackage: '100',
    }));
    const table: ReferenceTable = { kind: 'asp-crosswalk', period: { from: isoDate('2025-04-01'), through: isoDate('2025-06-30'), label: 'April 2025' }, rows };
    await saveImport(table, { fileName: 'apr.csv', importedAt: '2025-11-20T10:00:00Z', rejectedCount: 0, encoding: 'utf-8', notes: [] });
    const { reference } = await loadReference();
    expect(reference.crosswalkCodes(knownNdc11(String(CHUNK_ROWS * 2 + 6).padStart(11, '0')), isoDate('2025-05-01'))?.codes.map((c) => c.code)).toEqual(['J9271']);
    expect((await listImports()).find((f) => f.fileName === 'apr.csv')?.rowCount).toBe(CHUNK_ROWS * 2 + 7);
  });

  it('leaves the previous import untouched when saving fails part-way (the transaction is undone)', async () => {
    const before = await listImports();
    const broken = { kind: 'asp-crosswalk', period: { from: '2025-10-01', through: '2025-12-31', label: 'October 2025' }, rows: [{ code: 'J9271', notCloneable: () => 1 }] } as unknown as ReferenceTable;
    const outcome = await runImportJob([{ name: 'x.csv', file: crosswalkFile('October', [BRIUMVI]) }], {
      today: TODAY, save: (_table, details) => saveImport(broken, details),
    });
    expect(outcome[0]).toMatchObject({ ok: false, message: expect.stringContaining('could not be saved in this browser') });
    expect(await listImports()).toEqual(before);
    expect((await loadReference()).reference.crosswalkCodes(knownNdc11('00006302602'), isoDate('2025-11-03'))?.codes.map((c) => c.code)).toEqual(['J9271']);
  });

  it('reads an NDC of the FDA directory from the stored chunk that holds it (its labeler), never the whole directory', async () => {
    const count = CHUNK_ROWS * 2 + 7;
    // One labeler per package: loading one NDC reads its labeler only.
    const ndc = (i: number) => knownNdc11(`${String(i + 1).padStart(5, '0')}0000${String(i % 100).padStart(2, '0')}`);
    const period = { from: isoDate('2025-11-20'), through: isoDate('2025-11-20'), label: 'as of 11/20/2025' };
    // Stored out of order: the store sorts them by NDC and product id.
    const packages: NdcPackageRow[] = Array.from({ length: count }, (_, k) => count - 1 - k).map((i) => ({
      productId: `P${i}`, ndc11: ndc(i), packageNdc: `${ndc(i).slice(0, 5)}-${ndc(i).slice(5, 9)}-${ndc(i).slice(9)}`, description: `${i} VIAL in 1 CARTON`, marketingStart: isoDate('2020-01-01'), marketingEnd: null, isSample: false,
    }));
    const products: NdcProductRow[] = Array.from({ length: count }, (_, i) => ({
      productId: `P${i}`, productNdc: ndc(i).slice(0, 9), productType: 'HUMAN PRESCRIPTION DRUG', proprietaryName: `Brand ${i}`, proprietaryNameSuffix: '', nonproprietaryName: `generic ${i}`,
      dosageForm: 'INJECTION, SOLUTION', routes: 'INTRAVENOUS', marketingStart: isoDate('2020-01-01'), marketingEnd: null, marketingCategory: 'NDA', applicationNumber: 'NDA000001', labeler: 'Labeler',
      substances: 'X', strength: '10', strengthUnit: 'mg/mL', pharmClasses: '',
    }));
    const details = { fileName: 'package.txt', importedAt: '2025-11-20T10:00:00Z', rejectedCount: 0, encoding: 'utf-8' as const, notes: [] };
    await saveImport({ kind: 'fda-ndc-package', period, rows: packages }, details);
    await saveImport({ kind: 'fda-ndc-product', period, rows: products }, { ...details, fileName: 'product.txt' });
    const { reference, directory, files } = await loadReference();
    expect(files.filter((f) => f.kind.startsWith('fda')).map((f) => f.rowCount)).toEqual([count, count]);
    for (const i of [0, CHUNK_ROWS - 1, CHUNK_ROWS, count - 1]) {
      expect(reference.drugFacts(ndc(i))?.brandName).toBeUndefined();
      await directory!.load(ndc(i));
      expect(reference.drugFacts(ndc(i))).toMatchObject({ brandName: `Brand ${i}`, genericName: `generic ${i}`, packageDescription: `${i} VIAL in 1 CARTON` });
    }
    await directory!.load(knownNdc11('00000000001'));
    await directory!.load(knownNdc11('99999999999'));
    expect([reference.drugFacts(knownNdc11('00000000001')), reference.drugFacts(knownNdc11('99999999999'))]).toEqual([undefined, undefined]);
  });
  it("reads the NDC's labeler with it, so the other container sizes of its product are known (least waste)", async () => {
    const period = { from: isoDate('2025-11-21'), through: isoDate('2025-11-21'), label: 'as of 11/21/2025' };
    const product = (id: string, productNdc: string): NdcProductRow => ({
      productId: id, productNdc, productType: 'HUMAN PRESCRIPTION DRUG', proprietaryName: 'Examplimab', proprietaryNameSuffix: '', nonproprietaryName: 'examplimab',
      dosageForm: 'INJECTION, SOLUTION', routes: 'INTRAVENOUS', marketingStart: isoDate('2020-01-01'), marketingEnd: null, marketingCategory: 'BLA', applicationNumber: 'BLA999001',
      labeler: 'Example Bio', substances: 'EXAMPLIMAB', strength: '25', strengthUnit: 'mg/mL', pharmClasses: '',
    });
    const pkg = (productId: string, ndc11: string, ml: number): NdcPackageRow => ({
      productId, ndc11: knownNdc11(ndc11), packageNdc: `${ndc11.slice(0, 5)}-${ndc11.slice(5, 9)}-${ndc11.slice(9)}`,
      description: `1 VIAL, SINGLE-DOSE in 1 CARTON (${ndc11.slice(0, 5)}-${ndc11.slice(5, 9)}-${ndc11.slice(9)})  > ${ml} mL in 1 VIAL, SINGLE-DOSE`,
      marketingStart: isoDate('2020-01-01'), marketingEnd: null, isSample: false,
    });
    // Another labeler's packages fill the chunks before and after.
    const filler = Array.from({ length: CHUNK_ROWS * 3 }, (_, i) => pkg('12345-0001_x', `1234500${String(i).padStart(4, '0')}`, 1)).concat(
      Array.from({ length: CHUNK_ROWS }, (_, i) => pkg('99999-0001_x', `9999900${String(i).padStart(4, '0')}`, 1)));
    const details = { fileName: 'package.txt', importedAt: '2025-11-21T10:00:00Z', rejectedCount: 0, encoding: 'utf-8' as const, notes: [] };
    await saveImport({ kind: 'fda-ndc-package', period, rows: [...filler, pkg('55555-0100_a', '55555010001', 4), pkg('55555-0200_b', '55555020001', 16)] }, details);
    await saveImport({ kind: 'fda-ndc-product', period, rows: [product('55555-0100_a', '55555-0100'), product('55555-0200_b', '55555-0200'), product('12345-0001_x', '12345-0001')] },
      { ...details, fileName: 'product.txt' });
    const { reference, directory } = await loadReference();
    await directory!.load(knownNdc11('55555010001'));
    expect(reference.otherPackages(knownNdc11('55555010001'), isoDate('2025-11-10'))).toEqual([
      { ndc11: '55555020001', amount: { value: '400', unit: 'mg' }, containerType: 'single-dose', source: 'FDA NDC Directory packages (package.txt), as of 11/21/2025' },
    ]);
    expect(directory!.labelerPackages(knownNdc11('55555010001')).map((p) => p.ndc11)).toEqual(['55555010001', '55555020001']);
  });
});
