/**
 * Every browser test imports `test` and `expect` from here. The `context` fixture records every
 * request any page or worker of the test makes, and the test fails if one went to another
 * origin: patient data never leaves the browser. The list of requests is attached to a failing
 * test's report. A test also fails when the browser reports, in the console of any of its pages,
 * a script or request refused by the Content-Security-Policy of index.html.
 */
import type { BrowserContext, TestInfo } from '@playwright/test';
import { expect, test as base } from '@playwright/test';

/** Chromium's own PDF viewer and the resources it loads from the browser: it shows a previewed attachment. */
const PDF_VIEWER = ['chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/', 'chrome://resources/'];

/** blob: URLs carry their creator's origin; data: URLs have none; the PDF viewer is the browser's. */
export function isOwnOrigin(url: string, appOrigin: string): boolean {
  const { protocol, origin } = new URL(url);
  return protocol === 'data:' || origin === appOrigin || PDF_VIEWER.some((prefix) => url.startsWith(prefix));
}

/**
 * Records what a browser context does: every request of its pages and workers (into `requests`),
 * and each script or request its pages' consoles report refused by the Content-Security-Policy.
 * The function returned, called once the context is done with, fails the test if a request went
 * to another origin than the app's (attaching the list of requests) or the policy refused something.
 * The `context` fixture watches its context so; a test that launches a browser of its own watches it too.
 */
export function watchContext(context: BrowserContext, appOrigin: string, requests: string[] = []): (testInfo: TestInfo) => Promise<void> {
  const cspViolations: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  context.on('console', (message) => { if (message.text().includes('Content Security Policy')) cspViolations.push(message.text()); });
  return async (testInfo) => {
    expect.soft(cspViolations, 'Content-Security-Policy violations').toEqual([]);
    const foreign = requests.filter((url) => !isOwnOrigin(url, appOrigin));
    if (foreign.length > 0) await testInfo.attach('requests', { body: requests.join('\n'), contentType: 'text/plain' });
    expect(foreign, `requests to another origin than ${appOrigin}`).toEqual([]);
  };
}

export const test = base.extend<{ requests: string[] }>({
  requests: async ({}, use) => {
    await use([]);
  },
  context: async ({ context, baseURL, requests }, use, testInfo) => {
    const verify = watchContext(context, new URL(baseURL!).origin, requests);
    await use(context);
    await verify(testInfo);
  },
});

export { expect };
