import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/main/ipc/dispatch';
import type { Ctx } from '../../electron/main/context';
import { CHANNELS, type Channel } from '../../shared/ipc/channels';
import { CHANNEL_ACCESS } from '../../shared/ipc/access';
import type { Req, Res } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';
import { hashSecret, verifySecret, DEFAULT_HASH_COST } from '../../electron/main/auth/secretHash';
import { secretProblem } from '../../shared/auth/policy';
import { fixedClock, tempDir, testContext } from '../helpers/tempDir';
import { dbSnapshot } from '../helpers/dbSnapshot';
import { OTHER_ADMIN, SIGNER, TEST_ADMIN, TEST_PIN, switchToNewAccount } from '../helpers/testClinician';
import { fixtureFile } from '../tools/sessionFixtures';

function call<C extends Channel>(ctx: Ctx, channel: C, request: Req<C>): Res<C> {
  const r = dispatch(ctx, channel, request) as Result<Res<C>>;
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.data;
}
function refusal(r: Result<unknown>): { code: string; message: string } {
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
}

const NURSE = { ...TEST_ADMIN, username: 'synthetic.nurse', displayName: 'Synthetic Nurse', jobTitle: 'Clinical nurse specialist', registrationBody: 'nmc', registrationNumber: '00A0000A', role: 'clinician', secret: '615283' } as const;

/** An account as updateAccount takes it. */
function editable(a: Res<'listAccounts'>[number]): Req<'updateAccount'> {
  return { id: a.id, displayName: a.displayName, jobTitle: a.jobTitle, registrationBody: a.registrationBody, registrationNumber: a.registrationNumber, role: a.role, active: a.active };
}

/** A context whose idle clock the test moves. */
function contextWithMonotonic(options: { clock?: ReturnType<typeof fixedClock> } = {}) {
  let t = 1_000;
  const ctx = testContext({ ...options, monotonicMs: () => t });
  return { ctx, advanceMinutes: (m: number) => (t += m * 60_000) };
}

describe('PIN and password hashes (scrypt)', () => {
  it('stores the shipped cost and a fresh salt, verifies the right PIN only, and never keeps the PIN', () => {
    const a = hashSecret('482913');
    const b = hashSecret('482913');
    expect(a).toMatch(new RegExp(`^scrypt\\$${DEFAULT_HASH_COST}\\$8\\$1\\$[A-Za-z0-9+/=]{24}\\$[A-Za-z0-9+/=]{44}$`));
    expect(a).not.toBe(b);
    expect(a).not.toContain('482913');
    expect(verifySecret('482913', a)).toBe(true);
    expect(verifySecret('482914', a)).toBe(false);
    expect(verifySecret('482913', 'plain:482913')).toBe(false);
  });

  it.each([
    ['pin', '12345', /6 to 12 digits/],
    ['pin', '12a456', /digits only/],
    ['pin', '777777', /one digit repeated/],
    ['pin', '123456', /run like 123456/],
    ['pin', '987654', /run like/],
    ['password', 'short one', /at least 10 characters/],
    ['password', ' padded password ', /start or end with a space/],
  ] as const)('refuses the %s "%s" with what to choose instead', (kind, secret, message) => {
    expect(secretProblem(kind, secret)).toMatch(message);
  });

  it('accepts a 6-digit PIN that is not a pattern and a long passphrase', () => {
    expect(secretProblem('pin', '482913')).toBeNull();
    expect(secretProblem('password', 'correct horse battery')).toBeNull();
  });

  it('keeps no PIN in the database file, only its hash', () => {
    const dbPath = path.join(tempDir(), 'cryolog.sqlite');
    const ctx = testContext({ dbPath });
    ctx.db!.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = fs.readFileSync(dbPath).toString('latin1');
    expect(bytes).toContain('scrypt$');
    expect(bytes).not.toContain(TEST_PIN);
  });
});

