/** The claim of the next dose: the course of treatment kept, the day's dose cleared. */
import { describe, expect, it } from 'vitest';
import { nextDosePacket } from './next-dose';
import { ZClaimPacket } from './packet/schema';
import { completePacket, evaluate, ruleIds } from './test-fixtures';

const ids = () => {
  let n = 0;
  return { id: 'packet-next', now: '2023-05-05T09:00:00.000Z', newDrugId: () => `drug-next-${++n}` };
};

describe('nextDosePacket', () => {
  const dose = completePacket({
    dates: { plannedSubmission: '2023-03-20', filingException: { reason: 'administrative-error', noticeDate: '2023-03-15' } },
    clinicalTrial: { nctNumber: 'NCT01234567' },
    drugs: [{
      administration: { frequency: 'EVERY 8 WEEKS', lot: 'LOT-1', expiration: '2025-01-31', administeredBy: 'N. Nurse', start: '2023-03-10T09:00', end: '2023-03-10T11:00' },
      priorAuth: { status: 'approved', number: 'PA-77', validFrom: '2023-01-01', validThrough: '2023-12-31' },
      invoice: { supplier: 'McKesson', date: '2023-03-01', ndc: '73150-0150-06', quantity: '1', netCost: '6500.00' },
      modifiers: ['JG'], narrativeOverride: 'BRIUMVI 100MG IV', hcpcsUnitsOverride: '1', ndcUnitOverride: 'ML',
      documentsOnFile: ['order', 'administration-record', 'waste-record', 'abn', 'medical-record', 'package-insert'],
    }],
    attachments: [{ id: 'att-1', kind: 'invoice', fileName: 'invoice.pdf', mediaType: 'application/pdf', size: 10, sha256: 'ab'.repeat(32) }],
  });
  const next = nextDosePacket(dose, ids());
  const [before] = dose.drugs!;
  const [after] = next.drugs!;

  it('keeps the patient account, payer, providers, diagnoses and trial, under a new id, with no date and no file', () => {
    expect(ZClaimPacket.safeParse(next).success).toBe(true);
    expect(next).toMatchObject({
      id: 'packet-next', createdAt: '2023-05-05T09:00:00.000Z', updatedAt: '2023-05-05T09:00:00.000Z',
      careSetting: dose.careSetting, payer: dose.payer, patient: dose.patient, providers: dose.providers, diagnoses: dose.diagnoses,
      clinicalTrial: dose.clinicalTrial, dates: {}, attachments: [],
    });
  });

  it('keeps each drug: NDC, names and facts, container, frequency, prior authorization, medical necessity, modifiers', () => {
    const { administration: _a, waste: _w, invoice: _i, narrativeOverride: _n, hcpcsUnitsOverride: _h, container: _c, documentsOnFile: _d, ...course } = before!;
    expect(after).toEqual({
      ...course, id: 'drug-next-1', ndc: before!.ndc, brandName: before!.brandName, genericName: before!.genericName, strength: before!.strength,
      dosageForm: before!.dosageForm, route: before!.route, marketingCategory: before!.marketingCategory, isBiologic: before!.isBiologic,
      fdaApprovalDate: before!.fdaApprovalDate, priorAuth: before!.priorAuth, medicalNecessity: before!.medicalNecessity, modifiers: ['JG'],
      ndcUnitOverride: 'ML', container: { type: before!.container!.type, amount: before!.container!.amount, volume: before!.container!.volume },
      administration: { frequency: 'EVERY 8 WEEKS' }, documentsOnFile: ['order', 'abn', 'package-insert'],
    });
  });

  it('clears the dose, waste, times, lot and expiration, who gave it, the invoice, and what was typed for that dose', () => {
    expect(after!.waste).toBeUndefined();
    expect(after!.invoice).toBeUndefined();
    expect(after!.container?.opened).toBeUndefined();
    expect(after!.narrativeOverride).toBeUndefined();
    expect(after!.hcpcsUnitsOverride).toBeUndefined();
    const result = evaluate(next);
    expect(ruleIds(result)).toEqual(expect.arrayContaining(['dates.service-missing', 'checklist.dose-route-date', 'checklist.administration-times', 'checklist.lot-expiration']));
    expect(result.exportable).toBe(false);
  });

  it('gives every drug an id of its own and leaves the claim it came from as it was', () => {
    const two = completePacket({ drugs: [{}, { id: 'drug-2', brandName: 'Second' }] });
    const copy = JSON.stringify(two);
    expect(nextDosePacket(two, ids()).drugs!.map((d) => d.id)).toEqual(['drug-next-1', 'drug-next-2']);
    expect(JSON.stringify(two)).toBe(copy);
  });
});
