/**
 * Each step's form schema, picked from the packet schema (never a second field list).
 */
import * as z from 'zod/mini';
import { ZClaimPacket, ZDrug } from '../../core/packet/schema';

export const ZClaimStep = z.pick(ZClaimPacket, {
  careSetting: true, payer: true, dates: true, patient: true, providers: true, diagnoses: true, clinicalTrial: true,
});

export const ZDrugStep = z.pick(ZDrug, {
  ndc: true, brandName: true, genericName: true, strength: true, dosageForm: true, route: true, marketingCategory: true,
  isBiologic: true, isBiosimilar: true, isAntineoplastic: true, therapeuticClass: true, fdaApprovalDate: true, isOffLabel: true,
  offLabelRationale: true, isOnSelfAdministeredList: true, isMixtureOfCommercialProducts: true, isSuppliedFreeBySponsor: true,
  compoundIngredients: true, specificCodeChoice: true, codeOverride: true,
});

export const ZDoseStep = z.pick(ZDrug, { container: true, administration: true, ndcUnitOverride: true, hcpcsUnitsOverride: true });

export const ZWasteStep = z.pick(ZDrug, { waste: true });

export const ZModifiersStep = z.pick(ZDrug, { modifiers: true });

export const ZDocumentsStep = z.pick(ZDrug, { administration: true, priorAuth: true, invoice: true, medicalNecessity: true, documentsOnFile: true });

export const ZReviewStep = z.pick(ZDrug, { narrativeOverride: true });
