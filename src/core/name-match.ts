/**
 * The name check (billing-rules §1 row 1): a drug whose NDC no crosswalk lists may still have a
 * code of its own. The drug's generic name, and its brand name where descriptors carry one
 * (biosimilars: "(kanjinti)"; skin substitutes are named by brand alone), is looked up in the long
 * descriptors of the HCPCS drug codes (the index of name-index.ts, built once per HCPCS file), and
 * each code found is read against the drug and the date of service:
 * - in force on the date: added on or before it, not ended before it (else set aside, saying so);
 * - C codes only on a hospital outpatient or ASC claim;
 * - "excludes biosimilar(s)" is not for a biosimilar; "biosimilar" is not for a drug that is not one;
 * - "compounded" is for compounded drugs only, "non-compounded" for the others;
 * - a route the descriptor names ("oral", "injection", "inhalation") must be the drug's;
 * - "not therapeutically equivalent to <brand>" is not for that brand;
 * - words in parentheses name a product (a brand or a manufacturer: "(fresenius kabi)"): when one
 *   code's names the drug's brand or its labeler, the codes of other products and the code it is
 *   "not therapeutically equivalent to" are set aside.
 * A descriptor naming the drug among more words ("dexamethasone sodium phosphate" for
 * "dexamethasone") counts only when none names it exactly. Every code left is listed: the biller
 * picks the one that fits (strength, form, route, patient) or sets them aside with the reason.
 */
import type { HcpcsCode } from './codes';
import { allowsCCodes, isCompounded } from './code-rules';
import type { DrugContext } from './context';
import type { IsoDate } from './dates';
import { dayOf, usDate } from './dates';
import type { Route } from './packet/schema';
import type { DescriptorHit, DescriptorNames, SetAsideCode, SpecificCode } from './reference';
import { memoizeBy } from './memo';
import { nameWords } from './reference-data/name-index';

/** A code whose HCPCS descriptor names the drug and that may be its code on the date of service. */
export interface NameMatch {
  readonly code: HcpcsCode;
  readonly descriptor: string;
  /** The drug's name the descriptor carries, as entered: "ravulizumab-cwvz", "Kanjinti". */
  readonly name: string;
  /** What to check on the label before billing it; empty when the descriptor names the drug as entered. */
  readonly notes: readonly string[];
}

export interface NameCheck {
  /** "CMS HCPCS Level II file, October 2025". */
  readonly source: string;
  /** The names looked for (generic, then brand), as entered. */
  readonly names: readonly string[];
  /** The codes that may be the drug's own on the date, best first. */
  readonly matches: readonly NameMatch[];
  /** Codes that name the drug but do not apply, each with why. */
  readonly setAside: readonly SetAsideCode[];
}

const sameWords = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((w, i) => w === b[i]);
/** "fresenius kabi" names "Fresenius Kabi USA, LLC"; "par pharm" names "Par Pharmaceutical, Inc.". */
const namesLabeler = (words: readonly string[], labeler: readonly string[]) => words.length > 0 && words.every((w, i) => labeler[i]?.startsWith(w) === true);

interface Found {
  readonly hit: DescriptorHit;
  readonly name: string;
  readonly isBrand: boolean;
}

const when = (iso: IsoDate) => usDate(dayOf(iso));
const codeText = (hit: DescriptorHit) => `${hit.code} (${hit.descriptor})`;

/** The hits of one code on the date: its row in force, else why none is. */
function inForce(rows: readonly Found[], date: string): Found | SetAsideCode {
  const current = rows.find((f) => f.hit.added <= date && (f.hit.terminated === null || date <= f.hit.terminated));
  if (current !== undefined) return current;
  const later = rows.find((f) => date < f.hit.added);
  const { hit, name } = later ?? rows[rows.length - 1]!;
  // Not in force and not added later: it ended before the date.
  const ended = later === undefined ? hit.terminated : null;
  return {
    code: hit.code,
    why: ended === null
      ? `${codeText(hit)} names ${name} but was added on ${when(hit.added)}, after the date of service`
      : `${codeText(hit)} names ${name} but ended on ${when(ended)}, before the date of service`,
  };
}

