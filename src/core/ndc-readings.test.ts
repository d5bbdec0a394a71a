/** A bare 10-digit NDC: the readings the reference data know are named and offered first. */
import { describe, expect, it } from 'vitest';
import { applyAction } from './actions';
import { evaluateClaim } from './evaluate';
import { createReference } from './reference-data/memory-reference';
import { completePacket, findingsOf, FIXTURE_REFERENCE_DATA, FIXTURE_TODAY, memoryReference, withDrug } from './test-fixtures';
import { knownHcpcsCode } from './codes';

const CATALOGUE = createReference([]);
const typed = (input: string) => withDrug({ ndc: { input, normalized: undefined } });
const tenDigits = (input: string, reference = CATALOGUE) => findingsOf(evaluateClaim(typed(input), reference, FIXTURE_TODAY), 'ndc.ten-digits')[0]!;

describe('the readings of a 10-digit NDC', () => {
  it('names the product the catalogue knows (0409156029 read 4-4-2 is Marcaine) and offers it first', () => {
    const f = tenDigits('0409156029');
    expect(f.message).toContain('Of its 3 possible readings, 0409-1560-29 is Marcaine, bupivacaine hydrochloride, 150 mg/30 mL');
    expect(f.message).toContain('the others are not a product the wizard knows');
    expect(f.actions?.map((a) => a.label)).toEqual([
      'Use 0409-1560-29 (Marcaine, bupivacaine hydrochloride)', 'Use 04091-560-29 (5-3-2, not a known product)', 'Use 04091-5602-9 (5-4-1, not a known product)',
    ]);
  });

  it('finds the reading in any layout (7315015006 read 5-3-2 is Briumvi)', () => {
    const f = tenDigits('7315015006');
    expect(f.actions?.[0]).toEqual({ kind: 'use-ndc', drugIndex: 0, ndc: '73150-150-06', label: 'Use 73150-150-06 (Briumvi, ublituximab-xiiy)' });
  });

  it('knows a reading from a crosswalk when no file describes the product', () => {
    const crosswalk = memoryReference({ ...FIXTURE_REFERENCE_DATA, crosswalk: { '12345067890': [{ code: knownHcpcsCode('J9999'), descriptor: 'Not otherwise classified, antineoplastic drugs', source: 'CMS ASP NDC-HCPCS crosswalk, October 2025' }] } });
    const f = tenDigits('1234567890', crosswalk);
    expect(f.message).toContain('12345-678-90 is listed under J9999 (Not otherwise classified, antineoplastic drugs) in the CMS ASP NDC-HCPCS crosswalk, October 2025');
    expect(f.actions?.[0]?.label).toBe('Use 12345-678-90 (listed under J9999)');
    const priced = memoryReference({ ...FIXTURE_REFERENCE_DATA, nocPriced: ['12345678900'] });
    expect(tenDigits('1234567890', priced).actions?.[0]?.label).toBe('Use 12345-6789-0 (priced by CMS)');
  });

  it('offers the three layouts, as before, when no reading is known', () => {
    const f = tenDigits('9999999999');
    expect(f.message).not.toContain('possible readings');
    expect(f.actions?.map((a) => a.label)).toEqual(['Use 9999-9999-99 (4-4-2)', 'Use 99999-999-99 (5-3-2)', 'Use 99999-9999-9 (5-4-1)']);
  });

  it('sets the NDC as read when the biller takes a reading, and the claim no longer has the finding', () => {
    const packet = typed('7315015006');
    const action = tenDigits('7315015006').actions![0]!;
    const after = applyAction(packet, action);
    expect(after.drugs![0]!.ndc).toEqual({ input: '73150-150-06', normalized: '73150015006' });
    expect(findingsOf(evaluateClaim(after, CATALOGUE, FIXTURE_TODAY), 'ndc.ten-digits')).toEqual([]);
    expect(applyAction(completePacket(), { ...action, drugIndex: 4 })).toEqual(completePacket());
  });
});
