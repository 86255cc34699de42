// The renderer on ten years of records (issue 7): the built app (out/renderer) served by the
// browser host on the synthetic clinic, in system Chromium, against a bare React page built by
// the same Vite and served the same way.
// - renderer_interactive_ms: navigation start → the first page of the session list in the DOM
//   (the list and the search box render in one commit; the app sets LIST_SHOWN_MARK then),
//   median of LOADS loads after one warm-up; renderer_bare_interactive_ms the same for the bare
//   page, renderer_vs_bare_ratio the one over the other.
// - renderer_heap_mb: the JS heap after scrolling the list to row SCROLL_TO_ROW and back, once
//   garbage is collected (CDP HeapProfiler.collectGarbage, then Runtime.getHeapUsage).
// - renderer_scroll_frame_p95_ms: the 95th percentile of frame intervals while the list scrolls
//   three rows a frame over loaded rows (smoothness; 16.7 ms is one frame at 60 Hz).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { build } from 'vite';
import react from '@vitejs/plugin-react';
import { startHost } from '../host/server';
import { generateClinic } from '../tools/synthetic/generateClinic';
import { signInTestAdmin } from '../helpers/testClinician';
import { LIST_SHOWN_MARK, ROW_HEIGHT } from '../../renderer/src/features/home/SessionList';

const SESSIONS = Number(process.env.BENCH_SCALE_SESSIONS ?? 100_000);
const LOADS = 11;
const SCROLL_TO_ROW = 5000;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The clinic atScale.ts uses (same file, same seed): generated once into the temp folder. */
function clinicFile(): string {
  const file = path.join(os.tmpdir(), `cryolog-bench-clinic-seed1-${SESSIONS}.sqlite`);
  if (!fs.existsSync(file)) {
    console.log(`\nGenerating the synthetic clinic (${SESSIONS} sessions) once, into ${file} …`);
    generateClinic(file, { seed: 1, patients: Math.max(1, Math.round(SESSIONS / 5)), sessions: SESSIONS });
  }
  return file;
}

async function buildBarePage(outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: path.join(ROOT, 'tests', 'bench', 'bare'),
    base: './',
    logLevel: 'warn',
    plugins: [react()],
    // No modulepreload polyfill: Chromium has modulepreload, and electron-vite leaves it out of the app too.
    build: { outDir, emptyOutDir: true, minify: true, modulePreload: { polyfill: false } },
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Loads `origin` LOADS times (after one warm-up) and answers the median time to the list mark. */
async function timeToList(page: Page, origin: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i <= LOADS; i++) {
    await page.goto(`${origin}/`);
    const handle = await page.waitForFunction((mark) => performance.getEntriesByName(mark)[0]?.startTime, LIST_SHOWN_MARK, { timeout: 30_000 });
    const ms = (await handle.jsonValue()) as number;
    if (i > 0) times.push(ms);
  }
  return median(times);
}

/** Scrolls the app's list until row `index` (0-based) is in the DOM; pages load on the way. */
async function scrollToRow(page: Page, index: number): Promise<void> {
  const scroller = page.locator('.vlist-scroller');
  const row = page.locator(`.vlist-body [aria-rowindex="${index + 2}"]`);
  const deadline = Date.now() + 120_000;
  while (!(await row.count())) {
    if (Date.now() > deadline) throw new Error(`Row ${index} never appeared`);
    await scroller.evaluate((el, top) => (el.scrollTop = top), index * ROW_HEIGHT);
    await page.waitForTimeout(50);
  }
}

/** Frame intervals while the list scrolls three rows a frame through rows it already holds. */
function scrollFrames(page: Page): Promise<number[]> {
  // No named function inside: tsx's keepNames would wrap it in a __name the page lacks.
  return page.locator('.vlist-scroller').evaluate(async (el, rowHeight) => {
    el.scrollTop = 0;
    const gaps: number[] = [];
    let last = await new Promise<number>((r) => requestAnimationFrame(r));
    for (let n = 0; n < 240; n++) {
      el.scrollTop += 3 * rowHeight;
      const now = await new Promise<number>((r) => requestAnimationFrame(r));
      gaps.push(now - last);
      last = now;
    }
    return gaps;
  }, ROW_HEIGHT);
}

export async function benchRenderer(): Promise<Record<string, number>> {
  const rendererDir = path.join(ROOT, 'out', 'renderer');
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) throw new Error('Build the renderer first: npm run build');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cryolog-bench-renderer-'));
  const bareDir = path.join(work, 'bare');
  await buildBarePage(bareDir);

  const app = await startHost({ dbPath: clinicFile(), rendererDir, appVersion: 'bench', checkResponses: false });
  const bare = await startHost({ dbPath: path.join(work, 'empty.sqlite'), rendererDir: bareDir, appVersion: 'bench', checkResponses: false });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--disable-gpu', '--disable-background-networking', '--no-first-run'] });
  try {
    signInTestAdmin(app.ctx);
    const appPage = await (await browser.newContext({ viewport: { width: 1440, height: 960 } })).newPage();
    await appPage.goto(app.url); // the one-time link: sets the host's cookie
    const barePage = await (await browser.newContext({ viewport: { width: 1440, height: 960 } })).newPage();
    await barePage.goto(bare.url);

    // Alternated, so a busy moment on the shared machine weighs on both alike.
    const appTimes: number[] = [];
    const bareTimes: number[] = [];
    for (let round = 0; round < 3; round++) {
      appTimes.push(await timeToList(appPage, app.origin));
      bareTimes.push(await timeToList(barePage, bare.origin));
    }
    const interactive = median(appTimes);
    const bareInteractive = median(bareTimes);

    // Smoothness over the rows of the first pages, then far down the list and back.
    await scrollToRow(appPage, 1000);
    const frames = (await scrollFrames(appPage)).sort((a, b) => a - b);
    await scrollToRow(appPage, SCROLL_TO_ROW);
    await scrollToRow(appPage, 0);
    const cdp = await appPage.context().newCDPSession(appPage);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const rowsInDom = await appPage.locator('.vlist-body [role="row"]').count();

    const figures = {
      renderer_interactive_ms: round(interactive),
      renderer_bare_interactive_ms: round(bareInteractive),
      renderer_vs_bare_ratio: round(interactive / bareInteractive, 2),
      renderer_heap_mb: round(heap.usedSize / 1024 / 1024),
      renderer_scroll_frame_p95_ms: round(frames[Math.floor(frames.length * 0.95)]!),
      renderer_rows_in_dom: rowsInDom,
    };
    console.log(`\nRenderer at ${SESSIONS} sessions: list shown ${figures.renderer_interactive_ms} ms (bare React page ${figures.renderer_bare_interactive_ms} ms, ratio ${figures.renderer_vs_bare_ratio}); heap after scrolling to row ${SCROLL_TO_ROW} and back ${figures.renderer_heap_mb} MB; scroll frame p95 ${figures.renderer_scroll_frame_p95_ms} ms; ${rowsInDom} rows in the DOM`);
    return figures;
  } finally {
    await browser.close();
    await app.close();
    await bare.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

// `tsx tests/bench/renderer.ts` runs this alone (after npm run build) and prints the figures.
// (A promise, not top-level await: tsx compiles the bench as CommonJS.)
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  benchRenderer().then(console.log, (e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
