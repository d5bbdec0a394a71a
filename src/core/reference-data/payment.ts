/**
 * What Medicare is likely to pay for each drug of a claim, worked out by `evaluateClaim` (every view
 * shows `evaluation.payment`, never computes its own). The estimate comes
 * from the first source that has it, in this order (billing rules §11):
 *   1. the CMS NOC payment-limit file (drugs without a code that CMS priced),
 *   2. the CMS ASP payment limit of the drug's product-specific code,
 *   3. for C9399, 95% of the average wholesale price (AWP): AWP is a commercial price list that
 *      no CMS or FDA file carries, so the wizard never has it and says so,
 *   4. the invoice's net cost (what contractors pay when no published price exists).
 * Payment limits are per billing unit. A drug billed under its own code is paid for the units of its
 * lines (the dose rounded up, the discarded amount rounded down); a priced drug without a code for
 * the dose (and a discarded amount on a JW line) in the NOC file's billing unit, counted the same way.
 */
import type { IsoDate } from '../dates';
import Fraction from 'fraction.js';
import { readBillingUnit } from '../billing-unit';
import { filled, isBlank } from '../context';
import { formatCount, formatDate, formatMoney } from '../format';
import type { CodeDecision } from '../code-decision';
import type { ClaimLine } from '../lines';
import { parseNdc } from '../ndc';
import type { Drug } from '../packet/schema';
import type { Amount } from '../quantity';
import { amountForPeople, convert, decimalText, parseMoney, readAmount } from '../quantity';
import type { PaymentLimit, ReferenceData } from '../reference';

export type PaymentBasis = 'noc-payment-limit' | 'asp-payment-limit' | 'invoice' | 'none';

export interface PaymentEstimate {
  readonly drugIndex: number;
  /** Dollars with two decimals ("49.24"); `null` when nothing can be estimated. */
  readonly amount: string | null;
  readonly basis: PaymentBasis;
  /** The file or document the amount comes from, for the biller ("CMS NOC payment-limit file, October 2025"). */
  readonly source: string;
  /** How the amount was reached, or why there is none. */
  readonly explanation: string;
  /** Other things to know: sources that were missing, AWP for C9399, who prices the claim. */
  readonly notes: readonly string[];
}

const money = (value: Fraction) => {
  const [whole, cents = ''] = decimalText(value.round(2), 2).split('.');
  return `${whole}.${cents.padEnd(2, '0')}`;
};

type FromLimit = { amount: string; explanation: string } | { reason: string };

/** A published limit with a price (the file does not say N/A). */
type PricedLimit = PaymentLimit & { readonly perUnit: string };
const isPriced = (limit: PaymentLimit): limit is PricedLimit => limit.perUnit !== null;

/** The per-unit limit of a published limit, with how a biller reads it. */
function perUnitOf(limit: PricedLimit): { perUnit: Fraction; priced: string } {
  return { perUnit: new Fraction(limit.perUnit), priced: `${formatMoney(limit.perUnit)} per ${limit.dosage.trim().toLowerCase()}` };
}

/**
 * A drug billed under its own code: the units of its lines (dose rounded up, discarded amount
 * rounded down, in the code's billing unit) × the ASP payment limit per unit.
 */
function fromSpecificLines(limit: PricedLimit, lines: readonly ClaimLine[]): FromLimit {
  const { perUnit, priced } = perUnitOf(limit);
  const units = lines.flatMap((l) => (l.units === null ? [] : [l.units]));
  if (lines.length === 0 || units.length < lines.length) return { reason: `CMS lists ${limit.key} at ${priced}. Complete the dose to estimate the payment.` };
  const total = units.reduce((sum, u) => sum + u, 0);
  const each = lines.map((l) => `${[l.code, ...l.modifiers].join(' ')} × ${l.units}`).join(' + ');
  const amount = money(perUnit.mul(total));
  return { amount, explanation: `${formatCount(total)} units (${each}) × ${formatMoney(limit.perUnit)} = ${formatMoney(amount)}.` };
}

/** A drug without a code that CMS priced: the dose (and a discarded amount billed on a JW line) in the limit's billing unit. */
function fromNocLimit(limit: PricedLimit, dose: Amount | undefined, discarded: Amount | undefined): FromLimit {
  const { perUnit, priced } = perUnitOf(limit);
  const unit = readBillingUnit(limit.dosage);
  if (unit.kind !== 'amount') return { reason: `CMS lists ${limit.key} at ${priced}; that billing unit cannot be turned into a number of units, so work them out from the label.` };
  if (dose === undefined) return { reason: `CMS lists ${limit.key} at ${priced}. Enter the dose given to estimate the payment.` };
  const given = convert(dose, unit.per.unit), thrown = discarded === undefined ? undefined : convert(discarded, unit.per.unit);
  if (given === undefined || (discarded !== undefined && thrown === undefined)) return { reason: `CMS lists ${limit.key} at ${priced}, but the dose is not in a unit that converts to it.` };
  const givenUnits = given.value.div(unit.per.value).ceil(), thrownUnits = thrown === undefined ? new Fraction(0) : thrown.value.div(unit.per.value).floor();
  const total = givenUnits.add(thrownUnits);
  const what = discarded === undefined
    ? `${amountForPeople(dose)} ÷ ${amountForPeople(unit.per)}, rounded up`
    : `${amountForPeople(dose)} given ÷ ${amountForPeople(unit.per)}, rounded up, + ${amountForPeople(discarded)} discarded, rounded down`;
  const amount = money(total.mul(perUnit));
  return { amount, explanation: `${decimalText(total)} units (${what}) × ${formatMoney(limit.perUnit)} = ${formatMoney(amount)}.` };
}

