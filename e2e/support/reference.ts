/**
 * The CMS and FDA files of ../shared/data (outside the repository), imported as a biller does:
 * through the file input of the Reference data screen.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { byLabel } from './fields';

export const REFERENCE_DATA = join(import.meta.dirname, '../../../shared/data');
export const hasReferenceData = existsSync(REFERENCE_DATA);

/** The import's result list ("This import") on the Reference data screen. */
export const thisImport = (page: Page) => page.getByRole('region', { name: 'This import' });

/** Opens the Reference data screen, chooses the files and waits until each one's import is over. */
export async function importReferenceFiles(page: Page, files: readonly { readonly name: string; readonly path: string }[]): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reference data' }).click();
  await byLabel(page, 'Drop CMS or FDA files here, or choose files').setInputFiles(files.map((f) => f.path));
  for (const { name } of files) {
    const item = thisImport(page).getByRole('listitem').filter({ has: page.getByText(name, { exact: true }) });
    await expect(item.getByRole('progressbar', { name: `Import progress of ${name}` })).toHaveAttribute('value', '1', { timeout: 60_000 });
  }
}

/** Files of ../shared/data by their paths below it. */
export const referenceFiles = (...relative: readonly string[]) => relative.map((r) => ({ name: r.split('/').pop()!, path: join(REFERENCE_DATA, r) }));
