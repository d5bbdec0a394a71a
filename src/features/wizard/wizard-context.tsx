/**
 * What every step and field of the wizard reads: the packet, its evaluation by the core, and how
 * to change the packet. Fields find their findings here by packet path.
 */
import { createContext, useContext } from 'react';
import type { Evaluation } from '../../core/evaluate';
import type { ClaimPacket } from '../../core/packet/schema';
import type { Finding } from '../../core/rules';
import type { StepId } from './steps';

export interface WizardValue {
  readonly draftId: string;
  readonly packet: ClaimPacket;
  readonly evaluation: Evaluation;
  /** Findings by their exact path. */
  readonly findingsByPath: ReadonlyMap<string, readonly Finding[]>;
  readonly update: (change: (packet: ClaimPacket) => ClaimPacket) => void;
  /** The drug the drug-level steps show. */
  readonly drugIndex: number;
  readonly step: StepId;
  /** The biller has asked to move on from this step: show what is still missing, even untouched. */
  readonly isStepAttempted: boolean;
  /** Opens the step of a packet path and moves the focus to its field. */
  readonly goTo: (path: string) => void;
}

export const WizardContext = createContext<WizardValue | null>(null);

export function useWizard(): WizardValue {
  const value = useContext(WizardContext);
  if (value === null) throw new Error('useWizard is used outside the wizard');
  return value;
}

/** A value not filled in yet: shown once the biller tries to move on, not while they are still getting there. */
export function isStillToFill(f: Finding): boolean {
  return f.severity === 'block' && (f.rule.startsWith('checklist.') || f.rule.endsWith('-missing'));
}

/** Groups findings by path once per evaluation. */
export function groupByPath(findings: readonly Finding[]): Map<string, Finding[]> {
  const map = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = map.get(f.path);
    if (list === undefined) map.set(f.path, [f]);
    else list.push(f);
  }
  return map;
}
