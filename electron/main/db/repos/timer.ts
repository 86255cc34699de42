import type { RunningTimer } from '../../../../shared/ipc/contract';
import type { TimerPhase } from '../../../../shared/domain/timer';
import type { DB } from '../types';
import { stmt } from '../statements';

// The running freeze timer of a session (table freeze_timer, migration 4): working state beside
// the record. The cycle's start, end and durations are written to the cycle itself (audited);
// this row only says which phase is running and when the window last saw it.

interface TimerRow {
  session_id: string;
  target_id: string;
  cycle_id: string;
  phase: TimerPhase;
  phase_started_at: string;
  planned_s: number | null;
  last_seen_at: string;
}

const toTimer = (r: TimerRow): RunningTimer => ({
  sessionId: r.session_id,
  targetId: r.target_id,
  cycleId: r.cycle_id,
  phase: r.phase,
  phaseStartedAt: r.phase_started_at,
  plannedS: r.planned_s,
  lastSeenAt: r.last_seen_at,
});

export function getTimer(db: DB, sessionId: string): RunningTimer | null {
  const row = stmt(db, 'SELECT * FROM freeze_timer WHERE session_id = ?').get(sessionId) as TimerRow | undefined;
  return row ? toTimer(row) : null;
}

export function putTimer(db: DB, t: RunningTimer): void {
  stmt(
    db,
    `INSERT INTO freeze_timer (session_id, target_id, cycle_id, phase, phase_started_at, planned_s, last_seen_at)
     VALUES (@sessionId, @targetId, @cycleId, @phase, @phaseStartedAt, @plannedS, @lastSeenAt)
     ON CONFLICT (session_id) DO UPDATE SET target_id = excluded.target_id, cycle_id = excluded.cycle_id, phase = excluded.phase,
       phase_started_at = excluded.phase_started_at, planned_s = excluded.planned_s, last_seen_at = excluded.last_seen_at`,
  ).run(t);
}

/**
 * Records that the window still saw the timer running at `at`. Pulses are not queued behind
 * edits, so one may overtake another: the time only moves forward (compared as instants, so a
 * change of UTC offset mid-cycle cannot confuse it).
 */
export function touchTimer(db: DB, sessionId: string, at: string): boolean {
  const info = stmt(
    db,
    'UPDATE freeze_timer SET last_seen_at = CASE WHEN julianday(@at) > julianday(last_seen_at) THEN @at ELSE last_seen_at END WHERE session_id = @sessionId',
  ).run({ at, sessionId });
  return info.changes > 0;
}

export function clearTimer(db: DB, sessionId: string): void {
  stmt(db, 'DELETE FROM freeze_timer WHERE session_id = ?').run(sessionId);
}
