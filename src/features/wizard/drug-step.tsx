/**
 * Step 2, the drug: the NDC (normalized as it is typed; a bare 10-digit NDC asks which layout),
 * names, form, route, FDA facts, special cases, and a code chosen by the biller if needed.
 */
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import type * as z from 'zod/mini';
import { CheckboxField, DateField, QuantityField, RadioField, Section, SelectField, TextArea, TextField } from './fields';
import { ShowMore, useShownCount } from '../../components/show-more';
import { parseNdc } from '../../core/ndc';
import { GroupFindings } from './group-findings';
import { MARKETING_CATEGORY_OPTIONS, ROUTE_OPTIONS, THERAPEUTIC_CLASS_OPTIONS, UNIT_OPTIONS } from './options';
import { StepForm, usePrefix, useDrugStepForm } from './step-form';
import type { FindingAction } from '../../core/rules';
import { ZDrugStep } from './step-forms';
import { sameJson, useWizard, useWizardData } from './wizard-context';
import { formatCount } from '../../core/format';

type DrugValues = z.input<typeof ZDrugStep>;

/** The 11-digit NDC travels with the typed one, computed by the core's reader. */
function withNormalizedNdc(values: DrugValues): DrugValues {
  const r = parseNdc(values.ndc?.input);
  return { ...values, ndc: { ...values.ndc, normalized: r.ok ? r.ndc.ndc11 : '' } };
}

export function DrugStep() {
  const { drugIndex } = useWizard();
  const form = useDrugStepForm(ZDrugStep, withNormalizedNdc);
  return (
    <StepForm form={form} prefix={`drugs.${drugIndex}.`}>
      <Section title="NDC">
        <TextField name="ndc.input" width="max-w-xs" />
        <NdcReading />
        <DrugFactsFill />
        <SpecificCodeChoice />
      </Section>
      <Section title="Drug">
        <TextField name="brandName" />
        <TextField name="genericName" />
        <TextField name="strength" />
        <TextField name="dosageForm" />
        <SelectField name="route" options={ROUTE_OPTIONS} />
      </Section>
      <Section title="FDA facts">
        <SelectField name="marketingCategory" options={MARKETING_CATEGORY_OPTIONS} />
        <DateField name="fdaApprovalDate" />
        <CheckboxField name="isBiologic" />
        <CheckboxField name="isBiosimilar" />
        <CheckboxField name="isAntineoplastic" />
        <SelectField name="therapeuticClass" options={THERAPEUTIC_CLASS_OPTIONS} placeholder="None of these" />
      </Section>
      <Section title="Use and coverage">
        <CheckboxField name="isOffLabel" />
        <OffLabelRationale />
        <CheckboxField name="isOnSelfAdministeredList" />
        <CheckboxField name="isMixtureOfCommercialProducts" />
        <CheckboxField name="isSuppliedFreeBySponsor" />
      </Section>
      <CompoundIngredients />
      <CodesSetAside />
      <Section title="A different code (only when the payer tells you)">
        <TextField name="codeOverride.code" width="max-w-xs" />
        <TextArea name="codeOverride.reason" />
      </Section>
    </StepForm>
  );
}

/**
 * What the typed NDC reads as; for a bare 10-digit NDC, its readings as the core offers them: the
 * ones the reference data know (with the product) first, each a button that sets the NDC.
 */
