/**
 * `evaluateClaim(packet, reference, today)`: the one call the wizard, the exports and the command
 * line make. Pure and synchronous; it never throws, whatever it is given, and returns everything a
 * view needs: the payer profile, the code decision with its reasons, the claim lines, the
 * description, the claim laid out on its form, the payment estimate, the checklist, the findings
 * (rule id, severity, field, message, source) and whether the claim may be exported. Views format
 * what it returns; none computes a value of its own beside it.
 */
import { convertWith, readDrugAmounts } from './amounts';
import type { DrugAmounts } from './amounts';
import type { ChecklistItem } from './checklist';
import { checklistFindings, claimChecklist, drugChecklist } from './checklist';
import type { ClaimContext, DrugContext } from './context';
import { checkDate, documentKinds, filled, isBlank } from './context';
import type { DayNumber } from './dates';
import { asIsoDate, dayNumber, dayOf, dayOfMinute, fiscalYear, isoDay, minuteNumber, usDate } from './dates';
import type { CodeDecision } from './code-decision';
import { checkSpecificCodeChosen, decideCode } from './decision';
import { checkEntries } from './entries';
import { unitCounter } from './hcpcs-units';
import { parseIcd10 } from './icd10';
import { checkLeastWaste } from './least-waste';
import type { ClaimLine } from './lines';
import { buildLines } from './lines';
import { CLAIM_SIZE, checkClaimSize } from './limits';
import { checkModifiers } from './modifiers';
import { parseNdc } from './ndc';
import { tenDigitFinding } from './ndc-readings';
import { checkNpi } from './npi';
import type { ClaimLayout } from './export/export-claim';
import { layOutClaim } from './export/export-claim';
import { fieldMeta } from './packet/paths';
import type { ClaimPacket, Drug, PayerProfile } from './packet/schema';
import { packetParser } from './packet/parser';
import { isMedicare, resolveProfile } from './payers';
import { amountForPeople, parseMoney } from './quantity';
import type { ReferenceData } from './reference';
import type { PaymentEstimate } from './reference-data/payment';
import { estimatePayment } from './reference-data/payment';
import type { Finding } from './rules';
import { finding } from './rules';
import type { TimelyFiling } from './timely-filing';
import { checkTimelyFiling } from './timely-filing';
import { explainWaste, planWaste } from './waste';

export interface DrugEvaluation {
  readonly index: number;
  readonly decision: CodeDecision;
  readonly lines: readonly ClaimLine[];
  /** The administered line's description, `null` until it can be written. */
  readonly narrative: string | null;
  /** Whether JW/JZ apply to this drug, and what that means for its lines, in words. */
  readonly waste: { readonly applies: boolean; readonly explanation: string };
}

export interface Evaluation {
  /** The payer profile the claim is billed under (the packet's own, or a built-in one); `undefined` until one is chosen. */
  readonly profile: PayerProfile | undefined;
  /** The decision for the first drug (the one the wizard starts with); see `drugs` for each. */
  readonly decision: CodeDecision;
  readonly drugs: readonly DrugEvaluation[];
  /** Every claim line, drug by drug. */
  readonly lines: readonly ClaimLine[];
  /** The first drug's description. */
  readonly narrative: string | null;
  /** Every line on the claim's form (CMS-1500 or UB-04), each value checked, with the strings of its boxes. */
  readonly claimForm: ClaimLayout;
  /** What the claim may pay for each drug, in the order of `drugs`: amount, basis and source, or none with the reason. */
  readonly payment: readonly PaymentEstimate[];
  /** The filing deadline (with the exception recorded, when one applies); `null` until the date of service and the payer are known. */
  readonly timelyFiling: TimelyFiling | null;
  readonly checklist: readonly ChecklistItem[];
  readonly findings: readonly Finding[];
  /** True when no finding blocks export. */
  readonly exportable: boolean;
  /** Each diagnosis code entered, as the ICD-10-CM file of the date of service's fiscal year has it. */
  readonly diagnoses: readonly DiagnosisEntry[];
}

