import type { DB, Migration } from './types';
import { DbOpenError } from './errors';

export function assertContiguous(list: readonly Migration[]): void {
  list.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration list is broken: position ${i + 1} holds version ${m.version} (${m.name}).`);
  });
}

export function schemaVersion(db: DB): number {
  return Number(db.pragma('user_version', { simple: true }));
}

/**
 * Runs every pending migration in one transaction: either the whole new schema is there, or
 * the old one is untouched (a kill or power cut mid-way rolls back with the WAL).
 * Forward-only: a bad migration is fixed by a new one, never by a "down".
 */
export function migrate(db: DB, list: readonly Migration[]): { from: number; to: number } {
  assertContiguous(list);
  const from = schemaVersion(db);
  const latest = list.at(-1)?.version ?? 0;
  if (from > latest) {
    throw new DbOpenError(
      'DB_FROM_NEWER_VERSION',
      `The database was written by a newer version of CryoLog (schema ${from}; this version knows up to ${latest}).`,
    );
  }
  if (from === latest) return { from, to: latest };
  try {
    db.transaction(() => {
      for (const m of list) {
        if (m.version <= from) continue;
        m.up(db);
        // user_version cannot take a bound parameter; the value is an integer from our own list.
        db.pragma(`user_version = ${Math.trunc(m.version)}`);
      }
    })();
  } catch (error) {
    throw new DbOpenError('DB_MIGRATION_FAILED', `Updating the database to schema ${latest} failed; nothing was changed.`, { cause: error });
  }
  return { from, to: latest };
}
