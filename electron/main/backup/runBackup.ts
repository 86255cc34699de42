// One online backup, all of its reading and writing in the integrity worker (reliability.md P2:
// one backup-API step on the app's connection took 870 ms at 100,000 sessions). The worker
// opens its own read-only connection and, in one read transaction (a WAL snapshot), takes the
// record counts and copies the database page for page with SQLite's backup API
// (backup/copyDatabase.ts); the app goes on writing meanwhile, and what it writes after the
// snapshot goes into the next backup. VACUUM INTO was not chosen: it cannot run inside the
// transaction that takes the counts, gives no progress, rebuilds every index (more CPU), and a
// page-for-page copy that fails its check points at the database itself. The copy is written
// under a temporary name (created owner-only first), made a single self-contained file
// (journal_mode DELETE: no -wal or -shm beside it), fsynced with its folder, reopened read-only
// and checked in full (integrity_check and foreign_key_check, reliability.md R7; record counts
// against the snapshot's); only then does it get its backup name, and only then are older
// backups pruned. A copy that fails is never given a backup name: it is kept, the newest one
// only, as <its name>.failed-check for IT (a fresh page-for-page copy that fails usually means
// the database itself is damaged), and nothing is pruned. The main thread only creates, renames
// and prunes files, and reads the worker's percentage copied (a shared Int32Array) for the UI.
import fs from 'node:fs';
import path from 'node:path';
import type { BackupFileCheck, BackupReason } from '../../../shared/ipc/backupContract';
import type { DB } from '../db/types';
import type { RecordCounts } from './recordCounts';
import { fsyncFolder } from '../db/open';
import { createNewOwnerOnlyFile, OWNER_ONLY_FILE_MODE, hasPosixModes } from '../db/ownerOnly';
import { runInWorker } from '../integrity/runInWorker';
import { backupFileName } from './backupName';
import { countsText, sameCounts } from './recordCounts';
import { backupsToPrune, type OffsetAt, type RotationPolicy } from './rotation';

export interface RunBackupOptions {
  folder: string;
  now: () => Date;
  /** The device's UTC offset at an instant (the Ctx clock's): names and rotation days are local. */
  offsetMinutes: OffsetAt;
  reason: BackupReason;
  /** Create the folder if missing: only for the default folder beside the database. A configured one (a network share) must exist, or the copy would land on the local disk of an unmounted share's mount point. */
  createFolder?: boolean;
  rotation?: RotationPolicy;
  /** Called as pages are copied, 0-100 (read from the worker every PROGRESS_POLL_MS); 100 while the copy is checked. */
  onProgress?: (percent: number) => void;
  /**
   * Asked after the copy passed, before older backups are pruned: false keeps them all (the
   * app: the record database's own check after start has not passed, integrity/).
   */
  mayPrune?: () => Promise<boolean>;
}

export interface BackupResult {
  file: string;
  bytes: number;
  sessions: number;
  checkedOk: boolean;
  /** Why the copy was not accepted (checkedOk false). */
  problem?: string;
  /** Where the copy that failed its check is kept for IT (checkedOk false), if it could be kept. */
  failedCopy?: string;
  /** Older backups removed after this one was verified. */
  pruned: string[];
}

/** Thrown when no copy could be written at all (folder missing, not writable, disk full). */
export class BackupError extends Error {}

const PROGRESS_POLL_MS = 100;

/** The worker's copy, finishing and check; `onProgress` gets the percentage copied as it changes. */
async function copyInWorker(source: string, file: string, folder: string, onProgress?: (percent: number) => void): Promise<{ counts: RecordCounts; check: BackupFileCheck }> {
  const progress = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
  const percent = new Int32Array(progress);
  let shown = -1;
  const show = () => {
    const now = Atomics.load(percent, 0);
    if (now !== shown) onProgress?.((shown = now));
  };
  const poll = setInterval(show, PROGRESS_POLL_MS);
  try {
    return await runInWorker({ kind: 'backupCopy', source, file, folder, progress });
  } finally {
    clearInterval(poll);
  }
}

