// `cryolog backup` and `cryolog restore` as IT runs them: the built out/main/cli.js in a child
// process, on a database with S1 imported.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeContext } from '../../electron/main/context';
import { dispatch } from '../../electron/main/ipc/dispatch';
import { CLI_OUTPUT, ensureBuild } from '../helpers/ensureBuild';
import { fixedClock, quietLog } from '../helpers/tempDir';
import { fixtureFile } from '../tools/sessionFixtures';
import { signedInContext } from '../helpers/testClinician';

let tmp: string;
let dbPath: string;

function cryolog(args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: tmp, USERPROFILE: tmp, XDG_CONFIG_HOME: path.join(tmp, 'xdg'), APPDATA: path.join(tmp, 'appdata') };
  delete env.CRYOLOG_DB;
  const r = spawnSync(process.execPath, [CLI_OUTPUT, ...args], { cwd: tmp, encoding: 'utf8', env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// Read-write on purpose: a read-only connection leaves the -shm behind, which restore takes for CryoLog running.
const sessions = (file: string) => {
  const db = new Database(file, { fileMustExist: true });
  try {
    return Number(db.prepare('SELECT count(*) FROM session').pluck().get());
  } finally {
    db.close();
  }
};

function importFixture(name: 'S1' | 'S2'): void {
  const ctx = signedInContext({ dbPath, appVersion: 'test', log: quietLog, clock: fixedClock('2026-03-10T10:30:00.000Z') });
  try {
    const r = dispatch(ctx, 'importSession', { document: JSON.parse(fs.readFileSync(fixtureFile(name), 'utf8')) });
    if (!r.ok) throw new Error(r.error.message);
  } finally {
    closeContext(ctx);
  }
}

beforeAll(() => {
  ensureBuild([CLI_OUTPUT]);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cryolog-cli-backup-'));
  dbPath = path.join(tmp, 'cryolog.sqlite');
  importFixture('S1');
}, 180_000);

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('cryolog backup and restore', () => {
  it('backup writes a verified copy beside the database (or into --to), prints its path, shows progress; exit 0', () => {
    const r = cryolog(['backup', '--db', dbPath]);
    expect(r.code).toBe(0);
    const file = r.stdout.trim();
    expect(path.dirname(file)).toBe(path.join(tmp, 'backups'));
    expect(path.basename(file)).toMatch(/^cryolog-\d{8}-\d{6}-manual\.sqlite$/);
    expect(r.stderr).toMatch(/cryolog backup: copied 100%/);
    expect(r.stderr).toMatch(/verified \(quick_check ok, 1 sessions\)/);
    expect(sessions(file)).toBe(1);

    const to = fs.mkdtempSync(path.join(tmp, 'share-'));
    const r2 = cryolog(['backup', '--db', dbPath, '--to', to]);
    expect(r2.code).toBe(0);
    expect(path.dirname(r2.stdout.trim())).toBe(to);
  });

  it('backup to a folder that is not there: exit 1, nothing written', () => {
    const r = cryolog(['backup', '--db', dbPath, '--to', path.join(tmp, 'unmounted')]);
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toMatch(/cannot be reached/);
    expect(fs.existsSync(path.join(tmp, 'unmounted'))).toBe(false);
  });

  it('restore puts the backup back and keeps the current database aside; a damaged file is refused (exit 1), a missing one is exit 2', () => {
    const backup = cryolog(['backup', '--db', dbPath]).stdout.trim();
    importFixture('S2');
    expect(sessions(dbPath)).toBe(2);

    const junk = path.join(tmp, 'junk.sqlite');
    fs.writeFileSync(junk, 'this is not a database at all, just some text');
    const refused = cryolog(['restore', junk, '--db', dbPath]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Not restored/);
    expect(sessions(dbPath)).toBe(2);
    expect(cryolog(['restore', path.join(tmp, 'no-such.sqlite'), '--db', dbPath]).code).toBe(2);

    const r = cryolog(['restore', backup, '--db', dbPath]);
    expect(r.code).toBe(0);
    const aside = /kept at (.+)\n$/.exec(r.stdout)?.[1] ?? '';
    expect(aside.startsWith(`${dbPath}.before-restore-`)).toBe(true);
    expect(sessions(aside)).toBe(2);
    expect(sessions(dbPath)).toBe(1);
    expect(r.stderr).toMatch(/copied 100%/);
  });

  it('the help lists both commands', () => {
    const help = cryolog(['--help']).stdout;
    expect(help).toContain('cryolog backup [--db <file>] [--to <folder>]');
    expect(help).toContain('cryolog restore <backup-file> [--db <file>]');
  });
});
