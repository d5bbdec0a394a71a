/**
 * The browser's storage for the app is full (Chromium's quota for the origin lowered through the
 * DevTools protocol, so IndexedDB refuses every write with a QuotaExceededError): the biller is
 * told what happened and what to do, keeps working with nothing lost, downloads the claim as a
 * file the claims list opens again, and once there is room the claim is saved by itself.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { expectNoAxeViolations } from './support/axe';
import { buildClaim, expectStep, expectStepValues, next, openAppOn, openStep, typeStep } from './support/claim';
import type { StepId } from './support/fields';
import { ATTACH, byLabel, sampleFile } from './support/fields';
import { download, saveIn } from './support/download';
import { loadExample } from './support/examples';
import type { ClaimPacket } from '../src/core/packet/schema';

const example = loadExample('05-briumvi-partial-dose-waste');
const { expected } = example;
// With an exception to the filing limit, so its two fields are among what must not be lost.
const packet: ClaimPacket = { ...example.packet, dates: { ...example.packet.dates, filingException: { reason: 'retroactive-entitlement', noticeDate: '2023-03-14' } } };
const TYPED_WHILE_FULL: readonly StepId[] = ['dose', 'waste'];
const SAVED = 'All changes saved in this browser';

/** Room given to the app before its storage is made full: far more than a claim needs. */
const ROOM = 16 * 1024 * 1024;

/**
 * The app's storage quota, through the DevTools protocol, set before the app is opened. Chromium
 * remembers the space left for 30 s after a write and asks the quota again sooner only for a write
 * larger than that: so the app starts with a quota of ROOM bytes, and `fill` lowers it to one byte
 * then writes more than ROOM bytes (refused), after which every write is checked, and refused.
 * `makeRoom` gives the browser's own quota back.
 */
async function limitStorage(page: Page, appUrl: string) {
  const cdp = await page.context().newCDPSession(page);
  const origin = new URL(appUrl).origin;
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: ROOM });
  return {
    fill: async () => {
      await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });
      const refused = await page.evaluate((size) => new Promise<string | undefined>((resolve, reject) => {
        const open = indexedDB.open('storage-full-test');
        open.onupgradeneeded = () => open.result.createObjectStore('bytes', { autoIncrement: true });
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('bytes', 'readwrite');
          tx.objectStore('bytes').add(new Uint8Array(size));
          tx.oncomplete = () => resolve(undefined);
          tx.onabort = () => resolve(tx.error?.name);
        };
      }), ROOM + 1);
      expect(refused, 'a write once the storage is full').toBe('QuotaExceededError');
    },
    makeRoom: () => cdp.send('Storage.overrideQuotaForOrigin', { origin }),
  };
}

const notSavedNotice = (page: Page) => page.getByRole('alert').filter({ hasText: 'This claim could not be saved' });
const saveStatus = (page: Page) => page.getByRole('status').filter({ hasText: /saved|Saving/ });

/** Whether leaving the page now makes the browser ask first (the claim's only copy is on screen). */
const unloadAsksFirst = (page: Page) => page.evaluate(() => {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
});

