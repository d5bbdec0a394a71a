/**
 * Payer profiles as data (billing-rules §3, §4, §6, §10, §12). Payer differences are switches here,
 * never `if (payer === …)` in the rules. Built-in profiles cover Medicare Part B (with MAC variants),
 * Medicare hospital outpatient (OPPS), the Medicare DME MACs, Medicaid (with state variants) and
 * commercial plans; a biller's own profiles travel inside the packet (`payer.customProfile`).
 */
import type { ClaimPacket, PayerProfile } from './packet/schema';

const MEDICARE_PART_B: PayerProfile = {
  id: 'medicare-part-b',
  name: 'Medicare Part B (any MAC)',
  payerKind: 'medicare',
  careSettings: ['office', 'asc'],
  nocUnits: { basis: 'one' },
  ndcQuantityBasis: 'ncpdp',
  rejectsMilligramQualifier: false,
  narrativePlacement: 'SV101-7',
  narrativeMaxLength: 80,
  narrativeNdc: 'plain',
  c9399Waste: 'jw-line',
  usesC9399: false,
  antineoplasticBiologicCode: 'J9999',
  compoundCode: 'J7999',
  timelyFiling: { months: 12 },
  movesDeadlineToWorkday: true,
  priorAuth: 'never',
  jwJz: true,
  coversSelfAdministered: false,
  requiresRebatingLabeler: false,
  source: 'WPS, CGS, Palmetto, Noridian NOC articles; CPM17 §40; 42 CFR 424.44',
};

const MEDICARE_OPPS: PayerProfile = {
  ...MEDICARE_PART_B,
  id: 'medicare-opps',
  name: 'Medicare hospital outpatient (OPPS, any MAC)',
  careSettings: ['hospital-outpatient', 'asc'],
  narrativePlacement: 'NTE',
  narrativeNdc: 'dashed',
  usesC9399: true,
  source: 'CPM17 §90.3; Palmetto Part A 2025 (C9399 waste on a JW line); NGS (NDC with dashes in remarks)',
};

const MEDICAID: PayerProfile = {
  ...MEDICARE_PART_B,
  id: 'medicaid',
  name: 'Medicaid (general)',
  payerKind: 'medicaid',
  careSettings: ['office', 'hospital-outpatient', 'asc', 'dme-supplier'],
  antineoplasticBiologicCode: 'J9999',
  compoundCode: 'J3490',
  movesDeadlineToWorkday: false,
  priorAuth: 'unclassified-drugs',
  coversSelfAdministered: true,
  requiresRebatingLabeler: true,
  source: '42 CFR 447.45(d) (12 months); state Medicaid NOC guidance; billing-rules §3',
};

