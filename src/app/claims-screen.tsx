/**
 * The claims list, composed with the reference data: each claim's status reads its evaluation, made
 * here with the reference data stored in this browser (the drafts feature does not know where they
 * come from). Loaded with the claim core when the list is opened, so the first bundle stays small.
 */
import { useCallback } from 'react';
import { localToday } from '../components/today';
import { evaluateClaim } from '../core/evaluate';
import type { ClaimPacket } from '../core/packet/schema';
import { DraftsScreen } from '../features/drafts/drafts-screen';
import { useReferenceData } from '../features/reference-data/queries';

export function ClaimsScreen({ onOpen }: { onOpen: (draftId: string) => void }) {
  const { reference } = useReferenceData();
  const today = localToday();
  const evaluate = useCallback((packet: ClaimPacket) => evaluateClaim(packet, reference, today), [reference, today]);
  return <DraftsScreen onOpen={onOpen} evaluate={evaluate} />;
}
