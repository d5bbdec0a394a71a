/**
 * Step 3, dose and units: the dose given, the container it came from, and the resulting NDC
 * quantity and HCPCS units, shown live.
 */
import { QuantityField, RadioField, Section, SelectField, TextField } from './fields';
import { LinesPreview } from './lines-preview';
import { NDC_UNIT_OPTIONS, UNIT_OPTIONS } from './options';
import { StepForm, useDrugStepForm } from './step-form';
import { ZDoseStep } from './steps';
import { useWizard } from './wizard-context';

const CONTAINER_TYPES = [{ value: 'single-dose', label: 'Single-dose (single-use) vial or syringe' }, { value: 'multi-dose', label: 'Multi-dose vial' }];

export function DoseStep() {
  const { drugIndex } = useWizard();
  const form = useDrugStepForm(ZDoseStep);
  return (
    <StepForm form={form} prefix={`drugs.${drugIndex}.`}>
      <Section title="Dose given">
        <QuantityField name="administration.dose" label="Total dose given" units={UNIT_OPTIONS}
          hint="The whole amount the patient received, for example 150 mg (not a concentration like mg/mL)." />
      </Section>
      <Section title="Container">
        <RadioField name="container.type" label="Container type" options={CONTAINER_TYPES} hint="As the FDA label says." />
        <QuantityField name="container.amount" label="Drug amount in one container" units={UNIT_OPTIONS} hint="For a 150 mg/6 mL vial: 150 mg." />
        <QuantityField name="container.volume" label="Volume of one container (liquids)" units={UNIT_OPTIONS} hint="For a 150 mg/6 mL vial: 6 mL. Leave empty for tablets or powders." />
        <TextField name="container.opened" label="Containers opened for this dose" inputMode="numeric" width="max-w-32" />
      </Section>
      <LinesPreview caption="The lines as they stand" />
      <Section title="Payer overrides (only when the payer asks)">
        <SelectField name="ndcUnitOverride" label="NDC unit of measure" options={NDC_UNIT_OPTIONS} placeholder="As the wizard works out (recommended)" />
        <TextField name="hcpcsUnitsOverride" label="HCPCS units" inputMode="numeric" width="max-w-32" hint="Leave empty: the payer profile decides the units." />
      </Section>
    </StepForm>
  );
}
