import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readExport } from '../core/export/json-packet';
import { samplePdf } from '../test-support/sample-files';

const ROOT = join(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

function cli(args: string[], input?: string) {
  // A run that waits on a FIFO would hang the suite: it is killed, and fails, after 60 s.
  const r = spawnSync(TSX, [join(ROOT, 'src/cli/main.ts'), ...args], { cwd: ROOT, input, encoding: 'utf8', timeout: 60_000 });
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
    // The claim-form strings and the payment estimate, as the wizard's review and the PDF show them.
    expect(out.claimForm).toEqual({
      form: 'CMS-1500', lines: [{ line: 1, drugIndex: 0, item24AShaded: '', item24D: 'J3490', item24G: '1', description: 'EXAMPLE 10MG IV' }], item19: 'EXAMPLE 10MG IV',
    });
    expect(out.payment).toEqual([{ drugIndex: 0, amount: null, basis: 'none', source: '', explanation: expect.stringContaining('No published price and no invoice net cost'), notes: expect.any(Array) }]);
    // The payer profile checked against, and the filing deadline: one calendar year after the date of service for Medicare.
    expect(out.profile).toEqual({ id: 'medicare-part-b', name: 'Medicare Part B (any MAC)' });
    expect(out.timelyFiling).toEqual({ limit: expect.stringContaining('12 months'), limitDeadline: '2025-05-06', exception: null, deadline: '2025-05-06' });
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
  it('blocks, like every export, units that Item 24G cannot hold, and prints them nowhere (no 19990000, no 1e+27)', () => {
    const example05 = JSON.parse(readFileSync(join(ROOT, 'examples/05-briumvi-partial-dose-waste.json'), 'utf8'));
    const perNanogram = {
      ...example05,
      payer: { kind: 'medicaid', profileId: 'custom-units', customProfile: {
        id: 'custom-units', name: 'Per nanogram', payerKind: 'medicaid', careSettings: ['office'], nocUnits: { basis: 'amount', per: { value: '0.000000000000000000001', unit: 'mg' } },
        ndcQuantityBasis: 'ncpdp', rejectsMilligramQualifier: false, narrativePlacement: 'SV101-7', narrativeMaxLength: 80, narrativeNdc: 'plain', c9399Waste: 'jw-line',
        usesC9399: true, antineoplasticBiologicCode: 'J9999', compoundCode: 'J7999', timelyFiling: { months: 12 }, priorAuth: 'never', jwJz: true,
        coversSelfAdministered: true, requiresRebatingLabeler: false, source: 'test',
      } },
    };
    const packet = file('per-nanogram.json', perNanogram);
    const r = cli(['check', '--today', '2023-03-17', packet]);
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.findings).toContainEqual(expect.objectContaining({ rule: 'units.too-large', severity: 'block', path: 'drugs.0.administration.dose.value' }));
    expect(out.lines.map((l: { units: unknown }) => l.units)).toEqual([null, null]);
    expect(out.claimForm.lines.map((l: { item24G: string }) => l.item24G)).toEqual(['', '']);
    expect(r.stdout).not.toMatch(/\de[+-]\d/);
    const x12 = cli(['export', '--format', 'x12', '--today', '2023-03-17', '--out', join(dir, 'per-nanogram.x12'), packet]);
    expect(x12.status).toBe(1);
    expect(x12.stderr).toContain('HCPCS units are more than a claim line carries (9999999 at most).');
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
    expect(out.decision.reasons[0]).toBe('NDC 73150-0150-06 has its own code on 11/10/2025: J2329 (CMS ASP NDC-HCPCS crosswalk, October 2025).');
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
    expect(r.stderr).toBe('reference: crosswalk.csv: CMS ASP NDC-HCPCS crosswalk, October 2025, 1 rows\n'
      + 'reference: crosswalk.csv is partial: 1 row, where a quarter\'s crosswalk has about 8,000 (fewer than 2,000 is taken for a part of one). '
      + 'It is used, but an NDC it does not list may still have a code of its own; claims of its quarter say so\n');
    const out = JSON.parse(r.stdout);
    // The imported crosswalk, not the built-in one, answers for October 2025: it does not list Briumvi's NDC...
    expect(out.decision.code).toBe('J3590');
    // ... but the built-in HCPCS file, kept, has J2329, whose descriptor names ublituximab-xiiy.
    expect(out.findings.filter((f: { rule: string }) => f.rule === 'code.name-match').map((f: { actions: { label: string }[] }) => f.actions.map((a) => a.label)))
      .toEqual([['Bill J2329 instead', 'J2329 is not this drug']]);
    expect(out.decision.reasons).toContain('Checked: NDC 73150-0150-06 is in none of the crosswalk quarters loaded (October 2025 (partial)). '
      + 'Not checked: the whole crosswalk of the date\'s quarter: the October 2025 crosswalk loaded is partial '
      + '(1 row, where a quarter\'s crosswalk has about 8,000 (fewer than 2,000 is taken for a part of one)), so CMS may list this NDC in the rows it lacks.');
    expect(out.diagnoses[0]).toMatchObject({ status: 'billable', description: 'Relapsing-remitting multiple sclerosis' });
  });

  it('refuses the files in --reference that contradict themselves, each with its line and reason, and answers from the built-in data', () => {
    const folder = mkdtempSync(join(tmpdir(), 'noc-ref-'));
    writeFileSync(join(folder, 'hcpcs.csv'), [
      'HCPC,SEQNUM,RECID,LONG DESCRIPTION,SHORT DESCRIPTION,ADD DT,ACT EFF DT,TERM DT,ACTION CD',
      'J3490,0010,3,Unclassified drugs,Drugs unclassified injection,19860101,19970101,,N',
      'J2329,0010,3,"Injection, ublituximab-xiiy, 1mg",Inj ublituximab-xiiy 1mg,20230701,20230701,,N',
      'J2329,0010,3,"Injection, ublituximab-xiiy, 10 mg",Inj ublituximab-xiiy 10mg,20240101,20240101,,C', '',
    ].join('\r\n'));
    writeFileSync(join(folder, 'crosswalk.csv'), [
      'October 2025 ASP NDC - HCPCS Crosswalk,,', '"Effective January 1, 0001 through December 31, 9999",,',
      '_2025_CODE,Short Description,LABELER NAME,NDC2,Drug Name,HCPCS dosage,PKG SIZE,PKG QTY,BILLUNITS,BILLUNITSPKG',
      'J9271,Inj pembrolizumab,Merck,00006-3026-02,Keytruda,1 MG,4,1,100,100', '',
    ].join('\r\n'));
    mkdirSync(join(folder, 'icd10cm_order_2026'));
    writeFileSync(join(folder, 'icd10cm_order_2026', 'order.txt'), '00001 A000    0 Cholera                                                      Cholera\n');
    const r = cli(['check', '--today', '2025-11-20', '--reference', folder, november(['G35.A'])]);
    expect(r.stderr.split('\n').filter((l) => l !== '')).toEqual([
      'reference: skipped crosswalk.csv: Line 2: the banner of this CMS ASP NDC-HCPCS crosswalk covers 01/01/0001 through 12/31/9999, outside 1990–2100: '
        + 'no file CMS or the FDA publishes for the wizard covers such dates. Download the file again',
      'reference: skipped hcpcs.csv: Line 4: code J2329 is listed again, for dates that overlap those of line 3 (from 07/01/2023 and from 01/01/2024). '
        + 'A published file lists a code once for any date, so which row holds cannot be told. Download the file again from CMS',
      'reference: skipped icd10cm_order_2026/order.txt: the fiscal year of this ICD-10-CM order file is told by its name, and "order.txt" does not say it. '
        + 'Keep the name CMS gives it, for example icd10cm_order_2026.txt',
    ]);
    const out = JSON.parse(r.stdout);
    expect(out.decision).toMatchObject({ code: 'J2329', kind: 'specific' });
    expect(out.diagnoses[0]).toMatchObject({ status: 'billable', fiscalYear: 'FY2026' });
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

describe('npm run cli -- check: a drug whose NDC no crosswalk lists, but whose name a HCPCS descriptor carries', SLOW, () => {
  // Ultomiris 300 mg/30 mL (NDC 25682-0022-01): the October 2025 crosswalk lists its 3 mL and 11 mL vials only.
  const example01 = JSON.parse(readFileSync(join(ROOT, 'examples/01-ultomiris-office-2019.json'), 'utf8'));
  const onNovember10 = (drug: Record<string, unknown>) => file(`ultomiris-${Object.keys(drug).join('-') || 'plain'}.json`, {
    ...example01, dates: { service: '2025-11-10', plannedSubmission: '2025-11-17' },
    drugs: [{ ...example01.drugs[0], administration: { ...example01.drugs[0].administration, start: '2025-11-10T09:00', end: '2025-11-10T11:20', expiration: '2026-06-30' }, ...drug }],
  });

  it('names J1303, blocks J3590 and offers to bill J1303 or to set it aside', () => {
    const r = cli(['check', '--today', '2025-11-20', onNovember10({})]);
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.decision.code).toBe('J3590');
    expect(out.decision.reasons.slice(0, 2)).toEqual([
      'The CMS HCPCS Level II file, October 2025 has a code in force on 11/10/2025 whose descriptor names ravulizumab-cwvz or Ultomiris: J1303 (Injection, ravulizumab-cwvz, 10 mg).',
      'Checked: NDC 25682-0022-01 is in none of the crosswalk quarters loaded (October 2025); the crosswalk of the date\'s quarter (October 2025) is loaded whole.',
    ]);
    expect(out.findings).toContainEqual({
      rule: 'code.name-match', severity: 'block', path: 'drugs.0.genericName', source: expect.any(Object),
      message: 'The CMS HCPCS Level II file, October 2025 has a code of its own for ravulizumab-cwvz or Ultomiris on the date of service: J1303 (Injection, ravulizumab-cwvz, 10 mg). '
        + 'An unclassified code is denied when the drug has its own (CARC 189): bill it, or, if it is not this drug (another salt, route or formulation), set it aside and say why.',
      actions: [
        { kind: 'confirm-code', drugIndex: 0, code: 'J1303', label: 'Bill J1303 instead' },
        { kind: 'dismiss-match', drugIndex: 0, codes: ['J1303'], label: 'J1303 is not this drug' },
      ],
    });
  });

  it('confirmed, checks and exports the J1303 claim: 270 units of 10 mg, JZ, no description', () => {
    const packet = onNovember10({ specificCodeChoice: 'J1303' });
    const r = cli(['check', '--today', '2025-11-20', packet]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.decision).toMatchObject({ code: 'J1303', kind: 'specific' });
    expect(out.lines.map((l: { code: string; modifiers: string[]; units: number; narrative: string | null }) => [l.code, l.modifiers, l.units, l.narrative])).toEqual([['J1303', ['JZ'], 270, null]]);
    expect(cli(['export', '--format', 'x12', '--today', '2025-11-20', '--out', join(dir, 'j1303.x12'), packet]).status).toBe(0);
    expect(readFileSync(join(dir, 'j1303.x12'), 'utf8')).toContain('SV1*HC:J1303:JZ*0*UN*270***1~');
  });

  it('set aside with a reason, exports the J3590 claim and prints the reason in the PDF packet', () => {
    const reason = 'Pharmacy-compounded from bulk drug, not the licensed product J1303 describes';
    const packet = onNovember10({ dismissedCodeMatch: { codes: ['J1303'], reason } });
    const checked = JSON.parse(cli(['check', '--today', '2025-11-20', packet]).stdout);
    expect(checked).toMatchObject({ exportable: true, decision: { code: 'J3590' } });
    expect(checked.decision.reasons).toContain(`The biller set J1303 aside as not this drug: ${reason}.`);
    const pdf = join(dir, 'set-aside.pdf');
    expect(cli(['export', '--format', 'pdf', '--today', '2025-11-20', '--out', pdf, packet]).status).toBe(0);
    const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    expect(text).toContain(`The biller set J1303 aside as not this drug: ${reason}.`);
  });

  it('does not name J1303 on 2/12/2019, before CMS added it, and says so', () => {
    const out = JSON.parse(cli(['check', '--today', '2019-02-19', join(ROOT, 'examples/01-ultomiris-office-2019.json')]).stdout);
    expect(out).toMatchObject({ exportable: true, decision: { code: 'J3590' } });
    expect(out.findings.filter((f: { rule: string }) => f.rule === 'code.not-verified').map((f: { message: string }) => f.message)).toEqual([
      'The wizard could not confirm that this drug has no code of its own on 02/12/2019. Checked: NDC 25682-0022-01 is in none of the crosswalk quarters loaded (October 2025); '
      + 'no drug code in force on the date of service in the CMS HCPCS Level II file, October 2025 names ravulizumab-cwvz or Ultomiris '
      + '(J1303 (Injection, ravulizumab-cwvz, 10 mg) names ravulizumab-cwvz but was added on 10/01/2019, after the date of service). '
      + 'Not checked: the crosswalk of the date\'s quarter (January 2019), which is not loaded. '
      + 'Before sending, import the CMS crosswalk of January 2019 (Reference data; CMS keeps past quarters on its ASP pages).',
    ]);
  });
});

const DATA = join(ROOT, '../shared/data');
const hasData = existsSync(DATA);
if (!hasData) console.warn(`Skipping check --reference on the real files: ${DATA} is absent (the CMS/FDA reference files live outside the repository).`);

describe.skipIf(!hasData)('npm run cli -- check --reference ../shared/data', SLOW, () => {
  // The same claim, code and messages as the browser shows once the files are imported (e2e/reference-import.spec.ts).
  it('builds the J2329 claim of Briumvi started as J3590 in November 2025, blocked until the biller chooses J2329, with the action that does it', () => {
    const example05 = JSON.parse(readFileSync(join(ROOT, 'examples/05-briumvi-partial-dose-waste.json'), 'utf8'));
    const packet = file('briumvi-nov-2025.json', { ...example05, dates: { service: '2025-11-10', plannedSubmission: '2025-11-17' } });
    const r = cli(['check', '--today', '2025-11-20', '--reference', '../shared/data', packet]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('reference: cms_asp_ndc_hcpcs_crosswalk_oct2025.csv: CMS ASP NDC-HCPCS crosswalk, October 2025, 8245 rows\n');
    expect(r.stderr).toContain('reference: icd10cm/icd10cm_order_2026.txt: CMS ICD-10-CM order file, FY2026, 98186 rows\n');
    const out = JSON.parse(r.stdout);
    expect(out.decision).toMatchObject({ code: 'J2329', kind: 'specific', descriptor: 'Injection, ublituximab-xiiy, 1mg' });
    expect(out.decision.reasons).toEqual([
      'NDC 73150-0150-06 has its own code on 11/10/2025: J2329 (CMS ASP NDC-HCPCS crosswalk, October 2025).',
      'J2329 is billed per 1 mg: its lines carry units of it, the NDC and its quantity, and no drug description.',
    ]);
    expect(out.lines.map((l: { code: string; codeKind: string; modifiers: string[]; units: number; narrative: string | null }) => [l.code, l.codeKind, l.modifiers, l.units, l.narrative]))
      .toEqual([['J2329', 'specific', [], 100, null], ['J2329', 'specific', ['JW'], 50, null]]);
    expect(out.findings).toContainEqual({
      rule: 'code.specific-code-exists', severity: 'block', path: 'drugs.0.ndc.input', source: expect.any(Object),
      message: 'This drug has its own code on the date of service: J2329 (Injection, ublituximab-xiiy, 1mg, billed per 1 mg). '
        + 'An unclassified code is denied (CARC 189): bill J2329 instead (its lines: J2329 × 100, J2329 JW × 50).',
      actions: [{ kind: 'use-code', drugIndex: 0, code: 'J2329', label: 'Bill J2329 instead' }],
    });
    expect(out.findings).toContainEqual(expect.objectContaining({
      rule: 'dx.not-billable', severity: 'block', path: 'diagnoses.0.code',
      message: 'G35 is a category, not a billable code, for dates of service in FY2026. '
        + 'Pick the specific code: G35.A, G35.B0, G35.B1, G35.B2, G35.C0, G35.C1, G35.C2, G35.D. Claims with it are denied (CARC 146).',
    }));
  });

  it('checks and exports the J2329 claim once the biller chose it: the same lines in check and the 837', () => {
    const example05 = JSON.parse(readFileSync(join(ROOT, 'examples/05-briumvi-partial-dose-waste.json'), 'utf8'));
    const packet = file('briumvi-nov-2025-j2329.json', {
      ...example05, dates: { service: '2025-11-10', plannedSubmission: '2025-11-17' }, diagnoses: [{ code: 'G35.A' }],
      drugs: [{
        ...example05.drugs[0], specificCodeChoice: 'J2329',
        administration: { ...example05.drugs[0].administration, start: '2025-11-10T09:00', end: '2025-11-10T10:10', expiration: '2026-10-31' },
        waste: { ...example05.drugs[0].waste, time: '2025-11-10T10:20' },
      }],
    });
    const checked = cli(['check', '--today', '2025-11-20', '--reference', '../shared/data', packet]);
    expect(checked.status).toBe(0);
    expect(JSON.parse(checked.stdout).claimForm.lines.map((l: { item24D: string }) => l.item24D)).toEqual(['J2329', 'J2329 JW']);
    const exported = cli(['export', '--format', 'x12', '--today', '2025-11-20', '--reference', '../shared/data', '--out', join(dir, 'j2329.x12'), packet]);
    expect(exported.status).toBe(0);
    expect(readFileSync(join(dir, 'j2329.x12'), 'utf8')).toBe([
      'LX*1~', 'SV1*HC:J2329*0*UN*100***1~', 'DTP*472*D8*20251110~', 'LIN**N4*73150015006~', 'CTP****4*ML~',
      'LX*2~', 'SV1*HC:J2329:JW*0*UN*50***1~', 'DTP*472*D8*20251110~', 'LIN**N4*73150015006~', 'CTP****2*ML~', '',
    ].join('\n'));
  });
});

describe.skipIf(!hasData)('the examples of drugs billed under their own code, with the real CMS files', SLOW, () => {
  // Their expected outcomes name the October 2025 codes; the real crosswalk, HCPCS and ICD-10-CM files give the same lines.
  it.each(['30-remicade-own-code-jz', '31-remicade-own-code-jw', '32-lorazepam-dose-under-one-unit', '33-digifab-per-vial', '36-avastin-wasteful-vials'])('%s', (name) => {
    const expected = JSON.parse(readFileSync(join(ROOT, `examples/${name}.expected.json`), 'utf8'));
    const r = cli(['check', '--today', expected.today, '--reference', '../shared/data', join(ROOT, `examples/${name}.json`)]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.lines.map((l: { code: string; modifiers: string[]; units: number; ndc: { unit: string; quantity: string } }) => ({
      code: l.code, modifiers: l.modifiers, units: l.units, ndc: { unit: l.ndc.unit, quantity: l.ndc.quantity },
    }))).toEqual(expected.lines);
    for (const rule of expected.warns ?? []) expect(out.findings.map((f: { rule: string }) => f.rule)).toContain(rule);
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
  it('keeps three columns per line whatever the input holds: tabs, line breaks, escapes and backslashes are written as escapes', () => {
    const r = cli(['ndc', '0409-1560-29\t', 'a\tb\tc', 'x\ny', '\u001b[2J\\'], '');
    expect(r.status).toBe(1);
    const lines = r.stdout.split('\n').slice(0, -1);
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(line.split('\t')).toHaveLength(3);
    expect(lines[0]).toBe('0409-1560-29\\t\t00409156029\t00409-1560-29');
    expect(lines[1]).toMatch(/^a\\tb\\tc\tERROR\t/);
    expect(lines[2]).toMatch(/^x\\ny\tERROR\t/);
    expect(lines[3]).toMatch(/^\\u001b\[2J\\\\\tERROR\t/);
    expect(cli(['ndc'], 'a\tb\n0409-1560-29\n').stdout.split('\n').slice(0, -1).map((l) => l.split('\t').length)).toEqual([3, 3]);
  });
  it('reads one NDC per line from stdin and exits 0 when all are valid', () => {
    expect(cli(['ndc'], '69448-022-63\n12345-6789-0\n')).toEqual({ status: 0, stdout: '69448-022-63\t69448002263\t69448-0022-63\n12345-6789-0\t12345678900\t12345-6789-00\n', stderr: '' });
  });
});

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');
const pdfText = (path: string) => spawnSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).stdout;

describe('npm run cli -- export', SLOW, () => {
  const example05 = join(ROOT, 'examples/05-briumvi-partial-dose-waste.json');
  const exportArgs = (format: string, out: string, ...rest: string[]) => ['export', '--format', format, '--today', '2023-03-17', '--out', join(dir, out), ...rest];
  /** Example 05 listing the two sample files written in `files/` (their sizes and SHA-256). */
  let withFiles: string;

  beforeAll(async () => {
    mkdirSync(join(dir, 'files'));
    const packet = JSON.parse(readFileSync(example05, 'utf8'));
    const samples = [await samplePdf('WASTE RECORD', 1), await samplePdf('MCKESSON INVOICE', 2)];
    packet.attachments.forEach((a: { fileName: string; size: number; sha256: string }, i: number) => {
      writeFileSync(join(dir, 'files', a.fileName), samples[i]!);
      Object.assign(a, { size: samples[i]!.length, sha256: sha256(samples[i]!) });
    });
    withFiles = file('example05-with-files.json', packet);
  });

  it('writes the PDF packet with the attachments found in --attachments, their pages after the manifest', () => {
    const r = cli(exportArgs('pdf', 'packet.pdf', '--attachments', join(dir, 'files'), withFiles));
    expect(r).toMatchObject({ status: 0, stdout: `Wrote ${join(dir, 'packet.pdf')}\n`, stderr: '' });
    const pages = spawnSync('pdftotext', ['-layout', join(dir, 'packet.pdf'), '-'], { encoding: 'utf8' }).stdout.split('\f').slice(0, -1);
    const manifest = pages.findIndex((p) => /Attachment manifest/.test(p));
    expect(pages.findIndex((p) => /24A shaded \(NDC\)\s+N473150015006 ML4/.test(p))).toBeGreaterThan(0);
    expect(manifest).toBe(pages.length - 5);
    expect(pages.slice(manifest + 1, -1).map((p) => p.match(/(WASTE RECORD|MCKESSON INVOICE) page \d of \d/)?.[0])).toEqual(['WASTE RECORD page 1 of 1', 'MCKESSON INVOICE page 1 of 2', 'MCKESSON INVOICE page 2 of 2']);
    expect(pages.at(-1)).toMatch(/Notes for the billing office \(not part of the claim\)/);
  });

  it('lists attachments it cannot find as not included, and a file whose SHA-256 is not the one listed', () => {
    const none = cli(exportArgs('pdf', 'no-files.pdf', example05));
    expect(none.status).toBe(0);
    expect(none.stderr).toContain('attachment "invoice-mckesson-2023-03-01.pdf": not included: no --attachments folder was given.\n');
    // Example 05 lists the SHA-256 of the biller's own files, not of the samples in files/.
    const other = cli(exportArgs('pdf', 'other-files.pdf', '--attachments', join(dir, 'files'), example05));
    expect(other.status).toBe(0);
    expect(other.stderr).toContain('attachment "waste-record-2023-03-10.pdf": not included: its SHA-256 is not the one the claim lists: it is another file, or a changed copy.\n');
    expect(pdfText(join(dir, 'other-files.pdf'))).not.toContain('WASTE RECORD page 1 of 1');
  });

  it('reads nothing beside the attachments folder: paths, links, a FIFO, a folder and a file over 25 MB are listed with the reason', () => {
    const root = join(dir, 'hostile');
    mkdirSync(join(root, 'files'), { recursive: true });
    writeFileSync(join(root, 'secret.pdf'), 'OTHER PATIENT');
    symlinkSync(join(root, 'secret.pdf'), join(root, 'files', 'link.pdf'));
    mkdirSync(join(root, 'files', 'folder.pdf'));
    expect(spawnSync('mkfifo', [join(root, 'files', 'pipe.pdf')]).status).toBe(0);
    writeFileSync(join(root, 'files', 'huge.pdf'), '');
    spawnSync('truncate', ['-s', String(25 * 1024 * 1024 + 1), join(root, 'files', 'huge.pdf')]);
    const secret = sha256('OTHER PATIENT');
    const names = ['../secret.pdf', '..\\secret.pdf', '', '..', 'link.pdf', 'folder.pdf', 'pipe.pdf', 'huge.pdf'];
    const packet = JSON.parse(readFileSync(withFiles, 'utf8'));
    // The claim's own two files (kept, so that it stays exportable) are not in this folder.
    packet.attachments = [...names.map((fileName, i) => ({ id: `h${i}`, kind: 'other', fileName, mediaType: 'application/pdf', size: 13, sha256: secret })), ...packet.attachments];
    const r = cli(exportArgs('pdf', 'hostile.pdf', '--attachments', join(root, 'files'), file('hostile.json', packet)));
    expect(r.status).toBe(0);
    const reasons = r.stderr.trim().split('\n');
    expect(reasons).toEqual([
      'attachment "../secret.pdf": not included: its name is a path; only files directly inside the attachments folder are read.',
      'attachment "..\\\\secret.pdf": not included: its name is a path; only files directly inside the attachments folder are read.',
      'attachment "": not included: the claim gives it no file name.',
      'attachment "..": not included: ".." names a folder, not a file.',
      'attachment "link.pdf": not included: it is a symbolic link; only files directly inside the attachments folder are read.',
      'attachment "folder.pdf": not included: it is a folder, not a file.',
      'attachment "pipe.pdf": not included: it is a named pipe (FIFO), not a file.',
      'attachment "huge.pdf": not included: it is larger than 25 MB, the most the wizard attaches.',
      `attachment "waste-record-2023-03-10.pdf": not included: it is not in ${join(root, 'files')}.`,
      `attachment "invoice-mckesson-2023-03-01.pdf": not included: it is not in ${join(root, 'files')}.`,
    ]);
    const text = pdfText(join(dir, 'hostile.pdf')).replace(/\s+/g, ' ');
    expect(text).toContain('In this packet Not included: it is a named pipe (FIFO), not a file.');
    expect(text).toContain('In this packet Not included: its name is a path; only files directly inside the attachments folder are read.');
    expect(text).not.toContain('OTHER PATIENT');
  });

  it('refuses an --out that is the claim file (by name, through a link or as a hard link), a file read, or a folder', () => {
    const packetFile = file('overwrite-me.json', readFileSync(withFiles, 'utf8'));
    const before = readFileSync(packetFile, 'utf8');
    symlinkSync(packetFile, join(dir, 'link-to-packet.json'));
    linkSync(packetFile, join(dir, 'hard-link-to-packet.json'));
    const refused = (out: string, ...rest: string[]) => cli(['export', '--format', 'json', '--today', '2023-03-17', '--out', out, ...rest, packetFile]);
    for (const out of [packetFile, join(dir, 'link-to-packet.json'), join(dir, 'hard-link-to-packet.json'), join(dir, '.', 'overwrite-me.json')]) {
      expect(refused(out), out).toMatchObject({ status: 2, stderr: expect.stringContaining(`--out ${out}: is the claim file being exported`) });
    }
    expect(refused(dir)).toMatchObject({ status: 2, stderr: expect.stringContaining(`--out ${dir}: is a folder.`) });
    const attachment = join(dir, 'files', 'waste-record-2023-03-10.pdf');
    expect(cli(['export', '--format', 'pdf', '--today', '2023-03-17', '--attachments', join(dir, 'files'), '--out', attachment, packetFile]))
      .toMatchObject({ status: 2, stderr: expect.stringContaining(`--out ${attachment}: is an attached file`) });
    expect(readFileSync(packetFile, 'utf8')).toBe(before);
    expect(pdfText(attachment)).toContain('WASTE RECORD page 1 of 1');
  });

  it('reads a claim file saved with a UTF-8 byte-order mark, in check and export alike', () => {
    const bom = file('bom.json', `\uFEFF${readFileSync(example05, 'utf8')}`);
    expect(cli(exportArgs('json', 'from-bom.json', bom)).status).toBe(0);
    const checked = cli(['check', '--today', '2023-03-17', bom]);
    expect(checked.status).toBe(0);
    expect(JSON.parse(checked.stdout)).toMatchObject({ exportable: true, decision: { code: 'J3590' } });
  });

  it('checks a JSON export as the packet it holds, as export reads it', () => {
    expect(cli(exportArgs('json', 'to-check.json', example05)).status).toBe(0);
    const fromExport = cli(['check', '--today', '2023-03-17', join(dir, 'to-check.json')]);
    const fromPacket = cli(['check', '--today', '2023-03-17', example05]);
    expect(fromExport.status).toBe(0);
    expect({ ...JSON.parse(fromExport.stdout), file: '' }).toEqual({ ...JSON.parse(fromPacket.stdout), file: '' });
    const newer = cli(['check', file('newer-export-check.json', { format: 'noc-claim-export', version: 2, packet: {} })]);
    expect(newer).toMatchObject({ status: 2, stderr: expect.stringContaining('This file was saved by a newer version of NOC Claim Wizard (claim export version 2)') });
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
