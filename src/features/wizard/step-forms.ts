/**
 * Each wizard step's form schema, picked from the packet schema by the fields the step owns
 * (steps.ts): the form of a step edits exactly what the step owns, and nothing is listed twice.
 */
import * as z from 'zod/mini';
import type { ClaimPacket, Drug } from '../../core/packet/schema';
import { ZClaimPacket, ZDrug } from '../../core/packet/schema';
import type { PacketField, StepId } from './steps';
import { STEPS } from './steps';

type TopOf<P extends string> = P extends `${infer Top}.${string}` ? Top : P;
type DrugKeys<F extends readonly PacketField[]> = { [I in keyof F]: F[I] extends `drugs.*.${infer D}` ? TopOf<D> : never }[number] & keyof Drug;
type ClaimKeys<F extends readonly PacketField[]> = { [I in keyof F]: F[I] extends `drugs${string}` ? never : TopOf<F[I]> }[number] & keyof ClaimPacket;

/** The form schema of a drug-level step: the drug fields it owns, picked from the packet schema. */
function drugForm<const F extends readonly PacketField[]>(fields: F) {
  const mask = Object.fromEntries(fields.filter((f) => f.startsWith('drugs.*.')).map((f) => [f.slice('drugs.*.'.length).split('.')[0]!, true]));
  // The mask is built from the same fields the type reads, so the cast only names what it holds.
  return z.pick(ZDrug, mask as never) as unknown as ReturnType<typeof z.pick<typeof ZDrug, { [K in DrugKeys<F>]: true }>>;
}

/** The form schema of the claim step: the claim fields it owns, picked from the packet schema. */
function claimForm<const F extends readonly PacketField[]>(fields: F) {
  const mask = Object.fromEntries(fields.map((f) => [f.split('.')[0]!, true]));
  return z.pick(ZClaimPacket, mask as never) as unknown as ReturnType<typeof z.pick<typeof ZClaimPacket, { [K in ClaimKeys<F>]: true }>>;
}

type FieldsOf<I extends StepId> = Extract<(typeof STEPS)[number], { id: I }>['fields'];

/** The fields a step owns, with their literal types. */
function fieldsOf<I extends StepId>(id: I): FieldsOf<I> {
  return STEPS.find((s) => s.id === id)!.fields as FieldsOf<I>;
}

/** Each step's form schema (the dose step owns the dose of `administration`; its form holds the object). */
export const ZClaimStep = claimForm(fieldsOf('claim'));
export const ZDrugStep = drugForm(fieldsOf('drug'));
export const ZDoseStep = drugForm([...fieldsOf('dose'), 'drugs.*.administration']);
export const ZWasteStep = drugForm(fieldsOf('waste'));
export const ZModifiersStep = drugForm(fieldsOf('modifiers'));
export const ZDocumentsStep = drugForm(fieldsOf('documents'));
export const ZReviewStep = drugForm(fieldsOf('review'));
