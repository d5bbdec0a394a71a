/**
 * The claim as a FHIR R4 `Claim` resource (JSON), for systems that take FHIR: the drug lines with
 * their HCPCS code, modifiers and units, the NDC as a line detail with its quantity, the ICD-10-CM
 * diagnoses, and each line's description as supporting information. The patient is referenced by the
 * practice's account number only (no name, no birth date); the coverage is a placeholder naming the
 * payer, since the packet holds no member id.
 */
import type { ClaimPacket, NdcUnitQualifier } from '../packet/schema';
import type { EvaluatedClaim, ExportLine, Exported } from './export-claim';
import { DRUG_REVENUE_CODE, readCompleteClaim } from './export-claim';
import type { TimelyFiling } from '../timely-filing';
import { filingExceptionText } from '../timely-filing';

/** Code systems of the HCPCS codes and modifiers, the NDC and the ICD-10-CM diagnoses. */
export const HCPCS_SYSTEM = 'https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets';
export const NDC_SYSTEM = 'http://hl7.org/fhir/sid/ndc';
export const ICD10CM_SYSTEM = 'http://hl7.org/fhir/sid/icd-10-cm';
const NPI_SYSTEM = 'http://hl7.org/fhir/sid/us-npi';
const UCUM = 'http://unitsofmeasure.org';
const REVENUE_SYSTEM = 'https://www.nubc.org/CodeSystem/RevenueCodes';

interface Coding {
  readonly system: string;
  readonly code: string;
  readonly display?: string;
}
interface CodeableConcept {
  readonly coding: readonly Coding[];
  readonly text?: string;
}
interface Reference {
  readonly identifier?: { readonly type?: CodeableConcept; readonly system?: string; readonly value: string };
  readonly display?: string;
}
interface Quantity {
  readonly value: number;
  readonly unit?: string;
  readonly system?: string;
  readonly code?: string;
}

/** The parts of a FHIR R4 Claim this export writes. */
export interface FhirClaim {
  readonly resourceType: 'Claim';
  readonly status: 'active';
  readonly type: CodeableConcept;
  readonly use: 'claim';
  readonly patient: Reference;
  readonly billablePeriod: { readonly start: string; readonly end: string };
  readonly created: string;
  readonly provider: Reference;
  readonly priority: CodeableConcept;
  readonly careTeam?: readonly { readonly sequence: number; readonly provider: Reference }[];
  readonly supportingInfo: readonly SupportingInfo[];
  readonly diagnosis: readonly { readonly sequence: number; readonly diagnosisCodeableConcept: CodeableConcept }[];
  readonly insurance: readonly { readonly sequence: number; readonly focal: boolean; readonly coverage: Reference; readonly preAuthRef?: readonly string[] }[];
  readonly item: readonly FhirItem[];
}

interface SupportingInfo {
  readonly sequence: number;
  readonly category: CodeableConcept;
  readonly code?: { readonly text: string };
  readonly timingDate?: string;
  readonly valueString: string;
}

interface FhirItem {
  readonly sequence: number;
  readonly careTeamSequence?: readonly number[];
  readonly diagnosisSequence?: readonly number[];
  readonly informationSequence?: readonly number[];
  readonly revenue?: CodeableConcept;
  readonly productOrService: CodeableConcept;
  readonly modifier?: readonly CodeableConcept[];
  readonly servicedDate: string;
  readonly quantity: Quantity;
  readonly detail?: readonly { readonly sequence: number; readonly productOrService: CodeableConcept; readonly quantity: Quantity }[];
}

/** NDC unit qualifiers as UCUM units; `UN` (unit, each) has no UCUM code and travels as text. */
const NDC_UNITS: Record<NdcUnitQualifier, { unit: string; code?: string }> = {
  ML: { unit: 'mL', code: 'mL' },
  GR: { unit: 'g', code: 'g' },
  ME: { unit: 'mg', code: 'mg' },
  F2: { unit: 'IU', code: '[iU]' },
  UN: { unit: 'unit' },
};

const ACCOUNT_NUMBER: CodeableConcept = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'AN', display: 'Account number' }] };
const INFO_CATEGORY: CodeableConcept = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/claiminformationcategory', code: 'info' }] };
const NORMAL_PRIORITY: CodeableConcept = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/processpriority', code: 'normal' }] };

const hcpcs = (code: string): CodeableConcept => ({ coding: [{ system: HCPCS_SYSTEM, code }] });

/**
 * Characters a FHIR `string` cannot hold: control characters (FHIR R4 §2.24.0.1) and white space
 * other than the space, tab, carriage return and line feed (the schema's `^[ \r\n\t\S]+$`).
 */
const NOT_FHIR_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|(?![ \t\r\n])\s/g;

/** Text typed by the biller as a FHIR `string`: what it cannot hold becomes a space; blank is `''`. */
function fhirText(text: string | undefined): string {
  return (text ?? '').replace(NOT_FHIR_TEXT, ' ').trim();
}

/**
 * What an identifier cannot hold: control characters (line breaks and tabs included) and white space
 * other than the space. Changed, it would name another patient; it is refused instead.
 */
const NOT_ONE_LINE = /\p{Cc}|(?! )\s/u;