test('storage full: the biller is told, keeps working, downloads the claim, and it is saved again once there is room', async ({ page, baseURL }) => {
  const storage = await limitStorage(page, baseURL!);
  await openAppOn(page, expected.today);
  await buildClaim(page, packet, { stopAt: 'dose' });
  await expect(saveStatus(page)).toHaveText(SAVED);
  await storage.fill();

  await test.step('typing goes on; the notice says what happened and what to do', async () => {
    await typeStep(page, 'dose', packet);
    await expect(notSavedNotice(page)).toContainText("This claim could not be saved: the browser's storage is full. Everything you typed is still on screen");
    await expect(notSavedNotice(page)).toContainText('Download a copy of the claim now, then make room');
    await expect(saveStatus(page)).toHaveText('Not saved');
    await next(page, 'waste');
    await typeStep(page, 'waste', packet);
    await expect(notSavedNotice(page)).toBeVisible();
    await expectNoAxeViolations(page, 'the waste step with the storage-full notice');
  });

  await test.step('every value typed is still on screen, on every step', async () => {
    for (const step of ['claim', 'drug', ...TYPED_WHILE_FULL] as const) {
      await openStep(page, step);
      await expectStepValues(page, step, packet);
    }
  });

  await test.step('leaving the claim asks first, and staying keeps it', async () => {
    expect(await unloadAsksFirst(page), 'a reload or closed tab asks first').toBe(true);
    for (const way of [page.getByRole('button', { name: '← All claims' }), page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reference data' })]) {
      const asked = page.waitForEvent('dialog');
      const leave = way.click();
      const dialog = await asked;
      expect(dialog.message()).toContain('This claim is not saved in the browser. Leave it anyway?');
      await dialog.dismiss();
      await leave;
      await expectStep(page, 'waste');
      await expectStepValues(page, 'waste', packet);
    }
  });

  const file = await test.step('the notice offers the claim as a file, with everything typed', async () => {
    const copy = await download(page, notSavedNotice(page).getByRole('button', { name: 'Download a copy of this claim (JSON)' }));
    expect(copy.suggestedFilename()).toBe(`claim-${packet.patient?.accountReference}-${packet.dates?.service}.json`);
    const path = await saveIn(copy, await mkdtemp(join(tmpdir(), 'noc-storage-full-')));
    const saved = JSON.parse(await readFile(path, 'utf8')) as ClaimPacket;
    const [drug] = packet.drugs ?? [];
    expect(saved).toMatchObject({
      format: 'noc-claim-packet', patient: packet.patient, dates: packet.dates, diagnoses: packet.diagnoses,
      drugs: [{ ndc: drug?.ndc, brandName: drug?.brandName, container: drug?.container, administration: { dose: drug?.administration?.dose }, waste: drug?.waste }],
    });
    return path;
  });

  await test.step('once there is room, saving resumes by itself and the notice goes', async () => {
    await storage.makeRoom();
    await expect(notSavedNotice(page)).toHaveCount(0, { timeout: 10_000 });
    await expect(saveStatus(page)).toHaveText(SAVED);
    expect(await unloadAsksFirst(page), 'nothing left to lose: no question').toBe(false);
    await page.reload();
    for (const step of TYPED_WHILE_FULL) {
      await openStep(page, step);
      await expectStepValues(page, step, packet);
    }
  });

  await test.step('the downloaded file opens from the claims list as the same claim', async () => {
    await page.getByRole('button', { name: '← All claims' }).click();
    await page.getByLabel('Open a saved claim file (JSON)').setInputFiles(file);
    await expectStep(page, 'claim');
    for (const step of ['claim', 'drug', ...TYPED_WHILE_FULL] as const) {
      await openStep(page, step);
      await expectStepValues(page, step, packet);
    }
  });
});

test('storage full: a new claim or an attached file that cannot be kept is refused with the reason', async ({ page, baseURL }) => {
  const storage = await limitStorage(page, baseURL!);
  await openAppOn(page, expected.today);
  await buildClaim(page, packet, { stopAt: 'documents' });
  await storage.fill();

  const fileName = packet.attachments?.[0]?.fileName ?? '';
  await byLabel(page, ATTACH).setInputFiles(sampleFile(fileName, 'application/pdf'));
  // The claim's own "could not be saved" alert may show too, when a save falls after the storage filled up.
  await expect(page.getByRole('alert').filter({ hasText: fileName })).toHaveText(
    `${fileName} could not be kept: the browser's storage is full. Make room (delete claims you no longer need, or old files on the Reference data screen), then try again.`,
  );
  await expect(page.getByText('No files attached yet.')).toBeVisible();

  // When a save of the claim also fell after the storage filled up, leaving it asks first: leave.
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: '← All claims' }).click();
  await page.getByRole('button', { name: 'Start a new claim' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    "The new claim could not be kept: the browser's storage is full. Make room (delete claims you no longer need, or old files on the Reference data screen), then try again.",
  );
  await expect(page.getByRole('heading', { name: 'Claims in this browser' })).toBeVisible();
});