/** A diagnosis of the claim and what the reference data say of it. */
export interface DiagnosisEntry {
  /** Its place in `packet.diagnoses`. */
  readonly index: number;
  /** With the dot: "G35.A". */
  readonly display: string;
  /** `unverified` without the ICD-10-CM file of the fiscal year. */
  readonly status: 'billable' | 'header' | 'not-found' | 'unverified';
  /** The ICD-10-CM description (billable codes and categories). */
  readonly description?: string;
  /** "FY2026": the fiscal year of the date of service. */
  readonly fiscalYear: string;
}

const NO_DECISION: CodeDecision = {
  code: null, descriptor: '', kind: 'not-billable', reasons: ['No drug has been entered yet.'], form: 'CMS-1500', isSeparatelyPayable: false,
};
const ICD10_FROM = isoDay('2015-10-01');
const CLAIM_LINE_LIMIT = '99999.99';

const NO_PACKET: ClaimPacket = { format: 'noc-claim-packet', version: 1 };

function blocked(findings: Finding[]): Evaluation {
  return {
    profile: undefined, decision: NO_DECISION, drugs: [], lines: [], narrative: null, claimForm: layOutClaim(NO_PACKET, [], undefined, NO_DECISION.form),
    payment: [], timelyFiling: null, checklist: [], findings, exportable: false, diagnoses: [],
  };
}

/** Evaluates a claim packet as of `today` (ISO date). */
export function evaluateClaim(input: unknown, reference: ReferenceData, today: string): Evaluation {
  const read = readPacket(input);
  if (read.packet === undefined) return blocked(read.findings);
  const findings = [...read.findings];
  const packet = read.packet;
  const dateOfService = asIsoDate(packet.dates?.service);
  const ctx: ClaimContext = {
    packet, reference, findings, profile: resolveProfile(packet),
    dateOfService, serviceDay: dateOfService === undefined ? undefined : dayOf(dateOfService),
  };
  const { diagnoses, timelyFiling } = checkClaim(ctx, dayNumber(today));
  const checklist = claimChecklist(ctx);
  const drugs = (packet.drugs ?? []).map((drug, index) => evaluateDrug(ctx, drug, index, checklist));
  const first = drugs[0];
  const decision = first?.decision ?? NO_DECISION;
  checkClaimSize(ctx, decision.form, drugs);
  // One by one: spreading a list of thousands into push() overflows the call stack.
  for (const f of checklistFindings(checklist, findings)) findings.push(f);
  const lines = drugs.flatMap((d) => d.lines);
  return {
    profile: ctx.profile,
    decision,
    drugs,
    lines,
    narrative: first?.narrative ?? null,
    claimForm: layOutClaim(packet, lines, ctx.profile, decision.form),
    payment: drugs.map((d) => estimatePayment(packet.drugs![d.index]!, d, ctx.dateOfService, reference)),
    timelyFiling,
    checklist,
    findings,
    exportable: !findings.some((f) => f.severity === 'block'),
    diagnoses,
  };
}

// ── Reading the packet ───────────────────────────────────────────────────────────────────────

type Read = { packet: ClaimPacket; findings: Finding[] } | { packet: undefined; findings: Finding[] };

/**
 * Parses the packet. A value of the wrong type is reported at its field and left out, so the rest
 * of the claim is still evaluated; a file that is not a packet at all is refused.
 */
