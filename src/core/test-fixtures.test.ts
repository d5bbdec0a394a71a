/** The shared fixtures the other tests stand on. */
import { describe, expect, it } from 'vitest';
import { ZClaimPacket } from './packet/schema';
import { completePacket, deepMerge, memoryReference, packetOn, plusDays, replaced, withDrug } from './test-fixtures';
import { isoDate } from './dates';
import { knownNdc11 } from './ndc';
import { knownHcpcsCode } from './codes';

describe('deepMerge', () => {
  it('merges objects key by key, and removes keys set to undefined', () => {
    expect(deepMerge({ a: 1, b: { c: 2, d: 3 } }, { b: { c: 9, d: undefined } })).toEqual({ a: 1, b: { c: 9 } });
  });

  it('merges lists of objects item by item, and replaces lists of plain values', () => {
    expect(deepMerge({ l: [{ a: 1, b: 2 }, { a: 3 }] }, { l: [{ b: 5 }] })).toEqual({ l: [{ a: 1, b: 5 }, { a: 3 }] });
    expect(deepMerge({ l: ['x', 'y'] }, { l: ['z'] })).toEqual({ l: ['z'] });
    expect(deepMerge({ l: [{ a: 1 }, { a: 2 }] }, { l: replaced([{ a: 9 }]) })).toEqual({ l: [{ a: 9 }] });
  });

  it('leaves both inputs untouched', () => {
    const base = { a: { b: [1] } };
    const out = deepMerge(base, { a: { c: 1 } }) as { a: { b: number[] } };
    out.a.b.push(2);
    expect(base).toEqual({ a: { b: [1] } });
  });
});

describe('completePacket', () => {
  it('is a fresh, schema-valid copy each time', () => {
    const a = completePacket();
    a.drugs![0]!.brandName = 'Changed';
    expect(completePacket().drugs![0]!.brandName).toBe('Briumvi');
    expect(ZClaimPacket.safeParse(completePacket()).success).toBe(true);
  });

  it('changes the first drug with withDrug', () => {
    expect(withDrug({ route: 'subcutaneous' }).drugs![0]).toMatchObject({ route: 'subcutaneous', brandName: 'Briumvi' });
  });

  it('moves every date with packetOn', () => {
    const p = packetOn('2024-05-06');
    expect(p.dates).toEqual({ service: '2024-05-06', plannedSubmission: '2024-05-16' });
    expect(p.drugs![0]!.administration!.start).toBe('2024-05-06T09:30');
    expect(p.drugs![0]!.waste!.time).toBe('2024-05-06T11:15');
    expect(packetOn('2019-01-15').drugs![0]!.fdaApprovalDate).toBe(plusDays('2019-01-15', -30));
  });
});

describe('memoryReference', () => {
  it('answers "unknown" for what it was not given', () => {
    const r = memoryReference();
    expect([r.crosswalkCodes(knownNdc11('00000000001'), isoDate('2024-01-01')), r.descriptorNames(), r.codeValidity(knownHcpcsCode('J3490'), isoDate('2024-01-01')), r.diagnosis('G35', isoDate('2024-01-01')), r.hasNocPrice(knownNdc11('00000000001'), isoDate('2024-01-01')), r.isRebatingLabeler('x', isoDate('2024-01-01'))])
      .toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  it('answers by date from plain data', () => {
    const r = memoryReference({
      crosswalk: { '00000000001': [{ code: knownHcpcsCode('J2329'), descriptor: 'd', source: 's', from: '2023-07-01' }] },
      hcpcs: { J7999: { effective: '2016-01-01' }, J2329: { descriptor: 'Injection, ublituximab-xiiy, 1mg', effective: '2023-07-01' } },
      diagnoses: { G35: [{ through: '2025-09-30' }, { from: '2025-10-01', children: ['G35A'] }] },
    });
    expect(r.crosswalkCodes(knownNdc11('00000000001'), isoDate('2023-06-30'))).toMatchObject({ codes: [], dateQuarter: { status: 'complete' } });
    expect(r.crosswalkCodes(knownNdc11('00000000001'), isoDate('2023-07-01'))?.codes).toEqual([{ code: 'J2329', descriptor: 'd', source: 's' }]);
    expect(r.descriptorNames()?.find('Ublituximab-xiiy').map((h) => [h.code, h.added, h.fit])).toEqual([['J2329', '2023-07-01', 'exact']]);
    expect(r.codeValidity(knownHcpcsCode('J7999'), isoDate('2015-12-31'))).toMatchObject({ status: 'not-yet-effective' });
    expect(r.codeValidity(knownHcpcsCode('J0000'), isoDate('2015-12-31'))).toEqual({ status: 'unknown-code' });
    expect(r.diagnosis('G35', isoDate('2025-09-30'))).toMatchObject({ status: 'billable' });
    expect(r.diagnosis('G35', isoDate('2025-10-01'))).toMatchObject({ status: 'header', billableChildren: ['G35A'] });
    expect(r.diagnosis('X00', isoDate('2025-10-01'))).toEqual({ status: 'not-found' });
  });
});
