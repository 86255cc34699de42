import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { DB, Migration } from './types';
import { DbOpenError, sqliteCode } from './errors';
import { applyPragmas } from './pragmas';
import { migrate, schemaVersion } from './migrate';
import { MIGRATIONS } from './migrations';
import { createNewOwnerOnlyFile, prepareOwnerOnlyDatabase, type TightenedFile } from './ownerOnly';
import { checkJournalFiles } from './journalCheck';
import { stampSessionOpen } from './sessionStamp';

export interface OpenOptions {
  migrations?: readonly Migration[];
  /** Used to name the pre-migration backup. */
  now?: () => Date;
  /**
   * Stamp the file as open by this session (sessionStamp.ts), so that the next start can tell
   * its -wal from a missing or foreign one; close it with closeWithStamp. The app, the browser
   * host and the CLI do (through createContext); a bare open in a test does not.
   */
  stampSession?: boolean;
  /**
   * PRAGMA quick_check before use (default true). The app and the browser host pass false and
   * run it in the background after start instead (integrity/backgroundCheck.ts): seconds to a
   * minute on ten years of records. A migration still checks first, whatever this says: it is
   * about to rewrite the file.
   */
  quickCheck?: boolean;
}

export interface OpenedDatabase {
  db: DB;
  schemaVersion: number;
  /** The copy taken before migrating an existing database, if one was taken. */
  backupPath?: string;
  /** Files that were readable by other accounts and are now owner-only (or could not be made so). */
  tightened: TightenedFile[];
}

function isMemory(file: string): boolean {
  return file === ':memory:' || file === '';
}

/**
 * Opens the record database safely or throws a DbOpenError saying why not:
 * verified durability pragmas, `PRAGMA quick_check` (unless deferred), refusal of a newer schema, a backup of
 * an existing database before it is migrated, then the migrations in one transaction.
 */
export function openDatabase(file: string, options: OpenOptions = {}): OpenedDatabase {
  if (!isMemory(file)) {
    // Before anything creates or opens a file: SQLite acts on a stray, missing or foreign -wal
    // silently, and creates -wal/-shm beside a file it can only read.
    checkJournalFiles(file);
    const readOnly = readOnlyReason(file);
    if (readOnly) throw readOnly;
  }
  try {
    return openDatabaseUnchecked(file, options);
  } catch (error) {
    if (!(error instanceof DbOpenError) || error.problem !== 'DB_CANNOT_OPEN' || isMemory(file)) throw error;
    return throwWithReason(error, file);
  }
}

function throwWithReason(error: DbOpenError, file: string): never {
  const cause = sqliteCode(error.cause);
  throw (
    readOnlyReason(file, error) ??
    (cause?.startsWith('SQLITE_READONLY')
      ? new DbOpenError('DB_READ_ONLY', `SQLite refused to write to ${file} (${cause}), so nothing could be saved. Nothing was changed.`, { cause: error })
      : error)
  );
}

/**
 * SQLite says only "unable to open database file" or "attempt to write a readonly database"
 * for a read-only file, folder or disk; the person at the screen (and IT) need to know which.
 * Probes the file, then its folder (root passes both probes: then SQLite's own refusal decides).
 */
function readOnlyReason(file: string, cause?: DbOpenError): DbOpenError | null {
  for (const [what, target] of [
    ['database file', file],
    ['folder', path.dirname(file)],
  ] as const) {
    try {
      if (fs.existsSync(target)) fs.accessSync(target, fs.constants.W_OK);
    } catch (probe) {
      const code = (probe as NodeJS.ErrnoException).code;
      const why = code === 'EROFS' ? 'is on a read-only disk' : 'is read-only for this user';
      return new DbOpenError('DB_READ_ONLY', `The ${what} ${target} ${why} (${code}), so nothing could be saved. Nothing was changed.`, { cause: cause ?? probe });
    }
  }
  return null;
}

