import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NdcResult } from './ndc';
import { parseNdc, tenDigitCandidates } from './ndc';

function ok(result: NdcResult) {
  if (!result.ok) throw new Error(`expected a valid NDC, got ${result.problem.code}: ${result.problem.message}`);
  return result.ndc;
}

function problem(result: NdcResult) {
  if (result.ok) throw new Error(`expected a refusal, got ${result.ndc.ndc11}`);
  return result.problem;
}

describe('parseNdc: accepted forms', () => {
  it.each([
    ['11 digits without hyphens', '73150015006', '73150015006', '5-4-2'],
    ['11 digits as 5-4-2 with hyphens', '73150-0150-06', '73150015006', '5-4-2'],
    ['4-4-2 (zero before the labeler)', '0409-1560-29', '00409156029', '4-4-2'],
    ['5-3-2 (zero before the product)', '73150-150-06', '73150015006', '5-3-2'],
    ['5-3-2 (zero before the product), Jubereq', '69448-022-63', '69448002263', '5-3-2'],
    ['5-4-1 (zero before the package)', '12345-6789-0', '12345678900', '5-4-1'],
    ['N4 prefix, as in 24A', 'N473150015006', '73150015006', '5-4-2'],
    ['N4 prefix with a space', 'N4 73150-0150-06', '73150015006', '5-4-2'],
    ['lower-case n4 prefix', 'n473150015006', '73150015006', '5-4-2'],
    ['surrounding spaces', '  25682-0022-01  ', '25682002201', '5-4-2'],
    ['spaces inside 11 digits', '73150 0150 06', '73150015006', '5-4-2'],
    ['non-breaking spaces inside 11 digits', '73150\u00a00150\u00a006', '73150015006', '5-4-2'],
    ['en dash and minus sign as hyphens', '0409\u20131560\u221229', '00409156029', '4-4-2'],
    ['asterisk placeholder for the added zero', '*0409-1560-29', '00409156029', '5-4-2'],
    ['asterisk placeholder in the product', '73150-*150-06', '73150015006', '5-4-2'],
  ])('%s: %s → %s', (_label, input, ndc11, layout) => {
    const ndc = ok(parseNdc(input));
    expect(ndc.ndc11).toBe(ndc11);
    expect(ndc.layout).toBe(layout);
    expect(ndc.hyphenated).toBe(`${ndc11.slice(0, 5)}-${ndc11.slice(5, 9)}-${ndc11.slice(9)}`);
    expect([ndc.labeler, ndc.product, ndc.package]).toEqual([ndc11.slice(0, 5), ndc11.slice(5, 9), ndc11.slice(9)]);
  });

  it('converts the billing-rules §2 examples', () => {
    expect(ok(parseNdc('0409-1560-29')).ndc11).toBe('00409156029');
    expect(ok(parseNdc('73150-150-06')).ndc11).toBe('73150015006');
    expect(ok(parseNdc('69448-022-63')).ndc11).toBe('69448002263');
    expect(ok(parseNdc('12345-6789-0')).ndc11).toBe('12345678900');
  });

  it('reads three groups separated by spaces as the segments, as hyphens would be', () => {
    expect(parseNdc('0409 1560 29')).toMatchObject({ ok: true, ndc: { ndc11: '00409156029', layout: '4-4-2' } });
    expect(parseNdc(' 73150  150 06 ')).toMatchObject({ ok: true, ndc: { ndc11: '73150015006', layout: '5-3-2' } });
  });
});

