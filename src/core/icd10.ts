/**
 * ICD-10-CM code syntax: 3 to 7 characters: a letter, then two characters of which at least one is a
 * digit (D59, C4A, and since FY2026 QA0), then up to four letters or digits; shown with a dot after
 * the third character, sent without it.
 * Whether a code is billable on a date needs the CMS code files (the reference data).
 */
import { memoize } from './memo';

export interface Icd10Code {
  /** Without the dot, upper case: what X12 HI segments carry. */
  readonly code: string;
  /** With the dot after the third character: what billers and forms show. */
  readonly display: string;
}

const SHAPE = /^[A-Z](?:\d[0-9A-Z]|[A-Z]\d)[0-9A-Z]{0,4}$/;

/** Reads a typed code; `undefined` when it cannot be an ICD-10-CM code. */
export function parseIcd10(input: string | undefined): Icd10Code | undefined {
  return parseIcd10Text(input ?? '');
}

const parseIcd10Text = memoize((input: string): Icd10Code | undefined => {
  const raw = input.trim().toUpperCase().replace(/\s+/g, '');
  const dot = raw.indexOf('.');
  if (dot !== -1 && (dot !== 3 || raw.length === 4 || raw.indexOf('.', dot + 1) !== -1)) return undefined;
  const code = raw.replace('.', '');
  if (!SHAPE.test(code)) return undefined;
  return { code, display: code.length > 3 ? `${code.slice(0, 3)}.${code.slice(3)}` : code };
});
