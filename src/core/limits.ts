/**
 * What one claim can carry, each limit with the form box or 837 element it comes from: how many
 * service lines, diagnoses, modifiers and attached files; the largest HCPCS units and NDC quantity
 * a line holds; the longest text of each field; the largest attached file. `evaluateClaim`, the
 * exports, the wizard and the command line all read them here, so they agree.
 *
 * Where the paper form and the 837 differ, the stricter one applies: a claim is checked once and
 * then printed on paper, typed into a portal or sent electronically.
 */
import type { ClaimContext, DrugContext } from './context';
import type { ClaimForm } from './code-decision';
import { fieldMeta } from './packet/paths';
import { finding } from './rules';

/**
 * How many of each one claim carries. The 837P's figures hold for every claim: the 837I allows more
 * service lines (999), but a claim of more than 50 drug lines is a claim to split anyway.
 */
export const CLAIM_SIZE = {
  /** 837P loop 2400 (LX) repeats at most 50 times. */
  serviceLines: 50,
  /** CMS-1500 Item 21 A to L; 837P HI. */
  diagnoses: 12,
  /** 837P SV101-3..6 and 837I SV202-3..6; CMS-1500 Item 24D. */
  modifiersPerLine: 4,
  /** 837P loop 2300 PWK (attachment reference) repeats at most 10 times. */
  attachments: 10,
  /**
   * A paper CMS-1500 has 6 service lines (Item 24). More lines are not refused (the 837P carries
   * them on one claim); the biller is told how many paper forms they fill.
   */
  paperLinesPerForm: 6,
} as const;

/** The largest attached file the browser accepts and the command line reads: 25 MB. */
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;
export const MAX_ATTACHMENT_SIZE_TEXT = '25 MB';

/**
 * The largest HCPCS units one line carries in any export of this wizard: 7 digits, what FL46 of the
 * UB-04 holds (NUBC). The 837 (SV104, SV205: decimal, 15 digits) and FHIR would take more; they are
 * held to the same limit so that every export of a claim carries the same units.
 */
export const MAX_UNITS = 9_999_999;

/**
 * What a paper CMS-1500 prints: Item 24G holds 3 characters (NUCC field specification). Units
 * above it still go on the 837P, so they only warn: a per-mg Medicaid line (NC Medicaid bills
 * ravulizumab 2,700 mg as 2,700 units) is sent electronically.
 */
export const PAPER_24G_UNITS = 999;

/**
 * Characters the printed NDC quantity may take on paper, decimal point included, beyond the NUCC
 * limit of 8 digits and 3 decimals (`MAX_NDC_QUANTITY`) that every claim keeps: Medicare's paper
 * CMS-1500 puts it in positions 19 to 24 of Item 24A (CPM26); FL43 of the UB-04 holds 24 characters,
 * of which `N4`, the 11 digits and the unit take 15. The 837's CTP04 (decimal, 15 digits) holds
 * more than either, so a longer quantity warns rather than blocks.
 */
const MEDICARE_24A_QUANTITY = 6;
const FL43_QUANTITY = 9;

/** A count as decimal text, never in exponent notation (`1e+21` is what `String` gives from 10^21 up). */
export function countText(n: number): string {
  return Number.isSafeInteger(n) ? String(n) : `more than ${Number.MAX_SAFE_INTEGER}`;
}

/**
 * Whether a line's units fit a claim line; when they do not, the finding goes to the field they came
 * from (the dose, the amount discarded, the containers opened, or the units typed). Units a paper
 * CMS-1500 cannot print are kept, with a warning.
 */
export function unitsFit(ctx: DrugContext, form: ClaimForm, worked: { readonly units: number; readonly path: string }): boolean {
  const units = countText(worked.units);
  if (worked.units > MAX_UNITS) {
    ctx.findings.push(finding('unitsTooLarge', worked.path, { units, max: countText(MAX_UNITS) }));
    return false;
  }
  if (form === 'CMS-1500' && worked.units > PAPER_24G_UNITS) ctx.findings.push(finding('unitsOverItem24G', worked.path, { units, max: PAPER_24G_UNITS }));
  return true;
}

/** Warns, at the amount, when the printed NDC quantity does not fit the paper form's box. */
export function checkPaperNdcQuantity(ctx: DrugContext, form: ClaimForm, printed: string, path: string): void {
  if (form === 'UB-04') {
    if (printed.length > FL43_QUANTITY) ctx.findings.push(finding('ndcQuantityOverFl43', path, { quantity: printed, max: FL43_QUANTITY }));
    return;
  }
  if (ctx.profile?.payerKind === 'medicare' && printed.length > MEDICARE_24A_QUANTITY) {
    ctx.findings.push(finding('ndcQuantityOverMedicare24A', path, { quantity: printed, max: MEDICARE_24A_QUANTITY }));
  }
}

