/**
 * 837 fragments: the service-line segments of an exportable claim, for a clearinghouse or a
 * practice-management system to place in its own claim. This is NOT a full interchange: there is no
 * ISA/GS/ST envelope, no submitter, receiver, subscriber or billing-provider loop, no CLM or HI
 * segment; the system that sends the claim writes those (billing-rules §9, §10).
 *
 * 837P (005010X222A1), per line (loop 2400, then 2410):
 *   LX, SV1 (HC:code:mod1..mod4:description in SV101-7, none for the drug's own code; charge, UN,
 *   units, pointers in SV107),
 *   DTP*472 (date of service), REF*G1 (prior authorization), NTE*ADD (only when the payer profile
 *   puts the description there), LIN**N4*NDC, CTP****quantity*unit.
 * 837I (005010X223A2): claim-level (2300) NTE*ADD remarks for each C9399 line and REF*G1, then per
 *   line LX, SV2 (0636, HC composite with SV202-7, charge, UN, units), DTP*472, LIN, CTP.
 *
 * The packet carries no line charge, so SV102/SV203 are 0 for the sending system to fill in.
 */
import type { EvaluatedClaim, ExportClaim, ExportLine, Exported } from './export-claim';
import { DRUG_REVENUE_CODE, readCompleteClaim } from './export-claim';

/** Delimiters of the receiving system; each a single character, all different. */
export interface X12Delimiters {
  readonly element: string;
  readonly component: string;
  readonly segment: string;
}

/** The X12 defaults: `*` between elements, `:` between components, `~` after each segment. */
export const DEFAULT_DELIMITERS: X12Delimiters = { element: '*', component: ':', segment: '~' };

/** The segments of the fragment, each ending with the segment terminator. */
export interface X12Fragment {
  readonly transaction: '837P' | '837I';
  readonly segments: readonly string[];
}

/** An element: plain text, or the components of a composite. */
type Element = string | readonly string[];

/** Longest SV101-7 / SV202-7 / NTE02 text. */
const MAX_TEXT = 80;
/** Diagnosis pointers on one line (SV107-1..4). */
const MAX_POINTERS = 4;
const C9399 = 'C9399';

const trimEnd = (values: readonly string[]) => {
  let end = values.length;
  while (end > 0 && values[end - 1] === '') end--;
  return values.slice(0, end);
};

function delimiterProblems(d: X12Delimiters): string[] {
  const chars = [d.element, d.component, d.segment];
  if (chars.some((c) => c.length !== 1 || /[A-Za-z0-9 ]/.test(c))) {
    return ['Each 837 delimiter must be one character that is not a letter, a digit or a space.'];
  }
  return new Set(chars).size === 3 ? [] : ['The element separator, the component separator and the segment terminator must all be different.'];
}

/** Writes segments, refusing a value that contains one of the delimiters. */
class SegmentWriter {
  readonly segments: string[] = [];
  readonly problems: string[] = [];
  private readonly d: X12Delimiters;

  constructor(delimiters: X12Delimiters) {
    this.d = delimiters;
  }

  add(id: string, ...elements: Element[]): void {
    const written = elements.map((e) => (typeof e === 'string' ? this.value(e) : trimEnd(e.map((c) => this.value(c))).join(this.d.component)));
    this.segments.push(trimEnd([id, ...written]).join(this.d.element) + this.d.segment);
  }

  private value(text: string): string {
    const found = [this.d.element, this.d.component, this.d.segment].find((c) => text.includes(c));
    if (found !== undefined) {
      this.problems.push(`"${text}" contains "${found}", which this 837 uses as a delimiter. Choose other delimiters for the receiving system.`);
    }
    return text;
  }
}

function x12Date(iso: string): string {
  return iso.replace(/-/g, '');
}

function longText(line: ExportLine): string[] {
  const text = line.narrative ?? '';
  return text.length <= MAX_TEXT ? [] : [`Line ${line.number}: the description has ${text.length} characters; an 837 holds ${MAX_TEXT}. Shorten it in the payer profile or the drug description.`];
}

/** The code composite: HC, code, up to four modifiers, then the description in position 7 (none for the drug's own code). */
function procedure(line: ExportLine): string[] {
  const modifiers = [...line.modifiers!, '', '', '', ''].slice(0, 4);
  return ['HC', line.code!, ...modifiers, line.narrative ?? ''];
}

function drugIdentification(w: SegmentWriter, line: ExportLine): void {
  if (line.ndc === null) return;
  w.add('LIN', '', 'N4', line.ndc.ndc11);
  w.add('CTP', '', '', '', line.ndc.quantity, [line.ndc.unit]);
}

function professional(w: SegmentWriter, claim: ExportClaim): void {
  const pointers = claim.diagnoses.slice(0, MAX_POINTERS).map((_, i) => String(i + 1));
  for (const line of claim.lines) {
    w.add('LX', String(line.number));
    w.add('SV1', procedure(line), '0', 'UN', String(line.units), '', '', pointers);
    w.add('DTP', '472', 'D8', x12Date(claim.serviceDate));
    if (line.priorAuthNumber !== null) w.add('REF', 'G1', line.priorAuthNumber);
    if (claim.profile.narrativePlacement === 'NTE' && line.narrative !== null) w.add('NTE', 'ADD', line.narrative);
    drugIdentification(w, line);
  }
}

function institutional(w: SegmentWriter, claim: ExportClaim): void {
  for (const remarks of new Set(claim.lines.filter((l) => l.code === C9399).map((l) => l.narrative!))) w.add('NTE', 'ADD', remarks);
  const priorAuth = claim.lines.find((l) => l.priorAuthNumber !== null)?.priorAuthNumber;
  if (priorAuth != null) w.add('REF', 'G1', priorAuth);
  for (const line of claim.lines) {
    w.add('LX', String(line.number));
    w.add('SV2', DRUG_REVENUE_CODE, procedure(line), '0', 'UN', String(line.units));
    w.add('DTP', '472', 'D8', x12Date(claim.serviceDate));
    drugIdentification(w, line);
  }
}

/**
 * The 837P (CMS-1500 claims) or 837I (UB-04 claims) service-line fragment of an exportable claim;
 * refused when the claim is not exportable, a value is missing or too long, or a value contains a
 * delimiter.
 */
export function x12Fragment(evaluation: EvaluatedClaim, delimiters: X12Delimiters = DEFAULT_DELIMITERS): Exported<X12Fragment> {
  const bad = delimiterProblems(delimiters);
  if (bad.length > 0) return { ok: false, problems: bad };
  const read = readCompleteClaim(evaluation);
  if (!read.ok) return read;
  const claim = read.value;
  const tooLong = claim.lines.flatMap(longText);
  if (tooLong.length > 0) return { ok: false, problems: tooLong };
  const w = new SegmentWriter(delimiters);
  if (claim.form === 'UB-04') institutional(w, claim);
  else professional(w, claim);
  if (w.problems.length > 0) return { ok: false, problems: [...new Set(w.problems)] };
  return { ok: true, value: { transaction: claim.form === 'UB-04' ? '837I' : '837P', segments: w.segments } };
}
