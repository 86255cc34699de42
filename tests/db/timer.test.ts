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

// The freeze-cycle timer through the real dispatch and a real SQLite file: each press writes
// the cycle's own fields (audited), a repeated press changes nothing, and a timer left running
// by a closed window keeps what was timed.

function call<C extends Channel>(ctx: Ctx, channel: C, request: Req<C>): Res<C> {
  const r = dispatch(ctx, channel, request) as Result<Res<C>>;
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.data;
}

const T0 = '2026-03-10T09:16:00+00:00';
const at = (s: number) => new Date(Date.parse(T0) + s * 1000).toISOString().replace('.000Z', '+00:00');

function sessionWithTarget(plannedFreezeS: number | null = 90, systemType: 'console' | 'handheld-fixed-cycle' = 'console') {
  const dbPath = path.join(tempDir(), 'cryolog.sqlite');
  const ctx = testContext({ dbPath, clock: fixedClock('2026-03-10T09:00:00.000Z') });
  const patient = call(ctx, 'createPatient', {});
  const session = call(ctx, 'startSession', { patientId: patient.id });
  const device = call(ctx, 'addRow', { entity: 'device', parentId: session.id });
  call(ctx, 'saveFields', { entity: 'device', id: device.id, patch: { systemType, ...(plannedFreezeS ? { plannedFreezeS } : {}) } });
  const target = call(ctx, 'addRow', { entity: 'target', parentId: session.id });
  return { ctx, dbPath, sessionId: session.id, targetId: target.id };
}

