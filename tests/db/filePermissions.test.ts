// Issue 6, data at rest: another account on the same computer cannot read the records. The
// database, its -wal and -shm, and the safety copy taken before a migration are 0600 and a
// folder CryoLog creates is 0700 (docs/security.md, "Owner-only files").
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/main/ipc/dispatch';
import { closeContext, type Ctx } from '../../electron/main/context';
import { openDatabase } from '../../electron/main/db/open';
import { MIGRATIONS } from '../../electron/main/db/migrations';
import { prepareOwnerOnlyDatabase } from '../../electron/main/db/ownerOnly';
import { fixedClock, tempDir } from '../helpers/tempDir';
import { fixtureFile } from '../tools/sessionFixtures';
import { signedInContext } from '../helpers/testClinician';

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

const opened: Ctx[] = [];

/** Opens through the app's own context (as the window and the CLI do), keeping what it logged. */
function open(dbPath: string) {
  const logged: string[] = [];
  const ctx = signedInContext({
    dbPath,
    appVersion: 'test',
    clock: fixedClock('2026-03-10T10:30:00.000Z'),
    log: { info: (m) => logged.push(m), error: (m) => logged.push(`ERROR ${m}`) },
    checkResponses: true,
  });
  opened.push(ctx);
  expect(ctx.startup.state).toBe('ready');
  return { ctx, logged };
}

/** A synthetic session saved through dispatch, so SQLite writes the WAL (and the -shm index). */
function saveASession(ctx: Ctx): void {
  const document = JSON.parse(fs.readFileSync(fixtureFile('S1'), 'utf8'));
  const r = dispatch(ctx, 'importSession', { document });
  expect(r.ok).toBe(true);
}

// 0644 is what SQLite and Node create under a typical desktop umask (022); with it in force, a
// file that came out 0600 did so because CryoLog asked, not because the machine is strict.
let umaskBefore = 0;
beforeAll(() => {
  umaskBefore = process.umask(0o022);
});
afterAll(() => {
  process.umask(umaskBefore);
});
afterEach(() => {
  for (const ctx of opened.splice(0)) closeContext(ctx);
});

// POSIX permission bits do not exist on Windows; there the per-user AppData ACL does this job.
if (process.platform === 'win32') console.warn('Skipping the file-mode tests: Windows has ACLs, not POSIX modes.');
describe.skipIf(process.platform === 'win32')('owner-only record files', () => {
  it('a new database: folder 0700; database, -wal and -shm 0600 while records are being written', () => {
    const folder = path.join(tempDir(), 'CryoLog');
    const dbPath = path.join(folder, 'cryolog.sqlite');
    const { ctx, logged } = open(dbPath);
    saveASession(ctx);

    expect(fs.statSync(`${dbPath}-wal`).size).toBeGreaterThan(0);
    expect(modeOf(folder)).toBe(0o700);
    expect({ db: modeOf(dbPath), wal: modeOf(`${dbPath}-wal`), shm: modeOf(`${dbPath}-shm`) }).toEqual({ db: 0o600, wal: 0o600, shm: 0o600 });
    // Nothing was narrowed: it was born owner-only.
    expect(logged.filter((m) => m.includes('owner'))).toEqual([]);
  });

  it('makes every missing parent folder owner-only too, and leaves an existing folder as it was', () => {
    const existing = tempDir();
    fs.chmodSync(existing, 0o755);
    const dbPath = path.join(existing, 'site', 'ward', 'cryolog.sqlite');
    open(dbPath);
    expect(modeOf(path.join(existing, 'site'))).toBe(0o700);
    expect(modeOf(path.join(existing, 'site', 'ward'))).toBe(0o700);
    // CRYOLOG_DB may point into the home folder or a folder IT set up: not CryoLog's to change.
    expect(modeOf(existing)).toBe(0o755);
  });

  it('the safety copy taken before a migration is 0600', () => {
    const dbPath = path.join(tempDir(), 'cryolog.sqlite');
    openDatabase(dbPath, { migrations: MIGRATIONS.slice(0, 1) }).db.close();

    const { ctx, logged } = open(dbPath);
    saveASession(ctx);
    const copies = fs.readdirSync(path.dirname(dbPath)).filter((n) => n.endsWith('.bak'));
    expect(copies).toHaveLength(1);
    const copy = path.join(path.dirname(dbPath), copies[0]!);
    expect(logged).toContain(`Safety copy before migration: ${copy}`);
    expect(fs.statSync(copy).size).toBeGreaterThan(0);
    expect(modeOf(copy)).toBe(0o600);
    expect(modeOf(dbPath)).toBe(0o600);
  });

  it('a database left readable by others (0644) is narrowed to 0600 on open, with its -wal, -shm and older safety copies, and the log says so', () => {
    const dbPath = path.join(tempDir(), 'cryolog.sqlite');
    const first = open(dbPath);
    saveASession(first.ctx);
    const oldCopy = `${dbPath}.pre-v2-2026-01-01T00-00-00-000Z.bak`;
    fs.writeFileSync(oldCopy, 'a copy an older CryoLog left behind', { mode: 0o644 });
    // Still open, so the -wal and -shm exist; an older CryoLog or a careless copy left them 0644.
    for (const file of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`, oldCopy]) fs.chmodSync(file, 0o644);

    const { ctx, logged } = open(dbPath);
    saveASession(ctx);
    for (const file of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`, oldCopy]) expect([file, modeOf(file)]).toEqual([file, 0o600]);
    expect(logged).toContain(`Made ${dbPath} readable by its owner only (it was mode 0644).`);
    expect(logged).toContain(`Made ${oldCopy} readable by its owner only (it was mode 0644).`);
    // Only the files beside the database, nothing else in the folder.
    const unrelated = path.join(path.dirname(dbPath), 'notes.txt');
    fs.writeFileSync(unrelated, 'x', { mode: 0o644 });
    open(dbPath);
    expect(modeOf(unrelated)).toBe(0o644);
  });

  it('narrows a database that is group-readable only (0640) too: any access by others counts', () => {
    const dbPath = path.join(tempDir(), 'cryolog.sqlite');
    open(dbPath);
    fs.chmodSync(dbPath, 0o640);
    open(dbPath);
    expect(modeOf(dbPath)).toBe(0o600);
  });

  it('logs nothing about permissions when the files were already owner-only', () => {
    const dbPath = path.join(tempDir(), 'cryolog.sqlite');
    saveASession(open(dbPath).ctx);
    expect(open(dbPath).logged).toEqual([]);
  });

  it('on Windows creates the folder but sets no POSIX modes (the per-user AppData ACL protects the files)', () => {
    const dbPath = path.join(tempDir(), 'AppData', 'cryolog.sqlite');
    fs.mkdirSync(path.dirname(dbPath));
    fs.writeFileSync(dbPath, '');
    fs.chmodSync(dbPath, 0o644);
    expect(prepareOwnerOnlyDatabase(dbPath, 'win32')).toEqual([]);
    expect(modeOf(dbPath)).toBe(0o644);
    const fresh = path.join(tempDir(), 'Roaming', 'CryoLog', 'cryolog.sqlite');
    prepareOwnerOnlyDatabase(fresh, 'win32');
    expect(fs.existsSync(path.dirname(fresh))).toBe(true);
  });
});
