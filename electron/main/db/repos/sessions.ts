import type { Cycle, Session, SessionDocument, Target } from '../../../../shared/domain/model';
import type { SessionListItem } from '../../../../shared/ipc/contract';
import type { DB } from '../types';
import { stmt } from '../statements';
import { appendAudit } from './audit';
import { getPatient } from './patients';
import { listTargets } from './targets';
import { listCyclesForSession } from './cycles';

interface SessionRow {
  id: string;
  patient_id: string;
  status: Session['status'];
  started_at: string;
  created_at: string;
  updated_at: string;
}

function toSession(r: SessionRow): Session {
  return { id: r.id, patientId: r.patient_id, status: r.status, startedAt: r.started_at, createdAt: r.created_at, updatedAt: r.updated_at };
}

export function insertSession(db: DB, s: { id: string; patientId: string; startedAt: string; at: string }): Session {
  stmt(db, 
    `INSERT INTO session (id, patient_id, status, started_at, created_at, updated_at) VALUES (?, ?, 'draft', ?, ?, ?)`,
  ).run(s.id, s.patientId, s.startedAt, s.at, s.at);
  appendAudit(db, { at: s.at, action: 'create', entity: 'session', entityId: s.id, sessionId: s.id });
  return getSession(db, s.id)!;
}

export function getSession(db: DB, id: string): Session | undefined {
  const row = stmt(db, 'SELECT * FROM session WHERE id = ?').get(id) as SessionRow | undefined;
  return row && toSession(row);
}

/** Marks a session as changed (its list position and "last edited" follow the newest edit). */
export function touchSession(db: DB, id: string, at: string): void {
  stmt(db, 'UPDATE session SET updated_at = ? WHERE id = ?').run(at, id);
}

interface ListRow {
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
const LIST_SQL = `
  SELECT s.id, s.patient_id, s.status, s.started_at, p.family_name, p.given_name, p.nhs_number,
         (SELECT count(*) FROM target t WHERE t.session_id = s.id) AS target_count,
         (SELECT count(*) FROM target t JOIN freeze_cycle c ON c.target_id = t.id WHERE t.session_id = s.id) AS cycle_count
  FROM session s JOIN patient p ON p.id = s.patient_id`;

function toListItem(r: ListRow): SessionListItem {
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

export function listRecentSessions(db: DB, limit: number): SessionListItem[] {
  return (stmt(db, `${LIST_SQL} ORDER BY s.started_at DESC, s.id LIMIT ?`).all(limit) as ListRow[]).map(toListItem);
}

export function listSessionsForPatient(db: DB, patientId: string): SessionListItem[] {
  return (stmt(db, `${LIST_SQL} WHERE s.patient_id = ? ORDER BY s.started_at DESC, s.id`).all(patientId) as ListRow[]).map(toListItem);
}

export function loadSessionDocument(db: DB, id: string): SessionDocument | undefined {
  const session = getSession(db, id);
  if (!session) return undefined;
  const patient = getPatient(db, session.patientId);
  if (!patient) return undefined;
  const cyclesByTarget = new Map<string, Cycle[]>();
  for (const c of listCyclesForSession(db, id)) {
    const list = cyclesByTarget.get(c.targetId) ?? [];
    list.push(c);
    cyclesByTarget.set(c.targetId, list);
  }
  const targets = listTargets(db, id).map((t: Target) => ({ ...t, cycles: cyclesByTarget.get(t.id) ?? [] }));
  return { format: 'cryolog.session', formatVersion: 1, session, patient, targets };
}
