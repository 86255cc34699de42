// Starts the integrity worker for one job and turns its one message into a promise; startWorker
// also starts the bulk CSV export's worker (export/runBulkCsvInWorker.ts).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { WorkerAnswer, WorkerJob, WorkerMessage } from './workerJobs';

type AnswerOf<K extends WorkerJob['kind']> = Extract<WorkerAnswer, { kind: K }>;

/** An error thrown in the worker, with its SQLite code when it had one. */
export class WorkerJobError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

export function runInWorker<J extends WorkerJob>(job: J): Promise<AnswerOf<J['kind']>> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const worker = startWorker('integrityWorker', job);
    worker.once('message', (message: WorkerMessage) => {
      settled = true;
      if (message.ok) resolve(message.answer as AnswerOf<J['kind']>);
      else reject(new WorkerJobError(message.message, typeof message.code === 'string' ? message.code : undefined));
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new WorkerJobError(`The check stopped before it finished (exit code ${code}).`));
    });
  });
}

/**
 * Starts a worker entry by name (integrityWorker, bulkCsvWorker, pdfWorker). Built (electron-vite): each
 * entry is its own file in out/main, and this module sits in out/main or out/main/chunks. From
 * source (vitest, tsx): `<entry>.ts` in its folder, run through tsx's require hook, since the
 * worker imports TypeScript modules.
 */
const ENTRY_SOURCES = { integrityWorker: '.', bulkCsvWorker: '../export', pdfWorker: '../export' } as const;

export function startWorker(entry: keyof typeof ENTRY_SOURCES, workerData: unknown): Worker {
  // __dirname, not import.meta: Playwright's loader and the built main bundle are CommonJS
  // (vitest and tsx define it too).
  const here = __dirname;
  for (const built of [path.join(here, `${entry}.js`), path.join(here, '..', `${entry}.js`)]) {
    if (fs.existsSync(built)) return new Worker(built, { workerData });
  }
  const source = path.join(here, ENTRY_SOURCES[entry], `${entry}.ts`);
  const tsx = createRequire(__filename).resolve('tsx/cjs/api');
  return new Worker(`require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(source)});`, { eval: true, workerData });
}
