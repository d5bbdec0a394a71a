/**
 * `evaluateClaim` as a whole: reading packets, the claim-level rules (payer, dates, timely filing,
 * providers, diagnoses) and the drug-level facts (administration, prior authorization, invoice).
 */
import { describe, expect, it } from 'vitest';
import { evaluateClaim } from './evaluate';
import type { FilingException } from './packet/schema';
import { ZClaimPacket } from './packet/schema';
import { NO_REFERENCE } from './reference';
import {
  completePacket, customProfile, evaluate, evaluateOn, findingsOf, FIXTURE_TODAY, memoryReference, packetOn, profile, replaced, ruleIds,
  withDrug,
} from './test-fixtures';

describe('the complete packet', () => {
  it('is a valid packet that evaluates with no finding and can be exported', () => {
    const packet = completePacket();
    expect(ZClaimPacket.safeParse(packet).success).toBe(true);
    const result = evaluate(packet);
    expect(result.findings).toEqual([]);
    expect(result.exportable).toBe(true);
    expect(result.decision.code).toBe('J3590');
    expect(result.drugs).toHaveLength(1);
    expect(result.lines).toHaveLength(2);
    expect(result.narrative).toBe(result.drugs[0]!.narrative);
  });

  it('is evaluated without touching the packet', () => {
    const packet = completePacket();
    const before = JSON.stringify(packet);
    evaluate(packet);
    expect(JSON.stringify(packet)).toBe(before);
  });

  it('gives the same result for the same input (pure)', () => {
    expect(evaluate(completePacket())).toEqual(evaluate(completePacket()));
  });

  it('still evaluates with no reference data loaded, with warnings only', () => {
    const result = evaluateClaim(completePacket(), NO_REFERENCE, FIXTURE_TODAY);
    expect(result.exportable).toBe(true);
    expect(new Set(ruleIds(result))).toEqual(new Set(['dx.unverified', 'code.not-verified']));
    expect(result.findings.every((f) => f.severity === 'warn')).toBe(true);
  });
});

describe('reading packets', () => {
  it.each([
    ['null', null], ['a number', 42], ['a string', 'noc-claim-packet'], ['a list', [completePacket()]], ['another format', { format: 'fhir' }], ['an empty object', {}],
  ])('refuses %s as not a packet, with nothing else evaluated', (_label, value) => {
    const result = evaluate(value);
    expect(result.findings).toMatchObject([{ rule: 'packet.not-a-packet', severity: 'block', path: 'format' }]);
    expect(result).toMatchObject({ exportable: false, lines: [], drugs: [], checklist: [], narrative: null });
    expect(result.decision.code).toBeNull();
  });

  it('refuses a packet from a newer version and names the version', () => {
    const result = evaluate({ ...completePacket(), version: 3 });
    expect(result.findings).toMatchObject([{ rule: 'packet.newer-version', path: 'version' }]);
    expect(result.findings[0]!.message).toContain('3');
  });

  it.each([['"1"', '1'], ['0', 0], ['missing', undefined]])('refuses version %s', (_label, version) => {
    const result = evaluate({ ...completePacket(), version });
    expect(result.findings).toMatchObject([{ rule: 'packet.invalid-value', severity: 'block', path: 'version' }]);
  });

  it('reports a value of the wrong type at its field, names the field, and evaluates the rest', () => {
    const result = evaluate(completePacket({ drugs: [{ route: 'nasal' as never }] }));
    const [f] = findingsOf(result, 'packet.invalid-value');
    expect(f).toMatchObject({ severity: 'block', path: 'drugs.0.route' });
    expect(f!.message).toMatch(/^Route it was given by: /);
    expect(result.decision.code).toBe('J3590');
    expect(result.checklist.find((i) => i.id === 'dose-route-date')).toMatchObject({ status: 'missing', path: 'drugs.0.route' });
    // One finding per field: the checklist does not repeat the blocking finding.
    expect(result.findings.filter((x) => x.path === 'drugs.0.route')).toHaveLength(1);
  });

  it('reports a wrong value inside a list at its index', () => {
    const result = evaluate(completePacket({ drugs: [{ modifiers: ['JG', 7 as never] }] }));
    expect(findingsOf(result, 'packet.invalid-value')).toMatchObject([{ path: 'drugs.0.modifiers.1' }]);
    expect(result.drugs).toHaveLength(1);
  });

  it('reports several wrong values at once', () => {
    const result = evaluate(completePacket({ careSetting: 'home' as never, dates: { service: 20230310 as never } }));
    expect(findingsOf(result, 'packet.invalid-value').map((f) => f.path).sort()).toEqual(['careSetting', 'dates.service']);
    expect(ruleIds(result)).toContain('claim.care-setting-missing');
    expect(ruleIds(result)).toContain('dates.service-missing');
  });

  it('ignores fields it does not know', () => {
    expect(evaluate({ ...completePacket(), extra: { anything: true } }).findings).toEqual([]);
  });
});