function NdcReading() {
  const { drugIndex, takeAction, services } = useWizard();
  const input = useWatch<DrugValues, 'ndc.input'>({ name: 'ndc.input' }) ?? '';
  const actions = useWizardData((d) => d.findingsByPath.get(`drugs.${drugIndex}.ndc.input`)?.find((f) => f.rule === 'ndc.ten-digits')?.actions ?? NO_ACTIONS, sameJson);
  const r = parseNdc(input);
  // The FDA directory is read from this browser's storage as NDCs are asked for: reading each of the
  // (at most three) readings lets the core name the product of each.
  const readings = !r.ok && r.problem.code === 'ten-digits' ? r.problem.candidates.map((c) => c.ndc.ndc11) : [];
  services.useNdcFacts(readings[0]);
  services.useNdcFacts(readings[1]);
  services.useNdcFacts(readings[2]);
  if (input.trim() === '') return null;
  if (r.ok) {
    return <p className="text-sm text-green-900" aria-live="polite">Reads as <strong>{r.ndc.hyphenated}</strong> (11 digits on the claim: {r.ndc.ndc11}).</p>;
  }
  if (actions.length === 0) return null;
  return (
    <fieldset className="rounded border border-amber-400 bg-amber-50 p-3">
      <legend className="px-1 font-medium">Which layout does the label show?</legend>
      <p className="text-sm">Compare with the hyphens printed on the vial or box, then pick the same one.</p>
      <div className="mt-2 flex flex-wrap gap-2">
        {actions.map((action) => (
          <button key={action.label} type="button" onClick={() => takeAction(action)}
            className="rounded border border-slate-400 bg-white px-3 py-1.5 text-left hover:bg-slate-100">
            {action.label}
          </button>
        ))}
      </div>
    </fieldset>
  );
}

const NO_ACTIONS: readonly FindingAction[] = [];

const FACT_FIELDS = ['brandName', 'genericName', 'strength', 'dosageForm', 'route', 'marketingCategory', 'fdaApprovalDate', 'isBiologic', 'isBiosimilar', 'isAntineoplastic'] as const;

/** Facts the reference data knows for the typed NDC, offered to fill the fields still empty. */
function DrugFactsFill() {
  const { update, drugIndex } = useWizard();
  const hasContainer = useWizardData((d) => d.packet.drugs?.[drugIndex]?.container?.type !== undefined);
  const { getValues, setValue } = useFormContext<DrugValues>();
  const input = useWatch<DrugValues, 'ndc.input'>({ name: 'ndc.input' }) ?? '';
  const parsed = parseNdc(input);
  const { useNdcFacts } = useWizard().services;
  const facts = useNdcFacts(parsed.ok ? parsed.ndc.ndc11 : undefined);
  if (facts === undefined) return null;
  const fill = () => {
    for (const field of FACT_FIELDS) {
      const known = facts[field];
      const current = getValues(field);
      if (known !== undefined && (current === undefined || current === '' || current === false)) setValue(field, known as never, { shouldDirty: true });
    }
    const container = facts.container;
    if (container === undefined) return;
    update((p) => ({
      ...p,
      drugs: (p.drugs ?? []).map((d, i) => (i !== drugIndex ? d : {
        ...d,
        container: {
          ...d.container,
          type: d.container?.type ?? container.type,
          amount: d.container?.amount?.value ? d.container.amount : container.amount,
          volume: d.container?.volume?.value ? d.container.volume : container.volume,
        },
      })),
    }));
  };
  const name = [facts.brandName, facts.genericName].filter(Boolean).join(' / ') || `NDC ${input}`;
  return (
    <div className="rounded border border-green-700 bg-green-50 p-3 text-sm">
      <p><span className="font-semibold">Found: {name}</span>{facts.strength === undefined ? '' : `, ${facts.strength}`}{facts.dosageForm === undefined ? '' : `, ${facts.dosageForm}`}.</p>
      <p className="text-slate-700">Source: {facts.sources.join('; ')}.</p>
      {facts.unverified.length > 0 && <p className="text-amber-900">Not confirmed by the source: {facts.unverified.join(', ')}. Check these against the label.</p>}
      <button type="button" onClick={fill} className="mt-2 rounded bg-green-800 px-3 py-1.5 font-semibold text-white hover:bg-green-900">
        Fill in the empty fields{hasContainer ? '' : ' (and the container on the next step)'}
      </button>
    </div>
  );
}