export async function runBackup(db: DB, options: RunBackupOptions): Promise<BackupResult> {
  const { folder, reason } = options;
  const at = options.now();
  if (options.createFolder) fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  else if (!isFolder(folder)) throw new BackupError(`The backup folder ${folder} cannot be reached (a network share may be disconnected). Nothing was backed up; check the folder in Settings → Backups.`);

  if (db.memory) throw new BackupError('An in-memory database has no file to back up.');
  const source = path.resolve(db.name);
  const temp = path.join(folder, `.cryolog-backup-${process.pid}-${at.getTime()}.partial`);
  let live: RecordCounts;
  let check: BackupFileCheck;
  try {
    createNewOwnerOnlyFile(temp);
    ({ counts: live, check } = await copyInWorker(source, temp, folder, options.onProgress));
    options.onProgress?.(100);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw new BackupError(`The backup could not be written to ${folder} (${error instanceof Error ? error.message : String(error)}).`, { cause: error });
  }
  const copied = { patients: check.patients, sessions: check.sessions, auditEntries: check.auditEntries };
  const problem = !check.ok ? check.problems.join(' ') : !sameCounts(live, copied) ? `The copy holds ${countsText(copied)}; the database held ${countsText(live)}.` : undefined;
  const file = uniqueName(folder, at, options.offsetMinutes(at), reason);
  if (problem) {
    const failedCopy = keepFailedCopy(folder, temp, `${path.basename(file)}${FAILED_SUFFIX}`);
    const kept = failedCopy ? ` The failed copy is kept as ${failedCopy} for IT.` : '';
    return { file: temp, bytes: 0, sessions: check.sessions, checkedOk: false, problem: `${problem}${kept}`, ...(failedCopy && { failedCopy }), pruned: [] };
  }

  fs.renameSync(temp, file);
  if (hasPosixModes()) fs.chmodSync(file, OWNER_ONLY_FILE_MODE);
  fsyncFolder(folder);
  const bytes = fs.statSync(file).size;
  const pruned = options.rotation && (await (options.mayPrune?.() ?? true)) ? pruneBackups(folder, at, options.rotation, options.offsetMinutes) : [];
  return { file, bytes, sessions: check.sessions, checkedOk: true, pruned };
}

/** The status line (app and CLI) for a copy that failed its check. */
export function failedCheckMessage(result: BackupResult): string {
  return `The backup copy failed its check, so it was not kept as a backup and no older backup was removed. ${result.problem ?? ''} If this happens again, the database itself may be damaged: call IT.`.replace(/\s+/g, ' ');
}

/** Marks a copy that failed its check: never a backup name (so never listed, restored or counted by rotation). */
export const FAILED_SUFFIX = '.failed-check';

/**
 * Renames the failed copy to `name` and removes older failed copies (an hourly failure must not
 * fill the share; the newest shows the problem). Answers its path, or null when it could not
 * be kept (then it is removed).
 */
function keepFailedCopy(folder: string, temp: string, name: string): string | null {
  try {
    for (const old of fs.readdirSync(folder).filter((n) => n.endsWith(FAILED_SUFFIX))) fs.rmSync(path.join(folder, old), { force: true });
    const target = path.join(folder, name);
    fs.renameSync(temp, target);
    fsyncFolder(folder);
    return target;
  } catch {
    fs.rmSync(temp, { force: true });
    return null;
  }
}

/** Deletes the backups the rotation no longer keeps; returns their names. A file that cannot be removed stays (next time). */
export function pruneBackups(folder: string, now: Date, policy: RotationPolicy, offsetMinutes: OffsetAt): string[] {
  const names = fs.readdirSync(folder);
  const removed: string[] = [];
  for (const name of backupsToPrune(names, now, policy, offsetMinutes)) {
    try {
      fs.rmSync(path.join(folder, name));
      removed.push(name);
    } catch {
      // Locked or read-only: harmless, it is tried again after the next backup.
    }
  }
  return removed;
}

/** Two backups in the same second (start and a sign-off) must not overwrite each other: the later takes the next free second. */
function uniqueName(folder: string, at: Date, offsetMinutes: number, reason: BackupReason): string {
  for (let second = 0; ; second++) {
    const candidate = path.join(folder, backupFileName(new Date(at.getTime() + second * 1_000), offsetMinutes, reason));
    if (!fs.existsSync(candidate)) return candidate;
  }
}

function isFolder(folder: string): boolean {
  try {
    return fs.statSync(folder).isDirectory();
  } catch {
    return false;
  }
}
