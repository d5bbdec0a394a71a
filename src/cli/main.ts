/**
 * Command line on the same core as the wizard:
 *   npm run --silent cli -- check [--reference DIR] [--today YYYY-MM-DD] FILE...
 *   npm run --silent cli -- export --format pdf|json|fhir|x12 [--reference DIR] [--today YYYY-MM-DD]
 *                                  [--attachments DIR] --out PATH FILE
 *   npm run --silent cli -- ndc [NDC...]        (or one NDC per line on stdin)
 */
import { readFileSync } from 'node:fs';
import { evaluateClaim } from '../core/evaluate';
import type { Evaluation } from '../core/evaluate';
import { claimOfFile, withoutByteOrderMark } from '../core/export/json-packet';
import { parseNdc } from '../core/ndc';
import { InputError, loadReference, parseArgs, UsageError } from './args';
import { exportCommand, EXPORT_USAGE } from './export';
import { compilePacketParser } from '../core/packet/parser';

const USAGE = `Usage:
  npm run --silent cli -- check [--reference DIR] [--today YYYY-MM-DD] FILE...
      Evaluates claim packets (or JSON exports of claims); prints one JSON line per file.
      Exit 0 when every packet is exportable, 1 when any is blocked,
      2 when a file cannot be read or is not a claim packet.
${EXPORT_USAGE}
  npm run --silent cli -- ndc [NDC...]
      Normalizes NDCs (from the arguments, or one per line on stdin);
      prints "input<TAB>11 digits<TAB>5-4-2" or "input<TAB>ERROR<TAB>reason", with tabs,
      line breaks, other control characters and backslashes in the input written \\t, \\n, \\r,
      \\u001b, \\\\ so that a line always has three columns.
      Exit 0 when every NDC is valid, 1 otherwise.`;

/** The evaluation as one JSON line: the keys other tools read (the claim-form strings and the payment estimate included), plus the whole checklist. */
function report(file: string, e: Evaluation): string {
  return JSON.stringify({
    file,
    exportable: e.exportable,
    decision: { code: e.decision.code, kind: e.decision.kind, descriptor: e.decision.descriptor, reasons: e.decision.reasons, form: e.decision.form },
    profile: e.profile === undefined ? null : { id: e.profile.id, name: e.profile.name },
    timelyFiling: e.timelyFiling,
    drugs: e.drugs.map((d) => ({ index: d.index, code: d.decision.code, kind: d.decision.kind, reasons: d.decision.reasons })),
    lines: e.lines.map((l) => ({
      drugIndex: l.drugIndex, kind: l.kind, codeKind: l.codeKind, code: l.code, modifiers: l.modifiers, units: l.units, ndc: l.ndc, narrative: l.narrative,
    })),
    claimForm: e.claimForm.strings,
    payment: e.payment,
    diagnoses: e.diagnoses,
    findings: e.findings.map((f) => ({ rule: f.rule, severity: f.severity, path: f.path, message: f.message, source: f.source, ...(f.actions === undefined ? {} : { actions: f.actions }) })),
    checklist: e.checklist.map((c) => ({
      id: c.id, drugIndex: c.drugIndex, label: c.label, requirement: c.requirement, reason: c.reason, status: c.status, missing: c.missing, path: c.path,
    })),
  });
}

/** Rules that mean "this is not a packet this program can read", rather than "this claim has problems". */
const UNREADABLE = new Set(['packet.not-a-packet', 'packet.newer-version']);

async function check(args: readonly string[]): Promise<number> {
  const { options, files, today } = parseArgs(args, ['--reference', '--today']);
  if (files.length === 0) throw new UsageError('Name at least one packet file.');
  const reference = (await loadReference(options.get('--reference'))).data;
  let status = 0;
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      process.stderr.write(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).\n`);
      status = 2;
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(withoutByteOrderMark(text));
    } catch (error) {
      process.stderr.write(`${file}: is not JSON (${(error as Error).message}).\n`);
      status = 2;
      continue;
    }
    // A JSON export of a claim (what `export` reads too) is checked as the packet it holds.
    const claim = claimOfFile(value);
    if (!claim.ok) {
      process.stderr.write(`${file}: ${claim.message}\n`);
      status = 2;
      continue;
    }
    const evaluation = evaluateClaim(claim.claim, reference, today);
    const unreadable = evaluation.findings.find((f) => UNREADABLE.has(f.rule) || (f.rule === 'packet.invalid-value' && f.path === 'version'));
    if (unreadable !== undefined) {
      process.stderr.write(`${file}: field "${unreadable.path}": ${unreadable.message}\n`);
      status = 2;
      continue;
    }
    process.stdout.write(`${report(file, evaluation)}\n`);
    if (!evaluation.exportable && status === 0) status = 1;
  }
  return status;
}

const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/**
 * A value as one column of a tab-separated line: a backslash, a tab, a line break or any other
 * control character (or line separator) is written as an escape, so it cannot add a column or a line.
 */
function tsvField(text: string): string {
  return text.replace(/[\\\p{Cc}\u2028\u2029]/gu, (c) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function ndcLine(input: string): { line: string; ok: boolean } {
  const r = parseNdc(input);
  const columns = r.ok ? [input, r.ndc.ndc11, r.ndc.hyphenated] : [input, 'ERROR', r.problem.message + (r.problem.code === 'ten-digits'
    ? ` Possible readings: ${r.problem.candidates.map((c) => `${c.typed} → ${c.ndc.ndc11}`).join('; ')}.`
    : '')];
  return { line: columns.map(tsvField).join('\t'), ok: r.ok };
}

async function ndc(args: readonly string[]): Promise<number> {
  const inputs = args.length > 0 ? [...args] : (await readStdin()).split(/\r?\n/).filter((l) => l.trim() !== '');
  let status = 0;
  for (const input of inputs) {
    const { line, ok } = ndcLine(input);
    process.stdout.write(`${line}\n`);
    if (!ok) status = 1;
  }
  return status;
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'check': return await check(rest);
      case 'export': return await exportCommand(rest);
      case 'ndc': return await ndc(rest);
      case undefined: case '--help': case '-h': case 'help':
        process.stdout.write(`${USAGE}\n`);
        return command === undefined ? 2 : 0;
      default: throw new UsageError(`Unknown command "${command}".`);
    }
  } catch (error) {
    if (error instanceof InputError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}\n`);
    return 2;
  }
}

compilePacketParser();
process.exitCode = await main(process.argv.slice(2));
