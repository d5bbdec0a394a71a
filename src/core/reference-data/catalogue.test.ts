import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asNdc11, knownNdc11, parseNdc } from '../ndc';
import type { ClaimPacket, Drug } from '../packet/schema';
import type { DrugFacts } from '../reference';
import { catalogueFacts, catalogueOtherPackages } from './catalogue';

const EXAMPLES = join(import.meta.dirname, '../../../examples');
const drugs: { file: string; drug: Drug }[] = readdirSync(EXAMPLES).filter((f) => f.endsWith('.json') && !f.endsWith('.expected.json')).flatMap((file) => {
  const packet = JSON.parse(readFileSync(join(EXAMPLES, file), 'utf8')) as ClaimPacket;
  return (packet.drugs ?? []).map((drug) => ({ file, drug }));
});

/** The facts a catalogue entry states, in the shape of a packet drug, for comparison. */
function comparable(facts: DrugFacts, drug: Drug) {
  const keys = ['route', 'marketingCategory', 'isBiologic', 'isBiosimilar', 'isAntineoplastic', 'fdaApprovalDate'] as const;
  const pick = (source: Partial<Record<(typeof keys)[number], unknown>>) => Object.fromEntries(keys.filter((k) => facts[k] !== undefined && drug[k] !== undefined).map((k) => [k, source[k]]));
  const container = (c: Drug['container'] | DrugFacts['container']) => ({
    ...(facts.container?.type === undefined ? {} : { type: c?.type }),
    ...(facts.container?.amount === undefined ? {} : { amount: c?.amount }),
    ...(facts.container?.volume === undefined ? {} : { volume: c?.volume }),
  });
  return { brand: facts.brandName?.toLowerCase(), ...pick(facts), container: container(facts.container) , from: { brand: drug.brandName?.toLowerCase(), ...pick(drug), container: container(drug.container) } };
}

describe('the built-in catalogue', () => {
  const cataloged = drugs.filter(({ drug }) => asNdc11(drug.ndc?.normalized) !== undefined && catalogueFacts(knownNdc11(drug.ndc?.normalized ?? '')) !== undefined);

  it('covers every example drug with a real NDC', () => {
    const files = new Set(cataloged.map((d) => d.file));
    const missing = drugs.filter((d) => d.drug.ndc?.normalized !== undefined && !files.has(d.file)).map((d) => `${d.file} ${d.drug.ndc?.input}`);
    // Left out on purpose (see catalogue.ts): a conflicting NDC (16a/16b) and made-up NDCs (09a-c, 23a-b).
    expect(missing.map((m) => m.slice(0, 3)).sort()).toEqual(['09a', '09b', '09c', '16a', '16b', '23a', '23b']);
  });

  it.each(cataloged.map((d) => [d.file, d.drug] as const))('agrees with the drug facts of %s', (_file, drug) => {
    const facts = catalogueFacts(knownNdc11(drug.ndc?.normalized ?? ''))!;
    const { from, ...stated } = comparable(facts, drug);
    expect(stated).toEqual(from);
  });

  it('cites a source for every entry and names the catalogue as the source', () => {
    for (const { drug } of cataloged) {
      const facts = catalogueFacts(knownNdc11(drug.ndc?.normalized ?? ''))!;
      expect(parseNdc(facts.ndc11)).toMatchObject({ ok: true });
      expect(facts.sources[0]).toContain('Built-in catalogue');
      expect(facts.sources.length).toBeGreaterThan(1);
    }
  });
});

describe('other packages in the catalogue', () => {
  it('lists the other sizes of the same product, with their container type', () => {
    expect(catalogueOtherPackages(knownNdc11('50242006101'))).toEqual([{ ndc11: '50242006001', amount: { value: '100', unit: 'mg' }, containerType: 'single-dose', source: 'Built-in catalogue of the wizard' }]);
    expect(catalogueOtherPackages(knownNdc11('00409156029'))).toEqual([{ ndc11: '00409161050', amount: { value: '250', unit: 'mg' }, containerType: 'multi-dose', source: 'Built-in catalogue of the wizard' }]);
  });

  it('knows nothing of an NDC it does not list', () => {
    expect(catalogueOtherPackages(knownNdc11('12345678901'))).toBeUndefined();
    expect(catalogueOtherPackages(knownNdc11('73150015006'))).toEqual([]);
  });
});
