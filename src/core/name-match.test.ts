/**
 * The name check (name-match.ts): which codes whose HCPCS descriptors name the drug may be its own
 * on the date of service, and why the others are not. Descriptors and dates as CMS publishes them.
 */
import { describe, expect, it } from 'vitest';
import type { Evaluation } from './evaluate';
import type { ClaimPacket, Drug } from './packet/schema';
import type { DrugFacts, ReferenceData } from './reference';
import type { DeepPartial, MemoryReferenceData } from './test-fixtures';
import { evaluateOn, FIXTURE_REFERENCE_DATA, memoryReference, profile } from './test-fixtures';

type Hcpcs = NonNullable<MemoryReferenceData['hcpcs']>;
const withHcpcs = (hcpcs: Hcpcs, crosswalk: MemoryReferenceData['crosswalk'] = {}) => memoryReference({ ...FIXTURE_REFERENCE_DATA, crosswalk, hcpcs });
/** The same reference, with the FDA facts of every NDC saying who the labeler is. */
const withLabeler = (reference: ReferenceData, labeler: string): ReferenceData => ({
  ...reference, drugFacts: (ndc11): DrugFacts => ({ ndc11, labeler, sources: ['test FDA facts'], unverified: [] }),
});

/** The fixture's claim moved to `date`, its drug replaced by these names and facts (a made-up NDC no crosswalk lists). */
function drugOn(date: string, drug: DeepPartial<Drug>, reference: ReferenceData, claim: DeepPartial<ClaimPacket> = {}): Evaluation {
  return evaluateOn(date, { ...claim, drugs: [{ ndc: { input: '12345-6789-01', normalized: '12345678901' }, isBiosimilar: undefined, ...drug }] }, reference);
}
const named = (e: Evaluation) => e.drugs[0]!.decision.ownCode?.names;
const matchCodes = (e: Evaluation) => named(e)?.matches.map((m) => m.code);

const ULTOMIRIS = { brandName: 'Ultomiris', genericName: 'ravulizumab-cwvz' } as const;
const J1303: Hcpcs = { J1303: { descriptor: 'Injection, ravulizumab-cwvz, 10 mg', effective: '2019-10-01' } };

describe('codes in force on the date of service', () => {
  it('names J1303 for ravulizumab-cwvz in 2025, and not on 2/12/2019, saying it was added on 10/1/2019', () => {
    expect(matchCodes(drugOn('2025-11-10', ULTOMIRIS, withHcpcs(J1303)))).toEqual(['J1303']);
    const early = named(drugOn('2019-02-12', ULTOMIRIS, withHcpcs(J1303)))!;
    expect(early.matches).toEqual([]);
    expect(early.setAside.map((c) => c.why)).toEqual(['J1303 (Injection, ravulizumab-cwvz, 10 mg) names ravulizumab-cwvz but was added on 10/01/2019, after the date of service']);
  });

  it('sets aside a code ended before the date of service, saying so', () => {
    const q5102: Hcpcs = { Q5102: { descriptor: 'Injection, infliximab, biosimilar, 10 mg', effective: '2016-07-01', terminated: '2018-03-31' } };
    const result = named(drugOn('2019-06-03', { brandName: 'Inflectra', genericName: 'infliximab', isBiosimilar: true }, withHcpcs(q5102)))!;
    expect(result.matches).toEqual([]);
    expect(result.setAside.map((c) => c.why)).toEqual(['Q5102 (Injection, infliximab, biosimilar, 10 mg) names infliximab but ended on 03/31/2018, before the date of service']);
  });

  it('lists every code one name has (ESRD on dialysis or not), each with its own action, for the biller to pick', () => {
    const retacrit: Hcpcs = {
      Q5105: { descriptor: 'Injection, epoetin alfa-epbx, biosimilar, (retacrit) (for esrd on dialysis), 100 units', effective: '2018-07-01' },
      Q5106: { descriptor: 'Injection, epoetin alfa-epbx, biosimilar, (retacrit) (for non-esrd use), 1000 units', effective: '2018-07-01' },
      J0885: { descriptor: 'Injection, epoetin alfa, (for non-esrd use), 1000 units', effective: '2006-01-01' },
    };
    const result = drugOn('2025-11-10', { brandName: 'Retacrit', genericName: 'epoetin alfa-epbx', isBiosimilar: true }, withHcpcs(retacrit));
    expect(matchCodes(result)).toEqual(['Q5105', 'Q5106']);
    const block = result.findings.find((f) => f.rule === 'code.name-match')!;
    expect(block.actions?.map((a) => a.label)).toEqual(['Bill Q5105 instead', 'Bill Q5106 instead', 'None of these is this drug']);
  });
});

