/**
 * Which code a drug is billed under (billing-rules §1, applied in order, first match wins), with
 * the reasons a biller can read, and the checks on a code the biller chose instead: a chosen code
 * meets the same conditions as the rules' own choice (code-rules.ts).
 */
import { billingUnitText } from './billing-unit';
import { brokenConditions, isApprovedFrom2004, isCompounded, isDiagnosticAgent, isDmeSupplier, isOpps, isOral } from './code-rules';
import type { DrugContext } from './context';
import { isBlank } from './context';
import { isMedicare } from './payers';
import { isoDay, usDate } from './dates';
import { specificBillingUnit } from './hcpcs-units';
import type { ClaimLine } from './lines';
import type { ClaimForm, CodeDecision } from './code-decision';
import type { SpecificCode } from './reference';
import type { HcpcsCode, UnclassifiedCodeId } from './codes';
import { asHcpcsCode, CODE_DAYS, NOC, unclassifiedCode } from './codes';
import type { FindingAction } from './rules';
import { finding, withActions } from './rules';
import { checkNames, matchedCode } from './name-match';
import { checkOwnCode, ownCodeCheck, ownCodeReasons } from './own-code';

/** FDA dosage forms of metered-dose inhalers: "AEROSOL, METERED", "INHALANT, METERED", "SPRAY, METERED". */
const METERED_DOSE = /metered|inhaler/i;
const Q9977_FROM = isoDay('2015-07-01');
const J7999_FROM = isoDay('2016-01-01');