describe('payer', () => {
  it('needs a known profile', () => {
    expect(findingsOf(evaluate(completePacket({ payer: { profileId: '' } })), 'payer.profile-missing')).toMatchObject([{ severity: 'block' }]);
    const unknown = evaluate(completePacket({ payer: { profileId: 'acme-health' } }));
    expect(findingsOf(unknown, 'payer.profile-unknown')[0]!.message).toContain('acme-health');
  });

  it('uses a custom profile carried in the packet', () => {
    const result = evaluate(completePacket(customProfile('medicare-part-b', { narrativeNdc: 'none' })));
    expect(result.findings).toEqual([]);
    expect(result.narrative).toBe('BRIUMVI UBLITUXIMAB-XIIY 100MG IV');
  });

  it('warns when the kind of payer or the care setting does not fit the profile', () => {
    expect(findingsOf(evaluate(completePacket({ payer: { kind: 'medicaid' } })), 'payer.kind-mismatch')).toMatchObject([{ severity: 'warn', path: 'payer.kind' }]);
    expect(findingsOf(evaluate(completePacket({ careSetting: 'dme-supplier' })), 'payer.setting-mismatch')).toMatchObject([{ severity: 'warn' }]);
  });

  it('needs the care setting', () => {
    expect(findingsOf(evaluate(completePacket({ careSetting: undefined })), 'claim.care-setting-missing')).toMatchObject([{ severity: 'block', path: 'careSetting' }]);
  });
});

describe('dates of service', () => {
  it('needs a real date of service, not in the future', () => {
    expect(findingsOf(evaluate(completePacket({ dates: { service: '' } })), 'dates.service-missing')).toHaveLength(1);
    expect(findingsOf(evaluate(completePacket({ dates: { service: '2023-02-30' } })), 'date.invalid')).toMatchObject([{ path: 'dates.service' }]);
    expect(findingsOf(evaluate(completePacket(), '2023-03-09'), 'dates.service-in-future')).toMatchObject([{ severity: 'block' }]);
    expect(ruleIds(evaluate(completePacket(), '2023-03-10'))).not.toContain('dates.service-in-future');
  });

  it('refuses dates of service before ICD-10 (2015-10-01)', () => {
    expect(ruleIds(evaluateOn('2015-09-30'))).toContain('dates.service-before-icd10');
    expect(ruleIds(evaluateOn('2015-10-01'))).not.toContain('dates.service-before-icd10');
  });

  it('refuses a planned submission before the date of service', () => {
    expect(findingsOf(evaluate(completePacket({ dates: { plannedSubmission: '2023-03-09' } })), 'dates.submission-before-service')).toHaveLength(1);
  });
});

