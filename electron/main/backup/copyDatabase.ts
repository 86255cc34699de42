// The copy itself, run in the integrity worker (never on the main thread: one step of the
// backup API on the app's connection took 870 ms at 100,000 sessions). The worker opens its
// own read-only connection and holds one read transaction (WAL snapshot) for the record counts
// and the whole copy, so the counts are exactly what the copy must hold; the app's connection
// goes on writing to the WAL meanwhile, which neither blocks the copy nor restarts it (the
// backup API restarts only when its source connection starts a new read transaction and sees
// a change). Writes committed after the snapshot go into the next backup.
import Database from 'better-sqlite3';
import { recordCounts, type RecordCounts } from './recordCounts';

/** Large steps: each is a turn of the worker's loop only; 100 of them give the window a percentage. */
const MIN_PAGES_PER_STEP = 1_000;

/**
 * Copies `source` into `file` (created beforehand, empty, owner-only) page for page, and answers
 * the record counts of the same snapshot. `progress[0]` gets the percentage copied (0-100) for
 * the main thread to read. Throws when the copy cannot be written.
 */
export async function copyDatabase(source: string, file: string, progress?: Int32Array): Promise<RecordCounts> {
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    // Deferred: the read transaction (the snapshot) starts with the first count and lasts to
    // COMMIT; the backup API uses a read transaction its source connection already has.
    db.exec('BEGIN');
    const counts = recordCounts(db);
    await db.backup(file, {
      progress: ({ totalPages, remainingPages }) => {
        if (progress) Atomics.store(progress, 0, totalPages === 0 ? 100 : Math.floor(((totalPages - remainingPages) / totalPages) * 100));
        return Math.max(MIN_PAGES_PER_STEP, Math.ceil(totalPages / 100));
      },
    });
    db.exec('COMMIT');
    if (progress) Atomics.store(progress, 0, 100);
    return counts;
  } finally {
    db.close();
  }
}
