import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readExport } from '../core/export/json-packet';
import { samplePdf } from '../features/export/test-attachments';

const ROOT = join(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

function cli(args: string[], input?: string) {
  const r = spawnSync(TSX, [join(ROOT, 'src/cli/main.ts'), ...args], { cwd: ROOT, input, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'noc-cli-'));
/** Each run starts tsx (about a second on two busy cores); a test runs up to four. */
const SLOW = { timeout: 30_000 };
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

describe('npm run cli -- check', SLOW, () => {
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

describe('npm run cli -- check with the built-in reference data', SLOW, () => {
  const example05 = JSON.parse(readFileSync(join(ROOT, 'examples/05-briumvi-partial-dose-waste.json'), 'utf8'));
  const november = (diagnoses: readonly string[]) => file(`briumvi-${diagnoses.join('-')}.json`, { ...example05, dates: { service: '2025-11-10', plannedSubmission: '2025-11-17' }, diagnoses: diagnoses.map((code) => ({ code })) });

  it('names J2329 for Briumvi in November 2025 and gives the ICD-10-CM descriptions, without --reference', () => {
    const r = cli(['check', '--today', '2025-11-20', november(['G35.A', 'G35'])]);
    const out = JSON.parse(r.stdout);
    expect(out.decision).toMatchObject({ code: 'J2329', kind: 'specific', descriptor: 'Injection, ublituximab-xiiy, 1mg' });
    expect(out.decision.reasons).toEqual(['NDC 73150-0150-06 has its own code on 11/10/2025: J2329 (CMS ASP NDC-HCPCS crosswalk, October 2025).']);
    expect(out.diagnoses).toEqual([
      { index: 0, display: 'G35.A', status: 'billable', description: 'Relapsing-remitting multiple sclerosis', fiscalYear: 'FY2026' },
      { index: 1, display: 'G35', status: 'header', description: 'Multiple sclerosis', fiscalYear: 'FY2026' },
    ]);
    expect(r.stderr).toBe('');
  });

  it('lets a file in --reference supersede the built-in table of its kind and quarter, and keeps the others', () => {
    const folder = mkdtempSync(join(tmpdir(), 'noc-ref-'));
    writeFileSync(join(folder, 'crosswalk.csv'), [
      'October 2025 ASP NDC - HCPCS Crosswalk,,', '"Effective October 1, 2025 through December 31, 2025",,',
      '_2025_CODE,Short Description,LABELER NAME,NDC2,Drug Name,HCPCS dosage,PKG SIZE,PKG QTY,BILLUNITS,BILLUNITSPKG',
      'J9271,Inj pembrolizumab,Merck,00006-3026-02,Keytruda,1 MG,4,1,100,100', '',
    ].join('\r\n'));
    const r = cli(['check', '--today', '2025-11-20', '--reference', folder, november(['G35.A'])]);
    expect(r.stderr).toBe('reference: crosswalk.csv: CMS ASP NDC-HCPCS crosswalk, October 2025, 1 rows\n');
    const out = JSON.parse(r.stdout);
    expect(out.decision.code).toBe('J3590');
    expect(out.findings.map((f: { rule: string }) => f.rule)).not.toContain('code.not-verified');
    expect(out.diagnoses[0]).toMatchObject({ status: 'billable', description: 'Relapsing-remitting multiple sclerosis' });
  });

  it('skips what is not a regular file below --reference (a pipe would wait forever), and links leading out of the folder', () => {
    const folder = mkdtempSync(join(tmpdir(), 'noc-ref-'));
    expect(spawnSync('mkfifo', [join(folder, 'waiting.csv')]).status).toBe(0);
    symlinkSync(join(ROOT, 'package.json'), join(folder, 'outside.csv'));
    writeFileSync(join(folder, 'inside.txt'), 'not a reference file\n');
    symlinkSync(join(folder, 'inside.txt'), join(folder, 'link-inside.txt'));
    const r = cli(['check', '--today', '2025-11-20', '--reference', folder, november(['G35.A'])]);
    expect(r.stderr.split('\n').filter((l) => l !== '').sort()).toEqual([
      expect.stringMatching(/^reference: skipped inside\.txt: this is not a file the wizard knows/),
      expect.stringMatching(/^reference: skipped link-inside\.txt: this is not a file the wizard knows/),
      'reference: skipped outside.csv: a link to a place outside the folder; only files inside the folder are read',
      'reference: skipped waiting.csv: not a regular file (a pipe)',
    ]);
    expect(JSON.parse(r.stdout).decision.code).toBe('J2329');
  });
});

const DATA = join(ROOT, '../shared/data');
const hasData = existsSync(DATA);
if (!hasData) console.warn(`Skipping check --reference on the real files: ${DATA} is absent (the CMS/FDA reference files live outside the repository).`);

describe.skipIf(!hasData)('npm run cli -- check --reference ../shared/data', SLOW, () => {
  // The same claim, code and messages as the browser shows once the files are imported (e2e/reference-import.spec.ts).
  it('blocks Briumvi billed as J3590 in November 2025, naming J2329, its descriptor and the units to bill', () => {
    const example05 = JSON.parse(readFileSync(join(ROOT, 'examples/05-briumvi-partial-dose-waste.json'), 'utf8'));
    const packet = file('briumvi-nov-2025.json', { ...example05, dates: { service: '2025-11-10', plannedSubmission: '2025-11-17' } });
    const r = cli(['check', '--today', '2025-11-20', '--reference', '../shared/data', packet]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('reference: cms_asp_ndc_hcpcs_crosswalk_oct2025.csv: CMS ASP NDC-HCPCS crosswalk, October 2025, 8245 rows\n');
    expect(r.stderr).toContain('reference: icd10cm/icd10cm_order_2026.txt: CMS ICD-10-CM order file, FY2026, 98186 rows\n');
    const out = JSON.parse(r.stdout);
    expect(out.decision).toMatchObject({ code: 'J2329', kind: 'specific', descriptor: 'Injection, ublituximab-xiiy, 1mg' });
    expect(out.decision.reasons).toEqual(['NDC 73150-0150-06 has its own code on 11/10/2025: J2329 (CMS ASP NDC-HCPCS crosswalk, October 2025).']);
    expect(out.lines).toEqual([]);
    expect(out.findings).toContainEqual(expect.objectContaining({
      rule: 'code.specific-code-exists', severity: 'block', path: 'drugs.0.ndc.input',
      message: 'This drug has its own code on the date of service: J2329 (Injection, ublituximab-xiiy, 1mg, billed per 1 mg). '
        + 'Bill J2329 × 100 units (100 mg ÷ 1 mg, rounded up) instead of an unclassified code; an unclassified code is denied (CARC 189).',
    }));
    expect(out.findings).toContainEqual(expect.objectContaining({
      rule: 'dx.not-billable', severity: 'block', path: 'diagnoses.0.code',
      message: 'G35 is a category, not a billable code, for dates of service in FY2026. '
        + 'Pick the specific code: G35.A, G35.B0, G35.B1, G35.B2, G35.C0, G35.C1, G35.C2, G35.D. Claims with it are denied (CARC 146).',
    }));
  });
});

describe('npm run cli -- ndc', SLOW, () => {
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

describe('npm run cli -- export', SLOW, () => {
  const example05 = join(ROOT, 'examples/05-briumvi-partial-dose-waste.json');
  const exportArgs = (format: string, out: string, ...rest: string[]) => ['export', '--format', format, '--today', '2023-03-17', '--out', join(dir, out), ...rest];

  beforeAll(async () => {
    mkdirSync(join(dir, 'files'));
    writeFileSync(join(dir, 'files', 'waste-record-2023-03-10.pdf'), await samplePdf('WASTE RECORD', 1));
    writeFileSync(join(dir, 'files', 'invoice-mckesson-2023-03-01.pdf'), await samplePdf('MCKESSON INVOICE', 2));
  });

  it('writes the PDF packet with the attachments found in --attachments, their pages after the manifest', () => {
    const r = cli(exportArgs('pdf', 'packet.pdf', '--attachments', join(dir, 'files'), example05));
    expect(r).toMatchObject({ status: 0, stdout: `Wrote ${join(dir, 'packet.pdf')}\n`, stderr: '' });
    const pages = spawnSync('pdftotext', ['-layout', join(dir, 'packet.pdf'), '-'], { encoding: 'utf8' }).stdout.split('\f').slice(0, -1);
    expect(pages).toHaveLength(8);
    expect(pages[1]).toMatch(/24A shaded \(NDC\)\s+N473150015006 ML4/);
    expect(pages[4]).toMatch(/Attachment manifest/);
    expect(pages.slice(5).map((p) => p.match(/(WASTE RECORD|MCKESSON INVOICE) page \d of \d/)?.[0])).toEqual(['WASTE RECORD page 1 of 1', 'MCKESSON INVOICE page 1 of 2', 'MCKESSON INVOICE page 2 of 2']);
  });

  it('lists attachments it cannot find as not included', () => {
    const r = cli(exportArgs('pdf', 'no-files.pdf', example05));
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('attachment invoice-mckesson-2023-03-01.pdf: not found (no --attachments folder); listed in the PDF as not included.');
  });

  it('writes a JSON export that reads back to the same packet, and exports from it again', () => {
    expect(cli(exportArgs('json', 'claim.json', example05)).status).toBe(0);
    const read = readExport(readFileSync(join(dir, 'claim.json'), 'utf8'));
    expect(read.ok && read.packet).toEqual(JSON.parse(readFileSync(example05, 'utf8')));
    expect(cli(exportArgs('fhir', 'claim.fhir.json', join(dir, 'claim.json'))).status).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'claim.fhir.json'), 'utf8'))).toMatchObject({ resourceType: 'Claim', patient: { identifier: { value: 'ACCT-1007' } } });
  });

  it('writes the 837I fragment of example 02a, one segment per line', () => {
    const r = cli(['export', '--format', 'x12', '--today', '2019-01-24', '--out', join(dir, 'claim.x12'), join(ROOT, 'examples/02a-ultomiris-opps-c9399.json')]);
    expect(r.status).toBe(0);
    expect(readFileSync(join(dir, 'claim.x12'), 'utf8')).toBe([
      'NTE*ADD*ULTOMIRIS 25682-0022-01 IV 01/15/19 2700MG ONCE (270 ML)~', 'LX*1~',
      'SV2*0636*HC:C9399:::::ULTOMIRIS 25682-0022-01 IV 01/15/19 2700MG ONCE (270 ML)*0*UN*1~',
      'DTP*472*D8*20190115~', 'LIN**N4*25682002201~', 'CTP****270*ML~', '',
    ].join('\n'));
  });

  it('refuses a claim that is not exportable, printing each blocking finding on its own line, exit 1', () => {
    const r = cli(exportArgs('x12', 'blocked.x12', file('blocked-export.json', blockedPacket)));
    expect(r.status).toBe(1);
    const reasons = r.stderr.split('\n').filter((l) => l.startsWith('- '));
    expect(reasons.length).toBeGreaterThanOrEqual(2);
    expect(reasons).toContainEqual(expect.stringContaining('10-digit NDC without hyphens'));
    expect(r.stderr).toContain('this claim cannot be exported yet:');
  });

  it('exits 2 for a file it cannot read and for a wrong command', () => {
    expect(cli(exportArgs('pdf', 'x.pdf', join(dir, 'nope.json')))).toMatchObject({ status: 2, stderr: expect.stringContaining('nope.json: cannot be read (ENOENT)') });
    expect(cli(exportArgs('json', 'x.json', file('newer-export.json', { format: 'noc-claim-export', version: 2 }))))
      .toMatchObject({ status: 2, stderr: expect.stringContaining('This file was saved by a newer version') });
    expect(cli(['export', '--format', 'docx', '--out', 'x', example05])).toMatchObject({ status: 2, stderr: expect.stringContaining('--format must be one of pdf, json, fhir, x12') });
    expect(cli(['export', '--format', 'pdf', example05])).toMatchObject({ status: 2, stderr: expect.stringContaining('--out names the file to write') });
  });
});
