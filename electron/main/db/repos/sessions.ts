import type { Patient, Session, SessionDocument } from '../../../../shared/domain/model';
import type { SessionCursor, SessionListItem } from '../../../../shared/ipc/contract';
import type { DB } from '../types';
import { stmt } from '../statements';
import { getRow, insertRow, listRows } from './entities';
import { listAcknowledgements } from './acknowledgements';

export function insertSession(db: DB, s: { id: string; patientId: string; startedAt: string; at: string }): Session {
  return insertRow(db, 'session', s.id, s.patientId, s.at, { status: 'draft', startedAt: s.startedAt }, s.id);
}

/** Marks a session as changed (its "last edited" follows the newest edit of anything in it). */
export function touchSession(db: DB, id: string, at: string): void {
  stmt(db, 'UPDATE session SET updated_at = ? WHERE id = ?').run(at, id);
}

/** The most recently changed patients (listPatients). Exported for the query-plan test. */
export const LIST_PATIENTS_SQL = 'SELECT id FROM patient ORDER BY updated_at DESC, id LIMIT ?';

export function listPatients(db: DB, limit: number): Patient[] {
  return (stmt(db, LIST_PATIENTS_SQL).all(limit) as { id: string }[]).map((r) => getRow(db, 'patient', r.id)!);
}

/**
 * A session's status as every reader sees it: an entered-in-error mark (kept beside the
 * session row, which may be signed and so unchangeable) overrides the stored status.
 */
export function effectiveStatusSql(alias: string): string {
  return `CASE WHEN EXISTS (SELECT 1 FROM entered_in_error e WHERE e.session_id = ${alias}.id) THEN 'entered-in-error' ELSE ${alias}.status END`;
}

export interface ListRow {
  id: string;
  patient_id: string;
  status: Session['status'];
  started_at: string;
  family_name: string | null;
  given_name: string | null;
  nhs_number: string | null;
  target_count: number;
  cycle_count: number;
}

// Correlated counts over an index-ordered LIMIT: the 50 newest rows cost 50 small lookups,
// where a LEFT JOIN + GROUP BY would count every session first (engineering.md: 72 µs vs 50 ms).
// CROSS JOIN keeps session the outer loop: given the choice (after ANALYZE) SQLite scanned
// patient and sorted every session to find the newest 50 (tests/db/queryPlans.test.ts).
export const SESSION_LIST_SELECT_SQL = `
  SELECT s.id, s.patient_id,
         ${effectiveStatusSql('s')} AS status,
         s.started_at, p.family_name, p.given_name, p.nhs_number,
         (SELECT count(*) FROM target t WHERE t.session_id = s.id) AS target_count,
         (SELECT count(*) FROM target t JOIN freeze_cycle c ON c.target_id = t.id WHERE t.session_id = s.id) AS cycle_count
  FROM session s CROSS JOIN patient p ON p.id = s.patient_id`;

export function toListItem(r: ListRow): SessionListItem {
  return {
    id: r.id,
    patientId: r.patient_id,
    status: r.status,
    startedAt: r.started_at,
    familyName: r.family_name,
    givenName: r.given_name,
    nhsNumber: r.nhs_number,
    targetCount: r.target_count,
    cycleCount: r.cycle_count,
  };
}

// The SQL of the session list is exported for the query-plan test (tests/db/queryPlans.test.ts).
export const LIST_RECENT_SESSIONS_SQL = `${SESSION_LIST_SELECT_SQL} ORDER BY s.started_at DESC, s.id LIMIT ?`;
export const LIST_PATIENT_SESSIONS_SQL = `${SESSION_LIST_SELECT_SQL} WHERE s.patient_id = ? ORDER BY s.started_at DESC, s.id`;
export const ENTERED_IN_ERROR_REASON_SQL = 'SELECT reason FROM entered_in_error WHERE session_id = ?';

// The next page after a cursor (keyset, not OFFSET: page 500 costs what page 1 costs).
// The order is started_at DESC, id ASC, so "after" means an earlier start, or the same start
// and a greater id. The plain "started_at <= ?" is there for the index: it bounds the walk of
// session_started_at, which an OR alone would not (tests/db/queryPlans.test.ts).
export const LIST_SESSIONS_AFTER_SQL = `${SESSION_LIST_SELECT_SQL}
  WHERE s.started_at <= @startedAt AND (s.started_at < @startedAt OR s.id > @id)
  ORDER BY s.started_at DESC, s.id LIMIT @limit`;

export function listRecentSessions(db: DB, limit: number, after?: SessionCursor): SessionListItem[] {
  const rows = after ? stmt(db, LIST_SESSIONS_AFTER_SQL).all({ ...after, limit }) : stmt(db, LIST_RECENT_SESSIONS_SQL).all(limit);
  return (rows as ListRow[]).map(toListItem);
}

export function listSessionsForPatient(db: DB, patientId: string): SessionListItem[] {
  return (stmt(db, LIST_PATIENT_SESSIONS_SQL).all(patientId) as ListRow[]).map(toListItem);
}

export function loadSessionDocument(db: DB, id: string): SessionDocument | undefined {
  const row = getRow(db, 'session', id);
  if (!row) return undefined;
  // An entered-in-error mark sits beside the (possibly signed, so unchangeable) session row;
  // the document carries it as the session's status so every reader and export sees it.
  const eie = stmt(db, ENTERED_IN_ERROR_REASON_SQL).get(id) as { reason: string } | undefined;
  const session = eie ? { ...row, status: 'entered-in-error' as const, statusReason: eie.reason } : row;
  const patient = getRow(db, 'patient', session.patientId);
  if (!patient) return undefined;
  return {
    format: 'cryolog.session',
    formatVersion: 1,
    session,
    patient: { ...patient, allergies: listRows(db, 'allergy', patient.id) },
    team: listRows(db, 'teamMember', id),
    consentSites: listRows(db, 'consentSite', id),
    goals: listRows(db, 'goal', id),
    diagnosticBlocks: listRows(db, 'diagnosticBlock', id),
    devices: listRows(db, 'device', id),
    targets: listRows(db, 'target', id).map((t) => ({ ...t, cycles: listRows(db, 'cycle', t.id) })),
    outcomes: listRows(db, 'outcome', id),
    complications: listRows(db, 'complication', id),
    followUps: listRows(db, 'followUp', id),
    acknowledgements: listAcknowledgements(db, id),
  };
}
