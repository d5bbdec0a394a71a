/**
 * Numbers and times as the screens show them (US English), written out by hand: the browser's
 * first use of `Intl` (or `toLocaleString`) loads its locale data, which holds the page still for
 * some 40 ms, right when a table of imported files appears.
 */

/** 8245 → "8,245"; 1234.5 → "1,234.5". */
export function formatCount(n: number): string {
  const [whole = '', fraction] = String(n).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

const two = (n: number) => String(n).padStart(2, '0');

/** An ISO time as this computer's date and time of day ("11/20/2025, 9:05 AM"); '' when it is not a time. */
export function formatTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const hours = d.getHours();
  return `${two(d.getMonth() + 1)}/${two(d.getDate())}/${d.getFullYear()}, ${hours % 12 || 12}:${two(d.getMinutes())} ${hours < 12 ? 'AM' : 'PM'}`;
}
