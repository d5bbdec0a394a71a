/**
 * Offline (issue 6): a biller who has opened the app once opens it again with the network cut,
 * builds a claim, exports it (PDF packet and claim file), has its built-in reference data and imports reference data, every file
 * of the app coming from the service worker's cache (vite.config.ts). Briumvi with a JW line
 * (billing-rules §16 scenario 5). And a new version published meanwhile waits until the biller
 * chooses to reload: no tab reloads by itself under a claim being typed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { preview } from 'vite';
import { expect, test, watchContext } from './support/test';
import { expectNoAxeViolations } from './support/axe';
import { buildClaim, newTab, openAppOn } from './support/claim';
import { download } from './support/download';
import { loadExample } from './support/examples';
import { byLabel } from './support/fields';

const { packet, expected } = loadExample('05-briumvi-partial-dose-waste');

/** The first records of the ICD-10-CM order file for FY2026, as CMS publishes it. */
const ICD10_ORDER = [
  '00001 A00     0 Cholera                                                      Cholera',
  '00002 A000    1 Cholera due to Vibrio cholerae 01, biovar cholerae           Cholera due to Vibrio cholerae 01, biovar cholerae',
  '00003 A001    1 Cholera due to Vibrio cholerae 01, biovar eltor              Cholera due to Vibrio cholerae 01, biovar eltor',
].map((line) => `${line}\r\n`).join('');

/** The status of a request the page makes, or "no network". */
const statusOf = (page: Page, path: string) =>
  page.evaluate((p) => fetch(p, { cache: 'no-store' }).then((r) => r.status, () => 'no network'), path);
/** An address the app does not have: only the network could answer it. */
const NOT_IN_THE_APP = '/not-part-of-the-app.txt';

/** Waits until the service worker controls the page, once it has kept every file of the app. */
async function expectKeptOffline(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state)).toBe('activated');
}

test('once opened, the app opens again, builds and exports a claim and imports reference data with the network cut', async ({ page, context }) => {
  await openAppOn(page, expected.today);
  await expectKeptOffline(page);
  expect(await statusOf(page, NOT_IN_THE_APP)).not.toBe('no network');

  await context.setOffline(true);
  expect(await statusOf(page, NOT_IN_THE_APP)).toBe('no network');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Claims in this browser' })).toBeVisible();
  expect(await statusOf(page, '/schema/noc-claim-packet.v1.schema.json')).toBe(200);

  await buildClaim(page, packet);
  await expect(page.getByText('Export is blocked')).toHaveCount(0);
  const pdf = readFileSync(await (await download(page, 'Download the PDF packet')).path());
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const json = JSON.parse(readFileSync(await (await download(page, 'Save claim file')).path(), 'utf8')) as { format: string; packet: unknown };
  expect(json.format).toBe('noc-claim-export');
  expect(json.packet).toMatchObject({ patient: packet.patient, dates: packet.dates });

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reference data' }).click();
  // The built-in reference data (about 5 MB) come from the service worker's cache too.
  await expect(page.getByRole('region', { name: 'Built-in reference data' }).getByRole('row')).toHaveCount(9);
  await byLabel(page, 'Drop CMS or FDA files here, or choose files')
    .setInputFiles({ name: 'icd10cm_order_2026.txt', mimeType: 'text/plain', buffer: Buffer.from(ICD10_ORDER) });
  await expect(page.getByRole('region', { name: 'This import' }))
    .toContainText('Imported: CMS ICD-10-CM order file, FY2026. 3 rows read, 3 kept, 0 rejected.');

  expect(await statusOf(page, NOT_IN_THE_APP)).toBe('no network');
});

/**
 * The built app (dist/) on a server of the test's own, where a new version can be published: its
 * service worker script changes, as a new build's does (Playwright cannot change the script the
 * browser checks for updates). With a browser context on it, watched as support/test.ts watches
 * every test's context.
 */
const testOnOwnServer = test.extend<{ own: { context: BrowserContext; publishNewVersion(): void } }>({
  own: async ({ browser }, use, testInfo) => {
    const root = join(import.meta.dirname, '..');
    let published = '';
    const server = await preview({
      root,
      configFile: false,
      logLevel: 'silent',
      preview: { host: '127.0.0.1', port: 0 },
      plugins: [{
        name: 'next-version',
        configurePreviewServer: ({ middlewares }) => {
          middlewares.use('/sw.js', (_request, response) => {
            response.setHeader('Content-Type', 'text/javascript');
            response.end(`${readFileSync(join(root, 'dist/sw.js'), 'utf8')}${published}`);
          });
        },
      }],
    });
    const url = server.resolvedUrls?.local[0];
    if (url === undefined) throw new Error('the preview server has no address');
    const context = await browser.newContext({ baseURL: url });
    const verify = watchContext(context, new URL(url).origin);
    await use({ context, publishNewVersion: () => { published = '\n// the next version\n'; } });
    await context.close();
    await server.close();
    await verify(testInfo);
  },
});

testOnOwnServer('a new version waits for the biller: the tab that reloads gets it, the other tab is told and keeps its work', async ({ own: { context, publishNewVersion } }) => {
  const page = await context.newPage();
  await openAppOn(page, expected.today);
  await expectKeptOffline(page);
  const other = await newTab(context, expected.today);
  await expectKeptOffline(other);
  await other.evaluate(() => { (window as unknown as { notReloaded: boolean }).notReloaded = true; });

  publishNewVersion();
  const newVersion = (tab: Page) => tab.getByRole('region', { name: 'New version' });
  for (const tab of [page, other]) {
    await tab.evaluate(async () => { await (await navigator.serviceWorker.getRegistration())?.update(); });
    await expect(newVersion(tab).getByRole('status')).toHaveText('A new version of the wizard is ready. Reload to use it: your claims are saved, nothing is lost.');
  }
  await expectNoAxeViolations(page, 'the claims list with the new-version notice');

  await newVersion(other).getByRole('button', { name: 'Later' }).click();
  await expect(newVersion(other)).toHaveCount(0);

  const reloaded = page.waitForEvent('load');
  await newVersion(page).getByRole('button', { name: 'Reload now' }).click();
  await reloaded;
  await expect(page.getByRole('heading', { name: 'Claims in this browser' })).toBeVisible();
  await expect(newVersion(page)).toHaveCount(0);
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting)).toBeFalsy();

  await expect(newVersion(other).getByRole('status'))
    .toHaveText('A new version of the wizard is now in use in another tab. Reload this tab before you go on: your claims are saved.');
  expect(await other.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  const otherReloaded = other.waitForEvent('load');
  await newVersion(other).getByRole('button', { name: 'Reload now' }).click();
  await otherReloaded;
  await expect(newVersion(other)).toHaveCount(0);
});
