import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/main/ipc/dispatch';
import type { Ctx } from '../../electron/main/context';
import type { Channel } from '../../shared/ipc/channels';
import type { Req, Res } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';
import { fixedClock, tempDir, testContext } from '../helpers/tempDir';
import { TEST_ACTOR } from '../helpers/testClinician';

/** Calls dispatch and returns the data, failing the test on an error Result. */
function call<C extends Channel>(ctx: Ctx, channel: C, request: Req<C>): Res<C> {
  const r = dispatch(ctx, channel, request) as Result<Res<C>>;
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.data;
}

function errorOf(r: Result<unknown>) {
  if (r.ok) throw new Error('expected an error Result');
  return r.error;
}

function seedSession(ctx: Ctx) {
  const patient = call(ctx, 'createPatient', {});
  const session = call(ctx, 'startSession', { patientId: patient.id });
  const target = call(ctx, 'addRow', { entity: 'target', parentId: session.id });
  const cycle = call(ctx, 'addRow', { entity: 'cycle', parentId: target.id });
  return { patient, session, target, cycle };
}

describe('dispatch: the one boundary every request crosses', () => {
  it('answers an unknown channel with a Result, not a throw', () => {
    const ctx = testContext();
    expect(errorOf(dispatch(ctx, 'dropAllTables', {})).code).toBe('UNKNOWN_CHANNEL');
    expect(errorOf(dispatch(ctx, 42, {})).code).toBe('UNKNOWN_CHANNEL');
    expect(errorOf(dispatch(ctx, '__proto__', {})).code).toBe('UNKNOWN_CHANNEL');
  });

  it.each<[string, unknown]>([
    ['unknown key', { limit: 10, sql: 'DROP TABLE patient' }],
    ['wrong type', { limit: '10' }],
    ['not finite', { limit: Infinity }],
    ['NaN', { limit: NaN }],
    ['out of range', { limit: 100000 }],
    ['missing', {}],
    ['not an object', 'limit=10'],
    ['null', null],
  ])('rejects a payload with %s, naming the problem', (_, payload) => {
    const error = errorOf(dispatch(testContext(), 'listSessions', payload));
    expect(error.code).toBe('INVALID_PAYLOAD');
    expect(error.message).toMatch(/^This could not be saved: .+\. Correct the entry and it will save\.$/);
    expect(error.issues?.length).toBeGreaterThan(0);
  });

  it('bounds strings and refuses unknown fields in a save, and nothing already saved is harmed', () => {
    const ctx = testContext();
    const { patient } = seedSession(ctx);
    call(ctx, 'saveFields', { entity: 'patient', id: patient.id, patch: { familyName: 'Testpatient' } });
    const tooLong = dispatch(ctx, 'saveFields', { entity: 'patient', id: patient.id, patch: { familyName: 'x'.repeat(101) } });
    expect(errorOf(tooLong).code).toBe('INVALID_PAYLOAD');
    const sneaky = dispatch(ctx, 'saveFields', { entity: 'patient', id: patient.id, patch: { family_name: 'x', id: 'y' } });
    expect(errorOf(sneaky).code).toBe('INVALID_PAYLOAD');
    const wrongEntityField = dispatch(ctx, 'saveFields', { entity: 'patient', id: patient.id, patch: { tipTempC: -70 } });
    expect(errorOf(wrongEntityField).code).toBe('INVALID_PAYLOAD');
    const empty = dispatch(ctx, 'saveFields', { entity: 'patient', id: patient.id, patch: {} });
    expect(errorOf(empty).message).toContain('Nothing to save');
    expect(call(ctx, 'getPatient', { id: patient.id }).patient.familyName).toBe('Testpatient');
  });

  it('saves a field change with its audit entry and answers only after the commit', () => {
    const dbPath = path.join(tempDir(), 'cryolog.sqlite');
    const clock = fixedClock('2026-11-24T09:30:00.000Z');
    const ctx = testContext({ dbPath, clock });
    const { cycle, session } = seedSession(ctx);
    const saved = call(ctx, 'saveFields', { entity: 'cycle', id: cycle.id, patch: { tipTempC: -70.5, durationS: 90 } });
    expect(saved.savedAt).toBe('2026-11-24T09:30:00.000Z');

    // A second connection (another process could be looking) sees the committed row.
    const other = new Database(dbPath, { readonly: true });
    expect(other.prepare('SELECT duration_s, tip_temp_c FROM freeze_cycle WHERE id = ?').get(cycle.id)).toEqual({ duration_s: 90, tip_temp_c: -70.5 });
    const audit = other.prepare("SELECT action, field, old_value, new_value, session_id FROM audit_log WHERE entity = 'cycle' ORDER BY id").all();
    // Who: the operating-system account until CryoLog has its own sign-in.
    const actors = other.prepare('SELECT DISTINCT actor FROM audit_log').all();
    other.close();
    expect(audit).toEqual([
      { action: 'create', field: null, old_value: null, new_value: expect.stringContaining('"seq":1'), session_id: session.id },
      { action: 'update', field: 'durationS', old_value: 'null', new_value: '90', session_id: session.id },
      { action: 'update', field: 'tipTempC', old_value: 'null', new_value: '-70.5', session_id: session.id },
    ]);
    expect(actors).toEqual([{ actor: TEST_ACTOR }]);
  });

  it('writes no audit entry when a save changes nothing', () => {
    const ctx = testContext();
    const { patient } = seedSession(ctx);
    call(ctx, 'saveFields', { entity: 'patient', id: patient.id, patch: { givenName: 'Ada' } });
    call(ctx, 'saveFields', { entity: 'patient', id: patient.id, patch: { givenName: 'Ada' } });
    const count = ctx.db!.prepare("SELECT count(*) AS n FROM audit_log WHERE field = 'givenName'").get() as { n: number };
    expect(count.n).toBe(1);
  });

  it('saves a draft that breaks a clinical rule (the rule blocks sign-off, never saving)', () => {
    const ctx = testContext();
    const { cycle, patient, session } = seedSession(ctx);
    call(ctx, 'saveFields', { entity: 'cycle', id: cycle.id, patch: { tipTempC: 68, durationS: 900 } });
    call(ctx, 'saveFields', { entity: 'patient', id: patient.id, patch: { nhsNumber: '9990079197' } });
    const doc = call(ctx, 'getSession', { id: session.id });
    expect(doc.targets[0]!.cycles[0]).toMatchObject({ tipTempC: 68, durationS: 900 });
    expect(doc.patient.nhsNumber).toBe('9990079197');
  });

  it('answers NOT_FOUND with a message for a record that is not there', () => {
    const ctx = testContext();
    const error = errorOf(dispatch(ctx, 'getSession', { id: '00000000-0000-4000-8000-000000000000' }));
    expect(error).toEqual({ code: 'NOT_FOUND', message: expect.stringContaining('That session was not found') });
    expect(errorOf(dispatch(ctx, 'addRow', { entity: 'cycle', parentId: '00000000-0000-4000-8000-000000000000' })).code).toBe('NOT_FOUND');
  });

  it('removing a cycle closes the gap in the numbering and keeps the removed values in the audit trail', () => {
    const ctx = testContext();
    const { target, cycle: first, session } = seedSession(ctx);
    const second = call(ctx, 'addRow', { entity: 'cycle', parentId: target.id });
    const third = call(ctx, 'addRow', { entity: 'cycle', parentId: target.id });
    call(ctx, 'saveFields', { entity: 'cycle', id: first.id, patch: { tipTempC: -71 } });
    call(ctx, 'deleteRow', { entity: 'cycle', id: first.id });
    const cycles = call(ctx, 'getSession', { id: session.id }).targets[0]!.cycles;
    expect(cycles.map((c) => [c.id, c.seq])).toEqual([
      [second.id, 1],
      [third.id, 2],
    ]);
    const audit = ctx.db!.prepare("SELECT old_value FROM audit_log WHERE action = 'delete'").get() as { old_value: string };
    expect(JSON.parse(audit.old_value)).toMatchObject({ id: first.id, tipTempC: -71, seq: 1 });
  });

  it('lists sessions newest first with their patient and counts', () => {
    const clock = fixedClock('2026-11-24T09:00:00.000Z');
    const ctx = testContext({ clock });
    const a = seedSession(ctx);
    call(ctx, 'saveFields', { entity: 'patient', id: a.patient.id, patch: { familyName: 'Older', nhsNumber: '9990079196' } });
    clock.advance(60 * 60_000);
    const b = seedSession(ctx);
    call(ctx, 'addRow', { entity: 'cycle', parentId: b.target.id });
    const list = call(ctx, 'listSessions', { limit: 10 });
    expect(list.map((s) => [s.id, s.targetCount, s.cycleCount])).toEqual([
      [b.session.id, 1, 2],
      [a.session.id, 1, 1],
    ]);
    expect(list[1]).toMatchObject({ familyName: 'Older', nhsNumber: '9990079196' });
  });

  it('records the session start in the device time zone with its offset', () => {
    const ctx = testContext({ clock: fixedClock('2026-06-01T08:14:00.000Z', 60) });
    expect(seedSession(ctx).session.startedAt).toBe('2026-06-01T09:14:00+01:00');
  });

  it('the text export is built from the saved record', () => {
    const ctx = testContext();
    const { session, patient, target, cycle } = seedSession(ctx);
    call(ctx, 'saveFields', { entity: 'patient', id: patient.id, patch: { familyName: 'Testpatient', givenName: 'Ada', nhsNumber: '9990079196' } });
    call(ctx, 'saveFields', { entity: 'target', id: target.id, patch: { nerve: 'tibial', branch: 'soleus', side: 'right' } });
    call(ctx, 'saveFields', { entity: 'cycle', id: cycle.id, patch: { durationS: 106, tipTempC: null } });
    const out = call(ctx, 'exportSession', { sessionId: session.id, format: 'text' });
    expect(out.fileName).toMatch(/^2026-11-24_9990079196_[0-9a-f]{8}_draft\.txt$/);
    expect(out).toMatchObject({ status: 'draft', version: null, encoding: 'utf8' });
    expect(out.content).toContain('1. Right tibial nerve -> branch to soleus');
    expect(out.content).toMatch(/Site 1, cycle 1: 106 s, .*not recorded/);
  });
});

describe('when the database cannot be opened', () => {
  it('startup status explains the problem and every data channel answers DB_UNAVAILABLE', () => {
    const dbPath = path.join(tempDir(), 'cryolog.sqlite');
    fs.writeFileSync(dbPath, Buffer.alloc(8192, 0x42));
    const ctx = testContext({ dbPath });
    const status = call(ctx, 'getStartupStatus', {});
    expect(status).toMatchObject({ state: 'failed', problem: 'DB_CORRUPT', title: 'The record database is damaged', dbPath });
    expect(status.state === 'failed' && status.whatToDo).toMatch(/Do not delete the file/);
    expect(errorOf(dispatch(ctx, 'listSessions', { limit: 5 })).code).toBe('DB_UNAVAILABLE');
    expect(errorOf(dispatch(ctx, 'createPatient', {})).code).toBe('DB_UNAVAILABLE');
    expect(fs.readFileSync(dbPath).every((b) => b === 0x42)).toBe(true);
  });
});
