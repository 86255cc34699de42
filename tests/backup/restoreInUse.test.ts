// Restore's "in use" check against real programs: a database another process has open (idle,
// WAL) is refused; the -wal and -shm a killed process left behind are not taken for one, the
// restore goes ahead, and that -wal is never replayed into the restored file (its committed
// entries are in the database kept aside).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { closeContext } from '../../electron/main/context';
import { signedInContext } from '../helpers/testClinician';
import { dispatch } from '../../electron/main/ipc/dispatch';
import { runBackup } from '../../electron/main/backup/runBackup';
import { restoreBackup } from '../../electron/main/backup/restoreBackup';
import { fixedClock, quietLog, tempDir } from '../helpers/tempDir';
import { fixtureFile } from '../tools/sessionFixtures';

const CHILD = path.join(__dirname, 'children', 'holdDatabase.ts');
const NOW = '2026-03-10T10:30:00.000Z';
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

/** Starts the holder and resolves with the session id it committed, once it has. */
function holdOpen(dbPath: string): Promise<{ child: ChildProcess; sessionId: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dbPath, fixtureFile('S2')], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /^ready (\S+)$/m.exec(out);
      if (m) resolve({ child, sessionId: m[1]! });
    });
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`holder exited (${code}) before it was ready: ${err}`)));
  });
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/** A database holding S1 and a verified backup of it. */
async function databaseWithBackup() {
  const dbPath = path.join(tempDir(), 'cryolog.sqlite');
  const ctx = signedInContext({ dbPath, appVersion: 'test', log: quietLog, clock: fixedClock(NOW) });
  const r = dispatch(ctx, 'importSession', { document: JSON.parse(fs.readFileSync(fixtureFile('S1'), 'utf8')) });
  if (!r.ok) throw new Error(r.error.message);
  const backup = await runBackup(ctx.db!, { folder: tempDir(), now: () => new Date(NOW), offsetMinutes: () => 0, reason: 'manual' });
  closeContext(ctx);
  return { dbPath, backup: backup.file, s1: (r.data as { sessionId: string }).sessionId };
}

const sessionIds = (file: string): string[] => {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT id FROM session ORDER BY id').pluck().all() as string[];
  } finally {
    db.close();
  }
};

describe('restore: is the database in use?', () => {
  it('refuses while another process has the database open (idle, WAL), and changes nothing', async () => {
    const { dbPath, backup, s1 } = await databaseWithBackup();
    const { child, sessionId: s2 } = await holdOpen(dbPath);
    const before = fs.readdirSync(path.dirname(dbPath)).sort();

    await expect(restoreBackup(dbPath, backup, { now: () => new Date(NOW) })).rejects.toThrow(
      /^Not restored: the database is in use \(CryoLog or another program has it open\)\. Close CryoLog.*Nothing was changed\.$/,
    );
    expect(fs.readdirSync(path.dirname(dbPath)).sort()).toEqual(before); // nothing moved aside, no temporary copy

    await killed(child);
    expect(sessionIds(dbPath).sort()).toEqual([s1, s2].sort());
  }, 30_000);

  it('a -wal and -shm left by a killed process do not block the restore, and the -wal is not replayed into the restored file', async () => {
    const { dbPath, backup, s1 } = await databaseWithBackup();
    const { child, sessionId: s2 } = await holdOpen(dbPath);
    await killed(child);
    // The killed program's committed import is only in the -wal it left behind.
    expect(fs.statSync(`${dbPath}-wal`).size).toBeGreaterThan(0);
    expect(fs.existsSync(`${dbPath}-shm`)).toBe(true);

    const result = await restoreBackup(dbPath, backup, { now: () => new Date('2026-03-11T08:00:00.000Z') });

    expect(fs.existsSync(`${dbPath}-wal`)).toBe(false);
    expect(fs.existsSync(`${dbPath}-shm`)).toBe(false);
    expect(sessionIds(dbPath)).toEqual([s1]);
    // Nothing committed is lost: the kept-aside database holds the killed program's import.
    expect(sessionIds(result.keptAside!).sort()).toEqual([s1, s2].sort());
  }, 30_000);
});
