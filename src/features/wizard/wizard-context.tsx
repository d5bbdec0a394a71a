/**
 * What the steps and fields of the wizard read. Two parts:
 * - the actions and the place (draft, step, drug, how to change the packet, how to go to a
 *   field): a context that changes only when the biller moves;
 * - the data (the packet and its evaluation by the core): a small store that changes on every
 *   keystroke. Components subscribe to just the part they show (a field to its own findings), so
 *   a keystroke re-renders what it changes and not the whole step.
 */
import type { ReactNode } from 'react';
import { createContext, useContext, useRef, useSyncExternalStore } from 'react';
import type { Evaluation } from '../../core/evaluate';
import type { ClaimPacket } from '../../core/packet/schema';
import type { DrugFacts, ReferenceData } from '../../core/reference';
import type { Finding, FindingAction } from '../../core/rules';
import type { StepId } from './steps';

export interface WizardData {
  readonly packet: ClaimPacket;
  readonly evaluation: Evaluation;
  /** Findings by their exact path. */
  readonly findingsByPath: ReadonlyMap<string, readonly Finding[]>;
  /** The biller has asked to move on from this step: show what is still missing, even untouched. */
  readonly isStepAttempted: boolean;
}

/** Holds the latest data and tells subscribers when it changes. */
export class WizardStore {
  private data: WizardData;
  private readonly listeners = new Set<() => void>();

  constructor(data: WizardData) {
    this.data = data;
  }

  readonly get = (): WizardData => this.data;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * Takes new data without telling anyone yet: done while the wizard renders, so that whatever
   * renders in the same pass (a step opened anew) starts from it.
   */
  replace(data: WizardData): void {
    this.data = data;
  }

  /** Tells the subscribers; done once the render is committed. */
  notify(): void {
    for (const listener of this.listeners) listener();
  }
}

/** What the review step hands to the export actions. */
export interface ExportSlot {
  readonly draftId: string;
  readonly packet: ClaimPacket;
  readonly evaluation: Evaluation;
  /** The id of the element that says why export is blocked, when it is. */
  readonly blockedBy: string | undefined;
}

/**
 * What the wizard gets from the app, which composes it with the other features: the reference
 * data the claim is checked against, the reference-data status line, and the export actions.
 */
export interface WizardServices {
  readonly reference: ReferenceData;
  /**
   * A hook: the drug facts of an NDC (11 digits), reading the FDA NDC Directory stored in this
   * browser for it first (it is read an NDC at a time); the built-in catalogue meanwhile.
   */
  readonly useDrugFacts: (ndc11: string | undefined) => DrugFacts | undefined;
  readonly referenceStatus: (dateOfService: string | undefined) => ReactNode;
  readonly exportPanel: (slot: ExportSlot) => ReactNode;
}

export interface WizardValue {
  readonly draftId: string;
  readonly store: WizardStore;
  readonly update: (change: (packet: ClaimPacket) => ClaimPacket) => void;
  /** The drug the drug-level steps show. */
  readonly drugIndex: number;
  readonly step: StepId;
  /** Opens the step of a packet path and moves the focus to its field. */
  readonly goTo: (path: string) => void;
  /** Takes a finding's action (bill the drug's own code…): changes the packet and shows the step anew. */
  readonly takeAction: (action: FindingAction) => void;
  readonly services: WizardServices;
}

export const WizardContext = createContext<WizardValue | null>(null);

export function useWizard(): WizardValue {
  const value = useContext(WizardContext);
  if (value === null) throw new Error('useWizard is used outside the wizard');
  return value;
}

/**
 * A part of the wizard's data; the component re-renders only when that part changes (by
 * `isEqual`, identity by default).
 */
export function useWizardData<T>(select: (data: WizardData) => T, isEqual: (a: T, b: T) => boolean = Object.is): T {
  const { store } = useWizard();
  const last = useRef<{ value: T } | undefined>(undefined);
  const snapshot = () => {
    const next = select(store.get());
    if (last.current !== undefined && isEqual(last.current.value, next)) return last.current.value;
    last.current = { value: next };
    return next;
  };
  return useSyncExternalStore(store.subscribe, snapshot);
}

/** Selects all the data: for views that show the whole claim (the review step, the printed checklist). */
export const everything = (data: WizardData): WizardData => data;

/** Same findings, in the same order (rule, path, severity and message). */
export function sameFindings(a: readonly Finding[], b: readonly Finding[]): boolean {
  return a.length === b.length && a.every((f, i) => f.rule === b[i]!.rule && f.path === b[i]!.path && f.severity === b[i]!.severity && f.message === b[i]!.message);
}

/** Same plain data (for small values such as a drug's lines or a list of names). */
export function sameJson<T>(a: T, b: T): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A value not filled in yet (its rule says so): shown once the biller tries to move on, not while they are still getting there. */
export function isStillToFill(f: Finding): boolean {
  return f.kind === 'missing';
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
