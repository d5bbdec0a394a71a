/**
 * Checks the modifiers a biller adds to a drug's lines (billing-rules §5). JW and JZ are not typed:
 * they follow from the waste record. Returns the modifiers that go on the lines.
 */
import type { DrugContext } from './context';
import { isBlank } from './context';
import { isMedicare } from './payers';
import { isoDay } from './dates';
import type { CodeDecision } from './code-decision';
import { CLAIM_SIZE } from './limits';
import { finding } from './rules';
import type { WastePlan } from './waste';
import { JZ_AVAILABLE_FROM } from './waste';

const NOT_FOR_DRUG_LINES = new Set(['25', '59', 'XE', 'XP', 'XS', 'XU']);
const DME_INHALATION = new Set(['KO', 'KP', 'KQ']);
const KNOWN = new Set([
  'JA', 'JB', 'JG', 'TB', 'KD', 'KO', 'KP', 'KQ', 'KX', 'GA', 'GZ', 'GY', 'Q0', 'Q1', 'JK', 'JL', '76',
  'U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9', 'UA', 'UB', 'UC', 'UD', 'SL', 'RT', 'LT', 'EJ',
]);
const CONFLICTS: readonly (readonly [string, string])[] = [['JW', 'JZ'], ['JA', 'JB'], ['JG', 'TB'], ['GA', 'GZ'], ['Q0', 'Q1']];
const FROM_340B = isoDay('2024-01-01');

const ROUTE_OF: Record<string, { route: string; words: string }> = {
  JA: { route: 'intravenous', words: 'intravenously' },
  JB: { route: 'subcutaneous', words: 'subcutaneously' },
};

/** Checks one waste modifier the biller typed; true when it stays on the line. */
function checkWasteModifier(ctx: DrugContext, m: string, path: string, waste: WastePlan): boolean {
  if (m === 'JZ' && ctx.serviceDay !== undefined && ctx.serviceDay < JZ_AVAILABLE_FROM) {
    ctx.findings.push(finding('modifierJzTooEarly', path));
    return false;
  }
  if (!waste.applies) {
    ctx.findings.push(finding('modifierWasteNotAllowed', path, { modifier: m, why: waste.notApplicable ?? 'JW/JZ do not apply' }));
    return false;
  }
  if (m === 'JZ' && waste.jzOptional) {
    ctx.findings.push(finding('modifierJzOptional', path));
    return true;
  }
  const isAutomatic = m === 'JZ' ? waste.jz : waste.jw;
  if (!isAutomatic) ctx.findings.push(finding('modifierWasteManual', path, { modifier: m }));
  return false;
}

/** Checks the biller's modifiers for one drug and returns those that go on its lines. */
export function checkModifiers(ctx: DrugContext, decision: CodeDecision, waste: WastePlan): string[] {
  const accepted: string[] = [];
  const seen = new Set<string>();
  const raw = ctx.drug.modifiers ?? [];
  const typedBothWasteModifiers = ctx.modifiers.includes('JW') && ctx.modifiers.includes('JZ');
  raw.forEach((typed, i) => {
    const m = typed.trim().toUpperCase();
    const path = `${ctx.base}.modifiers.${i}`;
    if (m === '') return;
    if (!/^[A-Z0-9]{2}$/.test(m)) return void ctx.findings.push(finding('modifierFormat', path, { modifier: typed.trim() }));
    if (seen.has(m)) return void ctx.findings.push(finding('modifierDuplicate', path, { modifier: m }));
    seen.add(m);
    if (m === 'JW' || m === 'JZ') {
      if (!typedBothWasteModifiers && checkWasteModifier(ctx, m, path, waste)) accepted.push(m);
      return;
    }
    if (NOT_FOR_DRUG_LINES.has(m)) return void ctx.findings.push(finding('modifierNotDrugLine', path, { modifier: m }));
    if (DME_INHALATION.has(m) && !(ctx.packet.careSetting === 'dme-supplier' && ctx.drug.route === 'inhalation')) {
      return void ctx.findings.push(finding('modifierDmeInhalation', path, { modifier: m }));
    }
    const route = ROUTE_OF[m];
    if (route !== undefined && ctx.drug.route !== undefined && ctx.drug.route !== route.route) {
      ctx.findings.push(finding('modifierRouteMismatch', path, { modifier: m, route: route.words }));
    }
    if ((m === 'JG' || m === 'TB') && !isMedicare(ctx.profile)) ctx.findings.push(finding('modifier340bNotMedicare', path, { modifier: m }));
    if ((m === 'Q0' || m === 'Q1') && isBlank(ctx.packet.clinicalTrial?.nctNumber)) {
      ctx.findings.push(finding('modifierTrialWithoutTrial', path, { modifier: m }));
    }
    if (m === 'KX') ctx.findings.push(finding('modifierKx', path));
    else if (!KNOWN.has(m)) ctx.findings.push(finding('modifierUnknown', path, { modifier: m }));
    accepted.push(m);
  });
  const listPath = `${ctx.base}.modifiers`;
  for (const [a, b] of CONFLICTS) if (seen.has(a) && seen.has(b)) ctx.findings.push(finding('modifierConflict', listPath, { a, b }));
  if (seen.has('GY') && (seen.has('GA') || seen.has('GZ'))) ctx.findings.push(finding('modifierGyWithAbn', listPath));
  checkSituationalModifiers(ctx, decision, seen);
  const computed = waste.jz && !accepted.includes('JZ') ? 1 : waste.jw ? 1 : 0;
  if (decision.kind !== 'not-billable' && accepted.length + computed > CLAIM_SIZE.modifiersPerLine) {
    ctx.findings.push(finding('modifierTooMany', listPath, { count: accepted.length + computed }));
  }
  return accepted;
}

/** Modifiers the situation calls for: 340B JG/TB, GY for excluded drugs (with the exclusion itself). */
function checkSituationalModifiers(ctx: DrugContext, decision: CodeDecision, seen: ReadonlySet<string>): void {
  const listPath = `${ctx.base}.modifiers`;
  if (decision.kind !== 'not-billable' && isMedicare(ctx.profile) && ctx.packet.providers?.billing?.is340bEntity === true
    && ctx.serviceDay !== undefined && ctx.serviceDay >= FROM_340B && !seen.has('JG') && !seen.has('TB')) {
    ctx.findings.push(finding('modifier340bMissing', listPath));
  }
  const excludesSad = ctx.profile?.coversSelfAdministered === false;
  if (ctx.drug.isOnSelfAdministeredList === true) {
    if (!excludesSad) ctx.findings.push(finding('selfAdministeredNoted', `${ctx.base}.isOnSelfAdministeredList`));
    else if (!seen.has('GY')) ctx.findings.push(finding('selfAdministeredExcluded', `${ctx.base}.isOnSelfAdministeredList`));
  } else if (decision.code === 'J8499' && excludesSad && !seen.has('GY')) {
    ctx.findings.push(finding('modifierGySuggested', listPath));
  }
}
