// "Repeat the targets of the last session" for a returning patient, on real SQLite: S1 of
// domain.md §5 (10 Mar 2026, three targets) is the earlier session, imported as the app does.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/main/ipc/dispatch';
import type { Ctx } from '../../electron/main/context';
import { copyTargets } from '../../electron/main/db/repos/repeatTargets';
import type { Channel } from '../../shared/ipc/channels';
import type { Req, Res } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';
import type { SessionDocument } from '../../shared/domain/model';
import { fixedClock, testContext } from '../helpers/tempDir';
import { fixtureFile } from '../tools/sessionFixtures';
import { TEST_PIN } from '../helpers/testClinician';

function call<C extends Channel>(ctx: Ctx, channel: C, request: Req<C>): Res<C> {
  const r = dispatch(ctx, channel, request) as Result<Res<C>>;
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.data;
}
const errorOf = (r: Result<unknown>) => (r.ok ? null : { code: r.error.code, message: r.error.message });

const DAY = 86_400_000;

/** S1 imported on its day, then the clock three months on, when the patient comes back. */
function returningPatient() {
  const clock = fixedClock('2026-03-10T10:30:00.000Z');
  const ctx = testContext({ clock });
  const s1 = call(ctx, 'importSession', { document: JSON.parse(fs.readFileSync(fixtureFile('S1'), 'utf8')) });
  clock.advance(91 * DAY);
  const today = call(ctx, 'startSession', { patientId: s1.patientId });
  const earlier = call(ctx, 'getSession', { id: s1.sessionId });
  return { ctx, clock, earlier, sessionId: today.id, patientId: s1.patientId };
}

/** A session of the patient started at a given moment, with targets placed as given. */
function sessionAt(ctx: Ctx, patientId: string, startedAt: string, targets: { nerve: 'median' | 'tibial'; branch: string }[], status?: 'entered-in-error') {
  const { id } = call(ctx, 'startSession', { patientId });
  call(ctx, 'saveFields', { entity: 'session', id, patch: { startedAt } });
  for (const t of targets) call(ctx, 'saveFields', { entity: 'target', id: call(ctx, 'addRow', { entity: 'target', parentId: id }).id, patch: { side: 'right', ...t } });
  if (status) call(ctx, 'markEnteredInError', { sessionId: id, reason: 'Wrong patient opened' });
  return id;
}

