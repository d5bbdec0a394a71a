/**
 * The claim's facts as a payer reads them: what the claim is (patient account, dates, payer,
 * providers, diagnoses, prior authorization, a filing-limit exception), and per drug the product,
 * the code billed and why, the administration (date, start and end times, route, dose, lot and
 * expiration, who gave it), the medical-necessity statement with its diagnoses, the invoice and the
 * waste record. Formatted once, from the packet and its evaluation only: the PDF packet prints these
 * rows and the printed checklist its summary, so no view writes a date or an amount its own way.
 * Dates are MM/DD/YYYY, times 12-hour, amounts in dollars with thousands separators.
 */
import { filled } from '../context';
import type { Evaluation } from '../evaluate';
import { formatCount, formatDate, formatDateTime, formatMoney } from '../format';
import { parseIcd10 } from '../icd10';
import { parseNdc } from '../ndc';
import { CARE_SETTING_NAMES, PRIOR_AUTH_STATUS_NAMES, ROUTE_NAMES } from '../packet/labels';
import type { ClaimPacket, Drug, Quantity } from '../packet/schema';
import { parseMoney, decimalText } from '../quantity';
import { filingExceptionText } from '../timely-filing';

/** A label and its value, as a row of the PDF or of a printed summary. */
export type FactRow = readonly [label: string, value: string];

export interface DrugFactSheet {
  readonly index: number;
  /** "Briumvi (ublituximab-xiiy)". */
  readonly name: string;
  /** "Drug 1: Briumvi (ublituximab-xiiy)". */
  readonly title: string;
  readonly product: readonly FactRow[];
  /** The code billed with its descriptor, and the reasons the rules give for it. */
  readonly code: { readonly billed: string; readonly lines: string; readonly reasons: readonly string[] };
  readonly administration: readonly FactRow[];
  readonly necessity: readonly FactRow[];
  /** `null` when no invoice is entered. */
  readonly invoice: readonly FactRow[] | null;
  readonly waste: readonly FactRow[];
  /** `null` when no prior authorization is entered. */
  readonly priorAuth: readonly FactRow[] | null;
}

export interface ClaimFactSheet {
  readonly claim: readonly FactRow[];
  readonly drugs: readonly DrugFactSheet[];
}

const text = (value: string | undefined) => value?.trim() ?? '';
const joined = (...parts: (string | undefined)[]) => parts.map(text).filter((p) => p !== '').join(', ');
/** Rows whose value is known; the others are left out. */
const known = (rows: readonly FactRow[]): FactRow[] => rows.filter(([, value]) => value !== '');

/** "100 mg", with thousands separators; '' when no amount is entered. */
function amountText(q: Quantity | undefined): string {
  const value = filled(q?.value);
  return value === undefined ? '' : `${value}${q?.unit === undefined ? '' : ` ${q.unit}`}`;
}

function providerText(p: { npi?: string; name?: string; credentials?: string } | undefined): string {
  const who = joined(p?.name, p?.credentials);
  const npi = filled(p?.npi);
  return npi === undefined ? who : `${who}${who === '' ? '' : ' '}(NPI ${npi})`;
}

/** The diagnoses, primary first, with the dot (G35, C22.0). */
export function diagnosesText(packet: ClaimPacket): string {
  return (packet.diagnoses ?? []).map((d) => parseIcd10(d.code)?.display ?? text(d.code)).filter((d) => d !== '').join(', ');
}

/** "Briumvi (ublituximab-xiiy)", the brand or the generic name alone, or "not named". */
function drugName(drug: Drug | undefined): string {
  const brand = text(drug?.brandName), generic = text(drug?.genericName);
  return brand !== '' && generic !== '' ? `${brand} (${generic})` : brand || generic || 'not named';
}

/** "Drug 1: Briumvi (ublituximab-xiiy)". */
export function drugTitle(drug: Drug | undefined, index: number): string {
  return `Drug ${index + 1}: ${drugName(drug)}`;
}

function administrationRows(packet: ClaimPacket, drug: Drug): FactRow[] {
  const a = drug.administration;
  return known([
    ['Date given', formatDate(packet.dates?.service)],
    ['Started', formatDateTime(a?.start)],
    ['Ended', formatDateTime(a?.end)],
    ['Route', drug.route === undefined ? '' : ROUTE_NAMES[drug.route]],
    ['Dose given', amountText(a?.dose)],
    ['Frequency', text(a?.frequency)],
    ['Lot', text(a?.lot)],
    ['Expiration', formatDate(a?.expiration)],
    ['Given by', text(a?.administeredBy)],
  ]);
}

