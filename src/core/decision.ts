/**
 * Which code a drug is billed under (billing-rules §1, applied in order, first match wins), with
 * the reasons a biller can read, and the checks on a code the biller chose instead.
 */
import type { DrugContext } from './context';
import { isBlank } from './context';
import { isMedicare } from './payers';
import { dayNumber, usDate } from './dates';
import type { SpecificCode } from './reference';
import { CODE_DAYS, DME_CODES, HCPCS_SHAPE, ORAL_CODES, unclassifiedCode } from './codes';
import { finding } from './rules';
import { billingUnitsOf, convert, decimalText, parseBillingUnit, readAmount } from './quantity';

export type ClaimForm = 'CMS-1500' | 'UB-04';

export interface CodeDecision {
  /** The code to bill; `null` when the drug must not be billed under an unclassified code. */
  readonly code: string | null;
  readonly descriptor: string;
  /** unclassified: a NOC line is built; specific: the drug has its own code; not-billable: no drug line. */
  readonly kind: 'unclassified' | 'specific' | 'not-billable';
  /** Why, step by step, in the order the rules were applied. */
  readonly reasons: readonly string[];
  readonly form: ClaimForm;
  /** False for drugs packaged under hospital outpatient rules (reported, not paid separately). */
  readonly isSeparatelyPayable: boolean;
  /** The code the rules chose, when the biller overrode it. */
  readonly ruleCode?: string | null;
  /** The product-specific codes found for the NDC, when there are any. */
  readonly specificCodes?: readonly SpecificCode[];
  /** False when no crosswalk could be asked (not loaded for the date, or no valid NDC and date). */
  readonly isVerified?: boolean;
}

const OPPS_NEW_DRUG_FROM = dayNumber('2004-01-01')!;
/** FDA dosage forms of metered-dose inhalers: "AEROSOL, METERED", "INHALANT, METERED", "SPRAY, METERED". */
const METERED_DOSE = /metered|inhaler/i;
const Q9977_FROM = dayNumber('2015-07-01')!;
const J7999_FROM = dayNumber('2016-01-01')!;

/** The unclassified code for a drug that is neither oral, DME, nor a special group (rows 13-15). */
function injectableCode(ctx: DrugContext, reasons: string[]): string {
  const d = ctx.drug;
  const isBiologic = d.isBiologic === true || d.isBiosimilar === true || d.marketingCategory === 'BLA';
  if (d.isAntineoplastic === true) {
    if (isBiologic && ctx.profile !== undefined) {
      const code = ctx.profile.antineoplasticBiologicCode;
      reasons.push(`An anticancer biologic: this payer bills it as ${code}.`);
      ctx.findings.push(finding('antineoplasticBiologic', `${ctx.base}.isAntineoplastic`, { code, other: code === 'J9999' ? 'J3590' : 'J9999' }));
      return code;
    }
    reasons.push('An anticancer (antineoplastic) drug given by a non-oral route: J9999.');
    return 'J9999';
  }
  if (isBiologic) {
    reasons.push(`A biologic${d.isBiosimilar === true ? ' (biosimilar)' : ''} licensed under a BLA, not anticancer: J3590.`);
    return 'J3590';
  }
  reasons.push('Any other drug given by a non-oral route: J3490.');
  return 'J3490';
}

function specialGroupCode(ctx: DrugContext, reasons: string[]): string | undefined {
  const d = ctx.drug;
  switch (d.therapeuticClass) {
    case 'diagnostic-radiopharmaceutical': reasons.push('A diagnostic radiopharmaceutical: A4641.'); return 'A4641';
    case 'therapeutic-radiopharmaceutical': reasons.push('A therapeutic radiopharmaceutical: A9699.'); return 'A9699';
    case 'contrast-agent': reasons.push('A non-radioactive contrast agent: A9698, per study.'); return 'A9698';
    case 'immune-globulin-iv': reasons.push('An intravenous immune globulin: J1599, billed per 500 mg.'); return 'J1599';
    case 'clotting-factor': reasons.push('A hemophilia clotting factor: J7199.'); return 'J7199';
    case 'immunosuppressive': reasons.push('An immunosuppressive drug: J7599.'); return 'J7599';
    default: return undefined;
  }
}

