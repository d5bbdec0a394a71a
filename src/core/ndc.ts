/**
 * National Drug Codes. The FDA's 10-digit NDC comes in three layouts (4-4-2, 5-3-2, 5-4-1); claims
 * need the 11-digit 5-4-2 form, made by adding a leading zero to the short segment
 * (billing-rules §2). Segments are kept apart so the 12-digit 6-4-2 format of 2033 fits later.
 * The `Ndc11` brand is made here and only here (brands.ts).
 */
import type { Brand } from './brands';
import { memoize } from './memo';

/** An NDC in its 11-digit 5-4-2 form, no hyphens: the key of every NDC lookup and what a claim carries. */
export type Ndc11 = Brand<string, 'Ndc11'>;

const ELEVEN_DIGITS = /^\d{11}$/;

/**
 * The text as an `Ndc11` when it is 11 digits and nothing else (as the CMS and FDA files and a
 * stored packet's normalized NDC write it), else `undefined`. A biller's typing goes through
 * `parseNdc`, which reads the other layouts and explains what is wrong.
 */
export function asNdc11(text: string | null | undefined): Ndc11 | undefined {
  return text !== null && text !== undefined && ELEVEN_DIGITS.test(text) ? text as Ndc11 : undefined;
}

/** An NDC written in the code (the built-in catalogue): a typo is a programmer's error, so it throws when the module loads. */
export function knownNdc11(text: string): Ndc11 {
  const ndc11 = asNdc11(text);
  if (ndc11 === undefined) throw new Error(`not an 11-digit NDC: ${text}`);
  return ndc11;
}

export type NdcLayout = '4-4-2' | '5-3-2' | '5-4-1' | '5-4-2';

export interface Ndc {
  readonly labeler: string;
  readonly product: string;
  readonly package: string;
  /** 11 digits, no hyphens: what goes in 24A, LIN03 and FL43. */
  readonly ndc11: Ndc11;
  /** 5-4-2 with hyphens, as some remarks fields want it. */
  readonly hyphenated: string;
  /** The layout the NDC was typed in. */
  readonly layout: NdcLayout;
}

export interface NdcCandidate {
  readonly layout: Exclude<NdcLayout, '5-4-2'>;
  /** The 10 digits with hyphens placed for this layout. */
  readonly typed: string;
  readonly ndc: Ndc;
}

export type NdcProblem =
  | { readonly code: 'empty'; readonly message: string }
  | { readonly code: 'ten-digits'; readonly message: string; readonly candidates: readonly NdcCandidate[] }
  | { readonly code: 'twelve-digits' | 'bad-characters' | 'wrong-length' | 'bad-segments' | 'zero-segment'; readonly message: string };

export type NdcResult = { readonly ok: true; readonly ndc: Ndc } | { readonly ok: false; readonly problem: NdcProblem };

const SEGMENT_LAYOUTS: Record<string, NdcLayout> = {
  '4-4-2': '4-4-2', '5-3-2': '5-3-2', '5-4-1': '5-4-1', '5-4-2': '5-4-2',
};

function build(labeler: string, product: string, pkg: string, layout: NdcLayout): Ndc {
  const l = labeler.padStart(5, '0'), p = product.padStart(4, '0'), k = pkg.padStart(2, '0');
  return { labeler: l, product: p, package: k, ndc11: (l + p + k) as Ndc11, hyphenated: `${l}-${p}-${k}`, layout };
}

/** The three ways a bare 10-digit NDC could be split; only the label (or a directory) can tell which. */
export function tenDigitCandidates(digits: string): NdcCandidate[] {
  const cut = (a: number, b: number) => [digits.slice(0, a), digits.slice(a, a + b), digits.slice(a + b)] as const;
  return ([['4-4-2', 4, 4], ['5-3-2', 5, 3], ['5-4-1', 5, 4]] as const).map(([layout, a, b]) => {
    const [l, p, k] = cut(a, b);
    return { layout, typed: `${l}-${p}-${k}`, ndc: build(l, p, k, layout) };
  });
}

