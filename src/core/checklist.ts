/**
 * The documentation checklist (billing-rules §7 plus what the MAC billing guides ask for). Each item
 * says whether it is required, required here because of a condition, or not needed, and why; and
 * whether it is done or what is missing, pointing at the field to complete. Export is blocked until
 * every needed item is done.
 */
import type { DrugContext } from './context';
import { hasDocument, isBlank } from './context';
import type { ClaimContext } from './context';
import type { CodeDecision } from './code-decision';
import { parseIcd10 } from './icd10';
import { checkNpi } from './npi';
import type { ClaimLine } from './lines';
import type { Source } from './sources';
import { BPM15, CPM17, CPM26, CPM30, CR8401, FCSO_PRICING, JWJZ, MAC_NOC, NUCC, RULES_DOC, WPS_NOC } from './sources';
import type { Finding } from './rules';
import type { WastePlan } from './waste';
import { isWasteRecordOptional } from './waste';
import { parseMoney } from './quantity';
import { dayNumber } from './dates';

export type Requirement = 'required' | 'conditional' | 'not-needed';

export interface ChecklistItem {
  readonly id: string;
  /** The rule id of the finding raised when the item is missing: `checklist.<id>`. */
  readonly rule: string;
  /** The drug the item is about, `null` for the claim as a whole. */
  readonly drugIndex: number | null;
  readonly label: string;
  readonly requirement: Requirement;
  /** Why it is needed, or why not. */
  readonly reason: string;
  readonly status: 'done' | 'missing' | 'not-needed';
  /** What is still missing, for the biller; `null` when done or not needed. */
  readonly missing: string | null;
  /** The field to complete (or the first one, when several are missing). */
  readonly path: string;
  readonly source: Source;
}

interface Need {
  readonly requirement: Requirement;
  readonly reason: string;
  /** The first thing missing: what to do, and where. */
  readonly missing: { readonly text: string; readonly path: string } | undefined;
  /** Where the item lives when nothing is missing. */
  readonly path: string;
}

interface DrugFacts {
  readonly ctx: DrugContext;
  readonly decision: CodeDecision;
  readonly waste: WastePlan;
  readonly lines: readonly ClaimLine[];
  readonly modifiers: readonly string[];
}

const first = (...checks: ({ text: string; path: string } | false)[]) => checks.find((c) => c !== false) || undefined;
const docPath = (ctx: DrugContext) => `${ctx.base}.documentsOnFile`;
const needed = (reason: string, path: string, missing?: { text: string; path: string }): Need =>
  ({ requirement: 'required', reason, path, missing });
const conditional = (reason: string, path: string, missing?: { text: string; path: string }): Need =>
  ({ requirement: 'conditional', reason, path, missing });
const notNeeded = (reason: string, path: string): Need => ({ requirement: 'not-needed', reason, path, missing: undefined });
const isSupplier = (ctx: DrugContext) => ctx.packet.careSetting === 'dme-supplier';

function isUnclassifiedLine(f: DrugFacts): boolean {
  return f.decision.kind === 'unclassified';
}

function isSpecificLine(f: DrugFacts): boolean {
  return f.decision.kind === 'specific';
}

interface ItemDef<T> {
  readonly id: string;
  readonly label: string;
  readonly source: Source;
  readonly need: (facts: T) => Need;
}

