import type { DB } from '../types';
import { stmt } from '../statements';
import { appendAudit } from './audit';

/**
 * The one autosave write: sets the named fields of one row and records each changed field in
 * the audit trail, in one transaction. Column names come only from the fixed `columns` map
 * (never from the request), values only through bound parameters.
 */
export function updateFields<F extends string>(
  db: DB,
  spec: { table: string; entity: string; columns: Record<F, string> },
  id: string,
  sessionId: string | null,
  patch: Partial<Record<F, unknown>>,
  at: string,
): { changed: F[] } {
  const fields = (Object.keys(patch) as F[]).filter((f) => Object.hasOwn(spec.columns, f));
  const select = `SELECT ${fields.map((f) => spec.columns[f]).join(', ')} FROM ${spec.table} WHERE id = ?`;
  const before = stmt(db, select).get(id) as Record<string, unknown> | undefined;
  if (!before) return { changed: [] };
  const changed = fields.filter((f) => before[spec.columns[f]] !== toColumnValue(patch[f]));
  if (changed.length === 0) return { changed };
  const assignments = changed.map((f) => `${spec.columns[f]} = @${f}`).join(', ');
  const params: Record<string, unknown> = { id, updatedAt: at };
  for (const f of changed) params[f] = toColumnValue(patch[f]);
  stmt(db, `UPDATE ${spec.table} SET ${assignments}, updated_at = @updatedAt WHERE id = @id`).run(params);
  for (const f of changed) {
    appendAudit(db, { at, action: 'update', entity: spec.entity, entityId: id, sessionId, field: f, oldValue: before[spec.columns[f]], newValue: params[f] });
  }
  return { changed };
}

function toColumnValue(v: unknown): unknown {
  return v === undefined ? null : v;
}
