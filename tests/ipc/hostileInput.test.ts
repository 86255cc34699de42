// Hostile input on every IPC channel (issue 6): whatever a compromised window, a broken script
// on the command line or a bad file sends, dispatch answers with a Result a person can read,
// never throws, and a refused request leaves the database exactly as it was. fast-check prints
// the seed and the shrunk payload of a failure; FC_SEED=<n> replays another run.
import fs from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/main/ipc/dispatch';
import type { Ctx } from '../../electron/main/context';
import { CHANNELS, type Channel } from '../../shared/ipc/channels';
import { contract, type Req, type Res } from '../../shared/ipc/contract';
import { ERROR_CODES, type Result } from '../../shared/ipc/result';
import { testContext } from '../helpers/tempDir';
import { fixtureFile } from '../tools/sessionFixtures';
import { dbSnapshot, writeCounter, type DbSnapshot } from '../helpers/dbSnapshot';
import { hostilePayload } from '../helpers/hostilePayloads';
import { expectReadableByAPerson } from '../helpers/readableMessage';
import { TEST_ADMIN, TEST_PIN } from '../helpers/testClinician';

const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : 20_261_124;
const RUNS_PER_CHANNEL = 60;

function call<C extends Channel>(ctx: Ctx, channel: C, request: Req<C>): Res<C> {
  const r = dispatch(ctx, channel, request) as Result<Res<C>>;
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.data;
}

/** A real database holding example session S1 (so ids exist) and the stored settings. */
function seeded() {
  // The save dialog is "cancelled": an accepted export request writes no file anywhere.
  const ctx: Ctx = { ...testContext(), chooseSavePath: () => null };
  const document = JSON.parse(fs.readFileSync(fixtureFile('S1'), 'utf8')) as Req<'importSession'>['document'];
  const { sessionId, patientId } = call(ctx, 'importSession', { document });
  const doc = call(ctx, 'getSession', { id: sessionId });
  const target = doc.targets[0]!;
  return {
    ctx,
    seed: {
      document,
      sessionId,
      patientId,
      targetId: target.id,
      cycleId: target.cycles[0]!.id,
      ruleConfig: call(ctx, 'getRuleConfig', {}).config,
      timerSettings: call(ctx, 'getTimerSettings', {}).settings,
      targetPresets: call(ctx, 'getTargetPresets', {}).presets,
      exportSettings: call(ctx, 'getExportSettings', {}).value,
      serviceInfo: call(ctx, 'getServiceInfo', {}).value,
      adminId: call(ctx, 'getAuthState', {}).user!.id,
    },
  };
}
type Seed = ReturnType<typeof seeded>['seed'];

const AT = '2026-03-10T09:20:00.000Z';
const UNKNOWN_JOB = '00000000-0000-4000-8000-0000000000aa';

/**
 * One valid request per channel, written by hand: the mutations start from it. Partial on
 * purpose: a new channel without an example fails below with a message saying what to add.
 */
