import type { Target, TargetFieldValues } from '../../../../shared/domain/model';
import type { DB } from '../types';
import { stmt } from '../statements';
import { appendAudit } from './audit';
import { updateFields } from './fieldUpdate';
import { closeSequenceGap } from './renumber';

interface TargetRow {
  id: string;
  session_id: string;
  seq: number;
  nerve: Target['nerve'];
  branch: string | null;
  side: Target['side'];
  created_at: string;
  updated_at: string;
}

export const TARGET_COLUMNS: Record<keyof TargetFieldValues, string> = { nerve: 'nerve', branch: 'branch', side: 'side' };

function toTarget(r: TargetRow): Target {
  return { id: r.id, sessionId: r.session_id, seq: r.seq, nerve: r.nerve, branch: r.branch, side: r.side, createdAt: r.created_at, updatedAt: r.updated_at };
}

export function getTarget(db: DB, id: string): Target | undefined {
  const row = stmt(db, 'SELECT * FROM target WHERE id = ?').get(id) as TargetRow | undefined;
  return row && toTarget(row);
}

export function listTargets(db: DB, sessionId: string): Target[] {
  return (stmt(db, 'SELECT * FROM target WHERE session_id = ? ORDER BY seq').all(sessionId) as TargetRow[]).map(toTarget);
}

export function insertTarget(db: DB, id: string, sessionId: string, at: string): Target {
  const { next } = stmt(db, 'SELECT coalesce(max(seq), 0) + 1 AS next FROM target WHERE session_id = ?').get(sessionId) as { next: number };
  stmt(db, 'INSERT INTO target (id, session_id, seq, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(id, sessionId, next, at, at);
  appendAudit(db, { at, action: 'create', entity: 'target', entityId: id, sessionId, newValue: { seq: next } });
  return getTarget(db, id)!;
}

export function updateTarget(db: DB, target: Target, patch: Partial<TargetFieldValues>, at: string) {
  return updateFields(db, { table: 'target', entity: 'target', columns: TARGET_COLUMNS }, target.id, target.sessionId, patch, at);
}

export function deleteTarget(db: DB, target: Target, at: string): void {
  // The audit entry keeps the cycles that go with the target (ON DELETE CASCADE).
  const cycles = stmt(db, 'SELECT * FROM freeze_cycle WHERE target_id = ? ORDER BY seq').all(target.id);
  stmt(db, 'DELETE FROM target WHERE id = ?').run(target.id);
  closeSequenceGap(db, 'target', 'session_id', target.sessionId, target.seq);
  appendAudit(db, { at, action: 'delete', entity: 'target', entityId: target.id, sessionId: target.sessionId, oldValue: { ...target, cycles } });
}
