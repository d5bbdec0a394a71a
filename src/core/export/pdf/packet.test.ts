/**
 * The PDF claim packet, checked as a PDF: its text extracted with pdftotext and its pages rendered
 * with pdftoppm (Debian poppler-utils, installed by scripts/ensure-deps.sh).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeFont } from '../../../cli/node-font';
import { evaluateClaim } from '../../evaluate';
import type { ClaimPacket } from '../../packet/schema';
import { NO_REFERENCE } from '../../reference';
import type { AttachmentFile, PdfPacketInput } from './packet';
import { buildPdfPacket } from './packet';
import { attachmentFile, samplePdf, samplePng } from '../../../test-support/sample-files';

const EXAMPLE = join(import.meta.dirname, '../../../../examples/05-briumvi-partial-dose-waste.json');
const TODAY = '2023-03-17';
const REFERENCE_LINE = 'Patient account ACCT-1007 · Date of service 03/10/2023';
const dir = mkdtempSync(join(tmpdir(), 'noc-pdf-'));

function run(command: string, args: readonly string[]): string {
  const r = spawnSync(command, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${command} failed: ${r.stderr}`);
  return r.stdout;
}

/** The packet of example 05 whose two attachments describe the given files exactly. */
function packetWith(files: Record<'att-1' | 'att-2', AttachmentFile>): ClaimPacket {
  const packet = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as ClaimPacket;
  return {
    ...packet,
    attachments: packet.attachments!.map((a) => {
      const file = files[a.id as 'att-1' | 'att-2'];
      return { ...a, mediaType: file.mediaType, size: file.bytes.length, sha256: createHash('sha256').update(file.bytes).digest('hex') };
    }),
  };
}

async function build(packet: ClaimPacket, attachments: ReadonlyMap<string, AttachmentFile>, overrides: Partial<PdfPacketInput> = {}) {
  return buildPdfPacket({
    packet, evaluation: evaluateClaim(packet, NO_REFERENCE, TODAY), font: nodeFont, attachments,
    exportedAt: '2023-03-17T10:15:00.000Z', reference: [], ...overrides,
  });
}

/** Writes the PDF and returns the text of each page (pdftotext -layout). */
function pagesOf(name: string, pdf: Uint8Array): string[] {
  const path = join(dir, `${name}.pdf`);
  writeFileSync(path, pdf);
  return run('pdftotext', ['-layout', path, '-']).split('\f').slice(0, -1);
}

describe('PDF claim packet (example 05, a waste-record image and a two-page invoice)', () => {
  const png = attachmentFile(samplePng(400, 260), 'image/png');
  let invoice: AttachmentFile;
  let pdfPath: string;
  let pages: string[];

  beforeAll(async () => {
    invoice = attachmentFile(await samplePdf('MCKESSON INVOICE', 2), 'application/pdf');
    const files = { 'att-1': png, 'att-2': invoice };
    const result = await build(packetWith(files), new Map(Object.entries(files)));
    if (!result.ok) throw new Error(result.problems.join('\n'));
    pages = pagesOf('packet', result.value);
    pdfPath = join(dir, 'packet.pdf');
  }, 30_000);

  it('has the cover, the service lines, the checklist, the manifest and then three attachment pages', () => {
    expect(pages).toHaveLength(8);
    expect(pages[0]).toMatch(/NOC claim packet/);
    expect(pages[1]).toMatch(/Service lines as they go on the CMS-1500/);
    expect(pages[2]).toMatch(/Documentation checklist/);
    expect(pages[4]).toMatch(/Attachment manifest/);
  });

  it('shows the code decision with its reasons, and the payment estimate of the evaluation (the invoice net cost)', () => {
    expect(pages[0]).toMatch(/Code decision\s+J3590: Unclassified biologics/);
    expect(pages[0]).toContain('A biologic licensed under a BLA, not anticancer: J3590.');
    expect(pages[0]).toMatch(/Payment estimate\s+Drug 1\s+\$6500\.00 \(Invoice from McKesson Specialty Health dated 2023-03-01\)/);
    expect(pages[0]).toMatch(/Payer\s+Medicare Part B \(Palmetto GBA JJ\)\n\s*Payer profile\s+Medicare Part B: Palmetto GBA \(JJ\/JM\)\n/);
    expect(pages[0]).toMatch(/NDC\s+73150-0150-06/);
  });

  it('shows each service line as it goes on the CMS-1500: NDC line, code and modifiers, units, description', () => {
    const lines = pages[1]!;
    expect(lines).toMatch(/24A shaded \(NDC\)\s+N473150015006 ML4\n/);
    expect(lines).toMatch(/24D code and modifiers\s+J3590\n/);
    expect(lines).toMatch(/24A shaded \(NDC\)\s+N473150015006 ML2\n/);
    expect(lines).toMatch(/24D code and modifiers\s+J3590 JW\n/);
    expect(lines.match(/24G units\s+1\n/g)).toHaveLength(2);
    expect(lines).toMatch(/Description \(SV101-7\)\s+BRIUMVI UBLITUXIMAB-XIIY 100MG IV NDC 73150015006\n/);
    expect(lines).toMatch(/Description \(SV101-7\)\s+BRIUMVI 50MG DISCARDED NDC 73150015006\n/);
    expect(lines).toMatch(/Item 19\s+SEE ATTACHMENT/);
  });

  it('lists every checklist item with its state, reason and source', () => {
    const checklist = pages.slice(2, 4).join('\n');
    expect(checklist).toContain('Done: Waste record (required for this claim)');
    expect(checklist).toContain('Drug was discarded from a single-dose container');
    expect(checklist).toMatch(/Source: CMS Pub\. 100-04, Medicare Claims Processing Manual, Chapter 17 "Drugs and Biologicals", §40\n/);
    expect(checklist).not.toMatch(/\[[VSU]\]|billing-rules/);
    expect(checklist).toMatch(/Not needed: Compound ingredients \(not needed\)\s+The drug is not compounded\./);
    expect(checklist.match(/^\s*(?:Done|Missing|Not needed): /gm)).toHaveLength(18);
  });

  it('lists each attachment with its SHA-256 and pages, and puts the attachment pages after the manifest', () => {
    const manifest = pages[4]!.replace(/\s+/g, ' ');
    expect(manifest).toContain(`SHA-256 ${createHash('sha256').update(png.bytes).digest('hex')}`);
    expect(manifest).toContain(`SHA-256 ${createHash('sha256').update(invoice.bytes).digest('hex')}`);
    expect(manifest).toMatch(/waste-record-2023-03-10\.pdf .* In this packet Page 6 /);
    expect(manifest).toMatch(/invoice-mckesson-2023-03-01\.pdf .* In this packet Pages 7 to 8 /);
    expect(pages[5]).toContain('waste-record-2023-03-10.pdf');
    expect(pages[6]).toContain('MCKESSON INVOICE page 1 of 2');
    expect(pages[7]).toContain('MCKESSON INVOICE page 2 of 2');
  });

  it('prints the page number and the claim reference on every page, attachments included', () => {
    pages.forEach((text, i) => {
      expect(text).toContain(REFERENCE_LINE);
      expect(text).toContain(`Page ${i + 1} of 8`);
    });
  });

  it('renders every page with pdftoppm, the image placed on its page', () => {
    const out = join(dir, 'render');
    run('pdftoppm', ['-r', '20', pdfPath, out]);
    const rendered = readdirSync(dir).filter((f) => f.startsWith('render-') && f.endsWith('.ppm')).sort();
    expect(rendered).toHaveLength(8);
    const blue = (file: string) => {
      const ppm = readFileSync(join(dir, file));
      const header = ppm.toString('latin1', 0, 20).match(/^P6\s+\d+\s+\d+\s+255\s/)![0].length;
      let count = 0;
      for (let i = header; i + 2 < ppm.length; i += 3) if (ppm[i + 2]! > 150 && ppm[i]! < 100) count++;
      return count;
    };
    expect(blue(rendered[5]!)).toBeGreaterThan(200);
    expect(blue(rendered[0]!)).toBe(0);
  });
});