describe('first run', () => {
  it('creates the first administrator and signs them in; a second first-run is refused', () => {
    const ctx = testContext({ signedIn: false });
    expect(call(ctx, 'getAuthState', {})).toMatchObject({ accountsExist: false, user: null, lockedBy: null, autoLockMinutes: 5 });
    const state = call(ctx, 'createFirstAdmin', TEST_ADMIN);
    expect(state).toMatchObject({ accountsExist: true, user: { username: 'test.consultant', role: 'admin', active: true } });
    const again = refusal(dispatch(ctx, 'createFirstAdmin', { ...TEST_ADMIN, username: 'intruder' }));
    expect(again.code).toBe('FORBIDDEN');
    expect(again.message).toMatch(/already has an administrator/);
    expect(call(ctx, 'listAccounts', {})).toHaveLength(1);
  });

  it('refuses a weak PIN or a registration number without its body, saying what to change', () => {
    const ctx = testContext({ signedIn: false });
    const weak = refusal(dispatch(ctx, 'createFirstAdmin', { ...TEST_ADMIN, secret: '111111' }));
    expect(weak.code).toBe('INVALID_PAYLOAD');
    expect(weak.message).toMatch(/one digit repeated/);
    const half = refusal(dispatch(ctx, 'createFirstAdmin', { ...TEST_ADMIN, registrationBody: null }));
    expect(half.message).toMatch(/both the registration body and the number, or neither/);
    expect(call(ctx, 'getAuthState', {}).accountsExist).toBe(false);
  });
});

describe('what a signed-out, a clinician and an administrator may do', () => {
  const example = (ctx: Ctx): Partial<Record<Channel, unknown>> => ({ listPatients: { limit: 5 }, saveRuleConfig: { config: call(ctx, 'getRuleConfig', {}).config } });

  it('signed out: every channel but the public ones answers SIGNED_OUT and writes nothing', () => {
    const ctx = testContext();
    call(ctx, 'signOut', {});
    const before = dbSnapshot(ctx.db!);
    for (const channel of CHANNELS.filter((c) => CHANNEL_ACCESS[c] !== 'public')) {
      const r = refusal(dispatch(ctx, channel, {}));
      expect(r.code, channel).toBe('SIGNED_OUT');
      expect(r.message).toBe('Nobody is signed in. Sign in to use CryoLog.');
    }
    expect(dbSnapshot(ctx.db!)).toEqual(before);
  });

  it('a clinician records but cannot change accounts or service settings (ADMIN_ONLY), and nothing is written', () => {
    const ctx = testContext();
    const requests = example(ctx);
    switchToNewAccount(ctx, NURSE);
    expect(call(ctx, 'listPatients', { limit: 5 })).toEqual([]);
    const before = dbSnapshot(ctx.db!);
    for (const channel of CHANNELS.filter((c) => CHANNEL_ACCESS[c] === 'admin')) {
      const r = refusal(dispatch(ctx, channel, requests[channel] ?? {}));
      expect(r.code, channel).toBe('ADMIN_ONLY');
      expect(r.message).toMatch(/Only an administrator can do this/);
    }
    expect(dbSnapshot(ctx.db!)).toEqual(before);
  });

  it('an account made clinician or deactivated by an administrator loses that access on its next request', () => {
    const ctx = testContext();
    const admin = call(ctx, 'getAuthState', {}).user!;
    switchToNewAccount(ctx, { ...OTHER_ADMIN });
    call(ctx, 'updateAccount', { ...editable(admin), role: 'clinician', active: true });
    call(ctx, 'signIn', { username: TEST_ADMIN.username, secret: TEST_PIN });
    expect(refusal(dispatch(ctx, 'listAccounts', {})).code).toBe('ADMIN_ONLY');
    const other = call(ctx, 'getAuthState', {}).user!;
    expect(other.username).toBe(TEST_ADMIN.username);
    call(ctx, 'signIn', { username: OTHER_ADMIN.username, secret: OTHER_ADMIN.secret });
    call(ctx, 'updateAccount', { ...editable(admin), role: 'clinician', active: false });
    const r = refusal(dispatch(ctx, 'signIn', { username: TEST_ADMIN.username, secret: TEST_PIN }));
    expect(r.message).toMatch(/no active account with that user name/);
  });

  it('never leaves the service without an administrator', () => {
    const ctx = testContext();
    const me = call(ctx, 'getAuthState', {}).user!;
    for (const change of [{ role: 'clinician' as const, active: true }, { role: 'admin' as const, active: false }]) {
      const r = refusal(dispatch(ctx, 'updateAccount', { ...editable(me), ...change }));
      expect(r.message).toBe('CryoLog needs at least one active administrator. Make another account an administrator first.');
    }
    expect(call(ctx, 'getAuthState', {}).user).toMatchObject({ role: 'admin', active: true });
  });
});