function invoiceRows(drug: Drug): FactRow[] | null {
  const inv = drug.invoice;
  const cost = parseMoney(inv?.netCost);
  const rows = known([
    ['Supplier', text(inv?.supplier)],
    ['Invoice date', formatDate(inv?.date)],
    ['NDC on the invoice', text(inv?.ndc)],
    ['Packages', text(inv?.quantity)],
    ['Net cost', typeof cost === 'string' ? text(inv?.netCost) : formatMoney(decimalText(cost, 2))],
  ]);
  return rows.length === 0 ? null : rows;
}

function wasteRows(drug: Drug, explanation: string): FactRow[] {
  const w = drug.waste;
  return known([
    ['Amount discarded', amountText(w?.amount)],
    ['Why', text(w?.reason)],
    ['Discarded', formatDateTime(w?.time)],
    ['On the claim', explanation],
  ]);
}

function priorAuthRows(drug: Drug): FactRow[] | null {
  const pa = drug.priorAuth;
  const rows = known([
    ['Status', pa?.status === undefined ? '' : PRIOR_AUTH_STATUS_NAMES[pa.status]],
    ['Number', text(pa?.number)],
    ['Valid', [formatDate(pa?.validFrom), formatDate(pa?.validThrough)].filter((d) => d !== '').join(' to ')],
  ]);
  return rows.length === 0 ? null : rows;
}

type FormLine = Evaluation['claimForm']['lines'][number];

function drugSheet(packet: ClaimPacket, d: Evaluation['drugs'][number], lines: readonly FormLine[]): DrugFactSheet {
  const drug = packet.drugs?.[d.index] ?? {};
  const ndc = parseNdc(drug.ndc?.input);
  const c = drug.container;
  return {
    index: d.index,
    name: drugName(drug),
    title: drugTitle(drug, d.index),
    product: known([
      ['NDC', ndc.ok ? ndc.ndc.hyphenated : text(drug.ndc?.input)],
      ['Strength', text(drug.strength)],
      ['Dosage form', text(drug.dosageForm)],
      ['FDA category', text(drug.marketingCategory)],
      ['FDA approval', formatDate(drug.fdaApprovalDate)],
      ['Container', joined(c?.type === undefined ? undefined : `${c.type} container`, amountText(c?.amount), amountText(c?.volume))],
      ['Containers opened', text(c?.opened)],
    ]),
    code: {
      billed: d.decision.code === null ? 'Not billed' : `${d.decision.code}${d.decision.descriptor === '' ? '' : `: ${d.decision.descriptor}`}`,
      lines: lines.map((l) => `${[l.code, ...(l.modifiers ?? [])].filter((x) => x !== null).join('-')} × ${l.units === null ? '?' : formatCount(l.units)}`).join(', '),
      reasons: d.decision.reasons,
    },
    administration: administrationRows(packet, drug),
    necessity: known([
      ['Diagnoses', diagnosesText(packet)],
      ['Statement', text(drug.medicalNecessity)],
      ['Off-label use', drug.isOffLabel === true ? text(drug.offLabelRationale) || 'yes' : ''],
    ]),
    invoice: invoiceRows(drug),
    waste: wasteRows(drug, d.waste.explanation),
    priorAuth: priorAuthRows(drug),
  };
}

/** The facts of the claim as a whole (the cover of the PDF packet, the top of the printed checklist). */
export function claimFacts(packet: ClaimPacket, evaluation: Evaluation): readonly FactRow[] {
  const p = packet.providers;
  const exception = evaluation.timelyFiling?.exception ?? null;
  return known([
    ['Patient account', text(packet.patient?.accountReference)],
    ['Date of service', formatDate(packet.dates?.service)],
    ['Care setting', packet.careSetting === undefined ? '' : CARE_SETTING_NAMES[packet.careSetting]],
    ['Claim form', evaluation.decision.form],
    ['Payer', text(packet.payer?.name) || (evaluation.profile?.name ?? '')],
    ['Billing provider', providerText(p?.billing)],
    ['Rendering provider', providerText(p?.rendering)],
    ['Ordering provider', providerText(p?.ordering)],
    ['Diagnoses', diagnosesText(packet)],
    ['Clinical trial', text(packet.clinicalTrial?.nctNumber)],
    ['Filing-limit exception', exception === null ? '' : filingExceptionText(exception)],
  ]);
}

/** The facts of a claim and of each of its drugs, formatted for a payer. */
export function claimFactSheet(packet: ClaimPacket, evaluation: Evaluation): ClaimFactSheet {
  // Each drug's lines found in one pass: a claim file from elsewhere may hold thousands of drugs.
  const linesOf = new Map<number, FormLine[]>();
  for (const line of evaluation.claimForm.lines) {
    const own = linesOf.get(line.drugIndex);
    if (own === undefined) linesOf.set(line.drugIndex, [line]);
    else own.push(line);
  }
  return {
    claim: claimFacts(packet, evaluation),
    drugs: evaluation.drugs.map((d) => drugSheet(packet, d, linesOf.get(d.index) ?? [])),
  };
}
