/**
 * The PDF claim packet: the time to build one for example 05 with three attachment pages (a PNG
 * image and a two-page PDF), how the layout time grows with the length of a long text (linear, not
 * quadratic), and whether pdf-lib stays out of the scripts the app loads first.
 *
 * The bundle check builds the app with Vite (with its manifest) and follows the entry chunk's
 * static imports, which the browser loads before the first screen; pdf-lib must be in none of them
 * (it is recognised by strings its code always carries). Chunks reached only through `import()`
 * load when the biller exports.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { nodeFont } from '../src/cli/node-font';
import { evaluateClaim } from '../src/core/evaluate';
import type { ClaimPacket } from '../src/core/packet/schema';
import { NO_REFERENCE } from '../src/core/reference';
import type { AttachmentFile } from '../src/core/export/pdf/packet';
import { buildPdfPacket } from '../src/core/export/pdf/packet';
import { drawFooters, embedPacketFont, PageWriter } from '../src/core/export/pdf/layout';
import { PDFDocument } from 'pdf-lib';
import { attachmentFile, samplePdf, samplePng } from '../src/test-support/sample-files';
import type { BenchResult } from './report';

const TARGET_MS = 300;
const RUNS = 15;
/** Strings every build of pdf-lib carries (an error message and an option name). */
const PDF_LIB_MARKERS = ['PDFDocument.load', 'ignoreEncryption'];

async function buildTimes(root: string): Promise<{ first: number; median: number }> {
  const packet = JSON.parse(readFileSync(join(root, 'examples/05-briumvi-partial-dose-waste.json'), 'utf8')) as ClaimPacket;
  const evaluation = evaluateClaim(packet, NO_REFERENCE, '2023-03-17');
  const attachments = new Map<string, AttachmentFile>([
    ['att-1', attachmentFile(samplePng(800, 600), 'image/png')],
    ['att-2', attachmentFile(await samplePdf('INVOICE', 2), 'application/pdf')],
  ]);
  const once = async () => {
    const start = performance.now();
    const result = await buildPdfPacket({ packet, evaluation, font: nodeFont, attachments, exportedAt: '2023-03-17T10:15:00.000Z', reference: [] });
    if (!result.ok) throw new Error(`the PDF packet was refused: ${result.problems.join(' ')}`);
    return performance.now() - start;
  };
  const first = await once();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(await once());
  times.sort((a, b) => a - b);
  return { first, median: times[Math.floor(RUNS / 2)]! };
}

/** Sizes of the long-text benchmark, in characters: each twice the one before. */
const LONG_SIZES = [25_000, 50_000, 100_000, 200_000] as const;
/** Time per character at the largest size ÷ at the smallest: 1 is linear, 8 would be quadratic. */
const LINEAR_TARGET = 2;

/**
 * Lays out a text of `chars` characters as the packet lays out what a biller typed: wrapped on the
 * cover (as a label/value row, as a paragraph of words), and as the claim reference at the foot of
 * every page; then writes the file. Returns the median time of 3 runs, in ms.
 */
async function longTextTime(chars: number, word: boolean): Promise<number> {
  const text = word ? 'A'.repeat(chars) : 'infusion '.repeat(Math.ceil(chars / 9)).slice(0, chars);
  const fontBytes = await nodeFont();
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    const doc = await PDFDocument.create();
    const font = await embedPacketFont(doc, fontBytes);
    const w = new PageWriter(doc, font);
    w.row('Patient account', text);
    w.paragraph(text);
    drawFooters(doc, font, `Patient account ${text}`);
    await doc.save();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[1]!;
}

/** How the layout time grows with the length of the text: per character at each size, and the ratio. */
async function longTextScaling(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const [word, what] of [[true, 'one word'], [false, 'words']] as const) {
    await longTextTime(LONG_SIZES[0], word); // warm-up
    const perChar = [];
    for (const size of LONG_SIZES) perChar.push((await longTextTime(size, word)) / size * 1000);
    const ratio = perChar.at(-1)! / perChar[0]!;
    results.push({
      id: `pdf.long-text-${word ? 'word' : 'words'}`,
      name: `PDF layout of long text (${what}): ms per 1,000 characters at ${LONG_SIZES.map((n) => `${n / 1000}k`).join(', ')} = ${perChar.map((t) => t.toFixed(1)).join(', ')}; ratio largest ÷ smallest`,
      value: Math.round(ratio * 100) / 100, unit: '×', target: `≤ ${LINEAR_TARGET} (linear: 1; quadratic: 8)`, met: ratio <= LINEAR_TARGET,
    });
  }
  return results;
}

interface ManifestChunk {
  readonly file: string;
  readonly isEntry?: boolean;
  readonly imports?: readonly string[];
}

/** The app's chunks that contain pdf-lib, split into those loaded at start and those loaded later. */
async function pdfLibChunks(root: string): Promise<{ initial: string[]; lazy: string[] }> {
  const outDir = join(root, 'node_modules/.bench/app-with-manifest');
  await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true, manifest: true } });
  const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const initial = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (chunk === undefined || initial.has(chunk.file)) return;
    initial.add(chunk.file);
    chunk.imports?.forEach(visit);
  };
  Object.entries(manifest).filter(([, c]) => c.isEntry === true).forEach(([key]) => visit(key));
  const withPdfLib = Object.values(manifest).map((c) => c.file).filter((file) => {
    if (!file.endsWith('.js')) return false;
    const code = readFileSync(join(outDir, file), 'utf8');
    return PDF_LIB_MARKERS.every((m) => code.includes(m));
  });
  return { initial: withPdfLib.filter((f) => initial.has(f)), lazy: withPdfLib.filter((f) => !initial.has(f)) };
}

/** The PDF packet benchmarks: build time (first and median of 15) and the initial-bundle check. */
export async function pdfBenchmarks(root: string): Promise<BenchResult[]> {
  const { first, median } = await buildTimes(root);
  const chunks = await pdfLibChunks(root);
  const scaling = await longTextScaling();
  return [
    ...scaling,
    { id: 'pdf.build-median', name: 'PDF packet build, example 05 + 3 attachment pages (median of 15)', value: Math.round(median), unit: 'ms', target: `≤ ${TARGET_MS}`, met: median <= TARGET_MS },
    { id: 'pdf.build-first', name: 'PDF packet build, first in the process (font parsed, code not yet optimised)', value: Math.round(first), unit: 'ms', target: 'info', met: null },
    { id: 'pdf.initial-bundle', name: 'scripts loaded at start that contain pdf-lib (entry chunk and its static imports)', value: chunks.initial.length, unit: 'chunks', target: '0', met: chunks.initial.length === 0 },
    {
      // The markers are found somewhere, or the check of the initial bundle above proves nothing.
      id: 'pdf.lazy-chunk',
      name: `chunks with pdf-lib, loaded only on export (${chunks.lazy.length === 0 ? 'none found: the markers are stale' : chunks.lazy.join(', ')})`,
      value: chunks.lazy.length, unit: 'chunks', target: '≥ 1', met: chunks.lazy.length >= 1,
    },
  ];
}
