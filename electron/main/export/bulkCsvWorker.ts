// The worker thread that writes a bulk CSV export, so the main process (the window's every
// request) never waits on it. It reads the range from its own read-only connection, writes the
// part file with the very code of the in-process job (bulk.ts, lockedCsvRows.ts), reports
// progress and ends; the main process renames the file and records the export (bulkHandlers.ts).
// Started by runBulkCsvInWorker.ts; built as its own entry (electron.config.ts: out/main/bulkCsvWorker.js).
//
// Sharing the rows between cores (issue 7: 100,000 sessions took 21 s on one core, of which 9 s
// is SQLite merely reading the 2.2 million rows). The lead worker lists the sessions, keeps the
// first share and starts one shard worker (this entry again, role 'shard') per further share;
// each shard writes its sessions, without a header, to a file of its own, which the lead then
// appends to its file through its own write (so the byte count and the SHA-256 cover the whole
// export). One export must be one moment of the record, and two connections cannot share a
// snapshot, so each shard checks that its snapshot holds exactly the lead's (snapshotMarker);
// if a change was saved in between, it answers 'moved' and the lead writes those sessions itself
// from its own snapshot. The bytes are the same whatever the number of shards (tested).
import os from 'node:os';
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { Ctx } from '../context';
import type { DB } from '../db/types';
import { startWorker } from '../integrity/runInWorker';
import { appendBulkPart, cancelBulkJob, completeBulkPart, copyIntoBulkJob, countBulkShard, partFileOf, sessionsForBulkExport, startBulkJob, stepBulkJob, type BulkJob, type BulkPartResult } from './bulk';
import { bulkSource } from './bulkSources';
import { lockedSessionCsvRows } from './lockedCsvRows';
import { MAX_SHARDS, shardOutFile, type BulkCsvShardJob, type BulkCsvWorkerJob, type BulkWorkerData, type BulkWorkerMessage } from './bulkWorkerProtocol';

/** How often progress goes to the main process: often enough for a smooth bar, rare enough to cost nothing. */
const PROGRESS_EVERY_MS = 100;
/** Below this many sessions per share a thread's start-up (tens of ms) outweighs what it saves. */
const MIN_SHARD_SESSIONS = 2_000;
/** The lead's share against a shard's 1: it also copies the shards' files into its own (followShard), mostly while they still write. */
const LEAD_WEIGHT = 0.95;

const post = (message: BulkWorkerMessage) => parentPort?.postMessage(message);

type CommonJob = Pick<BulkCsvWorkerJob, 'appVersion' | 'now' | 'offsetMinutes' | 'mode'>;

/** What the per-session path reads from a context: the database, the app version, a clock, a log. */
function workerContext(db: DB, job: CommonJob): Ctx {
  const now = new Date(job.now);
  const ctx: Pick<Ctx, 'db' | 'appVersion' | 'clock' | 'log'> = {
    db,
    appVersion: job.appVersion,
    clock: { now: () => now, offsetMinutes: () => job.offsetMinutes },
    log: { info: () => undefined, error: (message) => post({ kind: 'log', message }) },
  };
  return ctx as Ctx;
}

/**
 * What one snapshot of the record holds, as far as an export can tell: every change that can
 * reach an export (an edit, a signature, an amendment, entered in error, an import) writes an
 * audit entry in its own transaction, and audit ids only grow. Equal markers: the same record.
 */
function snapshotMarker(db: DB): string {
  return String(db.prepare('SELECT coalesce(max(id), 0) FROM audit_log').pluck().get());
}

/** Opens the record read-only and starts one read transaction: every row read after comes from one snapshot. */
function openSnapshot(dbFile: string): DB {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  db.exec('BEGIN');
  return db;
}

function csvJob(db: DB, job: CommonJob, sessionIds: string[], outFile: string, opening: { bom: boolean } | false): BulkJob {
  const ctx = workerContext(db, job);
  return startBulkJob({
    format: 'csv',
    sessionIds,
    outFile,
    loadSource: (id) => bulkSource(ctx, db, id, 'csv'),
    lockedCsvRows: (ids) => lockedSessionCsvRows(db, ids),
    mode: job.mode,
    ...(opening ? { bom: opening.bom } : { opening: false }),
  });
}

