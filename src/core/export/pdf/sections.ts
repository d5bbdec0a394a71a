/**
 * The written pages of the PDF claim packet: the cover (claim summary, code decision and reasons,
 * payment estimate), the service lines as they go on the claim form, and the documentation
 * checklist. Every value comes from the evaluation (its payer profile, payment estimate and claim-form
 * strings included); nothing is re-derived.
 */
import type { ChecklistItem } from '../../checklist';
import { isBlank } from '../../context';
import { dayNumber, usDate } from '../../dates';
import type { Evaluation } from '../../evaluate';
import type { ClaimFormStrings } from '../export-claim';
import { SEE_ATTACHMENT } from '../export-claim';
import type { ReferenceVersion } from '../json-packet';
import { parseIcd10 } from '../../icd10';
import { parseNdc } from '../../ndc';
import type { ClaimPacket } from '../../packet/schema';
import { paymentText } from '../../reference-data/payment';
import { citation } from '../../sources';
import type { PageWriter } from './layout';

/** `03/10/2023` for a valid ISO date; the text as typed otherwise. */
function readableDate(iso: string | undefined): string {
  const day = dayNumber(iso?.trim());
  return day === undefined ? (iso ?? '') : usDate(day);
}

const text = (value: string | undefined) => value?.trim() ?? '';
const joined = (...parts: (string | undefined)[]) => parts.map(text).filter((p) => p !== '').join(', ');

function providerText(p: { npi?: string; name?: string; credentials?: string } | undefined): string {
  const who = joined(p?.name, p?.credentials);
  return isBlank(p?.npi) ? who : `${who} (NPI ${p!.npi!.trim()})`;
}

/** The cover page: what the claim is, which code and why, and what it may pay. */
export function writeCover(w: PageWriter, packet: ClaimPacket, evaluation: Evaluation, exportedAt: string, reference: readonly ReferenceVersion[]): void {
  w.newPage();
  w.heading('NOC claim packet', 16);
  w.paragraph(`Exported ${exportedAt.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC')} by NOC Claim Wizard.`, { muted: true });
  w.heading('Claim summary');
  w.row('Patient account', text(packet.patient?.accountReference));
  w.row('Date of service', readableDate(packet.dates?.service));
  w.row('Planned submission', readableDate(packet.dates?.plannedSubmission));
  w.row('Care setting', text(packet.careSetting).replace('-', ' '));
  w.row('Payer', text(packet.payer?.name));
  w.row('Payer profile', evaluation.profile?.name ?? '');
  w.row('Claim form', evaluation.decision.form);
  w.row('Billing provider', providerText(packet.providers?.billing));
  w.row('Rendering provider', providerText(packet.providers?.rendering));
  if (packet.providers?.ordering !== undefined) w.row('Ordering provider', providerText(packet.providers.ordering));
  w.row('Diagnoses', (packet.diagnoses ?? []).map((d) => parseIcd10(d.code)?.display ?? text(d.code)).filter((d) => d !== '').join(', '));
  evaluation.drugs.forEach((drugEvaluation) => {
    const drug = packet.drugs?.[drugEvaluation.index];
    const ndc = parseNdc(drug?.ndc?.input);
    const dose = drug?.administration?.dose;
    w.heading(`Drug ${drugEvaluation.index + 1}: ${joined(drug?.brandName, drug?.genericName)}`);
    w.row('NDC', ndc.ok ? ndc.ndc.hyphenated : 'none');
    w.row('Dose given', joined(dose === undefined ? undefined : `${text(dose.value)} ${text(dose.unit)}`, drug?.route, drug?.administration?.frequency));
    w.row('Lot, expiration', joined(drug?.administration?.lot, readableDate(drug?.administration?.expiration)));
    if (drug?.priorAuth?.status === 'approved') w.row('Prior authorization', text(drug.priorAuth.number));
    const d = drugEvaluation.decision;
    w.row('Code decision', `${d.code ?? 'no unclassified code'}${d.descriptor === '' ? '' : `: ${d.descriptor}`}`);
    for (const reason of d.reasons) w.paragraph(`• ${reason}`, { indent: 150 });
  });
  w.heading('Payment estimate');
  if (evaluation.payment.length === 0) w.paragraph('None: no drug is entered.');
  for (const estimate of evaluation.payment) {
    w.row(`Drug ${estimate.drugIndex + 1}`, paymentText(estimate));
    w.paragraph(estimate.explanation, { indent: 150 });
    for (const note of estimate.notes) w.paragraph(`• ${note}`, { indent: 150, muted: true });
  }
  const warnings = evaluation.findings.filter((f) => f.severity === 'warn');
  if (warnings.length > 0) {
    w.heading('Warnings at export');
    for (const f of warnings) w.paragraph(`• ${f.message}`);
  }
  w.heading('Reference data used');
  if (reference.length === 0) w.paragraph('None loaded: codes, diagnoses and prices were not checked against CMS files.');
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
    const drug = drugIndex === null ? undefined : packet.drugs?.[drugIndex];
    w.heading(drugIndex === null ? 'The claim' : `Drug ${drugIndex + 1}: ${joined(drug?.brandName, drug?.genericName)}`);
    for (const item of items) {
      w.paragraph(`${STATUS[item.status]}: ${item.label} (${REQUIREMENT[item.requirement]})`);
      w.paragraph(item.missing === null ? item.reason : `${item.reason} Still to do: ${item.missing}.`, { indent: 14 });
      const cited = citation(item.source);
      if (cited !== undefined) w.paragraph(`Source: ${cited}`, { indent: 14, muted: true, size: 8 });
      w.gap(3);
    }
  }
}