describe('filing-limit exceptions (42 CFR 424.44(b), billing-rules §12)', () => {
  // DOS 2023-03-10: the 12-month limit ends on Monday 2024-03-11.
  const withException = (reason: FilingException, noticeDate: string, overrides: Parameters<typeof completePacket>[0] = {}) =>
    completePacket({ ...overrides, dates: { filingException: { reason, noticeDate } } });

  it('moves the deadline to the end of the 6th month after the month of the notice', () => {
    const late = withException('administrative-error', '2024-03-20');
    // March 2024 + 6 months: Monday 2024-09-30.
    expect(ruleIds(evaluate(late, '2024-09-30'))).not.toContain('dates.timely-filing-expired');
    expect(ruleIds(evaluate(late, '2024-10-01'))).toContain('dates.timely-filing-expired');
    expect(evaluate(late, '2024-09-30').timelyFiling).toEqual({
      limit: '12 months, moved to the next workday when it ends on a weekend or federal holiday', limitDeadline: '2024-03-11',
      exception: { reason: 'administrative-error', name: 'Administrative error', citation: '42 CFR 424.44(b)(1)', noticeDate: '2024-03-20', deadline: '2024-09-30' },
      deadline: '2024-09-30',
    });
  });

  it('counts from the first of the notice month to its end, and moves an extended deadline off a weekend like the regular one', () => {
    // A notice of 2024-06-30 or of 2024-06-01 both run through 2024-12-31 (a Tuesday).
    expect(evaluate(withException('retroactive-entitlement', '2024-06-01'), '2024-12-31').timelyFiling?.deadline).toBe('2024-12-31');
    expect(evaluate(withException('retroactive-entitlement', '2024-06-30'), '2024-12-31').timelyFiling?.deadline).toBe('2024-12-31');
    // A notice in 2024-02 runs through Saturday 2024-08-31: Medicare moves it past Labor Day to Tuesday 2024-09-03.
    const moved = evaluate(withException('retroactive-disenrollment', '2024-02-14'), '2024-09-03');
    expect(moved.timelyFiling?.exception?.deadline).toBe('2024-09-03');
    expect(ruleIds(moved)).not.toContain('dates.timely-filing-expired');
  });

  it('says, when the limit has passed, that an exception can be recorded and where', () => {
    const [f] = findingsOf(evaluate(completePacket(), '2024-03-12'), 'dates.timely-filing-expired');
    expect(f!.message).toContain('If one of the exceptions of 42 CFR 424.44(b) applies');
    expect(f!.message).toContain('record it on the Claim step, under Dates, "Exception to the filing limit (Medicare)", with the date of the notice');
    const passed = findingsOf(evaluate(withException('administrative-error', '2024-03-20'), '2024-10-01'), 'dates.timely-filing-expired');
    expect(passed[0]!.message).toContain('The exception recorded (administrative error, notice dated 03/20/2024) runs to 09/30/2024, which has passed too.');
    const commercialLate = findingsOf(evaluate(completePacket(profile('commercial')), '2023-06-09'), 'dates.timely-filing-expired');
    expect(commercialLate[0]!.message).toContain("The exceptions of 42 CFR 424.44(b) are Medicare's");
  });

  it('applies only to Medicare: another payer keeps its own deadline and the exception is refused', () => {
    const commercial = withException('administrative-error', '2023-06-20', profile('commercial'));
    const result = evaluate(commercial, '2023-06-21');
    expect(ruleIds(result)).toContain('dates.filing-exception-not-medicare');
    expect(ruleIds(result)).toContain('dates.timely-filing-expired');
    expect(result.timelyFiling?.exception).toBeNull();
    expect(findingsOf(result, 'dates.filing-exception-not-medicare')[0]!.message).toContain('Commercial plan (set your contract)');
    expect(ruleIds(evaluate(withException('administrative-error', '2023-06-20', profile('medicare-advantage')), '2023-06-21'))).toContain('dates.filing-exception-not-medicare');
  });

  it('refuses a notice dated after today or before the date of service, and then does not extend the deadline', () => {
    const future = evaluate(withException('retroactive-entitlement', '2024-04-02'), '2024-04-01');
    expect(findingsOf(future, 'dates.filing-exception-notice-future')[0]!.message).toContain('04/02/2024');
    expect(ruleIds(future)).toContain('dates.timely-filing-expired');
    const before = evaluate(withException('retroactive-entitlement', '2023-03-09'), '2024-04-01');
    expect(findingsOf(before, 'dates.filing-exception-notice-before-service')[0]!.message).toContain('03/09/2023');
    expect(before.timelyFiling?.exception).toBeNull();
    expect(ruleIds(evaluate(withException('retroactive-entitlement', '2023-03-10'), '2024-04-01'))).not.toContain('dates.filing-exception-notice-before-service');
  });

  it('asks for both the reason and the notice date, and checks the date is a real one', () => {
    expect(ruleIds(evaluate(completePacket({ dates: { filingException: { reason: 'administrative-error' } } })))).toContain('dates.filing-exception-notice-missing');
    expect(ruleIds(evaluate(completePacket({ dates: { filingException: { noticeDate: '2023-05-01' } } })))).toContain('dates.filing-exception-reason-missing');
    expect(findingsOf(evaluate(completePacket({ dates: { filingException: { reason: 'administrative-error', noticeDate: '2023-02-30' } } })), 'date.invalid'))
      .toMatchObject([{ path: 'dates.filingException.noticeDate' }]);
  });

  it('advises clearing an exception the claim does not need', () => {
    const timely = evaluate(withException('administrative-error', '2023-03-15'), FIXTURE_TODAY);
    expect(findingsOf(timely, 'dates.filing-exception-not-needed')).toMatchObject([{ severity: 'warn' }]);
    expect(timely.exportable).toBe(true);
    expect(ruleIds(evaluate(withException('administrative-error', '2024-03-20'), '2024-04-01'))).not.toContain('dates.filing-exception-not-needed');
  });
});

