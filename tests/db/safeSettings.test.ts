import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyPragmas, verifyPragmas } from '../../electron/main/db/pragmas';
import { openError } from '../helpers/dbOpenError';
import { startupProblemScreen } from '../../electron/main/startupProblems';
import { tempDir } from '../helpers/tempDir';

// A connection that cannot promise durable saves takes no input (reliability.md: a save shown
// as saved must survive a power cut, which needs WAL with synchronous=FULL, and fullfsync on macOS).

describe('unsafe storage settings are refused, with a screen', () => {
  it.each([
    ['synchronous=NORMAL (better-sqlite3’s WAL default)', 'synchronous = NORMAL', /synchronous=1/],
    ['a rollback journal instead of WAL', 'journal_mode = DELETE', /journal_mode=delete/],
    ['foreign keys off', 'foreign_keys = OFF', /foreign_keys=0/],
  ])('%s', (_, pragma, named) => {
    const db = new Database(path.join(tempDir(), 'cryolog.sqlite'));
    try {
      applyPragmas(db, 'linux');
      db.pragma(pragma);
      const error = openError(() => verifyPragmas(db, 'linux'));
      expect(error.problem).toBe('DB_UNSAFE_SETTINGS');
      expect(error.message).toMatch(named);
      const screen = startupProblemScreen(error, '/data/cryolog.sqlite');
      expect(screen).toMatchObject({ state: 'failed', title: 'The database cannot guarantee safe saving', dbPath: '/data/cryolog.sqlite' });
      expect(screen.state === 'failed' && screen.whatToDo).toMatch(/will not take entries it cannot save safely/);
    } finally {
      db.close();
    }
  });

  it('on macOS, fullfsync must be on (fsync there does not reach the disk)', () => {
    const db = new Database(path.join(tempDir(), 'cryolog.sqlite'));
    try {
      applyPragmas(db, 'darwin');
      expect(() => verifyPragmas(db, 'darwin')).not.toThrow();
      db.pragma('fullfsync = OFF');
      expect(openError(() => verifyPragmas(db, 'darwin')).message).toMatch(/fullfsync=/);
    } finally {
      db.close();
    }
  });
});
