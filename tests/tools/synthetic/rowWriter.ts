// Writes SessionDocument rows straight into their tables with one prepared INSERT per table,
// columns taken from the record's own definition (record.ts, through the data layer's spec),
// values stored exactly as the app stores them (booleans 0/1, code lists as JSON).
import { spec } from '../../../electron/main/db/repos/entities';
import type BetterSqlite3 from 'better-sqlite3';
import type { DB } from '../../../electron/main/db/types';
import type { EntityName, Row } from '../../../shared/domain/model';

function toDb(storage: string, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (storage === 'bool') return value ? 1 : 0;
  if (storage === 'json') return JSON.stringify(value);
  return value;
}

export type RowWriter = <E extends EntityName>(entity: E, row: Row<E>) => void;

export function rowWriter(db: DB): RowWriter {
  const inserts = new Map<EntityName, { stmt: BetterSqlite3.Statement; params: (row: Record<string, unknown>) => unknown[] }>();
  const prepare = (entity: EntityName) => {
    const s = spec(entity);
    const fields = Object.entries(s.columns);
    const columns = ['id', ...(s.parentColumn ? [s.parentColumn] : []), ...(entity === 'patient' || entity === 'session' ? [] : ['seq']), ...fields.map(([, c]) => c.column), 'created_at', 'updated_at'];
    const stmt = db.prepare(`INSERT INTO ${s.table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
    const params = (row: Record<string, unknown>) => [
      row.id,
      ...(s.parentKey ? [row[s.parentKey]] : []),
      ...(entity === 'patient' || entity === 'session' ? [] : [row.seq]),
      ...fields.map(([field, c]) => toDb(c.storage, row[field])),
      row.createdAt,
      row.updatedAt,
    ];
    const entry = { stmt, params };
    inserts.set(entity, entry);
    return entry;
  };
  return (entity, row) => {
    const insert = inserts.get(entity) ?? prepare(entity);
    insert.stmt.run(insert.params(row as Record<string, unknown>));
  };
}
