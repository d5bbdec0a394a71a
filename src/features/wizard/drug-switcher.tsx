/**
 * A visit can involve several unclassified drugs: the drug-level steps show one at a time. A few
 * drugs are buttons; more (a claim file from elsewhere can hold thousands) are reached by number,
 * or one after the other, so the page never holds a control per drug.
 */
import { useEffect, useId, useState } from 'react';
import { formatCount } from '../../core/format';
import { newId } from '../../storage/drafts';
import { fieldId } from './steps';
import { useWizard, useWizardData } from './wizard-context';

/** Up to this many drugs, each is a button; beyond, the drug is chosen by its number. */
const MAX_BUTTONS = 8;

/** The drug shown, by its number (1 to `count`), with the previous and the next one a button away. */
function DrugNumber({ count, drugIndex, name, onSelect }: { count: number; drugIndex: number; name: string; onSelect: (index: number) => void }) {
  const inputId = useId();
  const [typed, setTyped] = useState(String(drugIndex + 1));
  // Follows the drug shown when it changes otherwise (the buttons, "Go to the field"), not while the biller types.
  useEffect(() => setTyped((t) => (Number(t) === drugIndex + 1 ? t : String(drugIndex + 1))), [drugIndex]);
  const type = (text: string) => {
    setTyped(text);
    const n = Number(text);
    if (/^\d+$/.test(text.trim()) && n >= 1 && n <= count) onSelect(n - 1);
  };
  const button = 'rounded border border-slate-400 px-3 py-1.5 text-sm hover:bg-slate-100 disabled:cursor-not-allowed disabled:text-slate-500';
  return (
    <>
      <button type="button" onClick={() => onSelect(drugIndex - 1)} disabled={drugIndex === 0} className={button}>Previous drug</button>
      <label htmlFor={inputId} className="font-medium">Drug number (1 to {formatCount(count)})</label>
      <input id={inputId} inputMode="numeric" autoComplete="off" value={typed} onChange={(e) => type(e.target.value)}
        className="w-24 rounded border border-slate-400 px-2 py-1.5" />
      <button type="button" onClick={() => onSelect(drugIndex + 1)} disabled={drugIndex === count - 1} className={button}>Next drug</button>
      <span aria-live="polite" className="font-semibold">{name}</span>
    </>
  );
}

const NO_DRUGS: readonly never[] = [];

export function DrugSwitcher({ drugIndex, onSelect, allowAdd }: { drugIndex: number; onSelect: (index: number) => void; allowAdd: boolean }) {
  const { update } = useWizard();
  // The list itself, which changes only when a drug does: a keystroke elsewhere does not re-render it.
  const drugs = useWizardData((d) => d.packet.drugs ?? NO_DRUGS);
  const add = () => {
    update((p) => ({ ...p, drugs: [...(p.drugs ?? []), { id: newId() }] }));
    onSelect(drugs.length);
  };
  const remove = () => {
    const name = drugs[drugIndex]?.brandName || drugs[drugIndex]?.genericName || `drug ${drugIndex + 1}`;
    if (!window.confirm(`Remove ${name} from this claim? Its dose, waste and documents are removed too.`)) return;
    const id = drugs[drugIndex]?.id;
    update((p) => ({
      ...p,
      drugs: (p.drugs ?? []).filter((_, i) => i !== drugIndex),
      attachments: (p.attachments ?? []).filter((a) => a.drugId === undefined || a.drugId !== id),
    }));
    onSelect(Math.max(0, drugIndex - 1));
  };
  if (drugs.length <= 1 && !allowAdd) return null;
  const name = (i: number) => `Drug ${i + 1}: ${drugs[i]?.brandName?.trim() || drugs[i]?.genericName?.trim() || 'not named yet'}`;
  return (
    // "Go to the field" of a finding about the list of drugs (too many for one claim) lands here.
    <div id={fieldId('drugs')} tabIndex={-1} className="flex flex-wrap items-center gap-2 focus:outline-2 focus:outline-blue-700 print:hidden" role="group" aria-label="Drugs on this claim">
      {drugs.length > MAX_BUTTONS && <DrugNumber count={drugs.length} drugIndex={drugIndex} name={name(drugIndex)} onSelect={onSelect} />}
      {drugs.length > 1 && drugs.length <= MAX_BUTTONS && drugs.map((d, i) => (
        <button key={d.id ?? i} type="button" aria-pressed={i === drugIndex} onClick={() => onSelect(i)}
          className={`rounded border px-3 py-1.5 text-sm ${i === drugIndex ? 'border-blue-800 bg-blue-50 font-semibold' : 'border-slate-300 bg-white hover:bg-slate-100'}`}>
          {name(i)}
        </button>
      ))}
      {allowAdd && (
        <button type="button" onClick={add} className="rounded border border-slate-400 px-3 py-1.5 text-sm hover:bg-slate-100">Add another drug</button>
      )}
      {allowAdd && drugs.length > 1 && (
        <button type="button" onClick={remove} className="rounded border border-red-700 px-3 py-1.5 text-sm text-red-800 hover:bg-red-50">Remove this drug</button>
      )}
    </div>
  );
}
