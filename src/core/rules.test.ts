/**
 * The rule catalogue, one row per rule: a packet that raises it, and the field it must point at.
 * The last tests fail when a rule (or a checklist item) has no row here, so a new rule cannot be
 * added without a test that raises it.
 */
import { describe, expect, it } from 'vitest';
import { CHECKLIST_RULES } from './checklist';
import type { Evaluation } from './evaluate';
import { pathExists } from './packet/paths';
import { npiCheckDigit } from './npi';
import { NO_REFERENCE } from './reference';
import type { ReferenceData } from './reference';
import type { RuleKey } from './rules';
import { RULES } from './rules';
import {
  BRIUMVI_NDC11, completePacket, customProfile, evaluate, evaluateOn, FIXTURE_REFERENCE_DATA, memoryReference, profile, replaced,
  withDrug,
} from './test-fixtures';
import { knownNdc11 } from './ndc';
import { knownHcpcsCode } from './codes';

type Case = () => Evaluation;

const oppsPacket = (drug: Parameters<typeof withDrug>[0] = {}) => withDrug(drug, { careSetting: 'hospital-outpatient', ...profile('medicare-opps') });
const commercial = profile('commercial');
const noDiagnosisFiles: ReferenceData = memoryReference({ crosswalk: {} });
const briumviHasJ2329 = memoryReference({
  ...FIXTURE_REFERENCE_DATA,
  crosswalk: { [BRIUMVI_NDC11]: [{ code: knownHcpcsCode('J2329'), descriptor: 'Injection, ublituximab-xiiy, 1 mg', billingUnit: '1 MG', source: 'CMS ASP crosswalk', from: '2023-07-01' }] },
});
/** No crosswalk lists Briumvi's NDC, but the HCPCS file has J2329, whose descriptor names ublituximab-xiiy. */
const briumviNamedJ2329 = memoryReference({ ...FIXTURE_REFERENCE_DATA, hcpcs: { J2329: { descriptor: 'Injection, ublituximab-xiiy, 1mg', effective: '2023-07-01' } } });
/** Briumvi's NDC listed under a code billed for doses of 100 mg or less (as Sublocade's Q9991 is): the fixture's 100 mg fits, 150 mg does not. */
const sublocadeCode = memoryReference({
  ...FIXTURE_REFERENCE_DATA,
  crosswalk: { [BRIUMVI_NDC11]: [{ code: knownHcpcsCode('Q9991'), descriptor: 'Injection, buprenorphine extended-release (sublocade), less than or equal to 100 mg', billingUnit: 'Less than or equal to 100 MG', source: 'CMS ASP crosswalk' }] },
});
/** Briumvi as if it also came in a 100 mg vial: the fixture's 100 mg dose then needs no 150 mg vial. */
const briumviInTwoSizes = memoryReference({
  ...FIXTURE_REFERENCE_DATA,
  packages: { [BRIUMVI_NDC11]: [{ ndc11: knownNdc11('73150010004'), amount: { value: '100', unit: 'mg' }, containerType: 'single-dose', source: 'test packages' }] },
});
const notAPacket = (value: unknown): Case => () => evaluate(value);
const drug = (d: Parameters<typeof withDrug>[0], o: Parameters<typeof withDrug>[1] = {}): Case => () => evaluate(withDrug(d, o));
const packet = (o: Parameters<typeof completePacket>[0], today?: string, reference?: ReferenceData): Case => () => evaluate(completePacket(o), today, reference);
const withoutWaste = { administration: { dose: { value: '150', unit: 'mg' as const } }, waste: { amount: { value: '0', unit: 'mg' as const }, reason: undefined, time: undefined } };
/** The complete packet with `count` copies of its drug (each with its own id; each has a JW line, so two lines). */
const drugCopies = (count: number) => {
  const p = completePacket();
  return replaced(Array.from({ length: count }, (_, i) => ({ ...p.drugs![0]!, id: `drug-${i + 1}` })));
};
const attachment = (id: string, sha256 = 'ab'.repeat(32)) => ({ id, kind: 'order' as const, fileName: `${id}.pdf`, mediaType: 'application/pdf', size: 100, sha256 });
const opps9s = (units: string) => customProfile('medicare-opps', { nocUnits: { basis: 'amount', per: { value: units, unit: 'mg' } } });
const thirteenDiagnoses = replaced(['A00.0', 'A01.0', 'A02.0', 'A03.0', 'A04.0', 'A05.0', 'A06.0', 'A07.0', 'A08.0', 'A09', 'B00.0', 'B01.0', 'B02.0'].map((code) => ({ code })));

