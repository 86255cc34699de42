import type { DB } from '../types';
import { stmt } from '../statements';
import { AUDIT_GENESIS_HASH, auditEntryHash, type AuditChainContent } from '../auditChain';

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

/** Who this connection's audit entries name; carried over when a restore replaces the connection. */
export function getAuditActor(db: DB): string | undefined {
  return actors.get(db);
}

// Both lookups use the rowid b-tree or the one-row-per-table sqlite_sequence: constant cost on
// the autosave path however long the trail grows.
const LAST_ENTRY_SQL = `SELECT
  max(coalesce((SELECT max(id) FROM audit_log), 0), coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'), 0)) AS lastId,
  (SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1) AS hash`;

/**
 * Appends to the audit trail, chained to the entry before it (auditChain.ts). Call it inside
 * the transaction that makes the change: the last entry is read and the new one written in
 * that one transaction, so two writers cannot both chain to the same entry (SQLite lets one
 * write at a time; a stale read fails with SQLITE_BUSY rather than forking the chain).
 */
export function appendAudit(db: DB, e: AuditEntry): void {
  const reason = e.reason !== undefined ? e.reason : e.sessionId ? amendmentReason(db, e.sessionId) : null;
  // The id AUTOINCREMENT would give (past the highest id ever used), chosen here because the
  // hash covers it and the row can never be updated once written.
  const last = stmt(db, LAST_ENTRY_SQL).get() as { lastId: number; hash: string | null };
  const row: AuditChainContent = {
    id: last.lastId + 1,
    at: e.at,
    actor: actors.get(db) ?? null,
    action: e.action,
    entity: e.entity,
    entity_id: e.entityId,
    session_id: e.sessionId ?? null,
    field: e.field ?? null,
    old_value: json(e.oldValue),
    new_value: json(e.newValue),
    reason,
  };
  const prevHash = last.hash ?? AUDIT_GENESIS_HASH;
  stmt(
    db,
    `INSERT INTO audit_log (id, at, actor, action, entity, entity_id, session_id, field, old_value, new_value, reason, prev_hash, hash)
     VALUES (@id, @at, @actor, @action, @entity, @entity_id, @session_id, @field, @old_value, @new_value, @reason, @prev_hash, @hash)`,
  ).run({ ...row, prev_hash: prevHash, hash: auditEntryHash(row, prevHash) });
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