/**
 * The product-specific code to bill: the one the biller chose when the NDC has several (ESRD or
 * not, vaccine or chemotherapy), else the first listed, with whether a choice is still needed.
 */
function applicableSpecificCode(ctx: DrugContext, codes: readonly SpecificCode[]): { code: SpecificCode; isChoiceNeeded: boolean } {
  const choice = ctx.drug.specificCodeChoice?.trim().toUpperCase();
  const chosen = codes.find((c) => c.code === choice);
  return { code: chosen ?? codes[0]!, isChoiceNeeded: codes.length > 1 && chosen === undefined };
}

/** The rules' own choice, before any override. */
function decideByRules(ctx: DrugContext): CodeDecision {
  const d = ctx.drug;
  const reasons: string[] = [];
  const setting = ctx.packet.careSetting;
  const form: ClaimForm = setting === 'hospital-outpatient' ? 'UB-04' : 'CMS-1500';
  const dos = ctx.dateOfService;
  const when = ctx.serviceDay === undefined ? 'the date of service' : usDate(ctx.serviceDay);

  // Row 1: a product-specific code exists on the date of service.
  const specific = ctx.ndc !== undefined && dos !== undefined ? ctx.reference.specificCodes(ctx.ndc.ndc11, dos) : undefined;
  const isVerified = specific !== undefined;
  const result = (code: string | null, kind: CodeDecision['kind'], isSeparatelyPayable = kind === 'unclassified'): CodeDecision => ({
    code, kind, reasons, form, isSeparatelyPayable, isVerified, descriptor: code === null ? '' : unclassifiedCode(code)?.descriptor ?? '',
  });
  if (specific !== undefined && specific.length > 0) {
    const { code, isChoiceNeeded } = applicableSpecificCode(ctx, specific);
    reasons.push(`NDC ${ctx.ndc!.hyphenated} has its own code on ${when}: ${specific.map((s) => s.code).join(' or ')} (${code.source}).`);
    if (specific.length > 1) {
      reasons.push(isChoiceNeeded
        ? `Which of them fits the patient is not chosen yet (on the drug step); ${code.code} is shown meanwhile.`
        : `The biller chose ${code.code} as the code that fits the patient.`);
    }
    return { code: code.code, kind: 'specific', reasons, form, isSeparatelyPayable: true, isVerified, descriptor: code.descriptor, specificCodes: specific };
  }
  reasons.push(specific === undefined
    ? 'Not checked against the CMS crosswalk (not loaded for this date): no product-specific code is known to the wizard.'
    : `No product-specific code for NDC ${ctx.ndc!.hyphenated} on ${when} in the CMS crosswalk.`);

  // Row 2: investigational, or supplied free by a sponsor.
  if (d.isSuppliedFreeBySponsor === true) {
    reasons.push('Supplied free by the trial sponsor: the drug is not billed.');
    return result(null, 'not-billable');
  }
  if (d.marketingCategory === 'investigational') {
    if (isMedicare(ctx.profile)) {
      reasons.push('Investigational (not FDA-approved): not billable to Medicare.');
      return result(null, 'not-billable');
    }
    reasons.push('Investigational (not FDA-approved): billed only if the plan covers it.');
  }

  // Row 3: compounded.
  if (d.marketingCategory === 'compounded' && ctx.profile !== undefined) {
    const day = ctx.serviceDay;
    if (ctx.profile.compoundCode === 'J7999' && day !== undefined && day < J7999_FROM) {
      if (day >= Q9977_FROM) {
        reasons.push('A compounded drug given between July 1 and December 31, 2015: Q9977.');
        return result('Q9977', 'unclassified');
      }
      reasons.push('A compounded drug given before July 1, 2015, when no compound code existed: J3490.');
      return result('J3490', 'unclassified');
    }
    reasons.push(`A compounded drug (not a commercially available product): ${ctx.profile.compoundCode} for this payer.`);
    return result(ctx.profile.compoundCode, 'unclassified');
  }

  // Row 4: commercial products only mixed.
  if (d.isMixtureOfCommercialProducts === true) {
    reasons.push('Commercial products only mixed together: each product is billed under its own code.');
    return result(null, 'not-billable');
  }
  reasons.push('FDA-approved, not compounded, not a mixture of products.');

  // Rows 5-6: hospital outpatient (OPPS) new drug or packaged old drug.
  const isOral = d.route === 'oral';
  const isDiagnosticAgent = d.therapeuticClass === 'diagnostic-radiopharmaceutical' || d.therapeuticClass === 'contrast-agent';
  if ((setting === 'hospital-outpatient' || setting === 'asc') && ctx.profile?.usesC9399 === true && isDiagnosticAgent) {
    reasons.push('Hospital outpatient (OPPS): diagnostic agents are never C9399; their unclassified code is packaged.');
    return result(specialGroupCode(ctx, reasons)!, 'unclassified', false);
  }
  if ((setting === 'hospital-outpatient' || setting === 'asc') && ctx.profile?.usesC9399 === true && !isOral) {
    const approval = dayNumber(d.fdaApprovalDate);
    if (approval === undefined || approval >= OPPS_NEW_DRUG_FROM) {
      reasons.push(approval === undefined
        ? 'Hospital outpatient (OPPS): C9399 if the drug was FDA-approved on or after January 1, 2004 (approval date still needed).'
        : 'Hospital outpatient (OPPS), FDA-approved on or after January 1, 2004, no product-specific code: C9399, 1 unit, priced at 95% of AWP.');
      return result('C9399', 'unclassified');
    }
    reasons.push('Hospital outpatient (OPPS), but FDA-approved before 2004: not a new drug, so it is packaged under the unclassified code.');
    const code = specialGroupCode(ctx, reasons) ?? injectableCode(ctx, reasons);
    return result(code, 'unclassified', false);
  }

  // Row 7: radiopharmaceuticals and contrast.
  if (d.therapeuticClass === 'diagnostic-radiopharmaceutical' || d.therapeuticClass === 'therapeutic-radiopharmaceutical' || d.therapeuticClass === 'contrast-agent') {
    return result(specialGroupCode(ctx, reasons)!, 'unclassified');
  }

  // Row 8: oral drugs.
  if (isOral) {
    if (d.isAntineoplastic === true) {
      reasons.push('An oral anticancer drug: J8999 (never J3490 or J3590).');
      return result('J8999', 'unclassified');
    }
    if (d.therapeuticClass === 'antiemetic') {
      reasons.push('An oral antiemetic: J8597.');
      return result('J8597', 'unclassified');
    }
    reasons.push('An oral drug that is neither anticancer nor antiemetic: J8499 (never J3490 or J3590).');
    return result('J8499', 'unclassified');
  }

  // Row 9: drugs given through DME.
  if (setting === 'dme-supplier') {
    if (d.route === 'inhalation') {
      reasons.push('An inhalation solution given through DME (nebulizer): J7699, billed to the DME MAC.');
      return result('J7699', 'unclassified');
    }
    reasons.push('A drug given through DME (for example an infusion pump): J7799, billed to the DME MAC.');
    return result('J7799', 'unclassified');
  }

  // Rows 10-11: metered-dose inhalers, rectal antiemetics and the groups with their own unclassified codes.
  if (d.route === 'inhalation' && METERED_DOSE.test(d.dosageForm ?? '')) {
    reasons.push('A drug given through a metered-dose inhaler: J3535.');
    return result('J3535', 'unclassified');
  }
  if (d.therapeuticClass === 'antiemetic' && d.route === 'rectal') {
    reasons.push('A rectal antiemetic: J8498.');
    return result('J8498', 'unclassified');
  }
  const group = specialGroupCode(ctx, reasons);
  if (group !== undefined) return result(group, 'unclassified');

  // Rows 13-15.
  return result(injectableCode(ctx, reasons), 'unclassified');
}

