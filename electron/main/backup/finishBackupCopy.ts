// The second half of a backup, run in the integrity worker after copyDatabase.ts (reliability.md
// R7): the copy written by the backup API is made a single file, made durable, and checked in
// full. Seconds at 100,000 sessions, so never on the main thread.
import Database from 'better-sqlite3';
import type { BackupFileCheck } from '../../../shared/ipc/backupContract';
import { fsyncFolder, fsyncPath } from '../db/open';
import { checkBackupFile } from './checkBackupFile';

/** Throws when the copy cannot be finished (disk full, share gone): then it was never written. */
export function finishBackupCopy(file: string, folder: string): BackupFileCheck {
  makeSelfContained(file);
  fsyncPath(file);
  fsyncFolder(folder);
  return checkBackupFile(file, { full: true });
}

/** The copy carries the live database's WAL mode; a single file is simpler to move and restore. */
function makeSelfContained(file: string): void {
  const copy = new Database(file, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}
