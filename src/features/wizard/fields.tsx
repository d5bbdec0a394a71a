/**
 * Form fields for the wizard: every input has a visible label and, where useful, a hint (both the
 * packet schema's title and hint for the field, unless a row needs its own: "Diagnosis 2"), and
 * shows the core's findings for its packet path (a problem in red, a check in amber) once the biller
 * has been there or has tried to move on. Numbers are text inputs with an input mode, never
 * type="number" (it eats what it cannot parse and spins on scroll).
 */
import type { ReactNode } from 'react';
import { useFormContext, useFormState, useWatch } from 'react-hook-form';
import { fieldMeta } from '../../core/packet/paths';
import type { Finding } from '../../core/rules';
import { usePrefix } from './step-form';
import { fieldId } from './steps';
import { sameFindings, useWizardData } from './wizard-context';

export interface Option {
  readonly value: string;
  readonly label: string;
}

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

/** The findings to show at a path: after the field was touched or filled, or the step was attempted. */
function useShownFindings(name: string, paths: readonly string[]): readonly Finding[] {
  const isStepAttempted = useWizardData((d) => d.isStepAttempted);
  const all = useWizardData((d) => paths.flatMap((p) => d.findingsByPath.get(p) ?? []), sameFindings);
  const { touchedFields } = useFormState({ name: name as never });
  const value: unknown = useWatch({ name });
  const touched = name.split('.').reduce<unknown>((t, k) => (t as Record<string, unknown> | undefined)?.[k], touchedFields);
  const hasValue = value !== undefined && value !== '' && !(typeof value === 'object' && value !== null && Object.values(value).every((v) => v === undefined || v === ''));
  return isStepAttempted || touched !== undefined || hasValue ? all : [];
}

/** A field's or group's findings: problems to fix in red, things to check in amber. */
export function FindingList({ id, findings }: { id?: string; findings: readonly Finding[] }) {
  if (findings.length === 0) return null;
  return (
    <ul id={id} className="mt-1 space-y-1 text-sm">
      {findings.map((f) => (
        <li key={f.rule} className={f.severity === 'block' ? 'text-red-800' : 'text-amber-900'}>
          <span className="font-semibold">{f.severity === 'block' ? 'Fix: ' : 'Check: '}</span>
          {f.message}
        </li>
      ))}
    </ul>
  );
}

interface Common {
  /** The field's name in the step form (relative to the step's place in the packet). */
  readonly name: string;
  /** Only for a label the schema cannot give (a numbered row); otherwise the schema's title. */
  readonly label?: string;
  /** Only for a hint the schema cannot give; `null` for none; otherwise the schema's hint. */
  readonly hint?: string | null;
}

/** The label and hint of the field at a packet path: the schema's, unless given. */
function useWording(path: string, label: string | undefined, hint: string | null | undefined): { label: string; hint: string | undefined } {
  const meta = fieldMeta(path);
  return { label: label ?? meta.title, hint: hint === null ? undefined : hint ?? (meta.hint === '' ? undefined : meta.hint) };
}

/** Label, hint, input and messages, wired together with ids. */
function Shell({ name, extraPaths = [], children, ...given }: Common & { extraPaths?: readonly string[]; children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode }) {
  const path = usePrefix() + name;
  const { label, hint } = useWording(path, given.label, given.hint);
  const id = fieldId(path);
  const findings = useShownFindings(name, [path, ...extraPaths]);
  const hintId = hint === undefined ? undefined : `${id}-hint`;
  const messagesId = findings.length === 0 ? undefined : `${id}-messages`;
  const describedBy = [hintId, messagesId].filter(Boolean).join(' ') || undefined;
  return (
    <div>
      <label htmlFor={id} className="block font-medium text-slate-900">{label}</label>
      {hint !== undefined && <p id={hintId} className="text-sm text-slate-600">{hint}</p>}
      <div className="mt-1">{children({ id, describedBy, invalid: findings.some((f) => f.severity === 'block') })}</div>
      {messagesId !== undefined && <FindingList id={messagesId} findings={findings} />}
    </div>
  );
}

const INPUT = 'block w-full rounded border border-slate-400 bg-white px-3 py-2 text-slate-900 focus:border-blue-700 focus:outline-2 focus:outline-blue-700 aria-[invalid=true]:border-red-700';

export function TextField({ inputMode, autoComplete = 'off', width, ...common }: Common & { inputMode?: 'text' | 'numeric' | 'decimal'; autoComplete?: string; width?: string }) {
  const { register } = useFormContext();
  return (
    <Shell {...common}>
      {({ id, describedBy, invalid }) => (
        <input id={id} type="text" inputMode={inputMode} autoComplete={autoComplete} spellCheck={false}
          aria-describedby={describedBy} aria-invalid={invalid} className={`${INPUT} ${width ?? ''}`} {...register(common.name)} />
      )}
    </Shell>
  );
}

export function TextArea(common: Common) {
  const { register } = useFormContext();
  return (
    <Shell {...common}>
      {({ id, describedBy, invalid }) => (
        <textarea id={id} rows={3} aria-describedby={describedBy} aria-invalid={invalid} className={INPUT} {...register(common.name)} />
      )}
    </Shell>
  );
}

