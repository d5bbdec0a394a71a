/** Downloads a biller starts with a button: the file, once the browser has finished writing it. */
import { join } from 'node:path';
import type { Download, Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** Presses the button (by its name, or as found) and waits for the download it starts to complete. */
export async function download(page: Page, button: string | Locator): Promise<Download> {
  const started = page.waitForEvent('download');
  await (typeof button === 'string' ? page.getByRole('button', { name: button }) : button).click();
  const file = await started;
  expect(await file.failure(), `the download of ${file.suggestedFilename()}`).toBeNull();
  return file;
}

/** Saves a download in `dir` under the name the app suggested; its path. */
export async function saveIn(file: Download, dir: string): Promise<string> {
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  return path;
}
