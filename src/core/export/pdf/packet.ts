/**
 * The PDF claim packet, a document for the payer: the cover with the claim's facts, a section per
 * drug (administration, medical necessity, invoice, waste record), the service lines as they go on
 * the claim form, the documentation checklist, the attachment manifest, then every attachment; last,
 * a page of notes for the billing office, titled as not part of the claim. The claim reference and
 * the page number are at the foot of every page. pdf-lib is heavy: the app loads this module only when
 * the biller exports (`await import('…/features/export/pdf')`), never in the first bundle.
 *
 * The text font is a Unicode TrueType font (DejaVu Sans) whose bytes the caller supplies through a
 * `FontSource`: in the browser `browserFont` (a Vite asset URL), in Node `nodeFont` (the file in
 * node_modules), so that the same function runs in both.
 */
import { PDFDocument } from 'pdf-lib';
import { formatDate } from '../../format';
import type { Evaluation } from '../../evaluate';
import { claimFormStrings } from '../claim-form';
import type { Exported } from '../export-claim';
import type { ReferenceVersion } from '../json-packet';
import { attachmentManifest } from '../json-packet';
import type { ClaimPacket } from '../../packet/schema';
import type { AttachmentFile, LeftOutFile } from './attachments';
import { writeAttachments } from './attachments';
import { drawFooters, embedPacketFont, PageWriter } from './layout';
import { writeChecklist, writeCover, writeDrug, writeOfficeNotes, writeServiceLines } from './sections';
import { claimFactSheet } from '../claim-facts';

export type { AttachmentFile, LeftOutFile } from './attachments';

/** Loads the bytes of the TrueType font the packet is printed in. */
export type FontSource = () => Promise<Uint8Array>;

/** Everything the PDF claim packet is built from. */
export interface PdfPacketInput {
  readonly packet: ClaimPacket;
  readonly evaluation: Evaluation;
  readonly font: FontSource;
  /** The attachment files by attachment id, or why one is left out; attachments without either are listed as not included. */
  readonly attachments: ReadonlyMap<string, AttachmentFile | LeftOutFile>;
  /** ISO date-time of the export, printed on the cover. */
  readonly exportedAt: string;
  /** The reference-data versions the evaluation used. */
  readonly reference: readonly ReferenceVersion[];
}

/** "Patient account ACCT-1007 · Date of service 03/10/2023", printed at the foot of every page. */
function claimReference(packet: ClaimPacket): string {
  return `Patient account ${packet.patient?.accountReference?.trim() ?? ''} · Date of service ${formatDate(packet.dates?.service)}`;
}

/** Builds the PDF claim packet of an exportable claim; refused (with the reasons) when it is not. */
export async function buildPdfPacket(input: PdfPacketInput): Promise<Exported<Uint8Array>> {
  const { packet, evaluation } = input;
  const form = claimFormStrings(evaluation);
  if (!form.ok) return form;
  const doc = await PDFDocument.create();
  const font = await embedPacketFont(doc, await input.font());
  const reference = claimReference(packet);
  doc.setTitle(`NOC claim packet: ${reference}`);
  doc.setCreator('NOC Claim Wizard');
  doc.setProducer('NOC Claim Wizard (pdf-lib)');
  const created = new Date(input.exportedAt);
  if (!Number.isNaN(created.getTime())) doc.setCreationDate(created);
  const w = new PageWriter(doc, font);
  const facts = claimFactSheet(packet, evaluation);
  writeCover(w, facts, input.exportedAt);
  for (const drug of facts.drugs) writeDrug(w, drug);
  writeServiceLines(w, form.value);
  writeChecklist(w, packet, evaluation);
  await writeAttachments(doc, font, attachmentManifest(packet), input.attachments);
  writeOfficeNotes(new PageWriter(doc, font), facts, evaluation, input.exportedAt, input.reference);
  drawFooters(doc, font, reference);
  return { ok: true, value: await doc.save() };
}
