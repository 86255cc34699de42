import type { DB } from '../types';
import { AUDIT_GENESIS_HASH, auditEntryHash, type AuditChainContent } from '../auditChain';

/** The entry where the chain breaks, as a person would name it; null fields: the entry is gone. */
export interface BrokenEntry {
  at: string | null;
  actor: string | null;
  /** For example "update cycle.tipTempC". */
  what: string | null;
}

export type AuditChainCheck =
  | { ok: true; entries: number; lastId: number | null; lastHash: string | null }
  | ({ ok: false; entries: number; firstBrokenId: number; reason: string } & BrokenEntry);

type StoredRow = AuditChainContent & { prev_hash: string | null; hash: string | null };

/**
 * Walks the whole audit trail in id order and recomputes every link. Ids are never reused nor
 * skipped (appendAudit takes the next AUTOINCREMENT id, and the triggers refuse deletes), so
 * besides a hash that does not match its row, a gap in the ids and a prev_hash that is not the
 * previous row's hash are both proof of a change made outside CryoLog. Entries removed from
 * the end show in sqlite_sequence, which still remembers the highest id ever written.
 *
 * Read in one transaction: a consistent snapshot even while the app keeps writing.
 */
export function verifyAuditChain(db: DB): AuditChainCheck {
  return db.transaction((): AuditChainCheck => {
    let entries = 0;
    let prevId = 0;
    let prevHash = AUDIT_GENESIS_HASH;
    let broken: { row: StoredRow; reason: string } | null = null;
    const rows = db
      .prepare('SELECT id, at, actor, action, entity, entity_id, session_id, field, old_value, new_value, reason, prev_hash, hash FROM audit_log ORDER BY id')
      .iterate() as IterableIterator<StoredRow>;
    for (const row of rows) {
      entries++;
      if (broken) continue; // keep counting: the answer says how long the trail is
      const reason = linkProblem(row, prevId, prevHash);
      if (reason) broken = { row, reason };
      prevId = row.id;
      prevHash = row.hash ?? '';
    }
    if (broken) return { ok: false, entries, firstBrokenId: broken.row.id, reason: broken.reason, ...describe(broken.row) };

    const seq = db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").pluck().get() as number | undefined;
    if (seq !== undefined && seq > prevId) {
      const missing = seq === prevId + 1 ? `the last entry, #${seq}, is missing` : `the last entries, #${prevId + 1} to #${seq}, are missing`;
      return { ok: false, entries, firstBrokenId: prevId + 1, reason: `${missing}: the trail was cut short`, at: null, actor: null, what: null };
    }
    return { ok: true, entries, lastId: entries > 0 ? prevId : null, lastHash: entries > 0 ? prevHash : null };
  })();
}

/** Why this row does not continue the chain, or null when it does. */
function linkProblem(row: StoredRow, prevId: number, prevHash: string): string | null {
  if (row.hash === null || row.prev_hash === null) return 'it has no hash, so it was not written by CryoLog';
  if (auditEntryHash(row, row.prev_hash) !== row.hash) return 'its content does not match its hash: it was changed after it was written';
  if (row.id <= prevId) return `its number (#${row.id}) is not one CryoLog gives: it was inserted outside CryoLog`;
  if (row.id !== prevId + 1) {
    return row.id === prevId + 2
      ? `entry #${prevId + 1} is missing: it was removed after it was written`
      : `entries #${prevId + 1} to #${row.id - 1} are missing: they were removed after they were written`;
  }
  if (row.prev_hash !== prevHash) {
    return prevId === 0
      ? 'it claims to follow an earlier entry, but it is the first one'
      : `it does not follow on from entry #${prevId}: that entry was changed (and its hash recomputed), or entries were inserted or reordered`;
  }
  return null;
}

/** What the broken entry says, clipped: a forged row may hold anything. */
function describe(row: StoredRow): BrokenEntry {
  return { at: clip(row.at), actor: clip(row.actor), what: clip(`${row.action} ${row.entity}${row.field ? `.${row.field}` : ''}`) };
}

function clip<T extends string | null>(text: T): T {
  return (text !== null && text.length > 200 ? `${text.slice(0, 199)}…` : text) as T;
}