const VALID_EXAMPLES: Partial<{ [C in Channel]: (s: Seed) => Req<C> }> = {
  getStartupStatus: () => ({}),
  getAppInfo: () => ({}),
  listSessions: () => ({ limit: 20, search: 'Ash' }),
  searchNotes: () => ({ limit: 20, text: 'burning pa' }),
  listPatients: () => ({ limit: 20 }),
  createPatient: () => ({}),
  getPatient: (s) => ({ id: s.patientId }),
  startSession: (s) => ({ patientId: s.patientId }),
  getSession: (s) => ({ id: s.sessionId }),
  addRow: (s) => ({ entity: 'cycle', parentId: s.targetId }),
  deleteRow: (s) => ({ entity: 'cycle', id: s.cycleId }),
  saveFields: (s) => ({ entity: 'patient', id: s.patientId, patch: { familyName: 'Testpatient', weightKg: 70 } }),
  acknowledgeWarning: (s) => ({
    sessionId: s.sessionId,
    ruleId: 'W01',
    entity: 'session',
    entityId: s.sessionId,
    field: null,
    reason: 'Synthetic reason',
    acknowledgedBy: 'Dr Synthetic Consultant',
  }),
  exportSession: (s) => ({ sessionId: s.sessionId, format: 'text' }),
  getSignoff: (s) => ({ sessionId: s.sessionId }),
  signSession: (s) => ({ sessionId: s.sessionId, secret: TEST_PIN }),
  beginAmendment: (s) => ({ sessionId: s.sessionId, reason: 'Synthetic correction' }),
  getSignedVersion: (s) => ({ sessionId: s.sessionId, version: 1 }),
  getRuleConfig: () => ({}),
  saveRuleConfig: (s) => ({ config: s.ruleConfig }),
  importSession: (s) => ({ document: s.document }),
  getTimer: (s) => ({ sessionId: s.sessionId }),
  timerPress: (s) => ({ sessionId: s.sessionId, targetId: s.targetId, expected: { phase: 'idle' }, siteNo: 1, at: AT }),
  timerHeartbeat: (s) => ({ sessionId: s.sessionId, at: AT }),
  resolveTimer: (s) => ({ sessionId: s.sessionId, action: 'discard' }),
  getTimerSettings: () => ({}),
  saveTimerSettings: (s) => ({ settings: s.timerSettings }),
  markEnteredInError: (s) => ({ sessionId: s.sessionId, reason: 'Synthetic: wrong patient' }),
  getTreatmentHistory: (s) => ({ patientId: s.patientId }),
  getTargetPresets: () => ({}),
  saveTargetPresets: (s) => ({ presets: s.targetPresets }),
  getLastTargets: (s) => ({ sessionId: s.sessionId }),
  repeatLastTargets: (s) => ({ sessionId: s.sessionId }),
  saveExport: (s) => ({ sessionId: s.sessionId, format: 'text', destination: 'save-dialog' }),
  getAftercareSheet: (s) => ({ sessionId: s.sessionId }),
  listSessionExports: (s) => ({ sessionId: s.sessionId }),
  getExportSettings: () => ({}),
  saveExportSettings: (s) => ({ value: s.exportSettings }),
  getServiceInfo: () => ({}),
  saveServiceInfo: (s) => ({ value: s.serviceInfo }),
  startBulkExport: () => ({ range: { from: '2026-03-01', to: '2026-03-31' }, format: 'csv', destination: 'save-dialog' }),
  stepBulkExport: () => ({ jobId: UNKNOWN_JOB }),
  cancelBulkExport: () => ({ jobId: UNKNOWN_JOB }),
  verifyAuditTrail: () => ({}),
  getBackupSettings: () => ({}),
  saveBackupSettings: () => ({ value: { folder: '', keepDaily: 7, keepWeekly: 4, hourly: true } }),
  getBackupStatus: () => ({}),
  runBackupNow: () => ({}),
  checkBackupFile: () => ({ fileName: 'cryolog-20261124-091000-manual.sqlite' }),
  getAuthState: () => ({}),
  createFirstAdmin: () => ({ ...TEST_ADMIN, username: 'second.admin' }),
  signIn: () => ({ username: TEST_ADMIN.username, secret: TEST_PIN }),
  lockScreen: () => ({ reason: 'button' }),
  signOut: () => ({}),
  reportActivity: () => ({}),
  changeOwnSecret: () => ({ currentSecret: TEST_PIN, next: { secretKind: 'password', secret: 'synthetic horse battery' } }),
  listAccounts: () => ({}),
  createAccount: () => ({ ...TEST_ADMIN, username: 'synthetic.nurse', role: 'clinician', displayName: 'Synthetic Nurse', registrationBody: 'nmc', registrationNumber: '00A0000A' }),
  updateAccount: (s) => ({ id: s.adminId, displayName: 'Dr Synthetic Consultant', jobTitle: 'Consultant', registrationBody: 'gmc', registrationNumber: '0000001', role: 'admin', active: true }),
  resetAccountSecret: (s) => ({ id: s.adminId, next: { secretKind: 'pin', secret: '739146' } }),
  saveAutoLockMinutes: () => ({ minutes: 10 }),
  // No backup of that name exists in the seeded folder: an accepted request is refused (nothing to restore), never started.
  previewRestore: () => ({ fileName: 'cryolog-20261124-091000+0000-manual.sqlite' }),
  startRestore: () => ({ fileName: 'cryolog-20261124-091000+0000-manual.sqlite' }),
  getRestoreStatus: () => ({}),
};

/**
 * The one refusal that writes, by design: a wrong PIN or password is counted (and audited) so
 * that guessing is held after a few tries. Such a refusal may change the account's counters and
 * add "sign-in" audit entries; nothing else.
 */
function onlyAttemptCounted(before: DbSnapshot, after: DbSnapshot, newAuditEntities: string[]): boolean {
  const rest = (x: DbSnapshot) => ({ ...x.tables, account: null, audit_log: null });
  return JSON.stringify(rest(before)) === JSON.stringify(rest(after)) && newAuditEntities.every((e) => e === 'sign-in');
}

const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();

function expectPrototypesClean(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
  expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  const probe = {} as Record<string, unknown>;
  for (const name of ['polluted', 'isAdmin', 'toString']) expect(probe[name]).toBe(Object.prototype[name as keyof object]);
}

afterAll(expectPrototypesClean);

