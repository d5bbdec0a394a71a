/**
 * Shared fixtures for the core's unit tests (not used by the app).
 *
 * `completePacket(overrides)` is a complete, exportable claim: Medicare Part B (Palmetto), physician
 * office, Briumvi (ublituximab-xiiy, a J3590 biologic) from a 150 mg/6 mL single-dose vial, 100 mg
 * given and 50 mg discarded on 2023-03-10 (billing-rules §16 scenario 5). Overrides are deep-merged:
 * objects key by key, lists of objects item by item, lists of plain values replaced; `undefined`
 * removes a key and `replaced([...])` replaces a list of objects whole.
 *
 * `memoryReference({...})` builds a ReferenceData from plain data; `evaluate(packet, today?, reference?)`
 * runs `evaluateClaim` with the fixture's "today" and reference.
 */
import * as z from 'zod/mini';
import { addDays, dayNumber, isoDate, isoOfDay } from './dates';
import type { Evaluation } from './evaluate';
import { evaluateClaim } from './evaluate';
import type { ClaimPacket, Drug, PayerProfile } from './packet/schema';
import { QUANTITY_UNITS } from './packet/schema';
import { builtInProfile } from './payers';
import type { CodeValidity, CrosswalkAnswer, DiagnosisStatus, ProductPackage, ReferenceData, SpecificCode } from './reference';
import { NO_REFERENCE } from './reference';
import { buildNameIndex } from './reference-data/name-index';
import { knownNdc11 } from './ndc';
import { knownHcpcsCode } from './codes';

/** The date of service of the complete packet, and the day it is evaluated on. */
export const FIXTURE_SERVICE_DATE = '2023-03-10';
export const FIXTURE_TODAY = '2023-03-20';
/** Valid NPIs (Luhn with the 80840 prefix): 1234567893 is the CMS example. */
export const VALID_NPI = '1234567893';
export const VALID_NPI_2 = '1245319599';
export const BRIUMVI_NDC11 = '73150015006';

// ── Deep merge ──────────────────────────────────────────────────────────────────────────────────

const REPLACE = Symbol('replace');

/** Marks a list that replaces the fixture's list whole instead of being merged item by item. */
export function replaced<T>(list: readonly T[]): T[] {
  return Object.assign([...list], { [REPLACE]: true });
}

export type DeepPartial<T> = T extends readonly (infer E)[]
  ? readonly (DeepPartial<E> | undefined)[]
  : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> | undefined } : T;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function clone<T>(value: T): T {
  if (Array.isArray(value)) return value.map(clone) as T;
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clone(v)])) as T;
  return value;
}

/** Deep-merges `patch` into `base` (both left untouched); see the file comment for the rules. */
export function deepMerge(base: unknown, patch: unknown): unknown {
  if (patch === undefined) return clone(base);
  if (Array.isArray(patch)) {
    if ((patch as { [REPLACE]?: boolean })[REPLACE] === true || !Array.isArray(base)) return clone([...patch]);
    const isListOfObjects = patch.some(isPlainObject) || base.some(isPlainObject);
    if (!isListOfObjects) return clone([...patch]);
    const length = Math.max(base.length, patch.length);
    return Array.from({ length }, (_, i) => (i < patch.length ? deepMerge(base[i], patch[i]) : clone(base[i])));
  }
  if (isPlainObject(patch) && isPlainObject(base)) {
    const out: Record<string, unknown> = clone(base);
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) delete out[key];
      else out[key] = deepMerge(base[key], value);
    }
    return out;
  }
  return clone(patch);
}

// ── The complete packet ─────────────────────────────────────────────────────────────────────────

