// Backups as IT and the clinician would notice them: a real database (S1 imported through
// dispatch) copied online into a folder, checked, named and kept owner-only; rotation over a
// month of backups; a failed copy never costs an older backup; restore refuses bad files,
// keeps the current database aside and brings the backup's records back.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/main/ipc/dispatch';
import { closeContext, type Ctx } from '../../electron/main/context';
import type { Channel } from '../../shared/ipc/channels';
import type { Req, Res } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';
import { runBackup, pruneBackups } from '../../electron/main/backup/runBackup';
import { backupFileName, parseBackupFileName } from '../../electron/main/backup/backupName';
import { checkBackupFile } from '../../electron/main/backup/checkBackupFile';
import { restoreBackup } from '../../electron/main/backup/restoreBackup';
import { backupInBackground } from '../../electron/main/backup/schedule';
import { fixedClock, tempDir, testContext } from '../helpers/tempDir';
import { fixtureFile } from '../tools/sessionFixtures';
import { TEST_PIN } from '../helpers/testClinician';

function call<C extends Channel>(ctx: Ctx, channel: C, request: Req<C>): Res<C> {
  const r = dispatch(ctx, channel, request) as Result<Res<C>>;
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.data;
}

const NOW = '2026-03-10T10:30:00.000Z';

function withS1(dbPath = path.join(tempDir(), 'cryolog.sqlite')) {
  const ctx = testContext({ dbPath, clock: fixedClock(NOW) });
  const document = JSON.parse(fs.readFileSync(fixtureFile('S1'), 'utf8'));
  const { sessionId } = call(ctx, 'importSession', { document });
  return { ctx, dbPath, sessionId };
}

const UTC = () => 0;
const count = (db: Database.Database, table: string) => Number(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get());
const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