describe('timely filing (billing-rules §12)', () => {
  // DOS 2023-03-10 + 12 months = Sunday 2024-03-10, so the deadline moves to Monday 2024-03-11.
  it('gives Medicare 12 months, moving a deadline on a weekend to the next workday', () => {
    expect(ruleIds(evaluate(completePacket(), '2024-03-11'))).not.toContain('dates.timely-filing-expired');
    const late = evaluate(completePacket(), '2024-03-12');
    const [f] = findingsOf(late, 'dates.timely-filing-expired');
    expect(f).toMatchObject({ severity: 'block', path: 'dates.plannedSubmission' });
    expect(f!.message).toContain('03/11/2024');
    expect(f!.message).toContain('12 months');
    expect(f!.message).toContain('CARC 29');
  });

  it('clamps a leap-day date of service (2024-02-29 + 12 months = Friday 2025-02-28)', () => {
    expect(ruleIds(evaluateOn('2024-02-29', {}, undefined))).not.toContain('dates.timely-filing-expired');
    expect(ruleIds(evaluate(packetOn('2024-02-29'), '2025-02-28'))).not.toContain('dates.timely-filing-expired');
    expect(ruleIds(evaluate(packetOn('2024-02-29'), '2025-03-01'))).toContain('dates.timely-filing-expired');
  });

  it('warns within 30 days of the deadline, counting the days', () => {
    const thirty = evaluate(completePacket(), '2024-02-10');
    expect(findingsOf(thirty, 'dates.timely-filing-near')).toMatchObject([{ severity: 'warn', path: 'dates.plannedSubmission' }]);
    expect(findingsOf(thirty, 'dates.timely-filing-near')[0]!.message).toContain('in 30 days');
    expect(ruleIds(evaluate(completePacket(), '2024-02-09'))).not.toContain('dates.timely-filing-near');
    expect(findingsOf(evaluate(completePacket(), '2024-03-11'), 'dates.timely-filing-near')[0]!.message).toContain('in 0 days');
  });

  it('uses the planned submission date when it is later than today', () => {
    const planned = evaluate(completePacket({ dates: { plannedSubmission: '2024-03-12' } }), FIXTURE_TODAY);
    expect(ruleIds(planned)).toContain('dates.timely-filing-expired');
  });

  it('uses today when the planned date has passed', () => {
    expect(ruleIds(evaluate(completePacket({ dates: { plannedSubmission: '2023-03-15' } }), '2024-04-01'))).toContain('dates.timely-filing-expired');
  });

  it('gives the commercial profile 90 days (2023-03-10 + 90 = Thursday 2023-06-08)', () => {
    const commercial = completePacket(profile('commercial'));
    expect(ruleIds(evaluate(commercial, '2023-06-08'))).not.toContain('dates.timely-filing-expired');
    const late = evaluate(commercial, '2023-06-09');
    expect(findingsOf(late, 'dates.timely-filing-expired')[0]!.message).toContain('90 days');
  });

  it('does not move a commercial deadline off a weekend by default: day 91 of a 90-day contract is late (2023-03-12 + 90 = Saturday 2023-06-10)', () => {
    const commercial = packetOn('2023-03-12', profile('commercial'));
    expect(ruleIds(evaluate(commercial, '2023-06-10'))).not.toContain('dates.timely-filing-expired');
    const late = findingsOf(evaluate(commercial, '2023-06-11'), 'dates.timely-filing-expired');
    expect(late).toMatchObject([{ severity: 'block' }]);
    expect(late[0]!.message).toContain('90 days, not moved off weekends and federal holidays: this profile\'s workday switch is off');
    expect(late[0]!.message).toContain('06/10/2023');
  });

  it('moves it to Monday when the profile\'s workday switch is on, and says so', () => {
    const commercial = packetOn('2023-03-12', customProfile('commercial', { movesDeadlineToWorkday: true }));
    expect(ruleIds(evaluate(commercial, '2023-06-12'))).not.toContain('dates.timely-filing-expired');
    const late = findingsOf(evaluate(commercial, '2023-06-13'), 'dates.timely-filing-expired');
    expect(late[0]!.message).toContain('90 days, moved to the next workday when it ends on a weekend or federal holiday) ended on 06/12/2023');
  });

  it('moves a Medicare deadline past an observed federal holiday (2022-07-04 + 12 months = Tuesday 2023-07-04, Independence Day)', () => {
    const medicare = packetOn('2022-07-04');
    expect(ruleIds(evaluate(medicare, '2023-07-05'))).not.toContain('dates.timely-filing-expired');
    expect(ruleIds(evaluate(medicare, '2023-07-06'))).toContain('dates.timely-filing-expired');
    const medicaid = packetOn('2022-07-04', profile('medicaid'));
    expect(ruleIds(evaluate(medicaid, '2023-07-05'))).toContain('dates.timely-filing-expired');
  });

  it('takes the switch from the payer kind when a custom profile does not say (on for Medicare only)', () => {
    const withoutSwitch = (baseId: string) => {
      const packet = packetOn('2023-03-12', customProfile(baseId, { timelyFiling: { days: 90 } }));
      delete packet.payer!.customProfile!.movesDeadlineToWorkday;
      return packet;
    };
    expect(ruleIds(evaluate(withoutSwitch('medicare-part-b'), '2023-06-12'))).not.toContain('dates.timely-filing-expired');
    expect(ruleIds(evaluate(withoutSwitch('commercial'), '2023-06-12'))).toContain('dates.timely-filing-expired');
  });

  it('follows a custom filing limit', () => {
    const packet = completePacket(customProfile('commercial', { timelyFiling: { days: 180 } }));
    expect(ruleIds(evaluate(packet, '2023-09-06'))).not.toContain('dates.timely-filing-expired');
    expect(ruleIds(evaluate(packet, '2023-09-07'))).toContain('dates.timely-filing-expired');
  });

  // Found by the fuzzing: a deadline of 2^53 days or more never reached a workday (day + 1 = day).
  it.each([
    ['Number.MAX_SAFE_INTEGER days', { days: Number.MAX_SAFE_INTEGER }],
    ['Number.MAX_SAFE_INTEGER months', { months: Number.MAX_SAFE_INTEGER }],
    ['2,914,000 days (2023-03-10 + 2,914,000 days is in year 10001)', { days: 2_914_000 }],
  ] as const)('a custom filing limit that ends after 9999-12-31 (%s) never expires', (_label, timelyFiling) => {
    const result = evaluate(completePacket(customProfile('commercial', { timelyFiling })), '9999-12-31');
    expect(ruleIds(result)).not.toContain('dates.timely-filing-expired');
    expect(ruleIds(result)).not.toContain('dates.timely-filing-near');
  });

  it('a custom filing limit that ends before 9999-12-31 still expires (2023-03-10 + 2,913,000 days is in year 9998)', () => {
    const packet = completePacket(customProfile('commercial', { timelyFiling: { days: 2_913_000 } }));
    expect(ruleIds(evaluate(packet, '9999-12-31'))).toContain('dates.timely-filing-expired');
  });

  it('moves a deadline on a federal holiday to the next workday (DOS 2024-07-04 → Friday 2025-07-04 → Monday 2025-07-07)', () => {
    const result = evaluate(packetOn('2024-07-04', { dates: { plannedSubmission: '2025-07-07' } }), '2025-07-07');
    expect(ruleIds(result)).not.toContain('dates.timely-filing-expired');
  });
});

