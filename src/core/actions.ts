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

/** The packet once the action is taken; the same packet when the action's drug is not in it. */
export function applyAction(packet: ClaimPacket, action: FindingAction): ClaimPacket {
  const drugs = packet.drugs ?? [];
  if (drugs[action.drugIndex] === undefined) return packet;
  const change = (drug: Drug): Drug => {
    switch (action.kind) {
      case 'use-code': return useCode(drug, action.code);
      case 'use-ndc': return useNdc(drug, action.ndc);
    }
  };
  return { ...packet, drugs: drugs.map((d, i) => (i === action.drugIndex ? change(d) : d)) };
}
