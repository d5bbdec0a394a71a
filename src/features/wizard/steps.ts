/**
 * The wizard's steps, and which step each packet field belongs to, so a finding can be shown on
 * its step and linked to its field.
 */

export const STEPS = [
  { id: 'claim', title: 'Claim', heading: 'The claim: setting, payer, dates, providers, diagnoses' },
  { id: 'drug', title: 'Drug', heading: 'The drug: NDC, names and FDA facts' },
  { id: 'dose', title: 'Dose and units', heading: 'Dose given and the container it came from' },
  { id: 'waste', title: 'Waste', heading: 'Drug discarded from the container' },
  { id: 'modifiers', title: 'Modifiers', heading: 'Modifiers on the drug lines' },
  { id: 'documents', title: 'Documentation', heading: 'Documentation and attachments' },
  { id: 'review', title: 'Review', heading: 'Review and export' },
] as const;

export type StepId = (typeof STEPS)[number]['id'];

export function isStepId(value: string): value is StepId {
  return STEPS.some((s) => s.id === value);
}

const DRUG_STEP_OF: Record<string, StepId> = {
  container: 'dose', ndcUnitOverride: 'dose', hcpcsUnitsOverride: 'dose',
  waste: 'waste',
  modifiers: 'modifiers',
  priorAuth: 'documents', invoice: 'documents', medicalNecessity: 'documents', documentsOnFile: 'documents',
  narrativeOverride: 'review',
};

/** The step a packet path is edited on (`drugs.0.waste.time` → waste). */
export function stepOfPath(path: string): StepId {
  const parts = path.split('.');
  if (parts[0] === 'attachments') return 'documents';
  if (parts[0] !== 'drugs') return 'claim';
  const field = parts[2];
  if (field === undefined) return 'drug';
  if (field === 'administration') return parts[3] === 'dose' ? 'dose' : 'documents';
  return DRUG_STEP_OF[field] ?? 'drug';
}

/** The drug a path is about, if any (`drugs.1.waste` → 1). */
export function drugOfPath(path: string): number | undefined {
  const m = /^drugs\.(\d+)(?:\.|$)/.exec(path);
  return m === null ? undefined : Number(m[1]);
}

/** The DOM id of the input (or group) that edits a packet path. */
export function fieldId(path: string): string {
  return `field-${path.replace(/\./g, '-')}`;
}
