/**
 * The claim lines of one drug: the administered line and, when a billable amount was discarded
 * from a single-dose container, the JW line (billing-rules §3, §4, §8-10), for an unclassified code
 * or the drug's own code. Each line carries its HCPCS units (per payer profile or the code's billing
 * unit), its NDC unit qualifier and quantity, and its description (unclassified codes only). The
 * boxes of the claim form are laid out from the lines of every drug at once (`layOutClaim`).
 */
import type { Plain } from './brands';
import type { Ndc11 } from './ndc';
import type Fraction from 'fraction.js';
import type { DrugAmounts } from './amounts';
import { convertWith, drugAmountOf } from './amounts';
import type { DrugContext } from './context';
import { filled, isBlank } from './context';
import { isMedicare } from './payers';
import { shortUsDate } from './dates';
import type { ClaimForm, CodeDecision } from './code-decision';
import type { UnitCounter, Units, UnitsProblem } from './hcpcs-units';
import type { Fitted } from './narrative';
import { checkPaperNdcQuantity, countText, unitsFit } from './limits';
import { claimText, institutionalRemarks, professionalNarrative } from './narrative';
import type { NdcUnitQualifier } from './packet/schema';
import type { Amount } from './quantity';
import { amountForPeople, amountText, convert, decimalText, MAX_NDC_QUANTITY, NDC_QUALIFIER_UNIT, needsRounding, unitKind } from './quantity';
import type { Finding } from './rules';
import { finding } from './rules';
import type { WastePlan } from './waste';

export interface LineNdc {
  readonly qualifier: 'N4';
  readonly ndc11: Ndc11;
  readonly unit: NdcUnitQualifier;
  /** Quantity in the NDC unit, 3 decimals at most; `null` until it can be computed. */
  readonly quantity: string | null;
}