/** Checks a code against its effective dates, in the built-in table and in the loaded HCPCS file. */
function checkEffective(ctx: DrugContext, code: string, path: string): void {
  const day = ctx.serviceDay;
  if (day === undefined) return;
  const known = CODE_DAYS.get(code);
  if (known !== undefined) {
    const { from, through } = known;
    if (day < from) ctx.findings.push(finding('codeNotEffective', path, { code, when: `it starts on ${usDate(from)}` }));
    else if (through !== undefined && day > through) ctx.findings.push(finding('codeNotEffective', path, { code, when: `it ended on ${usDate(through)}` }));
    if (day < from || (through !== undefined && day > through)) return;
  }
  const validity = ctx.reference.codeValidity(code, ctx.dateOfService!);
  if (validity?.status === 'not-yet-effective') ctx.findings.push(finding('codeNotEffective', path, { code, when: `it starts on ${validity.effective}` }));
  if (validity?.status === 'terminated') ctx.findings.push(finding('codeNotEffective', path, { code, when: `it ended on ${validity.terminated}` }));
}

/** Applies the biller's code override, when there is one, after checking it. */
function applyOverride(ctx: DrugContext, byRules: CodeDecision): CodeDecision {
  const override = ctx.drug.codeOverride;
  const code = override?.code?.trim().toUpperCase() ?? '';
  if (code === '' || code === byRules.code) return byRules;
  const path = `${ctx.base}.codeOverride.code`;
  const before = ctx.findings.length;
  if (!HCPCS_SHAPE.test(code)) {
    ctx.findings.push(finding('overrideInvalid', path, { code }));
    return byRules;
  }
  if (isBlank(override?.reason)) ctx.findings.push(finding('overrideReasonMissing', `${ctx.base}.codeOverride.reason`));
  if (byRules.kind === 'not-billable') {
    ctx.findings.push(finding('overrideNotNeeded', path, { code }));
    return byRules;
  }
  if (byRules.kind === 'specific') return byRules;
  const decided = byRules.code!;
  const isDecidedRouteCode = ORAL_CODES.has(decided) || DME_CODES.has(decided);
  if (isDecidedRouteCode && !ORAL_CODES.has(code) && !DME_CODES.has(code)) {
    ctx.findings.push(finding('overrideWrongRoute', path, { code, decided }));
  } else if (!isDecidedRouteCode && (ORAL_CODES.has(code) || DME_CODES.has(code))) {
    ctx.findings.push(finding('overrideWrongRoute', path, { code, decided }));
  }
  if (code.startsWith('C') && byRules.form === 'CMS-1500' && ctx.packet.careSetting !== 'asc') {
    ctx.findings.push(finding('overrideCCodeProfessional', path, { code }));
  }
  if (ctx.drug.marketingCategory === 'compounded' && isMedicare(ctx.profile) && (code === 'J3490' || code === 'J3590')) {
    ctx.findings.push(finding('overrideCompound', path, { code }));
  }
  checkEffective(ctx, code, path);
  if (ctx.findings.length === before) ctx.findings.push(finding('overrideDiffers', path, { code, decided }));
  // Under OPPS only C9399 is paid separately; another unclassified code there is packaged.
  const isPackaged = decided === 'C9399' && unclassifiedCode(code) !== undefined;
  if (isPackaged) ctx.findings.push(finding('oppsPackaged', path, { code }));
  return {
    ...byRules,
    isSeparatelyPayable: byRules.isSeparatelyPayable && !isPackaged,
    code,
    ruleCode: decided,
    descriptor: unclassifiedCode(code)?.descriptor ?? '',
    reasons: [...byRules.reasons, `The biller chose ${code} instead of ${decided}: ${override?.reason?.trim() || 'no reason given'}.`],
  };
}

