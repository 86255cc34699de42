import type { Handler } from './index';
import { currentActor } from '../auth/authSession';
import type { Ctx } from '../context';
import type { DB } from '../db/types';
import { requireDb, stamp } from './db';
import { AppError, notFound } from '../ipc/appError';
import { getRow, insertRow, updateRow } from '../db/repos/entities';
import { loadSessionDocument, touchSession } from '../db/repos/sessions';
import { clearTimer, getTimer, putTimer, touchTimer } from '../db/repos/timer';
import { readSettingOrDefault, saveSettingAudited } from '../db/repos/settings';
import type { RunningTimer, TimerPressResult, TimerSettingsState } from '../../../shared/ipc/contract';
import { DEFAULT_TIMER_SETTINGS, TimerSettingsSchema, isEarlyStop, plannedFreezeS, secondsBetween, stepFor } from '../../../shared/domain/timer';

// The freeze-cycle timer. Each press is one transaction: the cycle's fields (audited, with
// "freeze timer" as the reason) and the running-timer row change together, so what the window
// shows as saved is exactly what a crash leaves behind.

const REASON = 'freeze timer';
const SETTINGS_KEY = 'timerSettings';

function readTimerSettings(ctx: Ctx, db: DB): TimerSettingsState {
  const { value, ...who } = readSettingOrDefault(db, { key: SETTINGS_KEY, what: 'timer settings' }, TimerSettingsSchema, DEFAULT_TIMER_SETTINGS, ctx.log.error);
  return { settings: value, ...who };
}

function result(step: TimerPressResult['step'], timer: RunningTimer | null, extra: Partial<TimerPressResult> = {}): TimerPressResult {
  return { step, timer, cycleId: timer?.cycleId ?? null, durationS: null, thawS: null, early: false, ...extra };
}

/** Ends a freeze at `at`: its end time and duration; "completed" unless it stopped early (the window asks). */
function stopFreeze(ctx: Ctx, db: DB, timer: RunningTimer, at: string, askEarly: boolean): { durationS: number; early: boolean } {
  const cycle = getRow(db, 'cycle', timer.cycleId);
  if (!cycle) throw notFound('That freeze cycle');
  const durationS = secondsBetween(cycle.startedAt ?? timer.phaseStartedAt, at);
  const early = askEarly && isEarlyStop(durationS, timer.plannedS, readTimerSettings(ctx, db).settings.earlyStopToleranceS);
  const patch: Record<string, unknown> = { endedAt: at, durationS };
  if (askEarly && !early && cycle.outcome === null) patch.outcome = 'completed';
  updateRow(db, 'cycle', timer.cycleId, patch, stamp(ctx), timer.sessionId, REASON);
  return { durationS, early };
}

function endThaw(ctx: Ctx, db: DB, timer: RunningTimer, at: string): number {
  const cycle = getRow(db, 'cycle', timer.cycleId);
  if (!cycle) throw notFound('That freeze cycle');
  const thawS = secondsBetween(timer.phaseStartedAt, at);
  updateRow(db, 'cycle', timer.cycleId, { thawS, ...(cycle.thawType === null ? { thawType: 'passive' } : {}) }, stamp(ctx), timer.sessionId, REASON);
  return thawS;
}

export const timerHandlers: {
  getTimer: Handler<'getTimer'>;
  timerPress: Handler<'timerPress'>;
  timerHeartbeat: Handler<'timerHeartbeat'>;
  resolveTimer: Handler<'resolveTimer'>;
  getTimerSettings: Handler<'getTimerSettings'>;
  saveTimerSettings: Handler<'saveTimerSettings'>;
} = {
  getTimer: (ctx, { sessionId }) => getTimer(requireDb(ctx), sessionId),

  timerPress: (ctx, req) => {
    const db = requireDb(ctx);
    return db.transaction((): TimerPressResult => {
      const current = getTimer(db, req.sessionId);
      const step = stepFor(current, req.expected);
      if (step === 'duplicate') return result('duplicate', current);
      if (step === 'start-freeze') {
        const doc = loadSessionDocument(db, req.sessionId);
        if (!doc) throw notFound('That session');
        const target = doc.targets.find((t) => t.id === req.targetId);
        if (!target) throw notFound('That target');
        const cycleId = ctx.newId();
        // The insert is refused by the database if the session is signed or entered in error.
        insertRow(db, 'cycle', cycleId, target.id, stamp(ctx), { siteNo: req.siteNo, startedAt: req.at }, req.sessionId, REASON);
        touchSession(db, req.sessionId, stamp(ctx));
        const timer: RunningTimer = { sessionId: req.sessionId, targetId: target.id, cycleId, phase: 'freezing', phaseStartedAt: req.at, plannedS: plannedFreezeS(doc, target), lastSeenAt: req.at };
        putTimer(db, timer);
        return result('start-freeze', timer);
      }
      const running = current!;
      if (step === 'stop-freeze') {
        const { durationS, early } = stopFreeze(ctx, db, running, req.at, true);
        const timer: RunningTimer = { ...running, phase: 'thawing', phaseStartedAt: req.at, lastSeenAt: req.at };
        putTimer(db, timer);
        touchSession(db, req.sessionId, stamp(ctx));
        return result('stop-freeze', timer, { durationS, early });
      }
      const thawS = endThaw(ctx, db, running, req.at);
      clearTimer(db, req.sessionId);
      touchSession(db, req.sessionId, stamp(ctx));
      return result('end-thaw', null, { cycleId: running.cycleId, thawS });
    })();
  },

  timerHeartbeat: (ctx, { sessionId, at }) => ({ running: touchTimer(requireDb(ctx), sessionId, at) }),

  // The window was closed (or CryoLog stopped) mid-phase. "End at last seen" keeps what was
  // timed; the clinician can still correct the cycle afterwards (audited like any edit).
  resolveTimer: (ctx, { sessionId, action }) => {
    const db = requireDb(ctx);
    return db.transaction(() => {
      const timer = getTimer(db, sessionId);
      if (!timer) throw new AppError('NOT_FOUND', 'No freeze timer is running for this session any more; the cycle is as last saved.');
      let durationS: number | null = null;
      let thawS: number | null = null;
      if (action === 'end-at-last-seen') {
        if (timer.phase === 'freezing') durationS = stopFreeze(ctx, db, timer, timer.lastSeenAt, false).durationS;
        else thawS = endThaw(ctx, db, timer, timer.lastSeenAt);
      }
      clearTimer(db, sessionId);
      return { cycleId: timer.cycleId, durationS, thawS };
    })();
  },

  getTimerSettings: (ctx) => readTimerSettings(ctx, requireDb(ctx)),

  saveTimerSettings: (ctx, { settings }) => {
    const changedBy = currentActor(ctx);
    const db = requireDb(ctx);
    const at = stamp(ctx);
    saveSettingAudited(db, SETTINGS_KEY, 'settings', settings, changedBy, at);
    return { settings, updatedBy: changedBy, updatedAt: at };
  },
};