describe('repeating the last session’s targets', () => {
  it('offers the earlier session’s targets: its date and where each one was', () => {
    const { ctx, sessionId, earlier } = returningPatient();
    expect(call(ctx, 'getLastTargets', { sessionId })).toEqual({
      sessionId: earlier.session.id,
      startedAt: '2026-03-10T09:10:00+00:00',
      targets: [
        { seq: 1, side: 'left', nerve: 'musculocutaneous', branch: 'brachialis' },
        { seq: 2, side: 'left', nerve: 'musculocutaneous', branch: 'biceps-brachii' },
        { seq: 3, side: 'left', nerve: 'radial', branch: 'brachioradialis' },
      ],
    });
  });

  it('copies where and the technique in one change, never the device, a dose or anything observed, with audit entries', () => {
    const { ctx, sessionId, earlier } = returningPatient();
    expect(call(ctx, 'repeatLastTargets', { sessionId })).toEqual({ copied: 3, fromSessionId: earlier.session.id });

    const doc: SessionDocument = call(ctx, 'getSession', { id: sessionId });
    expect(doc.targets).toHaveLength(3);
    doc.targets.forEach((t, i) => {
      const was = earlier.targets[i]!;
      expect(t).toMatchObject({
        seq: i + 1,
        side: was.side,
        nerve: was.nerve,
        branch: was.branch,
        clinicalPattern: 'flexed-elbow',
        patientPosition: 'Supine, left arm abducted 60° on an arm board',
        approach: 'in-plane',
        laAgent: 'lidocaine',
        laConcPct: 1,
        stimVia: 'stimulating-cryoprobe',
        stimPulseWidthMs: 0.1,
        stimFrequencyHz: 2,
        // The earlier session's device, this needle's observations and doses: not copied.
        deviceId: null,
        depthMm: null,
        laVolumeMl: null,
        usUsed: null,
        stimUsed: null,
        stimThresholdMa: null,
        motorResponseSeen: null,
        muscleResponding: null,
        postFreezeRestim: null,
        stopMomentDone: null,
        stopMomentTime: null,
        stopMomentBy1: null,
        cycles: [],
      });
      expect(t.id).not.toBe(was.id);
    });
    // The earlier session is as it was.
    expect(call(ctx, 'getSession', { id: earlier.session.id })).toEqual(earlier);

    const audit = ctx.db!.prepare('SELECT action, entity, entity_id, field, new_value FROM audit_log WHERE session_id = ? ORDER BY id').all(sessionId) as {
      action: string;
      entity: string;
      entity_id: string;
      field: string | null;
      new_value: string;
    }[];
    const created = audit.filter((a) => a.entity === 'target');
    expect(created.map((a) => [a.action, a.entity_id])).toEqual(doc.targets.map((t) => ['create', t.id]));
    expect(JSON.parse(created[0]!.new_value)).toMatchObject({ side: 'left', nerve: 'musculocutaneous', branch: 'brachialis', deviceId: null });
    const repeated = audit.find((a) => a.field === 'targetsRepeated');
    expect(repeated && JSON.parse(repeated.new_value)).toEqual({ fromSessionId: earlier.session.id, count: 3 });
  });

  it('refuses when the session already has targets, and adds none', () => {
    const { ctx, sessionId } = returningPatient();
    call(ctx, 'addRow', { entity: 'target', parentId: sessionId });
    expect(errorOf(dispatch(ctx, 'repeatLastTargets', { sessionId }))).toEqual({
      code: 'INVALID_PAYLOAD',
      message: 'This session already has a target, so the last session’s targets were not copied. Add any others with “Add target” or a preset.',
    });
    expect(call(ctx, 'getSession', { id: sessionId }).targets).toHaveLength(1);
  });

  it('refuses for a first session, and never takes a session started later', () => {
    const { ctx, patientId } = returningPatient();
    const first = call(ctx, 'startSession', { patientId: call(ctx, 'createPatient', {}).id });
    expect(call(ctx, 'getLastTargets', { sessionId: first.id })).toBeNull();
    expect(errorOf(dispatch(ctx, 'repeatLastTargets', { sessionId: first.id }))).toEqual({
      code: 'NOT_FOUND',
      message: 'This patient has no earlier session with targets to repeat. Add the targets with “Add target” or a preset.',
    });
    // A session of S1's patient dated before S1: S1 is later, so it is not "the last session".
    const before = sessionAt(ctx, patientId, '2026-01-05T09:00:00+00:00', []);
    expect(call(ctx, 'getLastTargets', { sessionId: before })).toBeNull();
    expect(errorOf(dispatch(ctx, 'repeatLastTargets', { sessionId: before }))?.code).toBe('NOT_FOUND');
    expect(call(ctx, 'getSession', { id: before }).targets).toEqual([]);
  });

  it('takes the most recent earlier session with targets, comparing start times as instants, skipping one entered in error', () => {
    const { ctx, sessionId, patientId } = returningPatient();
    // 09:00 GMT is later than 09:30 BST (08:30 GMT), though it sorts first as text.
    const gmt = sessionAt(ctx, patientId, '2026-05-01T09:00:00+00:00', [{ nerve: 'tibial', branch: 'soleus' }]);
    sessionAt(ctx, patientId, '2026-05-01T09:30:00+01:00', [{ nerve: 'median', branch: 'fcr' }]);
    sessionAt(ctx, patientId, '2026-05-20T09:00:00+01:00', []);
    sessionAt(ctx, patientId, '2026-06-01T09:00:00+01:00', [{ nerve: 'median', branch: 'pronator-teres' }], 'entered-in-error');
    expect(call(ctx, 'getLastTargets', { sessionId })).toMatchObject({ sessionId: gmt, targets: [{ nerve: 'tibial', branch: 'soleus' }] });
    expect(call(ctx, 'repeatLastTargets', { sessionId })).toEqual({ copied: 1, fromSessionId: gmt });
  });

  it('refuses a signed session with a clear message (the database refuses it too), and copies under an amendment', () => {
    const { ctx, sessionId } = returningPatient();
    // Cancelled before the needle: signable without a target.
    call(ctx, 'saveFields', { entity: 'session', id: sessionId, patch: { status: 'not-done', statusReason: 'Patient unwell on the day' } });
    call(ctx, 'signSession', { sessionId, secret: TEST_PIN });
    expect(errorOf(dispatch(ctx, 'repeatLastTargets', { sessionId }))).toEqual({
      code: 'LOCKED',
      message: 'This session is signed, so no targets can be copied into it. To change it, start an amendment with a reason.',
    });
    const earlierId = call(ctx, 'getLastTargets', { sessionId })!.sessionId;
    expect(() => ctx.db!.transaction(() => copyTargets(ctx.db!, earlierId, sessionId, '2026-06-09T10:00:00.000Z', () => crypto.randomUUID()))()).toThrow(/CRYOLOG_LOCKED/);
    expect(call(ctx, 'getSession', { id: sessionId }).targets).toEqual([]);

    call(ctx, 'beginAmendment', { sessionId, reason: 'It went ahead after all' });
    expect(call(ctx, 'repeatLastTargets', { sessionId }).copied).toBe(3);
  });

  it('answers NOT_FOUND for a session that does not exist', () => {
    const { ctx } = returningPatient();
    const missing = '00000000-0000-4000-8000-000000000999';
    expect(errorOf(dispatch(ctx, 'getLastTargets', { sessionId: missing }))?.code).toBe('NOT_FOUND');
    expect(errorOf(dispatch(ctx, 'repeatLastTargets', { sessionId: missing }))?.code).toBe('NOT_FOUND');
  });
});
