import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { importReferenceFile } from './import';
import { createReference } from './memory-reference';
import type { Snapshot } from './snapshot';
import { decodeSnapshot, encodeSnapshot, snapshotFiles, withBuiltIn } from './snapshot';
import type { Period, ReferenceKind, ReferenceTable } from './tables';
import { isoDate } from '../dates';
import { knownNdc11 } from '../ndc';
import { knownHcpcsCode } from '../codes';

const DATA = join(import.meta.dirname, '../../../../shared/data');
const hasData = existsSync(DATA);
if (!hasData) console.warn(`Skipping the built-in snapshot checks against the source files: ${DATA} is absent (the CMS/FDA reference files live outside the repository).`);
const SNAPSHOT_FILE = join(import.meta.dirname, 'builtin/reference-snapshot.json');
const snapshotText = readFileSync(SNAPSHOT_FILE, 'utf8');
const snapshot = JSON.parse(snapshotText) as Snapshot;
const reference = createReference(decodeSnapshot(snapshot));

const period = (from: string, through: string, label: string) => ({ from: isoDate(from), through: isoDate(through), label });
const OCTOBER = period('2025-10-01', '2025-12-31', 'October 2025');

describe('the snapshot form', () => {
  it('gives back every table it was made of, row for row (ICD-10-CM with the short description for both)', () => {
    const tables: ReferenceTable[] = [
      { kind: 'asp-crosswalk', period: OCTOBER, rows: Array.from({ length: 5 }, (_, i) => ({ code: knownHcpcsCode('J9271'), shortDescription: 'Inj pembrolizumab', labeler: 'Merck', ndc11: i === 4 ? null : knownNdc11(`0000630260${i}`), id: `id${i}`, drugName: 'Keytruda', dosage: '1 MG', packageSize: '4', packageQuantity: String(i), billUnits: '100', billUnitsPerPackage: '100' })) },
      { kind: 'icd10-order', fiscalYear: 2026, period: period('2025-10-01', '2026-09-30', 'FY2026'), rows: [['G35', false, 'Multiple sclerosis', 'Multiple sclerosis'], ['G35A', true, 'Relapsing-remitting multiple sclerosis', 'Relapsing-remitting multiple sclerosis'], ['Z00', false, 'Encntr for general exam', 'Encntr for general exam']] },
      { kind: 'icd10-order', fiscalYear: 2025, period: period('2024-10-01', '2025-09-30', 'FY2025'), rows: [['G35', true, 'Multiple sclerosis', 'Multiple sclerosis'], ['G36', true, 'Other acute disseminated demyelination', 'Other acute disseminated demyelination'], ['Z00', false, 'Encntr for general exam', 'Encntr for general exam']] },
    ];
    const encoded = encodeSnapshot('October 2025', '2025-11-01', [], tables);
    expect(decodeSnapshot(JSON.parse(JSON.stringify(encoded)) as Snapshot)).toEqual(tables);
  });

  it('refuses a snapshot of another format rather than misread it', () => {
    expect(() => decodeSnapshot({ ...snapshot, format: snapshot.format + 1 })).toThrow(/format/);
  });

  it('lets an imported file supersede the built-in table of its kind and period only', () => {
    const builtIn = snapshotFiles(snapshot);
    const imported: { kind: ReferenceKind; period: Period }[] = [{ kind: 'asp-crosswalk', period: OCTOBER }, { kind: 'asp-crosswalk', period: period('2026-01-01', '2026-03-31', 'January 2026') }];
    const used = withBuiltIn(imported, builtIn);
    expect(used.filter((t) => t.kind === 'asp-crosswalk')).toEqual(imported);
    expect(used.filter((t) => t.kind === 'icd10-order').map((t) => t.period.label).sort()).toEqual(['FY2025', 'FY2026']);
    expect(builtIn.every((f) => f.builtIn === true)).toBe(true);
  });
});

describe('the built-in snapshot (src/core/reference-data/builtin)', () => {
  it('stays within 6 MB in the repository and 2.5 MB compressed', () => {
    expect(Buffer.byteLength(snapshotText)).toBeLessThanOrEqual(6_000_000);
    expect(gzipSync(snapshotText).length).toBeLessThanOrEqual(2_500_000);
  });

  it('names J2329 for Briumvi in October–December 2025, and nothing outside the quarter without its HCPCS dates', () => {
    expect(reference.crosswalkCodes(knownNdc11('73150015006'), isoDate('2025-11-03'))?.codes.map((c) => c.code)).toEqual(['J2329']);
    expect(reference.codeValidity(knownHcpcsCode('J2329'), isoDate('2025-11-03'))).toEqual({ status: 'valid', descriptor: 'Injection, ublituximab-xiiy, 1mg' });
    expect(reference.aspPaymentLimit(knownHcpcsCode('J2329'), isoDate('2025-11-03'))).toMatchObject({ perUnit: '70.753' });
  });

  it('answers ICD-10-CM by fiscal year with short descriptions: G35 billable in FY2025, a header with its children in FY2026', () => {
    expect(reference.diagnosis('G35', isoDate('2025-09-30'))).toEqual({ status: 'billable', description: 'Multiple sclerosis' });
    expect(reference.diagnosis('G35', isoDate('2025-11-03'))).toMatchObject({ status: 'header', billableChildren: expect.arrayContaining(['G35A', 'G35D']) });
    expect(reference.diagnosis('E119', isoDate('2025-11-03'))).toEqual({ status: 'billable', description: 'Type 2 diabetes mellitus without complications' });
    expect(reference.diagnosis('E11', isoDate('2025-11-03'))).toMatchObject({ status: 'header' });
    expect(reference.diagnosis('E1199', isoDate('2025-11-03'))).toEqual({ status: 'not-found' });
    expect(reference.diagnosis('E119', isoDate('2026-10-01'))).toBeUndefined();
  });

  it.skipIf(!hasData)('was built from the files in ../shared/data as they are (SHA-256 and row counts of its manifest)', () => {
    for (const source of snapshot.sources) {
      const bytes = readFileSync(join(DATA, source.file));
      expect(createHash('sha256').update(bytes).digest('hex'), source.file).toBe(source.sha256);
      const imported = importReferenceFile(source.file, bytes, { today: snapshot.built });
      expect(imported.ok && [imported.table.kind, imported.table.period, imported.table.rows.length]).toEqual([source.kind, source.period, source.rows]);
    }
    expect(snapshot.sources.map((s) => s.kind).sort()).toEqual(['asp-crosswalk', 'asp-pricing', 'hcpcs', 'icd10-order', 'icd10-order', 'noc-crosswalk', 'noc-pricing', 'purple-book']);
  });
});
