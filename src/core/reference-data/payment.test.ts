import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateClaim } from '../evaluate';
import type { ClaimPacket } from '../packet/schema';
import type { ReferenceData } from '../reference';
import { packetOn, plusDays } from '../test-fixtures';
import { importReferenceFile } from './import';
import { createReference } from './memory-reference';

const DATA = join(import.meta.dirname, '../../../../shared/data');
const hasData = existsSync(DATA);
if (!hasData) console.warn(`Skipping the payment-estimate tests: ${DATA} is absent (the CMS/FDA reference files live outside the repository).`);

function realReference(): ReferenceData {
  return createReference([
    'cms_asp_ndc_hcpcs_crosswalk_oct2025.csv', 'cms_asp_payment_limits_oct2025.csv', 'cms_noc_ndc_hcpcs_crosswalk_oct2025.csv',
    'cms_noc_payment_limits_oct2025.csv', 'hcpcs_level2_anweb_oct2025.csv', 'icd10cm/icd10cm_order_2026.txt',
  ].map((f) => {
    const r = importReferenceFile(f, readFileSync(join(DATA, f)), { today: '2026-11-23' });
    if (!r.ok) throw new Error(r.message);
    return r.table;
  }));
}

/** The first drug's estimate, as the evaluation carries it. */
const estimate = (packet: ClaimPacket, reference: ReferenceData) =>
  evaluateClaim(packet, reference, plusDays(packet.dates!.service!, 10)).payment[0]!;
const example = (name: string) => JSON.parse(readFileSync(join(import.meta.dirname, '../../../examples', `${name}.json`), 'utf8')) as ClaimPacket;

describe.skipIf(!hasData)('the payment estimate with the October 2025 CMS files', () => {
  const reference = hasData ? realReference() : createReference([]);

  it('uses the NOC payment limit for a drug CMS priced without a code (vasopressin, Long Grove)', () => {
    const packet = packetOn('2025-11-03', { diagnoses: [{ code: 'I959' }], drugs: [{
      ndc: { input: '81298-8552-03', normalized: '81298855203' }, brandName: undefined, genericName: 'vasopressin', marketingCategory: 'NDA',
      isBiologic: false, container: { type: 'multi-dose', amount: { value: '20', unit: 'units' }, volume: { value: '1', unit: 'mL' } },
      administration: { dose: { value: '20', unit: 'units' } }, waste: undefined,
    }] });
    expect(estimate(packet, reference)).toEqual({
      drugIndex: 0, amount: '49.24', basis: 'noc-payment-limit', source: 'CMS NOC payment-limit file, October 2025',
      explanation: '20 units (20 units ÷ 1 units, rounded up) × $2.462 = $49.24.', notes: [],
    });
  });

  it('shows what the product-specific code pays when the NDC has one: Briumvi under J2329, the units of its lines', () => {
    const e = estimate(packetOn('2025-11-03', { diagnoses: [{ code: 'G35A' }] }), reference);
    expect(e).toMatchObject({
      amount: '10612.95', basis: 'asp-payment-limit', source: 'CMS ASP payment-limit file, October 2025',
      explanation: '150 units (J2329 × 100 + J2329 JW × 50) × $70.753 = $10,612.95.',
      notes: ['What J2329 pays: bill the drug under J2329, not an unclassified code.'],
    });
    const chosen = estimate(packetOn('2025-11-03', { diagnoses: [{ code: 'G35A' }], drugs: [{ specificCodeChoice: 'J2329' }] }), reference);
    expect(chosen).toMatchObject({ amount: '10612.95', notes: [] });
  });

  it('pays a discarded amount below one billing unit with the rounded-up dose, not on a JW line (Remicade J1745, 10 mg)', () => {
    const packet = packetOn('2025-11-03', { diagnoses: [{ code: 'K50.90' }], drugs: [{
      ndc: { input: '57894-0030-01', normalized: '57894003001' }, brandName: 'Remicade', genericName: 'infliximab', strength: '100 mg',
      container: { type: 'single-dose', amount: { value: '100', unit: 'mg' }, volume: undefined, opened: '4' },
      administration: { dose: { value: '355', unit: 'mg' } }, waste: { amount: { value: '45', unit: 'mg' } }, specificCodeChoice: 'J1745',
    }] });
    // 355 mg → 36 units, 45 mg → 4 units: 40 units, the 400 mg opened, at $31.090.
    expect(estimate(packet, reference)).toMatchObject({ amount: '1243.60', explanation: '40 units (J1745 × 36 + J1745 JW × 4) × $31.090 = $1,243.60.' });
  });

  it('falls back on the invoice net cost when no CMS file prices the drug on the date (Ultomiris, 2019)', () => {
    expect(estimate(example('01-ultomiris-office-2019'), reference)).toMatchObject({
      amount: '57690.00', basis: 'invoice', source: 'Invoice from Cardinal Health Specialty Distribution dated 02/04/2019',
      notes: ['No CMS NOC payment-limit file covers the date of service: import the one for its quarter.'],
    });
  });

  it('explains that C9399 is priced at 95% of AWP, which no CMS or FDA file carries', () => {
    const e = estimate(example('04a-briumvi-opps-c9399'), reference);
    expect(e).toMatchObject({ amount: null, basis: 'none' });
    expect(e.notes).toContainEqual(expect.stringContaining('95% of the average wholesale price (AWP)'));
  });

  it('estimates nothing for a packaged or a not-billable drug', () => {
    expect(estimate(example('02b-ultomiris-opps-j3590-picked'), reference)).toMatchObject({ amount: null, basis: 'none', explanation: expect.stringContaining('packaged') });
    expect(estimate(example('10-mixed-products-opps-blocked'), reference)).toMatchObject({ amount: null, basis: 'none', explanation: 'No drug line is billed, so nothing is paid for the drug.' });
  });
});
