/**
 * No leaks (issue 6): the built app carries a Content-Security-Policy that allows only its own
 * scripts (no inline or eval'd script) and its own origin for every fetch, and a whole journey runs
 * under it without a single violation: a claim built, its attachments previewed (PDF and image,
 * blob: URLs), both exports (pdf-lib and the PDF font load on demand), reference data imported
 * in the Web Worker, and a reload.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { buildClaim, openAppOn, openStep } from './support/claim';
import { download } from './support/download';
import { loadExample } from './support/examples';
import { ATTACH, byLabel, sampleFile } from './support/fields';

const { packet, expected } = loadExample('05-briumvi-partial-dose-waste');

/** The directives of the policy, by name. */
function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).filter(([name]) => name !== '').map(([name, ...sources]) => [name!, sources]));
}

/**
 * Every violation any frame of the page reports (securitypolicyviolation events; support/test.ts
 * also fails a test on the console errors the browser prints for them).
 */
async function recordViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeBinding('reportCspViolation', (_source, violation: string) => { violations.push(violation); });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      void (window as unknown as { reportCspViolation(v: string): Promise<void> })
        .reportCspViolation(`${e.effectiveDirective} refused ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  return violations;
}

test('the built page allows only its own scripts and origin, and refuses inline and eval\'d script', async ({ browser, baseURL, request }) => {
  const html = await (await request.get('/')).text();
  const served = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
  expect(served, 'the policy in the served index.html').toBeDefined();
  const policy = directives(served!);
  expect(policy.get('default-src')).toEqual(["'self'"]);
  expect(policy.get('script-src')).toEqual(["'self'"]);
  expect(policy.get('connect-src')).toEqual(["'self'"]);
  expect(policy.get('object-src')).toEqual(["'none'"]);
  expect(policy.get('base-uri')).toEqual(["'none'"]);
  expect(policy.get('form-action')).toEqual(["'none'"]);
  expect(served).not.toMatch(/unsafe-/);

  // A context of its own: the violations are deliberate, and support/test.ts would fail the test on them.
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const violations = await recordViolations(page);
  await openAppOn(page, expected.today);
  const ran = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.inlineScriptRan = true';
    document.head.append(script);
    const dataUrlRan = await new Promise<boolean>((resolve) => {
      const other = document.createElement('script');
      other.src = 'data:text/javascript,window.dataScriptRan=true';
      other.onload = () => resolve(true);
      other.onerror = () => resolve(false);
      document.head.append(other);
    });
    let evaluated = false;
    try { evaluated = (0, eval)('true') as boolean; } catch { /* refused */ }
    const w = window as unknown as { inlineScriptRan?: boolean };
    return { inline: w.inlineScriptRan === true, dataUrl: dataUrlRan, eval: evaluated };
  });
  expect(ran).toEqual({ inline: false, dataUrl: false, eval: false });
  await expect.poll(() => violations.map((v) => v.split(' (')[0])).toEqual(['script-src-elem refused inline', 'script-src-elem refused data', 'script-src refused eval']);
  await context.close();
});

test('a whole journey runs under the policy without a single violation', async ({ page }) => {
  const violations = await recordViolations(page);
  await openAppOn(page, expected.today);
  await buildClaim(page, packet, { stopAt: 'review' });

  await openStep(page, 'documents');
  const photo = sampleFile('waste-photo.png', 'image/png');
  await byLabel(page, ATTACH).setInputFiles(photo);
  await byLabel(page, `Kind of document for ${photo.name}`).selectOption({ label: 'Waste record' });
  for (const name of [...(packet.attachments ?? []).flatMap((a) => a.fileName ?? []), photo.name]) {
    await page.getByRole('button', { name: `Preview ${name}` }).click();
    const preview = page.getByRole('dialog', { name: `Preview of ${name}` });
    if (name.endsWith('.pdf')) {
      // The browser's PDF viewer opens in the frame (the policy lets the blob: frame in, and the viewer with it).
      await expect(preview.locator('iframe')).toBeVisible();
      await expect.poll(() => page.frames().some((frame) => frame.url().startsWith('chrome-extension://'))).toBe(true);
    } else {
      await expect(preview.getByRole('img', { name: `Preview of ${name}` })).toBeVisible();
    }
    await preview.getByRole('button', { name: 'Close preview' }).click();
  }
  await expect(page.getByRole('img', { name: `Preview of ${photo.name}` })).toHaveCount(0);

  await openStep(page, 'review');
  await download(page, 'Download the PDF packet');
  await download(page, 'Save claim file');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reference data' }).click();
  await byLabel(page, 'Drop CMS or FDA files here, or choose files')
    .setInputFiles({ name: 'hcpcs-notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Notes about HCPCS codes\n') });
  await expect(page.getByRole('region', { name: 'This import' }).getByRole('alert')).toContainText('Not imported: this is not a file the wizard knows');

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Reference data', exact: true })).toBeVisible();
  expect(violations).toEqual([]);
});
