/**
 * No leaks (issue 6): what a biller types about a patient stays in the page. During a whole
 * journey (every step, both exports, the claims list, a reload) no address the browser shows or
 * requests, no window title and no console message carries any of it. Requests to another origin
 * are refused for every test by support/test.ts; this one looks at what goes to the app's own
 * origin and to the browser's chrome too.
 */
import { expect, test } from './support/test';
import { buildClaim, openAppOn, STEPS } from './support/claim';
import { download } from './support/download';
import { loadExample } from './support/examples';

const { packet, drug, expected } = loadExample('05-briumvi-partial-dose-waste');

/** The facts about the patient and the visit that the claim holds. */
const PATIENT_DATA = [
  packet.patient?.accountReference, ...(packet.diagnoses ?? []).map((d) => d.code), packet.dates?.service,
  drug.administration?.lot, drug.administration?.administeredBy, drug.waste?.reason, drug.medicalNecessity,
  drug.invoice?.netCost, ...(packet.attachments ?? []).map((a) => a.fileName),
].filter((v): v is string => v !== undefined && v !== '');

/** Every form a value can take in an address or a title. */
const forms = (value: string) => [...new Set([value, encodeURIComponent(value), encodeURI(value), value.replace(/-/g, '')])];

function exposed(texts: readonly string[]): { value: string; in: string }[] {
  return PATIENT_DATA.flatMap((value) => texts.filter((t) => forms(value).some((f) => t.toLowerCase().includes(f.toLowerCase()))).map((t) => ({ value, in: t })));
}

test('no patient data in addresses, window titles or console output, through a whole journey', async ({ page, requests }) => {
  const addresses: string[] = [];
  const titles: string[] = [];
  const console: string[] = [];
  page.on('framenavigated', (frame) => addresses.push(frame.url()));
  page.on('console', (message) => console.push(message.text()));
  page.on('pageerror', (error) => console.push(`${error.message}\n${error.stack ?? ''}`));
  const look = async () => {
    addresses.push(page.url());
    titles.push(await page.title());
  };
  const lookOnEveryStep = Object.fromEntries(STEPS.map(({ id }) => [id, look]));

  await openAppOn(page, expected.today);
  await buildClaim(page, packet, { checks: lookOnEveryStep });
  await download(page, 'Download the PDF packet');
  await download(page, 'Save claim file');
  await look();
  await page.reload();
  await look();
  await page.getByRole('button', { name: '← All claims' }).click();
  await expect(page.getByRole('heading', { name: 'Claims in this browser' })).toBeVisible();
  await expect(page.getByText(packet.patient!.accountReference!).first()).toBeVisible();
  await look();

  expect(PATIENT_DATA.length).toBeGreaterThanOrEqual(8);
  expect(titles.length).toBe(STEPS.length + 3);
  expect(requests.length).toBeGreaterThan(0);
  expect(exposed([...addresses, ...requests]), 'addresses').toEqual([]);
  expect(exposed(titles), 'window titles').toEqual([]);
  expect(exposed(console), 'console output').toEqual([]);
});

test('the check would see patient data in an address, a title or the console', async ({ page }) => {
  const console: string[] = [];
  page.on('console', (message) => console.push(message.text()));
  await openAppOn(page, expected.today);
  const account = packet.patient!.accountReference!;
  await page.evaluate((value) => {
    history.replaceState(null, '', `#/search?account=${encodeURIComponent(value)}`);
    document.title = `Claim for ${value}`;
    globalThis.console.info('saving', value);
  }, account);
  expect(exposed([page.url()])).toEqual([{ value: account, in: page.url() }]);
  expect(exposed([await page.title()])).toHaveLength(1);
  expect(exposed(console)).toHaveLength(1);
});