/**
 * How many threads share `sessions` sessions: one core is left to the main process and the
 * window. Measured on 2 cores, a second export thread made the main thread wait up to 87-120 ms
 * for the processor (against 15-30 ms with one): the clinician's autosave comes first.
 */
function shardCount(requested: number | undefined, sessions: number): number {
  const wanted = requested ?? Math.min(os.availableParallelism() - 1, Math.floor(sessions / MIN_SHARD_SESSIONS));
  return Math.max(1, Math.min(wanted, MAX_SHARDS, sessions));
}

/** Consecutive shares of the list, the lead's (first) a little smaller. */
function shareOut(ids: string[], shards: number): string[][] {
  const weights = Array.from({ length: shards }, (_, k) => (k === 0 ? LEAD_WEIGHT : 1));
  const whole = weights.reduce((a, b) => a + b, 0);
  const shares: string[][] = [];
  let start = 0;
  let weightSoFar = 0;
  for (const w of weights) {
    weightSoFar += w;
    const end = shares.length === shards - 1 ? ids.length : Math.round((ids.length * weightSoFar) / whole);
    shares.push(ids.slice(start, end));
    start = end;
  }
  return shares;
}

/** Steps a job to its end, calling `report` between steps (which yield, so shard messages are heard). */
async function stepToEnd(job: BulkJob, report: (done: number) => void): Promise<void> {
  for (;;) {
    const step = stepBulkJob(job, Number.MAX_SAFE_INTEGER, PROGRESS_EVERY_MS);
    report(step.done);
    if (step.finished) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

interface Shard {
  done: number;
  readonly outFile: string;
  /** The shard's completed part, or 'moved' (its snapshot differs); rejects when it failed. */
  readonly outcome: Promise<BulkPartResult | 'moved'>;
  stop(): Promise<void>;
}

function startShard(job: BulkCsvShardJob, onProgress: () => void): Shard {
  const worker = startWorker('bulkCsvWorker', { role: 'shard', job } satisfies BulkWorkerData);
  const shard: Shard = {
    done: 0,
    outFile: job.outFile,
    outcome: new Promise((resolve, reject) => {
      worker.on('message', (message: BulkWorkerMessage) => {
        switch (message.kind) {
          case 'progress':
            shard.done = message.done;
            onProgress();
            break;
          case 'log':
            post(message);
            break;
          case 'done':
            resolve(message.part);
            break;
          case 'moved':
            resolve('moved');
            break;
          case 'failed':
            reject(Object.assign(new Error(message.message), message.code === undefined ? {} : { code: message.code }));
            break;
        }
      });
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`Part of the bulk export stopped before it finished (exit code ${code}).`)));
    }),
    async stop() {
      await worker.terminate();
      fs.rmSync(partFileOf(job.outFile), { force: true });
    },
  };
  shard.outcome.catch(() => undefined); // awaited in order by the lead; an early failure is not unhandled
  return shard;
}

