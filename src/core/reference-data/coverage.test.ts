import { describe, expect, it } from 'vitest';
import type { ReferenceFileInfo } from './coverage';
import { referenceCoverage, withPartialMarked } from './coverage';
import type { ReferenceKind } from './tables';
import { isoDate } from '../dates';

const file = (kind: ReferenceKind, from: string, through: string, label: string): ReferenceFileInfo =>
  ({ key: `${kind}:${from}`, kind, period: { from: isoDate(from), through: isoDate(through), label }, fileName: `${kind}.csv`, importedAt: '2025-10-02T09:00:00Z', rowCount: 10, rejectedCount: 0 });
const OCT_2025 = [
  file('asp-crosswalk', '2025-10-01', '2025-12-31', 'October 2025'),
  file('hcpcs', '2025-10-01', '2025-12-31', 'October 2025'),
  file('icd10-order', '2025-10-01', '2026-09-30', 'FY2026'),
];

describe('referenceCoverage', () => {
  it('says when nothing is imported', () => {
    expect(referenceCoverage([], '2025-11-03')).toEqual({ asOf: undefined, isBuiltIn: false, isOutdated: false, coversDateOfService: undefined, messages: [{ severity: 'info', text: expect.stringContaining('No reference files imported') }] });
  });
  it('is quiet when the files are current and cover the date of service', () => {
    expect(referenceCoverage(OCT_2025, '2025-11-20', '2025-11-03')).toEqual({ asOf: 'October 2025', isBuiltIn: false, isOutdated: false, coversDateOfService: true, messages: [] });
  });
  it('warns once per quarter when CMS files are older than the current quarter', () => {
    const c = referenceCoverage(OCT_2025, '2026-04-02');
    expect(c).toMatchObject({ asOf: 'October 2025', isOutdated: true });
    expect(c.messages).toEqual([{ severity: 'warning', text: 'The CMS ASP NDC-HCPCS crosswalk and CMS HCPCS Level II file are for October 2025, older than the current quarter (April 2026). CMS publishes new files every quarter: import the current ones (ASP NDC-HCPCS crosswalk and ASP payment limits from CMS: Medicare Part B Drug Average Sales Price, "ASP Pricing Files"; HCPCS Level II codes from CMS: "HCPCS Quarterly Update").' }]);
  });
  it('warns when the files do not cover the date of service, and for the fiscal year of the diagnosis codes', () => {
    const c = referenceCoverage(OCT_2025, '2025-11-20', '2025-03-10');
    expect(c.coversDateOfService).toBe(false);
    expect(c.messages.map((m) => m.text)).toEqual([
      expect.stringContaining('The CMS ASP NDC-HCPCS crosswalk and CMS HCPCS Level II file imported are for October 2025 and do not cover the date of service 03/10/2025.'),
      expect.stringMatching(/^No ICD-10-CM order file for FY2025 \(the fiscal year of the date of service 03\/10\/2025\) is imported, so its diagnoses cannot be checked. Import it: ICD-10-CM diagnosis codes from CMS: "ICD-10"/),
    ]);
  });
  it('counts an older quarter kept beside the newest as covering its dates', () => {
    const c = referenceCoverage([...OCT_2025, file('asp-crosswalk', '2025-01-01', '2025-03-31', 'January 2025')], '2025-11-20', '2025-03-10');
    expect(c.messages[0]!.text).toMatch(/^The CMS HCPCS Level II file imported is for October 2025/);
  });
  it('warns about an FDA snapshot older than the current quarter and before the date of service', () => {
    const c = referenceCoverage([file('fda-ndc-package', '2025-03-14', '2025-03-14', 'as of 03/14/2025')], '2025-11-20', '2025-11-03');
    expect(c).toMatchObject({ asOf: 'as of 03/14/2025', isOutdated: true, coversDateOfService: true });
    expect(c.messages.map((m) => m.severity)).toEqual(['warning', 'info']);
  });
  it('tells built-in data from imported files, and says which files to import and from where when the date of service is past them', () => {
    const builtIn = OCT_2025.map((f) => ({ ...f, builtIn: true }));
    expect(referenceCoverage(builtIn, '2025-11-20', '2025-11-03')).toMatchObject({ asOf: 'October 2025', isBuiltIn: true, messages: [] });
    const later = referenceCoverage(builtIn, '2026-01-20', '2026-01-05');
    expect(later.messages.map((m) => m.text)).toEqual([
      expect.stringMatching(/^The built-in CMS ASP NDC-HCPCS crosswalk and CMS HCPCS Level II file are for October 2025, older than the current quarter \(January 2026\)/),
      'The built-in CMS ASP NDC-HCPCS crosswalk and CMS HCPCS Level II file are for October 2025 and do not cover the date of service 01/05/2026. Import the files for the quarter of the date of service (CMS keeps past quarters on the same pages): ASP NDC-HCPCS crosswalk and ASP payment limits from CMS: Medicare Part B Drug Average Sales Price, "ASP Pricing Files"; HCPCS Level II codes from CMS: "HCPCS Quarterly Update".',
    ]);
    const imported = file('asp-crosswalk', '2026-01-01', '2026-03-31', 'January 2026');
    expect(referenceCoverage([imported, ...builtIn], '2026-01-20', '2026-01-05')).toMatchObject({ asOf: 'January 2026', isBuiltIn: false });
  });
  it('warns, for a date of service in its quarter, that a partial crosswalk may lack the NDC', () => {
    const excerpt = file('asp-crosswalk', '2026-07-01', '2026-09-30', 'July 2026');
    const files = withPartialMarked([...OCT_2025, excerpt], new Map([[excerpt.key, '26 rows, where a quarter\'s crosswalk has about 8,000']]));
    expect(files.map((f) => f.partial)).toEqual([undefined, undefined, undefined, '26 rows, where a quarter\'s crosswalk has about 8,000']);
    expect(referenceCoverage(files, '2026-08-20', '2026-08-03').messages.map((m) => m.text)).toContainEqual(
      'The imported CMS ASP NDC-HCPCS crosswalk of July 2026 (asp-crosswalk.csv) is partial: 26 rows, where a quarter\'s crosswalk has about 8,000. It is used, but an NDC it does not list may still have a code of its own on the date of service 08/03/2026: import the whole file (ASP NDC-HCPCS crosswalk and ASP payment limits from CMS: Medicare Part B Drug Average Sales Price, "ASP Pricing Files").');
    expect(referenceCoverage(files, '2026-08-20', '2025-11-03').messages.map((m) => m.text).join(' ')).not.toContain('partial');
  });
});
