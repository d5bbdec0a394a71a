/**
 * Helpers for journeys: a biller's actions on the claims list and between the steps, through
 * labels and roles only.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import type { ClaimPacket } from '../../src/core/packet/schema';
import type { Driver, StepId } from './fields';
import { expectFields, fillFields, pointer, stepFields } from './fields';

export const STEPS: readonly { readonly id: StepId; readonly title: string }[] = [
  { id: 'claim', title: 'Claim' }, { id: 'drug', title: 'Drug' }, { id: 'dose', title: 'Dose and units' }, { id: 'waste', title: 'Waste' },
  { id: 'modifiers', title: 'Modifiers' }, { id: 'documents', title: 'Documentation' }, { id: 'review', title: 'Review' },
];

const stepNumber = (step: StepId) => STEPS.findIndex((s) => s.id === step) + 1;
const titleOf = (step: StepId) => STEPS[stepNumber(step) - 1]!.title;

/** Today, as the scenario's billing office sees it (timely filing and "not in the future" depend on it). */
export async function openAppOn(page: Page, today: string): Promise<void> {
  await page.clock.setFixedTime(new Date(`${today}T10:00:00`));
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Claims in this browser' })).toBeVisible();
}

export async function startClaim(page: Page, driver: Driver = pointer): Promise<void> {
  await driver.press(page, 'Start a new claim');
  await expectStep(page, 'claim');
}

/** The heading of the step shown, "Step 3 of 7: …". */
export const stepHeading = (page: Page, step?: StepId) =>
  page.getByRole('heading', { level: 2, name: new RegExp(`^Step ${step === undefined ? '\\d' : stepNumber(step)} of 7`) });

export async function expectStep(page: Page, step: StepId): Promise<void> {
  await expect(stepHeading(page, step)).toBeVisible();
  // On a narrow window the list of steps is folded away (hidden), and still says which one is current.
  await expect(page.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name: `${stepNumber(step)}. ${titleOf(step)}`, includeHidden: true }))
    .toHaveAttribute('aria-current', 'step');
}

/** Presses "Next: <step>" and checks the new step's heading has the focus. */
export async function next(page: Page, to: StepId, driver: Driver = pointer): Promise<void> {
  await driver.press(page, `Next: ${titleOf(to)}`);
  await expect(stepHeading(page, to)).toBeFocused();
}

/** Opens a step from the step list. */
export async function openStep(page: Page, step: StepId): Promise<void> {
  await page.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name: `${stepNumber(step)}. ${titleOf(step)}` }).click();
  await expectStep(page, step);
}

/** Types what the packet holds for one step (its first drug). */
export async function typeStep(page: Page, step: StepId, packet: ClaimPacket, driver: Driver = pointer): Promise<void> {
  await fillFields(page, stepFields(step, packet), driver);
}

/** Checks one step shows everything the packet holds for it. */
export async function expectStepValues(page: Page, step: StepId, packet: ClaimPacket): Promise<void> {
  await expectFields(page, stepFields(step, packet));
}

export interface BuildOptions {
  /** Stop on arriving at this step, before typing anything there. */
  readonly stopAt?: StepId;
  /** What the biller checks on a step once it is typed, before pressing Next. */
  readonly checks?: Partial<Record<StepId, () => Promise<void>>>;
  readonly driver?: Driver;
}

/**
 * Builds the claim from the drafts list: a new claim, each step typed from the packet, checked,
 * then Next; it stops on arriving at `stopAt`, or after typing (and checking) the review step.
 */
export async function buildClaim(page: Page, packet: ClaimPacket, { stopAt, checks = {}, driver = pointer }: BuildOptions = {}): Promise<void> {
  await startClaim(page, driver);
  for (const [i, { id }] of STEPS.entries()) {
    if (id === stopAt) return;
    await typeStep(page, id, packet, driver);
    await checks[id]?.();
    const following = STEPS[i + 1];
    if (following !== undefined) await next(page, following.id, driver);
  }
}

/** A date as billers read it: 2023-03-10 → 03/10/2023. */
export const usDate = (iso: string | undefined) => (iso === undefined ? '' : `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`);

/** How the claims list names a claim once its first drug is named: "ACCT-1005 · Briumvi · 03/10/2023". */
export function claimTitle(packet: ClaimPacket): string {
  const drug = packet.drugs?.[0];
  return `${packet.patient?.accountReference} · ${drug?.brandName ?? drug?.genericName} · ${usDate(packet.dates?.service)}`;
}

/** The claims of the claims list. */
export const claimsList = (page: Page) => page.getByRole('list', { name: 'Claims' }).getByRole('listitem');

/** "Save claim file" in the claim's header: the claim as a JSON export, a draft until it is complete. */
export const saveClaimFileButton = (page: Page) => page.getByRole('button', { name: 'Save claim file' });

/** A new tab in the same browser, on the claims list, with the same "today". */
export async function newTab(context: BrowserContext, today: string): Promise<Page> {
  const tab = await context.newPage();
  await openAppOn(tab, today);
  return tab;
}

/** Resumes a claim from the claims list; it opens on its first step. */
export async function resumeClaim(page: Page, packet: ClaimPacket): Promise<void> {
  await page.getByRole('button', { name: `Resume ${claimTitle(packet)}`, exact: true }).click();
  await expectStep(page, 'claim');
}
