/**
 * The documentation checklist as the core returns it: each item, whether it is needed and why,
 * and whether it is done or what is missing (with a link to the field).
 */
import { ShowMore, useShownCount } from '../../components/show-more';
import type { ChecklistItem } from '../../core/checklist';
import { useWizard, useWizardData } from './wizard-context';

const STATUS_TEXT: Record<ChecklistItem['status'], string> = { done: 'Done', missing: 'Missing', 'not-needed': 'Not needed' };
const STATUS_STYLE: Record<ChecklistItem['status'], string> = { done: 'text-green-800', missing: 'text-red-800 font-semibold', 'not-needed': 'text-slate-600' };

/**
 * Items listed at a time: more than the 50 drugs a claim carries have, but not the hundreds of
 * thousands of a claim file of 20,000 drugs.
 */
const ITEMS_PAGE = 1000;

/** The checklist of the whole claim, or of one drug (with the claim's own items). */
export function ChecklistView({ drugIndex, linked = true }: { drugIndex?: number; linked?: boolean }) {
  const { goTo } = useWizard();
  const checklist = useWizardData((d) => d.evaluation.checklist);
  const items = drugIndex === undefined ? checklist : checklist.filter((c) => c.drugIndex === null || c.drugIndex === drugIndex);
  const listed = useShownCount(items.length, ITEMS_PAGE);
  return (
    <>
      <table className="stack-table w-full text-left text-sm">
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="py-1 pr-3">Item</th>
            <th scope="col" className="py-1 pr-3">State</th>
            <th scope="col" className="py-1">Why</th>
          </tr>
        </thead>
        <tbody>
          {items.slice(0, listed.shown).map((item) => (
            <tr key={`${item.id}-${item.drugIndex ?? 'claim'}`} className="border-b border-slate-100 align-top">
              <th scope="row" className="py-1 pr-3 font-medium">{item.label}</th>
              <td data-label="State" className={`py-1 pr-3 ${STATUS_STYLE[item.status]}`}>{STATUS_TEXT[item.status]}</td>
              <td data-label="Why" className="py-1">
                {item.reason}
                {item.missing !== null && (
                  <>
                    {' '}<span className="text-red-800">Still needed: {item.missing}.</span>
                    {linked && <> <button type="button" onClick={() => goTo(item.path)} className="text-blue-800 underline print:hidden">Go to the field<span className="sr-only"> for {item.label}</span></button></>}
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ShowMore shown={listed.shown} total={items.length} page={ITEMS_PAGE} what="checklist items" onMore={listed.showMore} />
    </>
  );
}