function readPacket(input: unknown): Read {
  if (typeof input !== 'object' || input === null || Array.isArray(input) || (input as { format?: unknown }).format !== 'noc-claim-packet') {
    return { packet: undefined, findings: [finding('packetNotPacket', 'format')] };
  }
  const version = (input as { version?: unknown }).version;
  if (typeof version === 'number' && version > 1) {
    return { packet: undefined, findings: [finding('packetNewerVersion', 'version', { version: String(version) })] };
  }
  if (version !== 1) {
    const { title, hint } = fieldMeta('version');
    return { packet: undefined, findings: [finding('packetInvalidValue', 'version', { title, hint: `${hint} This wizard reads version 1.`.trim() })] };
  }
  const parser = packetParser();
  const first = parser.safeParse(input);
  if (first.success) return { packet: first.data, findings: [] };
  const findings = first.error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const { title, hint, written } = fieldMeta(path);
    return finding('packetInvalidValue', path, { title, hint: `${hint} ${written}`.trim() });
  });
  let copy = plainCopy(input);
  let issues = first.error.issues;
  for (let attempt = 0; attempt < 8 && copy !== undefined; attempt++) {
    for (const issue of issues) if (copy !== undefined) copy = removeAt(copy, issue.path.map(String));
    const again = parser.safeParse(copy);
    if (again.success) return { packet: again.data, findings };
    issues = again.error.issues;
  }
  return { packet: undefined, findings };
}