/** What the name check reads of a drug and its claim: plain values, so that a check is remembered by them. */
interface Drug {
  readonly genericName: string;
  readonly brandName: string;
  readonly date: string;
  readonly route: Route | undefined;
  readonly isBiosimilar: boolean | undefined;
  readonly isCompounded: boolean;
  readonly allowsCCodes: boolean;
  /** The NDC's labeler, when a code's parentheses may name it ('' when unknown). */
  readonly labeler: string;
}

/** Why a code in force does not fit the drug, from what its descriptor says; `undefined` when it may. */
function misfit(drug: Drug, found: Found, brand: readonly string[]): string | undefined {
  const { hit } = found;
  const q = hit.qualifiers;
  if (q.excludesBiosimilar && drug.isBiosimilar === true) return `${hit.code} excludes biosimilars, and this drug is a biosimilar`;
  if (q.isBiosimilar && drug.isBiosimilar === false) return `${hit.code} is for a biosimilar, and this drug is not one`;
  if (q.compounded === true && !drug.isCompounded) return `${hit.code} is for a compounded product, and this drug is not compounded`;
  if (q.compounded === false && drug.isCompounded) return `${hit.code} is for a non-compounded product, and this drug is compounded`;
  if (q.routes !== undefined && drug.route !== undefined && drug.route !== 'other' && !q.routes.includes(drug.route)) {
    return `${codeText(hit)} is not for a drug given by the ${drug.route} route`;
  }
  if (brand.length > 0 && q.notEquivalentTo.some((t) => sameWords(nameWords(t), brand))) return `${hit.code} is not therapeutically equivalent to ${drug.brandName}, this drug`;
  return undefined;
}

/** The product a code's parentheses name is this drug's: its brand, or its labeler. */
function namesThisProduct(found: Found, brand: readonly string[], labeler: readonly string[]): boolean {
  if (found.isBrand) return true;
  return found.hit.qualifiers.parentheses.some((p) => {
    const words = nameWords(p);
    return (brand.length > 0 && sameWords(words, brand)) || namesLabeler(words, labeler);
  });
}

/** The names entered for the drug, generic first, a brand that only repeats the generic name left out. */
function namesOf(drug: Drug): { name: string; isBrand: boolean }[] {
  const { genericName: generic, brandName: brand } = drug;
  const out: { name: string; isBrand: boolean }[] = [];
  if (nameWords(generic).length > 0) out.push({ name: generic, isBrand: false });
  if (nameWords(brand).length > 0 && !sameWords(nameWords(brand), nameWords(generic))) out.push({ name: brand, isBrand: true });
  return out;
}

