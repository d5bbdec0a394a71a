/**
 * A drug whose NDC no crosswalk lists under a code, but whose name a HCPCS descriptor in force
 * carries (own-code.ts): the unclassified code is blocked naming the code; the biller bills it
 * (the claim becomes its claim) or sets it aside with a reason that stays in the packet and in the
 * reasons every view prints. "No code of its own" is said only when everything could be checked.
 */
import { describe, expect, it } from 'vitest';
import { applyAction } from './actions';
import { evaluateClaim } from './evaluate';
import type { Evaluation } from './evaluate';
import type { ClaimPacket, Drug } from './packet/schema';
import type { ReferenceData } from './reference';
import type { DeepPartial } from './test-fixtures';
import { findingsOf, FIXTURE_REFERENCE_DATA, memoryReference, packetOn, plusDays } from './test-fixtures';

const DATE = '2025-11-10';
/** Ultomiris from a made-up NDC no crosswalk lists, 2,700 mg from 9 × 300 mg single-dose vials. */
const ULTOMIRIS: DeepPartial<Drug> = {
  ndc: { input: '25682-0099-01', normalized: '25682009901' }, brandName: 'Ultomiris', genericName: 'ravulizumab-cwvz', strength: '300 mg/30 mL',
  fdaApprovalDate: '2018-12-21', isBiosimilar: undefined,
  container: { type: 'single-dose', amount: { value: '300', unit: 'mg' }, volume: { value: '30', unit: 'mL' }, opened: '9' },
  administration: { dose: { value: '2700', unit: 'mg' } }, waste: { amount: { value: '0', unit: 'mg' }, reason: undefined, time: undefined },
  invoice: { ndc: '25682-0099-01' },
};
const reference = memoryReference({ ...FIXTURE_REFERENCE_DATA, hcpcs: { J1303: { descriptor: 'Injection, ravulizumab-cwvz, 10 mg', effective: '2019-10-01' } } });
const claim = (drug: DeepPartial<Drug> = {}, date = DATE): ClaimPacket => packetOn(date, { diagnoses: [{ code: 'G35.A' }], drugs: [{ ...ULTOMIRIS, ...drug }] });
const evaluated = (packet: ClaimPacket, ref: ReferenceData = reference): Evaluation => evaluateClaim(packet, ref, plusDays(packet.dates!.service!, 10));

describe('a code whose descriptor names the drug', () => {
  it('blocks the unclassified code, naming the code and its descriptor, with "Bill J1303 instead" and "J1303 is not this drug"', () => {
    const result = evaluated(claim());
    expect(result.decision).toMatchObject({ code: 'J3590', kind: 'unclassified' });
    expect(findingsOf(result, 'code.name-match')).toEqual([expect.objectContaining({
      severity: 'block', path: 'drugs.0.genericName',
      message: 'The test HCPCS file has a code of its own for ravulizumab-cwvz or Ultomiris on the date of service: J1303 (Injection, ravulizumab-cwvz, 10 mg). '
        + 'An unclassified code is denied when the drug has its own (CARC 189): bill it, or, if it is not this drug (another salt, route or formulation), set it aside and say why.',
      actions: [
        { kind: 'confirm-code', drugIndex: 0, code: 'J1303', label: 'Bill J1303 instead' },
        { kind: 'dismiss-match', drugIndex: 0, codes: ['J1303'], label: 'J1303 is not this drug' },
      ],
    })]);
    expect(result.exportable).toBe(false);
  });

  it('confirmed, the claim is J1303\'s: its units in the descriptor\'s 10 mg, no description, exportable', () => {
    const before = evaluated(claim());
    const confirm = findingsOf(before, 'code.name-match')[0]!.actions![0]!;
    const after = evaluated(applyAction(claim(), confirm));
    expect(after.decision).toMatchObject({ code: 'J1303', kind: 'specific', isChosenByBiller: true, descriptor: 'Injection, ravulizumab-cwvz, 10 mg' });
    expect(after.decision.reasons).toContain('The biller confirmed that J1303 is this drug\'s code and bills it instead of an unclassified code.');
    expect(after.lines.map((l) => [l.code, l.modifiers, l.units, l.narrative])).toEqual([['J1303', ['JZ'], 270, null]]);
    expect(after.exportable).toBe(true);
  });

  it('set aside, it asks why; with the reason the claim goes out under the unclassified code and the reason is in its reasons', () => {
    const dismiss = findingsOf(evaluated(claim()), 'code.name-match')[0]!.actions![1]!;
    const setAside = applyAction(claim(), dismiss);
    expect(setAside.drugs![0]!.dismissedCodeMatch).toEqual({ codes: ['J1303'] });
    const waiting = evaluated(setAside);
    expect(findingsOf(waiting, 'code.name-match')).toEqual([]);
    expect(findingsOf(waiting, 'code.name-match-reason-missing')).toEqual([expect.objectContaining({
      severity: 'block', kind: 'missing', path: 'drugs.0.dismissedCodeMatch.reason',
      actions: [{ kind: 'confirm-code', drugIndex: 0, code: 'J1303', label: 'Bill J1303 instead' }],
    })]);
    const reason = 'Compounded from bulk powder, not the licensed product';
    const done = evaluated(claim({ dismissedCodeMatch: { codes: ['J1303'], reason } }));
    expect(done.exportable).toBe(true);
    expect(done.decision.code).toBe('J3590');
    expect(done.decision.reasons).toContain(`The biller set J1303 aside as not this drug: ${reason}.`);
    // Everything was checked: the complete test crosswalk does not list the NDC either.
    expect(findingsOf(done, 'code.not-verified')).toEqual([]);
  });

  it('blocks again when a code the biller did not set aside names the drug, and "Bill" drops the setting aside', () => {
    const twoCodes = memoryReference({ ...FIXTURE_REFERENCE_DATA, hcpcs: {
      J1303: { descriptor: 'Injection, ravulizumab-cwvz, 10 mg', effective: '2019-10-01' },
      J1304: { descriptor: 'Injection, ravulizumab-cwvz, subcutaneous, 10 mg', effective: '2025-10-01' },
    } });
    const old = claim({ route: 'subcutaneous', dismissedCodeMatch: { codes: ['J1303'], reason: 'Given under the skin' } });
    const result = evaluated(old, twoCodes);
    expect(findingsOf(result, 'code.name-match').map((f) => f.actions!.map((a) => a.label))).toEqual([['Bill J1303 instead', 'Bill J1304 instead', 'None of these is this drug']]);
    const billed = applyAction(old, findingsOf(result, 'code.name-match')[0]!.actions![1]!);
    expect(billed.drugs![0]!).toMatchObject({ specificCodeChoice: 'J1304' });
    expect(billed.drugs![0]!.dismissedCodeMatch).toBeUndefined();
  });

  it('counts the code the biller types to bill as confirming it (no "differs" warning)', () => {
    const result = evaluated(claim({ codeOverride: { code: 'J1303', reason: 'its descriptor names the drug' } }));
    expect(result.decision).toMatchObject({ code: 'J1303', kind: 'specific' });
    expect(findingsOf(result, 'code.override-differs')).toEqual([]);
    expect(findingsOf(result, 'code.name-match')).toEqual([]);
  });
});

