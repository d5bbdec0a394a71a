/**
 * Claim packet format v1: the single source of truth for everything a biller enters.
 *
 * The schema is deliberately permissive about *content* (text fields are strings, numbers are
 * typed as decimal strings) so that a half-finished draft always parses and is never lost. Whether
 * a value is complete and correct is decided by the rules in `evaluateClaim`, which speak to the
 * biller; the schema only fixes the *shape*. Every field carries a title (and where useful a hint)
 * in the biller's words: the wizard's labels and hints, the generated JSON Schema and the messages
 * shown when a file has the wrong shape all read them (fieldMeta in paths.ts); none is written twice.
 */
import * as z from 'zod/mini';

/** Title, hint and an example of a field; they become JSON Schema `title`, `description` and `examples`. */
function describe<T extends z.ZodMiniType>(schema: T, title: string, description?: string, example?: string): T {
  z.globalRegistry.add(schema, { title, ...(description === undefined ? {} : { description }), ...(example === undefined ? {} : { examples: [example] }) });
  return schema;
}

const text = (title: string, hint?: string) => z.optional(describe(z.string(), title, hint));
const flag = (title: string, hint?: string) => z.optional(describe(z.boolean(), title, hint));
const choice = <const T extends readonly [string, ...string[]]>(values: T, title: string, hint?: string) =>
  z.optional(describe(z.enum(values), title, hint));

/** A calendar date as `YYYY-MM-DD` (what a date input produces). Checked by the rules. */
const isoDate = (title: string, hint?: string) => z.optional(describe(z.string(), title, hint, '2024-05-06'));
/** A local date and time as `YYYY-MM-DDTHH:mm` (what a datetime-local input produces). */
const isoDateTime = (title: string, hint?: string) => z.optional(describe(z.string(), title, hint, '2024-05-06T09:30'));

export const CARE_SETTINGS = ['office', 'hospital-outpatient', 'asc', 'dme-supplier'] as const;
export const PAYER_KINDS = ['medicare', 'medicare-advantage', 'medicaid', 'commercial', 'other'] as const;
export const MARKETING_CATEGORIES = ['NDA', 'ANDA', 'BLA', 'unapproved', 'compounded', 'investigational'] as const;
export const ROUTES = [
  'intravenous', 'subcutaneous', 'intramuscular', 'intravitreal', 'intrathecal', 'intravesical',
  'intradermal', 'intra-articular', 'intralesional', 'epidural', 'oral', 'inhalation', 'topical', 'rectal',
  'ophthalmic', 'other',
] as const;
/** Special groups that have their own unclassified codes (billing-rules §1 rows 7, 10, 11). */
export const THERAPEUTIC_CLASSES = [
  'none', 'antiemetic', 'diagnostic-radiopharmaceutical', 'therapeutic-radiopharmaceutical', 'contrast-agent',
  'immune-globulin-iv', 'clotting-factor', 'immunosuppressive',
] as const;
export const QUANTITY_UNITS = ['mg', 'mcg', 'g', 'mL', 'L', 'units', 'IU', 'each'] as const;
export const NDC_UNIT_QUALIFIERS = ['F2', 'GR', 'ME', 'ML', 'UN'] as const;
export const CONTAINER_TYPES = ['single-dose', 'multi-dose'] as const;
export const PRIOR_AUTH_STATUSES = ['not-required', 'not-requested', 'pending', 'approved', 'denied'] as const;
/** The exceptions to Medicare's 12-month filing limit, 42 CFR 424.44(b)(1) to (4), in that order. */
export const FILING_EXCEPTIONS = [
  'administrative-error', 'retroactive-entitlement', 'retroactive-entitlement-medicaid-recoupment', 'retroactive-disenrollment',
] as const;
/** Kinds of supporting paperwork: an attachment has one; a record kept in the chart is attested by kind. */
export const DOCUMENT_KINDS = [
  'order', 'administration-record', 'waste-record', 'invoice', 'fda-approval', 'package-insert', 'compendia',
  'prior-auth-approval', 'abn', 'compound-worksheet', 'clinical-trial', 'proof-of-delivery', 'medical-record', 'other',
] as const;

export type CareSetting = (typeof CARE_SETTINGS)[number];
export type PayerKind = (typeof PAYER_KINDS)[number];
export type MarketingCategory = (typeof MARKETING_CATEGORIES)[number];
export type Route = (typeof ROUTES)[number];
export type TherapeuticClass = (typeof THERAPEUTIC_CLASSES)[number];
export type QuantityUnit = (typeof QUANTITY_UNITS)[number];
export type NdcUnitQualifier = (typeof NDC_UNIT_QUALIFIERS)[number];
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export type FilingException = (typeof FILING_EXCEPTIONS)[number];
export type PriorAuthStatus = (typeof PRIOR_AUTH_STATUSES)[number];

