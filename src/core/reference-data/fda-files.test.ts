import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportResult } from './import';
import { importReferenceFile } from './import';
import { createReference } from './memory-reference';
import { containerFacts } from './package-description';
import type { ReferenceTable } from './tables';
import { isoDate } from '../dates';
import { knownNdc11 } from '../ndc';

const DATA = join(import.meta.dirname, '../../../../shared/data');
const hasData = existsSync(DATA);
if (!hasData) console.warn(`Skipping the real-file FDA tests: ${DATA} is absent (the CMS/FDA reference files live outside the repository).`);

const TODAY = { today: '2026-11-23' };
const importText = (name: string, text: string) => importReferenceFile(name, new TextEncoder().encode(text), TODAY);
const importFile = (relative: string) => importReferenceFile(relative, readFileSync(join(DATA, relative)), TODAY);
function table(result: ImportResult): ReferenceTable {
  if (!result.ok) throw new Error(`import failed: ${result.message}`);
  return result.table;
}

const PRODUCT_HEADER = 'PRODUCTID\tPRODUCTNDC\tPRODUCTTYPENAME\tPROPRIETARYNAME\tPROPRIETARYNAMESUFFIX\tNONPROPRIETARYNAME\tDOSAGEFORMNAME\tROUTENAME\tSTARTMARKETINGDATE\tENDMARKETINGDATE\tMARKETINGCATEGORYNAME\tAPPLICATIONNUMBER\tLABELERNAME\tSUBSTANCENAME\tACTIVE_NUMERATOR_STRENGTH\tACTIVE_INGRED_UNIT\tPHARM_CLASSES\tDEASCHEDULE\tNDC_EXCLUDE_FLAG\tLISTING_RECORD_CERTIFIED_THROUGH';
const PACKAGE_HEADER = 'PRODUCTID\tPRODUCTNDC\tNDCPACKAGECODE\tPACKAGEDESCRIPTION\tSTARTMARKETINGDATE\tENDMARKETINGDATE\tNDC_EXCLUDE_FLAG\tSAMPLE_PACKAGE';
/** Made-up directory rows in the published layout: an anticancer biologic and an ANDA generic. */
const PRODUCTS = [
  PRODUCT_HEADER,
  'P1\t0310-4535\tHUMAN PRESCRIPTION DRUG\tImjudo\t\ttremelimumab-actl\tINJECTION, SOLUTION\tINTRAVENOUS\t20221021\t\tBLA\tBLA761289\tAstraZeneca\tTREMELIMUMAB\t20\tmg/mL\tCytotoxic T-Lymphocyte Antigen 4-directed Blocker [EPC]\t\tN\t20261231',
  'P2\t0641-6021\tHUMAN PRESCRIPTION DRUG\t\t\tfamotidine\tINJECTION, SOLUTION\tINTRAVENOUS\t20100101\t\tANDA\tANDA075488\tHikma\tFAMOTIDINE\t10\tmg/mL\tHistamine-2 Receptor Antagonist [EPC]\t\tN\t20261231',
].join('\n');
const PACKAGES = [
  PACKAGE_HEADER,
  'P1\t0310-4535\t0310-4535-30\t1 VIAL, SINGLE-DOSE in 1 CARTON (0310-4535-30)  > 15 mL in 1 VIAL, SINGLE-DOSE\t20221021\t\tN\tN',
  'P2\t0641-6021\t0641-6021-10\t10 VIAL, MULTI-DOSE in 1 CARTON (0641-6021-10)  > 20 mL in 1 VIAL, MULTI-DOSE\t20250301\t\tN\tN',
].join('\n');

