/**
 * The rule catalogue. Every check the core makes is one entry here, with a stable id, a severity
 * (`block` stops export, `warn` informs), the packet field it concerns, the message a biller reads,
 * and its source. Code elsewhere raises findings only through these entries.
 */
import type { Source } from './sources';
import { BPM15, CFR424_44, CPM1, CPM17, CPM26, CR8401, FDA_NDC, FIELD_LENGTHS, ICD, JWJZ, MAC_NOC, NPI_SPEC, NUBC, NUCC, RULES_DOC, X12 } from './sources';

export type Severity = 'block' | 'warn';

/**
 * What a finding asks of the biller: an input still `missing` (shown once the biller tries to move
 * on, not while still getting there), a value that is `invalid`, or `advice` to check.
 */
export type RuleKind = 'missing' | 'invalid' | 'advice';

export interface Rule<P> {
  readonly id: string;
  readonly severity: Severity;
  readonly kind: RuleKind;
  /** The field it concerns, `*` standing for a list index (drugs.*.ndc.input); alternatives separated by `|`. */
  readonly field: string;
  readonly source: Source;
  readonly message: (params: P) => string;
}

/**
 * Something the biller can do about a finding in one step, offered as a button (and listed by the
 * command line); `applyAction` (actions.ts) makes the change to the packet. `label` is the
 * button's text.
 * - `use-code`: bill drug `drugIndex` under this product-specific code instead of an unclassified one.
 * - `use-ndc`: set the NDC of drug `drugIndex` to this reading of a bare 10-digit NDC (hyphens placed).
 * - `confirm-code`: the code a HCPCS descriptor names the drug in is the drug's own: bill it.
 * - `dismiss-match`: the codes found by name are not this drug (the biller then says why).
 */
export type FindingAction =
  | { readonly kind: 'use-code'; readonly drugIndex: number; readonly code: string; readonly label: string }
  | { readonly kind: 'use-ndc'; readonly drugIndex: number; readonly ndc: string; readonly label: string }
  | { readonly kind: 'confirm-code'; readonly drugIndex: number; readonly code: string; readonly label: string }
  | { readonly kind: 'dismiss-match'; readonly drugIndex: number; readonly codes: readonly string[]; readonly label: string };

/** One problem found in a packet, pointing at the field to fix. */
export interface Finding {
  readonly rule: string;
  readonly severity: Severity;
  readonly kind: RuleKind;
  /** Dotted path of the field in the packet, with list indexes: `drugs.0.ndc.input`. */
  readonly path: string;
  readonly message: string;
  readonly source: Source;
  /** What the biller can do about it in one step, when there is such a thing. */
  readonly actions?: readonly FindingAction[];
}

type NoParams = Record<never, never>;

function rule<P = NoParams>(id: string, severity: Severity, kind: RuleKind, field: string, source: Source, message: (p: P) => string): Rule<P> {
  return { id, severity, kind, field, source, message };
}

const D = 'drugs.*';

