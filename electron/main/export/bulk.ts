// Bulk export of a date range to one CSV or JSON file, in steps: the caller runs a few sessions
// per step and yields between steps, so the app can show progress and stay responsive.
//
// The output is written to `<outFile>.<pid>.part` and renamed to outFile only once complete and
// fsynced: a reader never sees a half-written export, and a cancel or failure removes the part
// file. The pid keeps two app instances exporting to the same name from writing one part file.
import { createHash, type Hash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ExportSource } from '../../../shared/export/source';
import { cycleCsvRows, toCsv } from '../../../shared/export/csv';
import { sessionJson } from '../../../shared/export/json';
import { stmt } from '../db/statements';
import type { DB } from '../db/types';
import { OWNER_ONLY_EXPORT_MODE } from './atomicWrite';
import type { LockedCsv } from './lockedCsvRows';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The day after an ISO date (calendar arithmetic in UTC, so no clock or time zone is involved). */
function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Sessions to export for a range of local dates (inclusive): signed at least once, or entered in
 * error (kept and exportable as such), oldest first. started_at is stored as local time with its
 * offset, so its first ten characters are the local date and a text range on it is a date range
 * that the session_started_at index serves (`>= from` and `< the day after to`).
 */
export function sessionsForBulkExport(db: DB, range: { from: string; to: string }): { sessionId: string; startedAt: string }[] {
  checkBulkRange(range);
  return stmt(db, BULK_SESSIONS_SQL).all({ from: range.from, toExclusive: nextDay(range.to) }) as { sessionId: string; startedAt: string }[];
}

/** Refuses a range that is not two dates, or runs backwards. */
export function checkBulkRange(range: { from: string; to: string }): void {
  if (!ISO_DATE.test(range.from) || !ISO_DATE.test(range.to)) throw new RangeError('Give the range as two dates, YYYY-MM-DD.');
  if (range.from > range.to) throw new RangeError(`The range starts (${range.from}) after it ends (${range.to}).`);
}

/** Exported for the test that checks the query plan uses the index. */
export const BULK_SESSIONS_SQL = `SELECT s.id AS sessionId, s.started_at AS startedAt FROM session s
  WHERE s.started_at >= @from AND s.started_at < @toExclusive
    AND (s.version >= 1 OR EXISTS (SELECT 1 FROM entered_in_error e WHERE e.session_id = s.id))
  ORDER BY s.started_at, s.id`;

export type BulkFormat = 'csv' | 'json';

export interface BulkJob {
  readonly format: BulkFormat;
  readonly outFile: string;
  readonly partFile: string;
  readonly sessionIds: readonly string[];
  readonly loadSource: (sessionId: string) => ExportSource | null;
  /** CSV only: the rows of the sessions of a batch that are locked as signed (lockedCsvRows.ts); the others go through loadSource. */
  readonly lockedCsvRows: ((sessionIds: readonly string[]) => Map<string, LockedCsv>) | null;
  /** Open descriptor of the part file; null once finished, cancelled or failed. */
  fd: number | null;
  state: 'running' | 'finished' | 'cancelled' | 'failed';
  /** Index of the next session to export. */
  next: number;
  sessions: number;
  skipped: number;
  rows: number;
  bytes: number;
  hash: Hash;
}

export interface BulkProgress {
  done: number;
  total: number;
  skipped: number;
  finished: boolean;
}

export interface BulkResult {
  file: string;
  bytes: number;
  sha256: string;
  /** Sessions written. */
  sessions: number;
  /** Sessions skipped because loadSource found nothing to export. */
  skipped: number;
  /** CSV: data rows (one per freeze cycle, without the header); JSON: documents. */
  rows: number;
}

const JSON_OPEN = '[\n';
const JSON_CLOSE = '\n]\n';

function write(job: BulkJob, text: string): void {
  if (text !== '') writeBytes(job, Buffer.from(text, 'utf8'));
}

function writeBytes(job: BulkJob, data: Buffer): void {
  let offset = 0;
  while (offset < data.length) offset += fs.writeSync(job.fd!, data, offset, data.length - offset);
  job.hash.update(data);
  job.bytes += data.length;
}

/** Closes and removes the part file; used on cancel and on any failure. */
function discard(job: BulkJob, state: 'cancelled' | 'failed'): void {
  if (job.fd !== null) {
    try {
      fs.closeSync(job.fd);
    } catch {
      // Already closed or the disk went away: removing the file below is what matters.
    }
    job.fd = null;
  }
  fs.rmSync(job.partFile, { force: true });
  job.state = state;
}