describe('runBackup', () => {
  it('writes a checked copy with the same records, named by time and reason, readable by its owner only', async () => {
    const { ctx } = withS1();
    const folder = tempDir();
    const seen: number[] = [];
    const result = await runBackup(ctx.db!, { folder, now: () => new Date(NOW), offsetMinutes: UTC, reason: 'manual', onProgress: (p) => seen.push(p) });

    expect(result.checkedOk).toBe(true);
    expect(path.basename(result.file)).toBe('cryolog-20260310-103000+0000-manual.sqlite');
    expect(fs.readdirSync(folder)).toEqual([path.basename(result.file)]); // no temp, no -wal or -shm left
    if (process.platform !== 'win32') expect(modeOf(result.file)).toBe(0o600);
    expect(result.bytes).toBe(fs.statSync(result.file).size);
    expect(seen.at(-1)).toBe(100);

    const copy = new Database(result.file, { readonly: true });
    try {
      expect(copy.pragma('quick_check', { simple: true })).toBe('ok');
      for (const table of ['patient', 'session', 'target', 'freeze_cycle', 'audit_log']) expect(count(copy, table)).toBe(count(ctx.db!, table));
      expect(result.sessions).toBe(count(ctx.db!, 'session'));
      expect(result.sessions).toBeGreaterThan(0);
    } finally {
      copy.close();
    }
  });

  it('refuses a configured folder that is not there (an unmounted share) and writes nothing', async () => {
    const { ctx } = withS1();
    const absent = path.join(tempDir(), 'share-not-mounted');
    await expect(runBackup(ctx.db!, { folder: absent, now: () => new Date(NOW), offsetMinutes: UTC, reason: 'hourly' })).rejects.toThrow(/cannot be reached/);
    expect(fs.existsSync(absent)).toBe(false);
  });

  it('never prunes, and never names the copy as a backup, when the new copy fails its check', async () => {
    const { ctx, dbPath } = withS1();
    const folder = tempDir();
    const older = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((d) => backupFileName(new Date(Date.UTC(2026, 1, d, 12)), 0, 'hourly'));
    for (const name of older) fs.writeFileSync(path.join(folder, name), 'older backup');
    closeContext(ctx);
    // A database the check refuses (a schema newer than this CryoLog): the copy carries it.
    const raw = new Database(dbPath);
    raw.pragma('user_version = 999');
    const result = await runBackup(raw, { folder, now: () => new Date(NOW), offsetMinutes: UTC, reason: 'manual', rotation: { keepDaily: 1, keepWeekly: 0 } });
    raw.close();
    expect(result.checkedOk).toBe(false);
    expect(result.problem).toMatch(/newer CryoLog/);
    // Kept for IT under a name no listing, restore or rotation takes for a backup.
    expect(fs.readdirSync(folder).sort()).toEqual([...older, 'cryolog-20260310-103000+0000-manual.sqlite.failed-check'].sort());
  });

  it('checks the new copy in full (integrity_check) before pruning: a copy with a damaged index, which quick_check passes, is marked failed and nothing is pruned', async () => {
    const { ctx, dbPath } = withS1();
    const folder = tempDir();
    const older = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((d) => backupFileName(new Date(Date.UTC(2026, 1, d, 12)), 0, 'hourly'));
    for (const name of older) fs.writeFileSync(path.join(folder, name), 'older backup');
    closeContext(ctx);
    // A damaged index: its entries no longer match the rows it indexes. The backup API copies
    // page for page, so the copy carries the damage, as it would a failing disk's.
    const damaged = new Database(dbPath);
    damaged.unsafeMode(true);
    damaged.pragma('writable_schema = ON');
    damaged.prepare("UPDATE sqlite_schema SET sql = 'CREATE INDEX patient_nhs_number ON patient (family_name)' WHERE name = 'patient_nhs_number'").run();
    damaged.close();
    const raw = new Database(dbPath);
    expect(raw.pragma('quick_check', { simple: true })).toBe('ok');

    const result = await runBackup(raw, { folder, now: () => new Date(NOW), offsetMinutes: UTC, reason: 'hourly', rotation: { keepDaily: 1, keepWeekly: 0 } });
    raw.close();
    expect(result.checkedOk).toBe(false);
    expect(result.pruned).toEqual([]);
    expect(result.problem).toMatch(/^The file is damaged \(.*index patient_nhs_number.*\)\. The failed copy is kept as .*cryolog-20260310-103000\+0000-hourly\.sqlite\.failed-check for IT\.$/);
    expect(fs.readdirSync(folder).sort()).toEqual([...older, 'cryolog-20260310-103000+0000-hourly.sqlite.failed-check'].sort());
    expect(checkBackupFile(result.failedCopy!, { full: true }).ok).toBe(false);
    expect(checkBackupFile(result.failedCopy!).ok).toBe(true); // what quick_check alone would have let through
  });
});

