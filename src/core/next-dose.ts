/**
 * The next dose of a repeating treatment (an infusion every 2, 4 or 8 weeks): a new claim made from
 * one already built. What belongs to the patient's course of treatment is kept: the patient account,
 * care setting, payer, providers, diagnoses, clinical trial, and for each drug its NDC and facts,
 * container, frequency, prior authorization, medical necessity, modifiers and code choices. What
 * belongs to the dose given on one day is cleared: the dates (and any filing-limit exception), the
 * dose, containers opened, waste, administration times, lot and expiration, who gave it, the invoice
 * (its packages and lot are the ones of that dose), units and description typed for it, and the
 * attached files. Of the records kept in the chart, those that cover the whole course stay ticked
 * (a standing order, the FDA approval or package insert, compendium listing, prior-authorization
 * approval, an ABN, trial documents); the ones written for one dose are cleared (administration and
 * waste records, invoice, proof of delivery, compounding worksheet, the visit's medical record).
 */
import type { ClaimPacket, DocumentKind, Drug } from './packet/schema';

/** Records that cover the whole course of treatment, kept from one dose to the next. */
export const COURSE_RECORDS: ReadonlySet<DocumentKind> = new Set<DocumentKind>([
  'order', 'fda-approval', 'package-insert', 'compendia', 'prior-auth-approval', 'abn', 'clinical-trial',
]);

/** Ids, time and the new packet's id, given by the caller (the core makes no random ids and reads no clock). */
export interface NewClaimIds {
  readonly id: string;
  readonly now: string;
  readonly newDrugId: () => string;
}

/** The object without its absent fields, so the new packet holds only what it has. */
function present<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function nextDrug(drug: Drug, id: string): Drug {
  const {
    ndc, brandName, genericName, strength, dosageForm, route, marketingCategory, isBiologic, isBiosimilar, isAntineoplastic,
    therapeuticClass, fdaApprovalDate, isOffLabel, offLabelRationale, isOnSelfAdministeredList, isMixtureOfCommercialProducts,
    isSuppliedFreeBySponsor, compoundIngredients, container, administration, ndcUnitOverride, modifiers, priorAuth,
    medicalNecessity, documentsOnFile, specificCodeChoice, codeOverride,
  } = drug;
  const kept: Drug = {
    id, ndc, brandName, genericName, strength, dosageForm, route, marketingCategory, isBiologic, isBiosimilar, isAntineoplastic,
    therapeuticClass, fdaApprovalDate, isOffLabel, offLabelRationale, isOnSelfAdministeredList, isMixtureOfCommercialProducts,
    isSuppliedFreeBySponsor, compoundIngredients, ndcUnitOverride, modifiers, priorAuth, medicalNecessity, specificCodeChoice, codeOverride,
    container: container === undefined ? undefined : { type: container.type, amount: container.amount, volume: container.volume },
    administration: administration?.frequency === undefined ? undefined : { frequency: administration.frequency },
    documentsOnFile: documentsOnFile?.filter((kind) => COURSE_RECORDS.has(kind)),
  };
  return present(kept);
}

/** The claim of the next dose: a new packet from `packet`, with what the next dose shares with it. */
export function nextDosePacket(packet: ClaimPacket, ids: NewClaimIds): ClaimPacket {
  const { format, version, careSetting, payer, patient, providers, diagnoses, clinicalTrial } = packet;
  const kept: ClaimPacket = {
    format, version, id: ids.id, createdAt: ids.now, updatedAt: ids.now, careSetting, payer, patient, providers, diagnoses, clinicalTrial,
    dates: {},
    drugs: (packet.drugs ?? []).map((d) => nextDrug(d, ids.newDrugId())),
    attachments: [],
  };
  return present(kept);
}
