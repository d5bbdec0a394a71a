/**
 * Fuzzing the PDF claim packet (issue 6). The builder takes about 100 ms a packet (it embeds and
 * subsets the font and lays out every page), a thousand times more than the other exports together,
 * so it is not among the 100,000 runs of src/core/fuzz.test.ts: here 200 exportable packets whose
 * free text (names, reasons, notes, file names, the account number) is hostile, with Unicode,
 * right-to-left text, emoji, markup and script, control characters and 10,000-character strings,
 * are each printed. The builder never throws, and gives a PDF that pdf-lib reads back, or refuses
 * with reasons in sentences.
 */
import fc from 'fast-check';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { nodeFont } from '../../../cli/node-font';
import { evaluateClaim } from '../../evaluate';
import type { ClaimPacket } from '../../packet/schema';
import { checkExport, holds, typedText } from '../../../test-support/evaluation-invariants';
import { exportableHostileTextCase } from '../../../test-support/packet-arbitraries';
import { buildPdfPacket } from './packet';

const RUNS = 200;
/** Cover, service lines and checklist at least. */
const MIN_PAGES = 3;

describe('fuzzing the PDF claim packet', () => {
  it(`prints ${RUNS} exportable packets with hostile text, or refuses them with reasons`, async () => {
    let written = 0;
    await fc.assert(fc.asyncProperty(exportableHostileTextCase(), async ({ input, reference, today }) => {
      const evaluation = evaluateClaim(input, reference, today);
      holds(evaluation.exportable, 'the generator made a packet that is not exportable');
      const result = await buildPdfPacket({
        packet: input as ClaimPacket, evaluation, font: nodeFont, attachments: new Map(), exportedAt: '2023-03-20T10:00:00.000Z', reference: [],
      });
      const pdf = checkExport('PDF packet', result, evaluation, typedText(input));
      if (pdf === undefined) return;
      const document = await PDFDocument.load(pdf);
      holds(document.getPageCount() >= MIN_PAGES, `a PDF of ${document.getPageCount()} pages`);
      written++;
    }), { numRuns: RUNS, interruptAfterTimeLimit: 120_000, markInterruptAsFailure: true });
    // Every packet is exportable; the PDF refuses only what no claim form can print.
    expect(written).toBeGreaterThan(RUNS * 0.9);
  }, 180_000);
});
