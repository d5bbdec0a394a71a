/**
 * Every crosswalk quarter loaded counts (memory-reference.ts): a code another quarter maps the NDC
 * to is a candidate when the HCPCS file has it in force on the date; and a crosswalk that is a
 * part of a quarter is taken for one (crosswalk-completeness.ts), whatever its rows say.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importReferenceFile } from './import';
import { partialBySize, partialCrosswalks, PARTIAL_CROSSWALK_ROWS } from './crosswalk-completeness';
import { quarterPeriod } from './import-support';
import { createReference } from './memory-reference';
import type { CrosswalkRow, HcpcsRow, ReferenceTable } from './tables';
import { isoDate } from '../dates';
import type { Ndc11 } from '../ndc';
import { knownNdc11 } from '../ndc';
import { knownHcpcsCode } from '../codes';

const BRIUMVI = knownNdc11('73150015006');
const ndcOf = (i: number) => knownNdc11(String(10_000_000_000 + i).padStart(11, '0'));
const row = (ndc11: Ndc11, code = 'J9271', dosage = '1 MG'): CrosswalkRow => ({
  code: knownHcpcsCode(code), shortDescription: `Inj ${code}`, labeler: 'Labeler', ndc11, id: ndc11, drugName: 'Drug', dosage, packageSize: '1', packageQuantity: '1', billUnits: '100', billUnitsPerPackage: '100',
});
/** A crosswalk of the quarter holding `date`: `count` filler NDCs (from `first`) and the rows given. */
function crosswalk(date: string, rows: readonly CrosswalkRow[], count = PARTIAL_CROSSWALK_ROWS, first = 0): Extract<ReferenceTable, { kind: 'asp-crosswalk' }> {
  return { kind: 'asp-crosswalk', period: quarterPeriod(isoDate(date)), rows: [...Array.from({ length: count }, (_, i) => row(ndcOf(first + i))), ...rows] };
}
const hcpcsRow = (code: string, longDescription: string, added: string, terminated: string | null = null): HcpcsRow => ({
  code, longDescription, shortDescription: '', added: isoDate(added), effective: isoDate(added), terminated: terminated === null ? null : isoDate(terminated), action: 'N', isModifier: false,
});
const HCPCS: ReferenceTable = {
  kind: 'hcpcs', period: quarterPeriod(isoDate('2025-10-01')),
  rows: [hcpcsRow('J2329', 'Injection, ublituximab-xiiy, 1mg', '2023-07-01'), hcpcsRow('J9271', 'Injection, pembrolizumab, 1 mg', '2016-01-01'), hcpcsRow('Q5102', 'Injection, infliximab, biosimilar, 10 mg', '2016-07-01', '2018-03-31')],
};

describe('every crosswalk quarter loaded counts', () => {
  const october = crosswalk('2025-10-01', []);
  const january = crosswalk('2026-01-01', [row(BRIUMVI, 'J2329')]);

  it('finds a code a later quarter lists when the HCPCS file has it in force on the date, from that quarter\'s row', () => {
    const answer = createReference([october, january, HCPCS]).crosswalkCodes(BRIUMVI, isoDate('2025-11-10'))!;
    expect(answer.codes).toEqual([expect.objectContaining({ code: 'J2329', descriptor: 'Injection, ublituximab-xiiy, 1mg', source: 'CMS ASP NDC-HCPCS crosswalk, January 2026' })]);
    expect(answer).toMatchObject({ searched: ['January 2026', 'October 2025'], dateQuarter: { label: 'October 2025', status: 'complete' }, notInForce: [] });
  });

  it('sets aside a code another quarter lists that was not yet added on the date, saying so', () => {
    const answer = createReference([october, january, HCPCS]).crosswalkCodes(BRIUMVI, isoDate('2023-02-20'))!;
    expect(answer.codes).toEqual([]);
    expect(answer.notInForce).toEqual([{ code: 'J2329', why: 'the January 2026 crosswalk lists this NDC under J2329, added on 07/01/2023, after the date of service' }]);
    expect(answer.dateQuarter).toEqual({ label: 'January 2023', status: 'missing' });
  });

  it('sets aside a code another quarter lists that ended before the date', () => {
    const q5102 = crosswalk('2017-07-01', [row(knownNdc11('00000000042'), 'Q5102', '10 MG')]);
    expect(createReference([q5102, HCPCS]).crosswalkCodes(knownNdc11('00000000042'), isoDate('2019-06-03'))?.notInForce)
      .toEqual([{ code: 'Q5102', why: 'the July 2017 crosswalk lists this NDC under Q5102, which ended on 03/31/2018, before the date of service' }]);
  });

  it('trusts the quarter of the date without the HCPCS file, and says another quarter\'s code cannot be dated without it', () => {
    expect(createReference([january]).crosswalkCodes(BRIUMVI, isoDate('2026-02-02'))?.codes.map((c) => c.code)).toEqual(['J2329']);
    expect(createReference([january]).crosswalkCodes(BRIUMVI, isoDate('2025-11-10'))?.notInForce)
      .toEqual([{ code: 'J2329', why: 'the January 2026 crosswalk lists this NDC under J2329; no HCPCS file is loaded to tell whether it was in force on the date of service' }]);
  });

  it('takes each code once, from the quarter of the date when it lists it', () => {
    const own = crosswalk('2025-10-01', [row(BRIUMVI, 'J2329', '1 MG')]);
    const later = crosswalk('2026-01-01', [row(BRIUMVI, 'J2329', '10 MG')]);
    expect(createReference([later, own, HCPCS]).crosswalkCodes(BRIUMVI, isoDate('2025-11-10'))?.codes.map((c) => [c.code, c.billingUnit, c.source]))
      .toEqual([['J2329', '1 MG', 'CMS ASP NDC-HCPCS crosswalk, October 2025']]);
  });
});

