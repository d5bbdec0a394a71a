import { describe, expect, it } from 'vitest';
import { ZPayerProfile } from './packet/schema';
import { builtInProfile, builtInProfiles, filingLimitText, isMedicare, movesDeadlineToWorkday, resolveProfile } from './payers';
import { completePacket, customProfile } from './test-fixtures';

describe('built-in payer profiles', () => {
  it('are valid profiles with unique ids', () => {
    const ids = builtInProfiles().map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of builtInProfiles()) expect(ZPayerProfile.safeParse(p).success, p.id).toBe(true);
  });

  it('bill Medicare NOC lines as 1 unit and file within 12 months (§3, §12)', () => {
    for (const p of builtInProfiles().filter(isMedicare)) {
      expect(p.nocUnits, p.id).toEqual({ basis: 'one' });
      expect(p.timelyFiling, p.id).toEqual({ months: 12 });
      expect(p.priorAuth, p.id).toBe('never');
    }
  });

  it('use JW/JZ for Medicare, except the DME MACs (drugs used at home)', () => {
    const medicare = builtInProfiles().filter(isMedicare);
    expect(medicare.filter((p) => !p.jwJz).map((p) => p.id)).toEqual(['medicare-dme']);
  });

  it('use C9399 only for hospital outpatient profiles', () => {
    for (const p of builtInProfiles()) if (p.usesC9399) expect(p.careSettings, p.id).toContain('hospital-outpatient');
    expect(builtInProfile('medicare-part-b')!.usesC9399).toBe(false);
  });

  it('never hard-code 90 days for anyone but the editable commercial profile (§12, §15 f)', () => {
    const ninety = builtInProfiles().filter((p) => 'days' in p.timelyFiling && p.timelyFiling.days === 90);
    expect(ninety.map((p) => p.id)).toEqual(['commercial']);
  });

  it('put NC Medicaid units per mg with the NDC per vial, and Alaska units per container', () => {
    expect(builtInProfile('medicaid-nc')).toMatchObject({ nocUnits: { basis: 'amount', per: { value: '1', unit: 'mg' } }, ndcQuantityBasis: 'containers' });
    expect(builtInProfile('medicaid-ak')!.nocUnits).toEqual({ basis: 'containers' });
  });

  it('require rebating labelers for Medicaid only', () => {
    for (const p of builtInProfiles()) expect(p.requiresRebatingLabeler, p.id).toBe(p.payerKind === 'medicaid');
  });
});

describe('resolveProfile', () => {
  it('finds a built-in profile by id', () => {
    expect(resolveProfile(completePacket())?.id).toBe('medicare-part-b-palmetto');
    expect(resolveProfile(completePacket({ payer: { profileId: 'nope' } }))).toBeUndefined();
    expect(resolveProfile(completePacket({ payer: { profileId: undefined } }))).toBeUndefined();
  });

  it('uses the packet\'s own profile when its id is chosen, or when no id is', () => {
    const custom = completePacket(customProfile('commercial', { timelyFiling: { days: 120 } }));
    expect(resolveProfile(custom)?.timelyFiling).toEqual({ days: 120 });
    const noId = completePacket({ payer: { ...customProfile('commercial', {}).payer, profileId: '' } });
    expect(resolveProfile(noId)?.id).toBe('custom-test');
    const other = completePacket({ payer: { ...customProfile('commercial', {}).payer, profileId: 'medicaid' } });
    expect(resolveProfile(other)?.id).toBe('medicaid');
  });

  it('says the filing limit as a biller does, with whether it moves off weekends and holidays', () => {
    expect(filingLimitText(builtInProfile('medicare-part-b')!)).toBe('12 months, moved to the next workday when it ends on a weekend or federal holiday');
    expect(filingLimitText(builtInProfile('commercial')!)).toBe('90 days, not moved off weekends and federal holidays: this profile\'s workday switch is off');
  });

  it('moves deadlines off weekends and holidays for Medicare profiles only, by default', () => {
    for (const p of builtInProfiles()) expect(movesDeadlineToWorkday(p), p.id).toBe(p.payerKind === 'medicare');
  });
});
