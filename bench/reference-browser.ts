/**
 * Reference data in Debian's Chromium, at full size:
 * - the tab's peak memory (resident, renderer process: the page and its import worker) importing
 *   a 300 MB crosswalk-shaped file through the Reference data screen (target 1 GB);
 * - the full-size FDA NDC Directory (product.txt and package.txt) imported in the worker: the time
 *   from choosing the files to both results on screen (target 10 s) and the longest task of the
 *   page's main thread meanwhile, from a Chrome trace (target 50 ms);
 * - app start with every file of ../shared/data and the full-size directory imported: when the
 *   reference data are ready (the app's `noc:reference-ready` mark, from navigation start; target
 *   500 ms) and the JavaScript heap after a garbage collection (target 200 MB);
 * - loading the built-in snapshot at app start with nothing imported (fetch from the service
 *   worker, parse, decode: the app's `noc:built-in-reference` measure; target 300 ms), and on a
 *   first visit (for information: the service worker downloads every file of the app meanwhile).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { bigCrosswalk, fullSizeDirectory, SHARED_DATA } from './reference-files';
import type { BenchResult } from './report';
import { peakRss } from './measure';
import { longestMainThreadTask, withApp } from './wizard';

const MB = 1024 * 1024;
const DROP = 'Drop CMS or FDA files here, or choose files';


async function openReferenceScreen(page: Page, url: string): Promise<void> {
  // The screen loaded, its reference data read and the service worker's precache done: only the import is measured.
  await page.goto(`${url}#/reference`, { waitUntil: 'networkidle' });
  await page.getByLabel(DROP).waitFor();
  await page.waitForFunction(() => performance.getEntriesByName('noc:reference-ready').length > 0, undefined, { timeout: 60_000 });
}

/** Chooses files on the screen and waits until each has its result. */
async function importFiles(page: Page, paths: readonly string[], timeout: number): Promise<void> {
  await page.getByLabel(DROP).setInputFiles([...paths]);
  const items = page.getByRole('region', { name: 'This import' }).getByRole('listitem');
  for (let i = 0; i < paths.length; i++) await items.nth(i).locator('p').filter({ hasText: /(Imported|Not imported): / }).first().waitFor({ timeout });
}

async function tabPeakImporting(page: Page, url: string, file: string): Promise<{ peak: number; text: string }> {
  await openReferenceScreen(page, url);
  const cdp = await page.context().browser()!.newBrowserCDPSession();
  const renderers = async () => ((await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] }).processInfo.filter((p) => p.type === 'renderer').map((p) => p.id);
  const pids = await renderers();
  let peak = 0;
  const timer = setInterval(() => { for (const pid of pids) peak = Math.max(peak, peakRss(pid)); }, 50);
  try {
    await importFiles(page, [file], 30 * 60_000);
  } finally {
    clearInterval(timer);
  }
  for (const pid of pids) peak = Math.max(peak, peakRss(pid));
  return { peak, text: await page.getByRole('region', { name: 'This import' }).innerText() };
}

async function directoryImport(page: Page, url: string, files: readonly string[]): Promise<{ ms: number; task: number; text: string }> {
  await openReferenceScreen(page, url);
  const browser = page.context().browser()!;
  await browser.startTracing(page, { categories: ['toplevel', 'disabled-by-default-devtools.timeline'] });
  const start = Date.now();
  await importFiles(page, files, 5 * 60_000);
  const ms = Date.now() - start;
  const trace = await browser.stopTracing();
  return { ms, task: longestMainThreadTask(trace), text: await page.getByRole('region', { name: 'This import' }).innerText() };
}

async function appStart(page: Page, url: string, files: readonly string[]): Promise<{ readyMs: number; readMs: number; loadMs: number; heap: number }> {
  await openReferenceScreen(page, url);
  await importFiles(page, files, 5 * 60_000);
  await page.goto('about:blank');
  await page.goto(`${url}#/reference`);
  await page.waitForFunction(() => performance.getEntriesByName('noc:reference-ready').length > 0, undefined, { timeout: 60_000 });
  const readyMs = await page.evaluate(() => performance.getEntriesByName('noc:reference-ready')[0]!.startTime);
  const loadMs = await page.evaluate(() => performance.getEntriesByName('noc:built-in-reference')[0]?.duration ?? -1);
  const readMs = await page.evaluate(() => performance.getEntriesByName('noc:reference-load')[0]!.duration);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return { readyMs, readMs, loadMs, heap: usedSize };
}

