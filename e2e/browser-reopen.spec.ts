/**
 * Nothing typed is lost when the whole browser is closed: a claim built up to its documentation
 * (attached files included) is, in a browser started again on the same profile, in the claims
 * list, and every field of every step holds what it held, every file opens.
 * The test launches Chromium itself on a profile folder of its own (the `context` fixture's
 * browsers keep nothing once closed), with the project's launch and device options, and watches
 * each browser as the fixture does: no request to another origin, no Content-Security-Policy refusal.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { chromium } from '@playwright/test';
import { expect, test, watchContext } from './support/test';
import { buildClaim, claimsList, claimTitle, expectStepValues, openAppOn, openStep, resumeClaim, STEPS } from './support/claim';
import { loadExample } from './support/examples';
import type { StepId } from './support/fields';
import { formValues } from './support/fields';

const { packet, expected } = loadExample('05-briumvi-partial-dose-waste');
/** Typed before the browser is closed: every step up to the documentation, files included. */
const TYPED: readonly StepId[] = STEPS.map((s) => s.id).filter((id) => id !== 'review');

interface Browser {
  readonly page: Page;
  /** Closes the browser as a biller does (each tab asked to unload), then checks what it did. */
  readonly close: () => Promise<void>;
}

/** Chromium started on `profile`, as the project's `use` sets it up, on the claims list. */
async function startBrowser(profile: string, testInfo: TestInfo): Promise<Browser> {
  const { launchOptions, headless, viewport, userAgent, deviceScaleFactor, isMobile, hasTouch, baseURL } = testInfo.project.use;
  const context = await chromium.launchPersistentContext(profile, {
    ...launchOptions, headless, viewport, userAgent, deviceScaleFactor, isMobile, hasTouch, baseURL,
  });
  const verify = watchContext(context, new URL(baseURL!).origin);
  const page = context.pages()[0] ?? await context.newPage();
  await openAppOn(page, expected.today);
  return {
    page,
    close: async () => {
      for (const tab of context.pages()) {
        const closed = tab.waitForEvent('close');
        await tab.close({ runBeforeUnload: true });
        await closed;
      }
      await context.close();
      await verify(testInfo);
    },
  };
}

/** What every field of each step holds, step by step. */
async function claimValues(page: Page): Promise<Record<string, Record<string, string | boolean>>> {
  const values: Record<string, Record<string, string | boolean>> = {};
  for (const step of TYPED) {
    await openStep(page, step);
    values[step] = await formValues(page);
  }
  return values;
}

test('a claim is kept when the browser is closed: started again, the claims list has it with every field and file', async ({}, testInfo) => {
  const profile = await mkdtemp(join(tmpdir(), 'noc-browser-profile-'));
  try {
    const first = await startBrowser(profile, testInfo);
    await buildClaim(first.page, packet, { stopAt: 'review' });
    const before = await claimValues(first.page);
    await first.close();

    const again = await startBrowser(profile, testInfo);
    const claims = claimsList(again.page);
    await expect(claims).toHaveCount(1);
    await expect(claims.first()).toContainText(claimTitle(packet));
    await resumeClaim(again.page, packet);
    for (const step of TYPED) {
      await openStep(again.page, step);
      await expectStepValues(again.page, step, packet);
    }
    expect(await claimValues(again.page), 'every field of every step').toEqual(before);
    await again.close();
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
});
