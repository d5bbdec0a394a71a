/**
 * The claim lines of one drug: the administered line and, when something was discarded from a
 * single-dose container, the JW line (billing-rules §3, §4, §8-10). Each line carries its HCPCS
 * units per payer profile, its NDC unit qualifier and quantity, and its description. The boxes of
 * the claim form are laid out from the lines of every drug at once (`layOutClaim`).
 */
import type Fraction from 'fraction.js';
import type { DrugAmounts } from './amounts';
import type { DrugContext } from './context';
import { isBlank } from './context';
import { isMedicare } from './payers';
import { shortUsDate } from './dates';
import type { ClaimForm, CodeDecision } from './decision';
import { unclassifiedCode } from './codes';
import type { Fitted } from './narrative';
import { claimText, institutionalRemarks, professionalNarrative } from './narrative';
import type { NdcUnitQualifier } from './packet/schema';
import type { Amount } from './quantity';
import { amountForPeople, amountText, convert, decimalText, isZero, MAX_NDC_QUANTITY, NDC_QUALIFIER_UNIT, needsRounding, parseDecimal, unitKind } from './quantity';
import { finding } from './rules';
import type { WastePlan } from './waste';

export interface LineNdc {
  readonly qualifier: 'N4';
  readonly ndc11: string;
  readonly unit: NdcUnitQualifier;
  /** Quantity in the NDC unit, 3 decimals at most; `null` until it can be computed. */
  readonly quantity: string | null;
}

export interface ClaimLine {
  readonly drugIndex: number;
  readonly kind: 'administered' | 'discarded';
  readonly code: string;
  readonly modifiers: readonly string[];
  /** HCPCS units (24G, SV104, FL46); `null` until they can be computed. */
  readonly units: number | null;
  readonly ndc: LineNdc | null;
  /** SV101-7 / Item 19 description, or FL80 remarks for UB-04; `null` until it can be written. */
  readonly narrative: string | null;
  readonly form: ClaimForm;
  /** How the NDC quantity and the HCPCS units were worked out, in words; `null` until they are. */
  readonly explanation: { readonly ndc: string | null; readonly units: string | null };
}

const SEMISOLID = /cream|ointment|gel|paste|lotion/i;

/** The NDC unit of measure: the payer's override, then the profile's basis, then the NCPDP standard. */
function ndcUnit(ctx: DrugContext, a: DrugAmounts): NdcUnitQualifier {
  const override = ctx.drug.ndcUnitOverride;
  if (override !== undefined) {
    if (override === 'ME' && ctx.profile?.rejectsMilligramQualifier === true) ctx.findings.push(finding('ndcUnitMe', `${ctx.base}.ndcUnitOverride`));
    return override;
  }
  if (ctx.profile?.ndcQuantityBasis === 'containers') return 'UN';
  const isLiquid = a.volume !== undefined || (a.dose !== undefined && unitKind(a.dose.unit) === 'volume')
    || (a.perContainer !== undefined && unitKind(a.perContainer.unit) === 'volume');
  if (isLiquid) return 'ML';
  if (SEMISOLID.test(ctx.drug.dosageForm ?? '')) return 'GR';
  if (a.dose !== undefined && unitKind(a.dose.unit) === 'activity') return 'F2';
  return 'UN';
}

type QuantityProblem = 'needs-volume' | 'needs-container' | 'incompatible';

/** An amount expressed in the NDC unit, exactly. */
/** An amount in the NDC unit, exactly, with how it was worked out ("100 mg × 6 mL ÷ 150 mg"). */
function ndcQuantity(x: Amount, unit: NdcUnitQualifier, a: DrugAmounts): { value: Fraction; how: string } | QuantityProblem {
  const given = amountForPeople(x);
  if (unit === 'UN') {
    if (unitKind(x.unit) === 'count') return { value: x.value, how: given };
    if (a.perContainer === undefined) return 'needs-container';
    const same = convert(x, a.perContainer.unit);
    return same === undefined ? 'incompatible' : { value: same.value.div(a.perContainer.value), how: `${given} ÷ ${amountForPeople(a.perContainer)} per container` };
  }
  const direct = convert(x, NDC_QUALIFIER_UNIT[unit]);
  if (direct !== undefined) return { value: direct.value, how: given };
  if (unit !== 'ML') return 'incompatible';
  if (a.perContainer === undefined) return 'needs-container';
  const same = convert(x, a.perContainer.unit);
  if (same === undefined) return 'incompatible';
  const volume = a.volume === undefined ? undefined : convert(a.volume, 'mL');
  if (volume === undefined) return 'needs-volume';
  return { value: same.value.mul(volume.value).div(a.perContainer.value), how: `${given} × ${amountForPeople(a.volume!)} ÷ ${amountForPeople(a.perContainer)} per container` };
}