describe('providers', () => {
  it('checks each NPI: format, check digit (scenario 21), prefix', () => {
    expect(findingsOf(evaluate(completePacket({ providers: { rendering: { npi: '1234567890' } } })), 'provider.npi-check-digit'))
      .toMatchObject([{ severity: 'block', path: 'providers.rendering.npi' }]);
    expect(findingsOf(evaluate(completePacket({ providers: { billing: { npi: '123456789' } } })), 'provider.npi-format'))
      .toMatchObject([{ severity: 'block', path: 'providers.billing.npi' }]);
    expect(findingsOf(evaluate(completePacket({ providers: { ordering: { npi: '1234567890' } } })), 'provider.npi-check-digit')[0]!.message)
      .toContain('ordering provider');
  });

  it('accepts a blank ordering provider', () => {
    expect(evaluate(completePacket({ providers: { ordering: { npi: '' } } })).findings).toEqual([]);
  });

  it('needs the patient account reference', () => {
    expect(findingsOf(evaluate(completePacket({ patient: undefined })), 'patient.account-missing')).toHaveLength(1);
  });
});

describe('diagnoses', () => {
  it('gives each code entered with what the ICD-10-CM file of the fiscal year says of it', () => {
    expect(evaluateOn('2025-10-01', { diagnoses: [{ code: 'g35a' }, { code: '' }, { code: 'G35' }, { code: 'A00.0' }] }).diagnoses).toEqual([
      { index: 0, display: 'G35.A', status: 'billable', description: 'G35A', fiscalYear: 'FY2026' },
      { index: 2, display: 'G35', status: 'header', description: 'G35', fiscalYear: 'FY2026' },
      { index: 3, display: 'A00.0', status: 'not-found', fiscalYear: 'FY2026' },
    ]);
    expect(evaluateClaim(completePacket(), NO_REFERENCE, FIXTURE_TODAY).diagnoses.map((d) => d.status)).toEqual(['unverified']);
  });
  it('accepts G35 through FY2025 and refuses it from 2025-10-01, naming G35.A-G35.D', () => {
    expect(ruleIds(evaluateOn('2025-09-30'))).not.toContain('dx.not-billable');
    const header = evaluateOn('2025-10-01');
    const [f] = findingsOf(header, 'dx.not-billable');
    expect(f).toMatchObject({ severity: 'block', path: 'diagnoses.0.code' });
    expect(f!.message).toContain('FY2026');
    expect(f!.message).toContain('G35.A, G35.B, G35.C, G35.D');
    expect(ruleIds(evaluateOn('2025-10-01', { diagnoses: [{ code: 'G35.A' }] }))).toEqual([]);
  });

  it('refuses a code not in the code set for the year', () => {
    expect(findingsOf(evaluate(completePacket({ diagnoses: [{ code: 'A00.0' }] })), 'dx.not-found')[0]!.message).toContain('FY2023');
    expect(findingsOf(evaluateOn('2020-03-02', { diagnoses: [{ code: 'U07.1' }] }), 'dx.not-found')).toHaveLength(1);
    expect(ruleIds(evaluateOn('2020-05-04', { diagnoses: [{ code: 'U07.1' }] }))).not.toContain('dx.not-found');
  });

  it('checks shape only, with a warning, when the code files are not loaded', () => {
    const result = evaluate(completePacket(), FIXTURE_TODAY, memoryReference({ crosswalk: {} }));
    expect(findingsOf(result, 'dx.unverified')).toMatchObject([{ severity: 'warn', path: 'diagnoses' }]);
    expect(findingsOf(result, 'dx.unverified')[0]!.message).toContain('FY2023');
  });

  it('refuses a code that is not ICD-10-CM, and warns about a repeat', () => {
    expect(findingsOf(evaluate(completePacket({ diagnoses: [{ code: 'G35' }, { code: '340' }] })), 'dx.syntax')).toMatchObject([{ path: 'diagnoses.1.code' }]);
    expect(findingsOf(evaluate(completePacket({ diagnoses: [{ code: 'D59.5' }, { code: 'd595' }] })), 'dx.duplicate')).toMatchObject([{ severity: 'warn', path: 'diagnoses.1.code' }]);
  });

  it('accepts 12 diagnoses and refuses 13', () => {
    const codes = ['A00.0', 'A01.0', 'A02.0', 'A03.0', 'A04.0', 'A05.0', 'A06.0', 'A07.0', 'A08.0', 'A09', 'B00.0', 'B01.0', 'B02.0'];
    const noFiles = memoryReference({ crosswalk: {} });
    expect(ruleIds(evaluate(completePacket({ diagnoses: replaced(codes.slice(0, 12).map((code) => ({ code }))) }), FIXTURE_TODAY, noFiles))).not.toContain('dx.too-many');
    expect(ruleIds(evaluate(completePacket({ diagnoses: replaced(codes.map((code) => ({ code }))) }), FIXTURE_TODAY, noFiles))).toContain('dx.too-many');
  });
});

