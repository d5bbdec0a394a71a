/**
 * What a finding's action does to the packet (see `FindingAction` in rules.ts). Pure, so the wizard's
 * button and any other caller make the same change; the packet stays format v1.
 */
import { parseNdc } from './ndc';
import type { ClaimPacket, Drug } from './packet/schema';
import type { FindingAction } from './rules';

/** Bills the drug under its own code: records the biller's choice and drops a code typed to bill instead. */
function useCode(drug: Drug, code: string): Drug {
  const { codeOverride, ...rest } = drug;
  const isOverrideKept = codeOverride === undefined || (codeOverride.code ?? '').trim().toUpperCase() === code;
  return { ...rest, specificCodeChoice: code, ...(isOverrideKept && codeOverride !== undefined ? { codeOverride } : {}) };
}

/** Sets the NDC as the reading given (hyphens placed), with its 11 digits. */
function useNdc(drug: Drug, ndc: string): Drug {
  const read = parseNdc(ndc);
  return { ...drug, ndc: { input: ndc, normalized: read.ok ? read.ndc.ndc11 : '' } };
}

/** The code a HCPCS descriptor names the drug in is its own: billed, and no longer set aside. */
function confirmCode(drug: Drug, code: string): Drug {
  const { dismissedCodeMatch: _setAside, ...rest } = useCode(drug, code);
  return rest;
}

/** The codes found by the drug's name are not this drug: recorded, keeping a reason already typed. */
function dismissMatch(drug: Drug, codes: readonly string[]): Drug {
  return { ...drug, dismissedCodeMatch: { ...drug.dismissedCodeMatch, codes: [...codes] } };
}

/** The packet once the action is taken; the same packet when the action's drug is not in it. */
export function applyAction(packet: ClaimPacket, action: FindingAction): ClaimPacket {
  const drugs = packet.drugs ?? [];
  if (drugs[action.drugIndex] === undefined) return packet;
  const change = (drug: Drug): Drug => {
    switch (action.kind) {
      case 'use-code': return useCode(drug, action.code);
      case 'use-ndc': return useNdc(drug, action.ndc);
      case 'confirm-code': return confirmCode(drug, action.code);
      case 'dismiss-match': return dismissMatch(drug, action.codes);
    }
  };
  return { ...packet, drugs: drugs.map((d, i) => (i === action.drugIndex ? change(d) : d)) };
}

/** The field the biller fills next once the action is taken (the reason for setting codes aside); `undefined` when none. */
export function fieldAfterAction(action: FindingAction): string | undefined {
  return action.kind === 'dismiss-match' ? `drugs.${action.drugIndex}.dismissedCodeMatch.reason` : undefined;
}
