import type { DB } from '../types';
import { stmt } from '../statements';

export interface AuditEntry {
  at: string;
  action: 'create' | 'update' | 'delete';
  entity: string;
  entityId: string;
  sessionId: string | null;
  field?: string | null;
  oldValue?: unknown;
  newValue?: unknown;
}

const json = (v: unknown): string | null => (v === undefined ? null : JSON.stringify(v));

/** Appends to the audit trail. Call it inside the transaction that makes the change. */
export function appendAudit(db: DB, e: AuditEntry): void {
  stmt(db, 
    `INSERT INTO audit_log (at, action, entity, entity_id, session_id, field, old_value, new_value)
     VALUES (@at, @action, @entity, @entityId, @sessionId, @field, @oldValue, @newValue)`,
  ).run({
    at: e.at,
    action: e.action,
    entity: e.entity,
    entityId: e.entityId,
    sessionId: e.sessionId,
    field: e.field ?? null,
    oldValue: json(e.oldValue),
    newValue: json(e.newValue),
  });
}

export interface AuditRow {
  id: number;
  at: string;
  action: string;
  entity: string;
  entity_id: string;
  session_id: string | null;
  field: string | null;
  old_value: string | null;
  new_value: string | null;
}

export function auditForEntity(db: DB, entity: string, entityId: string): AuditRow[] {
  return stmt(db, 'SELECT * FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id').all(entity, entityId) as AuditRow[];
}
