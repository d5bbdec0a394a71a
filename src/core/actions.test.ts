/** A finding's action, taken: the packet the wizard's button and any other caller get. */
import { describe, expect, it } from 'vitest';
import { applyAction, fieldAfterAction } from './actions';
import type { FindingAction } from './rules';
import { BRIUMVI_NDC11, completePacket, evaluateOn, FIXTURE_REFERENCE_DATA, memoryReference, packetOn, plusDays } from './test-fixtures';
import { evaluateClaim } from './evaluate';
import { knownHcpcsCode } from './codes';

const j2329 = memoryReference({ ...FIXTURE_REFERENCE_DATA, crosswalk: { [BRIUMVI_NDC11]: [{ code: knownHcpcsCode('J2329'), descriptor: 'Injection, ublituximab-xiiy, 1mg', billingUnit: '1 MG', source: 'CMS' }] } });

describe('applyAction', () => {
  it('"Bill J2329 instead" records the choice, and the claim of J2329 is then exportable', () => {
    const packet = packetOn('2023-08-07');
    const blocked = evaluateOn('2023-08-07', {}, j2329);
    const action = blocked.findings.find((f) => f.rule === 'code.specific-code-exists')!.actions![0]!;
    const after = applyAction(packet, action);
    expect(after.drugs![0]!.specificCodeChoice).toBe('J2329');
    const evaluated = evaluateClaim(after, j2329, plusDays('2023-08-07', 10));
    expect(evaluated.exportable).toBe(true);
    expect(evaluated.lines.map((l) => [l.code, l.modifiers, l.units])).toEqual([['J2329', [], 100], ['J2329', ['JW'], 50]]);
  });

  it('drops an unclassified code typed to bill instead, keeps the same code typed, and touches no other drug', () => {
    const action: FindingAction = { kind: 'use-code', drugIndex: 0, code: 'J2329', label: 'Bill J2329 instead' };
    const typedNoc = completePacket({ drugs: [{ codeOverride: { code: 'J3590', reason: 'habit' } }, { id: 'drug-2' }] });
    const after = applyAction(typedNoc, action);
    expect(after.drugs![0]!.codeOverride).toBeUndefined();
    expect(after.drugs![1]).toEqual(typedNoc.drugs![1]);
    const typedSame = completePacket({ drugs: [{ codeOverride: { code: 'j2329', reason: 'payer' } }] });
    expect(applyAction(typedSame, action).drugs![0]!.codeOverride).toEqual({ code: 'j2329', reason: 'payer' });
  });

  it('"Bill J1303 instead" (a code found by name) records the choice and drops a setting aside; "not this drug" keeps a reason typed', () => {
    const setAside = completePacket({ drugs: [{ dismissedCodeMatch: { codes: ['J1303'], reason: 'another salt' } }] });
    const confirmed = applyAction(setAside, { kind: 'confirm-code', drugIndex: 0, code: 'J1303', label: 'Bill J1303 instead' });
    expect(confirmed.drugs![0]!.specificCodeChoice).toBe('J1303');
    expect(confirmed.drugs![0]!.dismissedCodeMatch).toBeUndefined();
    const dismissed = applyAction(setAside, { kind: 'dismiss-match', drugIndex: 0, codes: ['J1303', 'J1304'], label: 'None of these is this drug' });
    expect(dismissed.drugs![0]!.dismissedCodeMatch).toEqual({ codes: ['J1303', 'J1304'], reason: 'another salt' });
  });

  it('sends the biller to the reason once codes are set aside, nowhere after billing a code', () => {
    expect(fieldAfterAction({ kind: 'dismiss-match', drugIndex: 2, codes: ['J1303'], label: 'J1303 is not this drug' })).toBe('drugs.2.dismissedCodeMatch.reason');
    expect(fieldAfterAction({ kind: 'confirm-code', drugIndex: 2, code: 'J1303', label: 'Bill J1303 instead' })).toBeUndefined();
  });

  it('leaves the packet as it is when the drug is not in it, and does not change the packet given', () => {
    const packet = completePacket();
    const before = JSON.stringify(packet);
    expect(applyAction(packet, { kind: 'use-code', drugIndex: 3, code: 'J2329', label: 'Bill J2329 instead' })).toBe(packet);
    applyAction(packet, { kind: 'use-code', drugIndex: 0, code: 'J2329', label: 'Bill J2329 instead' });
    expect(JSON.stringify(packet)).toBe(before);
  });
});
