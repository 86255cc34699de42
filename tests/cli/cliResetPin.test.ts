import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeContext, createContext, type Ctx } from '../../electron/main/context';
import { dispatch } from '../../electron/main/ipc/dispatch';
import { CLI_OUTPUT, ensureBuild } from '../helpers/ensureBuild';
import { fixedClock, quietLog } from '../helpers/tempDir';
import { signedInContext, TEST_ADMIN, TEST_HASH_COST } from '../helpers/testClinician';

// Every administrator has forgotten their PIN (or is held after wrong tries): IT sets a new one
// with the command line, which has the operating system's access to the file anyway.
let tmp: string;

beforeAll(() => {
  ensureBuild([CLI_OUTPUT]);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cryolog-resetpin-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function cryolog(args: string[], input: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: tmp, XDG_CONFIG_HOME: path.join(tmp, 'xdg') };
  delete env.CRYOLOG_DB;
  const r = spawnSync(process.execPath, [CLI_OUTPUT, ...args], { cwd: tmp, encoding: 'utf8', env, input });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A database whose only administrator is held after five wrong PINs. */
function heldAdmin(): string {
  const dbPath = path.join(fs.mkdtempSync(path.join(tmp, 'db-')), 'cryolog.sqlite');
  const ctx = signedInContext({ dbPath, appVersion: 'test', clock: fixedClock(), log: quietLog });
  dispatch(ctx, 'signOut', {});
  for (let i = 0; i < 5; i++) dispatch(ctx, 'signIn', { username: TEST_ADMIN.username, secret: '000001' });
  closeContext(ctx);
  return dbPath;
}

function signInWith(dbPath: string, secret: string): { ok: boolean; message?: string; ctx: Ctx } {
  const ctx = createContext({ dbPath, appVersion: 'test', clock: fixedClock(), log: quietLog, hashCost: TEST_HASH_COST });
  const r = dispatch(ctx, 'signIn', { username: TEST_ADMIN.username, secret });
  return r.ok ? { ok: true, ctx } : { ok: false, message: r.error.message, ctx };
}

describe('cryolog reset-pin', () => {
  it('sets a new PIN from standard input, lifts the hold, and the audit trail names the command line', () => {
    const dbPath = heldAdmin();
    const r = cryolog(['reset-pin', 'Test.Consultant', '--db', dbPath], '590317\n');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('New PIN set for Dr Synthetic Consultant (test.consultant); any hold after wrong tries is lifted.\n');
    const { ok, ctx } = signInWith(dbPath, '590317');
    try {
      expect(ok).toBe(true);
      const last = ctx.db!.prepare("SELECT actor, field, new_value FROM audit_log WHERE entity = 'account' ORDER BY id DESC LIMIT 1").get() as { actor: string; field: string; new_value: string };
      expect(last.actor).toBe(`cli:${os.userInfo().username}`);
      expect(last.field).toBe('secret');
      expect(last.new_value).not.toContain('590317');
    } finally {
      closeContext(ctx);
    }
  });

  it('refuses a weak PIN, an unknown user and an empty input, changing nothing', () => {
    const dbPath = heldAdmin();
    const weak = cryolog(['reset-pin', 'test.consultant', '--db', dbPath], '123456\n');
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/not changed: A PIN cannot be a run like 123456/);
    const unknown = cryolog(['reset-pin', 'nobody.here', '--db', dbPath], '590317\n');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/there is no account "nobody.here". The accounts are: test.consultant\./);
    const empty = cryolog(['reset-pin', 'test.consultant', '--db', dbPath], '');
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/give the new PIN or password on standard input/);
    const { ok, message, ctx } = signInWith(dbPath, TEST_ADMIN.secret);
    closeContext(ctx);
    expect(ok).toBe(false);
    expect(message).toMatch(/held until/);
  });

  it('never takes the PIN as an argument', () => {
    const r = cryolog(['reset-pin', 'test.consultant', '590317'], '');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/the new PIN is read from standard input, never from the command line/);
  });
});