export interface ClaimLine {
  readonly drugIndex: number;
  readonly kind: 'administered' | 'discarded';
  /** The code is an unclassified (NOC) code, with a description, or the drug's own code, without one. */
  readonly codeKind: 'unclassified' | 'specific';
  readonly code: string;
  readonly modifiers: readonly string[];
  /** HCPCS units (24G, SV104, FL46); `null` until they can be computed. */
  readonly units: Plain<number> | null;
  readonly ndc: LineNdc | null;
  /** SV101-7 / Item 19 description, or FL80 remarks for UB-04; `null` until it can be written, and always for a specific code. */
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

/** An amount in the NDC unit, exactly, with how it was worked out ("100 mg × 6 mL ÷ 150 mg"). */
function ndcQuantity(x: Amount, unit: NdcUnitQualifier, a: DrugAmounts): { value: Fraction; how: string } | QuantityProblem {
  const given = amountForPeople(x);
  if (unit === 'UN') {
    if (unitKind(x.unit) === 'count') return { value: x.value, how: given };
    const per = a.perContainer ?? a.volume;
    if (per === undefined) return 'needs-container';
    const same = convertWith(a, x, per.unit);
    return same === undefined ? 'incompatible' : { value: same.value.div(per.value), how: `${given} ÷ ${amountForPeople(per)} per container` };
  }
  const target = NDC_QUALIFIER_UNIT[unit];
  const direct = convert(x, target);
  if (direct !== undefined) return { value: direct.value, how: given };
  const viaStrength = convertWith(a, x, target);
  if (viaStrength !== undefined) {
    const { amount, volume, isFromLabel } = a.strength!;
    return { value: viaStrength.value, how: `${given} × ${amountForPeople(volume)} ÷ ${amountForPeople(amount)}${isFromLabel ? ' (strength on the label)' : ' per container'}` };
  }
  if (unit !== 'ML') return 'incompatible';
  if (a.perContainer === undefined) return 'needs-container';
  return a.volume === undefined ? 'needs-volume' : 'incompatible';
}

/** The findings added through `pushOnce` to each list of findings, as `rule@path` (its rules are raised nowhere else). */
const addedOnce = new WeakMap<readonly Finding[], Set<string>>();

/** Adds a finding unless the same rule already points at the same field (in constant time: a claim may have thousands). */
function pushOnce(ctx: DrugContext, f: Finding): void {
  let added = addedOnce.get(ctx.findings);
  if (added === undefined) addedOnce.set(ctx.findings, (added = new Set()));
  const key = `${f.rule}@${f.path}`;
  if (added.has(key)) return;
  added.add(key);
  ctx.findings.push(f);
}

function unitsOrReport(ctx: DrugContext, result: Units | UnitsProblem | null): Units | null {
  if (result === null || 'units' in result) return result;
  pushOnce(ctx, finding(result.isOutsideRange === true ? 'unitsDoseOutsideRange' : 'unitsNotComputable', result.path, { why: result.why }));
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

/**
 * Builds the lines of one drug, for an unclassified code or a product-specific one alike (a specific
 * code's line carries no description). `billerModifiers` are the biller's modifiers that passed the
 * checks; `counter` gives each line's HCPCS units.
 */
export function buildLines(ctx: DrugContext, decision: CodeDecision, a: DrugAmounts, waste: WastePlan, billerModifiers: readonly string[], counter: UnitCounter): ClaimLine[] {
  if (decision.kind === 'not-billable' || decision.code === null) return [];
  const code = decision.code;
  const codeKind = decision.kind;
  const dosePath = `${ctx.base}.administration.dose`;
  const drafts: LineDraft[] = [{ kind: 'administered', amount: a.dose, amountPath: dosePath, modifiers: waste.jz ? ['JZ', ...billerModifiers] : billerModifiers }];
  if (waste.jw && waste.discarded !== undefined) {
    drafts.push({ kind: 'discarded', amount: waste.discarded, amountPath: `${ctx.base}.waste.amount`, modifiers: ['JW', ...billerModifiers] });
  }
  const unit = ndcUnit(ctx, a);
  const shortened = new Set<string>();
  const lines = drafts.map((draft) => {
    const quantity = draft.amount === undefined ? undefined : lineQuantity(ctx, draft.amount, draft.amountPath, unit, a, decision.form);
    const ndc: LineNdc | null = ctx.ndc === undefined ? null : { qualifier: 'N4', ndc11: ctx.ndc.ndc11, unit, quantity: quantity?.text ?? null };
    const computed = draft.kind === 'administered'
      ? administeredUnits(ctx, draft.amount, counter)
      : unitsOrReport(ctx, counter.discarded(draft.amount!));
    const worked = computed !== null && unitsFit(ctx, decision.form, computed) ? computed : null;
    const units = worked?.units ?? null;
    const explanation = {
      ndc: quantity === undefined ? null : `${unit} ${quantity.text} = ${quantity.how}`,
      units: worked === null ? null : `${worked.units} = ${worked.how}`,
    };
    let narrative: string | null = null;
    if (codeKind === 'specific') {
      if (draft.kind === 'administered' && !isBlank(ctx.drug.narrativeOverride)) ctx.findings.push(finding('narrativeOnSpecificCode', `${ctx.base}.narrativeOverride`, { code }));
    } else {
      const fitted = narrativeFor(ctx, decision, draft, ndc, waste, a);
      fitted.shortened.forEach((s) => shortened.add(s));
      narrative = draft.kind === 'administered' ? typedNarrative(ctx, fitted) : fitted.text;
    }
    return { drugIndex: ctx.index, kind: draft.kind, codeKind, code, modifiers: draft.modifiers, units, ndc, narrative, form: decision.form, explanation };
  });
  if (shortened.size > 0 && isBlank(ctx.drug.narrativeOverride)) {
    ctx.findings.push(finding('narrativeShortened', `${ctx.base}.genericName`, { dropped: [...shortened].join(', ') }));
  }
  return lines;
}

/** The NDC quantity text of a line (dose or discarded amount) and how it was worked out, raising the findings about it at that amount. */
function lineQuantity(ctx: DrugContext, x: Amount, amountPath: string, unit: NdcUnitQualifier, a: DrugAmounts, form: ClaimForm): { text: string; how: string } | undefined {
  const worked = ndcQuantity(x, unit, a);
  const b = ctx.base;
  if (typeof worked === 'string') {
    if (worked === 'needs-volume') pushOnce(ctx, finding('containerVolumeNeeded', `${b}.container.volume.value`));
    else if (worked === 'needs-container') pushOnce(ctx, finding('containerAmountMissing', `${b}.container.amount.value`));
    else {
      const orVolume = a.volume === undefined && a.strength === undefined ? ", or enter the container's volume" : '';
      pushOnce(ctx, finding('unitsIncompatible', `${amountPath}.unit`, { dose: x.unit, container: a.perContainer?.unit ?? NDC_QUALIFIER_UNIT[unit], orVolume }));
    }
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
  checkPaperNdcQuantity(ctx, form, printed, `${amountPath}.value`);
  if (needsRounding(q)) ctx.findings.push(finding('ndcQuantityRounded', `${amountPath}.value`, { exact: decimalText(q, 6), printed }));
  return { text: printed, how: needsRounding(q) ? `${worked.how} (${decimalText(q, 6)}, rounded to 3 decimals)` : worked.how };
}

/**
 * Units of the administered line: computed per profile or billing unit, or the biller's override
 * after checking it. Units the wizard cannot count (a billing unit it cannot read) are the typed ones.
 */
function administeredUnits(ctx: DrugContext, dose: Amount | undefined, counter: UnitCounter): Units | null {
  const result = counter.administered(dose);
  const typed = ctx.drug.hcpcsUnitsOverride?.trim() ?? '';
  const path = `${ctx.base}.hcpcsUnitsOverride`;
  const isTypedValid = /^\d{1,6}$/.test(typed) && Number(typed) >= 1;
  if (typed !== '' && !isTypedValid) ctx.findings.push(finding('unitsOverrideInvalid', path));
  if (isTypedValid && result !== null && !('units' in result) && result.path === path) return { units: Number(typed), how: 'typed as the payer counts them', path };
  const worked = unitsOrReport(ctx, result);
  const computed = worked?.units ?? null;
  if (!isTypedValid) return worked;
  const units = Number(typed);
  if (units === computed) return worked;
  if (isMedicare(ctx.profile) && computed === 1) ctx.findings.push(finding('unitsMustBeOne', path, { units: typed }));
  else ctx.findings.push(finding('unitsOverrideDiffers', path, { units: typed, computed: computed === null ? 'none yet' : countText(computed) }));
  return { units, how: 'typed as the payer asked', path };
}

/** The description of an unclassified line; a dose given by volume is told as the amount it holds (112MG, not 5.6ML). */
function narrativeFor(ctx: DrugContext, decision: CodeDecision, draft: LineDraft, ndc: LineNdc | null, waste: WastePlan, a: DrugAmounts): Fitted {
  const d = ctx.drug;
  const hasName = !isBlank(d.brandName) || !isBlank(d.genericName) || (d.compoundIngredients ?? []).length > 0;
  if (draft.amount === undefined || !hasName || decimalText(draft.amount.value) === '0') return { text: null, shortened: [] };
  const isCompound = (d.compoundIngredients ?? []).length > 0;
  const base = {
    brand: d.brandName?.trim() ?? '',
    generic: d.genericName?.trim() ?? '',
    ingredients: d.compoundIngredients === undefined ? [] : d.compoundIngredients.flatMap((i) => {
      const amount = i.amount?.value?.trim() ?? '';
      const name = filled(i.name);
      return name === undefined || amount === '' ? [] : [{ name, amount: `${amount}${(i.amount?.unit ?? '').toUpperCase()}` }];
    }),
    amount: isCompound ? draft.amount : drugAmountOf(a, draft.amount),
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
      wasteText: draft.kind === 'administered' && waste.inRemarks && waste.discarded !== undefined ? `WASTE ${amountText(isCompound ? waste.discarded : drugAmountOf(a, waste.discarded))}` : '',
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