/**
 * When CMS lists the NDC under several codes of its own on the date of service (ESRD on dialysis or
 * not, vaccine or chemotherapy), the biller picks the one that fits the patient, and the claim is
 * billed under it. The list comes from the core's decision.
 */
function SpecificCodeChoice() {
  const { drugIndex } = useWizard();
  const codes = useWizardData((d) => d.evaluation.drugs[drugIndex]?.decision.specificCodes, sameJson);
  if (codes === undefined || codes.length < 2) return null;
  const perPackage = (units: number | undefined) => (units !== undefined && units > 0 ? `; ${formatCount(units)} billable units in a package of this NDC` : '');
  return (
    <RadioField name="specificCodeChoice" label="This NDC has several codes of its own: which one fits the patient?"
      hint={`CMS lists it under each of these on the date of service (${codes[0]!.source}). Bill the drug under the one you pick, not an unclassified code.`}
      options={codes.map((c) => ({ value: c.code, label: `${c.code}: ${c.descriptor}${perPackage(c.billUnitsPerPackage)}` }))} />
  );
}

/**
 * The codes whose HCPCS descriptors name the drug that the biller set aside ("J1303 is not this
 * drug"), and why: the reason stays with the claim and prints in the PDF packet.
 */
function CodesSetAside() {
  const codes = useWatch<DrugValues, 'dismissedCodeMatch.codes'>({ name: 'dismissedCodeMatch.codes' }) ?? [];
  if (codes.length === 0) return null;
  return (
    <Section title="Codes set aside as not this drug">
      <p className="text-sm">
        Set aside: <span className="font-mono">{codes.join(', ')}</span>. Their HCPCS descriptors name this drug; say why none of them is the drug given.
      </p>
      <TextArea name="dismissedCodeMatch.reason" />
    </Section>
  );
}

function OffLabelRationale() {
  const isOffLabel = useWatch<DrugValues, 'isOffLabel'>({ name: 'isOffLabel' });
  if (isOffLabel !== true) return null;
  return <TextArea name="offLabelRationale" />;
}

/** Ingredients shown at a time (a claim file from elsewhere may list thousands). */
const LIST_PAGE = 50;

/** The ingredients of a compounded drug, shown when the drug is compounded. */
function CompoundIngredients() {
  const prefix = usePrefix();
  const { control } = useFormContext<DrugValues>();
  const isCompounded = useWatch<DrugValues, 'marketingCategory'>({ name: 'marketingCategory' }) === 'compounded';
  const { fields, append, remove } = useFieldArray({ control, name: 'compoundIngredients' });
  const listed = useShownCount(fields.length, LIST_PAGE);
  if (!isCompounded) return null;
  return (
    <Section title="Compound ingredients">
      <GroupFindings path={`${prefix}compoundIngredients`} label="Compound ingredients" />
      <ol className="space-y-4">
        {fields.slice(0, listed.shown).map((field, i) => (
          <li key={field.id} className="space-y-2 rounded border border-slate-200 p-3">
            <TextField name={`compoundIngredients.${i}.name`} label={`Ingredient ${i + 1} name`} />
            <TextField name={`compoundIngredients.${i}.ndc`} label={`Ingredient ${i + 1} NDC`} width="max-w-xs" />
            <QuantityField name={`compoundIngredients.${i}.amount`} label={`Ingredient ${i + 1} amount`} units={UNIT_OPTIONS} />
            <button type="button" onClick={() => remove(i)} className="rounded border border-slate-400 px-3 py-1.5 text-sm hover:bg-slate-100">Remove ingredient {i + 1}</button>
          </li>
        ))}
      </ol>
      <ShowMore shown={listed.shown} total={fields.length} page={LIST_PAGE} what="ingredients" onMore={listed.showMore} />
      <button type="button" onClick={() => append({ name: '' })} className="rounded border border-slate-400 px-3 py-2 text-sm hover:bg-slate-100">Add an ingredient</button>
    </Section>
  );
}