/** An amount with its unit; the amount is kept as the decimal text typed, so nothing drifts. */
const quantity = (title: string, hint?: string) =>
  z.optional(describe(z.object({
    value: text(`${title}: amount`, 'A number such as 150 or 2.5, without thousands separators.'),
    unit: choice(QUANTITY_UNITS, `${title}: unit`),
  }), title, hint));

/** A provider: `npiHint` tells whose NPI it is; `ifDifferent` names a provider given only when not the rendering one. */
const provider = (title: string, npiHint: string, ifDifferent = '') =>
  z.optional(describe(z.object({
    npi: text(`${title} NPI${ifDifferent}`, npiHint),
    name: text(`${title} name${ifDifferent}`),
    credentials: text(`${title} credentials`, 'For example MD, DO, NP, PA-C.'),
  }), title));

/** Payer profile: how one payer wants unclassified drugs billed. Built-in ones live in `payers`. */
export const ZPayerProfile = describe(z.object({
  id: describe(z.string(), 'Profile id'),
  name: describe(z.string(), 'Profile name'),
  payerKind: describe(z.enum(PAYER_KINDS), 'Kind of payer'),
  careSettings: describe(z.array(z.enum(CARE_SETTINGS)), 'Care settings this profile is for'),
  nocUnits: describe(z.union([
    z.object({ basis: z.literal('one') }),
    z.object({ basis: z.literal('containers') }),
    z.object({ basis: z.literal('amount'), per: z.object({ value: z.string(), unit: z.enum(QUANTITY_UNITS) }) }),
  ]), 'HCPCS units on an unclassified line', 'one: always 1 unit; containers: vials opened; amount: dose divided by a billing unit such as 1 mg.'),
  ndcQuantityBasis: describe(z.enum(['ncpdp', 'containers']), 'NDC quantity basis', 'ncpdp: mL for liquids, grams for creams, each otherwise; containers: UN per vial.'),
  rejectsMilligramQualifier: describe(z.boolean(), 'Rejects the ME (milligram) NDC unit'),
  narrativePlacement: describe(z.enum(['SV101-7', 'NTE', 'item-19']), 'Where the drug description goes'),
  narrativeMaxLength: describe(z.number().check(z.int(), z.positive()), 'Longest description accepted'),
  narrativeNdc: describe(z.enum(['plain', 'dashed', 'none']), 'NDC in the description'),
  c9399Waste: describe(z.enum(['jw-line', 'remarks']), 'Waste on C9399 claims'),
  usesC9399: describe(z.boolean(), 'Uses C9399 for new drugs in hospital outpatient'),
  antineoplasticBiologicCode: describe(z.enum(['J9999', 'J3590']), 'Code for antineoplastic biologics'),
  compoundCode: describe(z.enum(['J7999', 'J3490']), 'Code for compounded drugs'),
  timelyFiling: describe(z.union([
    z.object({ months: z.number().check(z.int(), z.positive()) }),
    z.object({ days: z.number().check(z.int(), z.positive()) }),
  ]), 'Timely filing limit'),
  movesDeadlineToWorkday: z.optional(describe(z.boolean(), 'Filing deadline on a weekend or federal holiday moves to the next workday',
    'On for Medicare contractors (Palmetto; 42 CFR 424.44); off for other payers unless their contract says so. When absent: on for Medicare profiles only.')),
  priorAuth: describe(z.enum(['never', 'unclassified-drugs', 'always']), 'Prior authorization required'),
  jwJz: describe(z.boolean(), 'JW/JZ waste modifiers apply'),
  coversSelfAdministered: describe(z.boolean(), 'Covers drugs on the self-administered list'),
  requiresRebatingLabeler: describe(z.boolean(), 'Requires a labeler in the Medicaid Drug Rebate Program'),
  source: describe(z.string(), 'Where these settings come from'),
}), 'Payer profile');
export type PayerProfile = z.infer<typeof ZPayerProfile>;