describe('backup names and rotation in local time', () => {
  /** Europe/London in 2026: BST (UTC+1) from 29 March 01:00 UTC to 25 October 01:00 UTC. */
  const london = (at: Date) => (at.getTime() >= Date.UTC(2026, 2, 29, 1) && at.getTime() < Date.UTC(2026, 9, 25, 1) ? 60 : 0);
  const nameAt = (iso: string) => backupFileName(new Date(iso), london(new Date(iso)), 'hourly');

  it('names a backup by the wall-clock time with its offset; both 01:30s of the October clock change get different names that read back to their instants', () => {
    expect(nameAt('2026-07-15T09:10:00.000Z')).toBe('cryolog-20260715-101000+0100-hourly.sqlite');
    expect(nameAt('2026-11-24T09:10:00.000Z')).toBe('cryolog-20261124-091000+0000-hourly.sqlite');
    expect(backupFileName(new Date('2026-03-10T10:30:00.000Z'), -300, 'manual')).toBe('cryolog-20260310-053000-0500-manual.sqlite');

    const firstHalfPastOne = nameAt('2026-10-25T00:30:00.000Z'); // 01:30 BST
    const secondHalfPastOne = nameAt('2026-10-25T01:30:00.000Z'); // 01:30 GMT, an hour later
    expect([firstHalfPastOne, secondHalfPastOne]).toEqual(['cryolog-20261025-013000+0100-hourly.sqlite', 'cryolog-20261025-013000+0000-hourly.sqlite']);
    expect(parseBackupFileName(firstHalfPastOne)?.at.toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(parseBackupFileName(secondHalfPastOne)?.at.toISOString()).toBe('2026-10-25T01:30:00.000Z');
    // March: 01:00-02:00 does not exist on the wall; 00:30 GMT is followed by 02:30 BST.
    expect(nameAt('2026-03-29T00:30:00.000Z')).toBe('cryolog-20260329-003000+0000-hourly.sqlite');
    expect(nameAt('2026-03-29T01:30:00.000Z')).toBe('cryolog-20260329-023000+0100-hourly.sqlite');
    // Names from before the offset was written were UTC, and still read as such.
    expect(parseBackupFileName('cryolog-20260715-091000-manual.sqlite')?.at.toISOString()).toBe('2026-07-15T09:10:00.000Z');
    expect(parseBackupFileName('cryolog-20261399-091000+0000-manual.sqlite')).toBeNull();
  });

  it('rotation keeps the newest backup of each local day: after midnight in summer is the next day, and 25 October (25 hours) is one day', () => {
    const folder = tempDir();
    const times = [
      '2026-07-14T20:00:00.000Z', // 21:00 BST on the 14th: superseded by 23:30 the same evening
      '2026-07-14T22:30:00.000Z', // 23:30 BST on the 14th: newest of the 14th
      '2026-07-14T23:30:00.000Z', // 00:30 BST on the 15th (still the 14th in UTC)
      '2026-07-15T09:00:00.000Z', // 10:00 BST on the 15th: newest of the 15th
    ];
    for (const t of times) fs.writeFileSync(path.join(folder, nameAt(t)), '');
    const pruned = pruneBackups(folder, new Date('2026-07-15T09:00:00.000Z'), { keepDaily: 2, keepWeekly: 0 }, london);
    expect(pruned.sort()).toEqual([nameAt('2026-07-14T20:00:00.000Z'), nameAt('2026-07-14T23:30:00.000Z')].sort());
    expect(fs.readdirSync(folder).sort()).toEqual([nameAt('2026-07-14T22:30:00.000Z'), nameAt('2026-07-15T09:00:00.000Z')].sort());

    const october = tempDir();
    const clockChange = [
      '2026-10-24T22:30:00.000Z', // 23:30 BST on the 24th
      '2026-10-24T23:30:00.000Z', // 00:30 BST on the 25th
      '2026-10-25T00:30:00.000Z', // the first 01:30 (BST)
      '2026-10-25T01:30:00.000Z', // the second 01:30 (GMT)
      '2026-10-25T23:30:00.000Z', // 23:30 GMT on the 25th: newest of the 25th
    ];
    for (const t of clockChange) fs.writeFileSync(path.join(october, nameAt(t)), '');
    pruneBackups(october, new Date('2026-10-26T08:00:00.000Z'), { keepDaily: 3, keepWeekly: 0 }, london);
    expect(fs.readdirSync(october).sort()).toEqual([nameAt('2026-10-24T22:30:00.000Z'), nameAt('2026-10-25T23:30:00.000Z')].sort());
  });
});

describe('rotation', () => {
  it('over a month of backups every six hours keeps the newest of each of the last 7 days and 4 ISO weeks', () => {
    const folder = tempDir();
    fs.writeFileSync(path.join(folder, 'notes.txt'), 'not a backup');
    fs.writeFileSync(path.join(folder, 'cryolog-copy-by-hand.sqlite'), 'not named by CryoLog');
    let now = new Date(0);
    for (let day = 20; day <= 55; day++) {
      for (const hour of [0, 6, 12, 18]) {
        now = new Date(Date.UTC(2026, 9, day, hour)); // from 20 October into November
        fs.writeFileSync(path.join(folder, backupFileName(now, 0, 'hourly')), '');
        pruneBackups(folder, now, { keepDaily: 7, keepWeekly: 4 }, UTC);
      }
    }
    // now: Tuesday 24 November 2026, 18:00. Days 18-24 November; ISO weeks starting Monday
    // 23, 16, 9 and 2 November (their newest: 24, 22, 15 and 8 November).
    expect(now.toISOString()).toBe('2026-11-24T18:00:00.000Z');
    const kept = ['08', '15', '18', '19', '20', '21', '22', '23', '24'].map((d) => `cryolog-202611${d}-180000+0000-hourly.sqlite`);
    expect(fs.readdirSync(folder).sort()).toEqual([...kept, 'cryolog-copy-by-hand.sqlite', 'notes.txt'].sort());
  });
});

describe('checkBackupFile and restore', () => {
  it('refuses random bytes, a foreign SQLite file and a newer schema, and says why', () => {
    const dir = tempDir();
    const random = path.join(dir, 'random.sqlite');
    fs.writeFileSync(random, crypto.randomBytes(64 * 1024));
    expect(checkBackupFile(random)).toMatchObject({ ok: false, problems: [expect.stringMatching(/cannot be read|damaged/)] });

    const foreign = path.join(dir, 'foreign.sqlite');
    const f = new Database(foreign);
    f.exec('CREATE TABLE notes (text TEXT)');
    f.close();
    expect(checkBackupFile(foreign)).toMatchObject({ ok: false, problems: [expect.stringMatching(/not a CryoLog database/)] });
  });

  it('restores a backup: the current database is kept aside and the records are the backup\'s', async () => {
    const { ctx, dbPath, sessionId } = withS1();
    const folder = tempDir();
    const backup = await runBackup(ctx.db!, { folder, now: () => new Date(NOW), offsetMinutes: UTC, reason: 'manual' });
    // After the backup: a second session the backup does not hold.
    const later = call(ctx, 'importSession', { document: JSON.parse(fs.readFileSync(fixtureFile('S2'), 'utf8')) });
    const sessionsAfter = count(ctx.db!, 'session');
    closeContext(ctx);

    const restored = await restoreBackup(dbPath, backup.file, { now: () => new Date('2026-03-11T08:00:00.000Z') });
    expect(restored.keptAside).toBe(`${dbPath}.before-restore-2026-03-11T08-00-00-000Z`);
    if (process.platform !== 'win32') expect(modeOf(dbPath)).toBe(0o600);

    const back = testContext({ dbPath, clock: fixedClock(NOW) });
    expect(call(back, 'listSessions', { limit: 100 }).map((s) => s.id)).toEqual([sessionId]);
    const aside = new Database(restored.keptAside!, { readonly: true });
    try {
      expect(count(aside, 'session')).toBe(sessionsAfter);
      expect(aside.prepare('SELECT id FROM session WHERE id = ?').pluck().get(later.sessionId)).toBe(later.sessionId);
    } finally {
      aside.close();
    }
  });

  it('restores where the database was deleted but its -wal was left: the stray journal is kept aside, never replayed, and the app opens', async () => {
    const { ctx, dbPath, sessionId } = withS1();
    const backup = await runBackup(ctx.db!, { folder: tempDir(), now: () => new Date(NOW), offsetMinutes: UTC, reason: 'manual' });
    call(ctx, 'importSession', { document: JSON.parse(fs.readFileSync(fixtureFile('S2'), 'utf8')) });
    const wal = fs.readFileSync(`${dbPath}-wal`);
    closeContext(ctx);
    fs.rmSync(dbPath);
    fs.writeFileSync(`${dbPath}-wal`, wal); // someone moved the database away; its journal stayed

    const restored = await restoreBackup(dbPath, backup.file, { now: () => new Date('2026-03-11T08:00:00.000Z') });
    expect(restored.keptAside).toBeNull();
    expect(fs.existsSync(`${dbPath}-wal`)).toBe(false);
    expect(fs.readFileSync(`${dbPath}.stray-wal-2026-03-11T08-00-00-000Z`).equals(wal)).toBe(true);
    const back = testContext({ dbPath, clock: fixedClock(NOW) });
    expect(back.startup).toEqual({ state: 'ready' });
    expect(call(back, 'listSessions', { limit: 100 }).map((s) => s.id)).toEqual([sessionId]);
  });

  it('refuses a corrupt backup and one from a newer CryoLog, and leaves the database untouched', async () => {
    const { ctx, dbPath } = withS1();
    const folder = tempDir();
    const good = await runBackup(ctx.db!, { folder, now: () => new Date(NOW), offsetMinutes: UTC, reason: 'manual' });
    closeContext(ctx);
    const before = fs.readFileSync(dbPath);

    const corrupt = path.join(folder, 'corrupt.sqlite');
    fs.copyFileSync(good.file, corrupt);
    const fd = fs.openSync(corrupt, 'r+');
    fs.writeSync(fd, crypto.randomBytes(8192), 0, 8192, 4096); // pages 2-3 overwritten
    fs.closeSync(fd);
    await expect(restoreBackup(dbPath, corrupt, { now: () => new Date(NOW) })).rejects.toThrow(/^Not restored/);

    const newer = path.join(folder, 'newer.sqlite');
    fs.copyFileSync(good.file, newer);
    const raw = new Database(newer);
    raw.pragma('user_version = 999');
    raw.close();
    await expect(restoreBackup(dbPath, newer, { now: () => new Date(NOW) })).rejects.toThrow(/newer CryoLog \(schema 999/);

    expect(fs.readFileSync(dbPath).equals(before)).toBe(true);
    expect(fs.readdirSync(path.dirname(dbPath)).filter((n) => n.includes('before-restore') || n.includes('restoring'))).toEqual([]);
  });

  it('refuses while the database is open elsewhere (CryoLog running)', async () => {
    const { ctx, dbPath } = withS1();
    const good = await runBackup(ctx.db!, { folder: tempDir(), now: () => new Date(NOW), offsetMinutes: UTC, reason: 'manual' });
    await expect(restoreBackup(dbPath, good.file, { now: () => new Date(NOW) })).rejects.toThrow(/in use/);
    expect(call(ctx, 'listSessions', { limit: 100 })).toHaveLength(1);
  });
});

describe('backup channels and hooks', () => {
  it('a sign-off starts a backup in the background; its result is in getBackupStatus with the file listed', async () => {
    const { ctx, dbPath, sessionId } = withS1();
    expect(call(ctx, 'getBackupStatus', {})).toMatchObject({ lastResult: null, folder: path.join(path.dirname(dbPath), 'backups'), backups: [] });
    call(ctx, 'signSession', { sessionId, secret: TEST_PIN });
    const running = backupInBackground(ctx, 'manual');
    expect(running.started).toBe(false); // the sign-off's backup is under way
    await running.done;
    const status = call(ctx, 'getBackupStatus', {});
    expect(status).toMatchObject({ lastResult: 'ok', lastError: null, running: null, lastSuccessAt: NOW });
    expect(status.backups.map((b) => b.fileName)).toEqual(['cryolog-20260310-103000+0000-sign-off.sqlite']);
    expect(call(ctx, 'checkBackupFile', { fileName: 'cryolog-20260310-103000+0000-sign-off.sqlite' })).toMatchObject({ ok: true, sessions: 1, problems: [] });
  });

  it('a backup folder that cannot be reached is reported in the status, not to the clinician', async () => {
    const { ctx } = withS1();
    const absent = path.join(tempDir(), 'offline-share');
    call(ctx, 'saveBackupSettings', { value: { folder: absent, keepDaily: 7, keepWeekly: 4, hourly: true } });
    expect(call(ctx, 'runBackupNow', {})).toEqual({ started: true });
    await backupInBackground(ctx, 'manual').done;
    expect(call(ctx, 'getBackupStatus', {})).toMatchObject({ lastResult: 'failed', lastError: expect.stringContaining('cannot be reached'), lastSuccessAt: null, backups: [] });
  });

  it('checkBackupFile takes only a backup name, never a path', () => {
    const { ctx } = withS1();
    const r = dispatch(ctx, 'checkBackupFile', { fileName: '../cryolog.sqlite' });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
  });
});