describe('clinical trial number', () => {
  it.each(['NCT01234567', 'nct01234567', ' NCT01234567 '])('accepts %j', (nctNumber) => {
    expect(ruleIds(evaluate(completePacket({ clinicalTrial: { nctNumber } })))).not.toContain('trial.nct-format');
  });

  it.each(['NCT1234567', 'CT01234567', '01234567', 'NCT012345678'])('refuses %j', (nctNumber) => {
    expect(findingsOf(evaluate(completePacket({ clinicalTrial: { nctNumber } })), 'trial.nct-format')).toHaveLength(1);
  });
});

describe('administration record', () => {
  it('needs the start on the date of service, and an end after the start', () => {
    expect(findingsOf(evaluate(withDrug({ administration: { start: '2023-03-11T09:30', end: '2023-03-11T10:00' } })), 'administration.start-not-service-date')).toHaveLength(1);
    expect(findingsOf(evaluate(withDrug({ administration: { end: '2023-03-10T09:29' } })), 'administration.end-before-start')).toHaveLength(1);
    expect(ruleIds(evaluate(withDrug({ administration: { end: '2023-03-10T09:30' } })))).not.toContain('administration.end-before-start');
  });

  it('refuses a lot that expired before the date of service, and accepts one expiring that day', () => {
    expect(findingsOf(evaluate(withDrug({ administration: { expiration: '2023-03-09' } })), 'administration.expired')[0]!.message).toContain('03/09/2023');
    expect(ruleIds(evaluate(withDrug({ administration: { expiration: '2023-03-10' } })))).not.toContain('administration.expired');
  });

  it('refuses an FDA approval after the date of service, and accepts approval on that day', () => {
    expect(findingsOf(evaluate(withDrug({ fdaApprovalDate: '2023-03-11' })), 'drug.approved-after-service')).toHaveLength(1);
    expect(ruleIds(evaluate(withDrug({ fdaApprovalDate: '2023-03-10' })))).not.toContain('drug.approved-after-service');
  });

  it('blocks unapproved drugs for Medicare and warns for other payers', () => {
    expect(findingsOf(evaluate(withDrug({ marketingCategory: 'unapproved' })), 'drug.unapproved')).toMatchObject([{ severity: 'block' }]);
    expect(findingsOf(evaluate(withDrug({ marketingCategory: 'unapproved' }, profile('commercial'))), 'drug.unapproved-check-plan')).toMatchObject([{ severity: 'warn' }]);
  });

  it('refuses more drug than the opened containers hold', () => {
    expect(ruleIds(evaluate(withDrug({ container: { opened: '2' }, administration: { dose: { value: '300' } }, waste: { amount: { value: '0' } } })))).not.toContain('dose.exceeds-opened');
    const over = evaluate(withDrug({ container: { opened: '2' }, administration: { dose: { value: '300.5' } }, waste: { amount: { value: '0' } } }));
    expect(findingsOf(over, 'dose.exceeds-opened')[0]!.message).toContain('300 mg');
  });

  it.each(['0', '1.5', '-1', 'two', '10001'])('refuses %j containers opened', (opened) => {
    expect(findingsOf(evaluate(withDrug({ container: { opened } })), 'container.opened-invalid')).toHaveLength(1);
  });

  it.each([['0', /more than zero/], ['1,5', /commas/], ['-100', /negative/], ['a lot', /number/]])('refuses a dose of %j, saying why', (value, why) => {
    const [f] = findingsOf(evaluate(withDrug({ administration: { dose: { value } } })), 'dose.invalid');
    expect(f!.message).toMatch(why);
  });
});