const ZDrug = describe(z.object({
  id: text('Drug id', 'A stable identifier of this drug within the packet.'),
  ndc: z.optional(describe(z.object({
    input: text('NDC from the vial or package label', 'Type it with its hyphens, as printed (for example 0409-1560-29 or 25682-0022-01). The 11-digit form is worked out for you.'),
    normalized: text('NDC (11 digits)', 'The 11-digit 5-4-2 NDC without hyphens; computed from the typed NDC.'),
  }), 'NDC')),
  brandName: text('Brand name', 'As on the label, for example Briumvi.'),
  genericName: text('Generic name', 'For example ublituximab-xiiy.'),
  strength: text('Strength', 'As on the label, for example 150 mg/6 mL.'),
  dosageForm: text('Dosage form', 'For example injection, solution; lyophilized powder; tablet; cream.'),
  route: choice(ROUTES, 'Route it was given by'),
  marketingCategory: choice(MARKETING_CATEGORIES, 'FDA marketing category', 'On the FDA listing or the label: NDA, ANDA, BLA…'),
  isBiologic: flag('Biologic (licensed under a BLA)'),
  isBiosimilar: flag('Biosimilar'),
  isAntineoplastic: flag('Anticancer (antineoplastic) drug'),
  therapeuticClass: choice(THERAPEUTIC_CLASSES, 'Special drug group', 'Some groups have their own unclassified code. Choose “None of these” for most drugs.'),
  fdaApprovalDate: isoDate('FDA approval date', 'From the approval letter, the label, or the FDA listing.'),
  isOffLabel: flag('Used off-label (for a use not on the label)'),
  offLabelRationale: text('Why the off-label use is medically accepted', 'For example the compendium listing (NCCN, DrugDex) and its category.'),
  isOnSelfAdministeredList: flag("On the contractor's self-administered drug list"),
  isMixtureOfCommercialProducts: flag('Only commercial products mixed together (for example two drugs in one syringe)'),
  isSuppliedFreeBySponsor: flag('Supplied free by a clinical trial sponsor'),
  compoundIngredients: z.optional(describe(z.array(z.object({
    name: text('Ingredient name'),
    ndc: text('Ingredient NDC'),
    amount: quantity('Ingredient amount'),
  })), 'Compound ingredients')),
  container: z.optional(describe(z.object({
    type: choice(CONTAINER_TYPES, 'Container type', 'As the FDA label says.'),
    amount: quantity('Drug amount in one container', 'For a 150 mg/6 mL vial: 150 mg.'),
    volume: quantity('Volume of one container (liquids)', 'For a 150 mg/6 mL vial: 6 mL. Leave empty for tablets or powders.'),
    opened: text('Containers opened for this dose'),
  }), 'Container')),
  administration: z.optional(describe(z.object({
    dose: quantity('Total dose given', 'The whole amount the patient was given, for example 150 mg (not a concentration like mg/mL).'),
    start: isoDateTime('Administration started'),
    end: isoDateTime('Administration ended', 'For infusions: when the infusion stopped.'),
    frequency: text('Frequency', 'For example ONCE, or EVERY 8 WEEKS.'),
    lot: text('Lot number'),
    expiration: isoDate('Expiration date'),
    administeredBy: text('Given by', 'The clinician who gave the drug.'),
  }), 'Administration')),
  waste: z.optional(describe(z.object({
    amount: quantity('Amount discarded', 'From the waste record. Enter 0 if nothing was discarded.'),
    reason: text('Why it was discarded', 'For example: remainder of single-dose vial; infusion stopped after a reaction.'),
    time: isoDateTime('Date and time it was discarded'),
  }), 'Waste')),
  ndcUnitOverride: choice(NDC_UNIT_QUALIFIERS, 'NDC unit of measure'),
  hcpcsUnitsOverride: text('HCPCS units', 'Leave empty: the payer profile decides the units.'),
  modifiers: z.optional(describe(z.array(z.string()), 'Modifiers added by the biller', 'Waste modifiers JW and JZ are added automatically.')),
  narrativeOverride: text('Your own description (optional)',
    'Only if the payer asks for other wording. At most 80 characters; it must name the drug and give the total dose with its unit.'),
  priorAuth: z.optional(describe(z.object({
    status: choice(PRIOR_AUTH_STATUSES, 'Authorization status'),
    number: text('Authorization number'),
    validFrom: isoDate('Valid from'),
    validThrough: isoDate('Valid through'),
  }), 'Prior authorization')),
  invoice: z.optional(describe(z.object({
    supplier: text('Supplier'),
    date: isoDate('Invoice date'),
    ndc: text('NDC on the invoice'),
    quantity: text('Packages on the invoice'),
    netCost: text('Net cost (USD)', 'After discounts, rebates and chargebacks, for example 1234.56.'),
  }), 'Invoice')),
  medicalNecessity: text('Why the drug was medically necessary', 'Tie it to the diagnosis, for example the condition, prior treatments, and the order.'),
  documentsOnFile: z.optional(describe(z.array(z.enum(DOCUMENT_KINDS)), 'Records kept in the chart', 'Documents not attached but kept in the medical record and available on request.')),
  specificCodeChoice: text('Product-specific code to bill',
    'The biller\'s choice to bill the drug under its own code instead of an unclassified code, when CMS lists the NDC under a code of its own on the date of service; when it lists several (for example one for patients on dialysis for ESRD and one for others), the one that fits the patient.'),
  dismissedCodeMatch: z.optional(describe(z.object({
    codes: z.optional(describe(z.array(z.string()), 'Codes set aside',
      'The codes whose HCPCS descriptors name this drug that the biller set aside as not this drug.')),
    reason: text('Why these codes are not this drug',
      'For example another salt (acetate, not sodium phosphate), another route (oral, not injection) or another formulation (liposomal).'),
  }), 'Codes named by the drug\'s name, set aside',
  'When the CMS crosswalks do not list the NDC but a HCPCS descriptor names the drug: the codes the biller found are not this drug, and why.')),
  codeOverride: z.optional(describe(z.object({
    code: text('Code to bill instead', 'Leave empty to use the code the wizard picks.'),
    reason: text('Why this code', "For example the payer's written instruction, with its date."),
  }), 'Code override')),
}), 'Drug');