export function DateField({ time = false, ...common }: Common & { time?: boolean }) {
  const { register } = useFormContext();
  return (
    <Shell {...common}>
      {({ id, describedBy, invalid }) => (
        <input id={id} type={time ? 'datetime-local' : 'date'} aria-describedby={describedBy} aria-invalid={invalid}
          className={`${INPUT} max-w-xs`} {...register(common.name)} />
      )}
    </Shell>
  );
}

export function SelectField({ options, placeholder = 'Choose…', ...common }: Common & { options: readonly Option[]; placeholder?: string }) {
  const { register } = useFormContext();
  return (
    <Shell {...common}>
      {({ id, describedBy, invalid }) => (
        <select id={id} aria-describedby={describedBy} aria-invalid={invalid} className={`${INPUT} max-w-md`}
          {...register(common.name, { setValueAs: blankToUndefined })}>
          <option value="">{placeholder}</option>
          {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      )}
    </Shell>
  );
}

export function CheckboxField({ name, ...given }: Common) {
  const { register } = useFormContext();
  const path = usePrefix() + name;
  const { label, hint } = useWording(path, given.label, given.hint);
  const id = fieldId(path);
  const findings = useShownFindings(name, [path]);
  const hintId = hint === undefined ? undefined : `${id}-hint`;
  return (
    <div>
      <div className="flex items-start gap-2">
        <input id={id} type="checkbox" aria-describedby={hintId} className="mt-1 size-4" {...register(name)} />
        <label htmlFor={id} className="text-slate-900">{label}</label>
      </div>
      {hint !== undefined && <p id={hintId} className="ml-6 text-sm text-slate-600">{hint}</p>}
      <FindingList id={`${id}-messages`} findings={findings} />
    </div>
  );
}

/** A choice among a few options shown at once; the group is focusable for findings that point at it. */
export function RadioField({ name, options, ...given }: Common & { options: readonly Option[] }) {
  const { register } = useFormContext();
  const path = usePrefix() + name;
  const { label, hint } = useWording(path, given.label, given.hint);
  const id = fieldId(path);
  const findings = useShownFindings(name, [path]);
  return (
    <fieldset id={id} tabIndex={-1} aria-describedby={hint === undefined ? undefined : `${id}-hint`}>
      <legend className="font-medium text-slate-900">{label}</legend>
      {hint !== undefined && <p id={`${id}-hint`} className="text-sm text-slate-600">{hint}</p>}
      <div className="mt-1 flex flex-wrap gap-x-6 gap-y-1">
        {options.map((o) => (
          <label key={o.value} className="flex items-center gap-2">
            <input type="radio" value={o.value} className="size-4" {...register(name, { setValueAs: blankToUndefined })} />
            {o.label}
          </label>
        ))}
      </div>
      <FindingList id={`${id}-messages`} findings={findings} />
    </fieldset>
  );
}

/** An amount and its unit: `name` is the quantity object (`administration.dose`). */
export function QuantityField({ name, units, ...given }: Common & { units: readonly Option[] }) {
  const { register } = useFormContext();
  const path = usePrefix() + name;
  const { label, hint } = useWording(path, given.label, given.hint);
  const id = fieldId(`${path}.value`);
  const unitId = fieldId(`${path}.unit`);
  const findings = useShownFindings(name, [`${path}.value`, `${path}.unit`, path]);
  const hintId = hint === undefined ? undefined : `${id}-hint`;
  const messagesId = findings.length === 0 ? undefined : `${id}-messages`;
  const describedBy = [hintId, messagesId].filter(Boolean).join(' ') || undefined;
  const invalid = findings.some((f) => f.severity === 'block');
  return (
    <div>
      <label htmlFor={id} className="block font-medium text-slate-900">{label}</label>
      {hint !== undefined && <p id={hintId} className="text-sm text-slate-600">{hint}</p>}
      <div className="mt-1 flex gap-2">
        <input id={id} type="text" inputMode="decimal" autoComplete="off" aria-describedby={describedBy} aria-invalid={invalid}
          className={`${INPUT} max-w-40`} {...register(`${name}.value`)} />
        <select id={unitId} aria-label={`${label}: unit`} aria-describedby={describedBy} className={`${INPUT} max-w-32`}
          {...register(`${name}.unit`, { setValueAs: blankToUndefined })}>
          <option value="">Unit…</option>
          {units.map((u) => <option key={u.value} value={u.value}>{u.label}</option>)}
        </select>
      </div>
      {messagesId !== undefined && <FindingList id={messagesId} findings={findings} />}
    </div>
  );
}

/** A heading and a group of fields that belong together. */
export function Section({ title, children, id }: { title: string; children: ReactNode; id?: string }) {
  return (
    <section aria-labelledby={id === undefined ? undefined : `${id}-title`} id={id} tabIndex={id === undefined ? undefined : -1} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <h3 id={id === undefined ? undefined : `${id}-title`} className="text-lg font-semibold text-slate-900">{title}</h3>
      {children}
    </section>
  );
}
