/**
 * Step 1, the claim: care setting, payer and its profile, dates, patient account, providers,
 * diagnoses and clinical trial.
 */
import { useCallback } from 'react';
import { useFieldArray, useFormContext } from 'react-hook-form';
import type * as z from 'zod/mini';
import { CheckboxField, DateField, RadioField, Section, SelectField, TextField } from '../../components/fields';
import { builtInProfiles } from '../../core/payers';
import { CARE_SETTING_OPTIONS, PAYER_KIND_OPTIONS } from './options';
import { StepForm, useStepForm } from './step-form';
import { ZClaimStep } from './step-schemas';
import { GroupFindings } from './group-findings';
import { useWizard, useWizardData } from './wizard-context';

type ClaimValues = z.input<typeof ZClaimStep>;

const PROFILE_OPTIONS = builtInProfiles().map((p) => ({ value: p.id, label: p.name }));

export function ClaimStep() {
  const { store, update } = useWizard();
  // The form starts from the draft as it is now; it does not re-render when the draft changes.
  const packet = store.get().packet;
  const commit = useCallback((values: ClaimValues) => update((p) => ({ ...p, ...values })), [update]);
  const form = useStepForm(ZClaimStep, {
    careSetting: packet.careSetting, payer: packet.payer, dates: packet.dates, patient: packet.patient,
    providers: packet.providers, diagnoses: packet.diagnoses, clinicalTrial: packet.clinicalTrial,
  }, commit);
  return (
    <StepForm form={form} prefix="">
      <Section title="Where the drug was given, and who pays">
        <RadioField name="careSetting" label="Care setting" options={CARE_SETTING_OPTIONS} hint="It decides the claim form (CMS-1500 or UB-04) and the code." />
        <SelectField name="payer.kind" label="Kind of payer" options={PAYER_KIND_OPTIONS} />
        <TextField name="payer.name" label="Payer name" hint="As on the patient's card, for example Medicare Part B, Palmetto GBA." />
        <SelectField name="payer.profileId" label="Payer profile" options={PROFILE_OPTIONS}
          hint="How this payer wants unclassified drugs billed: units, the description, filing limits." />
      </Section>
      <Section title="Dates">
        <DateField name="dates.service" label="Date of service" hint="The day the drug was given." />
        <DateField name="dates.plannedSubmission" label="Planned submission date" hint="Leave empty if you send the claim today." />
      </Section>
      <Section title="Patient">
        <TextField name="patient.accountReference" label="Patient account number"
          hint="The practice's own account or encounter number. No names or birth dates are needed here." />
      </Section>
      <Section title="Providers">
        <TextField name="providers.rendering.npi" label="Rendering provider NPI" inputMode="numeric" width="max-w-xs" hint="10 digits." />
        <TextField name="providers.rendering.name" label="Rendering provider name" />
        <TextField name="providers.rendering.credentials" label="Rendering provider credentials" width="max-w-xs" hint="For example MD, DO, NP, PA-C." />
        <TextField name="providers.billing.npi" label="Billing provider NPI" inputMode="numeric" width="max-w-xs" hint="10 digits: the practice or hospital." />
        <TextField name="providers.billing.name" label="Billing provider name" />
        <CheckboxField name="providers.billing.is340bEntity" label="The billing provider is a 340B covered entity" />
        <TextField name="providers.ordering.npi" label="Ordering provider NPI (if different)" inputMode="numeric" width="max-w-xs" />
        <TextField name="providers.ordering.name" label="Ordering provider name (if different)" />
      </Section>
      <Diagnoses />
      <Section title="Clinical trial (only if the patient is in one)">
        <TextField name="clinicalTrial.nctNumber" label="ClinicalTrials.gov number" width="max-w-xs" hint="NCT followed by 8 digits, for example NCT01234567." />
        <CheckboxField name="clinicalTrial.isQualifyingTrial" label="This is a qualifying clinical trial" />
      </Section>
    </StepForm>
  );
}

/** A diagnosis code, with its ICD-10-CM description once the reference data know it (from the evaluation). */
function DiagnosisField({ index }: { index: number }) {
  const known = useWizardData((d) => {
    const entry = d.evaluation.diagnoses.find((e) => e.index === index);
    return entry?.description === undefined ? undefined : `${entry.display}: ${entry.description} (ICD-10-CM ${entry.fiscalYear}).`;
  });
  const hint = [index === 0 ? 'The code that supports the drug, for example D59.5 or C22.0.' : undefined, known].filter(Boolean).join(' ');
  return <TextField name={`diagnoses.${index}.code`} label={index === 0 ? 'Primary diagnosis' : `Diagnosis ${index + 1}`} width="max-w-xs" hint={hint === '' ? undefined : hint} />;
}

/** ICD-10-CM diagnoses, the primary first: add and remove rows. */
function Diagnoses() {
  const { control } = useFormContext<ClaimValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'diagnoses' });
  return (
    <Section title="Diagnoses (ICD-10-CM)">
      <GroupFindings path="diagnoses" label="Diagnoses" />
      <ol className="space-y-3">
        {fields.map((field, i) => (
          <li key={field.id} className="flex items-end gap-2">
            <div className="grow">
              <DiagnosisField index={i} />
            </div>
            {fields.length > 1 && (
              <button type="button" onClick={() => remove(i)} className="mb-1 rounded border border-slate-400 px-3 py-2 text-sm hover:bg-slate-100">
                Remove diagnosis {i + 1}
              </button>
            )}
          </li>
        ))}
      </ol>
      {fields.length < 12 && (
        <button type="button" onClick={() => append({ code: '' })} className="rounded border border-slate-400 px-3 py-2 text-sm hover:bg-slate-100">
          Add a diagnosis
        </button>
      )}
    </Section>
  );
}
