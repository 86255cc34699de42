import { HISTORY_SESSION_LIMIT, type HistorySessionData } from '../../../../shared/ipc/contract';
import type { DB } from '../types';
import { stmt } from '../statements';
import { effectiveStatusSql } from './sessions';

type HistoryTargetData = HistorySessionData['targets'][number];
type HistoryCycleData = HistoryTargetData['cycles'][number];

// Four indexed reads for the whole patient (sessions by session_patient, then each child
// table by its (parent, seq) key) instead of one query per session: the history is read once
// per screen, and a patient has tens of sessions at most. Exported for the query-plan test.
export const HISTORY_SESSIONS_SQL = `
  SELECT s.id, s.started_at, ${effectiveStatusSql('s')} AS status, s.signed_at FROM session s
  WHERE s.patient_id = ? ORDER BY s.started_at DESC, s.id LIMIT ${HISTORY_SESSION_LIMIT}`;
export const HISTORY_TARGETS_SQL = `
  SELECT t.id, t.session_id, t.seq, t.nerve, t.branch, t.side
  FROM session s JOIN target t ON t.session_id = s.id
  WHERE s.patient_id = ? ORDER BY t.session_id, t.seq`;
export const HISTORY_CYCLES_SQL = `
  SELECT c.target_id, c.site_no, c.duration_s, c.started_at, c.ended_at, c.tip_temp_c, c.outcome
  FROM session s JOIN target t ON t.session_id = s.id JOIN freeze_cycle c ON c.target_id = t.id
  WHERE s.patient_id = ? ORDER BY c.target_id, c.seq`;
export const HISTORY_OUTCOMES_SQL = `
  SELECT o.session_id, o.muscle_group, o.side, o.mas_pre, o.mas_post
  FROM session s JOIN outcome o ON o.session_id = s.id
  WHERE s.patient_id = ? ORDER BY o.session_id, o.seq`;

interface SessionRow {
  id: string;
  started_at: string;
  status: HistorySessionData['status'];
  signed_at: string | null;
}
interface TargetRow extends Omit<HistoryTargetData, 'cycles'> {
  id: string;
  session_id: string;
}
interface CycleRow {
  target_id: string;
  site_no: number | null;
  duration_s: number | null;
  started_at: string | null;
  ended_at: string | null;
  tip_temp_c: number | null;
  outcome: HistoryCycleData['outcome'];
}
interface OutcomeRow {
  session_id: string;
  muscle_group: HistorySessionData['outcomes'][number]['muscleGroup'];
  side: HistorySessionData['outcomes'][number]['side'];
  mas_pre: HistorySessionData['outcomes'][number]['masPre'];
  mas_post: HistorySessionData['outcomes'][number]['masPost'];
}

/** The patient's sessions, newest first, each with its targets (in order, with cycles) and MAS rows. */
export function treatmentHistory(db: DB, patientId: string): HistorySessionData[] {
  const sessions = new Map<string, HistorySessionData>();
  for (const s of stmt(db, HISTORY_SESSIONS_SQL).all(patientId) as SessionRow[]) {
    sessions.set(s.id, { sessionId: s.id, startedAt: s.started_at, status: s.status, signedAt: s.signed_at, targets: [], outcomes: [] });
  }
  const targets = new Map<string, HistoryTargetData>();
  for (const t of stmt(db, HISTORY_TARGETS_SQL).all(patientId) as TargetRow[]) {
    const target: HistoryTargetData = { seq: t.seq, nerve: t.nerve, branch: t.branch, side: t.side, cycles: [] };
    sessions.get(t.session_id)?.targets.push(target);
    targets.set(t.id, target);
  }
  for (const c of stmt(db, HISTORY_CYCLES_SQL).all(patientId) as CycleRow[]) {
    targets.get(c.target_id)?.cycles.push({
      siteNo: c.site_no,
      durationS: c.duration_s,
      startedAt: c.started_at,
      endedAt: c.ended_at,
      tipTempC: c.tip_temp_c,
      outcome: c.outcome,
    });
  }
  for (const o of stmt(db, HISTORY_OUTCOMES_SQL).all(patientId) as OutcomeRow[]) {
    sessions.get(o.session_id)?.outcomes.push({ muscleGroup: o.muscle_group, side: o.side, masPre: o.mas_pre, masPost: o.mas_post });
  }
  return [...sessions.values()];
}