describe('whole names', () => {
  const aflibercept: Hcpcs = {
    J0178: { descriptor: 'Injection, aflibercept, 1 mg', effective: '2013-01-01' },
    J9400: { descriptor: 'Injection, ziv-aflibercept, 1 mg', effective: '2014-01-01' },
    Q5155: { descriptor: 'Injection, aflibercept-jbvf (yesafili), biosimilar, 1 mg', effective: '2025-10-01' },
  };
  it('takes a hyphenated suffix as part of the name', () => {
    expect(matchCodes(drugOn('2025-11-10', { brandName: 'Eylea', genericName: 'aflibercept', route: 'intravitreal', isBiosimilar: false }, withHcpcs(aflibercept)))).toEqual(['J0178']);
    expect(matchCodes(drugOn('2025-11-10', { brandName: 'Zaltrap', genericName: 'ziv-aflibercept' }, withHcpcs(aflibercept)))).toEqual(['J9400']);
    expect(matchCodes(drugOn('2025-11-10', { brandName: 'Yesafili', genericName: 'aflibercept-jbvf', route: 'intravitreal' }, withHcpcs(aflibercept)))).toEqual(['Q5155']);
    expect(matchCodes(drugOn('2025-11-10', { brandName: 'Pavblu', genericName: 'aflibercept-ayyh', route: 'intravitreal' }, withHcpcs(aflibercept)))).toEqual([]);
  });

  it('finds a code by the brand a descriptor carries, alone or in parentheses', () => {
    const brands: Hcpcs = {
      Q4101: { descriptor: 'Apligraf, per square centimeter', effective: '2006-01-01' },
      Q5117: { descriptor: 'Injection, trastuzumab-anns, biosimilar, (kanjinti), 10 mg', effective: '2019-10-01' },
    };
    expect(matchCodes(drugOn('2025-11-10', { brandName: 'Apligraf', genericName: '', route: 'topical' }, withHcpcs(brands)))).toEqual(['Q4101']);
    expect(named(drugOn('2025-11-10', { brandName: 'Kanjinti', genericName: 'trastuzumab', isBiosimilar: true }, withHcpcs(brands)))?.matches)
      .toEqual([{ code: 'Q5117', descriptor: 'Injection, trastuzumab-anns, biosimilar, (kanjinti), 10 mg', name: 'Kanjinti', notes: [] }]);
  });

  it('counts a descriptor that names the drug among more words only when none names it exactly, with what to check', () => {
    const dexamethasone: Hcpcs = {
      J1100: { descriptor: 'Injection, dexamethasone sodium phosphate, 1 mg', effective: '2000-01-01' },
      J8540: { descriptor: 'Dexamethasone, oral, 0.25 mg', effective: '2000-01-01' },
    };
    expect(matchCodes(drugOn('2025-11-10', { brandName: '', genericName: 'dexamethasone', route: 'oral' }, withHcpcs(dexamethasone)))).toEqual(['J8540']);
    const iv = named(drugOn('2025-11-10', { brandName: '', genericName: 'dexamethasone', route: 'intravenous' }, withHcpcs(dexamethasone)))!;
    expect(iv.matches).toEqual([{
      code: 'J1100', descriptor: 'Injection, dexamethasone sodium phosphate, 1 mg', name: 'dexamethasone',
      notes: ['its descriptor names dexamethasone within "dexamethasone sodium phosphate": check the salt, form and strength on the label'],
    }]);
    expect(iv.setAside.map((c) => c.why)).toEqual(['J8540 (Dexamethasone, oral, 0.25 mg) is not for a drug given by the intravenous route']);
  });
});