describe('FDA NDC Directory files', () => {
  it('reads product.txt and package.txt by their headers, with the day they are as of', () => {
    const products = table(importText('product.txt', PRODUCTS));
    const packages = table(importText('package.txt', PACKAGES));
    expect(products).toMatchObject({ kind: 'fda-ndc-product', period: { from: '2022-10-21', label: 'as of 10/21/2022' } });
    expect(packages).toMatchObject({ kind: 'fda-ndc-package', period: { from: '2025-03-01' }, rows: [{ ndc11: '00310453530', packageNdc: '0310-4535-30' }, { ndc11: '00641602110' }] });
  });

  it('accepts shuffled columns', () => {
    const cells = PACKAGES.split('\n').map((l) => l.split('\t'));
    const order = [3, 0, 7, 2, 1, 6, 5, 4];
    const shuffled = cells.map((c) => order.map((i) => c[i]).join('\t')).join('\r\n');
    expect(table(importText('package.txt', shuffled)).rows).toEqual(table(importText('package.txt', PACKAGES)).rows);
  });

  it('fails a file cut short, naming its last line, and a damaged line in the middle', () => {
    const cut = PACKAGES.slice(0, PACKAGES.lastIndexOf('\t20250301'));
    expect(importText('package.txt', cut)).toEqual({ ok: false, message: expect.stringMatching(/^Line 3: this last line has 4 values where .* header has 8: the file was cut short/) });
    const damaged = PACKAGES.replace('\t20221021\t\tN\tN', '\t20221021\tN\tN');
    expect(importText('package.txt', damaged)).toMatchObject({ ok: false, message: expect.stringMatching(/^Line 2: this line has 7 values .* damaged or was edited/) });
  });

  it('rejects rows whose NDC or dates cannot be read, with their line, and keeps the rest', () => {
    const r = importText('package.txt', `${PACKAGES}\nP3\t0002-1200\t00021200\tbad\t20200101\t\tN\tN\nP3\t0002-1200\t0002-1200-50\tok\t2020-01-01\t\tN\tN`);
    expect(r).toMatchObject({ ok: true, rowsRead: 4, rejected: [
      { line: 4, reason: '"00021200" is not an NDC written with its hyphens' },
      { line: 5, reason: 'a marketing date is not written YYYYMMDD' },
    ] });
  });

  it.skipIf(!hasData)('reads the FDA layout samples (scrambled values: parsing only)', () => {
    expect(importFile('fixtures/fda_ndc_product_format_sample.txt')).toMatchObject({ ok: true, rowsRead: 3, rejected: [], table: { kind: 'fda-ndc-product' } });
    const packages = table(importFile('fixtures/fda_ndc_package_format_sample.txt'));
    expect(packages.rows.map((r) => (r as { ndc11: string }).ndc11)).toEqual(['00002080001', '00002120030', '00002120050']);
  });
});

describe('containerFacts (FDA package descriptions)', () => {
  it('reads a single-dose vial, its volume, and the amount from the strength', () => {
    expect(containerFacts('1 VIAL, SINGLE-DOSE in 1 CARTON (73150-150-06)  > 6 mL in 1 VIAL, SINGLE-DOSE', '25', 'mg/mL'))
      .toEqual({ type: 'single-dose', amount: { value: '150', unit: 'mg' }, volume: { value: '6', unit: 'mL' } });
  });
  it('reads multi-dose vials, strengths per several mL, and units per each', () => {
    expect(containerFacts('1 VIAL, MULTI-DOSE in 1 CAN (0002-1200-30)  > 30 mL in 1 VIAL, MULTI-DOSE', '40', 'mg/5mL'))
      .toEqual({ type: 'multi-dose', amount: { value: '240', unit: 'mg' }, volume: { value: '30', unit: 'mL' } });
    expect(containerFacts('1 VIAL, SINGLE-DOSE in 1 CARTON (0001-0001-01)', '100', 'mg/1')).toEqual({ type: 'single-dose', amount: { value: '100', unit: 'mg' } });
    expect(containerFacts('1 VIAL in 1 CARTON (0001-0001-01)  > 2 mL in 1 VIAL', '1000', "[USP'U]/mL")).toEqual({ amount: { value: '2000', unit: 'units' }, volume: { value: '2', unit: 'mL' } });
  });
  it('leaves out what the text does not state: several ingredients, unknown units, no container type', () => {
    expect(containerFacts('1 KIT in 1 CARTON > 1 VIAL, SINGLE-DOSE in 1 KIT > 1 VIAL, MULTI-DOSE in 1 KIT', '70; 5600', 'mg/1; [iU]/1')).toEqual({});
    expect(containerFacts('1 SYRINGE in 1 CARTON (0001-0001-01)  > 1.7 mL in 1 SYRINGE', '70', 'meq/mL')).toEqual({ volume: { value: '1.7', unit: 'mL' } });
  });
});

