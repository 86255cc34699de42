// Audit entries for the synthetic history, chained exactly as appendAudit chains them
// (auditChain.ts): the id AUTOINCREMENT would give and the hash over the row and the one before.
// The last hash is kept in memory instead of read back per row: the generator is the only writer.
import { AUDIT_GENESIS_HASH, auditEntryHash, type AuditChainContent } from '../../../electron/main/db/auditChain';
import type { DB } from '../../../electron/main/db/types';

export interface SyntheticAuditEntry {
  at: string;
  actor: string;
  action: 'create' | 'update';
  entity: string;
  entityId: string;
  sessionId: string | null;
  field?: string;
  oldValue?: unknown;
  newValue?: unknown;
  reason?: string | null;
}

const json = (v: unknown): string | null => (v === undefined ? null : JSON.stringify(v));

export function auditWriter(db: DB): { append(e: SyntheticAuditEntry): void; count(): number } {
  const last = db.prepare("SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'), 0) AS id, (SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1) AS hash").get() as { id: number; hash: string | null };
  let id = last.id;
  let prev = last.hash ?? AUDIT_GENESIS_HASH;
  let written = 0;
  const insert = db.prepare(
    'INSERT INTO audit_log (id, at, actor, action, entity, entity_id, session_id, field, old_value, new_value, reason, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  return {
    append(e) {
      const row: AuditChainContent = {
        id: ++id,
        at: e.at,
        actor: e.actor,
        action: e.action,
        entity: e.entity,
        entity_id: e.entityId,
        session_id: e.sessionId,
        field: e.field ?? null,
        old_value: json(e.oldValue),
        new_value: json(e.newValue),
        reason: e.reason ?? null,
      };
      const hash = auditEntryHash(row, prev);
      insert.run(row.id, row.at, row.actor, row.action, row.entity, row.entity_id, row.session_id, row.field, row.old_value, row.new_value, row.reason, prev, hash);
      prev = hash;
      written++;
    },
    count: () => written,
  };
}