const BRIUMVI: Drug = {
  id: 'drug-1',
  ndc: { input: '73150-0150-06', normalized: BRIUMVI_NDC11 },
  brandName: 'Briumvi',
  genericName: 'ublituximab-xiiy',
  strength: '150 mg/6 mL',
  dosageForm: 'injection, solution',
  route: 'intravenous',
  marketingCategory: 'BLA',
  isBiologic: true,
  isBiosimilar: false,
  isAntineoplastic: false,
  therapeuticClass: 'none',
  fdaApprovalDate: '2022-12-28',
  isOffLabel: false,
  isOnSelfAdministeredList: false,
  isMixtureOfCommercialProducts: false,
  isSuppliedFreeBySponsor: false,
  container: {
    type: 'single-dose',
    amount: { value: '150', unit: 'mg' },
    volume: { value: '6', unit: 'mL' },
    opened: '1',
  },
  administration: {
    dose: { value: '100', unit: 'mg' },
    start: '2023-03-10T09:30',
    end: '2023-03-10T11:10',
    frequency: 'ONCE',
    lot: 'UB2301A',
    expiration: '2024-12-31',
    administeredBy: 'J. Rivera, RN',
  },
  waste: {
    amount: { value: '50', unit: 'mg' },
    reason: 'Infusion stopped after a reaction; remainder of single-dose vial',
    time: '2023-03-10T11:15',
  },
  modifiers: [],
  priorAuth: { status: 'not-required' },
  invoice: {
    supplier: 'Specialty Distributor Inc.',
    date: '2023-02-27',
    ndc: '73150-0150-06',
    quantity: '1',
    netCost: '6500.00',
  },
  medicalNecessity: 'Relapsing multiple sclerosis; first dose per label.',
  documentsOnFile: ['order', 'administration-record', 'waste-record', 'invoice'],
};

const COMPLETE: ClaimPacket = {
  format: 'noc-claim-packet',
  version: 1,
  id: 'packet-1',
  createdAt: '2023-03-10T12:00:00Z',
  updatedAt: '2023-03-10T12:00:00Z',
  careSetting: 'office',
  payer: { kind: 'medicare', name: 'Medicare Part B', profileId: 'medicare-part-b-palmetto' },
  dates: { service: FIXTURE_SERVICE_DATE, plannedSubmission: '2023-03-20' },
  patient: { accountReference: 'ACC-0001' },
  providers: {
    rendering: { npi: VALID_NPI, name: 'Dana Lee', credentials: 'MD' },
    billing: { npi: VALID_NPI_2, name: 'Lakeside Neurology', is340bEntity: false },
  },
  diagnoses: [{ code: 'G35' }],
  drugs: [BRIUMVI],
  attachments: [],
};

/** A fresh copy of the complete packet with `overrides` deep-merged into it. */
export function completePacket(overrides: DeepPartial<ClaimPacket> = {}): ClaimPacket {
  return deepMerge(COMPLETE, overrides) as ClaimPacket;
}

/** Shorthand for a complete packet whose first drug is changed. */
export function withDrug(drug: DeepPartial<Drug>, overrides: DeepPartial<ClaimPacket> = {}): ClaimPacket {
  return completePacket({ ...overrides, drugs: [drug, ...((overrides.drugs ?? []).slice(1))] });
}

/** An ISO date moved by a number of days. */
export function plusDays(iso: string, days: number): string {
  const day = dayNumber(iso);
  if (day === undefined) throw new Error(`not a date: ${iso}`);
  return isoOfDay(addDays(day, days));
}

/**
 * The complete packet moved to another date of service: the submission, the administration and
 * waste times, the invoice and the lot expiration follow; the FDA approval date moves back only
 * when the new date of service is before it. Evaluate it with `today` = `plusDays(date, 10)`.
 */
export function packetOn(date: string, overrides: DeepPartial<ClaimPacket> = {}): ClaimPacket {
  const approval = BRIUMVI.fdaApprovalDate!;
  const moved = completePacket({
    dates: { service: date, plannedSubmission: plusDays(date, 10) },
    drugs: [{
      fdaApprovalDate: date < approval ? plusDays(date, -30) : approval,
      administration: { start: `${date}T09:30`, end: `${date}T11:10`, expiration: plusDays(date, 365) },
      waste: { time: `${date}T11:15` },
      invoice: { date: plusDays(date, -10) },
    }],
  });
  return deepMerge(moved, overrides) as ClaimPacket;
}

/** Evaluates a packet moved to `date` (see `packetOn`) ten days after that date. */
export function evaluateOn(date: string, overrides: DeepPartial<ClaimPacket> = {}, reference?: ReferenceData): Evaluation {
  return evaluate(packetOn(date, overrides), plusDays(date, 10), reference);
}

/** Payer overrides that select a custom profile: a built-in one with some settings changed. */
export function customProfile(baseId: string, changes: Partial<PayerProfile>): DeepPartial<ClaimPacket> {
  const base = builtInProfile(baseId);
  if (base === undefined) throw new Error(`no built-in profile ${baseId}`);
  const profile: PayerProfile = { ...base, id: 'custom-test', name: 'Custom test profile', ...changes };
  return { payer: { kind: profile.payerKind, profileId: profile.id, customProfile: profile } };
}