/** Why units cannot be computed: the message for the biller and the field to fix. */
interface UnitsProblem {
  readonly why: string;
  readonly path: string;
}

/**
 * HCPCS units for a line, per the code's own dose unit (J1599: 500 mg) or the payer's basis; a
 * problem when they cannot be computed; `null` while the amount itself is still missing.
 */
function hcpcsUnits(ctx: DrugContext, code: string, x: Amount | undefined, amountPath: string, isWaste: boolean, a: DrugAmounts): Units | UnitsProblem | null {
  const ownUnit = unclassifiedCode(code)?.billingUnit;
  const per = ownUnit ?? (ctx.profile?.nocUnits.basis === 'amount' ? ctx.profile.nocUnits.per : undefined);
  if (per !== undefined) {
    const perValue = parseDecimal(per.value);
    if (typeof perValue === 'string' || isZero(perValue)) {
      return { why: `the payer profile's billing unit ("${per.value} ${per.unit}") is not an amount. Correct the profile`, path: 'payer.profileId' };
    }
    if (x === undefined) return null;
    const inUnit = convert(x, per.unit);
    if (inUnit === undefined) {
      const who = ownUnit === undefined ? 'this payer bills' : `${code} is billed`;
      return { why: `${who} per ${per.value} ${per.unit}, so the amount must be in a unit of ${unitKind(per.unit)} (not ${x.unit})`, path: `${amountPath}.unit` };
    }
    const units = Math.max(1, Number(inUnit.value.div(perValue).ceil().n));
    return { units, how: `${amountForPeople(x)} ÷ ${per.value} ${per.unit} per unit, rounded up to a whole unit` };
  }
  if (ctx.profile?.nocUnits.basis === 'containers' && !isWaste) {
    return a.opened === undefined
      ? { why: 'this payer bills one unit per container: enter how many containers were opened', path: `${ctx.base}.container.opened` }
      : { units: a.opened, how: 'one unit per container opened' };
  }
  return { units: 1, how: 'an unclassified line is billed as 1 unit; the dose goes in the description' };
}

/** Units with how they were worked out. */
interface Units {
  readonly units: number;
  readonly how: string;
}

/** Adds a finding unless the same rule already points at the same field. */
function pushOnce(ctx: DrugContext, f: ReturnType<typeof finding>): void {
  if (!ctx.findings.some((g) => g.rule === f.rule && g.path === f.path)) ctx.findings.push(f);
}

function unitsOrReport(ctx: DrugContext, result: Units | UnitsProblem | null): Units | null {
  if (result === null || 'units' in result) return result;
  pushOnce(ctx, finding('unitsNotComputable', result.path, { why: result.why }));
  return null;
}

function ndcText(ctx: DrugContext): string {
  if (ctx.ndc === undefined) return '';
  switch (ctx.profile?.narrativeNdc ?? 'plain') {
    case 'plain': return ctx.ndc.ndc11;
    case 'dashed': return ctx.ndc.hyphenated;
    default: return '';
  }
}

interface LineDraft {
  readonly kind: ClaimLine['kind'];
  readonly amount: Amount | undefined;
  /** Where the line's amount is typed: the dose, or the amount discarded. */
  readonly amountPath: string;
  readonly modifiers: readonly string[];
}

