/**
 * Step 4, waste: what was discarded from the container, why and when, and the resulting lines
 * (drug line, JW line, or JZ), shown live.
 */
import { DateField, QuantityField, Section, TextField } from './fields';
import { LinesPreview } from './lines-preview';
import { UNIT_OPTIONS } from './options';
import { StepForm, useDrugStepForm } from './step-form';
import { ZWasteStep } from './step-forms';
import { useWizard, useWizardData } from './wizard-context';

export function WasteStep() {
  const { drugIndex } = useWizard();
  const form = useDrugStepForm(ZWasteStep);
  return (
    <StepForm form={form} prefix={`drugs.${drugIndex}.`}>
      <WasteExplanation />
      <Section title="Waste record">
        <QuantityField name="waste.amount" units={UNIT_OPTIONS} />
        <TextField name="waste.reason" />
        <DateField name="waste.time" time />
      </Section>
      <LinesPreview caption="The lines with this waste" />
    </StepForm>
  );
}

/** What JW/JZ mean for this drug, as the core says it. */
function WasteExplanation() {
  const { drugIndex } = useWizard();
  const explanation = useWizardData((d) => d.evaluation.drugs[drugIndex]?.waste.explanation);
  return explanation === undefined ? null : <p className="rounded border border-slate-300 bg-white p-3" aria-live="polite">{explanation}</p>;
}