const CLAIM_ITEMS: readonly ItemDef<ClaimContext>[] = [
  {
    id: 'provider', label: 'Provider NPI, name and credentials', source: CPM26('Items 24J, 31, 33'),
    need: (ctx) => {
      const r = ctx.packet.providers?.rendering, b = ctx.packet.providers?.billing;
      return needed('Every claim names the rendering and the billing provider.', 'providers.rendering.npi', first(
        !checkNpi(r?.npi).ok && { text: "enter the rendering provider's valid 10-digit NPI", path: 'providers.rendering.npi' },
        isBlank(r?.name) && { text: "enter the rendering provider's name", path: 'providers.rendering.name' },
        isBlank(r?.credentials) && { text: "enter the rendering provider's credentials (MD, NP…)", path: 'providers.rendering.credentials' },
        !checkNpi(b?.npi).ok && { text: "enter the billing provider's valid 10-digit NPI", path: 'providers.billing.npi' },
        isBlank(b?.name) && { text: "enter the billing provider's name", path: 'providers.billing.name' },
      ));
    },
  },
  {
    id: 'clinical-trial', label: 'Clinical trial details', source: CR8401('NCT number, Z00.6, Q0/Q1'),
    need: (ctx) => {
      const t = ctx.packet.clinicalTrial;
      const drugs = ctx.packet.drugs ?? [];
      const isTrial = !isBlank(t?.nctNumber) || t?.isQualifyingTrial === true
        || drugs.some((d) => d.isSuppliedFreeBySponsor === true || d.marketingCategory === 'investigational'
          || (d.modifiers ?? []).some((m) => /^\s*q[01]\s*$/i.test(m)));
      if (!isTrial) return notNeeded('No clinical trial is involved.', 'clinicalTrial.nctNumber');
      const hasZ006 = (ctx.packet.diagnoses ?? []).some((d) => parseIcd10(d.code)?.code === 'Z006');
      return conditional('A clinical trial is involved: claims carry the NCT number and diagnosis Z00.6.', 'clinicalTrial.nctNumber', first(
        isBlank(t?.nctNumber) && { text: "enter the trial's NCT number", path: 'clinicalTrial.nctNumber' },
        !hasZ006 && { text: 'add diagnosis Z00.6 (clinical research)', path: 'diagnoses' },
      ));
    },
  },
];