/** Builds the lines of one drug. `billerModifiers` are the biller's modifiers that passed the checks. */
export function buildLines(ctx: DrugContext, decision: CodeDecision, a: DrugAmounts, waste: WastePlan, billerModifiers: readonly string[]): ClaimLine[] {
  if (decision.kind !== 'unclassified' || decision.code === null) return [];
  const code = decision.code;
  const dosePath = `${ctx.base}.administration.dose`;
  const drafts: LineDraft[] = [{ kind: 'administered', amount: a.dose, amountPath: dosePath, modifiers: waste.jz ? ['JZ', ...billerModifiers] : billerModifiers }];
  if (waste.applies && waste.discarded !== undefined && !waste.inRemarks) {
    drafts.push({ kind: 'discarded', amount: waste.discarded, amountPath: `${ctx.base}.waste.amount`, modifiers: ['JW', ...billerModifiers] });
  }
  const unit = ndcUnit(ctx, a);
  const shortened = new Set<string>();
  const lines = drafts.map((draft) => {
    const quantity = draft.amount === undefined ? undefined : lineQuantity(ctx, draft.amount, draft.amountPath, unit, a);
    const ndc: LineNdc | null = ctx.ndc === undefined ? null : { qualifier: 'N4', ndc11: ctx.ndc.ndc11, unit, quantity: quantity?.text ?? null };
    const worked = draft.kind === 'administered'
      ? administeredUnits(ctx, code, draft.amount, a)
      : unitsOrReport(ctx, hcpcsUnits(ctx, code, draft.amount, draft.amountPath, true, a));
    const units = worked?.units ?? null;
    const explanation = {
      ndc: quantity === undefined ? null : `${unit} ${quantity.text} = ${quantity.how}`,
      units: worked === null ? null : `${worked.units} = ${worked.how}`,
    };
    const fitted = narrativeFor(ctx, decision, draft, ndc, waste);
    fitted.shortened.forEach((s) => shortened.add(s));
    const narrative = draft.kind === 'administered' ? typedNarrative(ctx, fitted) : fitted.text;
    return { drugIndex: ctx.index, kind: draft.kind, code, modifiers: draft.modifiers, units, ndc, narrative, form: decision.form, explanation };
  });
  if (shortened.size > 0 && isBlank(ctx.drug.narrativeOverride)) {
    ctx.findings.push(finding('narrativeShortened', `${ctx.base}.genericName`, { dropped: [...shortened].join(', ') }));
  }
  return lines;
}

/** The NDC quantity text of a line (dose or discarded amount) and how it was worked out, raising the findings about it at that amount. */
function lineQuantity(ctx: DrugContext, x: Amount, amountPath: string, unit: NdcUnitQualifier, a: DrugAmounts): { text: string; how: string } | undefined {
  const worked = ndcQuantity(x, unit, a);
  const b = ctx.base;
  if (typeof worked === 'string') {
    if (worked === 'needs-volume') pushOnce(ctx, finding('containerVolumeNeeded', `${b}.container.volume.value`));
    else if (worked === 'needs-container') pushOnce(ctx, finding('containerAmountMissing', `${b}.container.amount.value`));
    else pushOnce(ctx, finding('unitsIncompatible', `${amountPath}.unit`, { dose: x.unit, container: a.perContainer?.unit ?? NDC_QUALIFIER_UNIT[unit] }));
    return undefined;
  }
  const q = worked.value;
  const printed = decimalText(q);
  if (q.gt(MAX_NDC_QUANTITY)) {
    ctx.findings.push(finding('ndcQuantityTooLarge', `${amountPath}.value`));
    return undefined;
  }
  if (printed === '0') {
    ctx.findings.push(finding('ndcQuantityZero', `${amountPath}.value`));
    return undefined;
  }
  if (needsRounding(q)) ctx.findings.push(finding('ndcQuantityRounded', `${amountPath}.value`, { exact: decimalText(q, 6), printed }));
  return { text: printed, how: needsRounding(q) ? `${worked.how} (${decimalText(q, 6)}, rounded to 3 decimals)` : worked.how };
}

/** Units of the administered line: computed per profile, or the biller's override after checking it. */
function administeredUnits(ctx: DrugContext, code: string, dose: Amount | undefined, a: DrugAmounts): Units | null {
  const worked = unitsOrReport(ctx, hcpcsUnits(ctx, code, dose, `${ctx.base}.administration.dose`, false, a));
  const computed = worked?.units ?? null;
  const typed = ctx.drug.hcpcsUnitsOverride?.trim() ?? '';
  if (typed === '') return worked;
  const path = `${ctx.base}.hcpcsUnitsOverride`;
  if (!/^\d{1,6}$/.test(typed) || Number(typed) < 1) {
    ctx.findings.push(finding('unitsOverrideInvalid', path));
    return worked;
  }
  const units = Number(typed);
  if (units === computed) return worked;
  if (isMedicare(ctx.profile) && computed === 1) ctx.findings.push(finding('unitsMustBeOne', path, { units: typed }));
  else ctx.findings.push(finding('unitsOverrideDiffers', path, { units: typed, computed: computed === null ? 'none yet' : String(computed) }));
  return { units, how: 'typed as the payer asked' };
}

