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

  it('has the cover, the drug, the service lines, the checklist, the manifest, three attachment pages, and the office notes last', () => {
    expect(pages).toHaveLength(10);
    expect(pages[0]).toMatch(/^\s*Claim documentation: drugs billed/);
    expect(pages[1]).toMatch(/^\s*Drug 1: Briumvi \(ublituximab-xiiy\)/);
    expect(pages[2]).toMatch(/^\s*Service lines as they go on the CMS-1500/);
    expect(pages[3]).toMatch(/^\s*Documentation checklist/);
    expect(pages[5]).toMatch(/^\s*Attachment manifest/);
    expect(pages[9]).toMatch(/^\s*Notes for the billing office \(not part of the claim\)/);
  });

  it("shows on the cover the claim's facts, and no note meant for the office", () => {
    const cover = pages[0]!;
    for (const [label, value] of [
      ['Patient account', 'ACCT-1007'], ['Date of service', '03/10/2023'], ['Care setting', 'Physician office'], ['Claim form', 'CMS-1500'],
      ['Payer', 'Medicare Part B \\(Palmetto GBA JJ\\)'], ['Billing provider', 'Lakeside Neurology & Infusion, PC \\(NPI 1654321094\\)'],
      ['Rendering provider', 'Maya Chen, MD \\(NPI 1538201041\\)'], ['Diagnoses', 'G35'], ['Drug 1', 'Briumvi \\(ublituximab-xiiy\\)'],
      ['Billed as', 'J3590 × 1, J3590-JW × 1 \\(J3590: Unclassified biologics\\)'],
    ]) expect(cover).toMatch(new RegExp(`${label}\\s+${value}\\n`));
    expect(cover).not.toMatch(/Payment estimate|Warning|Reference data|None loaded|crosswalk|Load the/);
  });

  it('gives per drug the administration, the medical necessity, the invoice and the waste record, dates MM/DD/YYYY and money with separators', () => {
    const drug = pages[1]!;
    for (const [label, value] of [
      ['NDC', '73150-0150-06'], ['Container', 'single-dose container, 150 mg, 6 mL'], ['Code', 'J3590: Unclassified biologics'],
      ['Date given', '03/10/2023'], ['Started', '03/10/2023 9:00 AM'], ['Ended', '03/10/2023 10:10 AM'], ['Route', 'Intravenous \\(IV\\)'],
      ['Dose given', '100 mg'], ['Lot', 'BR22K113'], ['Expiration', '10/31/2024'], ['Given by', 'J\\. Alvarez, RN'], ['Diagnoses', 'G35'],
      ['Statement', 'Relapsing multiple sclerosis \\(G35\\)'], ['Supplier', 'McKesson Specialty Health'], ['Invoice date', '03/01/2023'],
      ['Packages', '1'], ['Net cost', '\\$6,500\\.00'], ['Amount discarded', '50 mg'], ['Discarded', '03/10/2023 10:20 AM'],
      ['On the claim', 'Drug was discarded: it is billed on a second line with JW\\.'],
    ]) expect(drug).toMatch(new RegExp(`\\n\\s*${label}\\s+${value}`));
    const read = pages.filter((_, i) => i !== 5 && i < 6);
    for (const text of read) expect(text.replace(/[\w-]+-\d{4}-\d{2}-\d{2}\.pdf/g, '')).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b|\$\d{4}/);
  });

  it('puts the payment estimate, how each code was chosen, the warnings and the reference data on the last page, for the office', () => {
    const notes = pages[9]!;
    expect(notes).toMatch(/Payment estimate\s+Drug 1\s+\$6,500\.00 \(Invoice from McKesson Specialty Health dated\s+03\/01\/2023\)/);
    expect(notes).toContain('A biologic licensed under a BLA, not anticancer: J3590.');
    expect(notes).toMatch(/Payer profile\s+Medicare Part B: Palmetto GBA \(JJ\/JM\)/);
    expect(notes).toContain('Warnings at export');
    expect(notes).toContain('Reference data used');
  });

  it('shows each service line as it goes on the CMS-1500: NDC line, code and modifiers, units, description', () => {
    const lines = pages[2]!;
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
    const checklist = pages.slice(3, 5).join('\n');
    expect(checklist).toContain('Done: Waste record (required for this claim)');
    expect(checklist).toContain('Drug was discarded from a single-dose container');
    expect(checklist).toMatch(/Source: CMS Pub\. 100-04, Medicare Claims Processing Manual, Chapter 17 "Drugs and Biologicals", §40\n/);
    expect(checklist).not.toMatch(/\[[VSU]\]|billing-rules/);
    expect(checklist).toMatch(/Not needed: Compound ingredients \(not needed\)\s+The drug is not compounded\./);
    expect(checklist.match(/^\s*(?:Done|Missing|Not needed): /gm)).toHaveLength(18);
  });

  it('lists each attachment with its SHA-256 and pages, and puts the attachment pages after the manifest', () => {
    const manifest = pages[5]!.replace(/\s+/g, ' ');
    expect(manifest).toContain(`SHA-256 ${createHash('sha256').update(png.bytes).digest('hex')}`);
    expect(manifest).toContain(`SHA-256 ${createHash('sha256').update(invoice.bytes).digest('hex')}`);
    expect(manifest).toMatch(/waste-record-2023-03-10\.pdf Kind Waste record .* In this packet Page 7 /);
    expect(manifest).toMatch(/invoice-mckesson-2023-03-01\.pdf Kind Invoice .* In this packet Pages 8 to 9 /);
    expect(pages[6]).toContain('waste-record-2023-03-10.pdf');
    expect(pages[7]).toContain('MCKESSON INVOICE page 1 of 2');
    expect(pages[8]).toContain('MCKESSON INVOICE page 2 of 2');
  });

  it('prints the page number and the claim reference on every page, attachments included', () => {
    pages.forEach((text, i) => {
      expect(text).toContain(REFERENCE_LINE);
      expect(text).toContain(`Page ${i + 1} of 10`);
    });
  });

  it('renders every page with pdftoppm, the image placed on its page', () => {
    const out = join(dir, 'render');
    run('pdftoppm', ['-r', '20', pdfPath, out]);
    const rendered = readdirSync(dir).filter((f) => f.startsWith('render-') && f.endsWith('.ppm')).sort();
    expect(rendered).toHaveLength(10);
    const blue = (file: string) => {
      const ppm = readFileSync(join(dir, file));
      const header = ppm.toString('latin1', 0, 20).match(/^P6\s+\d+\s+\d+\s+255\s/)![0].length;
      let count = 0;
      for (let i = header; i + 2 < ppm.length; i += 3) if (ppm[i + 2]! > 150 && ppm[i]! < 100) count++;
      return count;
    };
    expect(blue(rendered[6]!)).toBeGreaterThan(200);
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

  it('carries the exception to the filing limit on the cover, with its paragraph, the notice date and the deadline', async () => {
    const packet = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as ClaimPacket;
    packet.dates = { service: '2023-03-10', filingException: { reason: 'administrative-error', noticeDate: '2024-04-15' } };
    const result = await build(packet, noFiles, { evaluation: evaluateClaim(packet, NO_REFERENCE, '2024-05-01') });
    if (!result.ok) throw new Error(result.problems.join('\n'));
    const cover = pagesOf('exception', result.value)[0]!.replace(/\s+/g, ' ');
    expect(cover).toContain('Filing-limit exception Administrative error (42 CFR 424.44(b)(1)), notice dated 04/15/2024: the filing deadline runs to 10/31/2024.');
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
    const manifest = pages.at(-2)!.replace(/\s+/g, ' ');
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
