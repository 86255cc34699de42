// CryoLog's session stamp: four bytes of the database header (SQLite's "application ID",
// https://www.sqlite.org/pragma.html#pragma_application_id) that let the next start tell a
// -wal that belongs to this file from a missing or foreign one, before SQLite replays it.
//
// Why it is needed: in WAL mode the latest saves live in cryolog.sqlite-wal until a checkpoint
// copies them into the file. SQLite checks a -wal only against itself (salts and checksums in
// its own header and frames, fileformat2 §4), never against the database beside it: a -wal
// copied in from another database is replayed into this one, and a database copied without its
// -wal simply opens without the last saves. Both are silent.
//
// The stamp:
// - CLOSED: the last connection closed cleanly; the file alone is the whole record.
// - an open session: salt-1 of the -wal generation that followed the stamp. SQLite adds one to
//   salt-1 each time it restarts the log (fileformat2 §4.1), so a -wal written after the stamp
//   has a salt-1 at or a little above it; a foreign -wal has an unrelated (random) one.
// - OPENING: written only to the -wal while a session stamps itself (never the file's value
//   unless a checkpoint caught it mid-way; then it makes no claim).
// - 0: never stamped (a database from before this check): no claim either way.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import type { DB } from './types';
import { readWalState } from './walHeader';

export const STAMP_CLOSED = 0x4352594f; // "CRYO"
export const STAMP_OPENING = 0x4352592d; // "CRY-"
export const STAMP_NONE = 0;
/** How far salt-1 may have moved on since the stamp: one per restart of the log, 4 MB of saves each. */
export const SALT_WINDOW = 0x10000;

export function isSessionStamp(stamp: number): boolean {
  return stamp !== STAMP_CLOSED && stamp !== STAMP_OPENING && stamp !== STAMP_NONE;
}

/** Whether a -wal whose salt-1 is `salt1` was written after the session stamp `stamp`. */
export function walFollowsStamp(salt1: number, stamp: number): boolean {
  return ((salt1 - stamp) >>> 0) < SALT_WINDOW;
}

function setStamp(db: DB, value: number): void {
  // application_id is a signed 32-bit integer; `| 0` keeps the bit pattern.
  db.pragma(`application_id = ${value | 0}`);
}

/**
 * Marks the file as "open, the latest saves are in the -wal" at the start of a session. The
 * steps are ordered so that a kill between any two leaves files the next start accepts:
 * everything into the file first, then a new log generation (salt s), the stamp s+1 into the
 * file, and an empty log whose next generation is s+1. Also proves the file can be written.
 */
export function stampSessionOpen(db: DB, file: string): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
  setStamp(db, STAMP_OPENING);
  const wal = readWalState(`${file}-wal`);
  // Unreadable only if the file system misbehaves; then the file makes no claim.
  const stamp = wal.kind === 'valid' ? (wal.header.salt1 + 1) >>> 0 : STAMP_NONE;
  setStamp(db, stamp);
  db.pragma('wal_checkpoint(TRUNCATE)');
}

/**
 * Closes the connection marked "closed cleanly": the stamp goes into the -wal, and SQLite's
 * checkpoint on the last close carries it into the file before it removes the -wal. If another
 * program still has the database open (the -wal stays), its session stamp is put back, since
 * its saves are still in the -wal. A failure to stamp never stops the close.
 */
export function closeWithStamp(db: DB, file: string): void {
  let before: number | null = null;
  try {
    before = Number(db.pragma('application_id', { simple: true }));
    setStamp(db, STAMP_CLOSED);
  } catch {
    // Read-only or full disk: the -wal (if any) stays and says more than the stamp could.
  }
  db.close();
  if (before === null || readWalState(`${file}-wal`).kind === 'absent') return;
  try {
    const again = new Database(file, { fileMustExist: true });
    try {
      again.pragma('synchronous = FULL');
      setStamp(again, before);
    } finally {
      again.close();
    }
  } catch {
    // As above: nothing more can be done, and the next start still finds the -wal.
  }
}

/**
 * The stamp as a -wal replay would leave it, read without writing anything: a read-only
 * connection cannot checkpoint. The -shm index it builds is removed again if it was not there.
 */
export function stampAfterReplay(file: string): number | null {
  const shm = `${file}-shm`;
  const shmWasThere = fs.existsSync(shm);
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return Number(db.pragma('application_id', { simple: true })) >>> 0;
    } finally {
      db.close();
    }
  } catch {
    return null;
  } finally {
    if (!shmWasThere) fs.rmSync(shm, { force: true });
  }
}
