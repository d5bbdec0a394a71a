/**
 * The worked scenarios' claim packets (examples/*.json) and their expected outcomes: the facts a
 * biller types in the journeys come from here, never from a second copy in the specs.
 */
import { readFileSync } from 'node:fs';
import type { ClaimPacket, Drug } from '../../src/core/packet/schema';

export interface ExpectedLine {
  readonly code: string;
  readonly modifiers: readonly string[];
  readonly units: number | null;
  readonly ndc: { readonly unit: string; readonly quantity: string } | null;
}

export interface Expected {
  readonly scenario: string;
  /** The office's today for the scenario (timely filing and "not in the future" depend on it). */
  readonly today: string;
  readonly exportable: boolean;
  readonly decision: { readonly code: string | null; readonly kind: string };
  readonly lines: readonly ExpectedLine[];
  /** Rule ids of the blocking findings. */
  readonly blocks: readonly string[];
}

export interface Example {
  readonly packet: ClaimPacket;
  readonly expected: Expected;
  /** The packet's first (and in these journeys only) drug. */
  readonly drug: Drug;
}

const read = <T>(file: string): T => JSON.parse(readFileSync(new URL(`../../examples/${file}`, import.meta.url), 'utf8')) as T;

/** `loadExample('17a-jubereq-office-no-qcode')`. */
export function loadExample(slug: string): Example {
  const packet = read<ClaimPacket>(`${slug}.json`);
  const drug = packet.drugs?.[0];
  if (drug === undefined) throw new Error(`examples/${slug}.json has no drug`);
  return { packet, expected: read<Expected>(`${slug}.expected.json`), drug };
}

/** A copy of an example's packet with its drug changed (a variant of a scenario). */
export function withDrug(example: Example, change: (drug: Drug) => Drug): Example {
  const drug = change(example.drug);
  return { ...example, drug, packet: { ...example.packet, drugs: [drug] } };
}

/** Scenario 5's kind of claim moved into October–December 2025, the quarter of the CMS files in ../shared/data and of the built-in data. */
export function inNovember2025(example: Example): Example {
  return withDrug({ ...example, packet: { ...example.packet, dates: { service: '2025-11-10', plannedSubmission: '2025-11-17' } } }, (drug) => ({
    ...drug,
    administration: { ...drug.administration, start: '2025-11-10T09:00', end: '2025-11-10T10:10', expiration: '2026-10-31' },
    waste: { ...drug.waste, time: '2025-11-10T10:20' },
    invoice: { ...drug.invoice, date: '2025-11-03' },
  }));
}
