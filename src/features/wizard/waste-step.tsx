/**
 * Step 4, waste: what was discarded from the container, why and when, and the resulting lines
 * (drug line, JW line, or JZ), shown live.
 */
import { DateField, QuantityField, Section, TextField } from '../../components/fields';
import { LinesPreview } from './lines-preview';
import { UNIT_OPTIONS } from './options';
import { StepForm, useDrugStepForm } from './step-form';
import { ZWasteStep } from './step-schemas';
import { useWizard } from './wizard-context';

export function WasteStep() {
  const { drugIndex, evaluation } = useWizard();
  const form = useDrugStepForm(ZWasteStep);
  const explanation = evaluation.drugs[drugIndex]?.waste.explanation;
  return (
    <StepForm form={form} prefix={`drugs.${drugIndex}.`}>
      {explanation !== undefined && <p className="rounded border border-slate-300 bg-white p-3" aria-live="polite">{explanation}</p>}
      <Section title="Waste record">
        <QuantityField name="waste.amount" label="Amount discarded" units={UNIT_OPTIONS}
          hint="From the waste record. Enter 0 if nothing was discarded." />
        <TextField name="waste.reason" label="Why it was discarded" hint="For example: remainder of single-dose vial; infusion stopped after a reaction." />
        <DateField name="waste.time" label="Date and time it was discarded" time />
      </Section>
      <LinesPreview caption="The lines with this waste" />
    </StepForm>
  );
}
