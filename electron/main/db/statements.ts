import type BetterSqlite3 from 'better-sqlite3';
import type { DB } from './types';

// Prepared statements are compiled once per connection and reused: on the autosave path the
// compile step costs as much as the write itself. SQL strings come only from our own code
// (identifiers from fixed maps), so the cache stays small.
const caches = new WeakMap<DB, Map<string, BetterSqlite3.Statement>>();

export function stmt(db: DB, sql: string): BetterSqlite3.Statement {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = db.prepare(sql)));
  return statement;
}
