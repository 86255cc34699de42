import type { DB } from './types';
import { DbOpenError } from './errors';

// Durability settings for a clinical record, set on every connection and read back:
// - WAL so readers never block the writer and a crash never leaves a torn page;
// - synchronous=FULL because better-sqlite3 builds default WAL to NORMAL, which lost
//   acknowledged rows in the emulated power cuts of reliability.md (FULL lost none);
// - foreign_keys because SQLite leaves them off by default;
// - a busy timeout so the CLI and the app can share the file without spurious SQLITE_BUSY.
export const REQUIRED_PRAGMAS = {
  journal_mode: 'wal',
  synchronous: 2, // FULL
  foreign_keys: 1,
  busy_timeout: 5000,
} as const;

export function applyPragmas(db: DB, platform: NodeJS.Platform = process.platform): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${REQUIRED_PRAGMAS.busy_timeout}`);
  // macOS fsync does not reach the platter; F_FULLFSYNC does (https://sqlite.org/pragma.html#pragma_fullfsync).
  if (platform === 'darwin') {
    db.pragma('fullfsync = ON');
    db.pragma('checkpoint_fullfsync = ON');
  }
  verifyPragmas(db, platform);
}

/** Refuses a connection whose settings are not the ones above: better no input than lost input. */
export function verifyPragmas(db: DB, platform: NodeJS.Platform = process.platform): void {
  const actual = {
    journal_mode: String(db.pragma('journal_mode', { simple: true })).toLowerCase(),
    synchronous: Number(db.pragma('synchronous', { simple: true })),
    foreign_keys: Number(db.pragma('foreign_keys', { simple: true })),
    busy_timeout: Number(db.pragma('busy_timeout', { simple: true })),
  };
  const wrong = (Object.keys(REQUIRED_PRAGMAS) as (keyof typeof REQUIRED_PRAGMAS)[]).filter(
    (k) => actual[k] !== REQUIRED_PRAGMAS[k],
  );
  if (platform === 'darwin' && Number(db.pragma('fullfsync', { simple: true })) !== 1) wrong.push('fullfsync' as never);
  if (wrong.length > 0) {
    throw new DbOpenError(
      'DB_UNSAFE_SETTINGS',
      `The database refused the safe-storage settings (${wrong.map((k) => `${k}=${String(actual[k as keyof typeof actual])}`).join(', ')}).`,
    );
  }
}
