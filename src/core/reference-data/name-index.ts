/**
 * The names the long descriptors of the HCPCS drug codes carry, indexed once per HCPCS file, so
 * that a drug's generic or brand name finds the codes that name it with a few map lookups (no scan
 * of 8,000 descriptors per keystroke).
 *
 * A descriptor is read the way a biller reads it: "Injection, trastuzumab-anns, biosimilar,
 * (kanjinti), 10 mg" is split at its commas into phrases, words in parentheses apart ("kanjinti",
 * "fresenius kabi", "for esrd on dialysis"). A name matches whole words in one phrase, case
 * ignored: a hyphenated suffix is part of the name, so aflibercept, ziv-aflibercept and
 * aflibercept-jbvf are three drugs. Doses and units ("10 mg", "per 2 meq") are not part of a name.
 * What a descriptor says beside the name is read, not dropped: "excludes biosimilar(s)",
 * "biosimilar", "not therapeutically equivalent to …" (never searched for names: "maxipime" there
 * names the product the code is not for), the routes it names and "compounded"/"non-compounded".
 *
 * Only drug codes are indexed: J, Q, A9 and C9 codes (C codes are hospital outpatient pass-through
 * codes; the caller decides where they apply), never an unclassified one (J3490, J3591, C9399, …
 * or a descriptor saying "unclassified", "not otherwise classified" or "NOC"). S codes are left
 * out: they are not valid for Medicare, and payers that use them say so in their own lists.
 */
import type { HcpcsCode } from '../codes';
import { asHcpcsCode, unclassifiedCode } from '../codes';
import type { IsoDate } from '../dates';
import { memoize } from '../memo';
import type { Route } from '../packet/schema';
import type { DescriptorHit, DescriptorNames, DescriptorQualifiers } from '../reference';

/** The fields of a HCPCS row the index reads. */
export interface DescriptorRow {
  readonly code: string;
  readonly longDescription: string;
  readonly added: IsoDate;
  readonly terminated: IsoDate | null;
  readonly isModifier: boolean;
}

const DRUG_CODE = /^(?:J|Q|A9|C9)\d/;
const NOC_WORDS = /\bunclassified\b|not otherwise classified|\bnoc\b/i;
const NOT_EQUIVALENT = /\bnot\s+th\w*\s+equivalent\s+to\s+(.+)$/;

