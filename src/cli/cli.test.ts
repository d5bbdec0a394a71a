import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

function cli(args: string[], input?: string) {
  const r = spawnSync(TSX, [join(ROOT, 'src/cli/main.ts'), ...args], { cwd: ROOT, input, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'noc-cli-'));
function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const blockedPacket = {
  format: 'noc-claim-packet', version: 1, careSetting: 'office',
  payer: { kind: 'medicare', profileId: 'medicare-part-b' }, dates: { service: '2024-05-06' },
  drugs: [{ ndc: { input: '0409156029' }, brandName: 'Example', route: 'intravenous', marketingCategory: 'NDA', administration: { dose: { value: '10', unit: 'mg' } } }],
};

describe('npm run cli -- check', () => {
  it('prints one JSON line per packet with the keys other tools read, and exits 1 when one is blocked', () => {
    const r = cli(['check', '--today', '2024-05-10', file('blocked.json', blockedPacket)]);
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0]!);
    expect(out).toMatchObject({ exportable: false, decision: { code: 'J3490', reasons: expect.any(Array) }, lines: [{ code: 'J3490', modifiers: [], units: 1, ndc: null, narrative: 'EXAMPLE 10MG IV' }] });
    expect(out.findings).toContainEqual(expect.objectContaining({ rule: 'ndc.ten-digits', severity: 'block', path: 'drugs.0.ndc.input', message: expect.stringContaining('10-digit') }));
    expect(out.checklist.length).toBeGreaterThan(10);
  });
  it('exits 2 naming the file when a file is missing, is not JSON, or is not a packet', () => {
    const missing = cli(['check', join(dir, 'nope.json')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('nope.json: cannot be read (ENOENT)');
    const notJson = cli(['check', file('bad.json', '{ nope')]);
    expect(notJson.status).toBe(2);
    expect(notJson.stderr).toContain('bad.json: is not JSON');
    const notPacket = cli(['check', file('other.json', { hello: 1 })]);
    expect(notPacket.status).toBe(2);
    expect(notPacket.stderr).toContain('other.json: field "format": This file is not a NOC claim packet');
    const newer = cli(['check', file('newer.json', { format: 'noc-claim-packet', version: 2 })]);
    expect(newer.stderr).toContain('field "version"');
    expect(newer.status).toBe(2);
  });
  it('still reports the readable packets when another file fails, and exits 2', () => {
    const r = cli(['check', '--today', '2024-05-10', file('ok.json', blockedPacket), join(dir, 'missing.json')]);
    expect(r.status).toBe(2);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
  });
  it('refuses a bad --today and an unknown option with the usage', () => {
    expect(cli(['check', '--today', '05/10/2024', 'x.json'])).toMatchObject({ status: 2, stderr: expect.stringContaining('YYYY-MM-DD') });
    expect(cli(['check', '--fast', 'x.json'])).toMatchObject({ status: 2, stderr: expect.stringContaining('Usage:') });
  });
});

describe('npm run cli -- ndc', () => {
  it('normalizes NDCs from the arguments and reports each bad one', () => {
    const r = cli(['ndc', '0409-1560-29', 'N4 73150-150-06', '0409156029']);
    expect(r.status).toBe(1);
    expect(r.stdout.split('\n')).toEqual([
      '0409-1560-29\t00409156029\t00409-1560-29',
      'N4 73150-150-06\t73150015006\t73150-0150-06',
      expect.stringMatching(/^0409156029\tERROR\t.*10-digit.*0409-1560-29 → 00409156029; 04091-560-29 → 04091056029; 04091-5602-9 → 04091560209\.$/),
      '',
    ]);
  });
  it('reads one NDC per line from stdin and exits 0 when all are valid', () => {
    expect(cli(['ndc'], '69448-022-63\n12345-6789-0\n')).toEqual({ status: 0, stdout: '69448-022-63\t69448002263\t69448-0022-63\n12345-6789-0\t12345678900\t12345-6789-00\n', stderr: '' });
  });
});
