import { columnName, type Storage } from '../../../../shared/domain/fields';
import { ENTITY_DEFS, type EntityName } from '../../../../shared/domain/record';
import type { Row } from '../../../../shared/domain/model';
import type { DB } from '../types';
import { stmt } from '../statements';
import { appendAudit } from './audit';
import { closeSequenceGap } from './renumber';

// One generic data layer for every entity of the record (record.ts): reading rows into DTOs,
// adding a row under its parent, saving fields with their audit entries, and removing a row.
// Table and column names come only from ENTITY_DEFS (our code), values only through bound
// parameters.

interface TableSpec {
  entity: EntityName;
  table: string;
  /** e.g. "session" → column session_id, DTO key sessionId; null for the patient. */
  parent: EntityName | null;
  parentColumn: string | null;
  parentKey: string | null;
  columns: Record<string, { column: string; storage: Storage }>;
}

const SPECS = new Map<EntityName, TableSpec>(
  (Object.keys(ENTITY_DEFS) as EntityName[]).map((entity) => {
    const def = ENTITY_DEFS[entity];
    const parent = def.parent as EntityName | null;
    const columns: TableSpec['columns'] = {};
    for (const [field, fd] of Object.entries(def.fields)) columns[field] = { column: columnName(field), storage: fd.storage };
    return [entity, { entity, table: def.table, parent, parentColumn: parent ? `${columnName(parent)}_id` : null, parentKey: parent ? `${parent}Id` : null, columns }];
  }),
);

export function spec(entity: EntityName): TableSpec {
  return SPECS.get(entity)!;
}

/** Sequenced rows under a parent (everything but the patient and the session itself). */
function hasSeq(entity: EntityName): boolean {
  return entity !== 'patient' && entity !== 'session';
}

function toDb(storage: Storage, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (storage === 'bool') return value ? 1 : 0;
  if (storage === 'json') return JSON.stringify(value);
  return value;
}

function fromDb(storage: Storage, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (storage === 'bool') return value === 1;
  if (storage === 'json') return JSON.parse(String(value));
  return value;
}

export function toDto<E extends EntityName>(entity: E, row: Record<string, unknown>): Row<E> {
  const s = spec(entity);
  const dto: Record<string, unknown> = { id: row.id };
  if (s.parentKey && s.parentColumn) dto[s.parentKey] = row[s.parentColumn];
  if (hasSeq(entity)) dto.seq = row.seq;
  for (const [field, c] of Object.entries(s.columns)) dto[field] = fromDb(c.storage, row[c.column]);
  dto.createdAt = row.created_at;
  dto.updatedAt = row.updated_at;
  return dto as Row<E>;
}

// The row loads' SQL, exported for the query-plan test.
export function getRowSql(entity: EntityName): string {
  return `SELECT * FROM ${spec(entity).table} WHERE id = ?`;
}

export function listRowsSql(entity: EntityName): string {
  const s = spec(entity);
  return `SELECT * FROM ${s.table} WHERE ${s.parentColumn} = ? ORDER BY ${hasSeq(entity) ? 'seq' : 'created_at, id'}`;
}

export function getRow<E extends EntityName>(db: DB, entity: E, id: string): Row<E> | undefined {
  const row = stmt(db, getRowSql(entity)).get(id) as Record<string, unknown> | undefined;
  return row && toDto(entity, row);
}

/** Rows under one parent, in order. */
export function listRows<E extends EntityName>(db: DB, entity: E, parentId: string): Row<E>[] {
  return (stmt(db, listRowsSql(entity)).all(parentId) as Record<string, unknown>[]).map((r) =>
    toDto(entity, r),
  );
}

/** The session a row belongs to (for the audit trail and "last edited"), or null (patient data). */
export function sessionIdOf(db: DB, entity: EntityName, id: string): string | null {
  if (entity === 'session') return id;
  if (entity === 'patient' || entity === 'allergy') return null;
  if (entity === 'cycle') {
    const r = stmt(db, 'SELECT t.session_id AS s FROM freeze_cycle c JOIN target t ON t.id = c.target_id WHERE c.id = ?').get(id) as { s: string } | undefined;
    return r?.s ?? null;
  }
  const s = spec(entity);
  const r = stmt(db, `SELECT ${s.parentColumn} AS s FROM ${s.table} WHERE id = ?`).get(id) as { s: string } | undefined;
  return r?.s ?? null;
}

