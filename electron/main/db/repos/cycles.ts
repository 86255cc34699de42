import type { Cycle, CycleFieldValues } from '../../../../shared/domain/model';
import type { DB } from '../types';
import { stmt } from '../statements';
import { appendAudit } from './audit';
import { updateFields } from './fieldUpdate';
import { closeSequenceGap } from './renumber';

interface CycleRow {
  id: string;
  target_id: string;
  seq: number;
  duration_s: number | null;
  tip_temp_c: number | null;
  created_at: string;
  updated_at: string;
}

export const CYCLE_COLUMNS: Record<keyof CycleFieldValues, string> = { durationS: 'duration_s', tipTempC: 'tip_temp_c' };

function toCycle(r: CycleRow): Cycle {
  return { id: r.id, targetId: r.target_id, seq: r.seq, durationS: r.duration_s, tipTempC: r.tip_temp_c, createdAt: r.created_at, updatedAt: r.updated_at };
}

export function getCycle(db: DB, id: string): (Cycle & { sessionId: string }) | undefined {
  const row = db
    .prepare('SELECT c.*, t.session_id AS session_id FROM freeze_cycle c JOIN target t ON t.id = c.target_id WHERE c.id = ?')
    .get(id) as (CycleRow & { session_id: string }) | undefined;
  return row && { ...toCycle(row), sessionId: row.session_id };
}

export function listCyclesForSession(db: DB, sessionId: string): Cycle[] {
  return (
    stmt(db, 'SELECT c.* FROM freeze_cycle c JOIN target t ON t.id = c.target_id WHERE t.session_id = ? ORDER BY t.seq, c.seq').all(sessionId) as CycleRow[]
  ).map(toCycle);
}

export function insertCycle(db: DB, id: string, targetId: string, sessionId: string, at: string): Cycle {
  const { next } = stmt(db, 'SELECT coalesce(max(seq), 0) + 1 AS next FROM freeze_cycle WHERE target_id = ?').get(targetId) as { next: number };
  stmt(db, 'INSERT INTO freeze_cycle (id, target_id, seq, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(id, targetId, next, at, at);
  appendAudit(db, { at, action: 'create', entity: 'cycle', entityId: id, sessionId, newValue: { targetId, seq: next } });
  const { sessionId: _s, ...cycle } = getCycle(db, id)!;
  return cycle;
}

export function updateCycle(db: DB, cycle: Cycle & { sessionId: string }, patch: Partial<CycleFieldValues>, at: string) {
  return updateFields(db, { table: 'freeze_cycle', entity: 'cycle', columns: CYCLE_COLUMNS }, cycle.id, cycle.sessionId, patch, at);
}

export function deleteCycle(db: DB, cycle: Cycle & { sessionId: string }, at: string): void {
  stmt(db, 'DELETE FROM freeze_cycle WHERE id = ?').run(cycle.id);
  closeSequenceGap(db, 'freeze_cycle', 'target_id', cycle.targetId, cycle.seq);
  const { sessionId, ...old } = cycle;
  appendAudit(db, { at, action: 'delete', entity: 'cycle', entityId: cycle.id, sessionId, oldValue: old });
}
