/**
 * The number of pages of a PDF, read with pdf-lib (loaded lazily by the app, with the attachment
 * step: never in the first bundle). A PDF protected by a password is still counted when its page
 * tree can be read; `undefined` when the file cannot be read at all.
 */
import { PDFDocument } from 'pdf-lib';

export async function pdfPageCount(bytes: Uint8Array | ArrayBuffer): Promise<number | undefined> {
  try {
    return (await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false })).getPageCount();
  } catch {
    return undefined;
  }
}
