/**
 * Long lists shown a page at a time: a claim file from elsewhere can hold 20,000 drugs and a
 * hundred thousand findings, and rendering them all would hold the page still for minutes. The
 * first page is shown, with a button for the next; nothing is dropped, and the count says how many
 * are not shown yet.
 */
import { useState } from 'react';
import { formatCount } from '../core/format';

/** How many items of a list of `total` to show, and the action that shows `page` more. */
export function useShownCount(total: number, page: number): { shown: number; showMore: () => void } {
  const [count, setCount] = useState(page);
  return { shown: Math.min(count, total), showMore: () => setCount((c) => c + page) };
}

/** "Showing 20 of 60,000 findings. [Show 20 more findings]", or nothing once all are shown. */
export function ShowMore({ shown, total, page, what, onMore }: { shown: number; total: number; page: number; what: string; onMore: () => void }) {
  if (shown >= total) return null;
  const next = Math.min(page, total - shown);
  return (
    <p className="mt-2 text-sm text-slate-700 print:hidden">
      Showing {formatCount(shown)} of {formatCount(total)} {what}.{' '}
      <button type="button" onClick={onMore} className="text-blue-800 underline hover:text-blue-950">
        Show {formatCount(next)} more {what}
      </button>
    </p>
  );
}
