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
  /** Why; when absent, the reason of the session's open amendment (if one is open). */
  reason?: string | null;
}

const json = (v: unknown): string | null => (v === undefined ? null : JSON.stringify(v));

// Who makes the changes on this connection. There is no sign-in yet (a later issue), so the
// context names the operating-system account (or "cli:<account>", "browser-host"); every
// audit entry carries it without each caller having to pass it along.
const actors = new WeakMap<DB, string>();

export function setAuditActor(db: DB, actor: string): void {
  actors.set(db, actor);
}

/** Appends to the audit trail. Call it inside the transaction that makes the change. */
export function appendAudit(db: DB, e: AuditEntry): void {
  const reason = e.reason !== undefined ? e.reason : e.sessionId ? amendmentReason(db, e.sessionId) : null;
  stmt(db, 
    `INSERT INTO audit_log (at, actor, action, entity, entity_id, session_id, field, old_value, new_value, reason)
     VALUES (@at, @actor, @action, @entity, @entityId, @sessionId, @field, @oldValue, @newValue, @reason)`,
  ).run({
    reason,
    at: e.at,
    actor: actors.get(db) ?? null,
    action: e.action,
    entity: e.entity,
    entityId: e.entityId,
    sessionId: e.sessionId,
    field: e.field ?? null,
    oldValue: json(e.oldValue),
    newValue: json(e.newValue),
  });
}

/** The reason of the session's open amendment: every change made under it carries it. */
function amendmentReason(db: DB, sessionId: string): string | null {
  const row = stmt(db, 'SELECT amendment_reason FROM session WHERE id = ? AND amending = 1').get(sessionId) as { amendment_reason: string | null } | undefined;
  return row?.amendment_reason ?? null;
}

export interface AuditRow {
  id: number;
  at: string;
  action: string;
  entity: string;
  entity_id: string;
  actor: string | null;
  session_id: string | null;
  field: string | null;
  old_value: string | null;
  new_value: string | null;
  reason: string | null;
}

export function auditForEntity(db: DB, entity: string, entityId: string): AuditRow[] {
  return stmt(db, 'SELECT * FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id').all(entity, entityId) as AuditRow[];
}
