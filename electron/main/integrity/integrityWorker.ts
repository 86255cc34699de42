// The worker thread that reads whole database files, so the main process (the window's every
// request) never waits on them: the start's quick_check of the record, and a backup (the copy
// itself, its finishing and its full check). One job per worker; it answers once and ends.
// Started by runInWorker.ts; built as its own entry (electron.config.ts: out/main/integrityWorker.js).
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { copyDatabase } from '../backup/copyDatabase';
import { finishBackupCopy } from '../backup/finishBackupCopy';
import type { WorkerAnswer, WorkerJob } from './workerJobs';

async function run(job: WorkerJob): Promise<WorkerAnswer> {
  switch (job.kind) {
    case 'quickCheck':
      return { kind: 'quickCheck', problems: quickCheckProblems(job.file) };
    case 'backupCopy': {
      const counts = await copyDatabase(job.source, job.file, job.progress && new Int32Array(job.progress));
      return { kind: 'backupCopy', counts, check: finishBackupCopy(job.file, job.folder) };
    }
  }
}

/**
 * Its own read-only connection: in WAL mode it reads one consistent snapshot (the moment it
 * began) while the clinician's connection goes on writing, and it can never write itself.
 */
function quickCheckProblems(file: string): string[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.pragma('quick_check') as { quick_check: string }[];
    return rows.length === 1 && rows[0]?.quick_check === 'ok' ? [] : rows.slice(0, 3).map((r) => r.quick_check);
  } finally {
    db.close();
  }
}

run(workerData as WorkerJob).then(
  (answer) => parentPort?.postMessage({ ok: true, answer }),
  (error: unknown) => parentPort?.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error), code: (error as { code?: unknown }).code }),
);
