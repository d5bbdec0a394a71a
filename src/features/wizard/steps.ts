/**
 * The wizard's steps as data, each defined once: its id, title and heading, and the packet fields
 * it owns (typed paths of the packet; `drugs.*.` for a field of each drug). Each step's form schema
 * is picked from the packet schema by those fields (step-forms.ts, apart so that the address bar's
 * router reads the step ids without loading the schema). The stepper, "Go to the field" and the
 * step a finding belongs to all derive from this list.
 */
import type { ClaimPacket, Drug } from '../../core/packet/schema';

/** A field of `T` and, one level down, a field of an object in it: `payer`, `administration.dose`. */
type FieldOf<T> = {
  [K in keyof T & string]-?: K | (NonNullable<T[K]> extends readonly unknown[] ? never : NonNullable<T[K]> extends object ? `${K}.${keyof NonNullable<T[K]> & string}` : never)
}[keyof T & string];


/** A packet field a step owns: a claim field, or `drugs.*.<field>` for that field of every drug. */
export type PacketField = FieldOf<ClaimPacket> | `drugs.*.${FieldOf<Drug>}`;

const CLAIM_FIELDS = ['careSetting', 'payer', 'dates', 'patient', 'providers', 'diagnoses', 'clinicalTrial'] as const;
const DRUG_FIELDS = [
  'drugs', 'drugs.*.ndc', 'drugs.*.brandName', 'drugs.*.genericName', 'drugs.*.strength', 'drugs.*.dosageForm', 'drugs.*.route',
  'drugs.*.marketingCategory', 'drugs.*.isBiologic', 'drugs.*.isBiosimilar', 'drugs.*.isAntineoplastic', 'drugs.*.therapeuticClass',
  'drugs.*.fdaApprovalDate', 'drugs.*.isOffLabel', 'drugs.*.offLabelRationale', 'drugs.*.isOnSelfAdministeredList',
  'drugs.*.isMixtureOfCommercialProducts', 'drugs.*.isSuppliedFreeBySponsor', 'drugs.*.compoundIngredients', 'drugs.*.specificCodeChoice',
  'drugs.*.dismissedCodeMatch', 'drugs.*.codeOverride',
] as const;
const DOSE_FIELDS = ['drugs.*.container', 'drugs.*.administration.dose', 'drugs.*.ndcUnitOverride', 'drugs.*.hcpcsUnitsOverride'] as const;
const WASTE_FIELDS = ['drugs.*.waste'] as const;
const MODIFIER_FIELDS = ['drugs.*.modifiers'] as const;
const DOCUMENT_FIELDS = ['attachments', 'drugs.*.administration', 'drugs.*.priorAuth', 'drugs.*.invoice', 'drugs.*.medicalNecessity', 'drugs.*.documentsOnFile'] as const;
const REVIEW_FIELDS = ['drugs.*.narrativeOverride'] as const;

interface Step {
  readonly id: string;
  readonly title: string;
  readonly heading: string;
  /** The packet fields edited on this step; a finding at one of them (or below it) belongs here. */
  readonly fields: readonly PacketField[];
}

export const STEPS = [
  { id: 'claim', title: 'Claim', heading: 'The claim: setting, payer, dates, providers, diagnoses', fields: CLAIM_FIELDS },
  { id: 'drug', title: 'Drug', heading: 'The drug: NDC, names and FDA facts', fields: DRUG_FIELDS },
  { id: 'dose', title: 'Dose and units', heading: 'Dose given and the container it came from', fields: DOSE_FIELDS },
  { id: 'waste', title: 'Waste', heading: 'Drug discarded from the container', fields: WASTE_FIELDS },
  { id: 'modifiers', title: 'Modifiers', heading: 'Modifiers on the drug lines', fields: MODIFIER_FIELDS },
  { id: 'documents', title: 'Documentation', heading: 'Documentation and attachments', fields: DOCUMENT_FIELDS },
  { id: 'review', title: 'Review', heading: 'Review and export', fields: REVIEW_FIELDS },
] as const satisfies readonly Step[];

export type StepId = (typeof STEPS)[number]['id'];

export function isStepId(value: string): value is StepId {
  return STEPS.some((s) => s.id === value);
}

/** Every owned field with its step, the longest first, so that the most precise one wins. */
const OWNERS: readonly { readonly field: string; readonly step: StepId }[] = STEPS
  .flatMap((s) => s.fields.map((field: string) => ({ field, step: s.id })))
  .sort((a, b) => b.field.length - a.field.length);

/**
 * The step a packet path is edited on: the step owning the longest field the path is, or is
 * below (`drugs.0.administration.dose.value` → dose; `drugs.0.administration.lot` → documents).
 * A path no step owns (the packet's format or version) belongs to the first step.
 */
export function stepOfPath(path: string): StepId {
  const field = path.replace(/^drugs\.\d+(?=\.|$)/, 'drugs.*');
  return OWNERS.find((o) => field === o.field || field.startsWith(`${o.field}.`))?.step ?? 'claim';
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
