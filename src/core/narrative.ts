/**
 * The drug description an unclassified line carries: 837P SV101-7 / CMS-1500 Item 19, or the
 * UB-04 FL80 remarks for C9399 (billing-rules §6). At most 80 characters (per payer profile), the
 * dose as a total with its unit, and never cut inside the dose, the unit or the NDC: names are
 * shortened first (generic, then ingredients, then brand).
 */
import type { Amount } from './quantity';
import { amountText } from './quantity';
import { memoize } from './memo';
import type { Route } from './packet/schema';

const ROUTE_ABBREVIATIONS: Record<Route, string> = {
  intravenous: 'IV', subcutaneous: 'SUBQ', intramuscular: 'IM', intravitreal: 'INTRAVITREAL', intrathecal: 'INTRATHECAL',
  intravesical: 'INTRAVESICAL', intradermal: 'ID', 'intra-articular': 'INTRA-ARTICULAR', intralesional: 'INTRALESIONAL',
  epidural: 'EPIDURAL', oral: 'PO', inhalation: 'INH', topical: 'TOPICAL', rectal: 'RECTAL', ophthalmic: 'OPHTHALMIC', other: '',
};

export function routeAbbreviation(route: Route | undefined): string {
  return route === undefined ? '' : ROUTE_ABBREVIATIONS[route];
}

const PLAIN = /^[A-Za-z0-9 &'()+,\-./;=?%]*$/;

/**
 * Text as claims can carry it: upper case, accents removed, only letters, digits, spaces and
 * `& ' ( ) + , - . / ; = ? %` kept (X12 delimiters such as `* ~ : ^ |` never pass).
 */
export const claimText = memoize((text: string): string => {
  if (PLAIN.test(text)) return text.toUpperCase().replace(/\s+/g, ' ').trim();
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase()
    .replace(/[^A-Z0-9 &'()+,\-./;=?%]+/g, ' ').replace(/\s+/g, ' ').trim();
});

/** A piece of a description; names may be shortened (lowest `shortenFirst` first), the rest never. */
interface Part {
  text: string;
  readonly shortenFirst?: number;
  readonly label?: string;
}

export interface Fitted {
  /** The description, or `null` when even the parts that cannot be cut do not fit. */
  readonly text: string | null;
  /** What was cut to fit ("generic name shortened"), empty when nothing was. */
  readonly shortened: readonly string[];
}

const MIN_NAME = 3;

const NOTHING_SHORTENED: readonly string[] = [];

/** Fits the parts in `max` characters, one space apart; the length is kept as names shrink, so a long list of ingredients takes linear time. */
function fit(parts: Part[], max: number): Fitted {
  let whole = '';
  for (const p of parts) if (p.text !== '') whole = whole === '' ? p.text : `${whole} ${p.text}`;
  if (whole.length <= max) return { text: whole, shortened: NOTHING_SHORTENED };
  const live = parts.filter((p) => p.text !== '');
  let count = live.length;
  let length = whole.length;
  const left = new Set<Part>();
  const shortened: string[] = [];
  const names = live.filter((p) => p.shortenFirst !== undefined).sort((a, b) => a.shortenFirst! - b.shortenFirst!);
  for (const name of names) {
    const over = length - max;
    if (over <= 0) break;
    const keep = name.text.length - over;
    if (keep >= MIN_NAME) {
      const cut = name.text.slice(0, keep).replace(/[\s\-/,.(]+$/, '');
      length -= name.text.length - cut.length;
      name.text = cut;
      shortened.push(`${name.label} shortened`);
    } else {
      length -= name.text.length + (count > 1 ? 1 : 0);
      count--;
      left.add(name);
      shortened.push(`${name.label} left out`);
    }
  }
  return length <= max ? { text: live.filter((p) => !left.has(p)).map((p) => p.text).join(' '), shortened } : { text: null, shortened };
}

export interface NarrativeInput {
  readonly brand: string;
  readonly generic: string;
  readonly ingredients: readonly { readonly name: string; readonly amount: string }[];
  /** The amount on this line: the dose given, or the amount discarded. */
  readonly amount: Amount | undefined;
  readonly route: Route | undefined;
  /** The NDC as the payer wants it in the text (11 digits or 5-4-2), or '' for none. */
  readonly ndcText: string;
  readonly isWaste: boolean;
  readonly maxLength: number;
}

/**
 * 837P / CMS-1500 description: `BRAND GENERIC 150MG IV NDC 73150015006`; for a waste line
 * `BRAND 50MG DISCARDED NDC 73150015006` (the generic name only when there is no brand).
 */
export function professionalNarrative(n: NarrativeInput): Fitted {
  const parts: Part[] = [
    { text: claimText(n.brand), shortenFirst: 9, label: 'brand name' },
    { text: n.generic === n.brand || (n.isWaste && n.brand !== '') ? '' : claimText(n.generic), shortenFirst: 1, label: 'generic name' },
  ];
  n.ingredients.forEach((ing, i) => {
    parts.push({ text: claimText(ing.name), shortenFirst: 2 + i, label: 'ingredient name' });
    parts.push({ text: claimText(ing.amount) });
  });
  parts.push({ text: n.amount === undefined ? '' : amountText(n.amount) });
  parts.push({ text: n.isWaste ? 'DISCARDED' : routeAbbreviation(n.route) });
  if (n.ndcText !== '') parts.push({ text: `NDC ${n.ndcText}` });
  return fit(parts, n.maxLength);
}

export interface RemarksInput extends NarrativeInput {
  /** `MM/DD/YY` date the drug was given. */
  readonly date: string;
  readonly frequency: string;
  /** NDC quantity and unit, `270 ML`. */
  readonly ndcQuantity: string;
  /** Waste told in the remarks when the payer wants no JW line: `WASTE 50MG`. */
  readonly wasteText: string;
}

/** UB-04 FL80 / 837I remarks for C9399: `ULTOMIRIS 25682-0022-01 IV 01/15/19 2700MG ONCE (270 ML)`. */
export function institutionalRemarks(n: RemarksInput): Fitted {
  const name = n.brand !== '' ? n.brand : n.generic;
  const parts: Part[] = [
    { text: claimText(name), shortenFirst: 1, label: n.brand !== '' ? 'brand name' : 'generic name' },
    { text: n.ndcText },
    { text: n.isWaste ? '' : routeAbbreviation(n.route) },
    { text: n.date },
    { text: n.amount === undefined ? '' : amountText(n.amount) + (n.isWaste ? ' DISCARDED' : '') },
    { text: n.isWaste ? '' : claimText(n.frequency) },
    { text: n.ndcQuantity === '' ? '' : `(${n.ndcQuantity})` },
    { text: n.wasteText },
  ];
  return fit(parts, n.maxLength);
}
