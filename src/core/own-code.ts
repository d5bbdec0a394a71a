/**
 * Whether a drug the crosswalks list under no code has a code of its own after all (billing-rules
 * §1 row 1): what the crosswalks and the name check (name-match.ts) found, in the decision's reasons
 * and in the findings.
 * - A code whose descriptor names the drug blocks the unclassified code (`code.name-match`), naming
 *   each code: the biller bills one ("Bill J1303 instead", the claim becomes its claim) or sets
 *   them aside with the reason, which stays in the packet (`dismissedCodeMatch`) and in the reasons
 *   every view and the PDF print.
 * - "No code of its own" is said only when the crosswalk of the date's quarter is loaded and whole
 *   and the name check found nothing; otherwise `code.not-verified` says what was checked and what
 *   was not.
 */
import type { CodeDecision, OwnCodeCheck } from './code-decision';
import type { DrugContext } from './context';
import { isBlank } from './context';
import type { NameCheck, NameMatch } from './name-match';
import type { CrosswalkAnswer } from './reference';
import type { FindingAction } from './rules';
import { finding, withActions } from './rules';
import { usDate } from './dates';

/** Clauses that may hold commas, one after the other. */
const clauses = (items: readonly string[]) => items.join('; ');
const list = (items: readonly string[], and = 'and') => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`);
const matchText = (m: NameMatch) => `${m.code} (${m.descriptor}${m.notes.length === 0 ? '' : `; ${m.notes.join('; ')}`})`;

/** The codes set aside by the biller, when they cover every match still found. */
function setAsideOf(ctx: DrugContext, names: NameCheck | undefined): OwnCodeCheck['setAside'] {
  const dismissed = ctx.drug.dismissedCodeMatch;
  const codes = (dismissed?.codes ?? []).map((c) => c.trim().toUpperCase());
  if (names === undefined || names.matches.length === 0 || !names.matches.every((m) => codes.includes(m.code))) return undefined;
  return { codes: names.matches.map((m) => m.code), reason: dismissed?.reason?.trim() ?? '' };
}

/** What was checked and what could not be, as sentence parts. */
function coverage(ctx: DrugContext, check: OwnCodeCheck): { checked: string[]; notChecked: string[]; todo: string[] } {
  const checked: string[] = [], notChecked: string[] = [], todo: string[] = [];
  const { crosswalk, names } = check;
  const ndc = ctx.ndc?.hyphenated;
  if (ndc === undefined) notChecked.push('the CMS crosswalk, since no valid NDC is entered');
  else if (crosswalk === undefined) {
    notChecked.push('the CMS crosswalk, since none is loaded');
    todo.push('import the CMS ASP NDC-HCPCS crosswalk of the date of service\'s quarter (Reference data)');
  } else {
    if (crosswalk.notInForce.length === 0) checked.push(`NDC ${ndc} is in none of the crosswalk quarters loaded (${list(crosswalk.searched)})`);
    else for (const { why } of crosswalk.notInForce) checked.push(why);
    const q = crosswalk.dateQuarter;
    if (q.status === 'complete') checked.push(`the crosswalk of the date's quarter (${q.label}) is loaded whole`);
    else if (q.status === 'partial') {
      notChecked.push(`the whole crosswalk of the date's quarter: the ${q.label} crosswalk loaded is partial (${q.partial}), so CMS may list this NDC in the rows it lacks`);
      todo.push(`import the whole CMS crosswalk of ${q.label} (Reference data)`);
    } else {
      notChecked.push(`the crosswalk of the date's quarter (${q.label}), which is not loaded`);
      todo.push(`import the CMS crosswalk of ${q.label} (Reference data; CMS keeps past quarters on its ASP pages)`);
    }
  }
  if (names === undefined) {
    notChecked.push('the drug\'s names against the HCPCS descriptors, since no HCPCS file is loaded');
    todo.push('import the CMS HCPCS Level II file (Reference data)');
  } else if (names.names.length === 0) {
    notChecked.push('the drug\'s names against the HCPCS descriptors, since none is entered');
    todo.push('enter the generic name (drug step)');
  } else if (names.matches.length === 0) {
    // A code the crosswalk already said was not in force is not said twice.
    const told = new Set((crosswalk?.notInForce ?? []).map((c) => c.code));
    const others = names.setAside.filter((c) => !told.has(c.code));
    const also = others.length === 0 ? '' : ` (${others.map((c) => c.why).join('; ')})`;
    checked.push(`no ${told.size === 0 ? '' : 'other '}drug code in force on the date of service in the ${names.source} names ${list(names.names, 'or')}${also}`);
  }
  return { checked, notChecked, todo };
}