describe('drug facts from the FDA files', () => {
  const purpleBook = [
    'N/R/U,Applicant,BLA Number,Proprietary Name,Proper Name,BLA Type,Strength,Dosage Form,Route of Administration,Product Presentation,Marketing Status,Licensure,Approval Date,Ref. Product Proper Name',
    ',AstraZeneca AB,761289,Imjudo,tremelimumab-actl,351(a),300MG/15ML (20MG/ML),Injection,Intravenous,Single-Dose Vial,Rx,Licensed,21-Oct-22,',
    ',AstraZeneca AB,761289,Imjudo,tremelimumab-actl,351(a),25MG/1.25ML (20MG/ML),Injection,Intravenous,Single-Dose Vial,Rx,Licensed,9-Nov-23,',
  ].join('\r\n');
  const reference = createReference([PRODUCTS, PACKAGES, purpleBook].map((t, i) => table(importText(`f${i}.txt`, t))));

  it('joins package, product and Purple Book (by BLA number): names, strength, route, category, biologic, approval, container', () => {
    expect(reference.drugFacts(knownNdc11('00310453530'))).toMatchObject({
      brandName: 'Imjudo', genericName: 'tremelimumab-actl', strength: '300 mg/15 mL', dosageForm: 'injection, solution', route: 'intravenous',
      marketingCategory: 'BLA', isBiologic: true, isBiosimilar: false, isAntineoplastic: true, fdaApprovalDate: '2022-10-21',
      container: { type: 'single-dose', amount: { value: '300', unit: 'mg' }, volume: { value: '15', unit: 'mL' } },
      sources: [
        expect.stringContaining('FDA NDC Directory, as of 03/01/2025 (NDC 0310-4535-30)'),
        'Antineoplastic: FDA pharmacologic class Cytotoxic T-Lymphocyte Antigen 4-directed Blocker [EPC].',
        expect.stringContaining('FDA Purple Book, as of 11/09/2023 (BLA 761289)'),
      ],
    });
  });

  it('does not call a drug anticancer or a biologic without a source saying so', () => {
    const facts = reference.drugFacts(knownNdc11('00641602110'));
    expect(facts).toMatchObject({ genericName: 'famotidine', marketingCategory: 'ANDA', isBiologic: false, container: { type: 'multi-dose', amount: { value: '200', unit: 'mg' } } });
    expect(facts).not.toHaveProperty('isAntineoplastic');
    expect(facts).not.toHaveProperty('brandName');
  });

  it('answers from the built-in catalogue for an NDC the directory does not list, and never claims codes from it', () => {
    expect(reference.drugFacts(knownNdc11('73150015006'))).toMatchObject({ brandName: 'Briumvi', sources: expect.arrayContaining([expect.stringContaining('Built-in catalogue')]) });
    expect(createReference([]).crosswalkCodes(knownNdc11('73150015006'), isoDate('2025-11-03'))).toBeUndefined();
    expect(reference.drugFacts(knownNdc11('99999999999'))).toBeUndefined();
  });
});

describe.skipIf(!hasData)('the FDA Purple Book as downloaded', () => {
  it('reads the UTF-8 file with its BOM, keeps each repeated row once, and reads d-Mon-yy dates', () => {
    const r = importFile('fda_purple_book_biologics_2025-03.csv');
    expect(r).toMatchObject({ ok: true, encoding: 'utf-8', notes: [expect.stringContaining('4,158 rows repeat earlier rows exactly')] });
    const t = table(r);
    expect(t.period).toEqual({ from: '2025-03-14', through: '2025-03-14', label: 'as of 03/14/2025' });
    expect(t.rows).toHaveLength(2121);
    expect(t.rows).toContainEqual(expect.objectContaining({ blaNumber: '761108', properName: 'ravulizumab-cwvz', strength: '300MG/30ML (10MG/ML)', approvalDate: '2018-12-21' }));
    expect(t.rows).toContainEqual(expect.objectContaining({ blaNumber: '103174', approvalDate: '1987-12-02' }));
  });
  it('reads a two-digit year as the latest year not after today', () => {
    const head = 'Applicant,BLA Number,Proprietary Name,Proper Name,BLA Type,Strength,Dosage Form,Route of Administration,Product Presentation,Marketing Status,Licensure,Approval Date,Ref. Product Proper Name';
    const row = (date: string) => `A,125001,X,x-abcd,351(k) Biosimilar,1MG,Injection,Intravenous,Vial,Rx,Licensed,${date},x`;
    const year = (today: string) => {
      const r = importReferenceFile('pb.csv', new TextEncoder().encode(`${head}\n${row('1-Jan-27')}\n${row('14-Mar-25').replace('125001', '125002')}\n`), { today });
      return r.ok && r.table.kind === 'purple-book' ? r.table.rows[0]!.approvalDate : !r.ok && r.message;
    };
    expect(year('2026-11-23')).toBe('1927-01-01');
    expect(year('2027-03-01')).toBe('2027-01-01');
  });
});