describe('hostile input on every IPC channel', () => {
  it('has a valid example request for every channel, and each example passes its schema', () => {
    const missing = CHANNELS.filter((c) => !VALID_EXAMPLES[c]);
    expect(missing, `Add a valid example request for ${missing.join(', ')} to VALID_EXAMPLES in tests/ipc/hostileInput.test.ts`).toEqual([]);
    const { seed } = seeded();
    for (const channel of CHANNELS) {
      const parsed = contract[channel].req.safeParse(VALID_EXAMPLES[channel]!(seed));
      expect(parsed.error?.issues, `the example request of ${channel} is not valid`).toBeUndefined();
    }
  });

  it.each(CHANNELS.map((c, i) => [c, i] as const))('%s: never throws, refuses with a readable message, and a refusal writes nothing', (channel, index) => {
    const example = VALID_EXAMPLES[channel];
    if (!example) throw new Error(`Add a valid example request for ${channel} to VALID_EXAMPLES in tests/ipc/hostileInput.test.ts`);
    const { ctx, seed } = seeded();
    const valid = example(seed) as object;
    let before = dbSnapshot(ctx.db!);

    fc.assert(
      fc.property(hostilePayload(valid), ({ payload, alwaysInvalid }) => {
        const counter = writeCounter(ctx.db!);
        let answer: Result<unknown>;
        try {
          answer = dispatch(ctx, channel, payload);
        } catch (error) {
          throw new Error(`dispatch threw on ${channel}: ${String(error)}`, { cause: error });
        }
        const after = writeCounter(ctx.db!) === counter ? before : dbSnapshot(ctx.db!);
        // Text that looks like SQL is stored as text, even when accepted: no table is dropped or altered.
        expect(after.schema, `${channel} changed the database schema`).toBe(before.schema);
        if (answer.ok) {
          expect(alwaysInvalid, `${channel} accepted a payload no schema may accept`).toBe(false);
        } else {
          expect(ERROR_CODES).toContain(answer.error.code);
          if (alwaysInvalid) expect(answer.error.code).toBe('INVALID_PAYLOAD');
          expectReadableByAPerson(answer.error.message);
          for (const issue of answer.error.issues ?? []) expectReadableByAPerson(issue.message);
          if (answer.error.code === 'SIGN_IN_FAILED' && after !== before) {
            const added = ctx.db!.prepare('SELECT entity FROM audit_log WHERE id > ? ORDER BY id').pluck().all(before.auditRows) as string[];
            expect(onlyAttemptCounted(before, after, added), `${channel} refused a PIN but changed more than the attempt count`).toBe(true);
          } else {
            expect(after, `${channel} refused (${answer.error.code}) but the database changed`).toEqual(before);
          }
        }
        before = after;
      }),
      // A seed of its own per channel: not the same sixty payloads on every channel.
      { seed: SEED + index, numRuns: RUNS_PER_CHANNEL },
    );
    expectPrototypesClean();
  });
});

describe('messages that quote what was typed', () => {
  it('show a preset branch with a right-to-left override, a bell and a lone surrogate without them', () => {
    const { ctx, seed } = seeded();
    const before = dbSnapshot(ctx.db!);
    const branch = 'sol\u202Eeus\u0007\uD800';
    const answer = dispatch(ctx, 'saveTargetPresets', { presets: [{ side: 'left', nerve: 'median', branch }] });
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.message).toContain('has no branch “sol\uFFFDeus\uFFFD\uFFFD”');
    expectReadableByAPerson(answer.error.message);
    for (const issue of answer.error.issues ?? []) expectReadableByAPerson(issue.message);
    expect(dbSnapshot(ctx.db!)).toEqual(before);
    expect(call(ctx, 'getTargetPresets', {}).presets).toEqual(seed.targetPresets);
  });

  it('name an unknown field without repeating its name, however long or strange', () => {
    const { ctx, seed } = seeded();
    const key = `\u202E${'k'.repeat(100_000)}`;
    const answer = dispatch(ctx, 'getSession', { id: seed.sessionId, [key]: 1 });
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.message).toBe('This could not be saved: The request has a field CryoLog does not know. Correct the entry and it will save.');
  });
});

/** The hash must see a change: otherwise "nothing written" above would prove nothing. */
describe('the database snapshot', () => {
  it('changes when a field is saved or an audit row appears, and not on a read', () => {
    const { ctx, seed } = seeded();
    const first = dbSnapshot(ctx.db!);
    call(ctx, 'getSession', { id: seed.sessionId });
    expect(dbSnapshot(ctx.db!)).toEqual(first);
    call(ctx, 'saveFields', { entity: 'patient', id: seed.patientId, patch: { givenName: 'Margarey' } });
    const second = dbSnapshot(ctx.db!);
    expect(second.tables).not.toEqual(first.tables);
    expect(second.auditRows).toBeGreaterThan(first.auditRows);
  });
});
