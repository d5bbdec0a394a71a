import { describe, expect, it } from 'vitest';
import { DME_CODES, HCPCS_SHAPE, ORAL_CODES, unclassifiedCode } from './codes';

describe('unclassified codes', () => {
  it('date the compound codes: Q9977 from 2015-07-01 through 2015-12-31, J7999 from 2016-01-01 (§1 row 3)', () => {
    expect(unclassifiedCode('Q9977')).toMatchObject({ from: '2015-07-01', through: '2015-12-31' });
    expect(unclassifiedCode('J7999')).toMatchObject({ from: '2016-01-01' });
    expect(unclassifiedCode('J7999')!.through).toBeUndefined();
  });

  it('mark C9399 as hospital outpatient only, effective 2004', () => {
    expect(unclassifiedCode('C9399')).toMatchObject({ isInstitutionalOnly: true, from: '2004-01-01' });
  });

  it('give J1599 its 500 mg billing unit, and the other NOC codes none', () => {
    expect(unclassifiedCode('J1599')!.billingUnit).toEqual({ value: '500', unit: 'mg' });
    for (const code of ['J3490', 'J3590', 'J9999', 'C9399', 'J7999']) expect(unclassifiedCode(code)!.billingUnit, code).toBeUndefined();
  });

  it('reserve the oral and DME codes (§15 a, b)', () => {
    expect([...ORAL_CODES].sort()).toEqual(['J8499', 'J8597', 'J8999']);
    expect([...DME_CODES].sort()).toEqual(['J7699', 'J7799']);
  });

  it('knows nothing of specific codes', () => {
    expect(unclassifiedCode('J1303')).toBeUndefined();
  });
});

describe('HCPCS_SHAPE', () => {
  it.each(['J3490', 'C9399', 'A4641', '90749', '0001U', 'Q9977'])('accepts %s', (code) => {
    expect(HCPCS_SHAPE.test(code)).toBe(true);
  });

  it.each(['J349', 'J34900', 'j3490', 'JJ490', 'J-3490', '', 'J3490 '])('refuses %j', (code) => {
    expect(HCPCS_SHAPE.test(code)).toBe(false);
  });
});
