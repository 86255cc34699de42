// The worker thread that writes a bulk CSV export, so the main process (the window's every
// request) never waits on it. One job per worker: it reads the range from its own read-only
// connection, writes and fsyncs the part file with the very code of the in-process job
// (bulk.ts, lockedCsvRows.ts), reports progress and ends; the main process renames the file
// and records the export (bulkHandlers.ts). Started by runBulkCsvInWorker.ts; built as its own
// entry (electron.config.ts: out/main/bulkCsvWorker.js).
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { Ctx } from '../context';
import type { DB } from '../db/types';
import { completeBulkPart, sessionsForBulkExport, startBulkJob, stepBulkJob, cancelBulkJob, type BulkJob } from './bulk';
import { bulkSource } from './bulkSources';
import { lockedSessionCsvRows } from './lockedCsvRows';
import type { BulkCsvWorkerJob, BulkWorkerMessage } from './bulkWorkerProtocol';

/** How often progress goes to the main process: often enough for a smooth bar, rare enough to cost nothing. */
const PROGRESS_EVERY_MS = 100;

const post = (message: BulkWorkerMessage) => parentPort?.postMessage(message);

/** What the per-session path reads from a context: the database, the app version, a clock, a log. */
function workerContext(db: DB, job: BulkCsvWorkerJob): Ctx {
  const now = new Date(job.now);
  const ctx: Pick<Ctx, 'db' | 'appVersion' | 'clock' | 'log'> = {
    db,
    appVersion: job.appVersion,
    clock: { now: () => now, offsetMinutes: () => job.offsetMinutes },
    log: { info: () => undefined, error: (message) => post({ kind: 'log', message }) },
  };
  return ctx as Ctx;
}

function run(job: BulkCsvWorkerJob): void {
  const db = new Database(job.dbFile, { readonly: true, fileMustExist: true });
  let bulk: BulkJob | null = null;
  try {
    // One read transaction: in WAL mode the session list and every row come from one snapshot,
    // whatever the clinician's connection writes meanwhile.
    db.exec('BEGIN');
    const sessionIds = sessionsForBulkExport(db, job.range).map((s) => s.sessionId);
    const ctx = workerContext(db, job);
    bulk = startBulkJob({
      format: 'csv',
      sessionIds,
      outFile: job.outFile,
      loadSource: (id) => bulkSource(ctx, db, id, 'csv'),
      lockedCsvRows: (ids) => lockedSessionCsvRows(db, ids),
      bom: job.bom,
      mode: job.mode,
    });
    post({ kind: 'progress', done: 0, total: sessionIds.length });
    for (;;) {
      const step = stepBulkJob(bulk, Number.MAX_SAFE_INTEGER, PROGRESS_EVERY_MS);
      post({ kind: 'progress', done: step.done, total: step.total });
      if (step.finished) break;
    }
    const part = completeBulkPart(bulk);
    db.exec('COMMIT');
    post({ kind: 'done', part });
  } catch (error) {
    if (bulk) cancelBulkJob(bulk);
    const code = (error as { code?: unknown }).code;
    post({ kind: 'failed', message: error instanceof Error ? error.message : String(error), ...(typeof code === 'string' && { code }) });
  } finally {
    db.close();
  }
}

run(workerData as BulkCsvWorkerJob);