/** For every rule: how to raise it, and the path its finding must carry. */
const CASES: Record<RuleKey, readonly [Case, string]> = {
  packetNotPacket: [notAPacket({ hello: 'world' }), 'format'],
  packetNewerVersion: [notAPacket({ format: 'noc-claim-packet', version: 2 }), 'version'],
  packetInvalidValue: [notAPacket({ ...completePacket(), careSetting: 'home' }), 'careSetting'],
  careSettingMissing: [packet({ careSetting: undefined }), 'careSetting'],
  payerProfileMissing: [packet({ payer: { profileId: undefined } }), 'payer.profileId'],
  payerProfileUnknown: [packet({ payer: { profileId: 'no-such-profile' } }), 'payer.profileId'],
  payerKindMismatch: [packet({ payer: { kind: 'commercial' } }), 'payer.kind'],
  payerSettingMismatch: [packet({ careSetting: 'hospital-outpatient' }), 'payer.profileId'],
  serviceDateMissing: [packet({ dates: { service: undefined } }), 'dates.service'],
  serviceDateFuture: [packet({}, '2023-03-09'), 'dates.service'],
  serviceDateBeforeIcd10: [() => evaluateOn('2015-09-30'), 'dates.service'],
  submissionBeforeService: [packet({ dates: { plannedSubmission: '2023-03-09' } }), 'dates.plannedSubmission'],
  timelyFilingExpired: [packet({}, '2024-04-01'), 'dates.plannedSubmission'],
  timelyFilingNear: [packet({}, '2024-02-20'), 'dates.plannedSubmission'],
  filingExceptionReasonMissing: [packet({ dates: { filingException: { noticeDate: '2023-05-01' } } }), 'dates.filingException.reason'],
  filingExceptionNoticeMissing: [packet({ dates: { filingException: { reason: 'administrative-error' } } }), 'dates.filingException.noticeDate'],
  filingExceptionNotMedicare: [packet({ ...commercial, dates: { filingException: { reason: 'administrative-error', noticeDate: '2023-03-15' } } }), 'dates.filingException.reason'],
  filingExceptionNoticeFuture: [packet({ dates: { filingException: { reason: 'retroactive-entitlement', noticeDate: '2023-03-21' } } }), 'dates.filingException.noticeDate'],
  filingExceptionNoticeBeforeService: [packet({ dates: { filingException: { reason: 'retroactive-entitlement', noticeDate: '2023-03-09' } } }), 'dates.filingException.noticeDate'],
  filingExceptionNotNeeded: [packet({ dates: { filingException: { reason: 'administrative-error', noticeDate: '2023-03-15' } } }), 'dates.filingException.reason'],
  patientAccountMissing: [packet({ patient: { accountReference: ' ' } }), 'patient.accountReference'],
  npiFormat: [packet({ providers: { rendering: { npi: '12345' } } }), 'providers.rendering.npi'],
  npiCheckDigit: [packet({ providers: { billing: { npi: '1234567890' } } }), 'providers.billing.npi'],
  npiPrefix: [packet({ providers: { ordering: { npi: `312345678${npiCheckDigit('312345678')}`, name: 'Ann Ordering' } } }), 'providers.ordering.npi'],
  dxTooMany: [packet({ diagnoses: thirteenDiagnoses }, undefined, noDiagnosisFiles), 'diagnoses'],
  dxSyntax: [packet({ diagnoses: [{ code: 'XYZ' }] }), 'diagnoses.0.code'],
  dxDuplicate: [packet({ diagnoses: [{ code: 'G35' }, { code: 'g35' }] }), 'diagnoses.1.code'],
  dxNotBillable: [() => evaluateOn('2025-10-06'), 'diagnoses.0.code'],
  dxNotFound: [packet({ diagnoses: [{ code: 'A00.0' }] }), 'diagnoses.0.code'],
  dxUnverified: [packet({}, undefined, noDiagnosisFiles), 'diagnoses'],
  drugsMissing: [packet({ drugs: replaced([]) }), 'drugs'],
  ndcInvalid: [drug({ ndc: { input: 'not an ndc', normalized: undefined } }), 'drugs.0.ndc.input'],
  ndcTenDigits: [drug({ ndc: { input: '0409156029', normalized: undefined } }), 'drugs.0.ndc.input'],
  ndcNormalizedMismatch: [drug({ ndc: { normalized: '00409156029' } }), 'drugs.0.ndc.normalized'],
  ndcInvoiceMismatch: [drug({ invoice: { ndc: '0409-1560-29' } }), 'drugs.0.invoice.ndc'],
  labelerNotRebating: [drug({ ndc: { input: '12345-6789-01', normalized: undefined }, invoice: { ndc: '12345-6789-01' } }, profile('medicaid')), 'drugs.0.ndc.input'],
  rebateUnverified: [packet(profile('medicaid'), undefined, memoryReference({ ...FIXTURE_REFERENCE_DATA, rebatingLabelers: undefined })), 'drugs.0.ndc.input'],
  drugNameMissing: [drug({ brandName: '', genericName: ' ' }), 'drugs.0.brandName'],
  approvalAfterService: [drug({ fdaApprovalDate: '2023-04-01' }), 'drugs.0.fdaApprovalDate'],
  approvalDateNeeded: [() => evaluate(oppsPacket({ fdaApprovalDate: undefined })), 'drugs.0.fdaApprovalDate'],
  selfAdministeredExcluded: [drug({ isOnSelfAdministeredList: true }), 'drugs.0.isOnSelfAdministeredList'],
  selfAdministeredNoted: [drug({ isOnSelfAdministeredList: true }, commercial), 'drugs.0.isOnSelfAdministeredList'],
  offLabelRationaleMissing: [drug({ isOffLabel: true }), 'drugs.0.offLabelRationale'],
  compoundIngredientIncomplete: [drug({ marketingCategory: 'compounded', compoundIngredients: [{ name: 'Morphine' }] }), 'drugs.0.compoundIngredients.0.name'],
  specificCodeExists: [() => evaluateOn('2023-08-07', {}, briumviHasJ2329), 'drugs.0.ndc.input'],
  investigationalMedicare: [drug({ marketingCategory: 'investigational' }), 'drugs.0.marketingCategory'],
  investigationalOther: [drug({ marketingCategory: 'investigational' }, commercial), 'drugs.0.marketingCategory'],
  suppliedFree: [drug({ isSuppliedFreeBySponsor: true }), 'drugs.0.isSuppliedFreeBySponsor'],
  mixedProducts: [drug({ isMixtureOfCommercialProducts: true }), 'drugs.0.isMixtureOfCommercialProducts'],
  oppsPackaged: [() => evaluate(oppsPacket({ fdaApprovalDate: '2001-06-01' })), 'drugs.0.fdaApprovalDate'],
  oralSelfAdministered: [drug({ route: 'oral', isBiologic: false, marketingCategory: 'NDA' }), 'drugs.0.route'],
  antineoplasticBiologic: [drug({ isAntineoplastic: true }), 'drugs.0.isAntineoplastic'],
  noReference: [packet({}, undefined, NO_REFERENCE), 'drugs.0.ndc.input'],
  nameMatch: [() => evaluateOn('2023-08-07', {}, briumviNamedJ2329), 'drugs.0.genericName'],
  nameMatchReasonMissing: [() => evaluateOn('2023-08-07', { drugs: [{ dismissedCodeMatch: { codes: ['J2329'] } }] }, briumviNamedJ2329), 'drugs.0.dismissedCodeMatch.reason'],
  codeNotEffective: [drug({ codeOverride: { code: 'Q9977', reason: 'Payer letter' } }), 'drugs.0.codeOverride.code'],
  overrideReasonMissing: [drug({ codeOverride: { code: 'J3490' } }), 'drugs.0.codeOverride.reason'],
  overrideInvalid: [drug({ codeOverride: { code: 'J34', reason: 'typo' } }), 'drugs.0.codeOverride.code'],
  overrideDiffers: [drug({ codeOverride: { code: 'J3490', reason: 'Payer letter of 2023-01-05' } }), 'drugs.0.codeOverride.code'],
  overrideWrongRoute: [drug({ route: 'oral', codeOverride: { code: 'J3490', reason: 'habit' } }), 'drugs.0.codeOverride.code'],
  overrideCCodeProfessional: [drug({ codeOverride: { code: 'C9399', reason: 'hospital told us' } }), 'drugs.0.codeOverride.code'],
  overrideCompound: [drug({ marketingCategory: 'compounded', codeOverride: { code: 'J3490', reason: 'old habit' } }), 'drugs.0.codeOverride.code'],
  overrideNotNeeded: [drug({ isMixtureOfCommercialProducts: true, codeOverride: { code: 'J3490', reason: 'one line' } }), 'drugs.0.codeOverride.code'],
  overrideC9399OldDrug: [() => evaluate(oppsPacket({ fdaApprovalDate: '1999-06-01', codeOverride: { code: 'C9399', reason: 'new to us' } })), 'drugs.0.codeOverride.code'],
  overrideC9399Diagnostic: [() => evaluate(oppsPacket({ therapeuticClass: 'contrast-agent', codeOverride: { code: 'C9399', reason: 'hospital said' } })), 'drugs.0.codeOverride.code'],
  overrideCompoundCodeNotCompounded: [drug({ codeOverride: { code: 'J7999', reason: 'mixed in the office' } }), 'drugs.0.codeOverride.code'],
  overrideSpecificExists: [() => evaluateOn('2023-08-07', { drugs: [{ codeOverride: { code: 'J3590', reason: 'always billed so' } }] }, briumviHasJ2329), 'drugs.0.codeOverride.code'],
  overrideNotInCrosswalk: [drug({ codeOverride: { code: 'J2329', reason: 'the payer said so' } }), 'drugs.0.codeOverride.code'],
  narrativeOnSpecificCode: [() => evaluateOn('2023-08-07', { drugs: [{ specificCodeChoice: 'J2329', narrativeOverride: 'BRIUMVI 100MG IV' }] }, briumviHasJ2329), 'drugs.0.narrativeOverride'],
  doseInvalid: [drug({ administration: { dose: { value: '1,5' } } }), 'drugs.0.administration.dose.value'],
  containerAmountInvalid: [drug({ container: { amount: { value: 'lots' } } }), 'drugs.0.container.amount.value'],
  containerAmountMissing: [drug({ strength: undefined, container: { amount: undefined } }), 'drugs.0.container.amount.value'],
  containerVolumeInvalid: [drug({ container: { volume: { value: '-6' } } }), 'drugs.0.container.volume.value'],
  containerVolumeNeeded: [drug({ strength: undefined, container: { volume: undefined }, ndcUnitOverride: 'ML' }), 'drugs.0.container.volume.value'],
  containersOpenedInvalid: [drug({ container: { opened: '1.5' } }), 'drugs.0.container.opened'],
  unitsIncompatible: [drug({ administration: { dose: { unit: 'IU' } } }), 'drugs.0.administration.dose.unit'],
  doseExceedsOpened: [drug({ administration: { dose: { value: '200' } } }), 'drugs.0.administration.dose.value'],
  ndcQuantityTooLarge: [drug({ administration: { dose: { value: '100000000', unit: 'mL' } } }), 'drugs.0.administration.dose.value'],
  ndcQuantityZero: [drug({ administration: { dose: { value: '0.0001', unit: 'mL' } } }), 'drugs.0.administration.dose.value'],
  ndcQuantityRounded: [drug({ container: { amount: { value: '120' }, volume: { value: '1.7' } }, waste: { amount: { value: '20' } } }), 'drugs.0.administration.dose.value'],
  ndcUnitMe: [drug({ ndcUnitOverride: 'ME' }, customProfile('medicare-part-b', { rejectsMilligramQualifier: true })), 'drugs.0.ndcUnitOverride'],
  unitsOverrideInvalid: [drug({ hcpcsUnitsOverride: '0' }), 'drugs.0.hcpcsUnitsOverride'],
  unitsNotComputable: [drug({ therapeuticClass: 'immune-globulin-iv', administration: { dose: { value: '4', unit: 'IU' } } }), 'drugs.0.administration.dose.unit'],
  unitsDoseOutsideRange: [() => evaluateOn('2023-08-07', { drugs: [{ specificCodeChoice: 'Q9991', ...withoutWaste }] }, sublocadeCode), 'drugs.0.administration.dose.value'],
  unitsMustBeOne: [drug({ hcpcsUnitsOverride: '150' }), 'drugs.0.hcpcsUnitsOverride'],
  unitsOverrideDiffers: [drug({ hcpcsUnitsOverride: '2' }, commercial), 'drugs.0.hcpcsUnitsOverride'],
  dateInvalid: [packet({ dates: { plannedSubmission: '2023-02-30' } }), 'dates.plannedSubmission'],
  startInvalid: [drug({ administration: { start: 'this morning' } }), 'drugs.0.administration.start'],
  startNotServiceDate: [drug({ administration: { start: '2023-03-09T09:30' } }), 'drugs.0.administration.start'],
  endInvalid: [drug({ administration: { end: 'later' } }), 'drugs.0.administration.end'],
  endBeforeStart: [drug({ administration: { end: '2023-03-10T08:00' } }), 'drugs.0.administration.end'],
  expiredBeforeService: [drug({ administration: { expiration: '2023-03-01' } }), 'drugs.0.administration.expiration'],
  unapprovedMedicare: [drug({ marketingCategory: 'unapproved' }), 'drugs.0.marketingCategory'],
  unapprovedOther: [drug({ marketingCategory: 'unapproved' }, commercial), 'drugs.0.marketingCategory'],
  wasteMissing: [() => evaluateOn('2023-10-02', { drugs: [{ waste: { amount: { value: '' } } }] }), 'drugs.0.waste.amount.value'],
  wasteNotRecorded: [drug({ waste: { amount: { value: '' } } }), 'drugs.0.waste.amount.value'],
  wasteLeastWaste: [packet({}, undefined, briumviInTwoSizes), 'drugs.0.container.opened'],
  wasteInvalid: [drug({ waste: { amount: { value: 'half' } } }), 'drugs.0.waste.amount.value'],
  wasteUnitMissing: [drug({ waste: { amount: { unit: undefined } } }), 'drugs.0.waste.amount.unit'],
  wasteMismatch: [drug({ waste: { amount: { value: '40' } } }), 'drugs.0.waste.amount.value'],
  wasteReasonMissing: [drug({ waste: { reason: '' } }), 'drugs.0.waste.reason'],
  wasteTimeMissing: [drug({ waste: { time: undefined } }), 'drugs.0.waste.time'],
  wasteTimeInvalid: [drug({ waste: { time: 'after lunch' } }), 'drugs.0.waste.time'],
  wasteBeforeAdministration: [drug({ waste: { time: '2023-03-10T09:00' } }), 'drugs.0.waste.time'],
  wasteMultiDose: [drug({ container: { type: 'multi-dose' } }), 'drugs.0.waste.amount.value'],
  modifierFormat: [drug({ modifiers: ['J'] }), 'drugs.0.modifiers.0'],
  modifierDuplicate: [drug({ modifiers: ['U1', 'u1'] }), 'drugs.0.modifiers.1'],
  modifierTooMany: [drug({ modifiers: ['U1', 'U2', 'U3', 'U4'] }), 'drugs.0.modifiers'],
  modifierWasteManual: [drug({ modifiers: ['JZ'] }), 'drugs.0.modifiers.0'],
  modifierJzOptional: [drug({ ...withoutWaste, modifiers: ['JZ'] }), 'drugs.0.modifiers.0'],
  modifierJzTooEarly: [() => evaluateOn('2022-12-30', { drugs: [{ ...withoutWaste, modifiers: ['JZ'] }] }), 'drugs.0.modifiers.0'],
  modifierWasteNotAllowed: [drug({ container: { type: 'multi-dose' }, modifiers: ['JW'] }), 'drugs.0.modifiers.0'],
  modifierNotDrugLine: [drug({ modifiers: ['25'] }), 'drugs.0.modifiers.0'],
  modifierDmeInhalation: [drug({ modifiers: ['KP'] }), 'drugs.0.modifiers.0'],
  modifierRouteMismatch: [drug({ modifiers: ['JB'] }), 'drugs.0.modifiers.0'],
  modifierConflict: [drug({ modifiers: ['GA', 'GZ'], documentsOnFile: ['order', 'administration-record', 'waste-record', 'invoice', 'abn'] }), 'drugs.0.modifiers'],
  modifier340bMissing: [() => evaluateOn('2024-01-02', { providers: { billing: { is340bEntity: true } } }), 'drugs.0.modifiers'],
  modifier340bNotMedicare: [drug({ modifiers: ['JG'] }, commercial), 'drugs.0.modifiers.0'],
  modifierGyWithAbn: [drug({ modifiers: ['GY', 'GA'], documentsOnFile: ['order', 'administration-record', 'waste-record', 'invoice', 'abn'] }), 'drugs.0.modifiers'],
  modifierGySuggested: [drug({ route: 'oral', isBiologic: false, marketingCategory: 'NDA' }), 'drugs.0.modifiers'],
  modifierTrialWithoutTrial: [drug({ modifiers: ['Q1'] }), 'drugs.0.modifiers.0'],
  modifierUnknown: [drug({ modifiers: ['ZZ'] }), 'drugs.0.modifiers.0'],
  modifierKx: [drug({ modifiers: ['KX'] }), 'drugs.0.modifiers.0'],
  narrativeTooLong: [drug({ narrativeOverride: `BRIUMVI UBLITUXIMAB-XIIY 100MG IV NDC 73150015006 ${'X'.repeat(45)}` }), 'drugs.0.narrativeOverride'],
  narrativeCannotFit: [drug({}, customProfile('medicare-part-b', { narrativeMaxLength: 20 })), 'drugs.0.brandName'],
  narrativeNoDose: [drug({ narrativeOverride: 'BRIUMVI IV NDC 73150015006' }), 'drugs.0.narrativeOverride'],
  narrativeNoName: [drug({ narrativeOverride: '100MG IV NDC 73150015006' }), 'drugs.0.narrativeOverride'],
  narrativeConcentration: [drug({ narrativeOverride: 'BRIUMVI 25 MG/ML 100MG IV NDC 73150015006' }), 'drugs.0.narrativeOverride'],
  narrativeNoNdc: [drug({ narrativeOverride: 'BRIUMVI 100MG IV' }), 'drugs.0.narrativeOverride'],
  narrativeShortened: [drug({ genericName: 'ublituximab-xiiy monoclonal antibody anti-CD20 glycoengineered chimeric IgG1' }), 'drugs.0.genericName'],
  narrativeInvalidChars: [drug({ narrativeOverride: 'BRIUMVI* 100MG IV NDC 73150015006' }), 'drugs.0.narrativeOverride'],
  priorAuthPending: [drug({ priorAuth: { status: 'pending' } }), 'drugs.0.priorAuth.status'],
  priorAuthDenied: [drug({ priorAuth: { status: 'denied' } }), 'drugs.0.priorAuth.status'],
  priorAuthNotYetValid: [drug({ priorAuth: { status: 'approved', number: 'PA1', validFrom: '2023-03-11' } }), 'drugs.0.priorAuth.validFrom'],
  priorAuthExpired: [drug({ priorAuth: { status: 'approved', number: 'PA1', validThrough: '2023-03-09' } }), 'drugs.0.priorAuth.validThrough'],
  invoiceNetCostInvalid: [drug({ invoice: { netCost: '6,500.00' } }), 'drugs.0.invoice.netCost'],
  invoiceOverLimit: [drug({ invoice: { netCost: '$100000.00' } }), 'drugs.0.invoice.netCost'],
  trialNctFormat: [packet({ clinicalTrial: { nctNumber: 'NCT123' } }), 'clinicalTrial.nctNumber'],
  claimTooManyLines: [packet({ drugs: drugCopies(26) }), 'drugs'],
  claimPaperForms: [packet({ drugs: drugCopies(4) }), 'drugs'],
  attachmentsTooMany: [packet({ attachments: replaced(Array.from({ length: 11 }, (_, i) => attachment(`file-${i}`))) }), 'attachments'],
  drugDuplicateId: [packet({ drugs: replaced([...drugCopies(2), ...drugCopies(1)]) }), 'drugs.2'],
  attachmentDuplicateId: [packet({ attachments: replaced([attachment('a'), attachment('b'), attachment('a')]) }), 'attachments.2.id'],
  attachmentKindMissing: [packet({ attachments: replaced([{ ...attachment('att-1'), kind: undefined }]) }), 'attachments.0.kind'],
  attachmentFingerprint: [packet({ attachments: replaced([attachment('a', 'zz')]) }), 'attachments.0.sha256'],
  ndcZeroSegment: [drug({ ndc: { input: '00000-0150-06', normalized: undefined } }), 'drugs.0.ndc.input'],
  unitsOverItem24G: [drug({ hcpcsUnitsOverride: '1000' }, commercial), 'drugs.0.hcpcsUnitsOverride'],
  unitsTooLarge: [() => evaluate(withDrug({}, { careSetting: 'hospital-outpatient', ...opps9s('0.00001') })), 'drugs.0.administration.dose.value'],
  ndcQuantityOverMedicare24A: [drug({ ndcUnitOverride: 'ME', administration: { dose: { value: '100.125' } } }), 'drugs.0.administration.dose.value'],
  ndcQuantityOverFl43: [() => evaluate(oppsPacket({ ndcUnitOverride: 'ME', administration: { dose: { value: '12345678.5' } } })), 'drugs.0.administration.dose.value'],
  textTooLong: [packet({ patient: { accountReference: 'ACCT-123456789' + '0' } }), 'patient.accountReference'],
};

