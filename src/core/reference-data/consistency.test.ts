/**
 * Reference files that contradict themselves are refused with the line and the reason, and
 * nothing of them is kept (consistency.ts): a HCPCS code listed twice for overlapping dates, a
 * banner that is not one calendar quarter, dates outside 1990–2100, an ICD-10-CM fiscal year not
 * told by the file's own name, an FDA file as of a day after today.
 */
import { describe, expect, it } from 'vitest';
import { importReferenceFile } from './import';
import { createReference } from './memory-reference';
import { isoDate } from '../dates';
import { knownHcpcsCode } from '../codes';

const TODAY = { today: '2026-11-23' };
const importText = (name: string, text: string) => importReferenceFile(name, new TextEncoder().encode(text), TODAY);
const refused = (message: string) => ({ ok: false, message });

const HCPCS_HEADER = 'HCPC,SEQNUM,RECID,LONG DESCRIPTION,SHORT DESCRIPTION,ADD DT,ACT EFF DT,TERM DT,ACTION CD';
const hcpcs = (...rows: string[]) => [HCPCS_HEADER, 'J3490,0010,3,Unclassified drugs,Drugs unclassified injection,19860101,19970101,,N', ...rows].join('\r\n');

describe('a HCPCS file', () => {
  it('listing a code twice for overlapping dates is refused, naming both lines', () => {
    const twice = hcpcs('J1303,0010,3,"Injection, ravulizumab-cwvz, 10 mg",Inj ravulizumab-cwvz,20191001,20191001,,N', 'J1303,0010,3,"Injection, ravulizumab-cwvz, 1 mg",Inj ravulizumab-cwvz,20200101,20200101,,C');
    expect(importText('hcpcs.csv', twice)).toEqual(refused('Line 4: code J1303 is listed again, for dates that overlap those of line 3 (from 10/01/2019 and from 01/01/2020). '
      + 'A published file lists a code once for any date, so which row holds cannot be told. Download the file again from CMS'));
  });

  it('listing a code ended and added again, for dates that do not overlap, is read, each row answering for its dates', () => {
    const again = hcpcs(
      'Q9991,0010,3,"Injection, buprenorphine extended-release (sublocade), less than or equal to 100 mg",Buprenorphine xr 100 mg or <,20180701,20180701,20191231,D',
      'Q9991,0010,3,"Injection, buprenorphine extended-release (sublocade), less than or equal to 100 mg",Buprenorphine xr 100 mg or <,20210101,20210101,,A',
    );
    const result = importText('hcpcs.csv', again);
    expect(result.ok).toBe(true);
    const reference = createReference(result.ok ? [result.table] : []);
    expect(['2019-06-03', '2020-06-01', '2021-06-01'].map((d) => reference.codeValidity(knownHcpcsCode('Q9991'), isoDate(d))?.status)).toEqual(['valid', 'not-yet-effective', 'valid']);
  });

  it('ending a code before it was added, or dating a row outside 1980–2100, is refused', () => {
    expect(importText('hcpcs.csv', hcpcs('J1303,0010,3,"Injection, ravulizumab-cwvz, 10 mg",Inj,20191001,20191001,20190930,D')))
      .toEqual(refused('Line 3: code J1303 ends on 09/30/2019, before it was added (10/01/2019): the file was damaged or edited. Download it again from CMS'));
    expect(importText('hcpcs.csv', hcpcs('J1303,0010,3,"Injection, ravulizumab-cwvz, 10 mg",Inj,20191001,29991001,,N')))
      .toEqual(refused('Line 3: code J1303 has the date 10/01/2999, outside 1980–2100: the file was damaged or edited. Download it again from CMS'));
    // CMS dates its oldest codes January 1, 1982.
    expect(importText('hcpcs.csv', hcpcs('A0130,0010,3,Non-emergency transportation: wheel-chair van,Non-er transport w/c van,19820101,19820101,,N')).ok).toBe(true);
  });
});

const CROSSWALK_HEADER = '_2025_CODE,Short Description,LABELER NAME,NDC2,Drug Name,HCPCS dosage,PKG SIZE,PKG QTY,BILLUNITS,BILLUNITSPKG';
const crosswalk = (banner: string) => ['October 2025 ASP NDC - HCPCS Crosswalk,,', `"${banner}",,`, CROSSWALK_HEADER, 'J9271,Inj pembrolizumab,Merck,00006-3026-02,Keytruda,1 MG,4,1,100,100'].join('\r\n');
const PRICES_HEADER = 'HCPCS Code,Short Description,HCPCS Code Dosage,Payment Limit,Notes';
const prices = (banner: string) => ['Payment Allowance Limits for Medicare Part B Drugs,,', `"${banner}",,`, PRICES_HEADER, 'J9271,Inj pembrolizumab,1 MG,60.291,'].join('\r\n');

