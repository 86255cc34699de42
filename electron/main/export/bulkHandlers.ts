// Bulk export of a date range (CSV or JSON) as a job the window drives step by step: each step
// exports a few sessions and answers with the progress, so the window shows a progress bar and
// the main process never blocks for long. The file appears, whole, only when the job finishes.
import path from 'node:path';
import type { Handler } from '../handlers/index';
import type { Ctx } from '../context';
import type { DB } from '../db/types';
import { localNow, requireDb } from '../handlers/db';
import { AppError } from '../ipc/appError';
import { sessionsForBulkExport, startBulkJob, stepBulkJob, finishBulkJob, cancelBulkJob, type BulkJob } from './bulk';
import { loadExportSource } from './sources';
import { lockedSessionCsvRows } from './lockedCsvRows';
import { readExportSettings } from './exportSettings';
import { recordExport } from './exportLog';
import { writeFailure, checkFolder, exportFileMode, freeName } from './atomicWrite';
import type { BulkFormat } from '../../../shared/export/formats';
import type { ExportSource } from '../../../shared/export/source';
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
  job: BulkJob;
  format: BulkFormat;
  range: { from: string; to: string };
  destination: string;
}
const jobs = new WeakMap<Ctx, Map<string, RunningJob>>();
const jobsOf = (ctx: Ctx) => jobs.get(ctx) ?? jobs.set(ctx, new Map()).get(ctx)!;

/** A signed session's latest version for a bulk file; one that cannot be exported is skipped. */
export function bulkSource(ctx: Ctx, db: DB, sessionId: string, format: BulkFormat): ExportSource | null {
  try {
    return loadExportSource(ctx, db, { sessionId, format });
  } catch (error) {
    if (error instanceof AppError) return null;
    throw error;
  }
}

export function bulkFileName(range: { from: string; to: string }, format: BulkFormat): string {
  return `cryolog_${range.from}_to_${range.to}.${format}`;
}

function progressOf(jobId: string, done: number, total: number, result: BulkProgress['result']): BulkProgress {
  return { jobId, done, total, finished: result !== null, result };
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
    const sessionIds = sessionsForBulkExport(db, range).map((s) => s.sessionId);
    let job: BulkJob;
    try {
      job = startBulkJob({
        format,
        sessionIds,
        outFile,
        loadSource: (id) => bulkSource(ctx, db, id, format),
        lockedCsvRows: (ids) => lockedSessionCsvRows(db, ids),
        bom: settings.csvByteOrderMark,
        mode: exportFileMode(destination),
      });
    } catch (error) {
      throw writeFailure(path.dirname(outFile), error);
    }
    const jobId = ctx.newId();
    jobsOf(ctx).set(jobId, { job, format, range, destination });
    return progressOf(jobId, 0, sessionIds.length, null);
  },

  stepBulkExport: (ctx, { jobId }) => {
    const db = requireDb(ctx);
    const running = jobsOf(ctx).get(jobId);
    if (!running) throw new AppError('NOT_FOUND', 'That export is no longer running (CryoLog was restarted, or it was cancelled). Start it again.');
    try {
      const step = stepBulkJob(running.job, SESSIONS_PER_STEP, STEP_BUDGET_MS);
      if (!step.finished) return progressOf(jobId, step.done, step.total, null);
      const result = finishBulkJob(running.job);
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
      return progressOf(jobId, step.total, step.total, { path: result.file, bytes: result.bytes, sha256: result.sha256, sessions: result.sessions, rows: result.rows });
    } catch (error) {
      cancelBulkJob(running.job);
      jobsOf(ctx).delete(jobId);
      throw writeFailure(path.dirname(running.job.outFile), error);
    }
  },

  cancelBulkExport: (ctx, { jobId }) => {
    const running = jobsOf(ctx).get(jobId);
    if (!running) return { cancelled: false };
    cancelBulkJob(running.job);
    jobsOf(ctx).delete(jobId);
    return { cancelled: true };
  },
};