describe('NDC on the drug', () => {
  it('accepts the stored 11 digits with or without hyphens', () => {
    expect(evaluate(withDrug({ ndc: { normalized: '73150-0150-06' } })).findings).toEqual([]);
  });

  it('tells the biller how to fix a 10-digit NDC (scenario 20)', () => {
    const [f] = findingsOf(evaluate(withDrug({ ndc: { input: '7315015006', normalized: undefined } })), 'ndc.ten-digits');
    expect(f!.message).toMatch(/hyphens/);
  });

  it('accepts an invoice NDC written another way when it is the same package', () => {
    expect(evaluate(withDrug({ invoice: { ndc: '73150015006' } })).findings).toEqual([]);
    expect(evaluate(withDrug({ invoice: { ndc: '73150-150-06' } })).findings).toEqual([]);
  });
});

describe('Medicaid Drug Rebate Program (§2, scenario 23)', () => {
  const otherLabeler = { ndc: { input: '12345-6789-01', normalized: undefined }, invoice: { ndc: '12345-6789-01' } };

  it('blocks an NDC from a labeler outside the program for Medicaid, naming the labeler', () => {
    const [f] = findingsOf(evaluate(withDrug(otherLabeler, profile('medicaid'))), 'ndc.labeler-not-rebating');
    expect(f).toMatchObject({ severity: 'block', path: 'drugs.0.ndc.input' });
    expect(f!.message).toContain('12345');
    expect(f!.message).toContain('CARC 211');
  });

  it('allows it for other payers, and a rebating labeler for Medicaid', () => {
    expect(ruleIds(evaluate(withDrug(otherLabeler)))).not.toContain('ndc.labeler-not-rebating');
    expect(ruleIds(evaluate(withDrug({}, profile('medicaid'))))).not.toContain('ndc.labeler-not-rebating');
  });

  it('warns when the labeler list is not loaded', () => {
    const result = evaluateClaim(completePacket(profile('medicaid')), NO_REFERENCE, FIXTURE_TODAY);
    expect(findingsOf(result, 'ndc.rebate-unverified')).toMatchObject([{ severity: 'warn' }]);
  });
});

