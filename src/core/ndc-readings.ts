/**
 * A bare 10-digit NDC has three possible readings (4-4-2, 5-3-2, 5-4-1; billing-rules §2). The
 * reference data often know which one is a product: the built-in catalogue or the FDA NDC Directory
 * (drug facts), or a CMS crosswalk (a code of its own, a NOC payment limit). The finding names the
 * product of each reading known, and offers every reading as an action that sets the NDC, the
 * known ones first.
 */
import type { DrugContext } from './context';
import type { NdcCandidate } from './ndc';
import type { Finding, FindingAction } from './rules';
import { finding, withActions } from './rules';

/** What the reference data know of one reading: the product's name, and where it comes from. */
interface KnownReading {
  readonly candidate: NdcCandidate;
  /** "Marcaine, bupivacaine hydrochloride" (or the code CMS lists it under). */
  readonly product: string;
  /** "Marcaine, bupivacaine hydrochloride, 150 mg/30 mL (built-in catalogue of the wizard)". */
  readonly described: string;
}

function knownReading(ctx: DrugContext, candidate: NdcCandidate): KnownReading | undefined {
  const { ndc11 } = candidate.ndc;
  const facts = ctx.reference.drugFacts(ndc11);
  const names = [facts?.brandName, facts?.genericName].filter((n): n is string => n !== undefined && n.trim() !== '').join(', ');
  if (facts !== undefined && names !== '') {
    const source = facts.sources[0]?.replace(/[:.]$/, '') ?? '';
    return { candidate, product: names, described: `${names}${facts.strength === undefined ? '' : `, ${facts.strength}`}${source === '' ? '' : ` (${source})`}` };
  }
  if (ctx.dateOfService === undefined) return undefined;
  const codes = ctx.reference.crosswalkCodes(ndc11, ctx.dateOfService)?.codes ?? [];
  if (codes.length > 0) {
    const listed = codes.map((c) => `${c.code} (${c.descriptor})`).join(', ');
    return { candidate, product: `listed under ${codes.map((c) => c.code).join(', ')}`, described: `listed under ${listed} in the ${codes[0]!.source}` };
  }
  if (ctx.reference.hasNocPrice(ndc11, ctx.dateOfService) === true) {
    return { candidate, product: 'priced by CMS', described: 'priced in the CMS NOC payment-limit file' };
  }
  return undefined;
}

/** The `ndc.ten-digits` finding of a drug: its readings, what is known of each, and an action per reading. */
export function tenDigitFinding(ctx: DrugContext, message: string, candidates: readonly NdcCandidate[]): Finding {
  const path = `${ctx.base}.ndc.input`;
  const known = candidates.map((c) => knownReading(ctx, c)).filter((k): k is KnownReading => k !== undefined);
  const unknown = candidates.filter((c) => !known.some((k) => k.candidate === c));
  const told = known.length === 0 ? ''
    : ` Of its ${candidates.length} possible readings, ${known.map((k) => `${k.candidate.typed} is ${k.described}`).join('; ')}${unknown.length === 0 ? '' : `; ${unknown.length === 1 ? 'the other is' : 'the others are'} not a product the wizard knows`}. Check it against the label.`;
  const use = (candidate: NdcCandidate, what: string): FindingAction =>
    ({ kind: 'use-ndc', drugIndex: ctx.index, ndc: candidate.typed, label: `Use ${candidate.typed} (${what})` });
  return withActions(finding('ndcTenDigits', path, { message: `${message}${told}` }), [
    ...known.map((k) => use(k.candidate, k.product)),
    ...unknown.map((c) => use(c, `${c.layout}${known.length === 0 ? '' : ', not a known product'}`)),
  ]);
}
