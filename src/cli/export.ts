/**
 * `export`: writes an exportable claim as the PDF claim packet, the JSON export, a FHIR R4 Claim or
 * the 837 service-line fragment, with the same code as the wizard. The input is a claim packet or a
 * JSON export. A claim that is not exportable is refused with its blocking findings, one per line.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { evaluateClaim } from '../core/evaluate';
import type { Evaluation } from '../core/evaluate';
import { refusalOf } from '../core/export/export-claim';
import type { Exported } from '../core/export/export-claim';
import { fhirClaim } from '../core/export/fhir';
import type { ReferenceVersion } from '../core/export/json-packet';
import { buildClaimExport, claimExportJson, readExport } from '../core/export/json-packet';
import { x12Fragment } from '../core/export/x12';
import type { ClaimPacket } from '../core/packet/schema';
import { InputError, loadReference, parseArgs, UsageError } from './args';
import { readAttachments } from './attachments';
import { checkOutput } from './output';

/** The `export` lines of the command line's usage text. */
export const EXPORT_USAGE = `  npm run --silent cli -- export --format pdf|json|fhir|x12 [--reference DIR] [--today YYYY-MM-DD]
                                 [--attachments DIR] --out PATH FILE
      Writes an exportable claim (a claim packet or a JSON export) as the PDF claim
      packet, the JSON export, a FHIR R4 Claim, or the 837P/837I service-line fragment
      (a fragment for a clearinghouse or practice-management system, not a full
      interchange). --attachments DIR holds the attached files, by file name (PDF only):
      only regular files directly inside DIR, of at most 25 MB, whose SHA-256 is the one
      the claim lists, are included; the others are listed with the reason. --out must
      not be a folder or one of the files read.
      Exit 0 when written, 1 when the claim cannot be exported yet (the reasons are
      printed one per line), 2 when the file cannot be read or the command is wrong.`;

const FORMATS = ['pdf', 'json', 'fhir', 'x12'] as const;
type Format = (typeof FORMATS)[number];

interface Claim {
  readonly packet: ClaimPacket;
  readonly evaluation: Evaluation;
  readonly versions: readonly ReferenceVersion[];
  readonly exportedAt: string;
}

function readClaimFile(file: string): ClaimPacket {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  const read = readExport(text);
  if (!read.ok) throw new InputError(`${file}: ${read.message}`);
  return read.packet;
}

const asJson = <T>(result: Exported<T>): Exported<string> => (result.ok ? { ok: true, value: `${JSON.stringify(result.value, null, 2)}\n` } : result);

/**
 * The export in `format`, and the paths of the attached files it read. Each attached file left out
 * of a PDF is named on stderr with the reason (the manifest in the PDF lists it with the same reason).
 */
async function render(format: Format, claim: Claim, attachmentsDir: string | undefined): Promise<{ result: Exported<string | Uint8Array>; read: readonly string[] }> {
  const { packet, evaluation, exportedAt } = claim;
  if (format !== 'pdf') return { result: renderText(format, claim), read: [] };
  const attachments = readAttachments(packet, attachmentsDir);
  for (const { name, reason } of attachments.leftOut) process.stderr.write(`attachment ${JSON.stringify(name)}: not included: ${reason}.\n`);
  const [{ buildPdfPacket }, { nodeFont }] = await Promise.all([import('../core/export/pdf/packet'), import('./node-font')]);
  const result = await buildPdfPacket({ packet, evaluation, font: nodeFont, attachments: attachments.files, exportedAt, reference: claim.versions });
  return { result, read: attachments.read };
}

function renderText(format: Exclude<Format, 'pdf'>, claim: Claim): Exported<string> {
  const { packet, evaluation, exportedAt } = claim;
  switch (format) {
    case 'json': return { ok: true, value: claimExportJson(buildClaimExport(packet, evaluation, { exportedAt, reference: claim.versions })) };
    case 'fhir': return asJson(fhirClaim(packet, evaluation, exportedAt));
    case 'x12': {
      const fragment = x12Fragment(evaluation);
      return fragment.ok ? { ok: true, value: `${fragment.value.segments.join('\n')}\n` } : fragment;
    }
  }
}

/** Runs `export`; returns the exit status. */
export async function exportCommand(args: readonly string[]): Promise<number> {
  const { options, files, today } = parseArgs(args, ['--format', '--reference', '--today', '--attachments', '--out']);
  const format = options.get('--format');
  const out = options.get('--out');
  if (format === undefined || !(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}.`);
  if (out === undefined) throw new UsageError('--out names the file to write.');
  if (files.length !== 1) throw new UsageError('Name exactly one claim file to export.');
  const file = files[0]!;
  const packet = readClaimFile(file);
  const reference = await loadReference(options.get('--reference'));
  const evaluation = evaluateClaim(packet, reference.data, today);
  const { result, read } = evaluation.exportable
    ? await render(format as Format, { packet, evaluation, versions: reference.versions, exportedAt: new Date().toISOString() }, options.get('--attachments'))
    : { result: refusalOf(evaluation), read: [] };
  if (!result.ok) {
    process.stderr.write(`${file}: this claim cannot be exported yet:\n${result.problems.map((p) => `- ${p}`).join('\n')}\n`);
    return 1;
  }
  checkOutput(out, [
    { path: file, what: 'the claim file being exported' },
    ...reference.files.map((path) => ({ path, what: 'a reference file' })),
    ...read.map((path) => ({ path, what: 'an attached file' })),
  ]);
  try {
    writeFileSync(out, result.value);
  } catch (error) {
    throw new InputError(`${out}: cannot be written (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  process.stdout.write(`Wrote ${out}\n`);
  return 0;
}