export const RULES = {
  // ── The packet itself ───────────────────────────────────────────────────────────────────────
  packetNotPacket: rule('packet.not-a-packet', 'block', 'invalid', 'format', RULES_DOC('Claim packet format v1'),
    () => 'This file is not a NOC claim packet. Open a packet saved by NOC Claim Wizard (its "format" is "noc-claim-packet").'),
  packetNewerVersion: rule<{ version: string }>('packet.newer-version', 'block', 'invalid', 'version', RULES_DOC('Claim packet format v1'),
    (p) => `This packet was saved by a newer version of NOC Claim Wizard (format version ${p.version}). Update the app to open it.`),
  packetInvalidValue: rule<{ title: string; hint: string }>('packet.invalid-value', 'block', 'invalid', '*', RULES_DOC('Claim packet format v1'),
    (p) => `${p.title}: this value cannot be read. ${p.hint}`.trim()),

  // ── Claim, payer and dates ──────────────────────────────────────────────────────────────────
  careSettingMissing: rule('claim.care-setting-missing', 'block', 'missing', 'careSetting', CPM17('§90.3'),
    () => 'Choose where the drug was given: physician office, hospital outpatient, ASC or DME supplier. It decides the form and the code.'),
  payerProfileMissing: rule('payer.profile-missing', 'block', 'missing', 'payer.profileId', RULES_DOC('§3, §12 payer differences'),
    () => 'Choose the payer profile. Payers differ on units, the description and filing limits.'),
  payerProfileUnknown: rule<{ id: string }>('payer.profile-unknown', 'block', 'invalid', 'payer.profileId', RULES_DOC('§3, §12 payer differences'),
    (p) => `The payer profile "${p.id}" is not known on this computer. Choose a profile from the list, or re-create the custom profile.`),
  payerKindMismatch: rule<{ kind: string; profile: string }>('payer.kind-mismatch', 'warn', 'advice', 'payer.kind', RULES_DOC('§3, §12 payer differences'),
    (p) => `The payer is marked as ${p.kind}, but the profile "${p.profile}" is for another kind of payer. Check that the right profile is chosen.`),
  payerSettingMismatch: rule<{ profile: string; setting: string }>('payer.setting-mismatch', 'warn', 'advice', 'payer.profileId', RULES_DOC('§1, §10'),
    (p) => `The profile "${p.profile}" is not meant for ${p.setting} claims. Check the care setting and the profile.`),
  serviceDateMissing: rule('dates.service-missing', 'block', 'missing', 'dates.service', CPM26('Item 24A'),
    () => 'Enter the date of service (the day the drug was given).'),
  serviceDateFuture: rule<{ date: string }>('dates.service-in-future', 'block', 'invalid', 'dates.service', RULES_DOC('§13 Dates'),
    (p) => `The date of service ${p.date} is in the future. Bill a drug only after it was given.`),
  serviceDateBeforeIcd10: rule('dates.service-before-icd10', 'block', 'invalid', 'dates.service', ICD('ICD-10 effective 10/01/2015'),
    () => 'Dates of service before 10/01/2015 used ICD-9 codes, which this wizard does not handle. Check the date.'),
  submissionBeforeService: rule('dates.submission-before-service', 'block', 'invalid', 'dates.plannedSubmission', CPM1('§70'),
    () => 'The planned submission date is before the date of service. A claim is sent after the drug is given.'),
  timelyFilingExpired: rule<{ deadline: string; limit: string; next: string }>('dates.timely-filing-expired', 'block', 'invalid', 'dates.plannedSubmission', CPM1('§70; 42 CFR 424.44'),
    (p) => `The filing limit for this payer (${p.limit}) ended on ${p.deadline}. A late claim is denied (CARC 29) and cannot be appealed. ${p.next}`),
  timelyFilingNear: rule<{ deadline: string; days: number; limit: string; extended: string }>('dates.timely-filing-near', 'warn', 'advice', 'dates.plannedSubmission', CPM1('§70; 42 CFR 424.44'),
    (p) => `The filing limit for this payer (${p.limit})${p.extended} ends on ${p.deadline}, in ${p.days} day${p.days === 1 ? '' : 's'}. Send this claim soon.`),
  filingExceptionReasonMissing: rule('dates.filing-exception-reason-missing', 'block', 'missing', 'dates.filingException.reason', CFR424_44('(b)'),
    () => 'Choose which exception to the filing limit applies, or clear the date of the notice.'),
  filingExceptionNoticeMissing: rule('dates.filing-exception-notice-missing', 'block', 'missing', 'dates.filingException.noticeDate', CFR424_44('(b)'),
    () => 'Enter the date of the notice that opened the exception: the deadline runs to the end of the 6th month after the month of the notice.'),
  filingExceptionNotMedicare: rule<{ profile: string }>('dates.filing-exception-not-medicare', 'block', 'invalid', 'dates.filingException.reason', CFR424_44('(b)'),
    (p) => `The exceptions of 42 CFR 424.44(b) are Medicare's, and this claim is billed under "${p.profile}". Clear the exception, and ask this payer how it takes a late claim.`),
  filingExceptionNoticeFuture: rule<{ notice: string }>('dates.filing-exception-notice-future', 'block', 'invalid', 'dates.filingException.noticeDate', CFR424_44('(b)'),
    (p) => `The notice is dated ${p.notice}, after today. Enter the date printed on the notice.`),
  filingExceptionNoticeBeforeService: rule<{ notice: string; service: string }>('dates.filing-exception-notice-before-service', 'block', 'invalid', 'dates.filingException.noticeDate', CFR424_44('(b)'),
    (p) => `The notice is dated ${p.notice}, before the date of service (${p.service}); an exception is opened by a notice after the service. Check both dates.`),
  filingExceptionNotNeeded: rule<{ deadline: string }>('dates.filing-exception-not-needed', 'warn', 'advice', 'dates.filingException.reason', CFR424_44('(b)'),
    (p) => `The claim is sent within the filing limit, which ends on ${p.deadline}: no exception is needed. Clear it, so the claim does not claim one.`),
  patientAccountMissing: rule('patient.account-missing', 'block', 'missing', 'patient.accountReference', RULES_DOC('Claim packet format v1'),
    () => "Enter the patient's account or encounter number from the practice system, so the packet can be matched to the claim."),

  // ── Providers ───────────────────────────────────────────────────────────────────────────────
  npiFormat: rule<{ who: string }>('provider.npi-format', 'block', 'invalid', 'providers.*.npi', NPI_SPEC('NPI format'),
    (p) => `The ${p.who} NPI must be exactly 10 digits. Copy it from the NPI registry or the provider's enrollment.`),
  npiCheckDigit: rule<{ who: string }>('provider.npi-check-digit', 'block', 'invalid', 'providers.*.npi', NPI_SPEC('check digit'),
    (p) => `The ${p.who} NPI is not a valid NPI (its last digit does not match). A digit is probably mistyped: check it against the NPI registry.`),
  npiPrefix: rule<{ who: string }>('provider.npi-prefix', 'warn', 'advice', 'providers.*.npi', NPI_SPEC('NPI format'),
    (p) => `The ${p.who} NPI does not start with 1 or 2, as NPIs issued today do. Check it against the NPI registry.`),

  // ── Diagnoses ───────────────────────────────────────────────────────────────────────────────
  dxTooMany: rule('dx.too-many', 'block', 'invalid', 'diagnoses', NUCC('Item 21'),
    () => 'A claim holds at most 12 diagnoses. Keep the ones that support this drug.'),
  dxSyntax: rule<{ code: string }>('dx.syntax', 'block', 'invalid', 'diagnoses.*.code', ICD('code structure'),
    (p) => `"${p.code}" is not an ICD-10-CM code. A code starts with a letter and a digit, for example D59.5, C22.0 or G35.A.`),
  dxDuplicate: rule<{ code: string }>('dx.duplicate', 'warn', 'advice', 'diagnoses.*.code', NUCC('Item 21'),
    (p) => `${p.code} is listed more than once. Remove the repeat.`),
  dxNotBillable: rule<{ code: string; fy: number; children: string }>('dx.not-billable', 'block', 'invalid', 'diagnoses.*.code', ICD('billable codes by fiscal year'),
    (p) => `${p.code} is a category, not a billable code, for dates of service in FY${p.fy}${p.children === '' ? '' : `. Pick the specific code: ${p.children}`}. Claims with it are denied (CARC 146).`),
  dxNotFound: rule<{ code: string; fy: number }>('dx.not-found', 'block', 'invalid', 'diagnoses.*.code', ICD('billable codes by fiscal year'),
    (p) => `${p.code} is not in the ICD-10-CM code set for FY${p.fy} (the fiscal year of the date of service). Check the code.`),
  dxUnverified: rule<{ fy: number }>('dx.unverified', 'warn', 'advice', 'diagnoses', ICD('billable codes by fiscal year'),
    (p) => `The ICD-10-CM code files for FY${p.fy} are not loaded, so the diagnoses were checked for shape only, not whether they are billable on this date.`),
  // ── Drug identity ───────────────────────────────────────────────────────────────────────────
  drugsMissing: rule('drug.none', 'block', 'missing', 'drugs', RULES_DOC('Claim packet format v1'),
    () => 'Add the drug that was given.'),
  ndcInvalid: rule<{ message: string }>('ndc.invalid', 'block', 'invalid', `${D}.ndc.input`, FDA_NDC('NDC layouts; billing-rules §2'),
    (p) => p.message),
  ndcTenDigits: rule<{ message: string }>('ndc.ten-digits', 'block', 'invalid', `${D}.ndc.input`, FDA_NDC('NDC layouts; billing-rules §2'),
    (p) => p.message),
  ndcNormalizedMismatch: rule<{ expected: string }>('ndc.normalized-mismatch', 'block', 'invalid', `${D}.ndc.normalized`, FDA_NDC('NDC layouts'),
    (p) => `The stored 11-digit NDC does not match the NDC as typed (it should be ${p.expected}). Retype the NDC so both agree.`),
  ndcInvoiceMismatch: rule<{ drug: string; invoice: string }>('ndc.invoice-mismatch', 'block', 'invalid', `${D}.invoice.ndc`, MAC_NOC('invoice pricing; billing-rules §2'),
    (p) => `The invoice NDC (${p.invoice}) is not the NDC given (${p.drug}). Bill the exact package that was administered and attach its invoice.`),
  labelerNotRebating: rule<{ labeler: string }>('ndc.labeler-not-rebating', 'block', 'invalid', `${D}.ndc.input`, RULES_DOC('§2 Medicaid Drug Rebate Program; CARC 211'),
    (p) => `The labeler of this NDC (${p.labeler}) is not in the Medicaid Drug Rebate Program on the date of service, so Medicaid does not cover it (CARC 211). Check the NDC, or bill the patient's other coverage.`),
  rebateUnverified: rule<{ labeler: string }>('ndc.rebate-unverified', 'warn', 'advice', `${D}.ndc.input`, RULES_DOC('§2 Medicaid Drug Rebate Program'),
    (p) => `Medicaid covers drugs from labelers in the Drug Rebate Program. The CMS labeler list is not loaded: check that labeler ${p.labeler} takes part on the date of service.`),
  drugNameMissing: rule('drug.name-missing', 'block', 'missing', `${D}.brandName`, MAC_NOC('NOC description: drug name'),
    () => 'Enter the drug name (brand, generic, or both) as on the label.'),
  approvalAfterService: rule<{ approval: string; service: string }>('drug.approved-after-service', 'block', 'invalid', `${D}.fdaApprovalDate`, BPM15('§50.4.1'),
    (p) => `The FDA approval date (${p.approval}) is after the date of service (${p.service}). Drugs without FDA approval on the date given are not covered (CARC 114). Check both dates.`),
  approvalDateNeeded: rule('drug.approval-date-needed', 'block', 'missing', `${D}.fdaApprovalDate`, CPM17('§90.3'),
    () => 'Enter the FDA approval date. Under hospital outpatient rules it decides between C9399 (approved on or after 01/01/2004) and a packaged code.'),
  selfAdministeredExcluded: rule('drug.self-administered-excluded', 'block', 'invalid', `${D}.isOnSelfAdministeredList`, BPM15('§50.2'),
    () => "This drug is on the contractor's self-administered drug list, which Medicare Part B does not cover even when a clinician gives it (CARC 96, N426). Do not bill it to Medicare Part B, or bill with GY only to obtain a denial."),
  selfAdministeredNoted: rule('drug.self-administered-check-contract', 'warn', 'advice', `${D}.isOnSelfAdministeredList`, BPM15('§50.2', 'S'),
    () => 'The drug is on a self-administered list. This payer may cover it under its contract: check the policy before sending.'),
  offLabelRationaleMissing: rule('drug.off-label-rationale-missing', 'block', 'missing', `${D}.offLabelRationale`, BPM15('§50.4.5'),
    () => 'The use is off-label: explain why it is medically accepted (for example its compendium listing), and keep the support on file.'),
  compoundIngredientIncomplete: rule('compound.ingredient-incomplete', 'block', 'missing', `${D}.compoundIngredients.*.name`, MAC_NOC('compounded drugs (Palmetto, AAO)', 'S'),
    () => 'Give this ingredient a name and an amount with its unit.'),

  // ── Code decision ───────────────────────────────────────────────────────────────────────────
  specificCodeExists: rule<{ code: string; descriptor: string; lines: string; others: string }>('code.specific-code-exists', 'block', 'invalid', `${D}.ndc.input|${D}.specificCodeChoice`, MAC_NOC('CARC 189 / RARC N657; billing-rules §1 row 1'),
    (p) => `This drug has its own code on the date of service: ${p.code} (${p.descriptor}). An unclassified code is denied (CARC 189): bill ${p.code} instead${p.lines}.${p.others}`),
  investigationalMedicare: rule('code.investigational', 'block', 'invalid', `${D}.marketingCategory`, BPM15('§50.4.1; CARC 55/114'),
    () => 'An investigational drug is not billable to Medicare. If the sponsor supplied it free, do not bill the drug at all: bill the administration with modifier Q1, diagnosis Z00.6 and the trial NCT number.'),
  investigationalOther: rule('code.investigational-check-plan', 'warn', 'advice', `${D}.marketingCategory`, BPM15('§50.4.1', 'S'),
    () => 'An investigational drug is excluded by most plans. Bill it only if the contract covers it, and never when the sponsor supplied it free.'),
  suppliedFree: rule('code.supplied-free', 'block', 'invalid', `${D}.isSuppliedFreeBySponsor`, CR8401('routine costs in clinical trials'),
    () => 'The sponsor supplied this drug free, so it must not be billed. Bill only the administration and routine costs with the trial details.'),
  mixedProducts: rule('code.mixed-products', 'block', 'invalid', `${D}.isMixtureOfCommercialProducts`, CPM17('§90.2/§90.3', 'S'),
    () => 'Commercial products only mixed together are billed one by one, each under its own code. Do not use C9399, J7999 or another unclassified code for the mixture: create one drug entry per product.'),
  oppsPackaged: rule<{ code: string }>('code.opps-packaged', 'warn', 'advice', `${D}.fdaApprovalDate`, RULES_DOC('Palmetto LCA A55913'),
    (p) => `Under hospital outpatient rules ${p.code} is packaged: reported, but not paid separately, and without JW/JZ. Only a new drug (FDA-approved on or after 01/01/2004, and not a diagnostic agent) billed as C9399 is paid separately.`),
  oralSelfAdministered: rule('code.oral-self-administered', 'warn', 'advice', `${D}.route`, BPM15('§50.2'),
    () => 'Oral drugs other than cancer drugs and antiemetics are usually self-administered and not covered by Medicare Part B. Add GY if you bill only to obtain a denial.'),
  antineoplasticBiologic: rule<{ code: string; other: string }>('code.antineoplastic-biologic', 'warn', 'advice', `${D}.isAntineoplastic`, RULES_DOC('§1 row 13', 'U'),
    (p) => `An anticancer biologic is billed as ${p.code} for this payer; some payers expect ${p.other}. Check the payer's policy if unsure.`),
  noReference: rule<{ date: string; checked: string; notChecked: string; todo: string }>('code.not-verified', 'warn', 'advice', `${D}.ndc.input`, RULES_DOC('§1 row 1'),
    (p) => `The wizard could not confirm that this drug has no code of its own on ${p.date}. Checked: ${p.checked}. Not checked: ${p.notChecked}.${p.todo}`),
  nameMatch: rule<{ names: string; source: string; matches: string; several: boolean }>('code.name-match', 'block', 'invalid', `${D}.genericName|${D}.brandName`, MAC_NOC('CARC 189 / RARC N657; billing-rules §1 row 1: a product-specific code describes the drug'),
    (p) => `The ${p.source} has ${p.several ? 'codes' : 'a code'} of its own for ${p.names} on the date of service: ${p.matches}. An unclassified code is denied when the drug has its own (CARC 189): bill ${p.several ? 'the one that fits this drug' : 'it'}, or, if ${p.several ? 'none is' : 'it is not'} this drug (another salt, route or formulation), set ${p.several ? 'them' : 'it'} aside and say why.`),
  nameMatchReasonMissing: rule<{ codes: string; several: boolean }>('code.name-match-reason-missing', 'block', 'missing', `${D}.dismissedCodeMatch.reason`, RULES_DOC('§1 row 1: a product-specific code describes the drug'),
    (p) => `Say why ${p.codes} ${p.several ? 'are' : 'is'} not this drug (for example another salt, route or formulation). The reason stays with the claim and prints in the PDF packet.`),
  codeNotEffective: rule<{ code: string; when: string }>('code.not-effective', 'block', 'invalid', `${D}.codeOverride.code`, MAC_NOC('CARC 181'),
    (p) => `${p.code} is not valid on the date of service (${p.when}). A code outside its effective dates is denied (CARC 181).`),
  overrideReasonMissing: rule('code.override-reason-missing', 'block', 'missing', `${D}.codeOverride.reason`, RULES_DOC('code override'),
    () => 'Say why you chose a different code (for example the payer\'s written instruction), so the choice can be explained later.'),
  overrideInvalid: rule<{ code: string }>('code.override-invalid', 'block', 'invalid', `${D}.codeOverride.code`, X12('SV101-2 HCPCS code'),
    (p) => `"${p.code}" is not a HCPCS code. A code is a letter and four digits (like J3490) or five digits.`),
  overrideDiffers: rule<{ code: string; decided: string }>('code.override-differs', 'warn', 'advice', `${D}.codeOverride.code`, RULES_DOC('§1'),
    (p) => `You chose ${p.code}; the rules pick ${p.decided} for this drug. Keep ${p.code} only if the payer told you to.`),
  overrideWrongRoute: rule<{ code: string; decided: string }>('code.override-wrong-route', 'block', 'invalid', `${D}.codeOverride.code`, MAC_NOC('Novitas, FCSO code lists; HCPCS descriptors of J8499/J8999/J7699/J7799; billing-rules §1 rows 8-9, §15 (a)(b)'),
    (p) => `${p.code} is not used for this route. Bill ${p.decided}: oral drugs and drugs given through DME have their own unclassified codes.`),
  overrideCCodeProfessional: rule<{ code: string }>('code.override-c-code-professional', 'block', 'invalid', `${D}.codeOverride.code`, CPM17('§90.3'),
    (p) => `${p.code} is a hospital outpatient code and does not belong on a physician or supplier claim. Bill the unclassified J code instead.`),
  overrideCompound: rule<{ code: string }>('code.override-compound', 'warn', 'advice', `${D}.codeOverride.code`, RULES_DOC('§1 row 3: J7999 from 01/01/2016 (MedLearn); §16.9: warn for Medicare', 'S'),
    (p) => `Medicare bills compounded drugs as J7999, not ${p.code}. Keep ${p.code} only if the payer told you to.`),
  overrideCompoundCodeNotCompounded: rule<{ code: string }>('code.override-compound-code-not-compounded', 'block', 'invalid', `${D}.codeOverride.code`, MAC_NOC('CGS (CR 9167): J7999 for compounded drugs; billing-rules §1 row 3'),
    (p) => `${p.code} is for compounded preparations only, and this drug is not compounded. Bill the code the wizard picks, or mark the drug as compounded if it is.`),
  overrideC9399OldDrug: rule<{ code: string }>('code.override-c9399-old-drug', 'block', 'invalid', `${D}.codeOverride.code`, CPM17('§90.3; Palmetto LCA A55913'),
    (p) => `${p.code} is only for a new drug, FDA-approved on or after 01/01/2004. This drug was approved before: under hospital outpatient rules it is packaged under its unclassified code. Check the FDA approval date, or bill the code the wizard picks.`),
  overrideC9399Diagnostic: rule<{ code: string }>('code.override-c9399-diagnostic', 'warn', 'advice', `${D}.codeOverride.code`, RULES_DOC('§1 row 7 (AMC C9399 article)', 'S'),
    (p) => `${p.code} is not used for diagnostic radiopharmaceuticals or contrast agents, which have their own unclassified codes (A4641, A9698). Keep ${p.code} only if the payer told you to.`),
  overrideSpecificExists: rule<{ code: string; specific: string }>('code.override-specific-exists', 'block', 'invalid', `${D}.codeOverride.code`, MAC_NOC('CARC 189 / RARC N657; billing-rules §1 row 1'),
    (p) => `${p.code} cannot be billed: this drug has its own code on the date of service (${p.specific}), and an unclassified code is denied (CARC 189). Clear the code to bill instead.`),
  overrideNotInCrosswalk: rule<{ code: string }>('code.override-not-in-crosswalk', 'warn', 'advice', `${D}.codeOverride.code`, RULES_DOC('§2 NDC-HCPCS pairing (Priority Health)', 'S'),
    (p) => `The CMS crosswalk for the date of service does not list this NDC under ${p.code}. Payers deny a code billed with an NDC it does not cover: keep ${p.code} only if the payer told you to.`),
  overrideNotNeeded: rule<{ code: string }>('code.override-not-billable', 'block', 'invalid', `${D}.codeOverride.code`, RULES_DOC('§1 rows 2-4'),
    (p) => `This drug is not billed under an unclassified code, so ${p.code} cannot be used. See the reason given for the drug.`),

  // ── Quantities ──────────────────────────────────────────────────────────────────────────────
  doseInvalid: rule<{ problem: string }>('dose.invalid', 'block', 'invalid', `${D}.administration.dose.value`, NUCC('Item 24 NDC quantity'),
    (p) => `The dose ${p.problem}`),
  containerAmountInvalid: rule<{ problem: string }>('container.amount-invalid', 'block', 'invalid', `${D}.container.amount.value`, NUCC('Item 24 NDC quantity'),
    (p) => `The amount per container ${p.problem}`),
  containerAmountMissing: rule('container.amount-missing', 'block', 'missing', `${D}.container.amount.value`, NUCC('Item 24 NDC quantity'),
    () => 'Enter how much drug one container holds (for example 300 mg), from the label.'),
  containerVolumeInvalid: rule<{ problem: string }>('container.volume-invalid', 'block', 'invalid', `${D}.container.volume.value`, NUCC('Item 24 NDC quantity'),
    (p) => `The volume per container ${p.problem}`),
  containerVolumeNeeded: rule('container.volume-needed', 'block', 'missing', `${D}.container.volume.value`, NUCC('Item 24 NDC quantity'),
    () => 'This NDC is counted in mL: enter the volume of one container (for example 30 mL for a 300 mg/30 mL vial).'),
  containersOpenedInvalid: rule('container.opened-invalid', 'block', 'invalid', `${D}.container.opened`, CPM17('§40'),
    () => 'Enter how many containers were opened, as a whole number (1 or more).'),
  unitsIncompatible: rule<{ dose: string; container: string; orVolume: string }>('dose.unit-incompatible', 'block', 'invalid', `${D}.administration.dose.unit|${D}.waste.amount.unit`, NUCC('Item 24 NDC quantity'),
    (p) => `This amount is in ${p.dose} but the container is described in ${p.container}. Use the same kind of unit${p.orVolume}.`),
  doseExceedsOpened: rule<{ opened: string }>('dose.exceeds-opened', 'block', 'invalid', `${D}.administration.dose.value`, CPM17('§40'),
    (p) => `The dose is more than the containers opened hold (${p.opened}). Check the dose and the number of containers.`),
  ndcQuantityTooLarge: rule('ndc.quantity-too-large', 'block', 'invalid', `${D}.administration.dose.value|${D}.waste.amount.value`, NUCC('Item 24 shaded area: 8 digits before the decimal'),
    () => 'The NDC quantity is larger than a claim can carry (8 digits). Check the dose and its unit.'),
  ndcQuantityZero: rule('ndc.quantity-zero', 'block', 'invalid', `${D}.administration.dose.value|${D}.waste.amount.value`, X12('CTP04 greater than zero'),
    () => 'The NDC quantity rounds to 0 (claims allow 3 decimals). Check the dose and its unit.'),
  ndcQuantityRounded: rule<{ exact: string; printed: string }>('ndc.quantity-rounded', 'warn', 'advice', `${D}.administration.dose.value|${D}.waste.amount.value`, X12('CTP04: at most 3 decimals'),
    (p) => `The NDC quantity ${p.exact} is printed as ${p.printed} (claims allow 3 decimals).`),
  ndcUnitMe: rule('ndc.unit-me-rejected', 'warn', 'advice', `${D}.ndcUnitOverride`, NUCC('NDC unit qualifiers', 'S'),
    () => 'This payer rejects the ME (milligram) NDC unit. Use ML, GR, F2 or UN.'),
  unitsNotComputable: rule<{ why: string }>('units.not-computable', 'block', 'invalid',
    `${D}.administration.dose.unit|${D}.administration.dose.value|${D}.waste.amount.unit|${D}.waste.amount.value|${D}.container.opened|${D}.container.amount.value|${D}.container.volume.value|${D}.hcpcsUnitsOverride|payer.profileId`,
    NUCC('Item 24G units'),
    (p) => `The HCPCS units cannot be worked out: ${p.why}.`),
  unitsDoseOutsideRange: rule<{ why: string }>('units.dose-outside-code-range', 'block', 'invalid', `${D}.administration.dose.value`, RULES_DOC('§1 row 1: the code describes the drug and dose (HCPCS descriptor)'),
    (p) => `${p.why}.`),
  unitsOverrideInvalid: rule('units.override-invalid', 'block', 'invalid', `${D}.hcpcsUnitsOverride`, NUCC('Item 24G'),
    () => 'Enter the units as a whole number of 1 or more, or leave the field empty to use the computed units.'),
  unitsMustBeOne: rule<{ units: string }>('units.medicare-noc-one', 'block', 'invalid', `${D}.hcpcsUnitsOverride`, MAC_NOC('WPS: units over 1 rejected with M123'),
    (p) => `Medicare bills an unclassified drug line as 1 unit; the dose goes in the description. ${p.units} units are rejected (M123). Clear the units field.`),
  unitsOverrideDiffers: rule<{ units: string; computed: string }>('units.override-differs', 'warn', 'advice', `${D}.hcpcsUnitsOverride`, RULES_DOC('§3 payer units'),
    (p) => `You entered ${p.units} units; this payer's profile computes ${p.computed}. Keep yours only if the payer told you to.`),

  // ── Administration record ───────────────────────────────────────────────────────────────────
  dateInvalid: rule<{ title: string }>('date.invalid', 'block', 'invalid', '*', RULES_DOC('Claim packet format v1'),
    (p) => `${p.title}: enter a real date (the calendar shows none like it).`),
  startInvalid: rule('administration.start-invalid', 'block', 'invalid', `${D}.administration.start`, MAC_NOC('date and time of administration'),
    () => 'Enter when the administration started, as a date and time (for example 05/06/2024 09:30 AM).'),
  startNotServiceDate: rule<{ start: string; service: string }>('administration.start-not-service-date', 'block', 'invalid', `${D}.administration.start`, CPM26('Item 24A date of service'),
    (p) => `The administration started on ${p.start}, but the date of service is ${p.service}. The drug is billed on the day it was given: correct one of them.`),
  endInvalid: rule('administration.end-invalid', 'block', 'invalid', `${D}.administration.end`, MAC_NOC('date and time of administration'),
    () => 'Enter when the administration ended, as a date and time (for example 05/06/2024 11:00 AM).'),
  endBeforeStart: rule('administration.end-before-start', 'block', 'invalid', `${D}.administration.end`, MAC_NOC('date and time of administration'),
    () => 'The administration ends before it starts. Check both times against the administration record.'),
  expiredBeforeService: rule<{ expiration: string }>('administration.expired', 'block', 'invalid', `${D}.administration.expiration`, RULES_DOC('§7 lot and expiration'),
    (p) => `The lot expired on ${p.expiration}, before the drug was given. Check the expiration date on the vial; an expired drug must not be billed.`),
  unapprovedMedicare: rule('drug.unapproved', 'block', 'invalid', `${D}.marketingCategory`, BPM15('§50.4.1; CARC 114'),
    () => 'Medicare covers drugs with final FDA approval. An unapproved drug is denied (CARC 114): check the FDA listing before billing.'),
  unapprovedOther: rule('drug.unapproved-check-plan', 'warn', 'advice', `${D}.marketingCategory`, BPM15('§50.4.1', 'S'),
    () => 'This drug has no FDA approval. Check that the plan covers it before billing.'),

  // ── Waste ───────────────────────────────────────────────────────────────────────────────────
  wasteMissing: rule('waste.amount-missing', 'block', 'missing', `${D}.waste.amount.value`, JWJZ('JW/JZ required for single-dose containers; claims without them returned from 10/01/2023'),
    () => 'Enter how much drug was discarded from the single-dose container (enter 0 if nothing was discarded). The claim needs JW or JZ: claims without them are returned as unprocessable.'),
  wasteNotRecorded: rule<{ consequence: string }>('waste.amount-not-recorded', 'warn', 'advice', `${D}.waste.amount.value`, JWJZ('JZ required 07/01/2023; claims returned from 10/01/2023'),
    (p) => `The amount discarded from the single-dose container is not entered, so the line carries neither JW nor JZ. ${p.consequence} Enter it (0 if nothing was discarded).`),
  wasteLeastWaste: rule<{ better: string; opened: string; avoided: string; sources: string }>('waste.least-waste', 'warn', 'advice', `${D}.container.opened`, MAC_NOC('Noridian JEA: smallest vial combination with the least waste; CPM17 §40'),
    (p) => `${p.better} would cover this dose with ${p.avoided} less drug discarded than ${p.opened}. Contractors expect the container sizes that waste least: check which containers were opened, and keep in the record why if these were. (Other sizes: ${p.sources}.)`),
  wasteInvalid: rule<{ problem: string }>('waste.invalid', 'block', 'invalid', `${D}.waste.amount.value`, CPM17('§40'),
    (p) => `The amount discarded ${p.problem}`),
  wasteUnitMissing: rule('waste.unit-missing', 'block', 'missing', `${D}.waste.amount.unit`, CPM17('§40'),
    () => 'Choose the unit of the amount discarded.'),
  wasteMismatch: rule<{ given: string; discarded: string; opened: string }>('waste.mismatch', 'block', 'invalid', `${D}.waste.amount.value`, CPM17('§40'),
    (p) => `The dose given (${p.given}) plus the amount discarded (${p.discarded}) should equal what the opened containers held (${p.opened}). Correct the waste record; do not bill JZ when part of a single-dose vial is unaccounted for.`),
  wasteReasonMissing: rule('waste.reason-missing', 'block', 'missing', `${D}.waste.reason`, CPM17('§40'),
    () => 'Say why the drug was discarded (for example "remainder of single-dose vial" or "infusion stopped after a reaction").'),
  wasteTimeMissing: rule('waste.time-missing', 'block', 'missing', `${D}.waste.time`, CPM17('§40; Palmetto single-use vial article'),
    () => 'Enter the date and time the drug was discarded, as written in the waste record.'),
  wasteTimeInvalid: rule('waste.time-invalid', 'block', 'invalid', `${D}.waste.time`, CPM17('§40'),
    () => 'Enter the discard time as a date and time, for example 05/06/2024 10:15 AM.'),
  wasteBeforeAdministration: rule('waste.before-administration', 'warn', 'advice', `${D}.waste.time`, CPM17('§40'),
    () => 'The drug was discarded before the administration started. Check the times in the waste record.'),
  wasteMultiDose: rule('waste.multi-dose', 'warn', 'advice', `${D}.waste.amount.value`, JWJZ('multi-dose containers excluded'),
    () => 'Waste from a multi-dose container is not billed (no JW line). The amount stays in the record only.'),

  // ── Modifiers ───────────────────────────────────────────────────────────────────────────────
  modifierFormat: rule<{ modifier: string }>('modifier.format', 'block', 'invalid', `${D}.modifiers.*`, X12('SV101-3..6'),
    (p) => `"${p.modifier}" is not a modifier. A modifier is two letters or digits, like JG or GA.`),
  modifierDuplicate: rule<{ modifier: string }>('modifier.duplicate', 'block', 'invalid', `${D}.modifiers.*`, X12('SV101-3..6'),
    (p) => `${p.modifier} is listed twice. Remove the repeat.`),
  modifierTooMany: rule<{ count: number }>('modifier.too-many', 'block', 'invalid', `${D}.modifiers`, X12('SV101-3..6: four modifiers'),
    (p) => `A claim line holds at most 4 modifiers; this one would have ${p.count}. Keep the ones the payer requires.`),
  modifierWasteManual: rule<{ modifier: string }>('modifier.waste-automatic', 'block', 'invalid', `${D}.modifiers.*`, JWJZ('JW/JZ'),
    (p) => `${p.modifier} does not fit this drug's waste record: the wizard adds JW or JZ from the amount discarded. Remove ${p.modifier} and correct the waste step if needed.`),
  modifierJzOptional: rule('modifier.jz-before-required', 'warn', 'advice', `${D}.modifiers.*`, JWJZ('JZ available 01/01/2023, required 07/01/2023'),
    () => 'JZ was optional before 07/01/2023. It is accepted on this date but not required.'),
  modifierJzTooEarly: rule('modifier.jz-before-available', 'block', 'invalid', `${D}.modifiers.*`, JWJZ('JZ available 01/01/2023'),
    () => 'JZ did not exist before 01/01/2023 (CARC 182). Remove it.'),
  modifierWasteNotAllowed: rule<{ modifier: string; why: string }>('modifier.waste-not-applicable', 'block', 'invalid', `${D}.modifiers.*`, JWJZ('scope'),
    (p) => `${p.modifier} cannot be used here: ${p.why}.`),
  modifierNotDrugLine: rule<{ modifier: string }>('modifier.not-for-drug-line', 'block', 'invalid', `${D}.modifiers.*`, RULES_DOC('§5 (NCCI)', 'S'),
    (p) => `${p.modifier} belongs on the visit or the administration code, not on the drug line. Remove it here.`),
  modifierDmeInhalation: rule<{ modifier: string }>('modifier.dme-inhalation-only', 'block', 'invalid', `${D}.modifiers.*`, RULES_DOC('§5 DME MAC modifiers', 'S'),
    (p) => `${p.modifier} is only for unit-dose inhalation drugs billed by a DME supplier. Remove it.`),
  modifierRouteMismatch: rule<{ modifier: string; route: string }>('modifier.route-mismatch', 'block', 'invalid', `${D}.modifiers.*`, RULES_DOC('§5 JA/JB'),
    (p) => `${p.modifier} says the drug was given ${p.route}, which does not match the route entered.`),
  modifierConflict: rule<{ a: string; b: string }>('modifier.conflict', 'block', 'invalid', `${D}.modifiers`, RULES_DOC('§5'),
    (p) => `${p.a} and ${p.b} cannot be on the same line. Keep the one that applies.`),
  modifier340bMissing: rule('modifier.340b-missing', 'warn', 'advice', `${D}.modifiers`, RULES_DOC('§5 JG/TB', 'U'),
    () => 'This practice is a 340B covered entity: Medicare Part B drug lines need JG or TB (from 01/01/2024). Check which one the current CMS guidance asks for.'),
  modifier340bNotMedicare: rule<{ modifier: string }>('modifier.340b-not-medicare', 'warn', 'advice', `${D}.modifiers.*`, RULES_DOC('§5 JG/TB', 'S'),
    (p) => `${p.modifier} is a Medicare 340B modifier. Check that this payer asks for it.`),
  modifierGyWithAbn: rule('modifier.gy-with-ga-gz', 'warn', 'advice', `${D}.modifiers`, RULES_DOC('§5 GA/GZ/GY'),
    () => 'GY is for statutory exclusions, GA/GZ for expected medical-necessity denials. Usually only one of them applies.'),
  modifierGySuggested: rule('modifier.gy-suggested', 'warn', 'advice', `${D}.modifiers`, BPM15('§50.2'),
    () => 'This drug is excluded by Medicare (self-administered). If you bill it to obtain a denial, add GY.'),
  modifierTrialWithoutTrial: rule<{ modifier: string }>('modifier.trial-without-nct', 'block', 'invalid', `${D}.modifiers.*`, CR8401('Q0/Q1'),
    (p) => `${p.modifier} marks a clinical-trial service: enter the trial's NCT number (Claim step) or remove ${p.modifier}.`),
  modifierUnknown: rule<{ modifier: string }>('modifier.unusual', 'warn', 'advice', `${D}.modifiers.*`, RULES_DOC('§5'),
    (p) => `${p.modifier} is not a modifier usually put on a drug line. Keep it only if the payer asks for it.`),
  modifierKx: rule('modifier.kx-policy', 'warn', 'advice', `${D}.modifiers.*`, RULES_DOC('§5 KX'),
    () => "KX says a medical policy's requirements are met. Use it only where the payer's policy asks for it, with the documentation on file."),

  // ── Description (narrative) ─────────────────────────────────────────────────────────────────
  narrativeTooLong: rule<{ length: number; max: number; suggestion: string }>('narrative.too-long', 'block', 'invalid', `${D}.narrativeOverride`, X12('SV101-7: 80 characters'),
    (p) => `The description has ${p.length} characters; at most ${p.max} fit.${p.suggestion === '' ? '' : ` Suggested: "${p.suggestion}". Clear the field to use it.`}`),
  narrativeCannotFit: rule<{ max: number }>('narrative.cannot-fit', 'block', 'invalid', `${D}.brandName`, X12('SV101-7: 80 characters'),
    (p) => `The dose, unit and NDC alone do not fit in ${p.max} characters. Shorten the drug name, or attach the description and write "SEE ATTACHMENT".`),
  narrativeNoName: rule('narrative.no-name', 'block', 'invalid', `${D}.narrativeOverride`, MAC_NOC('RARC M123: name of the drug'),
    () => 'The description must name the drug (its brand or generic name). Without it the claim is returned as unprocessable (M123).'),
  narrativeNoDose: rule('narrative.no-dose', 'block', 'invalid', `${D}.narrativeOverride`, MAC_NOC('RARC N350/M123: total dose with unit'),
    () => 'The description must give the total dose with its unit (for example 150MG). Without it the claim is returned as unprocessable.'),
  narrativeConcentration: rule('narrative.concentration', 'block', 'invalid', `${D}.narrativeOverride`, MAC_NOC('Palmetto: no mg/mL'),
    () => 'Give the total dose (for example 150MG), not a concentration like MG/ML. Palmetto rejects concentrations.'),
  narrativeNoNdc: rule('narrative.ndc-missing', 'warn', 'advice', `${D}.narrativeOverride`, MAC_NOC('CGS, Palmetto, NGS: NDC in the description'),
    () => "This payer wants the NDC in the description. Add it, or clear the field to use the wizard's description."),
  narrativeShortened: rule<{ dropped: string }>('narrative.shortened', 'warn', 'advice', `${D}.genericName`, RULES_DOC('§6 shortening'),
    (p) => `The description was shortened to fit: ${p.dropped}. The dose, unit and NDC are kept whole.`),
  narrativeOnSpecificCode: rule<{ code: string }>('narrative.on-specific-code', 'block', 'invalid', `${D}.narrativeOverride`, RULES_DOC('§6: FCSO Part A'),
    (p) => `${p.code} is the drug's own code: its line carries no drug description, and Part A contractors return claims that have one. Clear the description field.`),
  narrativeInvalidChars: rule('narrative.characters', 'warn', 'advice', `${D}.narrativeOverride`, X12('basic character set'),
    () => 'The description has characters claims cannot carry (accents, symbols). They were replaced or removed.'),

  // ── Prior authorization, invoice, trial ─────────────────────────────────────────────────────
  priorAuthPending: rule('prior-auth.pending', 'block', 'invalid', `${D}.priorAuth.status`, RULES_DOC('§12 prior authorization'),
    () => 'The prior authorization is still pending. Wait for the approval before sending (CARC 197).'),
  priorAuthDenied: rule('prior-auth.denied', 'block', 'invalid', `${D}.priorAuth.status`, RULES_DOC('§12 prior authorization'),
    () => 'The prior authorization was denied. Do not send the claim as is: appeal the denial or talk to the payer.'),
  priorAuthNotYetValid: rule<{ from: string }>('prior-auth.not-yet-valid', 'block', 'invalid', `${D}.priorAuth.validFrom`, RULES_DOC('§12 prior authorization'),
    (p) => `The authorization starts on ${p.from}, after the date of service.`),
  priorAuthExpired: rule<{ through: string }>('prior-auth.expired', 'block', 'invalid', `${D}.priorAuth.validThrough`, RULES_DOC('§12 prior authorization'),
    (p) => `The authorization ended on ${p.through}, before the date of service. Ask the payer for a retro-authorization or an extension.`),
  invoiceNetCostInvalid: rule('invoice.net-cost-invalid', 'block', 'invalid', `${D}.invoice.netCost`, MAC_NOC('FCSO: invoice at net cost'),
    () => 'Enter the net cost as an amount in dollars, like 1234.56 (no $ sign or commas).'),
  invoiceOverLimit: rule('invoice.over-claim-limit', 'warn', 'advice', `${D}.invoice.netCost`, MAC_NOC('FCSO claim dollar limit'),
    () => 'Amounts over $99,999.99 do not fit a claim line. The contractor may ask you to split the claim (modifier 76).'),
  trialNctFormat: rule('trial.nct-format', 'block', 'invalid', 'clinicalTrial.nctNumber', CR8401('NCT number'),
    () => 'Enter the trial number as NCT followed by 8 digits, for example NCT01234567.'),

  // ── What a claim carries (src/core/limits.ts) ──────────────────────────────────────────────
  claimTooManyLines: rule<{ drugs: number; lines: number; max: number }>('claim.too-many-lines', 'block', 'invalid', 'drugs', X12('837P loop 2400: 50 service lines per claim'),
    (p) => `This claim has ${p.drugs} drugs, which take ${p.lines} service lines; one claim carries at most ${p.max}. Bill the drugs on several claims of ${p.max} lines or fewer.`),
  claimPaperForms: rule<{ lines: number; forms: number }>('claim.several-paper-forms', 'warn', 'advice', 'drugs', NUCC('Item 24: six service lines per form', 'S'),
    (p) => `A paper CMS-1500 has 6 service lines, so these ${p.lines} lines fill ${p.forms} forms. Sent electronically (837P) they stay one claim; on paper, ask the payer how it takes a claim that runs over several forms.`),
  attachmentsTooMany: rule<{ count: number; max: number }>('attachment.too-many', 'block', 'invalid', 'attachments', X12('837P loop 2300 PWK: 10 attachments per claim', 'S'),
    (p) => `This claim lists ${p.count} attached files; a claim refers to at most ${p.max}. Combine documents of the same kind into one PDF, or remove the files the payer does not need.`),
  drugDuplicateId: rule<{ other: number }>('drug.duplicate-id', 'block', 'invalid', D, RULES_DOC('Claim packet format v1'),
    (p) => `This drug has the same identifier as drug ${p.other}, so its lines and files cannot be told apart (the claim file was probably copied together by hand). Remove this drug and enter it again.`),
  attachmentDuplicateId: rule<{ name: string; other: number }>('attachment.duplicate-id', 'block', 'invalid', 'attachments.*.id', RULES_DOC('Claim packet format v1'),
    (p) => `The attached file ${p.name} has the same identifier as attached file ${p.other}, so the two cannot be told apart. Remove it and attach the file again.`),
  attachmentKindMissing: rule<{ name: string }>('attachment.kind-missing', 'block', 'missing', 'attachments.*.kind', RULES_DOC('§7 documentation checklist'),
    (p) => `Say what ${p.name} is (an invoice, the order, the administration record…): the checklist counts a file once its kind is chosen.`),
  attachmentFingerprint: rule<{ name: string }>('attachment.sha256-format', 'block', 'invalid', 'attachments.*.sha256', RULES_DOC('Claim packet format v1: SHA-256 of each file'),
    (p) => `The attached file ${p.name} has no valid SHA-256 fingerprint (64 hexadecimal characters), so nobody can check that the file sent is the one listed. Remove it and attach the file again.`),
  ndcZeroSegment: rule<{ message: string }>('ndc.zero-segment', 'block', 'invalid', `${D}.ndc.input`, FDA_NDC('NDC segments: labeler, product and package codes', 'S'),
    (p) => p.message),
  unitsTooLarge: rule<{ units: string; max: string }>('units.too-large', 'block', 'invalid', `${D}.administration.dose.value|${D}.waste.amount.value|${D}.container.opened|${D}.hcpcsUnitsOverride`, NUBC('FL46 service units: 7 digits; the 837 and FHIR exports held to the same', 'S'),
    (p) => `${p.units} HCPCS units are more than a claim line carries (${p.max} at most). Check the dose, its unit and the payer's billing unit.`),
  unitsOverItem24G: rule<{ units: string; max: number }>('units.over-item-24g', 'warn', 'advice', `${D}.administration.dose.value|${D}.waste.amount.value|${D}.container.opened|${D}.hcpcsUnitsOverride`, NUCC('Item 24G: 3 characters', 'S'),
    (p) => `${p.units} HCPCS units do not fit Item 24G of a paper CMS-1500, which holds 3 digits (${p.max} at most). Send this claim electronically (837P), or ask the payer how to report these units on paper.`),
  ndcQuantityOverMedicare24A: rule<{ quantity: string; max: number }>('ndc.quantity-over-medicare-24a', 'warn', 'advice', `${D}.administration.dose.value|${D}.waste.amount.value`, CPM26('Item 24A shaded: NDC quantity in 6 positions after the unit qualifier'),
    (p) => `The NDC quantity ${p.quantity} does not fit Item 24A of a paper Medicare CMS-1500, which holds ${p.max} characters after the unit (decimal point included). Send this claim electronically (837P), where it fits.`),
  ndcQuantityOverFl43: rule<{ quantity: string; max: number }>('ndc.quantity-over-fl43', 'warn', 'advice', `${D}.administration.dose.value|${D}.waste.amount.value`, NUBC('FL43: 24 characters', 'S'),
    (p) => `The NDC quantity ${p.quantity} does not fit FL43 of a paper UB-04: after N4, the 11-digit NDC and the unit, ${p.max} characters are left (decimal point included). Send this claim electronically (837I), where it fits.`),
  textTooLong: rule<{ title: string; length: string; max: string; where: string }>('text.too-long', 'block', 'invalid', '*', FIELD_LENGTHS('text length of each field'),
    (p) => `${p.title} has ${p.length} characters; ${p.where} holds ${p.max}. Shorten it.`),
} as const;

export type RuleKey = keyof typeof RULES;
type ParamsOf<K extends RuleKey> = (typeof RULES)[K] extends Rule<infer P> ? P : never;

/** A finding with the actions that resolve it. */
export function withActions(f: Finding, actions: readonly FindingAction[]): Finding {
  return actions.length === 0 ? f : { ...f, actions };
}

/** Builds a finding from a catalogue rule. */
export function finding<K extends RuleKey>(key: K, path: string, ...params: [keyof ParamsOf<K>] extends [never] ? [] : [ParamsOf<K>]): Finding {
  const r = RULES[key] as unknown as Rule<ParamsOf<K> | NoParams>;
  return { rule: r.id, severity: r.severity, kind: r.kind, path, message: r.message((params[0] ?? {}) as ParamsOf<K>), source: r.source };
}