describe('freeze-cycle timer', () => {
  it('one key walks a cycle through freeze and thaw, writing start, end, duration, thaw and outcome itself', () => {
    const { ctx, sessionId, targetId } = sessionWithTarget(90);
    const press = (expected: Req<'timerPress'>['expected'], s: number) => call(ctx, 'timerPress', { sessionId, targetId, expected, siteNo: 1, at: at(s) });

    const start = press({ phase: 'idle' }, 0);
    expect(start).toMatchObject({ step: 'start-freeze', timer: { phase: 'freezing', plannedS: 90, phaseStartedAt: at(0) } });
    const cycleId = start.cycleId!;
    expect(call(ctx, 'getTimer', { sessionId })).toEqual(start.timer);

    const stop = press({ phase: 'freezing', cycleId }, 91);
    expect(stop).toMatchObject({ step: 'stop-freeze', durationS: 91, early: false, timer: { phase: 'thawing', phaseStartedAt: at(91) } });

    const thawed = press({ phase: 'thawing', cycleId }, 91 + 25);
    expect(thawed).toMatchObject({ step: 'end-thaw', thawS: 25, timer: null });
    expect(call(ctx, 'getTimer', { sessionId })).toBeNull();

    const cycle = call(ctx, 'getSession', { id: sessionId }).targets[0]!.cycles[0]!;
    expect(cycle).toMatchObject({ siteNo: 1, startedAt: at(0), endedAt: at(91), durationS: 91, thawS: 25, thawType: 'passive', outcome: 'completed' });
  });

  it('a second press that arrives before the first is answered makes no second cycle and no second stop', () => {
    const { ctx, sessionId, targetId } = sessionWithTarget(90);
    const req = { sessionId, targetId, siteNo: 1 };
    const first = call(ctx, 'timerPress', { ...req, expected: { phase: 'idle' }, at: at(0) });
    const again = call(ctx, 'timerPress', { ...req, expected: { phase: 'idle' }, at: at(0.3) });
    expect(again.step).toBe('duplicate');
    expect(again.timer).toEqual(first.timer);
    expect(call(ctx, 'getSession', { id: sessionId }).targets[0]!.cycles).toHaveLength(1);

    const cycleId = first.cycleId!;
    call(ctx, 'timerPress', { ...req, expected: { phase: 'freezing', cycleId }, at: at(90) });
    const bounce = call(ctx, 'timerPress', { ...req, expected: { phase: 'freezing', cycleId }, at: at(90.2) });
    expect(bounce.step).toBe('duplicate');
    expect(bounce.timer).toMatchObject({ phase: 'thawing', phaseStartedAt: at(90) });
    expect(call(ctx, 'getSession', { id: sessionId }).targets[0]!.cycles[0]).toMatchObject({ durationS: 90, thawS: null });
  });

  it('stopping clearly before the planned time leaves the outcome for the clinician to answer', () => {
    const { ctx, sessionId, targetId } = sessionWithTarget(90);
    const req = { sessionId, targetId, siteNo: 2 };
    const { cycleId } = call(ctx, 'timerPress', { ...req, expected: { phase: 'idle' }, at: at(0) });
    const stop = call(ctx, 'timerPress', { ...req, expected: { phase: 'freezing', cycleId: cycleId! }, at: at(42) });
    expect(stop).toMatchObject({ early: true, durationS: 42 });
    expect(call(ctx, 'getSession', { id: sessionId }).targets[0]!.cycles[0]).toMatchObject({ siteNo: 2, durationS: 42, outcome: null });
  });

  it('without a planned duration nothing counts as early, and the timer says there is no plan', () => {
    const { ctx, sessionId, targetId } = sessionWithTarget(null);
    const req = { sessionId, targetId, siteNo: 1 };
    const start = call(ctx, 'timerPress', { ...req, expected: { phase: 'idle' }, at: at(0) });
    expect(start.timer!.plannedS).toBeNull();
    expect(call(ctx, 'timerPress', { ...req, expected: { phase: 'freezing', cycleId: start.cycleId! }, at: at(10) })).toMatchObject({ early: false });
  });

  it('a window closed mid-freeze leaves the start saved and the last moment seen; ending there keeps what was timed', () => {
    const { ctx, sessionId, targetId } = sessionWithTarget(90);
    const { cycleId } = call(ctx, 'timerPress', { sessionId, targetId, siteNo: 1, expected: { phase: 'idle' }, at: at(0) });
    expect(call(ctx, 'timerHeartbeat', { sessionId, at: at(48) })).toEqual({ running: true });
    // ...the window closes. A new window asks:
    expect(call(ctx, 'getTimer', { sessionId })).toMatchObject({ cycleId, phase: 'freezing', phaseStartedAt: at(0), lastSeenAt: at(48) });
    expect(call(ctx, 'resolveTimer', { sessionId, action: 'end-at-last-seen' })).toEqual({ cycleId, durationS: 48, thawS: null });
    const cycle = call(ctx, 'getSession', { id: sessionId }).targets[0]!.cycles[0]!;
    expect(cycle).toMatchObject({ startedAt: at(0), endedAt: at(48), durationS: 48, outcome: null });
    expect(call(ctx, 'getTimer', { sessionId })).toBeNull();
    expect(call(ctx, 'timerHeartbeat', { sessionId, at: at(50) })).toEqual({ running: false });
  });

  it('every write of the timer is in the audit trail with "freeze timer" as the reason, and a later correction is audited too', () => {
    const { ctx, dbPath, sessionId, targetId } = sessionWithTarget(90);
    const { cycleId } = call(ctx, 'timerPress', { sessionId, targetId, siteNo: 1, expected: { phase: 'idle' }, at: at(0) });
    call(ctx, 'timerPress', { sessionId, targetId, siteNo: 1, expected: { phase: 'freezing', cycleId: cycleId! }, at: at(90) });
    call(ctx, 'saveFields', { entity: 'cycle', id: cycleId!, patch: { durationS: 88 } });
    const raw = new Database(dbPath, { readonly: true });
    try {
      const rows = raw.prepare("SELECT action, field, old_value, new_value, reason FROM audit_log WHERE entity = 'cycle' AND entity_id = ? ORDER BY id").all(cycleId) as Record<string, string | null>[];
      expect(rows.map((r) => [r.action, r.field, r.reason])).toEqual([
        ['create', null, 'freeze timer'],
        ['update', 'endedAt', 'freeze timer'],
        ['update', 'durationS', 'freeze timer'],
        ['update', 'outcome', 'freeze timer'],
        ['update', 'durationS', null],
      ]);
      expect(rows.at(-1)).toMatchObject({ old_value: '90', new_value: '88' });
    } finally {
      raw.close();
    }
  });

  it('refuses to start a cycle on a signed or entered-in-error session', () => {
    const { ctx, sessionId, targetId } = sessionWithTarget(90);
    call(ctx, 'markEnteredInError', { sessionId, reason: 'Wrong patient selected' });
    const r = dispatch(ctx, 'timerPress', { sessionId, targetId, siteNo: 1, expected: { phase: 'idle' }, at: at(0) });
    expect(r).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(call(ctx, 'getTimer', { sessionId })).toBeNull();
  });

  it('keeps the service’s timer key and refuses a key name that is not one', () => {
    const { ctx } = sessionWithTarget(90);
    expect(call(ctx, 'getTimerSettings', {})).toMatchObject({ settings: { keyCode: 'F8' }, updatedBy: null });
    call(ctx, 'saveTimerSettings', { settings: { keyCode: 'KeyB', pressGuardMs: 600, earlyStopToleranceS: 5 } });
    expect(call(ctx, 'getTimerSettings', {})).toMatchObject({ settings: { keyCode: 'KeyB', pressGuardMs: 600 }, updatedBy: TEST_ACTOR });
    const bad = dispatch(ctx, 'saveTimerSettings', { settings: { keyCode: '<script>', pressGuardMs: 600, earlyStopToleranceS: 5 } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    expect(!bad.ok && JSON.stringify(bad.error)).toMatch(/Choose the key by pressing it/);
  });
});

describe('timer pulses', () => {
  it('a pulse that arrives late never moves the last-seen time backwards, even across a change of UTC offset', () => {
    const { ctx, sessionId, targetId } = sessionWithTarget(90);
    call(ctx, 'timerPress', { sessionId, targetId, siteNo: 1, expected: { phase: 'idle' }, at: '2026-03-29T00:59:30+00:00' });
    call(ctx, 'timerHeartbeat', { sessionId, at: '2026-03-29T02:00:10+01:00' }); // 01:00:10 UTC, after the clocks went forward
    call(ctx, 'timerHeartbeat', { sessionId, at: '2026-03-29T00:59:55+00:00' }); // an older pulse arriving late
    expect(call(ctx, 'getTimer', { sessionId })!.lastSeenAt).toBe('2026-03-29T02:00:10+01:00');
  });
});