describe('what was checked and what was not', () => {
  it('says "no code of its own" only when the date\'s crosswalk is whole and no descriptor names the drug', () => {
    const result = evaluated(claim({}, '2019-02-12'));
    expect(result.decision.reasons[0]).toBe('No product-specific code on 02/12/2019: NDC 25682-0099-01 is in none of the crosswalk quarters loaded (test crosswalk); '
      + 'the crosswalk of the date\'s quarter (the test crosswalk) is loaded whole; no drug code in force on the date of service in the test HCPCS file names ravulizumab-cwvz or Ultomiris '
      + '(J1303 (Injection, ravulizumab-cwvz, 10 mg) names ravulizumab-cwvz but was added on 10/01/2019, after the date of service).');
    expect(findingsOf(result, 'code.not-verified')).toEqual([]);
  });

  it('without a crosswalk, says the crosswalk was not checked and what the name check found', () => {
    const noCrosswalk = memoryReference({ ...FIXTURE_REFERENCE_DATA, crosswalk: undefined, hcpcs: {} });
    expect(findingsOf(evaluated(claim(), noCrosswalk), 'code.not-verified').map((f) => f.message)).toEqual([
      'The wizard could not confirm that this drug has no code of its own on 11/10/2025. Checked: no drug code in force on the date of service in the test HCPCS file names ravulizumab-cwvz or Ultomiris. '
      + 'Not checked: the CMS crosswalk, since none is loaded. Before sending, import the CMS ASP NDC-HCPCS crosswalk of the date of service\'s quarter (Reference data).',
    ]);
  });

  it('without a HCPCS file or a name, says the names were not checked', () => {
    const noHcpcs = memoryReference({ ...FIXTURE_REFERENCE_DATA, hcpcs: undefined });
    expect(findingsOf(evaluated(claim(), noHcpcs), 'code.not-verified')[0]?.message).toContain(
      'Not checked: the drug\'s names against the HCPCS descriptors, since no HCPCS file is loaded. Before sending, import the CMS HCPCS Level II file (Reference data).');
    expect(findingsOf(evaluated(claim({ brandName: '', genericName: ' ', marketingCategory: 'compounded' })), 'code.not-verified')[0]?.message)
      .toContain('Not checked: the drug\'s names against the HCPCS descriptors, since none is entered. Before sending, enter the generic name (drug step).');
  });
});
