import type { DB } from '../types';
import type { LastTargets } from '../../../../shared/ipc/targetsContract';
import { REPEATED_TARGET_FIELDS, pickRecorded } from '../../../../shared/domain/carriedTargetFields';
import { stmt } from '../statements';
import { appendAudit } from './audit';
import { insertRow, listRows } from './entities';
import { effectiveStatusSql, touchSession } from './sessions';

// "Repeat the targets of the last session" for a returning patient. The last session is the
// patient's most recent one started before this one that has targets; one entered in error
// is never a source. Start times carry their UTC offset, so they are compared as instants
// (julianday), not as text: 09:30+01:00 is before 09:00+00:00.
/** Exported for the query-plan test. */
export const LAST_TARGETS_SQL = `
  SELECT s.id, s.started_at FROM session s, session cur
  WHERE cur.id = @sessionId AND s.patient_id = cur.patient_id AND s.id <> cur.id
    AND julianday(s.started_at) < julianday(cur.started_at)
    AND ${effectiveStatusSql('s')} <> 'entered-in-error'
    AND EXISTS (SELECT 1 FROM target t WHERE t.session_id = s.id)
  ORDER BY julianday(s.started_at) DESC, s.id LIMIT 1`;

export function findLastTargets(db: DB, sessionId: string): LastTargets {
  const row = stmt(db, LAST_TARGETS_SQL).get({ sessionId }) as { id: string; started_at: string } | undefined;
  if (!row) return null;
  const targets = listRows(db, 'target', row.id).map((t) => ({ seq: t.seq, side: t.side, nerve: t.nerve, branch: t.branch }));
  return { sessionId: row.id, startedAt: row.started_at, targets };
}

/**
 * Copies the earlier session's targets (where, and the technique; no observation, dose or
 * device) into this one, in the caller's transaction; each new target has its audit entry,
 * and the session one naming the source. Answers how many were copied.
 */
export function copyTargets(db: DB, fromSessionId: string, toSessionId: string, at: string, newId: () => string): number {
  const sources = listRows(db, 'target', fromSessionId);
  for (const source of sources) insertRow(db, 'target', newId(), toSessionId, at, pickRecorded(source, REPEATED_TARGET_FIELDS), toSessionId);
  appendAudit(db, { at, action: 'update', entity: 'session', entityId: toSessionId, sessionId: toSessionId, field: 'targetsRepeated', newValue: { fromSessionId, count: sources.length } });
  touchSession(db, toSessionId, at);
  return sources.length;
}
