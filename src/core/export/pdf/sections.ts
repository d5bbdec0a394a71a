/**
 * The written pages of the PDF claim packet, a document for the payer: the cover (the claim's
 * facts), one section per drug (product, code billed and why, administration, medical necessity,
 * invoice, waste record, prior authorization), the service lines as they go on the claim form and
 * the documentation checklist with its published sources; and, last, a page of notes for the
 * billing office (payment estimate, how each code was chosen, warnings, reference data used),
 * titled as not part of the claim. Every value comes from the evaluation or the packet, formatted once (claim-facts.ts).
 */
import type { ChecklistItem } from '../../checklist';
import type { Evaluation } from '../../evaluate';
import { formatDate } from '../../format';
import type { ClaimFactSheet, DrugFactSheet, FactRow } from '../claim-facts';
import { drugTitle } from '../claim-facts';
import type { ClaimFormStrings } from '../export-claim';
import { SEE_ATTACHMENT } from '../export-claim';
import type { ReferenceVersion } from '../json-packet';
import type { ClaimPacket } from '../../packet/schema';
import { paymentText } from '../../reference-data/payment';
import { citation } from '../../sources';
import type { PageWriter } from './layout';

const rows = (w: PageWriter, facts: readonly FactRow[]) => {
  for (const [label, value] of facts) w.row(label, value);
};

/** The cover: what the claim is, and each drug with the lines it is billed on. */
export function writeCover(w: PageWriter, facts: ClaimFactSheet, exportedAt: string): void {
  w.newPage();
  w.heading('Claim documentation: drugs billed', 16);
  w.paragraph(`Prepared ${formatDate(exportedAt.slice(0, 10))}.`, { muted: true });
  w.heading('The claim');
  rows(w, facts.claim);
  w.heading('Drugs on this claim');
  for (const drug of facts.drugs) {
    w.row(`Drug ${drug.index + 1}`, drug.name);
    w.row('Billed as', drug.code.lines === '' ? drug.code.billed : `${drug.code.lines} (${drug.code.billed})`);
  }
}

/** One drug: the product, the code and why, then the records a reviewer asks for. */
export function writeDrug(w: PageWriter, drug: DrugFactSheet): void {
  w.newPage();
  w.heading(drug.title, 16);
  w.heading('Product');
  rows(w, drug.product);
  w.heading('Code billed');
  w.row('Code', drug.code.billed);
  if (drug.code.lines !== '') w.row('Lines', drug.code.lines);
  w.heading('Administration');
  rows(w, drug.administration);
  w.heading('Medical necessity');
  rows(w, drug.necessity);
  if (drug.invoice !== null) {
    w.heading('Invoice');
    rows(w, drug.invoice);
  }
  w.heading('Waste record');
  rows(w, drug.waste);
  if (drug.priorAuth !== null) {
    w.heading('Prior authorization');
    rows(w, drug.priorAuth);
  }
}

/**
 * The last page, for the people who send the claim: what the claim may pay, the warnings still
 * standing, and the reference data the checks used. Titled as not part of the claim.
 */