function openDatabaseUnchecked(file: string, options: OpenOptions): OpenedDatabase {
  const migrations = options.migrations ?? MIGRATIONS;
  const now = options.now ?? (() => new Date());
  let tightened: TightenedFile[] = [];
  try {
    if (!isMemory(file)) tightened = prepareOwnerOnlyDatabase(file);
  } catch (error) {
    throw new DbOpenError('DB_CANNOT_OPEN', `The database folder or file could not be created: ${describe(error)}.`, { cause: error });
  }

  let db: DB;
  try {
    db = new Database(file);
  } catch (error) {
    throw new DbOpenError('DB_CANNOT_OPEN', `The database file could not be opened: ${describe(error)}.`, { cause: error });
  }
  try {
    try {
      applyPragmas(db);
    } catch (error) {
      if (error instanceof DbOpenError) throw error;
      throw classifyOpenError(error);
    }
    const latest = migrations.at(-1)?.version ?? 0;
    const current = schemaVersion(db);
    if (options.quickCheck !== false || current < latest) quickCheck(db);
    let backupPath: string | undefined;
    if (current > 0 && current < latest && !isMemory(file)) {
      backupPath = backupBeforeMigration(db, file, latest, now());
    }
    const { to } = migrate(db, migrations);
    if (options.stampSession && !isMemory(file)) stampSessionOpen(db, file);
    return backupPath ? { db, schemaVersion: to, backupPath, tightened } : { db, schemaVersion: to, tightened };
  } catch (error) {
    db.close();
    throw error instanceof DbOpenError ? error : classifyOpenError(error);
  }
}

function quickCheck(db: DB): void {
  let rows: { quick_check: string }[];
  try {
    rows = db.pragma('quick_check') as { quick_check: string }[];
  } catch (error) {
    throw classifyOpenError(error);
  }
  if (rows.length !== 1 || rows[0]?.quick_check !== 'ok') {
    const detail = rows.slice(0, 3).map((r) => r.quick_check).join('; ');
    throw new DbOpenError('DB_CORRUPT', `The database file is damaged (${detail}).`);
  }
}

/**
 * VACUUM INTO writes a consistent, compact copy synchronously, even with a live WAL. The copy
 * is created empty and owner-only first (SQLite would create it 0644; VACUUM INTO accepts an
 * empty target), and fsynced after, because SQLite does not sync a VACUUM INTO output
 * (https://sqlite.org/lang_vacuum.html#vacuuminto). A copy that failed half-way is removed.
 */
function backupBeforeMigration(db: DB, file: string, latest: number, at: Date): string {
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  const target = `${file}.pre-v${latest}-${stamp}.bak`;
  let created = false;
  try {
    // An earlier copy of the same name is never overwritten (nor removed below).
    createNewOwnerOnlyFile(target);
    created = true;
    db.prepare('VACUUM INTO ?').run(target);
    fsyncPath(target);
    fsyncFolder(path.dirname(target));
  } catch (error) {
    if (created) fs.rmSync(target, { force: true });
    throw new DbOpenError('DB_MIGRATION_FAILED', `A safety copy could not be made before updating the database (${describe(error)}); nothing was changed.`, { cause: error });
  }
  return target;
}

export function fsyncPath(target: string): void {
  const fd = fs.openSync(target, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Makes a new name in the folder durable; Windows cannot open a folder (NTFS journals names itself). */
export function fsyncFolder(folder: string): void {
  try {
    fsyncPath(folder);
  } catch {
    // Not possible on this platform; the copy's contents are already on disk.
  }
}

function classifyOpenError(error: unknown): DbOpenError {
  const code = sqliteCode(error);
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || code?.startsWith('SQLITE_CORRUPT')) {
    return new DbOpenError('DB_CORRUPT', `The database file is damaged or is not a CryoLog database (${code}).`, { cause: error });
  }
  return new DbOpenError('DB_CANNOT_OPEN', `The database could not be opened: ${describe(error)}.`, { cause: error });
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