const fail = (code: Exclude<NdcProblem['code'], 'ten-digits'>, message: string): NdcResult =>
  ({ ok: false, problem: { code, message } });

/**
 * An NDC whose labeler code is 00000 (an NDC of all zeros among them) names no product: the FDA
 * assigns no such labeler. A product code of 0000 or a package code of 00 is real, though (CMS lists
 * 08213-0000-09 and 00006-3025-00; 12345-6789-0 becomes 12345-6789-00), so those are read.
 */
function checked(ndc: Ndc): NdcResult {
  if (ndc.labeler !== '00000') return { ok: true, ndc };
  return fail('zero-segment', `This NDC's labeler code is 00000 (${ndc.hyphenated}), which no drug company has. Copy the NDC from the vial or package label.`);
}

/**
 * Reads an NDC as a biller types it: 11 digits with or without hyphens, hyphenated 4-4-2, 5-3-2 or
 * 5-4-1, an `N4` prefix, spaces, an asterisk placeholder for a zero. A bare 10-digit NDC is refused
 * with its three possible readings, because guessing the layout bills the wrong drug.
 */
export function parseNdc(input: string | undefined): NdcResult {
  return parseNdcText(input ?? '');
}

const parseNdcText = memoize((input: string): NdcResult => {
  let text = input.trim().toUpperCase();
  if (text.startsWith('N4')) text = text.slice(2);
  // Three groups separated by spaces are segments, as hyphens would be ("0409 1560 29").
  if (/^[\d*]+[\s\u00a0]+[\d*]+[\s\u00a0]+[\d*]+$/.test(text)) text = text.replace(/[\s\u00a0]+/g, '-');
  text = text.replace(/[\s\u00a0]+/g, '').replace(/\*/g, '0').replace(/[\u2010-\u2015\u2212]/g, '-');
  if (text === '') return fail('empty', 'Enter the NDC from the vial or package label.');
  if (!/^[\d-]+$/.test(text)) {
    return fail('bad-characters', 'An NDC has only digits and hyphens. Copy it from the vial or package label, for example 25682-0022-01.');
  }
  if (text.includes('-')) {
    const parts = text.split('-');
    const layout = SEGMENT_LAYOUTS[parts.map((s) => s.length).join('-')];
    if (parts.length === 3 && layout !== undefined) return checked(build(parts[0]!, parts[1]!, parts[2]!, layout));
    if (parts.length === 3 && parts.map((s) => s.length).join('-') === '6-4-2') {
      return fail('twelve-digits', 'This looks like a 12-digit NDC (6-4-2). Claims still need the 11-digit NDC until the FDA format change of 2033: use the 11-digit NDC printed on the label or listed for this package.');
    }
    return fail('bad-segments', 'The hyphens split this NDC in an unusual way. NDCs are written 4-4-2, 5-3-2, 5-4-1 or 5-4-2 digits, for example 0409-1560-29 or 25682-0022-01: copy the NDC exactly as the label shows it.');
  }
  if (text.length === 11) return checked(build(text.slice(0, 5), text.slice(5, 9), text.slice(9), '5-4-2'));
  if (text.length === 10) {
    return {
      ok: false,
      problem: {
        code: 'ten-digits',
        message: 'This is a 10-digit NDC without hyphens, so the wizard cannot tell where the missing zero goes. Type it with the hyphens exactly as the label shows them (for example 0409-1560-29), or pick the layout that matches the label.',
        candidates: tenDigitCandidates(text),
      },
    };
  }
  if (text.length === 12) {
    return fail('twelve-digits', 'This NDC has 12 digits. Claims need the 11-digit NDC: check the label, and type it with its hyphens.');
  }
  return fail('wrong-length', `This NDC has ${text.length} digits. Enter the 11-digit NDC from the vial label, or the 10-digit NDC with its hyphens.`);
});
