// What the bulk CSV worker is asked (bulkCsvWorker.ts) and the messages it sends back
// (runBulkCsvInWorker.ts): progress as it goes, then one outcome.
import type { BulkPartResult } from './bulk';

export interface BulkCsvWorkerJob {
  /** The record database; the worker opens it read-only. */
  dbFile: string;
  range: { from: string; to: string };
  outFile: string;
  bom: boolean;
  mode: number;
  appVersion: string;
  /** The main process's clock at the start, for the few fields the per-session path stamps (not CSV columns). */
  now: string;
  offsetMinutes: number;
}

export type BulkWorkerMessage =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'log'; message: string }
  | { kind: 'done'; part: BulkPartResult }
  | { kind: 'failed'; message: string; code?: string };
