// Starts the integrity worker for one job and turns its one message into a promise.
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
    const worker = startWorker(job);
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
 * Built (electron-vite): integrityWorker.js is its own entry in out/main, and this module sits
 * in out/main or out/main/chunks. From source (vitest, tsx): integrityWorker.ts beside this
 * file, run through tsx's require hook, since the worker imports TypeScript modules.
 */
function startWorker(job: WorkerJob): Worker {
  // __dirname, not import.meta: Playwright's loader and the built main bundle are CommonJS
  // (vitest and tsx define it too).
  const here = __dirname;
  for (const built of [path.join(here, 'integrityWorker.js'), path.join(here, '..', 'integrityWorker.js')]) {
    if (fs.existsSync(built)) return new Worker(built, { workerData: job });
  }
  const source = path.join(here, 'integrityWorker.ts');
  const tsx = createRequire(__filename).resolve('tsx/cjs/api');
  return new Worker(`require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(source)});`, { eval: true, workerData: job });
}