/** The check of one drug against the descriptors that carry its names. */
function readHits(index: DescriptorNames, drug: Drug): NameCheck {
  const names = namesOf(drug);
  const byCode = new Map<string, Found[]>();
  for (const { name, isBrand } of names) {
    for (const hit of index.find(name)) {
      if (hit.code.startsWith('C') && !drug.allowsCCodes) continue;
      const rows = byCode.get(hit.code) ?? [];
      const same = rows.findIndex((f) => f.hit.added === hit.added);
      if (same === -1) rows.push({ hit, name, isBrand });
      else if (rows[same]!.hit.fit === 'within' && hit.fit === 'exact') rows[same] = { hit, name, isBrand };
      byCode.set(hit.code, rows);
    }
  }
  const brand = nameWords(drug.brandName);
  const labeler = nameWords(drug.labeler);
  const setAside: SetAsideCode[] = [];
  let candidates: Found[] = [];
  for (const rows of byCode.values()) {
    const current = inForce([...rows].sort((a, b) => a.hit.added.localeCompare(b.hit.added)), drug.date);
    if ('why' in current) { setAside.push(current); continue; }
    const why = misfit(drug, current, brand);
    if (why === undefined) candidates.push(current);
    else setAside.push({ code: current.hit.code, why });
  }
  const own = candidates.filter((f) => namesThisProduct(f, brand, labeler));
  if (own.length > 0) {
    const notEquivalent = new Set(own.flatMap((f) => f.hit.qualifiers.notEquivalentTo));
    const ownCodes = own.map((f) => f.hit.code).join(', ');
    for (const f of candidates) {
      if (own.includes(f)) continue;
      const code = f.hit.code;
      if (f.hit.qualifiers.parentheses.length > 0) setAside.push({ code, why: `${codeText(f.hit)} is for another product than this drug's, whose own is ${ownCodes}` });
      else if (notEquivalent.has(code.toLowerCase())) setAside.push({ code, why: `${code} is for another product: this drug's, ${ownCodes}, is not therapeutically equivalent to it` });
    }
    candidates = candidates.filter((f) => own.includes(f) || (f.hit.qualifiers.parentheses.length === 0 && !notEquivalent.has(f.hit.code.toLowerCase())));
  }
  if (candidates.some((f) => f.hit.fit === 'exact')) candidates = candidates.filter((f) => f.hit.fit === 'exact');
  const rank = (f: Found) => (own.includes(f) ? 0 : 2) + (f.hit.fit === 'exact' ? 0 : 1);
  const matches = candidates.sort((a, b) => rank(a) - rank(b) || a.hit.code.localeCompare(b.hit.code)).map((f): NameMatch => ({
    code: f.hit.code, descriptor: f.hit.descriptor, name: f.name,
    notes: [
      ...(f.hit.fit === 'within' ? [`its descriptor names ${f.name} within "${f.hit.phrase}": check the salt, form and strength on the label`] : []),
      ...(own.includes(f) ? [] : f.hit.qualifiers.parentheses.map((p) => `its descriptor adds "(${p})": check it against the label`)),
    ],
  }));
  return { source: index.source, names: names.map((n) => n.name), matches, setAside };
}

/** Checks remembered per index, by what they read: the wizard evaluates the same drug on every keystroke. */
const remembered = new WeakMap<DescriptorNames, (drug: Drug) => NameCheck>();
const keyOf = (d: Drug) => [d.genericName, d.brandName, d.date, d.route, d.isBiosimilar, d.isCompounded, d.allowsCCodes, d.labeler].join('\u0001');

/**
 * Looks the drug's names up in the HCPCS descriptors; `undefined` without a HCPCS file or a valid
 * date of service (nothing could be checked).
 */
export function checkNames(ctx: DrugContext): NameCheck | undefined {
  const index = ctx.reference.descriptorNames();
  const date = ctx.dateOfService;
  if (index === undefined || date === undefined) return undefined;
  const genericName = ctx.drug.genericName?.trim() ?? '', brandName = ctx.drug.brandName?.trim() ?? '';
  // The labeler is looked up only when a code's parentheses may name it.
  const ndc11 = ctx.ndc?.ndc11;
  const labelerNdc = ndc11 !== undefined && [genericName, brandName].some((n) => index.find(n).some((h) => h.qualifiers.parentheses.length > 0)) ? ndc11 : undefined;
  const drug: Drug = {
    genericName, brandName, date, route: ctx.drug.route, isBiosimilar: ctx.drug.isBiosimilar, isCompounded: isCompounded(ctx), allowsCCodes: allowsCCodes(ctx),
    labeler: labelerNdc === undefined ? '' : ctx.reference.drugFacts(labelerNdc)?.labeler ?? '',
  };
  let check = remembered.get(index);
  if (check === undefined) remembered.set(index, (check = memoizeBy((d: Drug) => readHits(index, d), keyOf)));
  return check(drug);
}

/** A code the name check found, as the decision bills it: its billing unit comes from its descriptor. */
export function matchedCode(match: NameMatch, source: string): SpecificCode {
  return { code: match.code, descriptor: match.descriptor, source: `${source}: its descriptor names ${match.name}` };
}