/** The decision's reasons for row 1 when the crosswalks list the NDC under no code in force on the date. */
export function ownCodeReasons(ctx: DrugContext, check: OwnCodeCheck): string[] {
  const { names } = check;
  const setAside = check.setAside;
  const when = ctx.serviceDay === undefined ? 'the date of service' : usDate(ctx.serviceDay);
  const reasons: string[] = [];
  if (names !== undefined && names.matches.length > 0) {
    const which = names.matches.map(matchText);
    reasons.push(`The ${names.source} has ${which.length === 1 ? 'a code' : 'codes'} in force on ${when} whose descriptor names ${list(names.names, 'or')}: ${which.join('; ')}.`);
    if (setAside !== undefined) reasons.push(`The biller set ${list(setAside.codes)} aside as not this drug: ${setAside.reason === '' ? 'no reason given yet' : setAside.reason}.`);
  }
  const { checked, notChecked } = coverage(ctx, check);
  if (notChecked.length === 0 && (names?.matches.length ?? 0) === 0) {
    reasons.push(`No product-specific code on ${when}: ${clauses(checked)}.`);
    return reasons;
  }
  const unconfirmed = names === undefined || names.matches.length === 0 ? `Not confirmed that this drug has no code of its own on ${when}. ` : '';
  reasons.push(`${unconfirmed}${checked.length === 0 ? '' : `Checked: ${clauses(checked)}.`}${notChecked.length === 0 ? '' : `${checked.length === 0 ? '' : ' '}Not checked: ${clauses(notChecked)}.`}`);
  return reasons;
}

/** The row-1 check of a drug, with the biller's setting aside read from the packet. */
export function ownCodeCheck(ctx: DrugContext, crosswalk: CrosswalkAnswer | undefined, names: NameCheck | undefined): OwnCodeCheck {
  const setAside = setAsideOf(ctx, names);
  return { crosswalk, names, ...(setAside === undefined ? {} : { setAside }) };
}

/**
 * The findings of the check once the code is decided: the codes found by name block an
 * unclassified code until the biller bills one or sets them aside with a reason; a check that could
 * not be made in full is said, with what was and was not checked.
 */
export function checkOwnCode(ctx: DrugContext, decision: CodeDecision): void {
  const check = decision.ownCode;
  if (check === undefined || decision.kind !== 'unclassified') return;
  const matches = check.names?.matches ?? [];
  const confirm = (m: NameMatch): FindingAction => ({ kind: 'confirm-code', drugIndex: ctx.index, code: m.code, label: `Bill ${m.code} instead` });
  if (matches.length > 0 && check.setAside === undefined) {
    const byBrand = matches.every((m) => m.name === ctx.drug.brandName?.trim());
    const codes = matches.map((m) => m.code);
    ctx.findings.push(withActions(finding('nameMatch', `${ctx.base}.${byBrand ? 'brandName' : 'genericName'}`, {
      names: list(check.names!.names, 'or'), source: check.names!.source, matches: matches.map(matchText).join('; '), several: matches.length > 1,
    }), [
      ...matches.map(confirm),
      { kind: 'dismiss-match', drugIndex: ctx.index, codes, label: matches.length === 1 ? `${codes[0]} is not this drug` : 'None of these is this drug' },
    ]));
    return;
  }
  if (check.setAside !== undefined && isBlank(check.setAside.reason)) {
    ctx.findings.push(withActions(finding('nameMatchReasonMissing', `${ctx.base}.dismissedCodeMatch.reason`, { codes: list(check.setAside.codes), several: check.setAside.codes.length > 1 }), matches.map(confirm)));
  }
  if (ctx.ndc === undefined || ctx.serviceDay === undefined) return;
  const { checked, notChecked, todo } = coverage(ctx, check);
  if (notChecked.length === 0) return;
  ctx.findings.push(finding('noReference', `${ctx.base}.ndc.input`, {
    date: usDate(ctx.serviceDay), checked: checked.length === 0 ? 'nothing' : clauses(checked), notChecked: clauses(notChecked),
    todo: todo.length === 0 ? '' : ` Before sending, ${list(todo)}.`,
  }));
}
