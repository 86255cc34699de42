import type { Acknowledgement } from '../../../../shared/domain/model';
import type { DB } from '../types';
import { stmt } from '../statements';

interface AckRow {
  id: string;
  session_id: string;
  rule_id: string;
  entity: string;
  entity_id: string;
  field: string | null;
  reason: string | null;
  acknowledged_by: string;
  at: string;
}

const toAck = (r: AckRow): Acknowledgement => ({
  id: r.id,
  sessionId: r.session_id,
  ruleId: r.rule_id,
  entity: r.entity,
  entityId: r.entity_id,
  field: r.field,
  reason: r.reason,
  acknowledgedBy: r.acknowledged_by,
  at: r.at,
});

/** Exported for the query-plan test. */
export const LIST_ACKNOWLEDGEMENTS_SQL = 'SELECT * FROM acknowledgement WHERE session_id = ? ORDER BY at, id';

export function listAcknowledgements(db: DB, sessionId: string): Acknowledgement[] {
  return (stmt(db, LIST_ACKNOWLEDGEMENTS_SQL).all(sessionId) as AckRow[]).map(toAck);
}

/** Append-only: an acknowledgement is evidence and is never edited. */
export function insertAcknowledgement(db: DB, a: Acknowledgement): void {
  stmt(
    db,
    `INSERT INTO acknowledgement (id, session_id, rule_id, entity, entity_id, field, reason, acknowledged_by, at)
     VALUES (@id, @sessionId, @ruleId, @entity, @entityId, @field, @reason, @acknowledgedBy, @at)`,
  ).run(a);
}