/** Adds a row under its parent, at the end of the parent's sequence, with initial values. */
export function insertRow<E extends EntityName>(
  db: DB,
  entity: E,
  id: string,
  parentId: string | null,
  at: string,
  values: Record<string, unknown> = {},
  sessionId: string | null = null,
  reason?: string,
): Row<E> {
  const s = spec(entity);
  const cols = ['id', 'created_at', 'updated_at'];
  const params: Record<string, unknown> = { id, created_at: at, updated_at: at };
  if (s.parentColumn) {
    cols.push(s.parentColumn);
    params[s.parentColumn] = parentId;
  }
  if (hasSeq(entity)) {
    const { next } = stmt(db, `SELECT coalesce(max(seq), 0) + 1 AS next FROM ${s.table} WHERE ${s.parentColumn} = ?`).get(parentId) as { next: number };
    cols.push('seq');
    params.seq = next;
  }
  for (const [field, value] of Object.entries(values)) {
    const c = s.columns[field];
    if (!c || value === undefined) continue;
    cols.push(c.column);
    params[c.column] = toDb(c.storage, value);
  }
  stmt(db, `INSERT INTO ${s.table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(params);
  const created = getRow(db, entity, id)!;
  appendAudit(db, { at, action: 'create', entity, entityId: id, sessionId, newValue: created, ...(reason ? { reason } : {}) });
  return created;
}

/**
 * The autosave write: sets the given fields of one row and records each changed field in the
 * audit trail, in the caller's transaction. Returns the fields that really changed.
 */
export function updateRow(db: DB, entity: EntityName, id: string, patch: Record<string, unknown>, at: string, sessionId: string | null, reason?: string): string[] {
  const s = spec(entity);
  const fields = Object.keys(patch).filter((f) => Object.hasOwn(s.columns, f));
  if (fields.length === 0) return [];
  const before = stmt(db, `SELECT ${fields.map((f) => s.columns[f]!.column).join(', ')} FROM ${s.table} WHERE id = ?`).get(id) as
    | Record<string, unknown>
    | undefined;
  if (!before) return [];
  const changed = fields.filter((f) => before[s.columns[f]!.column] !== toDb(s.columns[f]!.storage, patch[f]));
  if (changed.length === 0) return [];
  const params: Record<string, unknown> = { id, updated_at: at };
  for (const f of changed) params[f] = toDb(s.columns[f]!.storage, patch[f]);
  stmt(db, `UPDATE ${s.table} SET ${changed.map((f) => `${s.columns[f]!.column} = @${f}`).join(', ')}, updated_at = @updated_at WHERE id = @id`).run(params);
  for (const f of changed) {
    const storage = s.columns[f]!.storage;
    appendAudit(db, {
      at,
      action: 'update',
      entity,
      entityId: id,
      sessionId,
      field: f,
      oldValue: fromDb(storage, before[s.columns[f]!.column]),
      newValue: fromDb(storage, params[f]),
      ...(reason ? { reason } : {}),
    });
  }
  return changed;
}

/** Removes a row (its children go with it) and closes the gap in its parent's numbering. */
export function deleteRow(db: DB, entity: EntityName, id: string, at: string, sessionId: string | null): boolean {
  const s = spec(entity);
  const row = getRow(db, entity, id) as (Record<string, unknown> & { seq?: number }) | undefined;
  if (!row) return false;
  // The audit entry keeps what went with the row (cycles of a target: ON DELETE CASCADE).
  const removed: Record<string, unknown> = { ...row };
  if (entity === 'target') removed.cycles = listRows(db, 'cycle', id);
  stmt(db, `DELETE FROM ${s.table} WHERE id = ?`).run(id);
  if (hasSeq(entity) && s.parentColumn && s.parentKey && typeof row.seq === 'number') {
    closeSequenceGap(db, s.table, s.parentColumn, String(row[s.parentKey]), row.seq);
  }
  appendAudit(db, { at, action: 'delete', entity, entityId: id, sessionId, oldValue: removed });
  return true;
}
