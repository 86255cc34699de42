import type { DB, Migration } from '../types';
import { AUDIT_GENESIS_HASH, auditEntryHash, type AuditChainContent } from '../auditChain';

// A tamper-evident audit trail (issue 6): each audit_log row carries prev_hash and hash (the
// rule is in auditChain.ts). Existing rows are hashed here, in id order, inside the migration's
// transaction, so an upgraded database verifies. The append-only triggers of migration 3 stay:
// the one refusing UPDATE is dropped only while the backfill writes the hashes, then recreated
// exactly as it was, in the same transaction.
//
// A new trigger refuses an insert that does not carry a hash linked to the current last row:
// every audit row must come through appendAudit, which computes both.

const BATCH = 1000;

export const migration0005: Migration = {
  version: 5,
  name: 'audit-hash-chain',
  up(db) {
    db.exec(`
      ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
      ALTER TABLE audit_log ADD COLUMN hash TEXT;
      DROP TRIGGER audit_log_no_update;
    `);
    backfill(db);
    db.exec(`
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'CRYOLOG_LOCKED: the audit trail cannot be changed'); END;

      CREATE TRIGGER audit_log_chained BEFORE INSERT ON audit_log
      WHEN NEW.hash IS NULL OR length(NEW.hash) <> 64
        OR NEW.prev_hash IS NOT coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '${AUDIT_GENESIS_HASH}')
      BEGIN SELECT RAISE(ABORT, 'CRYOLOG_AUDIT_CHAIN: an audit entry must carry its hash, linked to the last entry'); END;
    `);
  },
};

/** Hashes the existing rows in id order, a batch at a time (better-sqlite3 cannot update while iterating). */
function backfill(db: DB): void {
  const read = db.prepare(
    `SELECT id, at, actor, action, entity, entity_id, session_id, field, old_value, new_value, reason
     FROM audit_log WHERE id > ? ORDER BY id LIMIT ${BATCH}`,
  );
  const write = db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?');
  let prev = AUDIT_GENESIS_HASH;
  let lastId = 0;
  for (;;) {
    const rows = read.all(lastId) as AuditChainContent[];
    for (const row of rows) {
      const hash = auditEntryHash(row, prev);
      write.run(prev, hash, row.id);
      prev = hash;
      lastId = row.id;
    }
    if (rows.length < BATCH) return;
  }
}