/** Runs a write step; any failure removes the part file (never a stray half export) and is rethrown. */
function guarded<T>(job: BulkJob, work: () => T): T {
  try {
    return work();
  } catch (error) {
    discard(job, 'failed');
    throw error;
  }
}

function assertRunning(job: BulkJob): void {
  if (job.state !== 'running') throw new Error(`The bulk export is ${job.state}; start a new one.`);
}

/** Where a job writes before the rename (a worker thread shares the process's pid, so the same name). */
export function partFileOf(outFile: string): string {
  return `${path.resolve(outFile)}.${process.pid}.part`;
}

/**
 * Opens the part file and writes the start of the output (the CSV header, with a UTF-8 BOM
 * unless `bom: false`; or "[" for JSON). A part file left by the same process is replaced.
 */
export function startBulkJob(options: {
  format: BulkFormat;
  sessionIds: string[];
  outFile: string;
  loadSource: (sessionId: string) => ExportSource | null;
  lockedCsvRows?: (sessionIds: readonly string[]) => Map<string, LockedCsv>;
  bom?: boolean;
  /** The new file's mode on POSIX (atomicWrite's exportFileMode); owner-only by default. */
  mode?: number;
  /** False for a CSV shard that another job's file continues with (appendBulkPart): no header, no BOM. */
  opening?: boolean;
}): BulkJob {
  if (options.opening === false && options.format !== 'csv') throw new Error('Only a CSV export is written in shards.');
  const outFile = path.resolve(options.outFile);
  const partFile = partFileOf(outFile);
  const job: BulkJob = {
    format: options.format,
    outFile,
    partFile,
    sessionIds: [...options.sessionIds],
    loadSource: options.loadSource,
    lockedCsvRows: options.format === 'csv' ? (options.lockedCsvRows ?? null) : null,
    fd: fs.openSync(partFile, 'w', options.mode ?? OWNER_ONLY_EXPORT_MODE),
    state: 'running',
    next: 0,
    sessions: 0,
    skipped: 0,
    rows: 0,
    bytes: 0,
    hash: createHash('sha256'),
  };
  if (options.opening !== false) guarded(job, () => write(job, options.format === 'csv' ? toCsv([], { header: true, bom: options.bom }) : JSON_OPEN));
  return job;
}

/** Sessions read together by lockedCsvRows: big enough to amortise the queries, small enough to stay within a step's budget. */
const LOCKED_BATCH = 32;

/**
 * Exports up to maxSessions more sessions, appending them to the part file, and stops early once
 * `budgetMs` has passed (checked after each session), so a step stays short whatever the mix of
 * fast and per-session loads. The step's text is written with one write, not one per session.
 */
export function stepBulkJob(job: BulkJob, maxSessions: number, budgetMs = Number.POSITIVE_INFINITY): BulkProgress {
  assertRunning(job);
  const started = performance.now();
  const end = Math.min(job.sessionIds.length, job.next + Math.max(1, Math.floor(maxSessions)));
  guarded(job, () => {
    const parts: string[] = [];
    let locked = new Map<string, LockedCsv>();
    let lockedUpTo = job.next;
    while (job.next < end) {
      if (job.lockedCsvRows && job.next >= lockedUpTo) {
        lockedUpTo = Math.min(end, job.next + LOCKED_BATCH);
        locked = job.lockedCsvRows(job.sessionIds.slice(job.next, lockedUpTo));
      }
      const sessionId = job.sessionIds[job.next]!;
      job.next++;
      const fast = locked.get(sessionId) ?? null;
      const source = fast ? null : job.loadSource(sessionId);
      if (fast) {
        parts.push(fast.text);
        job.rows += fast.rows;
        job.sessions++;
      } else if (!source) {
        job.skipped++;
      } else if (job.format === 'csv') {
        const csvRows = cycleCsvRows(source);
        parts.push(toCsv(csvRows, { header: false }));
        job.rows += csvRows.length;
        job.sessions++;
      } else {
        parts.push((job.sessions > 0 ? ',\n' : '') + sessionJson(source).trimEnd());
        job.rows++;
        job.sessions++;
      }
      if (performance.now() - started >= budgetMs) break;
    }
    write(job, parts.join(''));
  });
  return progress(job);
}