export function writeOfficeNotes(w: PageWriter, facts: ClaimFactSheet, evaluation: Evaluation, exportedAt: string, reference: readonly ReferenceVersion[]): void {
  w.newPage();
  w.heading('Notes for the billing office (not part of the claim)', 16);
  w.paragraph(`Exported ${formatDate(exportedAt.slice(0, 10))} ${exportedAt.slice(11, 16)} UTC. This page is for the office that sends the claim.`, { muted: true });
  w.heading('Payment estimate');
  if (evaluation.payment.length === 0) w.paragraph('None: no drug is entered.');
  for (const estimate of evaluation.payment) {
    w.row(`Drug ${estimate.drugIndex + 1}`, paymentText(estimate));
    w.paragraph(estimate.explanation, { indent: 150 });
    for (const note of estimate.notes) w.paragraph(`• ${note}`, { indent: 150, muted: true });
  }
  w.heading('How each code was chosen');
  for (const drug of facts.drugs) {
    w.row(`Drug ${drug.index + 1}`, drug.code.billed);
    for (const reason of drug.code.reasons) w.paragraph(`• ${reason}`, { indent: 150 });
  }
  w.heading('Payer profile');
  w.paragraph(evaluation.profile === undefined ? 'None chosen.' : `${evaluation.profile.name} (${evaluation.profile.source}).`);
  const warnings = evaluation.findings.filter((f) => f.severity === 'warn');
  if (warnings.length > 0) {
    w.heading('Warnings at export');
    for (const f of warnings) w.paragraph(`• ${f.message}`);
  }
  w.heading('Reference data used');
  if (reference.length === 0) w.paragraph('None imported: codes, diagnoses and prices were checked against the built-in data only.');
  for (const r of reference) w.row(r.kind, r.label);
}

/** A box of the claim form: its name and what it holds. */
type Box = readonly [name: string, value: string];

/** The service lines exactly as they go on the CMS-1500 or the UB-04, then Item 19 or FL80. */
export function writeServiceLines(w: PageWriter, form: ClaimFormStrings): void {
  const lines: readonly { line: number; boxes: readonly Box[] }[] = form.form === 'UB-04'
    ? form.lines.map((l) => ({
      line: l.line,
      boxes: [['FL42 revenue code', l.fl42], ['FL43 NDC', l.fl43], ['FL44 HCPCS and modifiers', l.fl44], ['FL46 units', l.fl46], ['Remarks for this line', l.description]],
    }))
    : form.lines.map((l) => ({
      line: l.line,
      boxes: [['24A shaded (NDC)', l.item24AShaded], ['24D code and modifiers', l.item24D], ['24G units', l.item24G], ['Description (SV101-7)', l.description]],
    }));
  const [claimBox, claimText] = form.form === 'UB-04' ? ['FL80 remarks', form.fl80] : ['Item 19', form.item19];
  w.newPage();
  w.heading(`Service lines as they go on the ${form.form}`, 16);
  for (const l of lines) {
    w.heading(`Line ${l.line}`);
    for (const [name, value] of l.boxes) w.row(name, value);
  }
  w.heading(claimBox);
  w.paragraph(claimText);
  if (claimText.endsWith(SEE_ATTACHMENT)) {
    w.paragraph('The descriptions do not fit in the box together: it reads SEE ATTACHMENT, and this packet, with each line\'s description above, is the attachment.', { muted: true });
  }
}

const STATUS: Record<ChecklistItem['status'], string> = { done: 'Done', missing: 'Missing', 'not-needed': 'Not needed' };
const REQUIREMENT: Record<ChecklistItem['requirement'], string> = { required: 'required', conditional: 'required for this claim', 'not-needed': 'not needed' };


/** The documentation checklist: each item's state, why it is needed (or not), and its source. */
export function writeChecklist(w: PageWriter, packet: ClaimPacket, evaluation: Evaluation): void {
  w.newPage();
  w.heading('Documentation checklist', 16);
  const groups = new Map<number | null, ChecklistItem[]>();
  for (const item of evaluation.checklist) groups.set(item.drugIndex, [...(groups.get(item.drugIndex) ?? []), item]);
  for (const [drugIndex, items] of groups) {
    w.heading(drugIndex === null ? 'The claim' : drugTitle(packet.drugs?.[drugIndex], drugIndex));
    for (const item of items) {
      w.paragraph(`${STATUS[item.status]}: ${item.label} (${REQUIREMENT[item.requirement]})`);
      w.paragraph(item.missing === null ? item.reason : `${item.reason} Still to do: ${item.missing}.`, { indent: 14 });
      const cited = citation(item.source);
      if (cited !== undefined) w.paragraph(`Source: ${cited}`, { indent: 14, muted: true, size: 8 });
      w.gap(3);
    }
  }
}