/** The unclassified code for a drug that is neither oral, DME, nor a special group (rows 13-15). */
function injectableCode(ctx: DrugContext, reasons: string[]): UnclassifiedCodeId {
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

function specialGroupCode(ctx: DrugContext, reasons: string[]): UnclassifiedCodeId | undefined {
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
 * not, vaccine or chemotherapy), else the first listed, with whether a choice is still needed and
 * whether the biller has chosen it.
 */
function applicableSpecificCode(ctx: DrugContext, codes: readonly SpecificCode[]): { code: SpecificCode; isChoiceNeeded: boolean; isChosen: boolean } {
  const choice = ctx.drug.specificCodeChoice?.trim().toUpperCase();
  const chosen = codes.find((c) => c.code === choice);
  return { code: chosen ?? codes[0]!, isChoiceNeeded: codes.length > 1 && chosen === undefined, isChosen: chosen !== undefined };
}

/**
 * The decision to bill a product-specific code: the claim becomes that code's claim, its lines
 * counted in the code's billing unit (from the crosswalk's "HCPCS dosage", or its descriptor). The
 * one entry point for every way a drug reaches a code of its own: the CMS crosswalk lists its NDC
 * under it, or the biller chose it (typed as the code to bill, or confirmed from its descriptor),
 * so the NDC need not be in any crosswalk.
 */
export function specificCodeDecision(ctx: DrugContext, code: SpecificCode, reasons: readonly string[], more: Partial<CodeDecision> = {}): CodeDecision {
  const form: ClaimForm = ctx.packet.careSetting === 'hospital-outpatient' ? 'UB-04' : 'CMS-1500';
  const unit = billingUnitText(specificBillingUnit(code));
  return {
    code: code.code, kind: 'specific', form, isSeparatelyPayable: true, descriptor: code.descriptor, specific: code,
    ...more,
    reasons: [...reasons, `${code.code} is billed ${unit}: its lines carry units of it, the NDC and its quantity, and no drug description.`],
  };
}

/** The rules' own choice, before any override. */
function decideByRules(ctx: DrugContext): CodeDecision {
  const d = ctx.drug;
  const reasons: string[] = [];
  const setting = ctx.packet.careSetting;
  const form: ClaimForm = setting === 'hospital-outpatient' ? 'UB-04' : 'CMS-1500';
  const dos = ctx.dateOfService, ndc = ctx.ndc;
  const when = ctx.serviceDay === undefined ? 'the date of service' : usDate(ctx.serviceDay);

  // Row 1: a product-specific code exists on the date of service: a crosswalk quarter lists the NDC
  // under it, or its HCPCS descriptor names the drug (own-code.ts).
  const crosswalk = ndc !== undefined && dos !== undefined ? ctx.reference.crosswalkCodes(ndc.ndc11, dos) : undefined;
  const isVerified = crosswalk?.dateQuarter.status === 'complete';
  const specific = crosswalk?.codes ?? [];
  // A crosswalk answers only for an NDC.
  if (specific.length > 0 && ndc !== undefined) {
    const { code, isChoiceNeeded, isChosen } = applicableSpecificCode(ctx, specific);
    reasons.push(`NDC ${ndc.hyphenated} has its own code on ${when}: ${specific.map((s) => s.code).join(' or ')} (${code.source}).`);
    if (isChosen) reasons.push(`The biller chose to bill ${code.code}${specific.length > 1 ? ', the code that fits the patient,' : ''} instead of an unclassified code.`);
    else if (isChoiceNeeded) reasons.push(`Which of them fits the patient is not chosen yet (on the drug step); ${code.code} is shown meanwhile.`);
    return specificCodeDecision(ctx, code, reasons, { specificCodes: specific, isVerified, isChosenByBiller: isChosen });
  }
  const ownCode = ownCodeCheck(ctx, crosswalk, checkNames(ctx));
  const names = ownCode.names;
  const confirmed = names?.matches.find((m) => m.code === ctx.drug.specificCodeChoice?.trim().toUpperCase());
  if (names !== undefined && confirmed !== undefined) {
    for (const reason of ownCodeReasons(ctx, { ...ownCode, names: { ...names, matches: [confirmed] } })) reasons.push(reason);
    reasons.push(`The biller confirmed that ${confirmed.code} is this drug's code and bills it instead of an unclassified code.`);
    return specificCodeDecision(ctx, matchedCode(confirmed, names.source), reasons, { isVerified, isChosenByBiller: true, ownCode });
  }
  for (const reason of ownCodeReasons(ctx, ownCode)) reasons.push(reason);
  const result = (id: UnclassifiedCodeId | null, kind: CodeDecision['kind'], isSeparatelyPayable = kind === 'unclassified'): CodeDecision => ({
    code: id === null ? null : NOC[id], kind, reasons, form, isSeparatelyPayable, isVerified, ownCode, descriptor: id === null ? '' : unclassifiedCode(id)?.descriptor ?? '',
  });

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
  if (isCompounded(ctx) && ctx.profile !== undefined) {
    const day = ctx.serviceDay;
    if (ctx.profile.compoundCode === 'J7999' && day !== undefined && day < J7999_FROM) {
      if (day >= Q9977_FROM) {
        reasons.push('A compounded drug given between July 1 and 12/31/2015: Q9977.');
        return result('Q9977', 'unclassified');
      }
      reasons.push('A compounded drug given before 07/01/2015, when no compound code existed: J3490.');
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
  if (isOpps(ctx) && isDiagnosticAgent(ctx)) {
    reasons.push('Hospital outpatient (OPPS): diagnostic agents are never C9399; their unclassified code is packaged.');
    return result(specialGroupCode(ctx, reasons)!, 'unclassified', false);
  }
  if (isOpps(ctx) && !isOral(ctx)) {
    const isNewDrug = isApprovedFrom2004(ctx);
    if (isNewDrug !== false) {
      reasons.push(isNewDrug === undefined
        ? 'Hospital outpatient (OPPS): C9399 if the drug was FDA-approved on or after 01/01/2004 (approval date still needed).'
        : 'Hospital outpatient (OPPS), FDA-approved on or after 01/01/2004, no product-specific code: C9399, 1 unit, priced at 95% of AWP.');
      return result('C9399', 'unclassified');
    }
    reasons.push('Hospital outpatient (OPPS), but FDA-approved before 2004: not a new drug, so it is packaged under the unclassified code.');
    const code = specialGroupCode(ctx, reasons) ?? injectableCode(ctx, reasons);
    return result(code, 'unclassified', false);
  }

  // Row 7: radiopharmaceuticals and contrast.
  if (isDiagnosticAgent(ctx) || d.therapeuticClass === 'therapeutic-radiopharmaceutical') {
    return result(specialGroupCode(ctx, reasons)!, 'unclassified');
  }

  // Row 8: oral drugs.
  if (isOral(ctx)) {
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
  if (isDmeSupplier(ctx)) {
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
function checkEffective(ctx: DrugContext, code: HcpcsCode, path: string): void {
  const day = ctx.serviceDay, date = ctx.dateOfService;
  if (day === undefined || date === undefined) return;
  const known = CODE_DAYS.get(code);
  if (known !== undefined) {
    const { from, through } = known;
    if (day < from) ctx.findings.push(finding('codeNotEffective', path, { code, when: `it starts on ${usDate(from)}` }));
    else if (through !== undefined && day > through) ctx.findings.push(finding('codeNotEffective', path, { code, when: `it ended on ${usDate(through)}` }));
    if (day < from || (through !== undefined && day > through)) return;
  }
  const validity = ctx.reference.codeValidity(code, date);
  if (validity?.status === 'not-yet-effective') ctx.findings.push(finding('codeNotEffective', path, { code, when: `it starts on ${validity.effective}` }));
  if (validity?.status === 'terminated') ctx.findings.push(finding('codeNotEffective', path, { code, when: `it ended on ${validity.terminated}` }));
}

/**
 * A product-specific code the biller typed as the code to bill: one of the NDC's codes in the
 * crosswalk, or a code known from the HCPCS file (its descriptor gives the billing unit).
 */
function chosenSpecificCode(ctx: DrugContext, code: HcpcsCode, byRules: CodeDecision): SpecificCode {
  const listed = byRules.specificCodes?.find((c) => c.code === code);
  if (listed !== undefined) return listed;
  const named = byRules.ownCode?.names?.matches.find((m) => m.code === code);
  if (named !== undefined) return matchedCode(named, byRules.ownCode!.names!.source);
  const validity = ctx.dateOfService === undefined ? undefined : ctx.reference.codeValidity(code, ctx.dateOfService);
  const descriptor = validity !== undefined && validity.status !== 'unknown-code' ? validity.descriptor : '';
  return { code, descriptor, source: descriptor === '' ? 'typed by the biller' : 'typed by the biller; descriptor from the CMS HCPCS file' };
}

/** Applies the biller's code override, when there is one, after checking it against the rules of §1 that apply to it. */
function applyOverride(ctx: DrugContext, byRules: CodeDecision): CodeDecision {
  const override = ctx.drug.codeOverride;
  const typed = override?.code?.trim().toUpperCase() ?? '';
  if (typed === '') return byRules;
  // Typing the drug's own code as the code to bill is choosing it.
  if (typed === byRules.code) return byRules.kind === 'specific' ? { ...byRules, isChosenByBiller: true } : byRules;
  const path = `${ctx.base}.codeOverride.code`;
  const before = ctx.findings.length;
  const code = asHcpcsCode(typed);
  if (code === undefined) {
    ctx.findings.push(finding('overrideInvalid', path, { code: typed }));
    return byRules;
  }
  if (isBlank(override?.reason)) ctx.findings.push(finding('overrideReasonMissing', `${ctx.base}.codeOverride.reason`));
  // Only a drug that is not billed has no code.
  if (byRules.kind === 'not-billable' || byRules.code === null) {
    ctx.findings.push(finding('overrideNotNeeded', path, { code }));
    return byRules;
  }
  const decided = byRules.code;
  const unclassified = unclassifiedCode(code);
  if (byRules.kind === 'specific' && unclassified !== undefined) {
    ctx.findings.push(finding('overrideSpecificExists', path, { code, specific: decided }));
    return byRules;
  }
  for (const broken of brokenConditions(ctx, code)) ctx.findings.push(finding(broken.broken, path, { code, decided }));
  checkEffective(ctx, code, path);
  const reason = `The biller chose ${code} instead of ${decided}: ${override?.reason?.trim() || 'no reason given'}.`;
  if (unclassified === undefined) {
    const specific = chosenSpecificCode(ctx, code, byRules);
    const isListed = byRules.specificCodes?.some((c) => c.code === code) === true || byRules.ownCode?.names?.matches.some((m) => m.code === code) === true;
    if (!isListed && byRules.isVerified === true) ctx.findings.push(finding('overrideNotInCrosswalk', path, { code }));
    if (ctx.findings.length === before && !isListed) ctx.findings.push(finding('overrideDiffers', path, { code, decided }));
    return specificCodeDecision(ctx, specific, [...byRules.reasons, reason], {
      specificCodes: byRules.specificCodes, isVerified: byRules.isVerified, ruleCode: decided, isChosenByBiller: true,
    });
  }
  if (ctx.findings.length === before) ctx.findings.push(finding('overrideDiffers', path, { code, decided }));
  // Under OPPS only C9399 is paid separately; another unclassified code there is packaged.
  const isPackaged = decided === 'C9399';
  if (isPackaged) ctx.findings.push(finding('oppsPackaged', path, { code }));
  return {
    ...byRules,
    isSeparatelyPayable: byRules.isSeparatelyPayable && !isPackaged,
    code,
    ruleCode: decided,
    descriptor: unclassified.descriptor,
    reasons: [...byRules.reasons, reason],
  };
}

/** Decides the code for one drug and raises the findings that go with the decision. */
export function decideCode(ctx: DrugContext): CodeDecision {
  const byRules = decideByRules(ctx);
  const d = ctx.drug;
  if (byRules.kind === 'not-billable') {
    if (d.isSuppliedFreeBySponsor === true) ctx.findings.push(finding('suppliedFree', `${ctx.base}.isSuppliedFreeBySponsor`));
    else if (d.marketingCategory === 'investigational') ctx.findings.push(finding('investigationalMedicare', `${ctx.base}.marketingCategory`));
    else ctx.findings.push(finding('mixedProducts', `${ctx.base}.isMixtureOfCommercialProducts`));
  } else if (byRules.kind === 'unclassified') {
    if (d.marketingCategory === 'investigational') ctx.findings.push(finding('investigationalOther', `${ctx.base}.marketingCategory`));
    if (!byRules.isSeparatelyPayable && byRules.code !== null) ctx.findings.push(finding('oppsPackaged', `${ctx.base}.fdaApprovalDate`, { code: byRules.code }));
    if (byRules.code === 'C9399' && isBlank(d.fdaApprovalDate)) ctx.findings.push(finding('approvalDateNeeded', `${ctx.base}.fdaApprovalDate`));
    if (byRules.code === 'J8499' && ctx.profile?.coversSelfAdministered === false) {
      ctx.findings.push(finding('oralSelfAdministered', `${ctx.base}.route`));
    }
  }
  const decision = applyOverride(ctx, byRules);
  if (decision.code !== null && decision.ruleCode === undefined) checkEffective(ctx, decision.code, `${ctx.base}.codeOverride.code`);
  checkOwnCode(ctx, decision);
  return decision;
}

/** "J2329 × 100, J2329 JW × 50": a drug's lines in a few words. */
function linesText(lines: readonly ClaimLine[]): string {
  return lines.map((l) => `${[l.code, ...l.modifiers].join(' ')} ${l.units === null ? '(units still to work out)' : `× ${l.units}`}`).join(', ');
}

/**
 * Until the biller chooses to bill the drug's own code, the claim is blocked for the unclassified
 * code it was started as (CARC 189): the finding names the code, its billing unit and the lines
 * built for it, and offers to bill it (one action per code when the NDC has several).
 */
export function checkSpecificCodeChosen(ctx: DrugContext, decision: CodeDecision, lines: readonly ClaimLine[]): void {
  if (decision.kind !== 'specific' || decision.isChosenByBiller === true || decision.specific === undefined) return;
  const codes = decision.specificCodes ?? [decision.specific];
  const isChoiceNeeded = codes.length > 1;
  const code = decision.specific;
  const others = isChoiceNeeded
    ? ` This NDC also maps to ${codes.filter((c) => c.code !== code.code).map((c) => `${c.code} (${c.descriptor})`).join(', ')}: choose the code that fits the patient.`
    : '';
  const actions: FindingAction[] = codes.map((c) => ({ kind: 'use-code', drugIndex: ctx.index, code: c.code, label: `Bill ${c.code} instead` }));
  ctx.findings.push(withActions(finding('specificCodeExists', isChoiceNeeded ? `${ctx.base}.specificCodeChoice` : `${ctx.base}.ndc.input`, {
    code: code.code,
    descriptor: `${code.descriptor}, billed ${billingUnitText(specificBillingUnit(code))}`,
    lines: lines.length === 0 ? '' : ` (its lines: ${linesText(lines)})`,
    others,
  }), actions));
}
