// Runs a bulk CSV export in a worker thread (bulkCsvWorker.ts) and keeps what the main process
// needs to answer the window at once: the latest progress, and the outcome once it comes.
import fs from 'node:fs';
import { startWorker } from '../integrity/runInWorker';
import { partFileOf, type BulkPartResult } from './bulk';
import { MAX_SHARDS, shardOutFile, type BulkCsvWorkerJob, type BulkWorkerData, type BulkWorkerMessage } from './bulkWorkerProtocol';

export type BulkWorkerStatus =
  | { state: 'running'; done: number; total: number }
  | { state: 'done'; part: BulkPartResult }
  | { state: 'failed'; error: Error & { code?: string } };

export interface BulkCsvWorkerHandle {
  readonly partFile: string;
  /** Where the job is now; never waits. */
  status(): BulkWorkerStatus;
  /** Settles with the completed (fsynced, not yet renamed) part file, or rejects with the worker's error. */
  readonly outcome: Promise<BulkPartResult>;
  /** Stops the worker and removes the part file; nothing is left at outFile. */
  cancel(): Promise<void>;
}

export function runBulkCsvInWorker(job: BulkCsvWorkerJob, log: (message: string) => void): BulkCsvWorkerHandle {
  const partFile = partFileOf(job.outFile);
  let status: BulkWorkerStatus = { state: 'running', done: 0, total: 0 };
  let cancelled = false;
  const worker = startWorker('bulkCsvWorker', { role: 'lead', job } satisfies BulkWorkerData);
  const outcome = new Promise<BulkPartResult>((resolve, reject) => {
    const fail = (error: Error & { code?: string }) => {
      if (status.state !== 'running') return;
      status = { state: 'failed', error };
      reject(error);
    };
    worker.on('message', (message: BulkWorkerMessage) => {
      if (status.state !== 'running') return;
      switch (message.kind) {
        case 'progress':
          status = { state: 'running', done: message.done, total: message.total };
          break;
        case 'log':
          log(message.message);
          break;
        case 'done':
          status = { state: 'done', part: message.part };
          resolve(message.part);
          break;
        case 'failed':
          fail(Object.assign(new Error(message.message), message.code === undefined ? {} : { code: message.code }));
          break;
      }
    });
    worker.once('error', (error) => fail(error));
    worker.once('exit', (code) => fail(new Error(cancelled ? 'The bulk export was cancelled.' : `The bulk export stopped before it finished (exit code ${code}).`)));
  });
  // The window reads status(); an unread rejection here is not an unhandled one.
  outcome.catch(() => undefined);
  return {
    partFile,
    status: () => status,
    outcome,
    async cancel() {
      cancelled = true;
      await worker.terminate();
      // Only once the worker has stopped (its shard workers stop with it): nothing can write the files again after this.
      fs.rmSync(partFile, { force: true });
      for (let k = 1; k < MAX_SHARDS; k++) fs.rmSync(partFileOf(shardOutFile(job.outFile, k)), { force: true });
    },
  };
}
