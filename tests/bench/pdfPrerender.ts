// The main thread while 20 sign-offs' PDFs are prepared (issue 7: "no main-process block over
// 50 ms"). Each sign-off is dispatched as the window sends it, then its PDF is laid out ahead of
// its export: on the main thread (as before the PDF worker: 'in-process') or in the PDF worker
// ('worker', the app). The sessions are S1 (a long session is not signable as generated: its
// repeated cycles break the rules; export_pdf_long_ms gives its layout time). The loop is watched two ways: perf_hooks'
// monitorEventLoopDelay (its max) and a 2 ms setInterval whose longest gap, less 2 ms, is the
// longest block it saw. The sign-off's own synchronous work (rules, PIN check, the write) is
// timed apart, so the PDF's share of the longest block can be told from it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { closeContext, type Ctx } from '../../electron/main/context';
import { dispatch } from '../../electron/main/ipc/dispatch';
import { clearPdfCache } from '../../electron/main/export/pdfCache';
import { prerendersSettled } from '../../electron/main/export/prerender';
import { pdfWorker } from '../../electron/main/export/pdfWorkerClient';
import type { Channel } from '../../shared/ipc/channels';
import type { Req, Res } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';
import { signedInContext, TEST_PIN } from '../helpers/testClinician';
import { fixtureSource } from '../helpers/exportSource';
import { fixtureFile } from '../tools/sessionFixtures';
import { signedPdfJob } from '../../electron/main/export/render';

const SIGN_OFFS = 20;
/** Sign-offs come from one clinician's window, one after another: a short pause between them. */
const BETWEEN_MS = 30;
const WATCH_MS = 2;
/** S1's day, as the tests sign it (its checks look at dates). */
const SIGNING_DAY = { now: () => new Date('2026-03-10T10:30:00.000Z'), offsetMinutes: () => 0 };

function call<C extends Channel>(ctx: Ctx, channel: C, request: Req<C>): Res<C> {
  const r = dispatch(ctx, channel, request) as Result<Res<C>>;
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.data;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface Run {
  blockMs: number;
  monitorMaxMs: number;
  signoffMaxMs: number;
  allReadyMs: number;
}

async function run(mode: 'in-process' | 'worker'): Promise<Run> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cryolog-bench-pdf-'));
  const ctx = signedInContext({ dbPath: path.join(dir, 'cryolog.sqlite'), appVersion: 'bench', clock: SIGNING_DAY, log: { info: () => undefined, error: () => undefined }, pdfPrerender: mode });
  let watchdog: NodeJS.Timeout | undefined;
  try {
    const ids: string[] = [];
    for (let i = 0; i < SIGN_OFFS; i++) {
      ids.push(call(ctx, 'importSession', { document: JSON.parse(fs.readFileSync(fixtureFile('S1'), 'utf8')) as Req<'importSession'>['document'] }).sessionId);
    }
    clearPdfCache();
    const monitor = monitorEventLoopDelay({ resolution: 1 });
    let last = performance.now();
    let longestGap = 0;
    watchdog = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
    }, WATCH_MS);
    await sleep(20);
    monitor.enable();
    longestGap = 0;
    let signoffMaxMs = 0;
    const t0 = performance.now();
    for (const sessionId of ids) {
      const s = performance.now();
      call(ctx, 'signSession', { sessionId, secret: TEST_PIN });
      signoffMaxMs = Math.max(signoffMaxMs, performance.now() - s);
      await sleep(BETWEEN_MS);
    }
    await prerendersSettled();
    const allReadyMs = performance.now() - t0;
    await sleep(20);
    monitor.disable();
    return { blockMs: Math.max(0, longestGap - WATCH_MS), monitorMaxMs: monitor.max / 1e6, signoffMaxMs, allReadyMs };
  } finally {
    clearInterval(watchdog);
    closeContext(ctx);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchPdfPrerender(): Promise<Record<string, number>> {
  console.log(`\nMain thread while ${SIGN_OFFS} sign-offs' PDFs are prepared (S1; ${BETWEEN_MS} ms apart)`);
  const figures: Record<string, number> = {};
  // The worker first parses its fonts on its own first job; started here so the figure is the
  // steady state of a running app (the start itself is timed in pdf_worker_first_ms).
  const s = performance.now();
  await pdfWorker.render(signedPdfJob(fixtureSource('S1'))!);
  figures.pdf_worker_first_ms = round(performance.now() - s);
  for (const mode of ['in-process', 'worker'] as const) {
    const r = await run(mode);
    const suffix = mode === 'worker' ? '' : '_inprocess';
    figures[`main_block_pdf${suffix}_ms`] = round(Math.max(r.blockMs, r.monitorMaxMs));
    figures[`pdf_signoff_dispatch_max${suffix}_ms`] = round(r.signoffMaxMs);
    figures[`pdf_prerender_all_ready${suffix}_ms`] = round(r.allReadyMs);
    console.log(
      `${mode.padEnd(11)} longest block ${r.blockMs.toFixed(1).padStart(6)} ms (gap watchdog), ${r.monitorMaxMs.toFixed(1).padStart(6)} ms (monitorEventLoopDelay max); ` +
        `sign-off dispatch max ${r.signoffMaxMs.toFixed(1)} ms; all ${SIGN_OFFS} PDFs in memory after ${r.allReadyMs.toFixed(0)} ms`,
    );
  }
  return figures;
}

const round = (ms: number) => Math.round(ms * 100) / 100;