function npiReference(npi: string | undefined, name: string | undefined): Reference | undefined {
  const value = npi?.trim() ?? '';
  if (!/^\d{10}$/.test(value)) return undefined;
  const display = fhirText(name);
  return display === '' ? { identifier: { system: NPI_SYSTEM, value } } : { identifier: { system: NPI_SYSTEM, value }, display };
}

function ndcDetail(line: ExportLine): FhirItem['detail'] {
  if (line.ndc === null) return undefined;
  const unit = NDC_UNITS[line.ndc.unit];
  const quantity: Quantity = unit.code === undefined
    ? { value: Number(line.ndc.quantity), unit: unit.unit }
    : { value: Number(line.ndc.quantity), unit: unit.unit, system: UCUM, code: unit.code };
  return [{ sequence: 1, productOrService: { coding: [{ system: NDC_SYSTEM, code: line.ndc.ndc11 }] }, quantity }];
}

/**
 * A filing-limit exception as supporting information. R4's information categories have no code for
 * late filing (`exception` is for insurance policy exceptions), so it goes as `info`, the exception
 * named in its text, the date of its notice as the timing.
 */
function filingException(timelyFiling: TimelyFiling | null, sequence: number): SupportingInfo[] {
  const exception = timelyFiling?.exception;
  if (exception === undefined || exception === null) return [];
  return [{
    sequence, category: INFO_CATEGORY, code: { text: `Exception to the filing limit: ${exception.name} (${exception.citation})` },
    timingDate: exception.noticeDate, valueString: filingExceptionText(exception),
  }];
}

/**
 * The FHIR R4 Claim of an exportable claim, `created` being the export time (FHIR dateTime);
 * refused when the claim is not exportable or a value is missing. A filing-limit exception the
 * evaluation applies travels as supporting information.
 */
export function fhirClaim(packet: ClaimPacket, evaluation: EvaluatedClaim & { readonly timelyFiling: TimelyFiling | null }, created: string): Exported<FhirClaim> {
  const read = readCompleteClaim(evaluation);
  if (!read.ok) return read;
  const claim = read.value;
  const providers = packet.providers;
  const billing = npiReference(providers?.billing?.npi, providers?.billing?.name);
  if (billing === undefined) return { ok: false, problems: ["Enter the billing provider's NPI before exporting."] };
  if (NOT_ONE_LINE.test(claim.accountReference)) {
    return { ok: false, problems: ["The patient's account number has a line break, a tab, a control character or a special space (such as a no-break space). Type it again on one line, as letters, digits and punctuation."] };
  }
  const rendering = npiReference(providers?.rendering?.npi, providers?.rendering?.name);
  const diagnosisSequence = claim.diagnoses.map((_, i) => i + 1);
  const preAuthRef = [...new Set(claim.lines.flatMap((l) => (l.priorAuthNumber === null ? [] : [l.priorAuthNumber])))];
  const payer = fhirText(packet.payer?.name) || fhirText(claim.profile.name);
  return {
    ok: true,
    value: {
      resourceType: 'Claim',
      status: 'active',
      type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/claim-type', code: claim.form === 'UB-04' ? 'institutional' : 'professional' }] },
      use: 'claim',
      patient: { identifier: { type: ACCOUNT_NUMBER, value: claim.accountReference } },
      billablePeriod: { start: claim.serviceDate, end: claim.serviceDate },
      created,
      provider: billing,
      priority: NORMAL_PRIORITY,
      ...(rendering === undefined ? {} : { careTeam: [{ sequence: 1, provider: rendering }] }),
      supportingInfo: [
        ...claim.lines.flatMap((l) => (l.narrative === null ? [] : [{ sequence: l.number, category: INFO_CATEGORY, valueString: l.narrative }])),
        ...filingException(evaluation.timelyFiling, claim.lines.length + 1),
      ],
      diagnosis: claim.diagnoses.map((d, i) => ({ sequence: i + 1, diagnosisCodeableConcept: { coding: [{ system: ICD10CM_SYSTEM, code: d.display }] } })),
      insurance: [{ sequence: 1, focal: true, coverage: { display: `Coverage with ${payer}` }, ...(preAuthRef.length === 0 ? {} : { preAuthRef }) }],
      item: claim.lines.map((l): FhirItem => {
        const detail = ndcDetail(l);
        return {
          sequence: l.number,
          ...(rendering === undefined ? {} : { careTeamSequence: [1] }),
          ...(diagnosisSequence.length === 0 ? {} : { diagnosisSequence: diagnosisSequence.slice(0, 4) }),
          ...(l.narrative === null ? {} : { informationSequence: [l.number] }),
          ...(claim.form === 'UB-04' ? { revenue: { coding: [{ system: REVENUE_SYSTEM, code: DRUG_REVENUE_CODE }] } } : {}),
          productOrService: hcpcs(l.code!),
          ...(l.modifiers!.length === 0 ? {} : { modifier: l.modifiers!.map(hcpcs) }),
          servicedDate: claim.serviceDate,
          quantity: { value: l.units! },
          ...(detail === undefined ? {} : { detail }),
        };
      }),
    },
  };
}
