/**
 * The attachments of the PDF claim packet: a manifest page listing every attached file with its
 * SHA-256 and where it is in the packet, then the files themselves: PDF pages appended as they are,
 * PNG and JPEG images placed on pages. A file that was not given, cannot be read or has another type
 * is listed with the reason and left out; a file whose SHA-256 is not the one the claim lists is
 * flagged.
 */
import type { PDFDocument, PDFFont, PDFImage } from 'pdf-lib';
import { PDFDocument as Pdf } from 'pdf-lib';
import type { ManifestEntry } from '../json-packet';
import { MARGIN, PAGE_SIZE, PageWriter, printableText } from './layout';
import { formatCount } from '../../format';
import { DOCUMENT_KIND_NAMES } from '../../packet/labels';

/** The bytes of one attachment, its media type, and the SHA-256 of the bytes (hex) as the caller computed it. */
export interface AttachmentFile {
  readonly bytes: Uint8Array;
  readonly mediaType: string;
  readonly sha256: string;
}

/** An attachment the caller leaves out, and why ("its name is a path: …"), listed in the manifest. */
export interface LeftOutFile {
  readonly reason: string;
}

/** How an attachment goes into the packet: its pages in a loaded PDF, an image, or why it is left out. */
type Placement =
  | { readonly kind: 'pdf'; readonly source: PDFDocument; readonly pages: number }
  | { readonly kind: 'image'; readonly image: PDFImage; readonly pages: 1 }
  | { readonly kind: 'left-out'; readonly reason: string; readonly pages: 0 };

interface Loaded {
  readonly placement: Placement;
  /** SHA-256 of the file given (hex), `null` when no file was given. */
  readonly sha256: string | null;
}

/** A SHA-256 in hexadecimal fits on one line at this size. */
const HASH_SIZE = 8;

async function place(doc: PDFDocument, file: AttachmentFile): Promise<Placement> {
  const type = file.mediaType.toLowerCase();
  try {
    if (type === 'application/pdf') {
      const source = await Pdf.load(file.bytes, { updateMetadata: false });
      return { kind: 'pdf', source, pages: source.getPageCount() };
    }
    if (type === 'image/png' || type === 'image/jpeg') {
      return { kind: 'image', image: type === 'image/png' ? await doc.embedPng(file.bytes) : await doc.embedJpg(file.bytes), pages: 1 };
    }
  } catch (error) {
    const isLocked = error instanceof Error && /encrypt/i.test(error.message);
    return { kind: 'left-out', reason: isLocked ? 'Not included: the PDF is password-protected. Attach an unprotected copy.' : 'Not included: the file cannot be read; it may be damaged.', pages: 0 };
  }
  return { kind: 'left-out', reason: `Not included: files of type ${file.mediaType} cannot be placed in a PDF. Attach it as PDF, PNG or JPEG.`, pages: 0 };
}

async function load(doc: PDFDocument, file: AttachmentFile | LeftOutFile | undefined): Promise<Loaded> {
  if (file === undefined) return { placement: { kind: 'left-out', reason: 'Not included: the file was not given with this export.', pages: 0 }, sha256: null };
  if ('reason' in file) return { placement: { kind: 'left-out', reason: `Not included: ${file.reason}.`, pages: 0 }, sha256: null };
  return { placement: await place(doc, file), sha256: file.sha256.toLowerCase() };
}

function writeManifest(w: PageWriter, entries: readonly ManifestEntry[], loaded: readonly Loaded[], firstPage: number): void {
  w.newPage();
  w.heading('Attachment manifest', 16);
  if (entries.length === 0) w.paragraph('No files are attached to this claim.');
  let page = firstPage;
  entries.forEach((entry, i) => {
    const { placement, sha256 } = loaded[i]!;
    w.heading(`${i + 1}. ${entry.name ?? 'Unnamed file'}`);
    w.row('Kind', entry.kind === null ? 'not given' : DOCUMENT_KIND_NAMES[entry.kind]);
    w.row('Media type', entry.mediaType ?? 'not given');
    w.row('Size', entry.size === null ? 'not given' : `${formatCount(entry.size)} bytes`);
    w.row('SHA-256', entry.sha256 ?? 'not recorded', HASH_SIZE);
    if (sha256 !== null && sha256 !== entry.sha256) {
      w.row('File given', 'Its SHA-256 differs: it is not the file the claim lists. Its SHA-256:');
      w.row('', sha256, HASH_SIZE);
    }
    w.row('In this packet', placement.kind === 'left-out' ? placement.reason : placement.pages === 1 ? `Page ${page}` : `Pages ${page} to ${page + placement.pages - 1}`);
    page += placement.pages;
  });
}

async function append(doc: PDFDocument, font: PDFFont, name: string, placement: Placement): Promise<void> {
  if (placement.kind === 'pdf') {
    for (const page of await doc.copyPages(placement.source, placement.source.getPageIndices())) doc.addPage(page);
  } else if (placement.kind === 'image') {
    const page = doc.addPage(PAGE_SIZE);
    const [width, height] = PAGE_SIZE;
    const top = height - MARGIN;
    page.drawText(printableText(font, name), { x: MARGIN, y: top - 10, size: 10, font });
    const { image } = placement;
    const scale = Math.min(1, (width - 2 * MARGIN) / image.width, (top - 24 - MARGIN) / image.height);
    const w = image.width * scale, h = image.height * scale;
    page.drawImage(image, { x: (width - w) / 2, y: top - 24 - h, width: w, height: h });
  }
}

/**
 * Writes the manifest page(s) and appends the attachments after them. `files` holds the bytes by
 * attachment id; entries without a file are listed as not included.
 */
export async function writeAttachments(doc: PDFDocument, font: PDFFont, entries: readonly ManifestEntry[], files: ReadonlyMap<string, AttachmentFile | LeftOutFile>): Promise<void> {
  const loaded = await Promise.all(entries.map((e) => load(doc, e.id === null ? undefined : files.get(e.id))));
  // The manifest gives the page of each file, so first count the pages the manifest itself takes.
  const dryRun = new PageWriter(doc, font, true);
  writeManifest(dryRun, entries, loaded, 0);
  writeManifest(new PageWriter(doc, font), entries, loaded, doc.getPageCount() + dryRun.pageCount + 1);
  for (const [i, file] of loaded.entries()) await append(doc, font, entries[i]!.name ?? '', file.placement);
}
