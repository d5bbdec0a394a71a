/**
 * NPI check (CMS "Requirements for NPI Check Digit"): 10 digits, first digit 1 or 2, last digit a
 * Luhn check digit computed over the first nine with the constant 24 added (the same as prefixing
 * the card issuer number 80840).
 */
import { memoize } from './memo';

export type NpiCheck =
  | { readonly ok: true; readonly npi: string; readonly unusualPrefix: boolean }
  | { readonly ok: false; readonly problem: 'empty' | 'format' }
  | { readonly ok: false; readonly problem: 'check-digit'; readonly expected: number };

/** The check digit for the first nine digits of an NPI. */
export function npiCheckDigit(base9: string): number {
  let sum = 24;
  for (let i = 0; i < 9; i++) {
    let d = base9.charCodeAt(8 - i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export function checkNpi(input: string | undefined): NpiCheck {
  return checkNpiText(input ?? '');
}

const checkNpiText = memoize((input: string): NpiCheck => {
  const npi = input.replace(/[\s-]/g, '');
  if (npi === '') return { ok: false, problem: 'empty' };
  if (!/^\d{10}$/.test(npi)) return { ok: false, problem: 'format' };
  const expected = npiCheckDigit(npi.slice(0, 9));
  if (expected !== npi.charCodeAt(9) - 48) return { ok: false, problem: 'check-digit', expected };
  return { ok: true, npi, unusualPrefix: npi[0] !== '1' && npi[0] !== '2' };
});
