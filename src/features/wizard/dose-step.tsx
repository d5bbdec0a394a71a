/**
 * Step 3, dose and units: the dose given, the container it came from, and the resulting NDC
 * quantity and HCPCS units, shown live.
 */
import { QuantityField, RadioField, Section, SelectField, TextField } from './fields';
import { LinesPreview } from './lines-preview';
import { NDC_UNIT_OPTIONS, UNIT_OPTIONS } from './options';
import { StepForm, useDrugStepForm } from './step-form';
import { ZDoseStep } from './step-forms';
import { useWizard } from './wizard-context';

const CONTAINER_TYPES = [{ value: 'single-dose', label: 'Single-dose (single-use) vial or syringe' }, { value: 'multi-dose', label: 'Multi-dose vial' }];

export function DoseStep() {
  const { drugIndex } = useWizard();
  const form = useDrugStepForm(ZDoseStep);
  return (
    <StepForm form={form} prefix={`drugs.${drugIndex}.`}>
      <Section title="Dose given">
        <QuantityField name="administration.dose" units={UNIT_OPTIONS} />
      </Section>
      <Section title="Container">
        <RadioField name="container.type" options={CONTAINER_TYPES} />
        <QuantityField name="container.amount" units={UNIT_OPTIONS} />
        <QuantityField name="container.volume" units={UNIT_OPTIONS} />
        <TextField name="container.opened" inputMode="numeric" width="max-w-32" />
      </Section>
      <LinesPreview caption="The lines as they stand" />
      <Section title="Payer overrides (only when the payer asks)">
        <SelectField name="ndcUnitOverride" options={NDC_UNIT_OPTIONS} placeholder="As the wizard works out (recommended)" />
        <TextField name="hcpcsUnitsOverride" inputMode="numeric" width="max-w-32" />
      </Section>
    </StepForm>
  );
}