/** Words that make a name: letters and digits, joined by hyphens or apostrophes ("ravulizumab-cwvz", "beta-1a", "ringer's"). */
const WORD = /[a-z0-9]+(?:[-'][a-z0-9]+)*/g;
/** Abbreviations labels use for words descriptors spell out. */
const SPELLED_OUT: Readonly<Record<string, string>> = { hcl: 'hydrochloride' };
/** Units of amounts: not part of a name when they follow a number or "per" ("ondansetron 1 mg", "per i.u."). */
const UNIT_WORDS = new Set([
  'mg', 'mcg', 'g', 'gm', 'gram', 'grams', 'kg', 'ml', 'cc', 'l', 'unit', 'units', 'iu', 'meq', 'mmol', 'microgram', 'micrograms',
  'milligram', 'milligrams', 'mci', 'millicurie', 'millicuries', 'microcurie', 'microcuries', 'usp', 'percent',
]);

/** A number, a range of them, or an amount written without a space ("10", "0-10", "1mg"); not "5-fluorouracil". */
const NUMBER = /^\d[\d-]*(?:mg|mcg|ml|g|gm|cc|iu|meq|mci)?$/;

/**
 * The words of a name, lower case, abbreviations spelled out, amounts left out: numbers, "per",
 * and a unit after either ("rituximab 10 mg and hyaluronidase" is "rituximab and hyaluronidase";
 * "penicillin g benzathine" keeps its "g").
 */
function wordsOf(text: string): string[] {
  const words = text.toLowerCase().replace(/[\u2018\u2019`]/g, "'").replace(/\bi\.\s?u\b\.?/g, 'iu').match(WORD) ?? [];
  const kept: string[] = [];
  let isAfterAmount = false;
  for (const raw of words) {
    const word = SPELLED_OUT[raw] ?? raw;
    const isAmount: boolean = NUMBER.test(word) || word === 'per' || (isAfterAmount && UNIT_WORDS.has(word));
    if (!isAmount) kept.push(word);
    isAfterAmount = isAmount;
  }
  return kept;
}

/** The words of a name (see `wordsOf`), remembered: the wizard asks for the same names on every keystroke. */
export const nameWords: (text: string) => readonly string[] = memoize(wordsOf);

const ALL_INJECTED: readonly Route[] = ['intravenous', 'subcutaneous', 'intramuscular', 'intravitreal', 'intrathecal', 'intravesical', 'intradermal', 'intra-articular', 'intralesional', 'epidural'];
/** Words that say a drug is injected, with no route more precise: any route of injection. */
const INJECTED_WORDS = new Set(['injection', 'infusion', 'injectable', 'parenteral']);
/** Route words of descriptors, and the packet's routes each allows; one of them narrows "injection". */
const ROUTE_WORDS: Readonly<Record<string, readonly Route[]>> = {
  intravenous: ['intravenous'], subcutaneous: ['subcutaneous'], intramuscular: ['intramuscular'], intravitreal: ['intravitreal'],
  intrathecal: ['intrathecal'], epidural: ['epidural'], intravesical: ['intravesical'], intradermal: ['intradermal'],
  'intra-articular': ['intra-articular'], intralesional: ['intralesional'], intraocular: ['intravitreal', 'ophthalmic'],
  oral: ['oral'], inhalation: ['inhalation'], topical: ['topical'], rectal: ['rectal'], ophthalmic: ['ophthalmic', 'intravitreal'],
  suprachoroidal: ['other'], intracameral: ['other'], otic: ['other'], nasal: ['other'], intranasal: ['other'], vaginal: ['other'],
  transdermal: ['other'], intrauterine: ['other'],
};
/** Words that say what a descriptor's product is, not what it is called ("Injection, …"). */
const FORM_WORDS = new Set([...INJECTED_WORDS, 'instillation', 'implant', 'inhalation', 'solution', 'suspension']);

interface Phrase {
  /** As published (lower case), for the biller: "dexamethasone sodium phosphate". */
  readonly text: string;
  readonly words: readonly string[];
  readonly isInParentheses: boolean;
}

/**
 * A descriptor's phrases: its comma-separated parts with the parenthesised words taken out, and
 * each parenthesised part (split at its own commas).
 */
function phrasesOf(descriptor: string): Phrase[] {
  let depth = 0;
  let outside = '';
  const inside: string[] = [];
  for (const c of descriptor.toLowerCase()) {
    if (c === '(') {
      if (depth++ === 0) { inside.push(''); outside += ' '; continue; }
    } else if (c === ')' && depth > 0) {
      if (--depth === 0) continue;
    }
    if (depth === 0) outside += c;
    else inside[inside.length - 1] += c;
  }
  const phrase = (text: string, isInParentheses: boolean): Phrase => ({ text: text.trim().replace(/\s+/g, ' '), words: wordsOf(text), isInParentheses });
  // "pertuzumab, trastuzumab, and hyaluronidase-zzxf" is one product: a part starting with "and"
  // joins the parts before it, back to the form word ("Injection") or the start.
  const parts: Phrase[] = [];
  for (const part of outside.split(',').map((t) => phrase(t, false))) {
    if (part.words[0] !== 'and') { parts.push(part); continue; }
    let from = parts.length;
    while (from > 0 && !parts[from - 1]!.words.every((w) => FORM_WORDS.has(w))) from--;
    const joined = [...parts.splice(from), part];
    parts.push({ text: joined.map((p) => p.text).join(', '), words: joined.flatMap((p) => p.words), isInParentheses: false });
  }
  return [...parts, ...inside.flatMap((group) => group.split(',').map((t) => phrase(t, true)))].filter((p) => p.text !== '');
}

const startsWith = (words: readonly string[], ...start: string[]) => start.every((w, i) => words[i] === w);

/** A descriptor read once: the phrases a name can be found in, and its qualifiers. */
function readDescriptor(descriptor: string): { phrases: Phrase[]; qualifiers: DescriptorQualifiers } {
  const notEquivalentTo: string[] = [];
  let excludesBiosimilar = false, isBiosimilar = false;
  const searchable: Phrase[] = [];
  for (const p of phrasesOf(descriptor)) {
    const clause = NOT_EQUIVALENT.exec(p.text);
    const own = clause === null ? p : { ...p, text: p.text.slice(0, clause.index).trim(), words: wordsOf(p.text.slice(0, clause.index)) };
    for (const product of clause === null ? [] : clause[1]!.split(/\s+or\s+|\s*\/\s*/)) if (product.trim() !== '') notEquivalentTo.push(product.trim());
    if (startsWith(own.words, 'excludes', 'biosimilar') || startsWith(own.words, 'excludes', 'biosimilars')) { excludesBiosimilar = true; continue; }
    if (own.words.includes('biosimilar')) isBiosimilar = true;
    if (own.words.length > 0) searchable.push(own);
  }
  const routes = new Set<Route>();
  let isInjected = false;
  let compounded: boolean | undefined;
  for (const p of searchable) {
    for (const w of p.words) {
      for (const r of ROUTE_WORDS[w] ?? []) routes.add(r);
      if (INJECTED_WORDS.has(w)) isInjected = true;
      if (w === 'compounded') compounded = true;
      if (w === 'non-compounded') compounded = false;
    }
  }
  if (routes.size === 0 && isInjected) for (const r of ALL_INJECTED) routes.add(r);
  return {
    phrases: searchable,
    qualifiers: {
      excludesBiosimilar, isBiosimilar, notEquivalentTo, compounded,
      parentheses: searchable.filter((p) => p.isInParentheses).map((p) => p.text),
      routes: routes.size === 0 ? undefined : [...routes],
    },
  };
}

/** A HCPCS drug code that a descriptor can name a drug for: a drug code, never an unclassified one. */
export function isNamedDrugCode(row: DescriptorRow): boolean {
  return !row.isModifier && DRUG_CODE.test(row.code) && unclassifiedCode(row.code) === undefined && row.code !== 'J3591' && !NOC_WORDS.test(row.longDescription);
}

interface Place {
  readonly row: DescriptorRow;
  readonly code: HcpcsCode;
  readonly phrase: Phrase;
  readonly at: number;
  readonly qualifiers: DescriptorQualifiers;
}

/** The index of the drug names of one HCPCS file's descriptors. */
export function buildNameIndex(rows: readonly DescriptorRow[], source: string): DescriptorNames {
  const byFirstWord = new Map<string, Place[]>();
  for (const row of rows) {
    const code = asHcpcsCode(row.code);
    if (code === undefined || !isNamedDrugCode(row)) continue;
    const { phrases, qualifiers } = readDescriptor(row.longDescription);
    for (const phrase of phrases) {
      phrase.words.forEach((word, at) => {
        const place = { row, code, phrase, at, qualifiers };
        const list = byFirstWord.get(word);
        if (list === undefined) byFirstWord.set(word, [place]);
        else list.push(place);
      });
    }
  }
  return {
    source,
    // The same names are asked on every keystroke: each one's hits are remembered.
    find: memoize((name) => {
      const words = nameWords(name);
      if (words.length === 0) return [];
      const best = new Map<DescriptorRow, DescriptorHit>();
      for (const { row, code, phrase, at, qualifiers } of byFirstWord.get(words[0]!) ?? []) {
        if (!words.every((w, i) => phrase.words[at + i] === w)) continue;
        const fit = phrase.words.length === words.length ? 'exact' : 'within';
        const seen = best.get(row);
        if (seen !== undefined && (seen.fit === 'exact' || fit === 'within')) continue;
        best.set(row, {
          code, descriptor: row.longDescription, added: row.added, terminated: row.terminated, fit, phrase: phrase.text,
          isInParentheses: phrase.isInParentheses, qualifiers,
        });
      }
      return [...best.values()];
    }),
  };
}
