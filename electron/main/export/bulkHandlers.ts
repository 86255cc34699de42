// Bulk export of a date range (CSV or JSON) as a job the window polls: each stepBulkExport answers
// with the progress, so the window shows a progress bar and the main process never blocks for
// long. CSV runs in a worker thread (runBulkCsvInWorker.ts): a step only reads its progress.
// JSON runs here, a few sessions per step (its per-session documents are stamped with the clock
// of the moment, and it is rarely asked for the whole clinic). The file appears, whole, only when
// the job finishes: renamed and recorded here, in the main process, whichever ran it.
import path from 'node:path';
import type { Handler } from '../handlers/index';
import type { Ctx } from '../context';
import { localNow, requireDb } from '../handlers/db';
import { AppError } from '../ipc/appError';
import { checkBulkRange, sessionsForBulkExport, startBulkJob, stepBulkJob, finishBulkJob, cancelBulkJob, publishBulkPart, type BulkJob, type BulkResult } from './bulk';
import { bulkSource } from './bulkSources';
import { runBulkCsvInWorker, type BulkCsvWorkerHandle } from './runBulkCsvInWorker';
import { readExportSettings } from './exportSettings';
import { recordExport } from './exportLog';
import { writeFailure, checkFolder, exportFileMode, freeName } from './atomicWrite';
import type { BulkFormat } from '../../../shared/export/formats';
import type { BulkProgress } from '../../../shared/ipc/exportsContract';

/**
 * A step ends after STEP_BUDGET_MS (or SESSIONS_PER_STEP sessions): the main process answers a
 * list request or an autosave that arrives mid-export within a frame or so. A time budget, not a
 * fixed count, because a locked session costs ~0.05 ms on the fast path and ~0.6 ms per session
 * otherwise: a count small enough for the slow path made 100,000 sessions thousands of steps.
 */
const SESSIONS_PER_STEP = 5_000;
const STEP_BUDGET_MS = 15;

interface RunningJob {
  /** In process (JSON), or in a worker thread (CSV). */
  job: { inProcess: BulkJob } | { worker: BulkCsvWorkerHandle };
  outFile: string;
  format: BulkFormat;
  range: { from: string; to: string };
  destination: string;
}
const jobs = new WeakMap<Ctx, Map<string, RunningJob>>();
const jobsOf = (ctx: Ctx) => jobs.get(ctx) ?? jobs.set(ctx, new Map()).get(ctx)!;

export { bulkSource };

export function bulkFileName(range: { from: string; to: string }, format: BulkFormat): string {
  return `cryolog_${range.from}_to_${range.to}.${format}`;
}

function progressOf(jobId: string, done: number, total: number, result: BulkProgress['result']): BulkProgress {
  return { jobId, done, total, finished: result !== null, result };
}

/** Stops a job and removes its part file (a worker's once it has stopped: it cannot write after). */
function stopJob(running: RunningJob): void {
  if ('inProcess' in running.job) cancelBulkJob(running.job.inProcess);
  else void running.job.worker.cancel();
}

type BulkChannel = 'startBulkExport' | 'stepBulkExport' | 'cancelBulkExport';

export const bulkHandlers: { [C in BulkChannel]: Handler<C> } = {
  startBulkExport: (ctx, { range, format, destination }) => {
    const db = requireDb(ctx);
    const settings = readExportSettings(ctx, db).value;
    const fileName = bulkFileName(range, format);
    let outFile: string;
    if (destination === 'drop-folder') {
      if (!settings.dropFolder) throw new AppError('EXPORT_WRITE_FAILED', 'No drop folder is set. An administrator sets it in Settings → Exports; until then use "Save as…".');
      checkFolder(settings.dropFolder);
      outFile = freeName(settings.dropFolder, fileName);
    } else {
      if (!ctx.chooseSavePath) throw new AppError('EXPORT_WRITE_FAILED', 'There is no save dialog here. Use the drop folder, or the command line with --out.');
      const chosen = ctx.chooseSavePath(fileName);
      if (chosen === null) return null;
      checkFolder(path.dirname(chosen));
      outFile = chosen;
    }
    checkBulkRange(range);
    let job: RunningJob['job'];
    let total = 0;
    try {
      if (format === 'csv') {
        const now = ctx.clock.now();
        const workerJob = { dbFile: ctx.dbPath, range, outFile, bom: settings.csvByteOrderMark, mode: exportFileMode(destination), appVersion: ctx.appVersion, now: now.toISOString(), offsetMinutes: ctx.clock.offsetMinutes(now) };
        // The worker reads the session list itself, from the same snapshot as the rows; its total comes with the first progress.
        job = { worker: runBulkCsvInWorker(workerJob, (m) => ctx.log.error(m)) };
      } else {
        const sessionIds = sessionsForBulkExport(db, range).map((s) => s.sessionId);
        total = sessionIds.length;
        job = {
          inProcess: startBulkJob({ format, sessionIds, outFile, loadSource: (id) => bulkSource(ctx, db, id, format), bom: settings.csvByteOrderMark, mode: exportFileMode(destination) }),
        };
      }
    } catch (error) {
      throw writeFailure(path.dirname(outFile), error);
    }
    const jobId = ctx.newId();
    jobsOf(ctx).set(jobId, { job, outFile, format, range, destination });
    return progressOf(jobId, 0, total, null);
  },

  stepBulkExport: (ctx, { jobId }) => {
    const db = requireDb(ctx);
    const running = jobsOf(ctx).get(jobId);
    if (!running) throw new AppError('NOT_FOUND', 'That export is no longer running (CryoLog was restarted, or it was cancelled). Start it again.');
    try {
      let result: BulkResult;
      if ('inProcess' in running.job) {
        const step = stepBulkJob(running.job.inProcess, SESSIONS_PER_STEP, STEP_BUDGET_MS);
        if (!step.finished) return progressOf(jobId, step.done, step.total, null);
        result = finishBulkJob(running.job.inProcess);
      } else {
        const status = running.job.worker.status();
        if (status.state === 'running') return progressOf(jobId, status.done, status.total, null);
        if (status.state === 'failed') throw status.error;
        result = publishBulkPart(status.part);
      }
      jobsOf(ctx).delete(jobId);
      const at = localNow(ctx);
      db.transaction(() =>
        recordExport(db, ctx.newId(), null, {
          at,
          format: `bulk-${running.format} ${running.range.from} to ${running.range.to}`,
          version: null,
          status: `${result.sessions} sessions, ${result.rows} rows`,
          destination: running.destination,
          path: result.file,
          bytes: result.bytes,
          sha256: result.sha256,
        }),
      )();
      const total = result.sessions + result.skipped;
      return progressOf(jobId, total, total, { path: result.file, bytes: result.bytes, sha256: result.sha256, sessions: result.sessions, rows: result.rows });
    } catch (error) {
      stopJob(running);
      jobsOf(ctx).delete(jobId);
      throw writeFailure(path.dirname(running.outFile), error);
    }
  },

  cancelBulkExport: (ctx, { jobId }) => {
    const running = jobsOf(ctx).get(jobId);
    if (!running) return { cancelled: false };
    stopJob(running);
    jobsOf(ctx).delete(jobId);
    return { cancelled: true };
  },
};
