/**
 * Step 6, documentation: the administration record, medical necessity, prior authorization,
 * invoice, records kept in the chart, attached files, and the checklist they complete.
 */
import { useFormContext } from 'react-hook-form';
import type * as z from 'zod/mini';
import { DateField, Section, SelectField, TextArea, TextField } from './fields';
import { AttachmentsSection } from './attachments-section';
import { ChecklistView } from './checklist-view';
import { GroupFindings } from './group-findings';
import { DOCUMENT_KIND_OPTIONS, PRIOR_AUTH_OPTIONS } from './options';
import { StepForm, usePrefix, useDrugStepForm } from './step-form';
import { ZDocumentsStep } from './step-forms';
import { useWizard } from './wizard-context';


type DocumentsValues = z.input<typeof ZDocumentsStep>;

/** A group of checkboxes with none ticked can come back as `false`: the packet keeps a list. */
function withRecordList(values: DocumentsValues): DocumentsValues {
  return Array.isArray(values.documentsOnFile) ? values : { ...values, documentsOnFile: [] };
}

export function DocumentsStep() {
  const { drugIndex } = useWizard();
  const form = useDrugStepForm(ZDocumentsStep, withRecordList);
  return (
    <div className="space-y-6">
      <StepForm form={form} prefix={`drugs.${drugIndex}.`}>
        <Section title="Administration record">
          <DateField name="administration.start" time />
          <DateField name="administration.end" time />
          <TextField name="administration.frequency" />
          <TextField name="administration.lot" width="max-w-xs" />
          <DateField name="administration.expiration" />
          <TextField name="administration.administeredBy" />
        </Section>
        <Section title="Medical necessity">
          <TextArea name="medicalNecessity" />
        </Section>
        <Section title="Prior authorization">
          <SelectField name="priorAuth.status" options={PRIOR_AUTH_OPTIONS} />
          <TextField name="priorAuth.number" width="max-w-xs" />
          <DateField name="priorAuth.validFrom" />
          <DateField name="priorAuth.validThrough" />
        </Section>
        <Section title="Invoice">
          <TextField name="invoice.supplier" />
          <DateField name="invoice.date" />
          <TextField name="invoice.ndc" width="max-w-xs" />
          <TextField name="invoice.quantity" inputMode="numeric" width="max-w-32" />
          <TextField name="invoice.netCost" inputMode="decimal" width="max-w-40" />
        </Section>
        <RecordsOnFile />
      </StepForm>
      <AttachmentsSection />
      <Section title="Documentation checklist">
        <ChecklistView drugIndex={drugIndex} />
      </Section>
    </div>
  );
}

/** Records kept in the patient's chart instead of attached: one checkbox per kind. */
function RecordsOnFile() {
  const prefix = usePrefix();
  const { register } = useFormContext();
  return (
    <Section title="Records kept in the chart (not attached)">
      <GroupFindings path={`${prefix}documentsOnFile`} label="Records and attachments" />
      <fieldset>
        <legend className="text-sm text-slate-700">Tick each record that is in the patient's chart and can be sent on request.</legend>
        <div className="mt-2 grid gap-1 sm:grid-cols-2">
          {DOCUMENT_KIND_OPTIONS.filter((o) => o.value !== 'invoice' && o.value !== 'other').map((o) => (
            <label key={o.value} className="flex items-center gap-2">
              <input type="checkbox" value={o.value} className="size-4" {...register('documentsOnFile')} />
              {o.label}
            </label>
          ))}
        </div>
      </fieldset>
    </Section>
  );
}
