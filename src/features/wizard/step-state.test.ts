/** The stepper's states, derived from the evaluation and the fields each step owns. */
import { describe, expect, it } from 'vitest';
import type { ClaimPacket } from '../../core/packet/schema';
import { completePacket, evaluate, replaced } from '../../core/test-fixtures';
import type { StepState } from './step-state';
import { hasEntries, stepStateText, stepStates } from './step-state';
import type { StepId } from './steps';

const BLANK: ClaimPacket = { format: 'noc-claim-packet', version: 1, id: 'p', diagnoses: [{ code: '' }], drugs: [{ id: 'd' }], attachments: [] };
const statesOf = (packet: ClaimPacket, today?: string) => stepStates(packet, evaluate(packet, today));
const kinds = (states: Record<StepId, StepState>) => Object.fromEntries(Object.entries(states).map(([id, s]) => [id, s.kind]));

describe('stepStates', () => {
  it('says a blank claim is not started anywhere: no step is complete, Review included', () => {
    expect(kinds(statesOf(BLANK))).toEqual({
      claim: 'not-started', drug: 'not-started', dose: 'not-started', waste: 'not-started', modifiers: 'not-started', documents: 'not-started', review: 'not-started',
    });
  });

  it('says every step of an exportable claim is complete, Review included', () => {
    const packet = completePacket();
    expect(evaluate(packet).exportable).toBe(true);
    expect(Object.values(statesOf(packet)).every((s) => s.kind === 'complete')).toBe(true);
  });

  it('counts what is still to fill in a started step, and leaves the steps it does not reach not started', () => {
    const claimOnly = { ...completePacket(), drugs: replaced([{ id: 'd', ndc: { input: '73150-0150-06' } }]), attachments: [] };
    const states = statesOf(claimOnly);
    expect(states.claim).toEqual({ kind: 'complete', checks: 0 });
    expect(states.drug.kind).toBe('in-progress');
    expect(states.drug.kind === 'in-progress' && states.drug.toFill).toBeGreaterThan(0);
    expect(kinds(states)).toMatchObject({ dose: 'not-started', waste: 'not-started', modifiers: 'not-started', documents: 'not-started' });
    const blocking = evaluate(claimOnly).findings.filter((f) => f.severity === 'block').length;
    expect(states.review).toEqual({ kind: 'needs-attention', problems: blocking, checks: expect.any(Number) });
    expect(stepStateText(states.review)).toBe(`needs attention: ${blocking} problems${states.review.checks === 0 ? '' : `, ${states.review.checks} check${states.review.checks === 1 ? '' : 's'}`}`);
  });

  it('needs attention where a value entered is wrong, with the count, and Review is not complete', () => {
    const wrongNpi = completePacket({ providers: { rendering: { npi: '1234567890' } } });
    const states = statesOf(wrongNpi);
    expect(states.claim).toEqual({ kind: 'needs-attention', problems: 1, checks: 0 });
    expect(states.review).toEqual({ kind: 'needs-attention', problems: 1, checks: 0 });
    expect(stepStateText(states.claim)).toBe('needs attention: 1 problem');
    const late = statesOf(completePacket(), '2024-06-01');
    expect(late.claim.kind).toBe('needs-attention');
    expect(kinds(late)).toMatchObject({ drug: 'complete', dose: 'complete', waste: 'complete', modifiers: 'complete', documents: 'complete', review: 'needs-attention' });
  });

  it('calls a step that needs nothing complete once the steps before it are filled in (multi-dose vial: no waste; no modifiers of the biller\'s own)', () => {
    const multiDose = completePacket({ drugs: [{ container: { type: 'multi-dose' }, waste: undefined }] });
    expect(hasEntries(multiDose, 'waste')).toBe(false);
    expect(hasEntries(multiDose, 'modifiers')).toBe(false);
    const states = statesOf(multiDose);
    expect(states.waste.kind).toBe('complete');
    expect(states.modifiers.kind).toBe('complete');
  });

  it('counts warnings as checks without making a step incomplete', () => {
    const commercialSelf = completePacket({ drugs: [{ isOnSelfAdministeredList: true }], payer: { kind: 'commercial', profileId: 'commercial' } });
    const drug = statesOf(commercialSelf).drug;
    expect(drug.kind).toBe('complete');
    expect(drug.checks).toBeGreaterThan(0);
    expect(stepStateText(drug)).toMatch(/^complete, \d+ checks?$/);
  });

  it('takes an unticked box for nothing entered, and a ticked one or any text for an entry', () => {
    expect(hasEntries({ ...BLANK, drugs: [{ id: 'd', isBiologic: false, brandName: ' ' }] }, 'drug')).toBe(false);
    expect(hasEntries({ ...BLANK, drugs: [{ id: 'd', isBiologic: true }] }, 'drug')).toBe(true);
    expect(hasEntries({ ...BLANK, drugs: [{ id: 'd' }, { id: 'e', administration: { dose: { value: '5' } } }] }, 'dose')).toBe(true);
    expect(hasEntries({ ...BLANK, drugs: [{ id: 'd', administration: { lot: 'A1' } }] }, 'dose')).toBe(false);
  });
});