describe('a crosswalk or payment-limit file', () => {
  it('whose banner covers dates outside 1990–2100 is refused at the banner line', () => {
    expect(importText('x.csv', crosswalk('Effective January 1, 0001 through December 31, 9999'))).toEqual(refused('Line 2: the banner of this CMS ASP NDC-HCPCS crosswalk covers '
      + '01/01/0001 through 12/31/9999, outside 1990–2100: no file CMS or the FDA publishes for the wizard covers such dates. Download the file again'));
  });

  it('whose banner is not one calendar quarter is refused', () => {
    expect(importText('x.csv', crosswalk('Effective October 1, 2025 through March 31, 2026'))).toEqual(refused('Line 2: this CMS ASP NDC-HCPCS crosswalk says it is effective from '
      + '10/01/2025 through 03/31/2026, which is not one calendar quarter. CMS publishes it for one quarter (January–March, April–June, July–September or October–December): use the file as CMS publishes it'));
    expect(importText('x.csv', prices('Effective November 1, 2025 through January 31, 2026'))).toMatchObject({ ok: false, message: expect.stringMatching(/^Line 2: this CMS ASP payment-limit file says it is effective from 11\/01\/2025 through 01\/31\/2026, which is not one calendar quarter/) });
    expect(importText('x.csv', prices('Effective October 1, 2025 through December 31, 2025'))).toMatchObject({ ok: true, table: { period: { label: 'October 2025' } } });
  });
});

const ORDER_LINE = '00001 A000    0 Cholera                                                      Cholera';
describe('an ICD-10-CM order file', () => {
  it('takes its fiscal year from its own name only, never from a folder it is in', () => {
    expect(importText('icd10cm/icd10cm_order_2026.txt', `${ORDER_LINE}\n`)).toMatchObject({ ok: true, table: { fiscalYear: 2026 } });
    expect(importText('C:\\CMS\\icd10cm_order_2025.txt', `${ORDER_LINE}\n`)).toMatchObject({ ok: true, table: { fiscalYear: 2025 } });
    expect(importText('icd10cm_order_2026/order.txt', `${ORDER_LINE}\n`)).toEqual(refused('the fiscal year of this ICD-10-CM order file is told by its name, and "order.txt" does not say it. '
      + 'Keep the name CMS gives it, for example icd10cm_order_2026.txt'));
  });

  it('whose name gives a fiscal year outside 1990–2100 is refused', () => {
    expect(importText('icd10cm_order_1899.txt', `${ORDER_LINE}\n`)).toEqual(refused('FY1899, the fiscal year its name "icd10cm_order_1899.txt" gives, covers 10/01/1898 through 09/30/1899, '
      + 'outside 1990–2100: no file CMS or the FDA publishes for the wizard covers such dates. Download the file again'));
  });
});

const PACKAGE_HEADER = 'PRODUCTID\tPRODUCTNDC\tNDCPACKAGECODE\tPACKAGEDESCRIPTION\tSTARTMARKETINGDATE\tENDMARKETINGDATE\tNDC_EXCLUDE_FLAG\tSAMPLE_PACKAGE';
const PURPLE_HEADER = 'Applicant,BLA Number,Proprietary Name,Proper Name,BLA Type,Strength,Dosage Form,Route of Administration,Product Presentation,Marketing Status,Licensure,Approval Date,Ref. Product Proper Name';

describe('an FDA file', () => {
  it('as of a day after today is refused, naming the line of that date', () => {
    const packages = [PACKAGE_HEADER, 'P1\t0310-4535\t0310-4535-30\t1 VIAL in 1 CARTON\t20221021\t\tN\tN', 'P2\t0641-6021\t0641-6021-10\t10 VIAL in 1 CARTON\t20261124\t\tN\tN'].join('\n');
    expect(importText('package.txt', packages)).toEqual(refused('Line 3: this FDA NDC Directory packages (package.txt) lists a date, 11/24/2026, after today (11/23/2026), '
      + 'so the day it is as of would lie in the future: the file was edited, or this computer\'s date is wrong'));
    expect(importText('package.txt', packages.replace('20261124', '20261123'))).toMatchObject({ ok: true, table: { period: { label: 'as of 11/23/2026' } } });
    const purple = [PURPLE_HEADER, 'A,125001,X,x-abcd,351(k) Biosimilar,1MG,Injection,Intravenous,Vial,Rx,Licensed,1-Jan-2027,x'].join('\n');
    expect(importText('purplebook.csv', purple)).toMatchObject({ ok: false, message: expect.stringMatching(/^Line 2: this FDA Purple Book lists a date, 01\/01\/2027, after today/) });
  });

  it('as of a day before 1990 is refused', () => {
    const purple = [PURPLE_HEADER, 'A,125001,X,x-abcd,351(a),1MG,Injection,Intravenous,Vial,Rx,Licensed,1-Jan-1987,x'].join('\n');
    expect(importText('purplebook.csv', purple)).toMatchObject({ ok: false, message: expect.stringMatching(/^Line 2: this FDA Purple Book, as of its latest date, covers 01\/01\/1987, outside 1990–2100/) });
  });
});