describe('what a descriptor says beside the name', () => {
  it('"excludes biosimilar" is not for a biosimilar; "biosimilar" is not for a reference product', () => {
    const trastuzumab: Hcpcs = { J9355: { descriptor: 'Injection, trastuzumab, excludes biosimilar, 10 mg', effective: '2000-01-01' } };
    expect(matchCodes(drugOn('2025-11-10', { brandName: 'Herceptin', genericName: 'trastuzumab', isBiosimilar: false }, withHcpcs(trastuzumab)))).toEqual(['J9355']);
    expect(named(drugOn('2025-11-10', { brandName: 'Biosim', genericName: 'trastuzumab', isBiosimilar: true }, withHcpcs(trastuzumab)))?.setAside.map((c) => c.why))
      .toEqual(['J9355 excludes biosimilars, and this drug is a biosimilar']);
    const q5102: Hcpcs = { Q5102: { descriptor: 'Injection, infliximab, biosimilar, 10 mg', effective: '2016-07-01', terminated: '2018-03-31' } };
    expect(named(drugOn('2017-06-05', { brandName: 'Remicade', genericName: 'infliximab', isBiosimilar: false }, withHcpcs(q5102)))?.setAside.map((c) => c.why))
      .toEqual(['Q5102 is for a biosimilar, and this drug is not one']);
  });

  it('reads "compounded" and "non-compounded"', () => {
    const acetylcysteine: Hcpcs = {
      J7604: { descriptor: 'Acetylcysteine, inhalation solution, compounded product, administered through dme, unit dose form, per gram', effective: '2000-01-01' },
      J7608: { descriptor: 'Acetylcysteine, inhalation solution, fda-approved final product, non-compounded, administered through dme, unit dose form, per gram', effective: '2000-01-01' },
    };
    const dme = { careSetting: 'dme-supplier' as const, ...profile('medicare-dme') };
    expect(matchCodes(drugOn('2025-11-10', { brandName: '', genericName: 'acetylcysteine', route: 'inhalation', marketingCategory: 'ANDA' }, withHcpcs(acetylcysteine), dme))).toEqual(['J7608']);
    expect(matchCodes(drugOn('2025-11-10', { brandName: '', genericName: 'acetylcysteine', route: 'inhalation', marketingCategory: 'compounded' }, withHcpcs(acetylcysteine), dme))).toEqual(['J7604']);
  });

  it('sets aside the codes of other manufacturers once one code names this NDC\'s labeler, and the code it is not equivalent to', () => {
    const acetaminophen: Hcpcs = {
      J0131: { descriptor: 'Injection, acetaminophen, not otherwise specified,10 mg', effective: '2023-01-01' },
      J0134: { descriptor: 'Injection, acetaminophen (fresenius kabi), not therapeutically equivalent to j0131, 10 mg', effective: '2023-01-01' },
      J0137: { descriptor: 'Injection, acetaminophen (hikma), not therapeutically equivalent to j0131, 10 mg', effective: '2023-07-01' },
    };
    const drug = { brandName: '', genericName: 'acetaminophen' };
    const unknownLabeler = named(drugOn('2025-11-10', drug, withHcpcs(acetaminophen)))!;
    expect(unknownLabeler.matches.map((m) => [m.code, m.notes])).toEqual([
      ['J0131', []], ['J0134', ['its descriptor adds "(fresenius kabi)": check it against the label']], ['J0137', ['its descriptor adds "(hikma)": check it against the label']],
    ]);
    const fresenius = named(drugOn('2025-11-10', drug, withLabeler(withHcpcs(acetaminophen), 'Fresenius Kabi USA, LLC')))!;
    expect(fresenius.matches.map((m) => [m.code, m.notes])).toEqual([['J0134', []]]);
    expect(fresenius.setAside.map((c) => c.why)).toEqual([
      'J0131 is for another product: this drug\'s, J0134, is not therapeutically equivalent to it',
      'J0137 (Injection, acetaminophen (hikma), not therapeutically equivalent to j0131, 10 mg) is for another product than this drug\'s, whose own is J0134',
    ]);
  });

  it('sets aside a code that is "not therapeutically equivalent" to this drug\'s brand', () => {
    const cefepime: Hcpcs = {
      J0692: { descriptor: 'Injection, cefepime hydrochloride, 500 mg', effective: '2002-01-01' },
      J0701: { descriptor: 'Injection, cefepime hydrochloride (baxter), not therapeutically equivalent to maxipime, 500 mg', effective: '2023-01-01' },
    };
    const maxipime = named(drugOn('2025-11-10', { brandName: 'Maxipime', genericName: 'cefepime hydrochloride', marketingCategory: 'NDA' }, withHcpcs(cefepime)))!;
    expect(maxipime.matches.map((m) => m.code)).toEqual(['J0692']);
    expect(maxipime.setAside.map((c) => c.why)).toEqual(['J0701 is not therapeutically equivalent to Maxipime, this drug']);
  });

  it('offers a C code only on a hospital outpatient or ASC claim', () => {
    const c9052: Hcpcs = { C9052: { descriptor: 'Injection, ravulizumab-cwvz, 10 mg', effective: '2019-07-01', terminated: '2019-09-30' } };
    expect(matchCodes(drugOn('2019-08-05', ULTOMIRIS, withHcpcs(c9052)))).toEqual([]);
    expect(named(drugOn('2019-08-05', ULTOMIRIS, withHcpcs(c9052)))?.setAside.map((c) => c.why)).toEqual([]);
    expect(matchCodes(drugOn('2019-08-05', ULTOMIRIS, withHcpcs(c9052), { careSetting: 'hospital-outpatient', ...profile('medicare-opps') }))).toEqual(['C9052']);
  });

  it('checks nothing without a HCPCS file, and no name when none is entered', () => {
    expect(named(drugOn('2025-11-10', ULTOMIRIS, memoryReference({ ...FIXTURE_REFERENCE_DATA, hcpcs: undefined })))).toBeUndefined();
    expect(named(drugOn('2025-11-10', { brandName: ' ', genericName: '' }, withHcpcs(J1303)))).toMatchObject({ names: [], matches: [] });
  });
});
