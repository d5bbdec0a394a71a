/**
 * "Reference data as of …" and its warnings: whether the imported files are older than the current
 * quarter, and whether they cover a claim's date of service. CMS files cover a quarter (or, for
 * ICD-10-CM, a fiscal year); FDA files are snapshots of one day.
 */
import { asIsoDate, dayOf, fiscalYear, usDate } from '../dates';
import { whereToDownload } from './download-sources';
import { quarterPeriod } from './import-support';
import type { Period, ReferenceKind } from './tables';
import { KIND_CADENCE, KIND_NAMES } from './tables';

/** What the app keeps about one imported file (its table is stored beside it). */
export interface ReferenceFileInfo {
  /** The store key (see `storeKey`): a new import with the same key replaces this one. */
  readonly key: string;
  readonly kind: ReferenceKind;
  readonly period: Period;
  readonly fileName: string;
  /** ISO date-time of the import. */
  readonly importedAt: string;
  readonly rowCount: number;
  readonly rejectedCount: number;
  /** Part of the built-in reference data the wizard ships with, not imported by the biller. */
  readonly builtIn?: boolean;
  /** Why a crosswalk is taken for a part of a quarter (crosswalk-completeness.ts); absent when it is whole. */
  readonly partial?: string;
}

/** The file entries with the partial crosswalks marked, each with why. */
export function withPartialMarked<F extends ReferenceFileInfo>(files: readonly F[], partial: ReadonlyMap<string, string>): F[] {
  return files.map((f) => {
    const why = partial.get(f.key);
    return why === undefined ? f : { ...f, partial: why };
  });
}

export interface CoverageMessage {
  readonly severity: 'warning' | 'info';
  readonly text: string;
}

export interface ReferenceCoverage {
  /** The newest period loaded ("October 2025"), `undefined` when nothing is imported. */
  readonly asOf: string | undefined;
  /** Whether that newest period is the built-in data's (nothing newer imported). */
  readonly isBuiltIn: boolean;
  /** True when a CMS file is older than the current quarter or an FDA file older than its start. */
  readonly isOutdated: boolean;
  /** Whether every kind loaded covers the date of service; `undefined` without a valid date or files. */
  readonly coversDateOfService: boolean | undefined;
  readonly messages: readonly CoverageMessage[];
}