describe('wrong PINs', () => {
  it('counts them, holds the account for 5 minutes after the fifth, then lets the right PIN in', () => {
    const clock = fixedClock('2026-11-24T09:00:00.000Z');
    const ctx = testContext({ clock });
    call(ctx, 'signOut', {});
    const messages = [1, 2, 3, 4].map(() => refusal(dispatch(ctx, 'signIn', { username: TEST_ADMIN.username, secret: '000001' })).message);
    expect(messages).toEqual([
      'That PIN is not right. 4 tries left before the account is held for 5 minutes.',
      'That PIN is not right. 3 tries left before the account is held for 5 minutes.',
      'That PIN is not right. 2 tries left before the account is held for 5 minutes.',
      'That PIN is not right. 1 try left before the account is held for 5 minutes.',
    ]);
    const held = refusal(dispatch(ctx, 'signIn', { username: TEST_ADMIN.username, secret: '000001' }));
    expect(held).toMatchObject({ code: 'SIGN_IN_FAILED', message: expect.stringMatching(/^Too many wrong tries: this account is held until 09:05\./) });
    // Held: even the right PIN is not checked.
    expect(refusal(dispatch(ctx, 'signIn', { username: TEST_ADMIN.username, secret: TEST_PIN })).message).toMatch(/held until 09:05/);
    clock.advance(5 * 60_000 + 1);
    expect(call(ctx, 'signIn', { username: TEST_ADMIN.username, secret: TEST_PIN }).user?.username).toBe(TEST_ADMIN.username);
    const events = ctx.db!.prepare("SELECT actor, new_value FROM audit_log WHERE entity = 'sign-in' ORDER BY id").all() as { actor: string; new_value: string }[];
    expect(events.map((e) => JSON.parse(e.new_value).event)).toEqual(['signed out', 'wrong PIN', 'wrong PIN', 'wrong PIN', 'wrong PIN', 'wrong PIN; held for 5 minutes', 'signed in']);
    expect(events[1]!.actor).toBe('(not signed in)');
  });

  it('an administrator’s new PIN lifts the hold', () => {
    const ctx = testContext();
    const nurse = (switchToNewAccount(ctx, NURSE), call(ctx, 'getAuthState', {}).user!);
    call(ctx, 'signIn', { username: TEST_ADMIN.username, secret: TEST_PIN });
    for (let i = 0; i < 5; i++) dispatch(ctx, 'signIn', { username: NURSE.username, secret: '000001' });
    call(ctx, 'signIn', { username: TEST_ADMIN.username, secret: TEST_PIN });
    expect(call(ctx, 'listAccounts', {}).find((a) => a.id === nurse.id)?.heldUntil).not.toBeNull();
    expect(call(ctx, 'resetAccountSecret', { id: nurse.id, next: { secretKind: 'pin', secret: '390571' } }).heldUntil).toBeNull();
    expect(call(ctx, 'signIn', { username: NURSE.username, secret: '390571' }).user?.username).toBe(NURSE.username);
  });
});