describe('prior authorization dates', () => {
  const approved = (validFrom?: string, validThrough?: string) => evaluate(withDrug({ priorAuth: { status: 'approved', number: 'PA-1', validFrom, validThrough } }));

  it('accepts an authorization valid from or through the date of service itself', () => {
    expect(approved('2023-03-10', '2023-03-10').findings).toEqual([]);
    expect(approved('2023-01-01', '2023-12-31').findings).toEqual([]);
  });

  it('refuses an authorization that starts the day after the date of service', () => {
    expect(findingsOf(approved('2023-03-11'), 'prior-auth.not-yet-valid')[0]!.message).toContain('03/11/2023');
  });

  it('refuses an authorization that ended the day before the date of service', () => {
    expect(findingsOf(approved(undefined, '2023-03-09'), 'prior-auth.expired')[0]!.message).toContain('03/09/2023');
  });

  it('blocks pending and denied authorizations', () => {
    expect(findingsOf(evaluate(withDrug({ priorAuth: { status: 'pending' } })), 'prior-auth.pending')).toHaveLength(1);
    expect(findingsOf(evaluate(withDrug({ priorAuth: { status: 'denied' } })), 'prior-auth.denied')).toHaveLength(1);
  });

  it('checks the dates are real', () => {
    expect(findingsOf(approved('2023-13-01'), 'date.invalid')).toMatchObject([{ path: 'drugs.0.priorAuth.validFrom' }]);
  });
});

describe('invoice amounts', () => {
  it.each(['6500', '6500.00', ' 99999.99 '])('accepts a net cost of %j', (netCost) => {
    expect(evaluate(withDrug({ invoice: { netCost } })).findings).toEqual([]);
  });

  it('treats a $ sign the same in the net-cost rule and in the checklist', () => {
    // Either "$6500.00" is accepted everywhere, or it is refused by the net-cost rule; the checklist
    // must not ask to "enter the net cost" for a value the net-cost rule accepted.
    const ids = ruleIds(evaluate(withDrug({ invoice: { netCost: '$6500.00' } })));
    expect(ids.length === 0 || ids.includes('invoice.net-cost-invalid'), ids.join(', ')).toBe(true);
  });

  it.each(['6,500.00', '$6,500', 'USD 6500', '-6500'])('refuses a net cost of %j', (netCost) => {
    expect(findingsOf(evaluate(withDrug({ invoice: { netCost } })), 'invoice.net-cost-invalid')).toHaveLength(1);
  });

  it('warns above the $99,999.99 a claim line can carry (FCSO)', () => {
    expect(findingsOf(evaluate(withDrug({ invoice: { netCost: '100000' } })), 'invoice.over-claim-limit')).toMatchObject([{ severity: 'warn' }]);
  });
});

describe('several drugs', () => {
  it('evaluates each drug, with findings at its own index, and lists the lines drug by drug', () => {
    const second = { ...completePacket().drugs![0]!, id: 'drug-2', modifiers: ['J'] };
    const result = evaluate(completePacket({ drugs: [{}, second] }));
    expect(result.drugs.map((d) => d.index)).toEqual([0, 1]);
    expect(result.lines.map((l) => l.drugIndex)).toEqual([0, 0, 1, 1]);
    expect(findingsOf(result, 'modifier.format')).toMatchObject([{ path: 'drugs.1.modifiers.0' }]);
  });

  it('blocks an empty drug list', () => {
    const result = evaluate(completePacket({ drugs: replaced([]) }));
    expect(findingsOf(result, 'drug.none')).toHaveLength(1);
    expect(result.decision.code).toBeNull();
  });
});
