import type { DB } from '../types';
import { stmt } from '../statements';

const PARKED = 1_000_000;

/**
 * Closes the gap a deleted row leaves in a 1..n sequence (targets in a session, cycles in a
 * target) so that the record reads "cycle 1, cycle 2" again. UNIQUE(parent, seq) is checked
 * row by row during an UPDATE, so the rows are first moved out of the way (far above any real
 * number; CHECK (seq >= 1) rules out negating them) and then brought back one lower.
 * Table and column names come from ENTITY_DEFS, never from a request.
 */
export function closeSequenceGap(db: DB, table: string, parentColumn: string, parentId: string, deletedSeq: number): void {
  stmt(db, `UPDATE ${table} SET seq = seq + ${PARKED} WHERE ${parentColumn} = ? AND seq > ?`).run(parentId, deletedSeq);
  stmt(db, `UPDATE ${table} SET seq = seq - ${PARKED} - 1 WHERE ${parentColumn} = ? AND seq > ${PARKED}`).run(parentId);
}
