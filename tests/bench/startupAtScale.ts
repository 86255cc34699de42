// Start and main-thread responsiveness on ten years of records (issue 7): how long the app's
// open takes with the integrity check in the background, how long that check takes in its
// worker, and the longest the main thread is blocked (the window cannot answer) while it
// starts, checks, backs up and answers list requests. Uses atScale.ts's seeded clinic.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closeContext, createContext, type Ctx } from '../../electron/main/context';
import { dispatch } from '../../electron/main/ipc/dispatch';
import { integritySettled } from '../../electron/main/integrity/backgroundCheck';
import { runBackup } from '../../electron/main/backup/runBackup';
import { signInTestAdmin, TEST_HASH_COST } from '../helpers/testClinician';
import { clinicFile } from './atScale';
import { blockMonitor } from './eventLoopBlocks';

const quiet = { info: () => undefined, error: (m: string) => console.error(m) };
/** The app's start path without its check: the check's promise never answers, so nothing runs beside the open. */
const neverChecks = () => new Promise<string[]>(() => undefined);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}


/**
 * The longest piece of synchronous work this process itself ran (a pair of list requests): on a
 * loaded machine the loop-delay figures also count the time the main thread waited for a core,
 * which this does not.
 */
let longestSyncWork = 0;
let longestSyncWhat = '';
function noteSyncWork(ms: number, what: string): void {
  if (ms > longestSyncWork) [longestSyncWork, longestSyncWhat] = [ms, what];
}

/** Answers list requests (the 50 most recent, a name search) every 20 ms until stopped, as a busy window would. */
function listTraffic(ctx: Ctx, names: string[]): { stop(): number } {
  let n = 0;
  const timer = setInterval(() => {
    const t = performance.now();
    const recent = dispatch(ctx, 'listSessions', { limit: 50 });
    const search = dispatch(ctx, 'listSessions', { limit: 50, search: names[n % names.length]! });
    if (!recent.ok || !search.ok) throw new Error('A list request failed during the bench');
    noteSyncWork(performance.now() - t, 'list');
    n++;
  }, 20);
  return {
    stop() {
      clearInterval(timer);
      return n;
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function benchStartupAtScale(): Promise<Record<string, number>> {
  const file = clinicFile();

  // The start path as the app takes it (pragmas, journal, schema, stamp; no quick_check).
  const opens: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const ctx = createContext({ dbPath: file, appVersion: 'bench', log: quiet, hashCost: TEST_HASH_COST, integrityCheck: neverChecks });
    opens.push(performance.now() - t);
    if (!ctx.db) throw new Error(`The synthetic clinic did not open: ${JSON.stringify(ctx.startup)}`);
    closeContext(ctx);
  }

  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cryolog-bench-backups-'));
  const monitor = blockMonitor();
  const ctx = createContext({ dbPath: file, appVersion: 'bench', log: quiet, hashCost: TEST_HASH_COST, integrityCheck: 'background' });
  try {
    if (!ctx.db) throw new Error(`The synthetic clinic did not open: ${JSON.stringify(ctx.startup)}`);
    monitor.phase(); // the open itself is startup_db_ms: before it, there is no window to answer
    signInTestAdmin(ctx);
    const names = ctx.db.prepare('SELECT substr(family_name, 1, 3) FROM patient WHERE family_name IS NOT NULL ORDER BY id LIMIT 50').pluck().all() as string[];

    // Start: the background check, with the window listing and searching meanwhile.
    let traffic = listTraffic(ctx, names);
    const checked = await integritySettled(ctx);
    traffic.stop();
    if (checked.state !== 'ok') throw new Error(`The background check did not pass: ${JSON.stringify(checked)}`);
    const mainBlockStart = monitor.phase();

    // A backup (copy, finish and full check in the worker, prune), list requests meanwhile. The
    // main thread's own work is creating, renaming and pruning files: the loop-delay monitor
    // measures it (there are no backup-API steps on this thread to time any more).
    traffic = listTraffic(ctx, names);
    const backup = await runBackup(ctx.db, {
      folder,
      now: () => new Date(),
      offsetMinutes: () => 0,
      reason: 'manual',
      rotation: { keepDaily: 7, keepWeekly: 4 },
    });
    traffic.stop();
    if (!backup.checkedOk) throw new Error(`The bench backup failed its check: ${backup.problem ?? ''}`);
    const mainBlockBackup = monitor.phase();

    // List requests alone, for comparison.
    traffic = listTraffic(ctx, names);
    await sleep(3_000);
    traffic.stop();
    const mainBlockList = monitor.phase();

    const figures = {
      startup_db_ms: Math.round(median(opens) * 10) / 10,
      startup_db_first_ms: Math.round(opens[0]! * 10) / 10,
      integrity_check_worker_ms: Math.round(checked.ms),
      main_block_start_ms: mainBlockStart,
      main_block_backup_ms: mainBlockBackup,
      main_block_list_ms: mainBlockList,
      main_block_max_ms: Math.max(mainBlockStart, mainBlockBackup, mainBlockList),
      main_sync_work_max_ms: Math.round(longestSyncWork * 10) / 10,
    };
    console.log(`\nStart and main-thread blocks on ${path.basename(file)}, ms`);
    console.log(`open as the app does (check in background)  median ${figures.startup_db_ms}  first ${figures.startup_db_first_ms}`);
    console.log(`integrity check in the worker               ${figures.integrity_check_worker_ms}`);
    console.log(`longest main-thread block: start ${mainBlockStart}  backup ${mainBlockBackup}  list ${mainBlockList}  (max ${figures.main_block_max_ms}; longest own synchronous work ${figures.main_sync_work_max_ms} (${longestSyncWhat}); the rest is waiting for a core)`);
    return figures;
  } finally {
    monitor.stop();
    closeContext(ctx);
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

// Run alone: `tsx tests/bench/startupAtScale.ts` (BENCH_SCALE_SESSIONS and TMPDIR as for atScale.ts).
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename ?? '')) {
  void benchStartupAtScale().then((figures) => console.log(figures));
}