describe('other packages of a product in the FDA NDC Directory', () => {
  /** Made-up rows: one product in two single-dose vial sizes (one no longer marketed) and a sample, another strength as its own product. */
  const products = [
    PRODUCT_HEADER,
    'Q1\t9999-0100\tHUMAN PRESCRIPTION DRUG\tExamplimab\t\texamplimab\tINJECTION, SOLUTION\tINTRAVENOUS\t20200101\t\tBLA\tBLA999001\tExample Bio\tEXAMPLIMAB\t25\tmg/mL\t\t\tN\t20261231',
    'Q2\t9999-0200\tHUMAN PRESCRIPTION DRUG\tExamplimab\t\texamplimab\tINJECTION, SOLUTION\tINTRAVENOUS\t20200101\t\tBLA\tBLA999001\tExample Bio\tEXAMPLIMAB\t25\tmg/mL\t\t\tN\t20261231',
    'Q3\t9999-0300\tHUMAN PRESCRIPTION DRUG\tOtherdrug\t\totherdrug\tINJECTION, SOLUTION\tINTRAVENOUS\t20200101\t\tBLA\tBLA999002\tExample Bio\tOTHERDRUG\t10\tmg/mL\t\t\tN\t20261231',
  ].join('\n');
  const packages = [
    PACKAGE_HEADER,
    'Q1\t9999-0100\t9999-0100-01\t1 VIAL, SINGLE-DOSE in 1 CARTON (9999-0100-01)  > 4 mL in 1 VIAL, SINGLE-DOSE\t20200101\t\tN\tN',
    'Q2\t9999-0200\t9999-0200-01\t1 VIAL, SINGLE-DOSE in 1 CARTON (9999-0200-01)  > 16 mL in 1 VIAL, SINGLE-DOSE\t20200101\t\tN\tN',
    'Q2\t9999-0200\t9999-0200-02\t1 VIAL, SINGLE-DOSE in 1 CARTON (9999-0200-02)  > 40 mL in 1 VIAL, SINGLE-DOSE\t20200101\t20221231\tN\tN',
    'Q2\t9999-0200\t9999-0200-99\t1 VIAL, SINGLE-DOSE in 1 CARTON (9999-0200-99)  > 2 mL in 1 VIAL, SINGLE-DOSE\t20200101\t\tN\tY',
    'Q3\t9999-0300\t9999-0300-01\t1 VIAL, MULTI-DOSE in 1 CARTON (9999-0300-01)  > 10 mL in 1 VIAL, MULTI-DOSE\t20200101\t\tN\tN',
  ].join('\n');
  const reference = createReference([table(importText('product.txt', products)), table(importText('package.txt', packages))]);

  it('lists the same product\'s other sizes marketed on the date, with the amount from the strength and the volume', () => {
    expect(reference.otherPackages(knownNdc11('09999010001'), isoDate('2025-11-10'))).toEqual([
      { ndc11: '09999020001', amount: { value: '400', unit: 'mg' }, containerType: 'single-dose', source: expect.stringMatching(/^FDA NDC Directory packages/) },
    ]);
    // Before the 40 mL vial's marketing ended, it is one of them; samples never are.
    expect(reference.otherPackages(knownNdc11('09999010001'), isoDate('2022-06-01'))?.map((p) => [p.ndc11, p.amount.value])).toEqual([['09999020001', '400'], ['09999020002', '1000']]);
  });

  it('does not mix in another product of the labeler, and knows nothing of an NDC it does not list', () => {
    expect(reference.otherPackages(knownNdc11('09999030001'), isoDate('2025-11-10'))).toEqual([]);
    expect(reference.otherPackages(knownNdc11('12345678901'), isoDate('2025-11-10'))).toBeUndefined();
  });
});