function progress(job: BulkJob): BulkProgress {
  return { done: job.next, total: job.sessionIds.length, skipped: job.skipped, finished: job.next >= job.sessionIds.length };
}

/** What a completed part file holds, before it is renamed (completeBulkPart). */
export type BulkPartResult = Omit<BulkResult, 'file'> & { partFile: string; outFile: string };

/**
 * Completes the output and fsyncs it, leaving it at partFile: the half of finishing that a
 * worker thread does, so the main process only renames (publishBulkPart). Every session must
 * have been stepped through first.
 */
export function completeBulkPart(job: BulkJob, options: { sync?: boolean } = {}): BulkPartResult {
  assertRunning(job);
  if (!progress(job).finished) throw new Error(`The bulk export has ${job.sessionIds.length - job.next} session(s) still to export; step it to the end first.`);
  guarded(job, () => {
    if (job.format === 'json') write(job, JSON_CLOSE);
    // A shard (sync: false) is copied into the export and removed: only the export must reach the disk.
    if (options.sync !== false) fs.fsyncSync(job.fd!);
    fs.closeSync(job.fd!);
    job.fd = null;
  });
  job.state = 'finished';
  return { partFile: job.partFile, outFile: job.outFile, bytes: job.bytes, sha256: job.hash.digest('hex'), sessions: job.sessions, skipped: job.skipped, rows: job.rows };
}

const APPEND_CHUNK = 8 << 20;

/**
 * Copies what the file open at `fd` holds, from where its last read stopped to its current end,
 * into this running job's file through the job's own write (so the byte count and the SHA-256
 * cover it); answers the bytes copied. The file may still be growing (a shard still writing).
 */
export function copyIntoBulkJob(job: BulkJob, fd: number): number {
  assertRunning(job);
  return guarded(job, () => {
    let copied = 0;
    const chunk = Buffer.allocUnsafe(APPEND_CHUNK);
    for (let n = fs.readSync(fd, chunk, 0, APPEND_CHUNK, null); n > 0; n = fs.readSync(fd, chunk, 0, APPEND_CHUNK, null)) {
      writeBytes(job, chunk.subarray(0, n));
      copied += n;
    }
    return copied;
  });
}

/** Adds a shard's counts once every one of its bytes has been copied in (checked), and removes its file. */
export function countBulkShard(job: BulkJob, shard: BulkPartResult, copied: number): void {
  assertRunning(job);
  guarded(job, () => {
    if (copied !== shard.bytes) throw new Error(`Part of the export (${shard.partFile}) holds ${copied} bytes where ${shard.bytes} were written.`);
    job.sessions += shard.sessions;
    job.skipped += shard.skipped;
    job.rows += shard.rows;
  });
  fs.rmSync(shard.partFile, { force: true });
}

/**
 * Appends a completed shard (a job started with opening: false, completed with sync: false) to
 * this still-running job, adds its counts and removes its file.
 */
export function appendBulkPart(job: BulkJob, shard: BulkPartResult): void {
  const fd = fs.openSync(shard.partFile, 'r');
  let copied: number;
  try {
    copied = copyIntoBulkJob(job, fd);
  } finally {
    fs.closeSync(fd);
  }
  countBulkShard(job, shard, copied);
}

/** Renames a completed, fsynced part file to its output name (replacing a file of that name); a failure removes the part file. */
export function publishBulkPart(part: BulkPartResult): BulkResult {
  try {
    fs.renameSync(part.partFile, part.outFile);
  } catch (error) {
    fs.rmSync(part.partFile, { force: true });
    throw error;
  }
  syncDirectory(path.dirname(part.outFile));
  const { partFile: _part, outFile, ...counts } = part;
  return { file: outFile, ...counts };
}

/**
 * Completes the output, fsyncs it and renames it to outFile (replacing a file of that name).
 * Every session must have been stepped through first.
 */
export function finishBulkJob(job: BulkJob): BulkResult {
  return publishBulkPart(completeBulkPart(job));
}

/** Stops the job and removes its part file; nothing is left at outFile. Safe to call twice. */
export function cancelBulkJob(job: BulkJob): void {
  if (job.state === 'running') discard(job, 'cancelled');
}

/** Makes the rename itself durable where the platform allows it (Windows cannot open a folder). */
function syncDirectory(dir: string): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Not supported here; the file's own contents were fsynced before the rename.
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}