/** The invoice's net cost, when it is typed and readable. */
function fromInvoice(drug: Drug): Omit<PaymentEstimate, 'drugIndex'> | undefined {
  const net = parseMoney(drug.invoice?.netCost);
  if (typeof net === 'string') return undefined;
  const supplier = filled(drug.invoice?.supplier) ?? 'the supplier';
  const date = filled(drug.invoice?.date);
  const dated = date === undefined ? '' : ` dated ${formatDate(date)}`;
  const amount = money(net);
  return {
    amount, basis: 'invoice', source: `Invoice from ${supplier}${dated}`,
    explanation: `The invoice's net cost as entered (${formatMoney(amount)}), after discounts and rebates: contractors pay the net acquisition cost when no published price exists.`,
    notes: [],
  };
}

function estimateDrug(drug: Drug, evaluated: EvaluatedDrug, dateOfService: IsoDate | undefined, reference: ReferenceData): Omit<PaymentEstimate, 'drugIndex'> {
  const { decision, lines } = evaluated;
  const none = (explanation: string, notes: readonly string[] = []) => ({ amount: null, basis: 'none' as const, source: '', explanation, notes });
  if (decision.kind === 'not-billable' || decision.code === null) return none('No drug line is billed, so nothing is paid for the drug.');
  if (!decision.isSeparatelyPayable) return none(`${decision.code} is packaged under hospital outpatient rules: it is reported but not paid separately.`);
  if (dateOfService === undefined) return none('Enter the date of service to estimate the payment: payment limits change every quarter.');
  const notes: string[] = [];
  const tryLimit = (limit: PaymentLimit | null | undefined, missingFile: string, notListed: string, price: (l: PricedLimit) => FromLimit) => {
    if (limit === undefined) { notes.push(missingFile); return undefined; }
    if (limit === null || !isPriced(limit)) { notes.push(notListed); return undefined; }
    const r = price(limit);
    if ('reason' in r) { notes.push(r.reason); return undefined; }
    return { amount: r.amount, source: limit.source, explanation: r.explanation };
  };

  if (decision.kind === 'unclassified') {
    const names = [drug.genericName, drug.brandName].filter((n): n is string => !isBlank(n));
    if (names.length === 2) names.push(`${names[0]} (${names[1]})`);
    const ndc = parseNdc(drug.ndc?.input);
    const dose = readAmount(drug.administration?.dose), waste = readAmount(drug.waste?.amount);
    const discarded = lines.some((l) => l.kind === 'discarded') && waste.ok ? waste.amount : undefined;
    const noc = tryLimit(
      reference.nocPaymentLimit({ ...(ndc.ok ? { ndc11: ndc.ndc.ndc11 } : {}), names }, dateOfService),
      'No CMS NOC payment-limit file covers the date of service: import the one for its quarter.',
      'CMS did not price this drug in the NOC payment-limit file for the date of service.',
      (limit) => fromNocLimit(limit, dose.ok ? dose.amount : undefined, discarded),
    );
    if (noc !== undefined) return { basis: 'noc-payment-limit', notes, ...noc };
  } else {
    const asp = tryLimit(
      reference.aspPaymentLimit(decision.code, dateOfService),
      'No CMS ASP payment-limit file covers the date of service: import the one for its quarter.',
      `${decision.code} has no payment limit in the CMS ASP payment-limit file for the date of service.`,
      (limit) => fromSpecificLines(limit, lines),
    );
    const billAs = decision.isChosenByBiller === true ? [] : [`What ${decision.code} pays: bill the drug under ${decision.code}, not an unclassified code.`];
    if (asp !== undefined) return { basis: 'asp-payment-limit', notes: [...billAs, ...notes], ...asp };
  }
  if (decision.code === 'C9399') {
    notes.push('The contractor prices C9399 at 95% of the average wholesale price (AWP). AWP is a commercial price list that no CMS or FDA file carries, so the wizard cannot compute it.');
  }
  const invoice = fromInvoice(drug);
  if (invoice !== undefined) return { ...invoice, notes: [...notes, ...invoice.notes] };
  return none('No published price and no invoice net cost: the contractor prices the drug from its own sources. Enter the invoice to see an estimate.', notes);
}

/** "$70,499.00 (Invoice from McKesson dated 03/01/2023)", or "None": the estimate as every view prints it. */
export function paymentText(estimate: PaymentEstimate): string {
  return estimate.amount === null ? 'None' : `${formatMoney(estimate.amount)} (${estimate.source})`;
}

/** A drug as evaluated: its code decision and its claim lines. */
export interface EvaluatedDrug {
  readonly index: number;
  readonly decision: CodeDecision;
  readonly lines: readonly ClaimLine[];
}

/** The estimate of one evaluated drug; `dateOfService` only when it is a valid date. */
export function estimatePayment(drug: Drug, evaluated: EvaluatedDrug, dateOfService: IsoDate | undefined, reference: ReferenceData): PaymentEstimate {
  return { drugIndex: evaluated.index, ...estimateDrug(drug, evaluated, dateOfService, reference) };
}
