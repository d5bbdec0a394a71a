/**
 * `npm run lint` fails on each kind of layer break: it is run on a copy of src/ (beside the
 * project's package.json and node_modules, so that packages resolve) into which one bad import at a
 * time is written.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
/** A run parses about 170 files (a second or two; more on two busy cores). */
const SLOW = { timeout: 60_000 };

let copy: string;

function lint(): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, [
    '--import', join(ROOT, 'scripts/lint/typescript-5.mjs'), join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'),
    'src', '--config', join(ROOT, 'scripts/lint/dependency-cruiser.cjs'),
  ], { cwd: copy, encoding: 'utf8' });
  return { status: r.status, output: r.stdout + r.stderr };
}

/** Adds a line to a file of the copy. */
function inject(file: string, line: string): void {
  appendFileSync(join(copy, 'src', file), `\n${line}\n`);
}

beforeEach(() => {
  copy = mkdtempSync(join(tmpdir(), 'noc-lint-'));
  cpSync(join(ROOT, 'src'), join(copy, 'src'), { recursive: true });
  cpSync(join(ROOT, 'package.json'), join(copy, 'package.json'));
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
});

afterEach(() => rmSync(copy, { recursive: true, force: true }));

describe('npm run lint', SLOW, () => {
  it('passes on the code as it is', () => {
    const r = lint();
    expect(r.output).toContain('no dependency violations found');
    expect(r.status).toBe(0);
  });

  it.each([
    ['a React import in the core', 'core/ndc.ts', "import { useState } from 'react';\nexport const s = useState;", 'core-is-pure'],
    ['a type-only TanStack import in the core', 'core/ndc.ts', "export type { QueryClient } from '@tanstack/react-query';", 'core-is-pure'],
    ['a Node module in the core', 'core/ndc.ts', "export { readFileSync } from 'node:fs';", 'core-is-pure'],
    ['a feature import in the core', 'core/ndc.ts', "export { STEPS } from '../features/wizard/steps';", 'core-imports-only-core'],
    ['a feature import in a shared component', 'components/format.ts', "export { STEPS } from '../features/wizard/steps';", 'components-import-no-feature'],
    ['a feature importing another feature', 'features/drafts/drafts.ts', "export { ExportPanel } from '../export/export-panel';", 'features-import-no-other-feature'],
    ['the command line importing a feature', 'cli/args.ts', "export { ExportPanel } from '../features/export/export-panel';", 'cli-imports-no-ui'],
    ['an import cycle', 'core/ndc.ts', "export { evaluateClaim } from './evaluate';", 'no-cycles'],
  ])('fails on %s', (_what, file, line, rule) => {
    inject(file, line);
    const r = lint();
    // The code as it is has no violation (first test): what is reported comes from the injected line.
    expect(r.output).toContain(`error ${rule}: src/`);
    expect(r.output).toContain(`src/${file}`);
    expect(r.status).not.toBe(0);
  });
});