const DRUG_ITEMS: readonly ItemDef<DrugFacts>[] = [
  {
    id: 'ndc', label: 'NDC of the product given', source: NUCC('Item 24 shaded; X12 LIN03'),
    need: ({ ctx }) => {
      const path = `${ctx.base}.ndc.input`;
      if (ctx.drug.marketingCategory === 'compounded' && isBlank(ctx.drug.ndc?.input)) {
        return notNeeded('A compounded drug has no NDC of its own; its ingredients are listed instead.', path);
      }
      return needed('Drug lines need the 11-digit NDC of the exact package given (RARC M119).', path,
        ctx.ndc === undefined ? { text: 'enter the 11-digit NDC from the vial label', path } : undefined);
    },
  },
  {
    id: 'order', label: 'Signed order', source: RULES_DOC('§7 documentation checklist'),
    need: ({ ctx }) => needed('The order or prescription names the drug, dose, route and frequency.', docPath(ctx),
      hasDocument(ctx, 'order') ? undefined : { text: 'attach the signed order, or mark it as kept in the chart', path: docPath(ctx) }),
  },
  {
    id: 'dose-route-date', label: 'Dose, route and date given', source: WPS_NOC('name, strength, total dose and route; RARC N349'),
    need: ({ ctx }) => {
      const dose = ctx.drug.administration?.dose, b = ctx.base;
      return needed('The claim states the total dose, the route and the date given.', `${b}.administration.dose.value`, first(
        isBlank(dose?.value) && { text: 'enter the dose given', path: `${b}.administration.dose.value` },
        dose?.unit === undefined && { text: 'choose the unit of the dose', path: `${b}.administration.dose.unit` },
        ctx.drug.route === undefined && { text: 'choose the route', path: `${b}.route` },
        ctx.dateOfService === undefined && { text: 'enter the date of service', path: 'dates.service' },
      ));
    },
  },
  {
    id: 'administration-times', label: 'Administration times', source: MAC_NOC('date and time of administration'),
    need: ({ ctx }) => {
      const a = ctx.drug.administration, b = ctx.base;
      if (isSupplier(ctx)) return notNeeded('A supplier delivers the drug for use at home; the delivery date is the date of service.', `${b}.administration.start`);
      const isInfusion = ctx.drug.route === 'intravenous';
      return needed(isInfusion ? 'Infusions are documented with start and stop times.' : 'The record shows when the drug was given.',
        `${b}.administration.start`, first(
          isBlank(a?.start) && { text: 'enter when the administration started', path: `${b}.administration.start` },
          isInfusion && isBlank(a?.end) && { text: 'enter when the infusion ended', path: `${b}.administration.end` },
        ));
    },
  },
  {
    id: 'administration-record', label: 'Administration record (MAR) or proof of delivery', source: RULES_DOC('§7 documentation checklist'),
    need: ({ ctx }) => isSupplier(ctx)
      ? needed('A supplier keeps proof that the drug was delivered to the patient.', docPath(ctx),
        hasDocument(ctx, 'proof-of-delivery') ? undefined : { text: 'attach the proof of delivery, or mark it as kept on file', path: docPath(ctx) })
      : needed('The medication administration record shows the dose, route, time, lot and who gave it.', docPath(ctx),
        hasDocument(ctx, 'administration-record') ? undefined : { text: 'attach the administration record, or mark it as kept in the chart', path: docPath(ctx) }),
  },
  {
    id: 'lot-expiration', label: 'Lot number and expiration', source: RULES_DOC('§7 documentation checklist'),
    need: ({ ctx }) => {
      const a = ctx.drug.administration, b = ctx.base;
      return needed('Auditors match the lot and expiration to the invoice and the record.', `${b}.administration.lot`, first(
        isBlank(a?.lot) && { text: 'enter the lot number from the vial', path: `${b}.administration.lot` },
        isBlank(a?.expiration) && { text: 'enter the expiration date from the vial', path: `${b}.administration.expiration` },
      ));
    },
  },
  {
    id: 'container-type', label: 'Container type from the label', source: JWJZ('single-dose containers'),
    need: ({ ctx }) => {
      const path = `${ctx.base}.container.type`;
      return needed('The FDA label says single-dose or multi-dose; it decides the waste modifiers.', path,
        ctx.drug.container?.type === undefined ? { text: 'choose single-dose or multi-dose, as the label says', path } : undefined);
    },
  },
  {
    id: 'medical-necessity', label: 'Medical necessity and diagnosis', source: BPM15('§50.4.5; ICD-10-CM'),
    need: ({ ctx }) => {
      const hasDiagnosis = (ctx.packet.diagnoses ?? []).some((d) => parseIcd10(d.code) !== undefined);
      return needed('The diagnosis and a statement of medical necessity support the drug.', `${ctx.base}.medicalNecessity`, first(
        !hasDiagnosis && { text: 'enter the ICD-10-CM diagnosis that supports the drug', path: 'diagnoses' },
        isBlank(ctx.drug.medicalNecessity) && { text: 'write why the drug was medically necessary', path: `${ctx.base}.medicalNecessity` },
      ));
    },
  },
  {
    id: 'fda-status', label: 'FDA status', source: BPM15('§50.4.1'),
    need: ({ ctx }) => {
      const d = ctx.drug, b = ctx.base;
      if (d.marketingCategory === 'compounded') return notNeeded('A compounded drug has no FDA approval of its own.', `${b}.marketingCategory`);
      const isApproved = d.marketingCategory === 'NDA' || d.marketingCategory === 'ANDA' || d.marketingCategory === 'BLA';
      const hasProof = !isBlank(d.fdaApprovalDate) || hasDocument(ctx, 'fda-approval') || hasDocument(ctx, 'package-insert');
      return needed('Medicare covers drugs with FDA approval on the date given; new drugs need proof (approval letter, listing or package insert).', `${b}.marketingCategory`, first(
        d.marketingCategory === undefined && { text: 'choose the FDA marketing category', path: `${b}.marketingCategory` },
        isApproved && !hasProof && { text: 'enter the FDA approval date, or attach the approval letter or package insert', path: `${b}.fdaApprovalDate` },
      ));
    },
  },
  {
    id: 'off-label', label: 'Off-label support', source: BPM15('§50.4.5'),
    need: ({ ctx }) => {
      const d = ctx.drug, b = ctx.base;
      if (d.isOffLabel !== true) return notNeeded('The drug is used as labeled.', `${b}.isOffLabel`);
      const needsCompendia = d.isAntineoplastic === true;
      return conditional(needsCompendia ? 'Off-label anticancer use needs compendia support.' : 'Off-label use needs its medical rationale on file.', `${b}.offLabelRationale`, first(
        isBlank(d.offLabelRationale) && { text: 'explain why the off-label use is medically accepted', path: `${b}.offLabelRationale` },
        needsCompendia && !hasDocument(ctx, 'compendia') && { text: 'attach the compendium listing, or mark it as kept in the chart', path: docPath(ctx) },
      ));
    },
  },
  {
    id: 'waste-record', label: 'Waste record', source: CPM17('§40'),
    need: ({ ctx, waste }) => {
      const path = `${ctx.base}.waste.amount.value`;
      if (!waste.applies) return notNeeded(`No JW/JZ: ${waste.notApplicable ?? 'they do not apply'}.`, path);
      if (waste.isBelowOneUnit) {
        return conditional('Less than one billing unit was discarded: it is not billed, and the record shows the amount, as for any single-dose container.', path);
      }
      if (waste.discarded !== undefined) {
        return conditional('Drug was discarded from a single-dose container: the record shows the amount, date, time and reason.', path,
          hasDocument(ctx, 'waste-record') ? undefined : { text: 'attach the waste record, or mark it as kept in the chart', path: docPath(ctx) });
      }
      if (isBlank(ctx.drug.waste?.amount?.value) && isWasteRecordOptional(ctx)) {
        return notNeeded('Claims without JW or JZ are returned only from 10/01/2023: the amount discarded is not needed to send this claim (see the warning).', path);
      }
      return conditional('Single-dose container: the record must show how much was discarded, even when nothing was (JZ).', path,
        isBlank(ctx.drug.waste?.amount?.value) ? { text: 'enter the amount discarded (0 if none)', path } : undefined);
    },
  },
  {
    id: 'invoice', label: 'Invoice', source: FCSO_PRICING('invoice at net acquisition cost'),
    need: (f) => {
      const { ctx, decision } = f;
      const b = ctx.base, inv = ctx.drug.invoice;
      const path = `${b}.invoice.supplier`;
      if (isSpecificLine(f)) return notNeeded(`${decision.code} is the drug's own code: Medicare prices it from the CMS ASP payment limit, not from an invoice.`, path);
      if (!isUnclassifiedLine(f)) return notNeeded('No unclassified drug line is billed.', path);
      const isCompound = decision.code === 'J7999' || decision.code === 'Q9977' || ctx.drug.marketingCategory === 'compounded';
      let reason: string;
      if (isCompound) reason = 'Compounded drugs are paid from the invoice.';
      else if (decision.code === 'C9399') return notNeeded('C9399 is priced by the contractor at 95% of AWP.', path);
      else if (!decision.isSeparatelyPayable) return notNeeded('The drug is packaged, not paid separately.', path);
      else if (ctx.ndc !== undefined && ctx.dateOfService !== undefined && ctx.reference.hasNocPrice(ctx.ndc.ndc11, ctx.dateOfService) === true) {
        return notNeeded('CMS lists a NOC payment limit for this NDC, so the contractor does not need the invoice to price it.', path);
      } else reason = 'With no CMS NOC payment limit for this drug, the contractor prices it from the invoice at net cost.';
      return conditional(reason, path, first(
        isBlank(inv?.supplier) && { text: 'enter the supplier on the invoice', path },
        dayNumber(inv?.date) === undefined && { text: 'enter the invoice date', path: `${b}.invoice.date` },
        !isBlank(ctx.drug.ndc?.input) && isBlank(inv?.ndc) && { text: 'enter the NDC on the invoice', path: `${b}.invoice.ndc` },
        isBlank(inv?.quantity) && { text: 'enter the number of packages on the invoice', path: `${b}.invoice.quantity` },
        typeof parseMoney(inv?.netCost) === 'string' && { text: 'enter the net cost', path: `${b}.invoice.netCost` },
        !hasDocument(ctx, 'invoice') && { text: 'attach the invoice', path: 'attachments' },
      ));
    },
  },
  {
    id: 'compound-ingredients', label: 'Compound ingredients', source: MAC_NOC('compounded drugs (Palmetto, AAO)', 'S'),
    need: ({ ctx }) => {
      const path = `${ctx.base}.compoundIngredients`;
      if (ctx.drug.marketingCategory !== 'compounded') return notNeeded('The drug is not compounded.', path);
      const list = ctx.drug.compoundIngredients ?? [];
      return conditional('A compounded drug lists each ingredient with its NDC and amount.', path,
        list.length === 0 ? { text: 'list the ingredients', path } : undefined);
    },
  },
  {
    id: 'prior-auth', label: 'Prior authorization', source: NUCC('Item 23 prior authorization number', 'S'),
    need: (f) => {
      const { ctx } = f;
      const pa = ctx.drug.priorAuth, b = ctx.base;
      const rule = ctx.profile?.priorAuth ?? 'never';
      const isRequired = rule === 'always' ? f.decision.kind !== 'not-billable' : rule === 'unclassified-drugs' && isUnclassifiedLine(f);
      if (!isRequired) return notNeeded("This payer's profile does not require prior authorization for this drug.", `${b}.priorAuth.status`);
      if (pa?.status === 'not-required') return conditional('The payer confirmed no authorization is needed for this drug.', `${b}.priorAuth.status`);
      const which = rule === 'always' ? 'drugs' : 'unclassified drugs';
      return conditional(`This payer requires prior authorization for ${which} (CARC 197 without it).`, `${b}.priorAuth.status`, first(
        pa?.status !== 'approved' && { text: 'record the approved authorization (or that the payer said none is needed)', path: `${b}.priorAuth.status` },
        isBlank(pa?.number) && { text: 'enter the authorization number', path: `${b}.priorAuth.number` },
      ));
    },
  },
  {
    id: 'abn', label: 'Advance Beneficiary Notice', source: CPM30('§50 Advance Beneficiary Notice of Noncoverage (ABN)'),
    need: ({ ctx, modifiers }) => modifiers.includes('GA')
      ? conditional('GA says a signed ABN is on file.', docPath(ctx),
        hasDocument(ctx, 'abn') ? undefined : { text: 'attach the signed ABN, or mark it as kept in the chart', path: docPath(ctx) })
      : notNeeded('No GA modifier.', docPath(ctx)),
  },
  {
    id: 'narrative', label: 'Drug description', source: MAC_NOC('RARC N350 / M123'),
    need: (f) => {
      const { ctx } = f;
      const path = `${ctx.base}.narrativeOverride`;
      if (isSpecificLine(f)) return notNeeded(`${f.decision.code} is the drug's own code: its line carries no description (a description there is returned).`, path);
      if (!isUnclassifiedLine(f)) return notNeeded('No unclassified drug line is billed.', path);
      const hasText = f.lines[0]?.narrative != null;
      return conditional('Unclassified codes need the drug name and total dose in the description (RARC N350).', path, hasText ? undefined : first(
        isBlank(ctx.drug.brandName) && isBlank(ctx.drug.genericName) && { text: 'enter the drug name', path: `${ctx.base}.brandName` },
        { text: 'complete the dose so the description can be written', path: `${ctx.base}.administration.dose.value` },
      ));
    },
  },
];