describe('partial crosswalks', () => {
  it(`are those of fewer than ${PARTIAL_CROSSWALK_ROWS} rows (a quarter has about 8,000)`, () => {
    expect(partialBySize(26)).toBe('26 rows, where a quarter\'s crosswalk has about 8,000 (fewer than 2,000 is taken for a part of one)');
    expect(partialBySize(1)).toMatch(/^1 row, /);
    expect(partialBySize(PARTIAL_CROSSWALK_ROWS)).toBeUndefined();
  });

  it('are those lacking most NDCs of the previous quarter loaded; a few hundred changed NDCs are a quarter\'s turnover', () => {
    const october = crosswalk('2025-10-01', [], 4000);
    const turnover = crosswalk('2026-01-01', [], 4000, 300);
    const other = crosswalk('2026-04-01', [], 4000, 100_000);
    const partial = partialCrosswalks([other, turnover, october]);
    expect([...partial.entries()].map(([t, why]) => [t.period.label, why])).toEqual([
      ['April 2026', 'it lacks 4,000 of the 4,000 NDCs of the January 2026 crosswalk, where a quarter drops a few hundred'],
    ]);
  });

  it('are compared with the nearest earlier quarter that is whole, never with an excerpt', () => {
    const october = crosswalk('2025-10-01', [], 4000);
    const excerpt = crosswalk('2026-01-01', [], 26);
    const april = crosswalk('2026-04-01', [], 4000, 200);
    expect([...partialCrosswalks([october, excerpt, april]).keys()].map((t) => t.period.label)).toEqual(['January 2026']);
  });

  it('tell the claims of their quarter that the NDC may be in the rows they lack', () => {
    const excerpt = crosswalk('2026-10-01', [row(BRIUMVI, 'J2329')], 4);
    const answer = createReference([crosswalk('2025-10-01', []), excerpt, HCPCS]).crosswalkCodes(knownNdc11('12345678901'), isoDate('2026-11-02'))!;
    expect(answer.dateQuarter).toEqual({ label: 'October 2026', status: 'partial', partial: '5 rows, where a quarter\'s crosswalk has about 8,000 (fewer than 2,000 is taken for a part of one)' });
    expect(answer.searched).toEqual(['October 2026 (partial)', 'October 2025']);
  });
});

const EXCERPT = join(import.meta.dirname, '../../../../shared/data/fixtures/cms_asp_ndc_hcpcs_crosswalk_jul2026_first35lines.csv');
if (!existsSync(EXCERPT)) console.warn(`Skipping the import of a crosswalk excerpt: ${EXCERPT} is absent (the CMS reference files live outside the repository).`);

describe.skipIf(!existsSync(EXCERPT))('a crosswalk excerpt as imported (the first 35 lines of July 2026, ../shared/data/fixtures)', () => {
  it('is kept, with a note that it is partial and what that means for claims', () => {
    const result = importReferenceFile('cms_asp_ndc_hcpcs_crosswalk_jul2026_first35lines.csv', readFileSync(EXCERPT), { today: '2026-11-23' });
    expect(result).toMatchObject({ ok: true, table: { period: { label: 'July 2026' } }, notes: [
      'Partial: 26 rows, where a quarter\'s crosswalk has about 8,000 (fewer than 2,000 is taken for a part of one). It is kept and used, '
      + 'but an NDC it does not list may still have a code of its own, so claims of July 2026 say so. Import the whole crosswalk CMS publishes for the quarter.',
    ] });
  });
});
