// Replacing the record database with a backup. Nothing may have the database open (the CLI
// runs while CryoLog is closed; the app must close its context first and reopen after). The
// order keeps a usable database at every step: the backup is copied beside the database under
// a temporary name, fsynced and checked again; the current database (with its -wal) is moved
// aside as cryolog.sqlite.before-restore-<stamp>; the copy, checked in full (integrity_check),
// is renamed into place.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { BackupFileCheck } from '../../../shared/ipc/backupContract';
import { fsyncFolder, fsyncPath } from '../db/open';
import { OWNER_ONLY_FILE_MODE, OWNER_ONLY_FOLDER_MODE, createNewOwnerOnlyFile, hasPosixModes } from '../db/ownerOnly';
import { checkBackupFile } from './checkBackupFile';

export class RestoreError extends Error {
  constructor(
    message: string,
    readonly check?: BackupFileCheck,
  ) {
    super(message);
  }
}

export interface RestoreResult {
  check: BackupFileCheck;
  /** Where the database that was replaced now is; null when there was none. */
  keptAside: string | null;
}

export interface RestoreOptions {
  now: () => Date;
  onProgress?: (percent: number) => void;
}

export async function restoreBackup(dbPath: string, file: string, options: RestoreOptions): Promise<RestoreResult> {
  const check = checkBackupFile(file);
  if (!check.ok) throw new RestoreError(`Not restored: ${check.problems.join(' ')}`, check);
  const folder = path.dirname(path.resolve(dbPath));
  fs.mkdirSync(folder, { recursive: true, mode: OWNER_ONLY_FOLDER_MODE });
  const stamp = options.now().toISOString().replace(/[:.]/g, '-');
  if (fs.existsSync(dbPath)) ensureNotInUse(dbPath);

  const incoming = `${dbPath}.restoring-${stamp}`;
  try {
    createNewOwnerOnlyFile(incoming);
    const source = new Database(file, { readonly: true, fileMustExist: true });
    try {
      await source.backup(incoming, {
        progress: ({ totalPages, remainingPages }) => {
          options.onProgress?.(totalPages === 0 ? 100 : Math.floor(((totalPages - remainingPages) / totalPages) * 100));
          return 1_000;
        },
      });
    } finally {
      source.close();
    }
    fsyncPath(incoming);
    const again = checkBackupFile(incoming, { full: true });
    if (!again.ok) throw new RestoreError(`Not restored: the copy made from the backup failed its check (${again.problems.join(' ')}).`, again);
  } catch (error) {
    fs.rmSync(incoming, { force: true });
    throw error instanceof RestoreError ? error : new RestoreError(`Not restored: the backup could not be copied beside the database (${error instanceof Error ? error.message : String(error)}). Nothing was changed.`);
  }

  const keptAside = fs.existsSync(dbPath) ? `${dbPath}.before-restore-${stamp}` : null;
  if (keptAside) {
    // The -wal first: a -wal left at the database's name would be replayed into the restored file.
    moveIfPresent(`${dbPath}-wal`, `${keptAside}-wal`);
    fs.rmSync(`${dbPath}-shm`, { force: true });
    fs.renameSync(dbPath, keptAside);
  } else {
    // No database, but a journal left at its name (the file was moved or deleted): kept, never
    // replayed into the restored file, which would otherwise open to "journal does not match".
    moveIfPresent(`${dbPath}-wal`, `${dbPath}.stray-wal-${stamp}`);
    moveIfPresent(`${dbPath}-journal`, `${dbPath}.stray-journal-${stamp}`);
    fs.rmSync(`${dbPath}-shm`, { force: true });
  }
  fs.renameSync(incoming, dbPath);
  if (hasPosixModes()) fs.chmodSync(dbPath, OWNER_ONLY_FILE_MODE);
  fsyncFolder(folder);
  options.onProgress?.(100);
  return { check, keptAside };
}

/**
 * Refuses while another program has the database open. In WAL mode every open connection keeps
 * a shared lock on the database file for as long as it is open, even when idle; a plain
 * `BEGIN EXCLUSIVE` does not see it (in WAL mode it only takes the WAL's write lock), but a
 * connection in `locking_mode=EXCLUSIVE` must take an exclusive lock on the file itself to
 * start a transaction, and gets SQLITE_BUSY at once (timeout 0) while any other connection,
 * reader or writer, is open. Leftover -wal/-shm files from a program that was killed hold no
 * lock, so they no longer look like "in use": taking the lock recovers that -wal into the
 * current database (its committed entries are kept, in the file that is then moved aside) and
 * closing removes it. A database that cannot be opened (damaged: the usual reason to restore)
 * is moved aside as it is, with its -wal.
 */
export function ensureNotInUse(dbPath: string): void {
  let probe: Database.Database | undefined;
  try {
    probe = new Database(dbPath, { fileMustExist: true, timeout: 0 });
    probe.pragma('locking_mode = EXCLUSIVE');
    probe.exec('BEGIN EXCLUSIVE');
    probe.exec('COMMIT');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))) {
      throw new RestoreError('Not restored: the database is in use (CryoLog or another program has it open). Close CryoLog, and any other program using the database, on this computer and try again. Nothing was changed.');
    }
  } finally {
    try {
      probe?.close();
    } catch {
      // Closing a damaged database can fail; it is moved aside as it is.
    }
  }
}

function moveIfPresent(from: string, to: string): void {
  try {
    fs.renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