const documents = (except: string) => ['order', 'administration-record', 'waste-record', 'invoice'].filter((d) => d !== except) as ('order' | 'administration-record' | 'waste-record' | 'invoice')[];

/** For every checklist item: a packet where it is missing, and the path of its finding. */
const CHECKLIST_CASES: Record<string, readonly [Case, string]> = {
  'checklist.provider': [packet({ providers: { rendering: { name: '' } } }), 'providers.rendering.name'],
  'checklist.clinical-trial': [packet({ clinicalTrial: { nctNumber: 'NCT01234567', isQualifyingTrial: true } }), 'diagnoses'],
  'checklist.ndc': [drug({ ndc: { input: '', normalized: '' } }), 'drugs.0.ndc.input'],
  'checklist.order': [drug({ documentsOnFile: replaced(documents('order')) }), 'drugs.0.documentsOnFile'],
  'checklist.dose-route-date': [drug({ route: undefined }), 'drugs.0.route'],
  'checklist.administration-times': [drug({ administration: { end: undefined } }), 'drugs.0.administration.end'],
  'checklist.administration-record': [drug({ documentsOnFile: replaced(documents('administration-record')) }), 'drugs.0.documentsOnFile'],
  'checklist.lot-expiration': [drug({ administration: { lot: '' } }), 'drugs.0.administration.lot'],
  'checklist.container-type': [drug({ container: { type: undefined } }), 'drugs.0.container.type'],
  'checklist.medical-necessity': [drug({ medicalNecessity: '' }), 'drugs.0.medicalNecessity'],
  'checklist.fda-status': [drug({ fdaApprovalDate: undefined }), 'drugs.0.fdaApprovalDate'],
  'checklist.off-label': [drug({ isOffLabel: true, offLabelRationale: 'NCCN category 2A', isAntineoplastic: true }), 'drugs.0.documentsOnFile'],
  'checklist.waste-record': [drug({ documentsOnFile: replaced(documents('waste-record')) }), 'drugs.0.documentsOnFile'],
  'checklist.invoice': [drug({ invoice: { supplier: '' } }), 'drugs.0.invoice.supplier'],
  'checklist.compound-ingredients': [drug({ marketingCategory: 'compounded' }), 'drugs.0.compoundIngredients'],
  'checklist.prior-auth': [drug({ priorAuth: { status: 'not-requested' } }, commercial), 'drugs.0.priorAuth.status'],
  'checklist.abn': [drug({ modifiers: ['GA'] }), 'drugs.0.documentsOnFile'],
  'checklist.narrative': [drug({ administration: { dose: undefined }, waste: { amount: { value: '0' } } }), 'drugs.0.administration.dose.value'],
};

