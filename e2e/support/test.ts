/**
 * Every browser test imports `test` and `expect` from here. The `context` fixture records every
 * request any page or worker of the test makes, and the test fails if one went to another
 * origin: patient data never leaves the browser. The list of requests is attached to a failing
 * test's report.
 */
import { expect, test as base } from '@playwright/test';

/** blob: URLs carry their creator's origin; data: URLs have none. */
export function isOwnOrigin(url: string, appOrigin: string): boolean {
  const { protocol, origin } = new URL(url);
  return protocol === 'data:' || origin === appOrigin;
}

export const test = base.extend<{ requests: string[] }>({
  requests: async ({}, use) => {
    await use([]);
  },
  context: async ({ context, baseURL, requests }, use, testInfo) => {
    const appOrigin = new URL(baseURL!).origin;
    context.on('request', (request) => requests.push(request.url()));
    await use(context);
    const foreign = requests.filter((url) => !isOwnOrigin(url, appOrigin));
    if (foreign.length > 0) await testInfo.attach('requests', { body: requests.join('\n'), contentType: 'text/plain' });
    expect(foreign, `requests to another origin than ${appOrigin}`).toEqual([]);
  },
});

export { expect };