// ── Text ─────────────────────────────────────────────────────────────────────────────────────────

/** The longest text a field takes, and what holds it (for the message): "Item 26 of the CMS-1500 (NUCC)". */
export interface TextLimit {
  readonly max: number;
  readonly where: string;
}

const limit = (max: number, where: string): TextLimit => ({ max, where });

/** Values checked by a rule of their own (dates, codes, numbers, NDCs): the limit only keeps out a pasted page. */
const FORMATTED = limit(100, 'a date, code or number field');
const IDENTIFIER = limit(100, 'an identifier');
const PERSON = limit(60, 'a name on the 837 (NM103)');
const DRUG_NAME = limit(200, 'a drug name (the description shortens it to what fits)');
const REASON = limit(500, 'a reason kept with the claim');
const STATEMENT = limit(2000, 'a statement kept with the claim');

/**
 * Every text field of the packet with its limit (`*` stands for a list index). The account number
 * goes in Item 26 of the CMS-1500 or FL3a of the UB-04, both shorter than the 837's CLM01 (38).
 */
export const TEXT_LIMITS: Readonly<Record<string, TextLimit | Readonly<Record<ClaimForm, TextLimit>>>> = {
  'id': IDENTIFIER,
  'createdAt': limit(40, 'a time stamp'),
  'updatedAt': limit(40, 'a time stamp'),
  'payer.name': limit(60, 'the payer name on the 837 (NM103)'),
  'payer.profileId': IDENTIFIER,
  'payer.customProfile.id': IDENTIFIER,
  'payer.customProfile.name': limit(100, 'a payer profile name'),
  'payer.customProfile.nocUnits.per.value': FORMATTED,
  'payer.customProfile.source': REASON,
  'dates.service': FORMATTED,
  'dates.plannedSubmission': FORMATTED,
  'dates.filingException.noticeDate': FORMATTED,
  'patient.accountReference': {
    'CMS-1500': limit(14, 'Item 26 of the CMS-1500 (NUCC)'),
    'UB-04': limit(24, 'FL3a of the UB-04 (NUBC)'),
  },
  'providers.rendering.npi': FORMATTED,
  'providers.rendering.name': PERSON,
  'providers.rendering.credentials': limit(30, 'the credentials of a provider'),
  'providers.billing.npi': FORMATTED,
  'providers.billing.name': PERSON,
  'providers.ordering.npi': FORMATTED,
  'providers.ordering.name': PERSON,
  'providers.ordering.credentials': limit(30, 'the credentials of a provider'),
  'diagnoses.*.code': FORMATTED,
  'clinicalTrial.nctNumber': FORMATTED,
  'drugs.*.id': IDENTIFIER,
  'drugs.*.ndc.input': FORMATTED,
  'drugs.*.ndc.normalized': FORMATTED,
  'drugs.*.brandName': DRUG_NAME,
  'drugs.*.genericName': DRUG_NAME,
  'drugs.*.strength': limit(200, 'the strength as on the label'),
  'drugs.*.dosageForm': limit(200, 'the dosage form as on the label'),
  'drugs.*.fdaApprovalDate': FORMATTED,
  'drugs.*.offLabelRationale': STATEMENT,
  'drugs.*.compoundIngredients.*.name': DRUG_NAME,
  'drugs.*.compoundIngredients.*.ndc': FORMATTED,
  'drugs.*.compoundIngredients.*.amount.value': FORMATTED,
  'drugs.*.container.amount.value': FORMATTED,
  'drugs.*.container.volume.value': FORMATTED,
  'drugs.*.container.opened': FORMATTED,
  'drugs.*.administration.dose.value': FORMATTED,
  'drugs.*.administration.start': FORMATTED,
  'drugs.*.administration.end': FORMATTED,
  'drugs.*.administration.frequency': limit(40, 'the frequency written in the UB-04 remarks (FL80)'),
  'drugs.*.administration.lot': limit(20, 'a lot number (GS1 batch or lot number, 20 characters)'),
  'drugs.*.administration.expiration': FORMATTED,
  'drugs.*.administration.administeredBy': PERSON,
  'drugs.*.waste.amount.value': FORMATTED,
  'drugs.*.waste.reason': REASON,
  'drugs.*.waste.time': FORMATTED,
  'drugs.*.hcpcsUnitsOverride': FORMATTED,
  'drugs.*.modifiers.*': FORMATTED,
  'drugs.*.narrativeOverride': limit(500, 'a typed description (the payer profile says how much of it fits)'),
  'drugs.*.priorAuth.number': limit(50, 'the prior authorization number on the 837 (REF02)'),
  'drugs.*.priorAuth.validFrom': FORMATTED,
  'drugs.*.priorAuth.validThrough': FORMATTED,
  'drugs.*.invoice.supplier': limit(60, 'a supplier name'),
  'drugs.*.invoice.date': FORMATTED,
  'drugs.*.invoice.ndc': FORMATTED,
  'drugs.*.invoice.quantity': FORMATTED,
  'drugs.*.invoice.netCost': FORMATTED,
  'drugs.*.medicalNecessity': STATEMENT,
  'drugs.*.specificCodeChoice': FORMATTED,
  'drugs.*.dismissedCodeMatch.codes.*': FORMATTED,
  'drugs.*.dismissedCodeMatch.reason': REASON,
  'drugs.*.codeOverride.code': FORMATTED,
  'drugs.*.codeOverride.reason': REASON,
  'attachments.*.id': IDENTIFIER,
  'attachments.*.drugId': IDENTIFIER,
  'attachments.*.fileName': limit(255, 'a file name (255 characters on Windows, macOS and Linux)'),
  'attachments.*.mediaType': limit(255, 'a media type (RFC 6838)'),
  'attachments.*.sha256': FORMATTED,
};