/** A rule's field as a pattern: `*` stands for one list index or key, a lone `*` for any path, `|` separates alternatives. */
function fieldPattern(field: string): RegExp {
  if (field === '*') return /^.*$/;
  return new RegExp(`^(?:${field.split('|').map((f) => f.replace(/\./g, '\\.').replace(/\*/g, '[^.]+')).join('|')})$`);
}

const JARGON = /undefined|\[object Object\]|NaN|Invalid input|invalid_type|expected (?:string|number|boolean)|Zod/i;

function expectRaised(result: Evaluation, ruleId: string, path: string, severity: string): void {
  const matches = result.findings.filter((f) => f.rule === ruleId);
  expect(matches.map((f) => f.path), `findings: ${result.findings.map((f) => `${f.rule}@${f.path}`).join(', ')}`).toContain(path);
  const f = matches.find((m) => m.path === path)!;
  expect(f.severity).toBe(severity);
  expect(f.message.trim()).not.toBe('');
  expect(f.message).not.toMatch(JARGON);
  if (severity === 'block') expect(result.exportable).toBe(false);
}

describe('every rule in the catalogue is raised by its case', () => {
  it.each(Object.entries(CASES) as [RuleKey, readonly [Case, string]][])('%s', (key, [run, path]) => {
    const rule = RULES[key];
    expectRaised(run(), rule.id, path, rule.severity);
  });
});

