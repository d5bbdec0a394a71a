/**
 * The index of the names the HCPCS drug descriptors carry (name-index.ts): whole names, suffixes
 * part of the name, brands in parentheses, what the descriptor says beside the name, and never an
 * unclassified code. The descriptors are the October 2025 file's, as published.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importReferenceFile } from './import';
import type { DescriptorRow } from './name-index';
import { buildNameIndex, nameWords } from './name-index';
import { isoDate } from '../dates';

const row = (code: string, longDescription: string, added = '2020-01-01', terminated: string | null = null): DescriptorRow => ({ code, longDescription, added: isoDate(added), terminated: terminated === null ? null : isoDate(terminated), isModifier: false });

const ROWS = [
  row('J0178', 'Injection, aflibercept, 1 mg', '2013-01-01'),
  row('J0177', 'Injection, aflibercept hd, 1 mg', '2024-04-01'),
  row('J9400', 'Injection, ziv-aflibercept, 1 mg', '2014-01-01'),
  row('Q5155', 'Injection, aflibercept-jbvf (yesafili), biosimilar, 1 mg', '2025-10-01'),
  row('Q5117', 'Injection, trastuzumab-anns, biosimilar, (kanjinti), 10 mg', '2019-10-01'),
  row('J9355', 'Injection, trastuzumab, excludes biosimilar, 10 mg', '2000-01-01'),
  row('J9356', 'Injection, trastuzumab, 10 mg and hyaluronidase-oysk', '2019-07-01'),
  row('J9316', 'Injection, pertuzumab, trastuzumab, and hyaluronidase-zzxf, per 10 mg', '2021-01-01'),
  row('J9306', 'Injection, pertuzumab, 1 mg', '2014-01-01'),
  row('Q4101', 'Apligraf, per square centimeter', '2006-01-01'),
  row('Q0162', 'Ondansetron 1 mg, oral, fda approved prescription anti-emetic, for use as a complete therapeutic substitute for an iv anti-emetic at the time of chemotherapy treatment, not to exceed a 48 hour dosage regimen', '2000-01-01'),
  row('J2405', 'Injection, ondansetron hydrochloride, per 1 mg', '2000-01-01'),
  row('J0134', 'Injection, acetaminophen (fresenius kabi), not therapeutically equivalent to j0131, 10 mg', '2023-01-01'),
  row('J0131', 'Injection, acetaminophen, not otherwise specified,10 mg', '2023-01-01'),
  row('J2247', 'Injection, micafungin sodium (par pharm) not thereapeutically equivalent to j2248, 1 mg', '2023-01-01'),
  row('J0701', 'Injection, cefepime hydrochloride (baxter), not therapeutically equivalent to maxipime, 500 mg', '2023-01-01'),
  row('J7312', 'Injection, dexamethasone, intravitreal implant, 0.1 mg', '2010-01-01'),
  row('J7604', 'Acetylcysteine, inhalation solution, compounded product, administered through dme, unit dose form, per gram', '2000-01-01'),
  row('J7608', 'Acetylcysteine, inhalation solution, fda-approved final product, non-compounded, administered through dme, unit dose form, per gram', '2000-01-01'),
  row('J0561', 'Injection, penicillin g benzathine, 100,000 units', '2011-01-01'),
  row('J3490', 'Unclassified drugs', '1986-01-01'),
  row('J3591', 'Unclassified drug or biological used for esrd on dialysis', '2018-01-01'),
  row('Q4082', 'Drug or biological, not otherwise classified, part b drug competitive acquisition program (cap)', '2006-01-01'),
  row('J7699', 'Noc drugs, inhalation solution administered through dme', '1993-01-01'),
  row('S0028', 'Injection, famotidine, 20 mg', '2000-01-01', '2025-03-31'),
  row('G0498', 'Chemotherapy administration, intravenous infusion technique; initiation of infusion in the office/clinic setting using office/clinic pump/supplies, with continuation of the infusion in the community setting (e.g., home, domiciliary, rest home or assisted living) using a portable pump provided by the office/clinic, includes follow up office/clinic visit at the conclusion of the infusion', '2013-01-01'),
  { ...row('JW', 'Drug amount discarded/not administered to any patient', '2002-01-01'), isModifier: true },
];
const index = buildNameIndex(ROWS, 'test HCPCS file');
const codes = (name: string) => index.find(name).map((h) => `${h.code}:${h.fit}`).sort();

describe('the words of a name', () => {
  it('are lower case, keep hyphens and apostrophes, spell out HCl, and leave amounts out (not the g of penicillin g)', () => {
    expect(nameWords('Ravulizumab-CWVZ')).toEqual(['ravulizumab-cwvz']);
    expect(nameWords('Bupivacaine HCl 0.5% 30 mL')).toEqual(['bupivacaine', 'hydrochloride']);
    expect(nameWords("Lactated Ringer's")).toEqual(['lactated', "ringer's"]);
    expect(nameWords('factor viii per i.u.')).toEqual(['factor', 'viii']);
    expect(nameWords('penicillin G benzathine 1,200,000 units')).toEqual(['penicillin', 'g', 'benzathine']);
    expect(nameWords('5-fluorouracil 500 mg')).toEqual(['5-fluorouracil']);
  });
});

describe('the name index of HCPCS descriptors', () => {
  it('takes a hyphenated suffix as part of the name: aflibercept, ziv-aflibercept and aflibercept-jbvf are three drugs', () => {
    expect(codes('aflibercept')).toEqual(['J0177:within', 'J0178:exact']);
    expect(codes('ziv-aflibercept')).toEqual(['J9400:exact']);
    expect(codes('Aflibercept-JBVF')).toEqual(['Q5155:exact']);
    expect(codes('aflibercept-xxxx')).toEqual([]);
  });

  it('finds a brand in parentheses (biosimilars) and a descriptor that names the product by its brand alone', () => {
    expect(index.find('Kanjinti')).toMatchObject([{ code: 'Q5117', fit: 'exact', isInParentheses: true, phrase: 'kanjinti' }]);
    expect(index.find('Yesafili').map((h) => h.code)).toEqual(['Q5155']);
    expect(index.find('APLIGRAF')).toMatchObject([{ code: 'Q4101', fit: 'exact', isInParentheses: false }]);
  });

  it('leaves amounts out of names: "Ondansetron 1 mg" names ondansetron exactly, "ondansetron hydrochloride" within', () => {
    expect(codes('ondansetron')).toEqual(['J2405:within', 'Q0162:exact']);
    expect(codes('ondansetron HCl')).toEqual(['J2405:exact']);
    expect(codes('penicillin g benzathine')).toEqual(['J0561:exact']);
  });

  it('reads a list joined by "and" as one product: pertuzumab alone is J9306, not the combination J9316', () => {
    expect(codes('pertuzumab')).toEqual(['J9306:exact', 'J9316:within']);
    expect(codes('trastuzumab')).toEqual(['J9316:within', 'J9355:exact', 'J9356:within']);
    expect(index.find('trastuzumab').find((h) => h.code === 'J9356')?.phrase).toBe('trastuzumab, 10 mg and hyaluronidase-oysk');
  });

  it('reads what a descriptor says beside the name', () => {
    const q = (code: string, name: string) => index.find(name).find((h) => h.code === code)!.qualifiers;
    expect(q('J9355', 'trastuzumab')).toMatchObject({ excludesBiosimilar: true, isBiosimilar: false, routes: expect.arrayContaining(['intravenous', 'subcutaneous']) });
    expect(q('Q5117', 'kanjinti')).toMatchObject({ excludesBiosimilar: false, isBiosimilar: true, parentheses: ['kanjinti'] });
    expect(q('J0134', 'acetaminophen')).toMatchObject({ notEquivalentTo: ['j0131'], parentheses: ['fresenius kabi'] });
    expect(q('J2247', 'micafungin sodium')).toMatchObject({ notEquivalentTo: ['j2248'], parentheses: ['par pharm'] });
    expect(q('J0701', 'cefepime hydrochloride')).toMatchObject({ notEquivalentTo: ['maxipime'] });
    // A route word narrows "injection": an intravitreal implant is not for an intravenous dose.
    expect(q('J7312', 'dexamethasone').routes).toEqual(['intravitreal']);
    expect(q('Q0162', 'ondansetron').routes).toEqual(['oral']);
    expect(q('J7604', 'acetylcysteine')).toMatchObject({ compounded: true, routes: ['inhalation'] });
    expect(q('J7608', 'acetylcysteine')).toMatchObject({ compounded: false });
    expect(q('Q4101', 'apligraf')).toMatchObject({ routes: undefined, compounded: undefined });
  });

  it('never searches the product a code is not equivalent to: Maxipime does not find J0701', () => {
    expect(index.find('Maxipime')).toEqual([]);
    expect(index.find('j0131')).toEqual([]);
  });

  it('never lists an unclassified code, an S code, a modifier or a service', () => {
    for (const name of ['drugs', 'unclassified drugs', 'drug or biological', 'noc drugs', 'famotidine', 'drug amount discarded', 'chemotherapy administration']) expect(codes(name), name).toEqual([]);
    expect(index.source).toBe('test HCPCS file');
  });

  it('keeps each row of a code ended and added again, with its dates', () => {
    const again = buildNameIndex([row('Q9991', 'Injection, buprenorphine extended-release (sublocade), less than or equal to 100 mg', '2018-07-01', '2019-12-31'), row('Q9991', 'Injection, buprenorphine extended-release (sublocade), less than or equal to 100 mg', '2021-01-01')], 's');
    expect(again.find('Sublocade').map((h) => [h.added, h.terminated])).toEqual([['2018-07-01', '2019-12-31'], ['2021-01-01', null]]);
  });
});

const HCPCS = resolve(import.meta.dirname, '../../../../shared/data/hcpcs_level2_anweb_oct2025.csv');
if (!existsSync(HCPCS)) console.warn(`Skipping the name index of the real HCPCS file: ${HCPCS} is absent (the CMS reference files live outside the repository).`);

describe.skipIf(!existsSync(HCPCS))('the name index of the October 2025 HCPCS file (../shared/data)', () => {
  const imported = existsSync(HCPCS) ? importReferenceFile('hcpcs_level2_anweb_oct2025.csv', readFileSync(HCPCS), { today: '2025-11-20' }) : undefined;
  const real = buildNameIndex(imported?.ok === true && imported.table.kind === 'hcpcs' ? imported.table.rows : [], 'CMS HCPCS Level II file, October 2025');

  it('names J1303 for ravulizumab-cwvz (and its pass-through code C9052, ended 9/30/2019), and J2329 for ublituximab-xiiy', () => {
    expect(real.find('ravulizumab-cwvz').map((h) => [h.code, h.added, h.terminated, h.fit])).toEqual([
      ['C9052', '2019-07-01', '2019-09-30', 'exact'], ['J1303', '2019-10-01', null, 'exact'],
    ]);
    expect(real.find('Ublituximab-xiiy').map((h) => h.code)).toEqual(['J2329']);
  });

  it('finds no code for a name no descriptor carries, and no unclassified code for any word', () => {
    expect(real.find('denosumab-desu')).toEqual([]);
    expect(real.find('drugs').map((h) => h.code)).not.toContain('J3490');
    expect(real.find('biological').map((h) => h.code)).not.toContain('C9399');
  });
});
