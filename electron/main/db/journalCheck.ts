// What is beside the database file, checked before SQLite opens it: SQLite acts on these files
// silently as soon as it opens the database (measured on the bundled SQLite, tests/db/journal.test.ts):
// - no database but a -wal: it creates an empty database and deletes the -wal (the saves in it are gone);
// - a -wal from another database: it replays it into this one, and the first clean close
//   writes the mix into the file for good (quick_check can still say "ok");
// - a database copied without its -wal: it opens without the last saves.
// So each is refused here, with the files left exactly as they were.
import fs from 'node:fs';
import { DbOpenError } from './errors';
import { readDatabaseHeader, readWalState, walHasCommit } from './walHeader';
import { isSessionStamp, stampAfterReplay, STAMP_CLOSED, STAMP_OPENING, walFollowsStamp } from './sessionStamp';

const JOURNAL_SUFFIXES = ['-wal', '-shm', '-journal'] as const;

function sizeOf(file: string): number | null {
  try {
    return fs.statSync(file).size;
  } catch {
    return null;
  }
}

export function checkJournalFiles(file: string): void {
  const journals = JOURNAL_SUFFIXES.map((s) => `${file}${s}`).filter((f) => sizeOf(f) !== null);
  const size = sizeOf(file);
  if (size === null || size === 0) {
    if (journals.length === 0) return; // a new database: nothing to lose
    throw new DbOpenError(
      'DB_JOURNAL_WITHOUT_DATABASE',
      `The record file ${file} is ${size === null ? 'missing' : 'empty'}, but its journal (${journals.join(', ')}) is still there: the file was probably moved, renamed or deleted. CryoLog did not create a new one, and left the journal as it is.`,
    );
  }

  const header = readDatabaseHeader(file);
  if (!header) return; // not an SQLite file: quick_check reports it as damaged
  const walFile = `${file}-wal`;
  const wal = readWalState(walFile);

  if (wal.kind === 'absent') {
    if (header.walMode && isSessionStamp(header.stamp)) {
      throw new DbOpenError(
        'DB_JOURNAL_MISSING',
        `CryoLog was not closed normally the last time this file was used, and its journal ${walFile}, which holds the latest saves, is not beside it (the file may have been copied or synced without it). Opening it now would silently lose those saves, so CryoLog has not opened it. Nothing was changed.`,
      );
    }
    return;
  }
  if (wal.kind === 'empty') return;
  if (wal.kind === 'invalid') throw journalMismatch(walFile, 'is damaged or is not an SQLite journal');
  // A log without a committed transaction (CryoLog stopped inside a transaction whose pages
  // spilled into it, such as a migration's) is ignored by SQLite whatever the stamp says, so it
  // can mix nothing in: the crash-kill test found it refused after kills inside migration 8.
  if (!walHasCommit(walFile, wal.header)) return;
  if (!header.walMode) {
    // CryoLog's own file is always in WAL mode; this one was put in place by copying a backup or by another tool.
    throw journalMismatch(walFile, 'was left over from an earlier file: the database was replaced by a copy in another format');
  }
  if (isSessionStamp(header.stamp)) {
    if (!walFollowsStamp(wal.header.salt1, header.stamp)) throw journalMismatch(walFile, 'was not written to this database file');
    return;
  }
  if (header.stamp === STAMP_CLOSED) {
    // Closed cleanly, so no journal should be there, unless CryoLog was stopped while stamping a new session.
    const replayed = stampAfterReplay(file);
    const stamping = replayed === STAMP_OPENING || replayed === ((wal.header.salt1 + 1) >>> 0);
    if (!stamping) throw journalMismatch(walFile, 'was not written to this database file (the file was closed normally, then a journal appeared beside it)');
  }
}

function journalMismatch(walFile: string, why: string): DbOpenError {
  return new DbOpenError(
    'DB_JOURNAL_MISMATCH',
    `The journal ${walFile} ${why}. SQLite would mix its contents into the records, so CryoLog has not opened the file. Nothing was changed.`,
  );
}
