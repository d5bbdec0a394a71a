/**
 * A visit can involve several unclassified drugs: the drug-level steps show one at a time.
 */
import { newId } from '../../storage/drafts';
import { sameJson, useWizard, useWizardData } from './wizard-context';

export function DrugSwitcher({ drugIndex, onSelect, allowAdd }: { drugIndex: number; onSelect: (index: number) => void; allowAdd: boolean }) {
  const { update } = useWizard();
  const drugs = useWizardData((d) => (d.packet.drugs ?? []).map((x) => ({ id: x.id, brandName: x.brandName, genericName: x.genericName })), sameJson);
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
  return (
    <div className="flex flex-wrap items-center gap-2 print:hidden" role="group" aria-label="Drugs on this claim">
      {drugs.length > 1 && drugs.map((d, i) => (
        <button key={d.id ?? i} type="button" aria-pressed={i === drugIndex} onClick={() => onSelect(i)}
          className={`rounded border px-3 py-1.5 text-sm ${i === drugIndex ? 'border-blue-800 bg-blue-50 font-semibold' : 'border-slate-300 bg-white hover:bg-slate-100'}`}>
          Drug {i + 1}: {d.brandName?.trim() || d.genericName?.trim() || 'not named yet'}
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
