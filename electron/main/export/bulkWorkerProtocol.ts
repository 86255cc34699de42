// What the bulk CSV worker is asked (bulkCsvWorker.ts) and the messages it sends back
// (runBulkCsvInWorker.ts): progress as it goes, then one outcome. The worker may share the rows
// with shard workers of its own (the same entry, role 'shard'), which answer it the same way.
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
  /** Threads sharing the rows (tests pin it); absent: one per processor core, up to MAX_SHARDS, for a large export. */
  shards?: number;
  /** Tests only: the marker handed to the shards instead of the lead's, so that each answers 'moved'. */
  shardMarkerForTests?: string;
}

/** A shard: some sessions of the export, written without a header to a file the lead worker appends. */
export interface BulkCsvShardJob extends Omit<BulkCsvWorkerJob, 'range' | 'shards' | 'bom' | 'shardMarkerForTests'> {
  sessionIds: string[];
  /** The lead's snapshot marker (snapshotMarker): a shard that reads another state answers 'moved'. */
  marker: string;
}

export type BulkWorkerData = { role: 'lead'; job: BulkCsvWorkerJob } | { role: 'shard'; job: BulkCsvShardJob };

export type BulkWorkerMessage =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'log'; message: string }
  | { kind: 'done'; part: BulkPartResult }
  | { kind: 'failed'; message: string; code?: string }
  /** Shard only: its snapshot is not the lead's (a change was saved in between); the lead does its sessions itself. */
  | { kind: 'moved' };

/** Where shard `k` (1, 2, …) of an export to outFile writes: its part file is partFileOf(this). */
export const shardOutFile = (outFile: string, k: number): string => `${outFile}.shard${k}`;

/** At most this many threads share one export (with a core kept for the main process: bulkCsvWorker.ts shardCount). */
export const MAX_SHARDS = 4;