function plainCopy(value: unknown): Record<string, unknown> | undefined {
  try {
    return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/**
 * Removes the value at a path. A list item is emptied rather than removed (the paths of the items
 * after it stay right); a value that is already absent takes its parent with it.
 */
function removeAt(root: Record<string, unknown>, path: readonly string[]): Record<string, unknown> | undefined {
  if (path.length === 0) return undefined;
  let parent: unknown = root;
  for (const segment of path.slice(0, -1)) {
    parent = (parent as Record<string, unknown> | undefined)?.[segment];
    if (typeof parent !== 'object' || parent === null) return root;
  }
  const key = path[path.length - 1]!;
  const holder = parent as Record<string, unknown>;
  if (holder[key] === undefined) return removeAt(root, path.slice(0, -1));
  if (Array.isArray(holder)) holder[Number(key)] = typeof holder[Number(key)] === 'object' ? {} : '';
  else delete holder[key];
  return root;
}

// ── The claim as a whole ─────────────────────────────────────────────────────────────────────

/** Checks what concerns the whole claim; gives back its diagnoses as the reference data know them, and its filing deadline. */
function checkClaim(ctx: ClaimContext, todayDay: DayNumber | undefined): { diagnoses: DiagnosisEntry[]; timelyFiling: TimelyFiling | null } {
  const { packet, findings } = ctx;
  if (packet.careSetting === undefined) findings.push(finding('careSettingMissing', 'careSetting'));
  checkPayer(ctx);
  const serviceDay = checkDate(ctx, 'dates.service', packet.dates?.service);
  if (isBlank(packet.dates?.service)) findings.push(finding('serviceDateMissing', 'dates.service'));
  if (serviceDay !== undefined) {
    if (todayDay !== undefined && serviceDay > todayDay) findings.push(finding('serviceDateFuture', 'dates.service', { date: usDate(serviceDay) }));
    if (serviceDay < ICD10_FROM) findings.push(finding('serviceDateBeforeIcd10', 'dates.service'));
  }
  const timelyFiling = checkTimelyFiling(ctx, serviceDay, todayDay);
  if (isBlank(packet.patient?.accountReference)) findings.push(finding('patientAccountMissing', 'patient.accountReference'));
  checkProviders(ctx);
  const diagnoses = checkDiagnoses(ctx);
  const nct = filled(packet.clinicalTrial?.nctNumber);
  if (nct !== undefined && !/^NCT\d{8}$/.test(nct.toUpperCase())) findings.push(finding('trialNctFormat', 'clinicalTrial.nctNumber'));
  if ((packet.drugs ?? []).length === 0) findings.push(finding('drugsMissing', 'drugs'));
  checkEntries(ctx);
  return { diagnoses, timelyFiling };
}

function checkPayer(ctx: ClaimContext): void {
  const { packet, findings, profile } = ctx;
  const id = filled(packet.payer?.profileId);
  if (profile === undefined) {
    findings.push(id === undefined ? finding('payerProfileMissing', 'payer.profileId') : finding('payerProfileUnknown', 'payer.profileId', { id }));
    return;
  }
  const kind = packet.payer?.kind;
  if (kind !== undefined && kind !== profile.payerKind) findings.push(finding('payerKindMismatch', 'payer.kind', { kind, profile: profile.name }));
  const setting = packet.careSetting;
  if (setting !== undefined && !profile.careSettings.includes(setting)) {
    findings.push(finding('payerSettingMismatch', 'payer.profileId', { profile: profile.name, setting: setting.replace('-', ' ') }));
  }
}

function checkProviders(ctx: ClaimContext): void {
  const p = ctx.packet.providers;
  const entries = [['rendering', 'rendering provider', p?.rendering?.npi], ['billing', 'billing provider', p?.billing?.npi], ['ordering', 'ordering provider', p?.ordering?.npi]] as const;
  for (const [key, who, npi] of entries) {
    const path = `providers.${key}.npi`;
    const check = checkNpi(npi);
    if (check.ok) {
      if (check.unusualPrefix) ctx.findings.push(finding('npiPrefix', path, { who }));
    } else if (check.problem === 'format') ctx.findings.push(finding('npiFormat', path, { who }));
    else if (check.problem === 'check-digit') ctx.findings.push(finding('npiCheckDigit', path, { who }));
  }
}

function checkDiagnoses(ctx: ClaimContext): DiagnosisEntry[] {
  const list = ctx.packet.diagnoses ?? [];
  const entered = list.filter((d) => !isBlank(d.code));
  if (entered.length > CLAIM_SIZE.diagnoses) ctx.findings.push(finding('dxTooMany', 'diagnoses'));
  const seen = new Set<string>();
  const entries: DiagnosisEntry[] = [];
  let isUnverified = false;
  list.forEach((dx, i) => {
    const typed = filled(dx.code);
    if (typed === undefined) return;
    const path = `diagnoses.${i}.code`;
    const code = parseIcd10(typed);
    if (code === undefined) return void ctx.findings.push(finding('dxSyntax', path, { code: typed }));
    if (seen.has(code.code)) return void ctx.findings.push(finding('dxDuplicate', path, { code: code.display }));
    seen.add(code.code);
    if (ctx.dateOfService === undefined || ctx.serviceDay === undefined) return;
    const status = ctx.reference.diagnosis(code.code, ctx.dateOfService);
    const fy = fiscalYear(ctx.serviceDay);
    entries.push({
      index: i, display: code.display, status: status?.status ?? 'unverified', fiscalYear: `FY${fy}`,
      ...(status !== undefined && status.status !== 'not-found' ? { description: status.description } : {}),
    });
    if (status === undefined) isUnverified = true;
    else if (status.status === 'header') {
      const children = status.billableChildren.map((c) => parseIcd10(c)?.display ?? c).join(', ');
      ctx.findings.push(finding('dxNotBillable', path, { code: code.display, fy, children }));
    } else if (status.status === 'not-found') ctx.findings.push(finding('dxNotFound', path, { code: code.display, fy }));
  });
  if (isUnverified && ctx.serviceDay !== undefined) ctx.findings.push(finding('dxUnverified', 'diagnoses', { fy: fiscalYear(ctx.serviceDay) }));
  return entries;
}

// ── One drug ─────────────────────────────────────────────────────────────────────────────────

/** Evaluates one drug; its checklist items are appended to `checklist`. */
function evaluateDrug(claim: ClaimContext, drug: Drug, index: number, checklist: ChecklistItem[]): DrugEvaluation {
  const base = `drugs.${index}`;
  const typedNdc = filled(drug.ndc?.input);
  const parsed = typedNdc === undefined ? undefined : parseNdc(typedNdc);
  const ctx: DrugContext = {
    packet: claim.packet, profile: claim.profile, reference: claim.reference, findings: claim.findings,
    dateOfService: claim.dateOfService, serviceDay: claim.serviceDay, drug, index, base,
    ndc: parsed?.ok === true ? parsed.ndc : undefined,
    modifiers: (drug.modifiers ?? []).map((m) => m.trim().toUpperCase()).filter((m) => m !== ''),
    documents: documentKinds(claim.packet, drug),
  };
  if (parsed !== undefined && !parsed.ok) {
    const problem = parsed.problem;
    if (problem.code === 'ten-digits') ctx.findings.push(tenDigitFinding(ctx, problem.message, problem.candidates));
    else ctx.findings.push(finding(problem.code === 'zero-segment' ? 'ndcZeroSegment' : 'ndcInvalid', `${base}.ndc.input`, { message: problem.message }));
  }
  const normalized = filled(drug.ndc?.normalized);
  if (ctx.ndc !== undefined && normalized !== undefined && normalized.replace(/-/g, '') !== ctx.ndc.ndc11) {
    ctx.findings.push(finding('ndcNormalizedMismatch', `${base}.ndc.normalized`, { expected: ctx.ndc.ndc11 }));
  }
  checkRebate(ctx);
  checkDrugFacts(ctx);
  checkAdministration(ctx);
  checkPriorAuth(ctx);
  checkInvoice(ctx);
  const decision = decideCode(ctx);
  const amounts = readDrugAmounts(ctx);
  checkDoseFitsContainers(ctx, amounts);
  const counter = unitCounter(ctx, decision, amounts);
  const waste = planWaste(ctx, decision, amounts, counter);
  checkLeastWaste(ctx, waste, amounts);
  const modifiers = checkModifiers(ctx, decision, waste);
  const lines = buildLines(ctx, decision, amounts, waste, modifiers, counter);
  checkSpecificCodeChosen(ctx, decision, lines);
  for (const item of drugChecklist({ ctx, decision, waste, lines, modifiers })) checklist.push(item);
  return { index, decision, lines, narrative: lines[0]?.narrative ?? null, waste: { applies: waste.applies, explanation: explainWaste(waste) } };
}

/** Medicaid pays only for NDCs of labelers in the Drug Rebate Program. */
function checkRebate(ctx: DrugContext): void {
  if (ctx.profile?.requiresRebatingLabeler !== true || ctx.ndc === undefined || ctx.dateOfService === undefined) return;
  const labeler = ctx.ndc.labeler;
  const rebating = ctx.reference.isRebatingLabeler(labeler, ctx.dateOfService);
  if (rebating === false) ctx.findings.push(finding('labelerNotRebating', `${ctx.base}.ndc.input`, { labeler }));
  else if (rebating === undefined) ctx.findings.push(finding('rebateUnverified', `${ctx.base}.ndc.input`, { labeler }));
}

function checkDrugFacts(ctx: DrugContext): void {
  const d = ctx.drug, b = ctx.base;
  if (isBlank(d.brandName) && isBlank(d.genericName) && d.marketingCategory !== 'compounded') ctx.findings.push(finding('drugNameMissing', `${b}.brandName`));
  if (d.marketingCategory === 'unapproved') {
    ctx.findings.push(finding(isMedicare(ctx.profile) ? 'unapprovedMedicare' : 'unapprovedOther', `${b}.marketingCategory`));
  }
  const approval = checkDate(ctx, `${b}.fdaApprovalDate`, d.fdaApprovalDate);
  if (approval !== undefined && ctx.serviceDay !== undefined && approval > ctx.serviceDay) {
    ctx.findings.push(finding('approvalAfterService', `${b}.fdaApprovalDate`, { approval: usDate(approval), service: usDate(ctx.serviceDay) }));
  }
  if (d.isOffLabel === true && isBlank(d.offLabelRationale)) ctx.findings.push(finding('offLabelRationaleMissing', `${b}.offLabelRationale`));
  if (d.marketingCategory === 'compounded') {
    (d.compoundIngredients ?? []).forEach((ing, i) => {
      if (isBlank(ing.name) || isBlank(ing.amount?.value) || ing.amount?.unit === undefined) {
        ctx.findings.push(finding('compoundIngredientIncomplete', `${b}.compoundIngredients.${i}.name`));
      }
    });
  }
}

function checkAdministration(ctx: DrugContext): void {
  const a = ctx.drug.administration, b = ctx.base;
  const typedStart = filled(a?.start), typedEnd = filled(a?.end);
  const start = minuteNumber(typedStart);
  if (typedStart !== undefined && start === undefined) ctx.findings.push(finding('startInvalid', `${b}.administration.start`));
  if (start !== undefined && ctx.serviceDay !== undefined && dayOfMinute(start) !== ctx.serviceDay) {
    ctx.findings.push(finding('startNotServiceDate', `${b}.administration.start`, { start: usDate(dayOfMinute(start)), service: usDate(ctx.serviceDay) }));
  }
  const end = minuteNumber(typedEnd);
  if (typedEnd !== undefined && end === undefined) ctx.findings.push(finding('endInvalid', `${b}.administration.end`));
  if (start !== undefined && end !== undefined && end < start) ctx.findings.push(finding('endBeforeStart', `${b}.administration.end`));
  const expiration = checkDate(ctx, `${b}.administration.expiration`, a?.expiration);
  if (expiration !== undefined && ctx.serviceDay !== undefined && expiration < ctx.serviceDay) {
    ctx.findings.push(finding('expiredBeforeService', `${b}.administration.expiration`, { expiration: usDate(expiration) }));
  }
}

function checkPriorAuth(ctx: DrugContext): void {
  const pa = ctx.drug.priorAuth, b = ctx.base;
  if (pa === undefined) return;
  if (pa.status === 'pending') ctx.findings.push(finding('priorAuthPending', `${b}.priorAuth.status`));
  if (pa.status === 'denied') ctx.findings.push(finding('priorAuthDenied', `${b}.priorAuth.status`));
  const from = checkDate(ctx, `${b}.priorAuth.validFrom`, pa.validFrom);
  const through = checkDate(ctx, `${b}.priorAuth.validThrough`, pa.validThrough);
  if (pa.status !== 'approved' || ctx.serviceDay === undefined) return;
  if (from !== undefined && from > ctx.serviceDay) ctx.findings.push(finding('priorAuthNotYetValid', `${b}.priorAuth.validFrom`, { from: usDate(from) }));
  if (through !== undefined && through < ctx.serviceDay) ctx.findings.push(finding('priorAuthExpired', `${b}.priorAuth.validThrough`, { through: usDate(through) }));
}

function checkInvoice(ctx: DrugContext): void {
  const inv = ctx.drug.invoice, b = ctx.base;
  if (inv === undefined) return;
  checkDate(ctx, `${b}.invoice.date`, inv.date);
  if (!isBlank(inv.netCost)) {
    const cost = parseMoney(inv.netCost);
    if (typeof cost === 'string') ctx.findings.push(finding('invoiceNetCostInvalid', `${b}.invoice.netCost`));
    else if (cost.gt(CLAIM_LINE_LIMIT)) ctx.findings.push(finding('invoiceOverLimit', `${b}.invoice.netCost`));
  }
  const invoiceNdc = filled(inv.ndc);
  if (invoiceNdc !== undefined && ctx.ndc !== undefined) {
    const invoiced = parseNdc(invoiceNdc);
    if (!invoiced.ok || invoiced.ndc.ndc11 !== ctx.ndc.ndc11) {
      ctx.findings.push(finding('ndcInvoiceMismatch', `${b}.invoice.ndc`, { drug: ctx.ndc.hyphenated, invoice: invoiceNdc }));
    }
  }
}

/** The dose cannot be more than the opened containers hold (a dose by volume counted through the strength). */
function checkDoseFitsContainers(ctx: DrugContext, a: DrugAmounts): void {
  const opened = a.openedTotal;
  const dose = a.dose === undefined || opened === undefined ? undefined : convertWith(a, a.dose, opened.unit);
  if (dose === undefined || opened === undefined) return;
  if (dose.value.compare(opened.value) > 0) {
    ctx.findings.push(finding('doseExceedsOpened', `${ctx.base}.administration.dose.value`, { opened: amountForPeople(opened) }));
  }
}