const BUILT_IN: readonly PayerProfile[] = [
  MEDICARE_PART_B,
  { ...MEDICARE_PART_B, id: 'medicare-part-b-cgs', name: 'Medicare Part B: CGS (J15)', source: 'CGS "NOC Drugs: Clarification on Required Information" (2025)' },
  { ...MEDICARE_PART_B, id: 'medicare-part-b-palmetto', name: 'Medicare Part B: Palmetto GBA (JJ/JM)', source: 'Palmetto "Unclassified or NOC Drug Codes: Rejected if Not Submitted Correctly"' },
  { ...MEDICARE_PART_B, id: 'medicare-part-b-wps', name: 'Medicare Part B: WPS (J5/J8)', narrativeNdc: 'none', source: 'WPS "J3490 (NOC) Billing Tips": name, strength, dose, route' },
  { ...MEDICARE_PART_B, id: 'medicare-part-b-noridian', name: 'Medicare Part B: Noridian (JE/JF)', narrativeNdc: 'none', source: 'Noridian "Unlisted Procedure and NOC Codes"' },
  { ...MEDICARE_PART_B, id: 'medicare-part-b-novitas', name: 'Medicare Part B: Novitas (JH/JL)', narrativeNdc: 'none', source: 'Novitas "NOC codes"' },
  { ...MEDICARE_PART_B, id: 'medicare-part-b-fcso', name: 'Medicare Part B: First Coast (JN)', narrativeNdc: 'none', source: 'FCSO "Appropriate use of NOC codes"' },
  { ...MEDICARE_PART_B, id: 'medicare-part-b-ngs', name: 'Medicare Part B: NGS (J6/JK)', source: 'NGS "Claims for Drugs Without a Product-Specific Code Assigned"' },
  MEDICARE_OPPS,
  { ...MEDICARE_OPPS, id: 'medicare-opps-palmetto', name: 'Medicare hospital outpatient: Palmetto GBA Part A', narrativeNdc: 'plain', source: 'Palmetto JJ/JM Part A "Claims Reporting Unclassified Drugs or Biologicals" (2025)' },
  { ...MEDICARE_OPPS, id: 'medicare-opps-waste-in-remarks', name: 'Medicare hospital outpatient: waste in remarks', c9399Waste: 'remarks', source: 'Visante (waste in Remarks, no JW line) [S]' },
  {
    ...MEDICARE_PART_B, id: 'medicare-dme', name: 'Medicare DME MAC (supplier)', careSettings: ['dme-supplier'],
    jwJz: false, source: 'DME MAC policy articles: drugs used at home are outside JW/JZ',
  },
  {
    ...MEDICARE_PART_B, id: 'medicare-advantage', name: 'Medicare Advantage plan', payerKind: 'medicare-advantage',
    careSettings: ['office', 'hospital-outpatient', 'asc', 'dme-supplier'], priorAuth: 'unclassified-drugs', movesDeadlineToWorkday: false,
    source: 'MA plans commonly require prior authorization for NOC drugs [S]; set the contract filing limit and whether it moves off weekends and holidays',
  },
  MEDICAID,
  {
    ...MEDICAID, id: 'medicaid-nc', name: 'Medicaid: North Carolina (units per mg, NDC per vial)',
    nocUnits: { basis: 'amount', per: { value: '1', unit: 'mg' } }, ndcQuantityBasis: 'containers',
    source: 'NC Medicaid bulletins 2019/2023 (J3590: 1 unit = 1 mg; NDC quantity UN per vial)',
  },
  {
    ...MEDICAID, id: 'medicaid-ak', name: 'Medicaid: Alaska (units = containers)', nocUnits: { basis: 'containers' },
    source: 'Alaska Medicaid J-code billing tips (units = number of containers)',
  },
  {
    ...MEDICARE_PART_B, id: 'commercial', name: 'Commercial plan (set your contract)', payerKind: 'commercial',
    careSettings: ['office', 'hospital-outpatient', 'asc', 'dme-supplier'], compoundCode: 'J3490',
    timelyFiling: { days: 90 }, movesDeadlineToWorkday: false, priorAuth: 'unclassified-drugs', jwJz: false, coversSelfAdministered: true,
    source: 'Contract-specific: 90-180 day filing limits are common; check and edit for each contract [S]',
  },
];

const BY_ID = new Map(BUILT_IN.map((p) => [p.id, p]));

/** The built-in profiles, in the order a biller picks from. */
export function builtInProfiles(): readonly PayerProfile[] {
  return BUILT_IN;
}

export function builtInProfile(id: string): PayerProfile | undefined {
  return BY_ID.get(id);
}

/**
 * The profile a packet uses: its own custom profile when it carries one with the chosen id,
 * otherwise a built-in one.
 */
export function resolveProfile(packet: ClaimPacket): PayerProfile | undefined {
  const id = packet.payer?.profileId;
  const custom = packet.payer?.customProfile;
  if (custom !== undefined && (id === undefined || id === '' || id === custom.id)) return custom;
  return id === undefined ? undefined : BY_ID.get(id);
}

/**
 * Whether a filing deadline that falls on a weekend or a federal holiday moves to the next workday:
 * the profile's switch, or when a custom profile does not say, only for Medicare (a Medicare
 * contractor's rule: Palmetto; 42 CFR 424.44).
 */
export function movesDeadlineToWorkday(profile: PayerProfile): boolean {
  return profile.movesDeadlineToWorkday ?? profile.payerKind === 'medicare';
}

/** "12 months, moved to the next workday…", "90 days, not moved…": a filing limit as a biller says it, with the profile's workday switch. */
export function filingLimitText(profile: PayerProfile): string {
  const t = profile.timelyFiling;
  const limit = 'months' in t ? `${t.months} months` : `${t.days} days`;
  return movesDeadlineToWorkday(profile)
    ? `${limit}, moved to the next workday when it ends on a weekend or federal holiday`
    : `${limit}, not moved off weekends and federal holidays: this profile's workday switch is off`;
}

/**
 * "Is this Medicare?", asked one way by every rule that treats traditional Medicare apart
 * (unapproved drugs, 1 unit on an unclassified line, 340B and GY modifiers, code choices). False
 * until a profile is chosen; a Medicare Advantage plan is not traditional Medicare.
 */
export function isMedicare(profile: PayerProfile | undefined): boolean {
  return profile?.payerKind === 'medicare';
}