describe('parseNdc: refusals', () => {
  it('refuses a bare 10-digit NDC with its three possible readings (billing-rules §2, scenario 20)', () => {
    const p = problem(parseNdc('0409156029'));
    expect(p.code).toBe('ten-digits');
    if (p.code !== 'ten-digits') return;
    expect(p.candidates.map((c) => [c.layout, c.typed, c.ndc.ndc11])).toEqual([
      ['4-4-2', '0409-1560-29', '00409156029'],
      ['5-3-2', '04091-560-29', '04091056029'],
      ['5-4-1', '04091-5602-9', '04091560209'],
    ]);
    // The message says why (the split is unknown) and how to fix it (type the hyphens from the label).
    expect(p.message).toMatch(/10-digit/);
    expect(p.message).toMatch(/hyphens/i);
    expect(p.message).toMatch(/label/i);
  });

  it('offers the right reading among the candidates of each §2 example', () => {
    for (const [typed, ndc11] of [['0409-1560-29', '00409156029'], ['73150-150-06', '73150015006'], ['12345-6789-0', '12345678900']] as const) {
      const candidates = tenDigitCandidates(typed.replace(/-/g, ''));
      expect(candidates.map((c) => c.ndc.ndc11)).toContain(ndc11);
      expect(candidates.find((c) => c.typed === typed)?.ndc.ndc11).toBe(ndc11);
    }
  });

  it.each([
    ['12 digits', '123456789012', 'twelve-digits'],
    ['12 digits in the 2033 6-4-2 layout', '123456-7890-12', 'twelve-digits'],
    ['letters', '73150-O150-06', 'bad-characters'],
    ['a dot', '73150.0150.06', 'bad-characters'],
    ['9 digits', '731500150', 'wrong-length'],
    ['13 digits', '7315001500612', 'wrong-length'],
    ['segments 5-3-1', '73150-150-6', 'bad-segments'],
    ['two segments', '73150-015006', 'bad-segments'],
    ['four segments', '73150-0150-0-6', 'bad-segments'],
    ['empty', '', 'empty'],
    ['blank', '   ', 'empty'],
    ['only the N4 prefix', 'N4', 'empty'],
  ])('%s (%j) is refused as %s with a message', (_label, input, code) => {
    const p = problem(parseNdc(input));
    expect(p.code).toBe(code);
    expect(p.message.length).toBeGreaterThan(20);
  });

  it('treats undefined as empty', () => {
    expect(problem(parseNdc(undefined)).code).toBe('empty');
  });
});

describe('parseNdc: properties', () => {
  const digits = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
  const layouts = [
    ['4-4-2', 4, 4, 2],
    ['5-3-2', 5, 3, 2],
    ['5-4-1', 5, 4, 1],
    ['5-4-2', 5, 4, 2],
  ] as const;

  it.each(layouts)('a hyphenated %s NDC round-trips to the same 11 digits and segments', (layout, a, b, c) => {
    const labelerCode = digits(a).filter((l) => !/^0+$/.test(l));
    fc.assert(fc.property(labelerCode, digits(b), digits(c), (labeler, product, pkg) => {
      const ndc = ok(parseNdc(`${labeler}-${product}-${pkg}`));
      const expected = { labeler: labeler.padStart(5, '0'), product: product.padStart(4, '0'), package: pkg.padStart(2, '0') };
      expect(ndc.layout).toBe(layout);
      expect({ labeler: ndc.labeler, product: ndc.product, package: ndc.package }).toEqual(expected);
      expect(ndc.ndc11).toBe(expected.labeler + expected.product + expected.package);
      expect(ndc.ndc11).toMatch(/^\d{11}$/);
      // Parsing the 5-4-2 output again gives the same NDC.
      const again = ok(parseNdc(ndc.hyphenated));
      expect(again.ndc11).toBe(ndc.ndc11);
      expect(ok(parseNdc(ndc.ndc11)).hyphenated).toBe(ndc.hyphenated);
    }), { numRuns: 1000 });
  });

  it.each(layouts)('refuses a hyphenated %s NDC whose labeler code is all zeros, whatever follows', (_layout, a, b, c) => {
    fc.assert(fc.property(digits(b), digits(c), (product, pkg) => {
      const p = problem(parseNdc(`${'0'.repeat(a)}-${product}-${pkg}`));
      expect(p.code).toBe('zero-segment');
      expect(p.message).toContain('labeler code is 00000');
      expect(problem(parseNdc(`00000${product.padStart(4, '0')}${pkg.padStart(2, '0')}`)).code).toBe('zero-segment');
    }), { numRuns: 200 });
  });

  it('never accepts a bare 10-digit string, and always offers three distinct readings', () => {
    // Ten digits starting 0000 would give readings with the labeler code 00000, which no product has.
    fc.assert(fc.property(digits(10).filter((t) => !t.startsWith('0000')), (ten) => {
      const p = problem(parseNdc(ten));
      expect(p.code).toBe('ten-digits');
      if (p.code !== 'ten-digits') return;
      expect(p.candidates.map((c) => c.layout)).toEqual(['4-4-2', '5-3-2', '5-4-1']);
      for (const c of p.candidates) {
        expect(c.typed.replace(/-/g, '')).toBe(ten);
        expect(ok(parseNdc(c.typed)).ndc11).toBe(c.ndc.ndc11);
      }
    }), { numRuns: 1000 });
  });

  it('never throws, and an accepted NDC is always 11 digits', () => {
    fc.assert(fc.property(fc.string({ maxLength: 40 }), (text) => {
      const result = parseNdc(text);
      if (result.ok) expect(result.ndc.ndc11).toMatch(/^\d{11}$/);
      else expect(result.problem.message).not.toBe('');
    }), { numRuns: 1000 });
  });
});