function narrativeFor(ctx: DrugContext, decision: CodeDecision, draft: LineDraft, ndc: LineNdc | null, waste: WastePlan): Fitted {
  const d = ctx.drug;
  const hasName = !isBlank(d.brandName) || !isBlank(d.genericName) || (d.compoundIngredients ?? []).length > 0;
  if (draft.amount === undefined || !hasName || decimalText(draft.amount.value) === '0') return { text: null, shortened: [] };
  const base = {
    brand: d.brandName?.trim() ?? '',
    generic: d.genericName?.trim() ?? '',
    ingredients: d.compoundIngredients === undefined ? [] : d.compoundIngredients.flatMap((i) => {
      const amount = i.amount?.value?.trim() ?? '';
      return isBlank(i.name) || amount === '' ? [] : [{ name: i.name!.trim(), amount: `${amount}${(i.amount?.unit ?? '').toUpperCase()}` }];
    }),
    amount: draft.amount,
    route: d.route,
    ndcText: ndcText(ctx),
    isWaste: draft.kind === 'discarded',
    maxLength: ctx.profile?.narrativeMaxLength ?? 80,
  };
  const fitted = decision.form === 'UB-04'
    ? institutionalRemarks({
      ...base,
      date: ctx.serviceDay === undefined ? '' : shortUsDate(ctx.serviceDay),
      frequency: d.administration?.frequency ?? '',
      ndcQuantity: ndc?.quantity == null ? '' : `${ndc.quantity} ${ndc.unit}`,
      wasteText: draft.kind === 'administered' && waste.inRemarks && waste.discarded !== undefined ? `WASTE ${amountText(waste.discarded)}` : '',
    })
    : professionalNarrative(base);
  if (fitted.text === null) ctx.findings.push(finding('narrativeCannotFit', `${ctx.base}.brandName`, { max: base.maxLength }));
  return fitted;
}

const DOSE_IN_TEXT = /\d(?:\.\d+)?\s?(?:MG|MCG|G|GM|ML|L|UNITS?|IU|EA)\b/;
const CONCENTRATION = /(?<![A-Z])(?:MG|MCG|G|UNITS?|IU)\s?\/\s?(?:ML|L)\b/;

/** The typed text names the drug: the first word of its brand or generic name, or of an ingredient. */
function namesTheDrug(ctx: DrugContext, text: string): boolean {
  const d = ctx.drug;
  const names = [d.brandName, d.genericName, ...(d.compoundIngredients ?? []).map((i) => i.name)];
  return names.some((name) => {
    const word = claimText(name ?? '').split(' ')[0] ?? '';
    return word.length >= 3 && text.includes(word);
  });
}

/** The biller's typed description replaces the written one on the administered line, after checks. */
function typedNarrative(ctx: DrugContext, written: Fitted): string | null {
  const typed = ctx.drug.narrativeOverride ?? '';
  if (isBlank(typed)) return written.text;
  const path = `${ctx.base}.narrativeOverride`;
  const text = claimText(typed);
  if (text !== typed.trim().toUpperCase().replace(/\s+/g, ' ')) ctx.findings.push(finding('narrativeInvalidChars', path));
  const max = ctx.profile?.narrativeMaxLength ?? 80;
  if (text.length > max) ctx.findings.push(finding('narrativeTooLong', path, { length: text.length, max, suggestion: written.text ?? '' }));
  if (!namesTheDrug(ctx, text)) ctx.findings.push(finding('narrativeNoName', path));
  if (!DOSE_IN_TEXT.test(text)) ctx.findings.push(finding('narrativeNoDose', path));
  if (CONCENTRATION.test(text) && ctx.drug.marketingCategory !== 'compounded') ctx.findings.push(finding('narrativeConcentration', path));
  if (ctx.ndc !== undefined && (ctx.profile?.narrativeNdc ?? 'plain') !== 'none'
    && !text.replace(/-/g, '').includes(ctx.ndc.ndc11)) ctx.findings.push(finding('narrativeNoNdc', path));
  return text;
}