function toItem(def: ItemDef<never>, need: Need, drugIndex: number | null): ChecklistItem {
  const status = need.requirement === 'not-needed' ? 'not-needed' : need.missing === undefined ? 'done' : 'missing';
  return {
    id: def.id, rule: `checklist.${def.id}`, drugIndex, label: def.label, requirement: need.requirement, reason: need.reason,
    status, missing: status === 'missing' ? need.missing!.text : null,
    path: status === 'missing' ? need.missing!.path : need.path, source: def.source,
  };
}

export function claimChecklist(ctx: ClaimContext): ChecklistItem[] {
  return CLAIM_ITEMS.map((def) => toItem(def as ItemDef<never>, def.need(ctx), null));
}

export function drugChecklist(facts: DrugFacts): ChecklistItem[] {
  if (facts.decision.kind === 'not-billable') {
    const reason = notNeeded('This drug is not billed (see the code decision), so no document is needed for it.', facts.ctx.base);
    return DRUG_ITEMS.map((def) => toItem(def as ItemDef<never>, reason, facts.ctx.index));
  }
  return DRUG_ITEMS.map((def) => toItem(def as ItemDef<never>, def.need(facts), facts.ctx.index));
}

/** Findings for the missing items, except where a more precise finding already points at the field. */
export function checklistFindings(items: readonly ChecklistItem[], findings: readonly Finding[]): Finding[] {
  const blocked = new Set(findings.filter((f) => f.severity === 'block').map((f) => f.path));
  return items.filter((i) => i.status === 'missing' && !blocked.has(i.path)).map((i) => ({
    rule: i.rule,
    severity: 'block',
    kind: 'missing',
    path: i.path,
    message: `${i.label}: ${i.missing!.charAt(0).toUpperCase()}${i.missing!.slice(1)}.`,
    source: i.source,
  }));
}

/** Every checklist rule id, for the rule catalogue. */
export const CHECKLIST_RULES: readonly { id: string; label: string; source: Source }[] =
  [...CLAIM_ITEMS, ...DRUG_ITEMS].map((d) => ({ id: `checklist.${d.id}`, label: d.label, source: d.source }));
