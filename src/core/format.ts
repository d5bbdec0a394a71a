/**
 * Numbers and times as the screens show them (US English), written out by hand: the browser's
 * first use of `Intl` (or `toLocaleString`) loads its locale data, which holds the page still for
 * some 40 ms, right when a table of imported files appears.
 */

import type { Plain } from './brands';
import { dayNumber, dayOfMinute, minuteInDay, minuteNumber, usDate } from './dates';

const two = (n: number) => String(n).padStart(2, '0');

/** Thousands separators in a decimal written out: "70499.00" → "70,499.00". */
function grouped(decimal: string): string {
  const [whole = '', fraction] = decimal.split('.');
  const withCommas = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  return fraction === undefined ? withCommas : `${withCommas}.${fraction}`;
}

/** 8245 → "8,245"; 1234.5 → "1,234.5". */
export function formatCount(n: Plain<number>): string {
  return grouped(String(n));
}

/** Dollars as billers read them, from a plain decimal: "70499" or "70499.00" → "$70,499.00"; "225.107" (a price per unit) → "$225.107". */
export function formatMoney(amount: string): string {
  const [whole = '0', fraction = ''] = amount.trim().split('.');
  return `$${grouped(`${whole}.${fraction.padEnd(2, '0')}`)}`;
}

/** A date entered as `YYYY-MM-DD`, as MM/DD/YYYY; the text as it is when it is not a date. */
export function formatDate(iso: string | undefined): string {
  const text = iso?.trim() ?? '';
  const day = dayNumber(text);
  return day === undefined ? text : usDate(day);
}

/** A date and time entered as `YYYY-MM-DDTHH:mm`, as "03/10/2023 9:05 AM"; the text as it is when it is not one. */
export function formatDateTime(local: string | undefined): string {
  const text = local?.trim() ?? '';
  const minute = minuteNumber(text);
  if (minute === undefined) return text;
  const inDay = minuteInDay(minute);
  const hours = Math.floor(inDay / 60);
  return `${usDate(dayOfMinute(minute))} ${hours % 12 || 12}:${two(inDay % 60)} ${hours < 12 ? 'AM' : 'PM'}`;
}

/** An ISO time as this computer's date and time of day ("11/20/2025, 9:05 AM"); '' when it is not a time. */
export function formatTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const hours = d.getHours();
  return `${two(d.getMonth() + 1)}/${two(d.getDate())}/${d.getFullYear()}, ${hours % 12 || 12}:${two(d.getMinutes())} ${hours < 12 ? 'AM' : 'PM'}`;
}
