// A database FILE that this account may read but not write (the folder is writable): a
// startup screen that says so and what to do, and the file untouched, with no -wal or -shm
// created beside it. Root writes through any mode bits, so as root the opening runs in a child
// process as the unprivileged account "nobody"; otherwise a plain chmod makes the case.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeContext, createContext } from '../../electron/main/context';
import { dispatch } from '../../electron/main/ipc/dispatch';
import type { StartupStatus } from '../../shared/ipc/contract';
import { fixedClock, quietLog, tempDir } from '../helpers/tempDir';

const CHILD = path.join(__dirname, 'children', 'openStartup.ts');
const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;
if (!asRoot) console.warn('Skipping the read-only file owned by another account: making one needs root (CI runs it); the chmod case runs.');

function databaseWithARecord(dir: string): string {
  const file = path.join(dir, 'cryolog.sqlite');
  const ctx = createContext({ dbPath: file, appVersion: 'test', systemActor: 'test:read-only', clock: fixedClock(), log: quietLog });
  dispatch(ctx, 'createPatient', {});
  closeContext(ctx);
  return file;
}

/** The startup status as this account (not root) sees it. */
function startupAsUser(file: string): StartupStatus {
  if (!asRoot) {
    const ctx = createContext({ dbPath: file, appVersion: 'test', log: quietLog });
    closeContext(ctx);
    return ctx.startup;
  }
  const out = execFileSync('setpriv', [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', process.execPath, '--import', 'tsx', CHILD, file], {
    env: { ...process.env, HOME: path.dirname(path.dirname(file)) },
    encoding: 'utf8',
  });
  return JSON.parse(out) as StartupStatus;
}

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe(`a read-only database file (${asRoot ? 'as the account nobody, from root' : 'chmod'})`, () => {
  it('made read-only by someone (0444, the account\u2019s own file): the read-only screen, the file untouched and still read-only, nothing created beside it', () => {
    const dir = tempDir();
    const file = databaseWithARecord(path.join(dir, 'data'));
    if (asRoot) execFileSync('chown', ['-R', `${NOBODY}:${NOBODY}`, dir]);
    fs.chmodSync(file, 0o444);
    const before = sha(file);

    const startup = startupAsUser(file);
    expect(startup).toMatchObject({ state: 'failed', problem: 'DB_READ_ONLY', title: 'The record database is read-only', dbPath: file });
    expect(startup.state === 'failed' && startup.message).toBe(`The database file ${file} is read-only for this user (EACCES), so nothing could be saved. Nothing was changed.`);
    expect(startup.state === 'failed' && startup.whatToDo).toMatch(/Ask IT to give your account write access/);
    expect(sha(file)).toBe(before);
    // Never made writable behind the user's back.
    expect(fs.statSync(file).mode & 0o222).toBe(0);
    expect(fs.existsSync(`${file}-wal`) || fs.existsSync(`${file}-shm`)).toBe(false);
  });

  it.skipIf(!asRoot)('owned by another account (IT copied it in as root), in the user\u2019s own folder: the same screen, nothing created', () => {
    const dir = tempDir();
    const file = databaseWithARecord(path.join(dir, 'data'));
    execFileSync('chown', [`${NOBODY}:${NOBODY}`, dir, path.dirname(file)]);
    fs.chmodSync(file, 0o644); // root's file, readable by all
    const before = sha(file);
    const startup = startupAsUser(file);
    expect(startup).toMatchObject({ state: 'failed', problem: 'DB_READ_ONLY' });
    expect(startup.state === 'failed' && startup.message).toContain('is read-only for this user (EACCES)');
    expect(sha(file)).toBe(before);
    expect(fs.existsSync(`${file}-wal`) || fs.existsSync(`${file}-shm`)).toBe(false);
  });
});