async function lead(job: BulkCsvWorkerJob): Promise<void> {
  const db = openSnapshot(job.dbFile);
  let own: BulkJob | null = null;
  let extra: BulkJob | null = null;
  const shards: Shard[] = [];
  try {
    const ids = sessionsForBulkExport(db, job.range).map((s) => s.sessionId);
    const marker = snapshotMarker(db);
    const [mine = [], ...others] = shareOut(ids, shardCount(job.shards, ids.length));
    let ownDone = 0;
    const report = () => post({ kind: 'progress', done: ownDone + shards.reduce((sum, s) => sum + s.done, 0), total: ids.length });
    const shardMarker = job.shardMarkerForTests ?? marker;
    others.forEach((sessionIds, i) => shards.push(startShard({ ...common(job), sessionIds, outFile: shardOutFile(job.outFile, i + 1), marker: shardMarker }, report)));
    report();
    own = csvJob(db, job, mine, job.outFile, { bom: job.bom });
    await stepToEnd(own, (done) => ((ownDone = done), report()));
    for (const [i, shard] of shards.entries()) {
      if ((await followShard(own, shard)) === 'joined') continue;
      // The record changed between the two snapshots: these sessions come from the lead's.
      post({ kind: 'log', message: `Bulk export: share ${i + 1} written from the first snapshot (the record changed as the export started).` });
      extra = csvJob(db, job, others[i]!, shard.outFile, false);
      await stepToEnd(extra, (done) => ((shard.done = done), report()));
      const part = completeBulkPart(extra, { sync: false });
      extra = null;
      appendBulkPart(own, part);
    }
    const part = completeBulkPart(own);
    db.exec('COMMIT');
    post({ kind: 'done', part });
  } catch (error) {
    if (own) cancelBulkJob(own);
    if (extra) cancelBulkJob(extra);
    await Promise.all(shards.map((s) => s.stop()));
    failed(error);
  } finally {
    db.close();
  }
}

/** How long the lead waits before reading a shard's file again for what it has added. */
const FOLLOW_EVERY_MS = 10;

/**
 * Copies a shard's file into the lead's as the shard writes it, so that little is left to copy
 * when the shard ends (copying and hashing ~450 MB after the fact took 2 s); answers 'joined'
 * once every byte is in, or 'moved' (nothing copied: the shard wrote no file). A shard's
 * failure rejects.
 */
async function followShard(own: BulkJob, shard: Shard): Promise<'joined' | 'moved'> {
  let outcome: BulkPartResult | 'moved' | null = null;
  let failure: unknown = null;
  shard.outcome.then(
    (o) => (outcome = o),
    (error: unknown) => (failure = error ?? new Error('Part of the bulk export failed.')),
  );
  const file = partFileOf(shard.outFile);
  let fd: number | null = null;
  let copied = 0;
  try {
    for (;;) {
      // Read before looking at the outcome: a shard done by then has nothing left unread after this read.
      const settled: BulkPartResult | 'moved' | null = outcome;
      if (failure) throw failure;
      if (settled === 'moved') return 'moved';
      if (fd === null && fs.existsSync(file)) fd = fs.openSync(file, 'r');
      if (fd !== null) copied += copyIntoBulkJob(own, fd);
      if (settled) {
        countBulkShard(own, settled, copied);
        return 'joined';
      }
      await new Promise<void>((resolve) => setTimeout(resolve, FOLLOW_EVERY_MS));
    }
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

function common(job: BulkCsvWorkerJob): CommonJob & Pick<BulkCsvShardJob, 'dbFile'> {
  return { dbFile: job.dbFile, appVersion: job.appVersion, now: job.now, offsetMinutes: job.offsetMinutes, mode: job.mode };
}

function shard(job: BulkCsvShardJob): void {
  const db = openSnapshot(job.dbFile);
  let bulk: BulkJob | null = null;
  try {
    if (snapshotMarker(db) !== job.marker) {
      post({ kind: 'moved' });
      return;
    }
    bulk = csvJob(db, job, job.sessionIds, job.outFile, false);
    for (;;) {
      const step = stepBulkJob(bulk, Number.MAX_SAFE_INTEGER, PROGRESS_EVERY_MS);
      post({ kind: 'progress', done: step.done, total: step.total });
      if (step.finished) break;
    }
    const part = completeBulkPart(bulk, { sync: false });
    db.exec('COMMIT');
    post({ kind: 'done', part });
  } catch (error) {
    if (bulk) cancelBulkJob(bulk);
    failed(error);
  } finally {
    db.close();
  }
}

function failed(error: unknown): void {
  const code = (error as { code?: unknown }).code;
  post({ kind: 'failed', message: error instanceof Error ? error.message : String(error), ...(typeof code === 'string' && { code }) });
}

const data = workerData as BulkWorkerData;
if (data.role === 'shard') shard(data.job);
else void lead(data.job);
