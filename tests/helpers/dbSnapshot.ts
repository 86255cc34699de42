import { createHash } from 'node:crypto';
import type { DB } from '../../electron/main/db/types';

export interface DbSnapshot {
  /** The schema itself: a dropped or altered table shows here. */
  schema: string;
  /** Per table: row count and a hash of every row (in rowid order). */
  tables: Record<string, { rows: number; sha256: string }>;
  auditRows: number;
}

/** Everything stored, in a form two snapshots can be compared with: "nothing written" means equal. */
export function dbSnapshot(db: DB): DbSnapshot {
  const objects = db.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all() as {
    type: string;
    name: string;
    sql: string | null;
  }[];
  const tables: DbSnapshot['tables'] = {};
  for (const { name, sql } of objects.filter((o) => o.type === 'table')) {
    // A WITHOUT ROWID table (FTS5's shadow tables) has no rowid; it is read in primary-key order.
    const order = /WITHOUT ROWID/i.test(sql ?? '') ? '' : ' ORDER BY rowid';
    const rows = db.prepare(`SELECT * FROM "${name.replaceAll('"', '""')}"${order}`).raw().all();
    tables[name] = { rows: rows.length, sha256: createHash('sha256').update(JSON.stringify(rows, bigintAsText)).digest('hex') };
  }
  return {
    schema: createHash('sha256').update(JSON.stringify(objects)).digest('hex'),
    tables,
    auditRows: tables['audit_log']?.rows ?? -1,
  };
}

/** Blobs arrive as Buffers (JSON gives their bytes); 64-bit integers, if enabled, as bigint. */
function bigintAsText(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? `${value}n` : value;
}

/**
 * Cheap to read before and after every request: rows changed on this connection (by any
 * statement or trigger, kept even when rolled back) and the schema's version. When it has not
 * moved, nothing was written and the full snapshot can be skipped.
 */
export function writeCounter(db: DB): string {
  const { changes } = db.prepare('SELECT total_changes() AS changes').get() as { changes: number };
  return `${changes}:${String(db.pragma('schema_version', { simple: true }))}`;
}
