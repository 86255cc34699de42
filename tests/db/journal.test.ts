// The -wal gone wrong: missing database beside its journal, a journal lost after an unclean
// close, a journal from another database. Each opens to its own screen with the files left
// exactly as they were; a clean close, a crash with its -wal, and a second program sharing the
// file open normally. "Crash": see tests/helpers/faultyFiles.ts.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { closeContext, type Ctx } from '../../electron/main/context';
import { dispatch } from '../../electron/main/ipc/dispatch';
import { runBackup } from '../../electron/main/backup/runBackup';
import { STAMP_CLOSED } from '../../electron/main/db/sessionStamp';
import { tempDir } from '../helpers/tempDir';
import { DB_SUFFIXES, crashSnapshot, crashedDatabaseAt, fingerprint, openApp, savePatient } from '../helpers/faultyFiles';

const SUFFIXES = DB_SUFFIXES;
const open = openApp;

function familyNames(file: string): string[] {
  const ctx = open(file);
  try {
    if (ctx.startup.state !== 'ready') throw new Error(JSON.stringify(ctx.startup));
    return ctx.db!.prepare('SELECT family_name FROM patient ORDER BY family_name').pluck().all() as string[];
  } finally {
    closeContext(ctx);
  }
}

function crashedDatabase(names: string[]): string {
  return crashedDatabaseAt(tempDir(), path.join(tempDir(), 'cryolog.sqlite'), names);
}

function startupOf(file: string): Ctx['startup'] {
  const ctx = open(file);
  try {
    return ctx.startup;
  } finally {
    closeContext(ctx);
  }
}

describe('no false alarms', () => {
  it('a clean close leaves one file, stamped closed, that opens normally', () => {
    const file = path.join(tempDir(), 'cryolog.sqlite');
    const ctx = open(file);
    savePatient(ctx, 'Cleanclose');
    closeContext(ctx);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    expect(fs.readFileSync(file).readUInt32BE(68)).toBe(STAMP_CLOSED);
    expect(familyNames(file)).toEqual(['Cleanclose']);
  });

  it('after a crash the -wal is replayed: every save is there', () => {
    const crashed = crashedDatabase(['Crashone', 'Crashtwo']);
    expect(fs.statSync(`${crashed}-wal`).size).toBeGreaterThan(0);
    expect(familyNames(crashed)).toEqual(['Crashone', 'Crashtwo']);
  });

  it('a second program (the cryolog command) opening and closing while the app runs, then an app crash: opens normally', () => {
    const file = path.join(tempDir(), 'cryolog.sqlite');
    const app = open(file);
    savePatient(app, 'Beforecli');
    const cli = open(file);
    savePatient(cli, 'Fromcli');
    closeContext(cli);
    // As SQLite's automatic checkpoint would, some time later: the header the file keeps is whatever the -wal said last.
    app.db!.pragma('wal_checkpoint(TRUNCATE)');
    savePatient(app, 'Aftercli');
    const crashed = crashSnapshot(file, tempDir());
    closeContext(app);
    expect(familyNames(crashed)).toEqual(['Aftercli', 'Beforecli', 'Fromcli']);
    expect(familyNames(file)).toEqual(['Aftercli', 'Beforecli', 'Fromcli']);
  });

  it('a backup file opened as the database (no -wal beside it) is not mistaken for one that lost its -wal', async () => {
    const file = path.join(tempDir(), 'cryolog.sqlite');
    const ctx = open(file);
    savePatient(ctx, 'Backedup');
    const backup = await runBackup(ctx.db!, { folder: tempDir(), now: () => new Date('2026-11-24T10:00:00Z'), offsetMinutes: () => 0, reason: 'manual' });
    closeContext(ctx);
    expect(familyNames(backup.file)).toEqual(['Backedup']);
  });
});

describe('the database file missing beside its journal', () => {
  for (const left of [['-wal', '-shm'], ['-shm'], ['-wal']]) {
    it(`(${left.join(' and ')} left) opens to a screen, creates nothing and leaves the journal as it is`, () => {
      const crashed = crashedDatabase(['Strayjournal']);
      for (const s of SUFFIXES) if (!left.includes(s)) fs.rmSync(crashed + s, { force: true });
      const before = fingerprint(crashed);
      expect(startupOf(crashed)).toMatchObject({ state: 'failed', problem: 'DB_JOURNAL_WITHOUT_DATABASE', title: 'The record file is missing' });
      expect(fingerprint(crashed)).toEqual(before);
      expect(fs.existsSync(crashed)).toBe(false);
    });
  }

  it('an empty file in its place counts as missing (SQLite would delete the -wal); putting the file back recovers every save', () => {
    const crashed = crashedDatabase(['Putback']);
    const aside = `${crashed}.moved`;
    fs.renameSync(crashed, aside);
    fs.writeFileSync(crashed, '');
    const before = fingerprint(crashed);
    const startup = startupOf(crashed);
    expect(startup).toMatchObject({ problem: 'DB_JOURNAL_WITHOUT_DATABASE' });
    expect(startup.state === 'failed' && startup.message).toMatch(/is empty, but its journal .*-wal.* is still there/);
    expect(fingerprint(crashed)).toEqual(before);
    fs.renameSync(aside, crashed);
    expect(familyNames(crashed)).toEqual(['Putback']);
  });

  it('what SQLite alone does with an empty file beside a -wal: deletes the -wal (why the check runs first)', () => {
    const crashed = crashedDatabase(['Lost']);
    fs.writeFileSync(crashed, '');
    const raw = new Database(crashed);
    expect(raw.prepare("SELECT count(*) FROM sqlite_schema").pluck().get()).toBe(0);
    raw.close();
    expect(fs.existsSync(`${crashed}-wal`)).toBe(false);
  });
});

