// One online backup: SQLite's backup API copies the live database page by page between
// event-loop turns (reliability.md §2.5: 132 ms and ~1 ms gaps at 100,000 sessions), so the
// window stays responsive even when the folder is a slow network share. The copy is written
// under a temporary name, made a single self-contained file (journal_mode DELETE: no -wal or
// -shm beside it), fsynced with its folder, reopened read-only and checked in full
// (integrity_check and foreign_key_check, reliability.md R7; record counts against the live
// database when the copy finished); only then does it get its backup name, and only then are
// older backups pruned. A copy that fails is never given a backup name: it is kept, the newest
// one only, as <its name>.failed-check for IT (the backup API copies page for page, so a fresh
// copy that fails usually means the database itself is damaged), and nothing is pruned.
// Finishing and checking the copy (seconds at 100,000 sessions) runs in the integrity worker
// (backup/finishBackupCopy.ts), so the window keeps answering throughout.
import fs from 'node:fs';
import path from 'node:path';
import type { BackupFileCheck, BackupReason } from '../../../shared/ipc/backupContract';
import type { DB } from '../db/types';
import { fsyncFolder } from '../db/open';
import { createNewOwnerOnlyFile, OWNER_ONLY_FILE_MODE, hasPosixModes } from '../db/ownerOnly';
import { runInWorker } from '../integrity/runInWorker';
import { backupFileName } from './backupName';
import { countsText, recordCounts, sameCounts } from './recordCounts';
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
  /** Called as pages are copied, 0-100. */
  onProgress?: (percent: number) => void;
  /**
   * Asked after the copy passed, before older backups are pruned: false keeps them all (the
   * app: the record database's own check after start has not passed, integrity/).
   */
  mayPrune?: () => Promise<boolean>;
  /** Makes the copy one file, fsyncs it and checks it in full (default: in the integrity worker). */
  finishCopy?: (file: string, folder: string) => Promise<BackupFileCheck>;
}

const finishInWorker = async (file: string, folder: string): Promise<BackupFileCheck> => (await runInWorker({ kind: 'finishBackupCopy', file, folder })).check;

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

const PAGES_PER_STEP = 1_000;

export async function runBackup(db: DB, options: RunBackupOptions): Promise<BackupResult> {
  const { folder, reason } = options;
  const at = options.now();
  if (options.createFolder) fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  else if (!isFolder(folder)) throw new BackupError(`The backup folder ${folder} cannot be reached (a network share may be disconnected). Nothing was backed up; check the folder in Settings → Backups.`);

  const temp = path.join(folder, `.cryolog-backup-${process.pid}-${at.getTime()}.partial`);
  let live;
  try {
    createNewOwnerOnlyFile(temp);
    await db.backup(temp, {
      progress: ({ totalPages, remainingPages }) => {
        options.onProgress?.(totalPages === 0 ? 100 : Math.floor(((totalPages - remainingPages) / totalPages) * 100));
        return PAGES_PER_STEP;
      },
    });
    // Same tick as the last page: the counts the copy must hold (writes from this connection
    // during the copy are carried into it). Kept here, not in the worker, because no other
    // moment has the copy's counts; count(*) walks the smallest index: about 1 ms at 100,000
    // sessions (0.2 ms at 20,000, warm).
    live = recordCounts(db);
    options.onProgress?.(100);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw new BackupError(`The backup could not be written to ${folder} (${error instanceof Error ? error.message : String(error)}).`, { cause: error });
  }

  let check: BackupFileCheck;
  try {
    check = await (options.finishCopy ?? finishInWorker)(temp, folder);
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