/** Decides the code for one drug and raises the findings that go with the decision. */
export function decideCode(ctx: DrugContext): CodeDecision {
  const byRules = decideByRules(ctx);
  const d = ctx.drug;
  if (byRules.kind === 'specific') {
    const codes = byRules.specificCodes!;
    const { code, isChoiceNeeded } = applicableSpecificCode(ctx, codes);
    const path = isChoiceNeeded ? `${ctx.base}.specificCodeChoice` : `${ctx.base}.ndc.input`;
    ctx.findings.push(finding('specificCodeExists', path, specificCodeParams(ctx, code, isChoiceNeeded ? codes : [])));
  } else if (byRules.kind === 'not-billable') {
    if (d.isSuppliedFreeBySponsor === true) ctx.findings.push(finding('suppliedFree', `${ctx.base}.isSuppliedFreeBySponsor`));
    else if (d.marketingCategory === 'investigational') ctx.findings.push(finding('investigationalMedicare', `${ctx.base}.marketingCategory`));
    else ctx.findings.push(finding('mixedProducts', `${ctx.base}.isMixtureOfCommercialProducts`));
  } else {
    if (d.marketingCategory === 'investigational') ctx.findings.push(finding('investigationalOther', `${ctx.base}.marketingCategory`));
    if (!byRules.isSeparatelyPayable) ctx.findings.push(finding('oppsPackaged', `${ctx.base}.fdaApprovalDate`, { code: byRules.code! }));
    if (byRules.code === 'C9399' && isBlank(d.fdaApprovalDate)) ctx.findings.push(finding('approvalDateNeeded', `${ctx.base}.fdaApprovalDate`));
    if (byRules.code === 'J8499' && ctx.profile?.coversSelfAdministered === false) {
      ctx.findings.push(finding('oralSelfAdministered', `${ctx.base}.route`));
    }
    if (ctx.ndc !== undefined && ctx.dateOfService !== undefined && byRules.isVerified === false) {
      ctx.findings.push(finding('noReference', `${ctx.base}.ndc.input`));
    }
  }
  const decision = applyOverride(ctx, byRules);
  if (decision.code !== null && decision.kind === 'unclassified' && decision.ruleCode === undefined) {
    checkEffective(ctx, decision.code, `${ctx.base}.codeOverride.code`);
  }
  return decision;
}