describe('PDF claim packet: text, files and refusals', () => {
  const noFiles = new Map<string, AttachmentFile>();

  it('prints any text a biller types: accents as they are, characters the font lacks as a replacement mark', async () => {
    const packet = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as ClaimPacket;
    packet.providers!.rendering!.name = 'Zoë Ångström-Núñez 李 🦄\u0000';
    const result = await build(packet, noFiles);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const cover = pagesOf('unicode', result.value)[0]!;
    expect(cover).toMatch(/Rendering provider\s+Zoë Ångström-Núñez \uFFFD \uFFFD\s*, MD \(NPI 1538201041\)/);
  });

  // Found by the fuzzing: a payer name in Tifinagh made the export fail ("regeneratorRuntime is not defined" in fontkit).
  it('prints a name in a script the font has but cannot lay out (Tifinagh) as replacement marks', async () => {
    const packet = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as ClaimPacket;
    packet.payer!.name = 'ⴰⵣⵓⵍ Health';
    const result = await build(packet, noFiles);
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(pagesOf('tifinagh', result.value)[0]).toMatch(/Payer\s+\uFFFD{4} Health/);
  });

  it('lists files that were not given, cannot be read or cannot be placed, and a file whose fingerprint differs', async () => {
    const packet = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as ClaimPacket;
    packet.attachments = [
      ...packet.attachments!,
      { id: 'att-3', kind: 'other', fileName: 'scan.tiff', mediaType: 'image/tiff', size: 4, sha256: 'b'.repeat(64) },
    ];
    const files = new Map<string, AttachmentFile>([
      ['att-1', attachmentFile(new TextEncoder().encode('not a pdf at all'), 'application/pdf')],
      ['att-3', attachmentFile(new Uint8Array([1, 2, 3, 4]), 'image/tiff')],
    ]);
    const result = await build(packet, files);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const pages = pagesOf('left-out', result.value);
    const manifest = pages.at(-1)!.replace(/\s+/g, ' ');
    expect(manifest).toContain('Attachment manifest');
    expect(manifest).toContain('Not included: the file cannot be read; it may be damaged.');
    expect(manifest).toContain('Not included: the file was not given with this export.');
    expect(manifest).toContain('Not included: files of type image/tiff cannot be placed in a PDF.');
    expect(manifest).toContain('File given Its SHA-256 differs: it is not the file the claim lists. Its SHA-256: 9f64a747e1b97f131fabb6b447296c9b6f0201e79fb3c5356e6c77e89b6a806a');
  });

  it('refuses a claim that is not exportable, with its blocking findings', async () => {
    const packet = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as ClaimPacket;
    packet.drugs![0]!.ndc = { input: '7315015006' };
    const result = await build(packet, noFiles);
    expect(result).toEqual({ ok: false, problems: [expect.stringContaining('10-digit NDC without hyphens')] });
  });
});
