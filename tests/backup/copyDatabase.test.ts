// The backup's copy on a connection of its own (the integrity worker's): one snapshot for the
// record counts and every page, while another connection (the app's) keeps writing.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { copyDatabase } from '../../electron/main/backup/copyDatabase';
import { recordCounts } from '../../electron/main/backup/recordCounts';
import { tempDir } from '../helpers/tempDir';

const PATIENTS = 40;
/** Enough pages (4 KiB each) for several backup steps of 1,000 pages, so writes land between them. */
const FILLER_BYTES = 16 * 1024 * 1024;
const MAX_WRITES = 50;

function sourceDatabase(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec(`
    CREATE TABLE patient (id INTEGER PRIMARY KEY, name TEXT);
    CREATE TABLE session (id INTEGER PRIMARY KEY, patient_id INTEGER REFERENCES patient (id));
    CREATE TABLE audit_log (id INTEGER PRIMARY KEY, what TEXT);
    CREATE TABLE filler (id INTEGER PRIMARY KEY, data BLOB);
  `);
  const patient = db.prepare('INSERT INTO patient (name) VALUES (?)');
  const session = db.prepare('INSERT INTO session (patient_id) VALUES (?)');
  const filler = db.prepare('INSERT INTO filler (data) VALUES (randomblob(?))');
  db.transaction(() => {
    for (let i = 1; i <= PATIENTS; i++) session.run(patient.run(`Patient ${i}`).lastInsertRowid);
    for (let done = 0; done < FILLER_BYTES; done += 64 * 1024) filler.run(64 * 1024);
  })();
  return db;
}

describe('copyDatabase', () => {
  it('copies one snapshot with its counts while another connection commits between the steps, and reports 100% at the end', async () => {
    const dir = tempDir();
    const source = path.join(dir, 'cryolog.sqlite');
    const app = sourceDatabase(source);
    const copyFile = path.join(dir, 'copy.sqlite');
    fs.writeFileSync(copyFile, '');
    const progress = new Int32Array(new SharedArrayBuffer(4));

    // The app's connection: one committed row per turn of the event loop, as the copy steps.
    let writes = 0;
    let copying = true;
    const insert = app.prepare("INSERT INTO audit_log (what) VALUES ('written during the copy')");
    const write = () => {
      if (!copying || writes >= MAX_WRITES) return;
      insert.run();
      writes++;
      setImmediate(write);
    };
    setImmediate(write);
    const counts = await copyDatabase(source, copyFile, progress).finally(() => (copying = false));

    try {
      expect(writes).toBeGreaterThan(0); // otherwise nothing was written during the copy
      // The snapshot began before the first write (copyDatabase counts before it first yields).
      expect(counts).toEqual({ patients: PATIENTS, sessions: PATIENTS, auditEntries: 0 });
      expect(recordCounts(app).auditEntries).toBe(writes);
      expect(Atomics.load(progress, 0)).toBe(100);
      const copy = new Database(copyFile, { readonly: true });
      try {
        expect(copy.pragma('quick_check', { simple: true })).toBe('ok');
        expect(recordCounts(copy)).toEqual(counts);
      } finally {
        copy.close();
      }
    } finally {
      app.close();
    }
  });

  it('throws when the copy cannot be written, and leaves the source as it was', async () => {
    const dir = tempDir();
    const source = path.join(dir, 'cryolog.sqlite');
    sourceDatabase(source).close();
    await expect(copyDatabase(source, path.join(dir, 'no-such-folder', 'copy.sqlite'))).rejects.toThrow();
    const db = new Database(source, { readonly: true });
    expect(recordCounts(db).patients).toBe(PATIENTS);
    db.close();
  });
});