/**
 * The limits as a tree that follows the packet, built once: a node is the limit of a text field, or
 * the named fields below an object (`children`), or the limits of each item of a list (`item`).
 */
interface LimitNode {
  readonly text?: TextLimit | Readonly<Record<ClaimForm, TextLimit>>;
  readonly children: (readonly [string, LimitNode])[];
  item?: LimitNode;
}

const LIMIT_TREE: LimitNode = (() => {
  const root: LimitNode = { children: [] };
  const child = (node: LimitNode, segment: string): LimitNode => {
    if (segment === '*') return (node.item ??= { children: [] });
    const found = node.children.find(([key]) => key === segment)?.[1];
    if (found !== undefined) return found;
    const made: LimitNode = { children: [] };
    node.children.push([segment, made]);
    return made;
  };
  for (const [field, text] of Object.entries(TEXT_LIMITS)) {
    const segments = field.split('.');
    const parent = segments.slice(0, -1).reduce(child, root);
    const last = segments[segments.length - 1]!;
    if (last === '*') parent.item = { text, children: [] };
    else parent.children.push([last, { text, children: [] }]);
  }
  return root;
})();

/** Checks the text of every field against its limit, walking the packet along the limit tree (every keystroke: no allocation on the way). */
function checkText(ctx: ClaimContext, form: ClaimForm, value: unknown, node: LimitNode, path: string[]): void {
  if (node.text !== undefined) {
    if (typeof value !== 'string') return;
    const text = 'max' in node.text ? node.text as TextLimit : (node.text as Record<ClaimForm, TextLimit>)[form];
    if (value.length <= text.max) return;
    const at = path.join('.');
    ctx.findings.push(finding('textTooLong', at, { title: fieldMeta(at).title, length: countText(value.length), max: countText(text.max), where: text.where }));
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    const item = node.item;
    if (item === undefined) return;
    for (let i = 0; i < value.length; i++) {
      path.push(String(i));
      checkText(ctx, form, value[i], item, path);
      path.pop();
    }
    return;
  }
  for (const [key, childNode] of node.children) {
    const child = (value as Record<string, unknown>)[key];
    if (child === undefined || !Object.hasOwn(value, key)) continue;
    path.push(key);
    checkText(ctx, form, child, childNode, path);
    path.pop();
  }
}

// ── The claim as a whole ─────────────────────────────────────────────────────────────────────────

/**
 * Checks what the whole claim carries, once its drugs are evaluated (their lines are counted, each
 * drug taking at least one): service lines, attached files, the paper forms the lines fill, and the
 * length of every text field for the claim's form.
 */
export function checkClaimSize(ctx: ClaimContext, form: ClaimForm, drugs: readonly { readonly lines: readonly unknown[] }[]): void {
  let lines = 0;
  for (const d of drugs) lines += Math.max(1, d.lines.length);
  if (lines > CLAIM_SIZE.serviceLines) {
    ctx.findings.push(finding('claimTooManyLines', 'drugs', { drugs: drugs.length, lines, max: CLAIM_SIZE.serviceLines }));
  } else if (form === 'CMS-1500' && lines > CLAIM_SIZE.paperLinesPerForm) {
    ctx.findings.push(finding('claimPaperForms', 'drugs', { lines, forms: Math.ceil(lines / CLAIM_SIZE.paperLinesPerForm) }));
  }
  const attachments = ctx.packet.attachments?.length ?? 0;
  if (attachments > CLAIM_SIZE.attachments) ctx.findings.push(finding('attachmentsTooMany', 'attachments', { count: attachments, max: CLAIM_SIZE.attachments }));
  checkText(ctx, form, ctx.packet, LIMIT_TREE, []);
}
