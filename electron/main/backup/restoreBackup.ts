// Replacing the record database with a backup. Nothing may have the database open (the CLI
// runs while CryoLog is closed; the app must close its context first and reopen after). The
// order keeps a usable database at every step: the backup is copied beside the database under
// a temporary name, fsynced and checked again; the current database (with its -wal) is moved
// aside as cryolog.sqlite.before-restore-<stamp>; the checked copy is renamed into place.
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
    const again = checkBackupFile(incoming);
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
  }
  fs.renameSync(incoming, dbPath);
  if (hasPosixModes()) fs.chmodSync(dbPath, OWNER_ONLY_FILE_MODE);
  fsyncFolder(folder);
  options.onProgress?.(100);
  return { check, keptAside };
}

/**
 * Refuses while another program has the database open. Opening and closing it folds a WAL left
 * by a clean exit into the file; SQLite then removes the -wal and -shm unless another
 * connection still holds them. A database that cannot be opened (damaged: the usual reason to
 * restore) is moved aside as it is, with its -wal.
 */
function ensureNotInUse(dbPath: string): void {
  try {
    const current = new Database(dbPath, { fileMustExist: true });
    current.close();
  } catch {
    return;
  }
  if (fs.existsSync(`${dbPath}-shm`) || fs.existsSync(`${dbPath}-wal`)) {
    throw new RestoreError('Not restored: the database is in use (CryoLog or another program has it open). Close CryoLog on this computer and try again. Nothing was changed.');
  }
}

function moveIfPresent(from: string, to: string): void {
  try {
    fs.renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