const list = (names: readonly string[]) => (names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`);

/** The newest file of each kind. */
function newestByKind(files: readonly ReferenceFileInfo[]): ReferenceFileInfo[] {
  const newest = new Map<ReferenceKind, ReferenceFileInfo>();
  for (const f of files) {
    const seen = newest.get(f.kind);
    if (seen === undefined || f.period.from > seen.period.from) newest.set(f.kind, f);
  }
  return [...newest.values()];
}

interface Group {
  readonly label: string;
  /** "The built-in" or "The", to start the sentence. */
  readonly the: string;
  readonly kinds: ReferenceKind[];
}

/** Groups kinds that share a label (built-in apart from imported), for one sentence per group. */
function byLabel(files: readonly ReferenceFileInfo[]): Group[] {
  const groups = new Map<string, Group>();
  for (const f of files) {
    const key = `${f.builtIn === true}|${f.period.label}`;
    const group = groups.get(key) ?? { label: f.period.label, the: f.builtIn === true ? 'The built-in' : 'The', kinds: [] };
    group.kinds.push(f.kind);
    groups.set(key, group);
  }
  return [...groups.values()];
}

const names = (kinds: readonly ReferenceKind[]) => list(kinds.map((k) => KIND_NAMES[k]));

/** What the biller should know about the imported files today, and for a date of service. */
export function referenceCoverage(files: readonly ReferenceFileInfo[], today: string, dateOfService?: string): ReferenceCoverage {
  if (files.length === 0) {
    return {
      asOf: undefined, isBuiltIn: false, isOutdated: false, coversDateOfService: undefined,
      messages: [{ severity: 'info', text: 'No reference files imported. Drug facts come from the built-in catalogue only, and the wizard cannot check whether an NDC has its own HCPCS code. Import the CMS and FDA files on the Reference data screen.' }],
    };
  }
  const messages: CoverageMessage[] = [];
  const newest = newestByKind(files);
  const dated = newest.filter((f) => KIND_CADENCE[f.kind] !== 'snapshot');
  const snapshots = newest.filter((f) => KIND_CADENCE[f.kind] === 'snapshot');
  const newestFile = [...(dated.length > 0 ? dated : snapshots)].sort((a, b) => b.period.from.localeCompare(a.period.from) || Number(a.builtIn === true) - Number(b.builtIn === true))[0]!;
  const asOf = newestFile.period.label;

  const todayDate = asIsoDate(today);
  let isOutdated = false;
  if (todayDate !== undefined) {
    const current = quarterPeriod(todayDate);
    const oldQuarterly = dated.filter((f) => KIND_CADENCE[f.kind] === 'quarterly' && f.period.through < today);
    for (const { label, the, kinds } of byLabel(oldQuarterly)) {
      messages.push({ severity: 'warning', text: `${the} ${names(kinds)} ${kinds.length > 1 ? 'are' : 'is'} for ${label}, older than the current quarter (${current.label}). CMS publishes new files every quarter: import the current ones (${whereToDownload(kinds)}).` });
    }
    const icd = dated.filter((f) => f.kind === 'icd10-order');
    const thisYear = fiscalYear(dayOf(todayDate));
    const isIcdYearMissing = icd.length > 0 && !files.some((f) => f.kind === 'icd10-order' && f.period.from <= today && today <= f.period.through);
    if (isIcdYearMissing) {
      messages.push({ severity: 'warning', text: `No ICD-10-CM order file for FY${thisYear} (the current fiscal year) is imported; the newest is ${icd[0]!.period.label}. Import it: ${whereToDownload(['icd10-order'])}.` });
    }
    const oldSnapshots = snapshots.filter((f) => f.period.from < current.from);
    for (const f of oldSnapshots) {
      messages.push({ severity: 'warning', text: `The ${KIND_NAMES[f.kind]} is ${f.period.label}: products listed since then are missing. Download a current one from the FDA.` });
    }
    isOutdated = oldQuarterly.length > 0 || oldSnapshots.length > 0 || isIcdYearMissing;
  }

  const date = asIsoDate(dateOfService);
  let coversDateOfService: boolean | undefined;
  if (date !== undefined) {
    const dos = dayOf(date), when = usDate(dos);
    const uncovered = dated.filter((f) => !files.some((g) => g.kind === f.kind && g.period.from <= date && date <= g.period.through));
    for (const { label, the, kinds } of byLabel(uncovered.filter((f) => f.kind !== 'icd10-order'))) {
      const which = the === 'The' ? ' imported' : '';
      messages.push({ severity: 'warning', text: `${the} ${names(kinds)}${which} ${kinds.length > 1 ? 'are' : 'is'} for ${label} and ${kinds.length > 1 ? 'do' : 'does'} not cover the date of service ${when}. Import the files for the quarter of the date of service (CMS keeps past quarters on the same pages): ${whereToDownload(kinds)}.` });
    }
    if (uncovered.some((f) => f.kind === 'icd10-order')) {
      messages.push({ severity: 'warning', text: `No ICD-10-CM order file for FY${fiscalYear(dos)} (the fiscal year of the date of service ${when}) is imported, so its diagnoses cannot be checked. Import it: ${whereToDownload(['icd10-order'])}.` });
    }
    for (const f of files.filter((g) => g.partial !== undefined && g.period.from <= date && date <= g.period.through)) {
      messages.push({ severity: 'warning', text: `${f.builtIn === true ? 'The built-in' : 'The imported'} ${KIND_NAMES[f.kind]} of ${f.period.label} (${f.fileName}) is partial: ${f.partial}. It is used, but an NDC it does not list may still have a code of its own on the date of service ${when}: import the whole file (${whereToDownload([f.kind])}).` });
    }
    for (const f of snapshots.filter((s) => s.period.through < date)) {
      messages.push({ severity: 'info', text: `The ${KIND_NAMES[f.kind]} is ${f.period.label}, before the date of service ${when}: a product first listed after it is not in it.` });
    }
    coversDateOfService = uncovered.length === 0;
  }
  return { asOf, isBuiltIn: newestFile.builtIn === true, isOutdated, coversDateOfService, messages };
}
