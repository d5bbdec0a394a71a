/**
 * The PDF packet's font in the browser: DejaVu Sans from the dejavu-fonts-ttf package, emitted by
 * Vite as an asset (not inlined into any script) and fetched the first time a PDF is built.
 */
import fontUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?url';
import type { FontSource } from '../../core/export/pdf/packet';

let bytes: Promise<Uint8Array> | undefined;

/** Fetches the font once per page load. */
export const browserFont: FontSource = () => {
  bytes ??= fetch(fontUrl).then(async (response) => {
    if (!response.ok) throw new Error(`The PDF font could not be loaded (${response.status}). Reload the page and export again.`);
    return new Uint8Array(await response.arrayBuffer());
  });
  return bytes;
};