/** Payer overrides that select a built-in profile (with its kind of payer). */
export function profile(id: string): DeepPartial<ClaimPacket> {
  const p = builtInProfile(id);
  if (p === undefined) throw new Error(`no built-in profile ${id}`);
  return { payer: { kind: p.payerKind, name: p.name, profileId: id } };
}

// ── Reference data from plain data ──────────────────────────────────────────────────────────────

/** Something valid from one date through another (both ISO, both optional and inclusive). */
export interface Dated {
  readonly from?: string;
  readonly through?: string;
}

export interface MemoryReferenceData {
  /** NDC-HCPCS crosswalk by 11-digit NDC. When given (even `{}`), it covers every date. */
  readonly crosswalk?: Readonly<Record<string, readonly (SpecificCode & Dated)[]>>;
  /** HCPCS codes by code. When given, codes not listed are unknown, and the descriptors are what the name check reads. */
  readonly hcpcs?: Readonly<Record<string, { readonly descriptor?: string; readonly effective?: string; readonly terminated?: string }>>;
  /**
   * ICD-10-CM codes (no dot). An entry with `children` is a header (not billable). When given,
   * codes not listed (or outside their dates) are not found.
   */
  readonly diagnoses?: Readonly<Record<string, readonly (Dated & { readonly children?: readonly string[] })[]>>;
  /** NDCs priced in the NOC payment-limit file. When given, it covers every date. */
  readonly nocPriced?: readonly string[];
  /** Labelers (5 digits) in the Medicaid Drug Rebate Program. When given, it covers every date. */
  readonly rebatingLabelers?: readonly string[];
  /** Other packages of the product of an NDC (11 digits), for every date. */
  readonly packages?: Readonly<Record<string, readonly ProductPackage[]>>;
}

const within = (d: Dated, date: string) => (d.from === undefined || date >= d.from) && (d.through === undefined || date <= d.through);

/** The answer of a crosswalk that covers every date, whole. */
function wholeCrosswalk(codes: readonly SpecificCode[]): CrosswalkAnswer {
  return { codes, searched: ['test crosswalk'], dateQuarter: { label: 'the test crosswalk', status: 'complete' }, notInForce: [] };
}

export function memoryReference(data: MemoryReferenceData = {}): ReferenceData {
  const names = data.hcpcs === undefined ? undefined : buildNameIndex(Object.entries(data.hcpcs).map(([code, c]) => ({
    code, longDescription: c.descriptor ?? code, added: isoDate(c.effective ?? '1982-01-01'), terminated: c.terminated === undefined ? null : isoDate(c.terminated), isModifier: false,
  })), 'test HCPCS file');
  return {
    ...NO_REFERENCE,
    crosswalkCodes: (ndc11, date) => data.crosswalk === undefined
      ? undefined
      : wholeCrosswalk((data.crosswalk[ndc11] ?? []).filter((c) => within(c, date)).map(({ from: _f, through: _t, ...code }) => code)),
    descriptorNames: () => names,
    codeValidity: (code, date): CodeValidity | undefined => {
      if (data.hcpcs === undefined) return undefined;
      const c = data.hcpcs[code];
      if (c === undefined) return { status: 'unknown-code' };
      const descriptor = c.descriptor ?? code;
      if (c.effective !== undefined && date < c.effective) return { status: 'not-yet-effective', descriptor, effective: isoDate(c.effective) };
      if (c.terminated !== undefined && date > c.terminated) return { status: 'terminated', descriptor, terminated: isoDate(c.terminated) };
      return { status: 'valid', descriptor };
    },
    diagnosis: (code, date): DiagnosisStatus | undefined => {
      if (data.diagnoses === undefined) return undefined;
      const entry = (data.diagnoses[code] ?? []).find((e) => within(e, date));
      if (entry === undefined) return { status: 'not-found' };
      return entry.children === undefined
        ? { status: 'billable', description: code }
        : { status: 'header', description: code, billableChildren: entry.children };
    },
    hasNocPrice: (ndc11) => (data.nocPriced === undefined ? undefined : data.nocPriced.includes(ndc11)),
    isRebatingLabeler: (labeler) => (data.rebatingLabelers === undefined ? undefined : data.rebatingLabelers.includes(labeler)),
    otherPackages: (ndc11) => data.packages?.[ndc11],
  };
}

/**
 * The reference the complete packet is checked against: an empty crosswalk, a HCPCS file whose
 * descriptors name no drug of the fixtures, and the diagnoses it uses.
 */