/**
 * The finding text for "this drug has its own code": the code, its unit, and how many to bill;
 * `toChooseFrom` lists every code while the biller has still to choose among several.
 */
function specificCodeParams(ctx: DrugContext, code: SpecificCode, toChooseFrom: readonly SpecificCode[]): { code: string; descriptor: string; units: string; others: string } {
  const others = toChooseFrom.length > 1
    ? ` This NDC also maps to ${toChooseFrom.filter((c) => c !== code).map((c) => `${c.code} (${c.descriptor})`).join(', ')}: choose the code that fits the patient on the drug step.`
    : '';
  const unit = code.billingUnit === undefined ? '' : `, billed per ${code.billingUnit.trim().toLowerCase()}`;
  return { code: code.code, descriptor: `${code.descriptor}${unit}`, units: specificUnitsText(ctx, code), others };
}

/** "× 270 units (2700 mg ÷ 10 mg, rounded up)" when the dose and the code's billing unit allow it. */
function specificUnitsText(ctx: DrugContext, code: SpecificCode): string {
  const per = parseBillingUnit(code.billingUnit);
  const dose = readAmount(ctx.drug.administration?.dose);
  const units = per === undefined || !dose.ok ? undefined : billingUnitsOf(dose.amount, per);
  if (per === undefined || !dose.ok || units === undefined) return 'with the units its billing unit gives';
  const inUnit = convert(dose.amount, per.unit)!;
  return `× ${units.toString()} units (${decimalText(inUnit.value)} ${per.unit} ÷ ${decimalText(per.value)} ${per.unit}, rounded up)`;
}