describe('the automatic lock (main process backstop)', () => {
  it('locks after the idle time plus the grace, keeping whose screen it is; the same PIN unlocks', () => {
    const { ctx, advanceMinutes } = contextWithMonotonic();
    call(ctx, 'createPatient', {});
    advanceMinutes(5 + 2 - 0.1);
    expect(call(ctx, 'listPatients', { limit: 5 })).toHaveLength(1); // still within the time: and this request is use
    advanceMinutes(7.1);
    const r = refusal(dispatch(ctx, 'listPatients', { limit: 5 }));
    expect(r).toEqual({ code: 'SIGNED_OUT', message: 'CryoLog is locked. Sign in again to go on; what you were entering is still on screen.' });
    expect(call(ctx, 'getAuthState', {})).toMatchObject({ user: null, lockedBy: { username: TEST_ADMIN.username, displayName: TEST_ADMIN.displayName } });
    expect(call(ctx, 'signIn', { username: TEST_ADMIN.username, secret: TEST_PIN }).user?.username).toBe(TEST_ADMIN.username);
    expect(call(ctx, 'listPatients', { limit: 5 })).toHaveLength(1);
  });

  it('does not lock when the wall clock jumps (summer time, a corrected clock), only after real idle time', () => {
    const clock = fixedClock('2026-03-29T00:59:00.000Z');
    const { ctx } = contextWithMonotonic({ clock });
    clock.advance(3 * 60 * 60_000);
    expect(call(ctx, 'listPatients', { limit: 5 })).toEqual([]);
  });

  it('polling (backup status) does not count as use; the service can set the time', () => {
    const { ctx, advanceMinutes } = contextWithMonotonic();
    call(ctx, 'saveAutoLockMinutes', { minutes: 10 });
    advanceMinutes(11);
    call(ctx, 'getBackupStatus', {});
    advanceMinutes(1.1);
    expect(refusal(dispatch(ctx, 'getBackupStatus', {})).code).toBe('SIGNED_OUT');
    expect(refusal(dispatch(ctx, 'saveAutoLockMinutes', { minutes: 0 })).code).toBe('SIGNED_OUT');
  });
});

describe('signing asks for the PIN again, and the audit trail names the account', () => {
  function readyS1(ctx: Ctx): string {
    return call(ctx, 'importSession', { document: JSON.parse(fs.readFileSync(fixtureFile('S1'), 'utf8')) }).sessionId;
  }

  it('a wrong PIN signs nothing; the right one signs as the account, with its registration', () => {
    const ctx = testContext({ clock: fixedClock('2026-03-10T10:30:00.000Z') });
    const sessionId = readyS1(ctx);
    const wrong = refusal(dispatch(ctx, 'signSession', { sessionId, secret: '000001' }));
    expect(wrong).toMatchObject({ code: 'SIGN_IN_FAILED', message: 'That PIN is not right. 4 tries left before the account is held for 5 minutes.' });
    expect(call(ctx, 'getSignoff', { sessionId }).version).toBe(0);
    expect(call(ctx, 'signSession', { sessionId, secret: TEST_PIN })).toMatchObject({ version: 1, signer: SIGNER });
  });

  it('an account without a professional registration cannot sign', () => {
    const ctx = testContext({ clock: fixedClock('2026-03-10T10:30:00.000Z') });
    const sessionId = readyS1(ctx);
    switchToNewAccount(ctx, { ...NURSE, registrationBody: null, registrationNumber: null });
    const r = refusal(dispatch(ctx, 'signSession', { sessionId, secret: NURSE.secret }));
    expect(r).toMatchObject({ code: 'NOT_READY_TO_SIGN', message: expect.stringMatching(/no professional registration/) });
    expect(call(ctx, 'getSignoff', { sessionId }).version).toBe(0);
  });

  it('every entry after sign-in names the account; none holds a PIN or a hash', () => {
    const ctx = testContext();
    const patient = call(ctx, 'createPatient', {});
    switchToNewAccount(ctx, NURSE);
    call(ctx, 'saveFields', { entity: 'patient', id: patient.id, patch: { familyName: 'Audited' } });
    call(ctx, 'changeOwnSecret', { currentSecret: NURSE.secret, next: { secretKind: 'password', secret: 'a synthetic passphrase' } });
    const rows = ctx.db!.prepare('SELECT actor, entity, old_value, new_value FROM audit_log ORDER BY id').all() as { actor: string; entity: string; old_value: string | null; new_value: string | null }[];
    const byEntity = (e: string) => rows.filter((r) => r.entity === e).map((r) => r.actor);
    expect(byEntity('patient')).toEqual(['Dr Synthetic Consultant (test.consultant)', 'Synthetic Nurse (synthetic.nurse)']);
    const all = JSON.stringify(rows);
    for (const secret of [TEST_PIN, NURSE.secret, 'a synthetic passphrase', 'scrypt$']) expect(all).not.toContain(secret);
  });
});
