import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/main/db/open';
import { MIGRATIONS, LATEST_SCHEMA_VERSION } from '../../electron/main/db/migrations';
import type { Migration } from '../../electron/main/db/types';
import { appendAudit } from '../../electron/main/db/repos/audit';
import { tempDir } from '../helpers/tempDir';
import { openError } from '../helpers/dbOpenError';

describe('opening the record database', () => {
  it('sets and reads back WAL, synchronous=FULL, foreign keys and a busy timeout, after open and after reopen', () => {
    const file = path.join(tempDir(), 'cryolog.sqlite');
    for (let round = 0; round < 2; round++) {
      const { db } = openDatabase(file);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      db.close();
    }
  });

  it('creates the folder it needs', () => {
    const file = path.join(tempDir(), 'nested', 'deeper', 'cryolog.sqlite');
    openDatabase(file).db.close();
    expect(fs.existsSync(file)).toBe(true);
  });

  it('refuses a database written by a newer app version and leaves it untouched', () => {
    const file = path.join(tempDir(), 'cryolog.sqlite');
    openDatabase(file).db.close();
    const raw = new Database(file);
    raw.pragma('user_version = 99');
    raw.close();
    const before = fs.readFileSync(file);
    const error = openError(() => openDatabase(file));
    expect(error.problem).toBe('DB_FROM_NEWER_VERSION');
    expect(error.message).toContain('schema 99');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('reports a file that is not a database as damaged, without overwriting it', () => {
    const file = path.join(tempDir(), 'cryolog.sqlite');
    fs.writeFileSync(file, 'this is not a database, it is a shopping list '.repeat(200));
    const error = openError(() => openDatabase(file));
    expect(error.problem).toBe('DB_CORRUPT');
    expect(fs.readFileSync(file, 'utf8')).toContain('shopping list');
  });

  it('reports a truncated database file as damaged', () => {
    const file = path.join(tempDir(), 'cryolog.sqlite');
    const { db } = openDatabase(file);
    db.prepare("INSERT INTO patient (id, created_at, updated_at) VALUES ('p', 'x', 'x')").run();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const size = fs.statSync(file).size;
    fs.truncateSync(file, Math.floor(size / 2));
    expect(openError(() => openDatabase(file)).problem).toBe('DB_CORRUPT');
  });

  it('fails quick_check on a damaged page and says so', () => {
    const file = path.join(tempDir(), 'cryolog.sqlite');
    const { db } = openDatabase(file);
    db.transaction(() => {
      for (let i = 0; i < 2000; i++) appendAudit(db, { at: '2026-01-01', action: 'create', entity: 'patient', entityId: `id-${i}-${'x'.repeat(50)}`, sessionId: null });
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    // Scribble over the middle of the file (not the header): pages stay readable as a file but not as a b-tree.
    const fd = fs.openSync(file, 'r+');
    const size = fs.fstatSync(fd).size;
    fs.writeSync(fd, Buffer.alloc(8192, 0xa5), 0, 8192, Math.floor(size / 2 / 4096) * 4096);
    fs.closeSync(fd);
    expect(openError(() => openDatabase(file)).problem).toBe('DB_CORRUPT');
  });
});

describe('migrations', () => {
  const extra: Migration = {
    version: LATEST_SCHEMA_VERSION + 1,
    name: 'test-add-column',
    up: (db) => db.exec('ALTER TABLE patient ADD COLUMN test_note TEXT'),
  };
  const broken: Migration = {
    version: LATEST_SCHEMA_VERSION + 1,
    name: 'test-broken',
    up: (db) => {
      db.exec('ALTER TABLE patient ADD COLUMN half_done TEXT');
      throw new Error('boom');
    },
  };

  it('backs up an existing database before migrating it, and the backup holds the old data', () => {
    const file = path.join(tempDir(), 'cryolog.sqlite');
    const first = openDatabase(file);
    first.db.prepare("INSERT INTO patient (id, family_name, created_at, updated_at) VALUES ('p1', 'Testpatient', 'x', 'x')").run();
    first.db.close();

    const second = openDatabase(file, { migrations: [...MIGRATIONS, extra], now: () => new Date('2026-11-24T10:00:00Z') });
    expect(second.schemaVersion).toBe(LATEST_SCHEMA_VERSION + 1);
    expect(second.backupPath).toBe(`${file}.pre-v${LATEST_SCHEMA_VERSION + 1}-2026-11-24T10-00-00-000Z.bak`);
    second.db.close();

    const backup = new Database(second.backupPath!, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(backup.prepare('SELECT family_name FROM patient').all()).toEqual([{ family_name: 'Testpatient' }]);
    backup.close();
  });

  it('does not back up a brand-new database', () => {
    const file = path.join(tempDir(), 'cryolog.sqlite');
    expect(openDatabase(file).backupPath).toBeUndefined();
  });

  it('a failing migration changes nothing: old schema and version intact, and the app can still open it', () => {
    const file = path.join(tempDir(), 'cryolog.sqlite');
    openDatabase(file).db.close();
    const error = openError(() => openDatabase(file, { migrations: [...MIGRATIONS, broken] }));
    expect(error.problem).toBe('DB_MIGRATION_FAILED');
    const { db, schemaVersion } = openDatabase(file);
    expect(schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    const columns = (db.pragma('table_info(patient)') as { name: string }[]).map((c) => c.name);
    expect(columns).not.toContain('half_done');
    db.close();
  });

  it('refuses a migration list with a gap', () => {
    const gap: Migration = { ...extra, version: LATEST_SCHEMA_VERSION + 2 };
    expect(() => openDatabase(path.join(tempDir(), 'gap.sqlite'), { migrations: [...MIGRATIONS, gap] })).toThrow(/Migration list is broken/);
  });

  it('the migrated schema matches the committed snapshot (a changed or removed column must be deliberate)', () => {
    const { db } = openDatabase(path.join(tempDir(), 'snapshot.sqlite'));
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
    const schema = Object.fromEntries(
      tables.map(({ name }) => [
        name,
        (db.pragma(`table_info(${name})`) as { name: string; type: string; notnull: number; pk: number }[]).map((c) => `${c.name} ${c.type}${c.notnull ? ' NOT NULL' : ''}${c.pk ? ' PK' : ''}`),
      ]),
    );
    const indexes = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
    db.close();
    expect({ schema, indexes }).toMatchSnapshot();
  });
});