export const ZClaimPacket = describe(z.object({
  format: describe(z.literal('noc-claim-packet'), 'Format'),
  version: describe(z.literal(1), 'Format version'),
  id: text('Packet id'),
  createdAt: text('Created at'),
  updatedAt: text('Updated at'),
  careSetting: choice(CARE_SETTINGS, 'Care setting', 'It decides the claim form (CMS-1500 or UB-04) and the code.'),
  payer: z.optional(describe(z.object({
    kind: choice(PAYER_KINDS, 'Kind of payer'),
    name: text('Payer name', "As on the patient's card, for example Medicare Part B, Palmetto GBA."),
    profileId: text('Payer profile', 'How this payer wants unclassified drugs billed: units, the description, filing limits.'),
    customProfile: z.optional(ZPayerProfile),
  }), 'Payer')),
  dates: z.optional(describe(z.object({
    service: isoDate('Date of service', 'The day the drug was given.'),
    plannedSubmission: isoDate('Planned submission date', 'Leave empty if you send the claim today.'),
    filingException: z.optional(describe(z.object({
      reason: choice(FILING_EXCEPTIONS, 'Exception to the filing limit (Medicare)',
        'Only for a Medicare claim sent late for one of the reasons of 42 CFR 424.44(b). The deadline then runs to the end of the 6th month after the month of the notice.'),
      noticeDate: isoDate('Date of the notice',
        'The notice that opened the exception: that the error was corrected, of the retroactive Medicare entitlement, of the state Medicaid agency recouping its payment, or of the Medicare Advantage plan or PACE organization recouping its payment.'),
    }), 'Exception to the filing limit')),
  }), 'Dates')),
  patient: z.optional(describe(z.object({
    accountReference: text('Patient account number', "The practice's own account or encounter number. No names or birth dates are needed here."),
  }), 'Patient')),
  providers: z.optional(describe(z.object({
    rendering: provider('Rendering provider', '10 digits.'),
    billing: z.optional(describe(z.object({
      npi: text('Billing provider NPI', '10 digits: the practice or hospital.'),
      name: text('Billing provider name'),
      is340bEntity: flag('The billing provider is a 340B covered entity'),
    }), 'Billing provider')),
    ordering: provider('Ordering provider', 'The 10-digit National Provider Identifier.', ' (if different)'),
  }), 'Providers')),
  diagnoses: z.optional(describe(z.array(z.object({
    code: text('ICD-10-CM code', 'The code that supports the drug, for example D59.5 or C22.0.'),
  })), 'Diagnoses', 'ICD-10-CM codes, the primary diagnosis first.')),
  clinicalTrial: z.optional(describe(z.object({
    nctNumber: text('ClinicalTrials.gov number', 'NCT followed by 8 digits, for example NCT01234567.'),
    isQualifyingTrial: flag('This is a qualifying clinical trial'),
  }), 'Clinical trial')),
  drugs: z.optional(describe(z.array(ZDrug), 'Drugs', 'Each unclassified drug given at this visit.')),
  attachments: z.optional(describe(z.array(z.object({
    id: text('Attachment id'),
    drugId: text('Drug the attachment belongs to'),
    kind: choice(DOCUMENT_KINDS, 'Kind of document'),
    fileName: text('File name'),
    mediaType: text('Media type', 'For example application/pdf or image/png.'),
    size: z.optional(describe(z.number().check(z.int(), z.nonnegative()), 'Size in bytes')),
    sha256: text('SHA-256', 'The SHA-256 of the file, 64 hexadecimal characters.'),
  })), 'Attachments', 'Files kept in the app; the packet holds their description and fingerprint.')),
}), 'NOC claim packet', 'A claim for one visit with one or more drugs that have no specific HCPCS code.');

export type ClaimPacket = z.infer<typeof ZClaimPacket>;
export type Drug = z.infer<typeof ZDrug>;
export type Quantity = NonNullable<NonNullable<Drug['administration']>['dose']>;
export { ZDrug };
