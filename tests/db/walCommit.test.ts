// A -wal beside a cleanly closed file: refused when it holds a committed transaction (SQLite
// would replay it into this file), accepted when it holds none (what a migration's transaction
// leaves when CryoLog is stopped inside it: SQLite ignores uncommitted frames). Found by the
// crash-kill test once migration 8's note index made a migration spill pages into the -wal.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { closeContext } from '../../electron/main/context';
import { checkJournalFiles } from '../../electron/main/db/journalCheck';
import { readWalState, walHasCommit } from '../../electron/main/db/walHeader';
import { tempDir } from '../helpers/tempDir';
import { openApp, savePatient } from '../helpers/faultyFiles';

/** A closed CryoLog database, and the -wal another connection left mid-way, copied aside. */
function walOf(dir: string, committed: boolean): { file: string; wal: string } {
  const file = path.join(dir, 'cryolog.sqlite');
  const ctx = openApp(file);
  savePatient(ctx, 'Walcheck');
  closeContext(ctx);
  const writer = new Database(file);
  writer.pragma('cache_size = 1'); // a large transaction spills its pages into the -wal before it commits
  writer.exec('BEGIN');
  writer.exec(`CREATE TABLE spill (x TEXT); INSERT INTO spill SELECT hex(randomblob(400)) FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) SELECT i FROM n);`);
  if (committed) writer.exec('COMMIT');
  const wal = path.join(dir, 'copied-wal');
  fs.copyFileSync(`${file}-wal`, wal);
  if (!committed) writer.exec('ROLLBACK');
  writer.close(); // a clean close: the -wal is folded in (or emptied) and removed
  return { file, wal };
}

/** Sets the header's application_id (CryoLog's session stamp) in a closed file. */
function withApplicationId(file: string, value: number): void {
  const db = new Database(file);
  db.pragma(`application_id = ${value | 0}`);
  db.close();
}

describe('a -wal beside a file closed cleanly', () => {
  it('with only uncommitted frames: SQLite would ignore it, so CryoLog opens the file', () => {
    const dir = tempDir();
    const { file, wal } = walOf(dir, false);
    const state = readWalState(wal);
    expect(state.kind).toBe('valid');
    expect(fs.statSync(wal).size).toBeGreaterThan(100_000); // the spilled pages are really there
    expect(walHasCommit(wal, state.kind === 'valid' ? state.header : { salt1: 0, salt2: 0, pageSize: 4096 })).toBe(false);
    fs.copyFileSync(wal, `${file}-wal`);
    expect(() => checkJournalFiles(file)).not.toThrow();
  });

  it('with only uncommitted frames beside a file stamped open by a session it does not follow: opened too', () => {
    const dir = tempDir();
    const { file, wal } = walOf(dir, false);
    const state = readWalState(wal);
    const salt1 = state.kind === 'valid' ? state.header.salt1 : 0;
    // A session stamp far from this log's salt: the file was last opened by a CryoLog that was
    // stopped, and this log was begun afresh (random salt) by a migration stopped mid-way.
    const stamp = ((salt1 + 0x40000000) >>> 0) || 1;
    withApplicationId(file, stamp);
    fs.copyFileSync(wal, `${file}-wal`);
    expect(() => checkJournalFiles(file)).not.toThrow();
    // The same stamp with a committed log from elsewhere is refused, as before.
    const committed = walOf(tempDir(), true);
    fs.copyFileSync(committed.wal, `${file}-wal`);
    expect(() => checkJournalFiles(file)).toThrow(/was not written to this database file/);
  });

  it('with a committed transaction: refused, the files left as they are', () => {
    const dir = tempDir();
    const { file, wal } = walOf(dir, true);
    const state = readWalState(wal);
    expect(state.kind === 'valid' && walHasCommit(wal, state.header)).toBe(true);
    fs.copyFileSync(wal, `${file}-wal`);
    const before = fs.readFileSync(`${file}-wal`);
    expect(() => checkJournalFiles(file)).toThrow(/was not written to this database file/);
    expect(fs.readFileSync(`${file}-wal`).equals(before)).toBe(true);
  });
});
