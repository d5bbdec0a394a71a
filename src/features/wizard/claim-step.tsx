/**
 * Step 1, the claim: care setting, payer and its profile, dates, patient account, providers,
 * diagnoses and clinical trial.
 */
import { useCallback } from 'react';
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import type * as z from 'zod/mini';
import { CheckboxField, DateField, RadioField, Section, SelectField, TextField } from './fields';
import { ShowMore, useShownCount } from '../../components/show-more';
import { CLAIM_SIZE } from '../../core/limits';
import type { IsoDate } from '../../core/dates';
import { dayOf, usDate } from '../../core/dates';
import { fieldMeta } from '../../core/packet/paths';
import { builtInProfiles } from '../../core/payers';
import { FILING_EXCEPTION_NAMES } from '../../core/timely-filing';
import { CARE_SETTING_OPTIONS, PAYER_KIND_OPTIONS } from './options';
import { StepForm, useStepForm } from './step-form';
import { ZClaimStep } from './step-forms';
import { GroupFindings } from './group-findings';
import { sameJson, useWizard, useWizardData } from './wizard-context';

type ClaimValues = z.input<typeof ZClaimStep>;

const PROFILE_OPTIONS = builtInProfiles().map((p) => ({ value: p.id, label: p.name }));
const FILING_EXCEPTION_OPTIONS = Object.entries(FILING_EXCEPTION_NAMES).map(([value, e]) => ({ value, label: `${e.name} (${e.citation})` }));

/** The filing deadline the core worked out, with the exception that moves it when one applies. */
function FilingDeadline() {
  const filing = useWizardData((d) => d.evaluation.timelyFiling, sameJson);
  if (filing === null) return null;
  const date = (iso: IsoDate) => usDate(dayOf(iso));
  return (
    <p className="text-sm text-slate-700" aria-live="polite">
      <span className="font-medium">Filing deadline: </span>{date(filing.deadline)}
      {filing.exception === null
        ? ` (this payer's limit: ${filing.limit}).`
        : `, by the exception recorded (the payer's limit ended on ${date(filing.limitDeadline)}).`}
    </p>
  );
}

/** The date of the notice, asked once an exception is chosen (or when one is already typed). */
function NoticeDate() {
  const reason = useWatch<ClaimValues, 'dates.filingException.reason'>({ name: 'dates.filingException.reason' });
  const notice = useWatch<ClaimValues, 'dates.filingException.noticeDate'>({ name: 'dates.filingException.noticeDate' });
  if (reason === undefined && (notice === undefined || notice === '')) return null;
  return <DateField name="dates.filingException.noticeDate" />;
}

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
        <RadioField name="careSetting" options={CARE_SETTING_OPTIONS} />
        <SelectField name="payer.kind" options={PAYER_KIND_OPTIONS} />
        <TextField name="payer.name" />
        <SelectField name="payer.profileId" options={PROFILE_OPTIONS} />
      </Section>
      <Section title="Dates">
        <DateField name="dates.service" />
        <DateField name="dates.plannedSubmission" />
        <FilingDeadline />
        <SelectField name="dates.filingException.reason" options={FILING_EXCEPTION_OPTIONS} placeholder="None" />
        <NoticeDate />
      </Section>
      <Section title="Patient">
        <TextField name="patient.accountReference" />
      </Section>
      <Section title="Providers">
        <TextField name="providers.rendering.npi" inputMode="numeric" width="max-w-xs" />
        <TextField name="providers.rendering.name" />
        <TextField name="providers.rendering.credentials" width="max-w-xs" />
        <TextField name="providers.billing.npi" inputMode="numeric" width="max-w-xs" />
        <TextField name="providers.billing.name" />
        <CheckboxField name="providers.billing.is340bEntity" />
        <TextField name="providers.ordering.npi" inputMode="numeric" width="max-w-xs" />
        <TextField name="providers.ordering.name" />
      </Section>
      <Diagnoses />
      <Section title="Clinical trial (only if the patient is in one)">
        <TextField name="clinicalTrial.nctNumber" width="max-w-xs" />
        <CheckboxField name="clinicalTrial.isQualifyingTrial" />
      </Section>
    </StepForm>
  );
}

/** Diagnosis rows shown at a time: more than a claim carries, not the thousands a claim file from elsewhere may list. */
const DIAGNOSES_PAGE = 50;

/** A diagnosis code, with its ICD-10-CM description once the reference data know it (from the evaluation). */
function DiagnosisField({ index }: { index: number }) {
  const known = useWizardData((d) => {
    const entry = d.evaluation.diagnoses.find((e) => e.index === index);
    return entry?.description === undefined ? undefined : `${entry.display}: ${entry.description} (ICD-10-CM ${entry.fiscalYear}).`;
  });
  const hint = [index === 0 ? fieldMeta('diagnoses.0.code').hint : '', known ?? ''].filter((h) => h !== '').join(' ');
  return <TextField name={`diagnoses.${index}.code`} label={index === 0 ? 'Primary diagnosis' : `Diagnosis ${index + 1}`} width="max-w-xs" hint={hint === '' ? null : hint} />;
}

/** ICD-10-CM diagnoses, the primary first: add and remove rows. */
function Diagnoses() {
  const { control } = useFormContext<ClaimValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'diagnoses' });
  const listed = useShownCount(fields.length, DIAGNOSES_PAGE);
  return (
    <Section title="Diagnoses (ICD-10-CM)">
      <GroupFindings path="diagnoses" label="Diagnoses" />
      <ol className="space-y-3">
        {fields.slice(0, listed.shown).map((field, i) => (
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
      <ShowMore shown={listed.shown} total={fields.length} page={DIAGNOSES_PAGE} what="diagnoses" onMore={listed.showMore} />
      {fields.length < CLAIM_SIZE.diagnoses && (
        <button type="button" onClick={() => append({ code: '' })} className="rounded border border-slate-400 px-3 py-2 text-sm hover:bg-slate-100">
          Add a diagnosis
        </button>
      )}
    </Section>
  );
}