describe('the -wal missing after an unclean close', () => {
  it('the database copied without its -wal (nor -shm): a screen naming the missing journal; the file untouched', () => {
    const crashed = crashedDatabase(['Savedbeforecrash']);
    fs.rmSync(`${crashed}-wal`);
    fs.rmSync(`${crashed}-shm`);
    const before = fingerprint(crashed);
    const startup = startupOf(crashed);
    expect(startup).toMatchObject({ state: 'failed', problem: 'DB_JOURNAL_MISSING', title: 'The latest saves may be missing' });
    expect(startup.state === 'failed' && startup.message).toContain(`${crashed}-wal`);
    expect(startup.state === 'failed' && startup.whatToDo).toMatch(/put it back beside the database.*restore the latest backup/);
    expect(fingerprint(crashed)).toEqual(before);
  });

  it('a sync tool dropped the -wal but kept the -shm: the same screen; putting the -wal back opens it with every save', () => {
    const crashed = crashedDatabase(['Syncdropped']);
    const aside = path.join(tempDir(), 'found.sqlite-wal');
    fs.renameSync(`${crashed}-wal`, aside);
    expect(startupOf(crashed)).toMatchObject({ problem: 'DB_JOURNAL_MISSING' });
    fs.renameSync(aside, `${crashed}-wal`);
    expect(familyNames(crashed)).toEqual(['Syncdropped']);
  });
});

describe('a -wal that belongs to another database', () => {
  /**
   * Database A, closed cleanly, and the -wal of B: a copy of A taken to another computer, where
   * a session changed a name and crashed. Same layout, so SQLite's replay makes a mix that passes quick_check.
   */
  function foreignPair(): { a: string; bWal: string } {
    const a = path.join(tempDir(), 'cryolog.sqlite');
    const ctx = open(a);
    const id = savePatient(ctx, 'Alpha');
    closeContext(ctx);
    const bFile = path.join(tempDir(), 'cryolog.sqlite');
    fs.copyFileSync(a, bFile);
    const b = open(bFile);
    const saved = dispatch(b, 'saveFields', { entity: 'patient', id, patch: { familyName: 'Bravo' } });
    if (!saved.ok) throw new Error(saved.error.message);
    const crashedB = crashSnapshot(bFile, tempDir());
    closeContext(b);
    return { a, bWal: `${crashedB}-wal` };
  }

  it('what SQLite alone does: replays it into the other database, quick_check "ok" (salts and checksums only tie a -wal to itself)', () => {
    const { a, bWal } = foreignPair();
    fs.copyFileSync(bWal, `${a}-wal`);
    const raw = new Database(a, { readonly: true });
    try {
      expect(raw.pragma('quick_check', { simple: true })).toBe('ok');
      expect(raw.prepare('SELECT family_name FROM patient').pluck().all()).toEqual(['Bravo']);
    } finally {
      raw.close();
    }
  });

  it('copied in beside a cleanly closed database: a screen, and neither file changes', () => {
    const { a, bWal } = foreignPair();
    fs.copyFileSync(bWal, `${a}-wal`);
    const before = fingerprint(a);
    expect(startupOf(a)).toMatchObject({ state: 'failed', problem: 'DB_JOURNAL_MISMATCH', title: 'The record database has a journal that does not belong to it' });
    expect(fingerprint(a)).toEqual(before);
    // Once IT moves the stray journal out, the database opens as it was.
    fs.rmSync(`${a}-wal`);
    fs.rmSync(`${a}-shm`, { force: true });
    expect(familyNames(a)).toEqual(['Alpha']);
  });

  it('in place of a crashed database\u2019s own -wal: a screen, and neither file changes', () => {
    const crashedA = crashedDatabase(['Alphacrash']);
    const b = crashedDatabase(['Bravocrash']);
    fs.copyFileSync(`${b}-wal`, `${crashedA}-wal`);
    fs.rmSync(`${crashedA}-shm`);
    const before = fingerprint(crashedA);
    expect(startupOf(crashedA)).toMatchObject({ problem: 'DB_JOURNAL_MISMATCH' });
    expect(fingerprint(crashedA)).toEqual(before);
  });

  it('a backup copied over a crashed database, its old -wal still beside it: a screen, nothing changed', async () => {
    const file = path.join(tempDir(), 'cryolog.sqlite');
    const ctx = open(file);
    savePatient(ctx, 'Inbackup');
    const backup = await runBackup(ctx.db!, { folder: tempDir(), now: () => new Date('2026-11-24T10:00:00Z'), offsetMinutes: () => 0, reason: 'manual' });
    savePatient(ctx, 'Afterbackup');
    const crashed = crashSnapshot(file, tempDir());
    closeContext(ctx);
    fs.copyFileSync(backup.file, crashed); // by hand, not with `cryolog restore` (which moves the -wal aside)
    const before = fingerprint(crashed);
    expect(startupOf(crashed)).toMatchObject({ problem: 'DB_JOURNAL_MISMATCH' });
    expect(fingerprint(crashed)).toEqual(before);
  });

  it('a -wal that is not a journal at all (damaged header): a screen, nothing changed', () => {
    const crashed = crashedDatabase(['Garbledjournal']);
    const wal = fs.readFileSync(`${crashed}-wal`);
    wal.fill(0x5a, 0, 32);
    fs.writeFileSync(`${crashed}-wal`, wal);
    const before = fingerprint(crashed);
    expect(startupOf(crashed)).toMatchObject({ problem: 'DB_JOURNAL_MISMATCH' });
    expect(fingerprint(crashed)).toEqual(before);
  });
});