/** The snapshot's load on a first visit (while the service worker fetches every file of the app), then on the next start. */
async function snapshotLoads(page: Page, url: string): Promise<{ first: number; next: number }> {
  const measured = async () => {
    await page.waitForFunction(() => performance.getEntriesByName('noc:built-in-reference').length > 0, undefined, { timeout: 60_000 });
    return page.evaluate(() => performance.getEntriesByName('noc:built-in-reference')[0]!.duration);
  };
  await page.goto(`${url}#/reference`);
  const first = await measured();
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', undefined, { timeout: 60_000 });
  await page.goto('about:blank');
  await page.goto(`${url}#/reference`);
  return { first, next: await measured() };
}

export async function referenceBrowserBenchmarks(root: string, app: string): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const snapshot = await withApp(app, snapshotLoads);
  results.push(
    { id: 'reference.snapshot-load', name: 'built-in snapshot at app start, nothing imported: fetched (from the service worker), parsed and decoded (Chromium)', value: Math.round(snapshot.next), unit: 'ms', target: '≤ 300', met: snapshot.next <= 300 },
    { id: 'reference.snapshot-first-visit', name: 'the same on a first visit, while the service worker downloads every file of the app', value: Math.round(snapshot.first), unit: 'ms', target: 'info', met: null },
  );
  const data = SHARED_DATA(root);
  if (!existsSync(data)) {
    console.warn(`browser reference benchmarks skipped: ${data} is absent (the CMS files live outside the repository).`);
    return results;
  }
  const directory = await fullSizeDirectory(root);
  const fda = await withApp(app, (page, url) => directoryImport(page, url, [directory.product, directory.package]));
  if (!/130,000 kept, 0 rejected/.test(fda.text)) throw new Error(`the FDA directory did not import: ${fda.text}`);
  results.push(
    { id: 'reference.fda-directory-import', name: `full-size FDA NDC Directory (130,000 products, ${directory.packages.toLocaleString('en-US')} packages) imported in the browser worker`, value: Number((fda.ms / 1000).toFixed(1)), unit: 's', target: '≤ 10', met: fda.ms <= 10_000 },
    { id: 'reference.fda-directory-main-thread', name: 'longest main-thread task during that import (Chrome trace)', value: Number(fda.task.toFixed(1)), unit: 'ms', target: '≤ 50', met: fda.task <= 50 },
  );

  const everyFile = ['', 'icd10cm'].flatMap((d) => readdirSync(join(data, d)).filter((f) => /\.(csv|txt)$/.test(f)).map((f) => join(data, d, f)));
  const start = await withApp(app, (page, url) => appStart(page, url, [...everyFile, directory.product, directory.package]));
  results.push(
    { id: 'reference.app-start-ready', name: 'app start with every file of ../shared/data and the full-size FDA directory imported: reference data ready, from navigation start', value: Math.round(start.readyMs), unit: 'ms', target: '≤ 500', met: start.readyMs <= 500 },
    { id: 'reference.app-start-read', name: 'of which reading them (the stored tables from IndexedDB, the built-in data), from the first ask', value: Math.round(start.readMs), unit: 'ms', target: 'info', met: null },
    { id: 'reference.app-start-heap', name: 'JavaScript heap then, after a garbage collection', value: Math.round(start.heap / MB), unit: 'MB', target: '≤ 200', met: start.heap <= 200 * MB },
    { id: 'reference.app-start-snapshot', name: 'built-in data during that start (every table superseded: only the manifest is read)', value: Math.round(start.loadMs), unit: 'ms', target: 'info', met: null },
  );

  const big = await bigCrosswalk(root);
  const tab = await withApp(app, (page, url) => tabPeakImporting(page, url, big.file));
  if (!/rows read/.test(tab.text) || /Not imported/.test(tab.text)) throw new Error(`the 300 MB crosswalk did not import: ${tab.text}`);
  results.push({ id: 'reference.tab-import-peak', name: `browser tab peak memory (renderer process, resident) importing the ${Math.round(big.bytes / MB)} MB crosswalk-shaped file`, value: Math.round(tab.peak / MB), unit: 'MB', target: '≤ 1,024', met: tab.peak <= 1024 * MB });
  return results;
}
