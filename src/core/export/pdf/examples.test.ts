/**
 * One truth across the command line and the PDF packet (issue 11): for every example packet, the
 * PDF's text (pdftotext) holds every claim-form string and the payment estimate that
 * `npm run cli -- check` prints for it; an example that is not exportable gets no PDF.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeFont } from '../../../cli/node-font';
import { evaluateClaim } from '../../evaluate';
import type { ClaimPacket } from '../../packet/schema';
import { createReference } from '../../reference-data/memory-reference';
import type { PaymentEstimate } from '../../reference-data/payment';
import { paymentText } from '../../reference-data/payment';
import type { Snapshot } from '../../reference-data/snapshot';
import { decodeSnapshot } from '../../reference-data/snapshot';
import type { ClaimFormStrings } from '../export-claim';
import { buildPdfPacket } from './packet';

const ROOT = join(import.meta.dirname, '../../../..');
const EXAMPLES = join(ROOT, 'examples');
const names = readdirSync(EXAMPLES).filter((f) => f.endsWith('.json') && !f.endsWith('.expected.json')).sort();
const dir = mkdtempSync(join(tmpdir(), 'noc-examples-pdf-'));
/** What `check` answers from without --reference: the built-in reference data. */
const builtIn = createReference(decodeSnapshot(JSON.parse(readFileSync(join(ROOT, 'src/core/reference-data/builtin/reference-snapshot.json'), 'utf8')) as Snapshot));

/** What `check` prints for a packet, the keys this test compares. */
interface Checked {
  readonly file: string;
  readonly exportable: boolean;
  readonly claimForm: ClaimFormStrings;
  readonly payment: readonly PaymentEstimate[];
}

/** Text with every run of white space made one space: PDF lines wrap where the layout needs. */
const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Every string of the claim form: each line's boxes and description, and Item 19 or FL80. */
function formStrings(form: ClaimFormStrings): string[] {
  const lines = form.form === 'UB-04'
    ? form.lines.flatMap((l) => [l.fl42, l.fl43, l.fl44, l.fl46, l.description])
    : form.lines.flatMap((l) => [l.item24AShaded, l.item24D, l.item24G, l.description]);
  return [...lines, form.form === 'UB-04' ? form.fl80 : form.item19].filter((s) => s !== '');
}

let checked: ReadonlyMap<string, Checked>;

beforeAll(() => {
  // One run for all the examples; the strings and the estimate do not depend on --today.
  const r = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'src/cli/main.ts'), 'check', ...names.map((n) => join('examples', n))], { cwd: ROOT, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  checked = new Map(r.stdout.trim().split('\n').map((line) => {
    const c = JSON.parse(line) as Checked;
    return [c.file.replace('examples/', ''), c];
  }));
}, 60_000);

describe('every example: the PDF prints what check prints', () => {
  it('has examples to check', () => {
    expect(names.length).toBeGreaterThan(30);
    expect(checked.size).toBe(names.length);
  });

  it.each(names)('%s', async (name) => {
    const packet = JSON.parse(readFileSync(join(EXAMPLES, name), 'utf8')) as ClaimPacket;
    const { today } = JSON.parse(readFileSync(join(EXAMPLES, name.replace('.json', '.expected.json')), 'utf8')) as { today: string };
    const evaluation = evaluateClaim(packet, builtIn, today);
    const cli = checked.get(name)!;
    // The same evaluation: what check prints is what the PDF is built from.
    expect(cli.claimForm).toEqual(evaluation.claimForm.strings);
    expect(cli.payment).toEqual(evaluation.payment);
    const result = await buildPdfPacket({ packet, evaluation, font: nodeFont, attachments: new Map(), exportedAt: '2026-01-02T10:00:00.000Z', reference: [] });
    if (!evaluation.exportable) {
      expect(result.ok).toBe(false);
      return;
    }
    if (!result.ok) throw new Error(result.problems.join('\n'));
    const path = join(dir, name.replace('.json', '.pdf'));
    writeFileSync(path, result.value);
    const text = flat(spawnSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).stdout);
    const strings = formStrings(cli.claimForm);
    // At least a line's NDC, code and units (a specific code's line has no description).
    expect(strings.length).toBeGreaterThanOrEqual(3);
    for (const s of strings) expect(text, s).toContain(flat(s));
    expect(cli.payment.length).toBeGreaterThan(0);
    for (const estimate of cli.payment) {
      expect(text).toContain(flat(`Drug ${estimate.drugIndex + 1} ${paymentText(estimate)}`));
      expect(text).toContain(flat(estimate.explanation));
    }
  }, 30_000);
});
