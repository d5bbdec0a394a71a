import { describe, expect, it } from 'vitest';
import { pathExists } from '../../core/packet/paths';
import { ZDrug } from '../../core/packet/schema';
import { RULES } from '../../core/rules';
import { STEPS, stepOfPath } from './steps';
import { ZDocumentsStep, ZDoseStep, ZDrugStep, ZModifiersStep, ZReviewStep, ZWasteStep } from './step-forms';

describe('the steps as data', () => {
  it('own real packet fields only', () => {
    for (const step of STEPS) for (const field of step.fields) expect(pathExists(field.replace('*', '0')), `${step.id}: ${field}`).toBe(true);
  });

  it('give every field of a drug to one step, whose form holds it', () => {
    const forms = [ZDrugStep, ZDoseStep, ZWasteStep, ZModifiersStep, ZDocumentsStep, ZReviewStep];
    const owned = new Set(STEPS.flatMap((s) => s.fields).filter((f) => f.startsWith('drugs.*.')).map((f) => f.split('.')[2]));
    const formed = new Set(forms.flatMap((f) => Object.keys(f.shape)));
    // `id` is the drug's identity, set when the drug is added, edited on no step.
    expect([...owned].sort()).toEqual(Object.keys(ZDrug.shape).filter((k) => k !== 'id').sort());
    expect(formed).toEqual(owned);
  });

  it.each([
    ['drugs.0.waste.time', 'waste'], ['drugs.3.administration.dose.value', 'dose'], ['drugs.0.administration.lot', 'documents'],
    ['drugs.0.container.volume.value', 'dose'], ['attachments.0.sha256', 'documents'], ['drugs', 'drug'], ['drugs.1', 'drug'],
    ['drugs.0.ndc.input', 'drug'], ['drugs.0.modifiers.2', 'modifiers'], ['drugs.0.narrativeOverride', 'review'],
    ['payer.customProfile.nocUnits', 'claim'], ['diagnoses.4.code', 'claim'], ['format', 'claim'],
  ])('puts %s on the %s step', (path, step) => {
    expect(stepOfPath(path)).toBe(step);
  });

  it("sends each rule's field to the step whose form edits it", () => {
    const forms = { drug: ZDrugStep, dose: ZDoseStep, waste: ZWasteStep, modifiers: ZModifiersStep, documents: ZDocumentsStep, review: ZReviewStep } as const;
    for (const rule of Object.values(RULES)) {
      for (const field of rule.field.split('|').filter((f) => f.startsWith('drugs.*.'))) {
        const step = stepOfPath(field.replace(/\*/g, '0'));
        expect(step in forms, `${rule.id}: ${step}`).toBe(true);
        expect(Object.keys(forms[step as keyof typeof forms].shape), `${rule.id} on ${step}`).toContain(field.split('.')[2]);
      }
    }
  });
});
