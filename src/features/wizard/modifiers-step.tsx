/**
 * Step 5, modifiers: the ones the core adds (JW, JZ) with their reason, and the ones the biller
 * adds, each checked as it is added.
 */
import { useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import type * as z from 'zod/mini';
import { FindingList, Section } from './fields';
import { ShowMore, useShownCount } from '../../components/show-more';
import { GroupFindings } from './group-findings';
import { LinesPreview } from './lines-preview';
import { StepForm, usePrefix, useDrugStepForm } from './step-form';
import { ZModifiersStep } from './step-forms';
import { fieldId } from './steps';
import { sameFindings, sameJson, useWizard, useWizardData } from './wizard-context';

type ModifierValues = z.input<typeof ZModifiersStep>;

/** What billers add to drug lines, and what each means. */
const KNOWN: readonly (readonly [string, string])[] = [
  ['JA', 'Given intravenously (when the payer asks for the route)'],
  ['JB', 'Given subcutaneously (when the payer asks for the route)'],
  ['JG', '340B-acquired drug'],
  ['TB', '340B drug, for information'],
  ['GA', 'Signed ABN on file (expected medical-necessity denial)'],
  ['GZ', 'No ABN: expected medical-necessity denial'],
  ['GY', 'Statutorily excluded (for example self-administered): billed for a denial'],
  ['Q0', 'Investigational service in an approved clinical trial'],
  ['Q1', 'Routine service in an approved clinical trial'],
  ['KX', 'Medical policy requirements met (only where the policy asks)'],
  ['KD', 'Drug infused through DME'],
];

const AUTOMATIC: Record<string, string> = {
  JW: 'Added on the waste line: drug discarded from a single-dose container.',
  JZ: 'Added on the drug line: no billable amount discarded from a single-dose container (required from 07/01/2023).',
};

export function ModifiersStep() {
  const { drugIndex } = useWizard();
  const form = useDrugStepForm(ZModifiersStep);
  return (
    <StepForm form={form} prefix={`drugs.${drugIndex}.`}>
      <AddedForYou />
      <BillerModifiers />
      <LinesPreview caption="The lines with these modifiers" />
    </StepForm>
  );
}

/** JW and JZ as the core put them on the lines, with their reason. */
function AddedForYou() {
  const { drugIndex } = useWizard();
  const automatic = useWizardData((d) => {
    const typed = new Set((d.packet.drugs?.[drugIndex]?.modifiers ?? []).map((m) => m.trim().toUpperCase()));
    const lines = d.evaluation.drugs[drugIndex]?.lines ?? [];
    return [...new Set(lines.flatMap((l) => l.modifiers).filter((m) => AUTOMATIC[m] !== undefined && !typed.has(m)))];
  }, sameJson);
  const explanation = useWizardData((d) => d.evaluation.drugs[drugIndex]?.waste.explanation);
  return (
    <Section title="Added for you">
      {automatic.length === 0
        ? <p>No modifier is required by the waste record. {explanation}</p>
        : <ul className="space-y-1">{automatic.map((m) => <li key={m}><span className="font-mono font-semibold">{m}</span>: {AUTOMATIC[m]}</li>)}</ul>}
    </Section>
  );
}

/** Modifiers shown at a time (a claim file from elsewhere may list thousands). */
const LIST_PAGE = 50;

function BillerModifiers() {
  const prefix = usePrefix();
  const { setValue } = useFormContext<ModifierValues>();
  const list = useWatch<ModifierValues, 'modifiers'>({ name: 'modifiers' }) ?? [];
  const [draft, setDraft] = useState('');
  const inputId = fieldId(`${prefix}modifiers.new`);
  const add = () => {
    const m = draft.trim().toUpperCase();
    if (m === '') return;
    setValue('modifiers', [...list, m], { shouldDirty: true, shouldTouch: true });
    setDraft('');
  };
  const remove = (i: number) => setValue('modifiers', list.filter((_, j) => j !== i), { shouldDirty: true });
  const listed = useShownCount(list.length, LIST_PAGE);
  return (
    <Section title="Modifiers you add">
      <GroupFindings path={`${prefix}modifiers`} label="Modifiers" />
      {list.length > 0 && (
        <ul className="space-y-2">
          {list.slice(0, listed.shown).map((m, i) => {
            const path = `${prefix}modifiers.${i}`;
            return (
              <li key={`${m}-${i}`} className="rounded border border-slate-200 p-2">
                <div className="flex items-center gap-3">
                  <span className="font-mono font-semibold">{m}</span>
                  <span className="text-sm text-slate-700">{KNOWN.find(([k]) => k === m)?.[1] ?? ''}</span>
                  <button id={fieldId(path)} type="button" onClick={() => remove(i)} className="ml-auto rounded border border-slate-400 px-2 py-1 text-sm hover:bg-slate-100">
                    Remove {m}
                  </button>
                </div>
                <ModifierFindings path={path} />
              </li>
            );
          })}
        </ul>
      )}
      <ShowMore shown={listed.shown} total={list.length} page={LIST_PAGE} what="modifiers" onMore={listed.showMore} />
      <div>
        <label htmlFor={inputId} className="block font-medium">Add a modifier</label>
        <p id={`${inputId}-hint`} className="text-sm text-slate-600">Two letters or digits, for example JG or GA. JW and JZ are added for you.</p>
        <div className="mt-1 flex gap-2">
          <input id={inputId} list={`${inputId}-list`} value={draft} maxLength={2} aria-describedby={`${inputId}-hint`} autoComplete="off"
            onChange={(e) => setDraft(e.target.value)} onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); add(); } }}
            className="w-24 rounded border border-slate-400 px-3 py-2 font-mono uppercase" />
          <datalist id={`${inputId}-list`}>{KNOWN.map(([k, meaning]) => <option key={k} value={k}>{meaning}</option>)}</datalist>
          <button type="button" onClick={add} className="rounded border border-slate-400 px-3 py-2 hover:bg-slate-100">Add</button>
        </div>
      </div>
      <details className="text-sm">
        <summary className="cursor-pointer">What the usual drug-line modifiers mean</summary>
        <dl className="mt-2 grid grid-cols-[4rem_1fr] gap-1">
          {KNOWN.map(([k, meaning]) => [<dt key={`${k}-t`} className="font-mono font-semibold">{k}</dt>, <dd key={`${k}-d`}>{meaning}</dd>])}
        </dl>
      </details>
    </Section>
  );
}

function ModifierFindings({ path }: { path: string }) {
  const findings = useWizardData((d) => d.findingsByPath.get(path) ?? [], sameFindings);
  return <FindingList findings={findings} />;
}