export const FIXTURE_REFERENCE_DATA: MemoryReferenceData = {
  crosswalk: {},
  hcpcs: {},
  diagnoses: {
    G35: [{ through: '2025-09-30' }, { from: '2025-10-01', children: ['G35A', 'G35B', 'G35C', 'G35D'] }],
    G35A: [{ from: '2025-10-01' }],
    D595: [{}], C220: [{}], C7951: [{}], Z006: [{}], U071: [{ from: '2020-04-01' }],
  },
  rebatingLabelers: ['73150', '25682', '69448', '00409'],
};

export function fixtureReference(): ReferenceData {
  return memoryReference(FIXTURE_REFERENCE_DATA);
}

// ── Evaluating ──────────────────────────────────────────────────────────────────────────────────

/** `evaluateClaim` as of the fixture's today, against the fixture's reference data. */
export function evaluate(packet: unknown, today: string = FIXTURE_TODAY, reference: ReferenceData = fixtureReference()): Evaluation {
  return evaluateClaim(packet, reference, today);
}

/** The findings of one rule id. */
export function findingsOf(result: Evaluation, ruleId: string): Evaluation['findings'] {
  return result.findings.filter((f) => f.rule === ruleId);
}

/** Rule ids of the findings, for readable assertions. */
export function ruleIds(result: Evaluation): string[] {
  return result.findings.map((f) => f.rule);
}

// ── The reference data of an example (examples/NN-slug.expected.json) ────────────────────────────

const ZQuantityOf = z.strictObject({ value: z.string(), unit: z.enum(QUANTITY_UNITS) });

/** The reference data an example's expected file describes (see examples/README.md). */
export const ZExampleReference = z.strictObject({
  /** Present (even empty) means a crosswalk covering every date is loaded. */
  specificCodes: z.optional(z.array(z.strictObject({
    ndc11: z.string(), code: z.string(), descriptor: z.string(), billingUnit: z.optional(z.string()), billUnitsPerItem: z.optional(z.number()),
    from: z.string(), through: z.optional(z.string()),
  }))),
  /** ICD-10-CM codes (with or without the dot) and their status on the date of service. */
  diagnoses: z.optional(z.record(z.string(), z.strictObject({
    status: z.enum(['billable', 'header', 'not-found']),
    description: z.optional(z.string()),
    billableChildren: z.optional(z.array(z.string())),
  }))),
  /** Present means the Medicaid Drug Rebate Program labeler list is loaded: these labelers take part. */
  rebatingLabelers: z.optional(z.array(z.string())),
  /** Other packages of the product of an NDC (FDA directory, crosswalk or catalogue), by 11-digit NDC. */
  otherPackages: z.optional(z.record(z.string(), z.array(z.strictObject({
    ndc11: z.string(), amount: ZQuantityOf, containerType: z.optional(z.enum(['single-dose', 'multi-dose'])), source: z.string(),
  })))),
});
export type ExampleReference = z.infer<typeof ZExampleReference>;

/** A small in-memory ReferenceData answering only what an example's expected file describes; none without one. */
export function exampleReference(r: ExampleReference | undefined): ReferenceData {
  if (r === undefined) return NO_REFERENCE;
  const diagnoses = new Map(Object.entries(r.diagnoses ?? {}).map(([code, d]) => [code.replace('.', ''), d]));
  return {
    ...NO_REFERENCE,
    crosswalkCodes: (ndc11, dos) => r.specificCodes === undefined ? undefined : wholeCrosswalk(r.specificCodes
      .filter((c) => c.ndc11 === ndc11 && c.from <= dos && (c.through === undefined || dos <= c.through))
      .map(({ code, descriptor, billingUnit, billUnitsPerItem }) => ({ code: knownHcpcsCode(code), descriptor, billingUnit, ...(billUnitsPerItem === undefined ? {} : { billUnitsPerItem }), source: 'example reference data' }))),
    diagnosis: (code): DiagnosisStatus | undefined => {
      const d = r.diagnoses === undefined ? undefined : diagnoses.get(code);
      if (d === undefined) return undefined;
      if (d.status === 'not-found') return { status: 'not-found' };
      if (d.status === 'header') return { status: 'header', description: d.description ?? '', billableChildren: d.billableChildren ?? [] };
      return { status: 'billable', description: d.description ?? '' };
    },
    isRebatingLabeler: (labeler) => r.rebatingLabelers?.includes(labeler),
    otherPackages: (ndc11) => r.otherPackages?.[ndc11]?.map((p) => ({ ...p, ndc11: knownNdc11(p.ndc11) })),
  };
}