describe('every checklist item is raised by its case', () => {
  it.each(Object.entries(CHECKLIST_CASES))('%s', (id, [run, path]) => {
    const result = run();
    expectRaised(result, id, path, 'block');
    const item = result.checklist.find((i) => i.rule === id && i.status === 'missing');
    expect(item?.path).toBe(path);
    expect(item?.missing).toBeTruthy();
  });
});

describe('the catalogue', () => {
  it('has a case for every rule (add one above when you add a rule)', () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(RULES).sort());
  });

  it('has a case for every checklist item', () => {
    expect(Object.keys(CHECKLIST_CASES).sort()).toEqual(CHECKLIST_RULES.map((r) => r.id).sort());
  });

  it('gives every rule a unique id of the form area.kebab-name', () => {
    const ids = [...Object.values(RULES).map((r) => r.id), ...CHECKLIST_RULES.map((r) => r.id)];
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*\.[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('points every rule at a field of the packet: its case\'s path exists and fits the rule\'s field', () => {
    for (const [key, [, path]] of Object.entries(CASES) as [RuleKey, readonly [Case, string]][]) {
      expect(pathExists(path), path).toBe(true);
      expect(path, key).toMatch(fieldPattern(RULES[key].field));
    }
  });

  it('never makes an unverified [U] rule a hard block (billing-rules: "make it configurable or a warning")', () => {
    for (const rule of Object.values(RULES)) {
      if (rule.source.confidence === 'U') expect(rule.severity, rule.id).toBe('warn');
    }
  });

  it('says what each rule asks of the biller: warnings are advice; an input still missing is asked for, and blocks', () => {
    for (const rule of Object.values(RULES)) {
      expect(rule.kind === 'advice', rule.id).toBe(rule.severity === 'warn');
      if (rule.kind === 'missing') {
        expect(rule.severity, rule.id).toBe('block');
        expect(rule.message({} as never), rule.id).toMatch(/\b(?:enter|choose|add|say|give|explain)\b/i);
      }
    }
    // Rules whose ids do not end in -missing but ask for an input all the same.
    expect(['drug.none', 'drug.approval-date-needed', 'container.volume-needed'].map((id) => Object.values(RULES).find((r) => r.id === id)?.kind)).toEqual(['missing', 'missing', 'missing']);
  });

  it('raises a missing checklist item as a missing input', () => {
    const [run] = CHECKLIST_CASES['checklist.provider']!;
    expect(run().findings.filter((f) => f.rule === 'checklist.provider').map((f) => f.kind)).toEqual(['missing']);
  });

  it('names a source document and section for every rule and checklist item', () => {
    for (const r of [...Object.values(RULES), ...CHECKLIST_RULES]) {
      expect(r.source.document.trim(), r.id).not.toBe('');
      expect(r.source.section.trim(), r.id).not.toBe('');
    }
  });

  it('puts each raised finding where its rule says (the rule field, * standing for an index)', () => {
    const fieldOf = new Map(Object.values(RULES).map((r) => [r.id, r.field]));
    for (const [run] of Object.values(CASES)) {
      for (const f of run().findings) {
        const field = fieldOf.get(f.rule);
        if (field === undefined || field === '*') continue;
        expect(f.path, f.rule).toMatch(fieldPattern(field));
      }
    }
  });
});
