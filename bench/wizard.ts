/**
 * The wizard in the browser: the initial JavaScript (gzip) against a bare React + ReactDOM page
 * built by the same Vite; in Debian's Chromium, the time from a keystroke until the findings
 * panel and the lines show its effect, and the longest main-thread stall during a big import.
 */
import react from '@vitejs/plugin-react';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import type { BenchResult } from './report';

/** Gzip size of the scripts a page loads before it can render: its entry and the modules it preloads. */
function initialJsGzip(outDir: string): number {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="([^"]+\.js)"/g)].map((m) => m[1]!);
  return files.reduce((sum, f) => sum + gzipSync(readFileSync(join(outDir, f.replace(/^\.?\//, '')))).length, 0);
}

/** Builds the app for the browser benchmarks; returns its folder. */
export async function buildApp(root: string): Promise<string> {
  const app = join(root, 'node_modules/.bench/app');
  await build({ root, logLevel: 'warn', build: { outDir: app, emptyOutDir: true } });
  return app;
}

async function buildBare(root: string): Promise<string> {
  const bare = join(root, 'node_modules/.bench/bare-react');
  await build({ root: join(root, 'bench/bare-react'), configFile: false, plugins: [react()], logLevel: 'warn', build: { outDir: bare, emptyOutDir: true } });
  return bare;
}

/**
 * Records, for each keystroke, the time from the key event to the end of the work it causes: the
 * input handlers, the core's evaluation and React's commit of the findings panel and the lines.
 * React commits inside its own listener on the app's root, so a listener on the window, which the
 * input event reaches afterwards, sees the DOM already updated; the time is taken once the
 * microtasks queued by that work have run too. Painting the frame afterwards is the browser's;
 * the time to the next painted frame is recorded as well, for information (at 60 frames a second
 * it includes up to 16.7 ms of waiting for the frame).
 */
const INSTRUMENT = `
  window.__latencies = [];
  window.__frames = [];
  let start;
  addEventListener('keydown', (event) => {
    start = event.timeStamp;
    const from = event.timeStamp;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => window.__frames.push(performance.now() - from);
      channel.port2.postMessage(0);
    });
  }, true);
  addEventListener('input', () => {
    const from = start;
    if (from === undefined) return;
    start = undefined;
    queueMicrotask(() => queueMicrotask(() => window.__latencies.push(performance.now() - from)));
  });
`;

/** The port the benchmarks serve the app on (PW_PORT, as for the browser tests, else 4175). */
const PORT = Number(process.env.PW_PORT ?? 4175);

/** Serves a build and opens Debian's Chromium on it; closes both afterwards. */
export async function withApp<T>(outDir: string, run: (page: Page, url: string) => Promise<T>): Promise<T> {
  const server = await preview({ logLevel: 'warn', preview: { host: '127.0.0.1', port: PORT, strictPort: true }, build: { outDir } });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'] });
  try {
    return await run(await browser.newPage(), `http://127.0.0.1:${PORT}/`);
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
}

async function keystrokeLatencies(page: Page, url: string): Promise<{ work: number[]; frames: number[] }> {
  await page.addInitScript(INSTRUMENT);
  await page.goto(url);
  await page.getByRole('button', { name: 'Start a new claim' }).click();
  await page.getByLabel('Physician office').check();
  await page.getByLabel('Payer profile').selectOption('medicare-part-b');
  await page.getByLabel('Date of service').fill('2026-11-20');
  await page.getByRole('button', { name: 'Next: Drug' }).click();
  const ndc = page.getByLabel('NDC from the vial or package label');
  const name = page.getByLabel('Brand name');
  await page.evaluate('window.__latencies = []; window.__frames = []');
  // Focus once, then type with the keyboard alone, so no locator work falls between keystrokes.
  for (let round = 0; round < 10; round++) {
    await ndc.fill('');
    await ndc.focus();
    await page.keyboard.type('73150-0150-06', { delay: 30 });
    await name.fill('');
    await name.focus();
    await page.keyboard.type('Briumvi ublituximab', { delay: 30 });
  }
  return await page.evaluate('({ work: window.__latencies, frames: window.__frames })') as { work: number[]; frames: number[] };
}

/** A Chrome trace event (the fields used here). */
interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly dur?: number;
  readonly args?: { readonly name?: string };
}

/** The longest task (ms) the renderer's main thread ran in a Chrome trace. */
export function longestMainThreadTask(trace: Buffer): number {
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const main = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const tasks = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && main.has(`${e.pid}:${e.tid}`));
  if (tasks.length === 0) throw new Error('the trace has no task of the page\'s main thread');
  return Math.max(...tasks.map((e) => e.dur ?? 0)) / 1000;
}

/**
 * The main thread while the full CMS crosswalk is imported through the reference-data screen, from
 * choosing the file to its result on screen: its longest task, from a Chrome trace, and the largest
 * gap between animation frames (what the biller sees: frames come every 16.7 ms, so one task a
 * little over 17 ms already makes a gap of 33 ms).
 */
async function importStall(page: Page, url: string, crosswalk: string): Promise<{ task: number; gap: number }> {
  // The screen loaded and the service worker's precache done: only the import is measured.
  await page.goto(`${url}#/reference`, { waitUntil: 'networkidle' });
  await page.getByLabel('Drop CMS or FDA files here, or choose files').waitFor();
  await page.evaluate(`(() => {
    window.__gaps = [];
    let last = performance.now();
    const tick = (now) => { window.__gaps.push(now - last); last = now; requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  })()`);
  await page.context().browser()!.startTracing(page, { categories: ['toplevel', 'disabled-by-default-devtools.timeline'] });
  await page.getByLabel('Drop CMS or FDA files here, or choose files').setInputFiles(crosswalk);
  await page.getByText(/8,245 rows read/).waitFor({ timeout: 60_000 });
  const trace = await page.context().browser()!.stopTracing();
  const gaps = await page.evaluate('window.__gaps') as number[];
  return { task: longestMainThreadTask(trace), gap: Math.max(...gaps.slice(1)) };
}

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

export async function wizardBenchmarks(root: string, app: string): Promise<BenchResult[]> {
  const bare = await buildBare(root);
  const appKb = initialJsGzip(app) / 1024;
  const bareKb = initialJsGzip(bare) / 1024;
  const ratio = appKb / bareKb;
  const measured = await withApp(app, keystrokeLatencies);
  const latencies = measured.work.sort((a, b) => a - b);
  const frames = measured.frames.sort((a, b) => a - b);
  const p95 = percentile(latencies, 0.95);
  const crosswalk = join(root, '..', 'shared', 'data', 'cms_asp_ndc_hcpcs_crosswalk_oct2025.csv');
  const stall = existsSync(crosswalk) ? await withApp(app, (page, url) => importStall(page, url, crosswalk)) : undefined;
  return [
    { id: 'wizard.initial-js', name: 'initial JavaScript of the app (gzip)', value: Number(appKb.toFixed(1)), unit: 'KB', target: 'info', met: null },
    { id: 'wizard.bare-react-js', name: 'bare React + ReactDOM page by the same Vite (gzip)', value: Number(bareKb.toFixed(1)), unit: 'KB', target: 'info', met: null },
    { id: 'wizard.initial-js-ratio', name: 'initial JavaScript ÷ bare React page (the built-in reference data load later)', value: Number(ratio.toFixed(2)), unit: '×', target: '≤ 1.3', met: ratio <= 1.3 },
    { id: 'wizard.keystroke-p50', name: `keystroke to findings panel updated, median (${latencies.length} keystrokes, Chromium)`, value: Number(percentile(latencies, 0.5).toFixed(1)), unit: 'ms', target: 'info', met: null },
    { id: 'wizard.keystroke-p95', name: 'keystroke to findings panel updated, 95th percentile', value: Number(p95.toFixed(1)), unit: 'ms', target: '≤ 16', met: p95 <= 16 },
    { id: 'wizard.keystroke-frame-p95', name: 'keystroke to the next painted frame, 95th percentile (includes waiting for the frame)', value: Number(percentile(frames, 0.95).toFixed(1)), unit: 'ms', target: 'info', met: null },
    ...(stall === undefined ? [] : [
      {
        id: 'reference.import-main-thread', name: 'longest main-thread task while importing the full CMS crosswalk in Chromium (Chrome trace)',
        value: Number(stall.task.toFixed(1)), unit: 'ms', target: '≤ 50', met: stall.task <= 50,
      },
      {
        id: 'reference.import-frame-gap', name: 'largest gap between painted frames during that import', value: Number(stall.gap.toFixed(1)), unit: 'ms', target: 'info', met: null,
      },
    ]),
  ];
}
