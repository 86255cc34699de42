import type { SessionListItem } from '../../../../shared/ipc/contract';
import { normaliseNhsNumber } from '../../../../shared/domain/nhsNumber';
import type { DB } from '../types';
import { stmt } from '../statements';
import { SESSION_LIST_SELECT_SQL, toListItem, type ListRow } from './sessions';

// Exported for the query-plan test (tests/db/queryPlans.test.ts).
export const PATIENTS_BY_NHS_NUMBER_SQL = 'SELECT id FROM patient WHERE nhs_number = ?';
// A name prefix as a NOCASE range on each name rather than LIKE: each range is served by its
// NOCASE index (patient_family_name, patient_given_name) whatever the text, where LIKE's index
// use depends on the bound value, the ESCAPE clause and case_sensitive_like. A UNION of the two
// ranges, not an OR: given an OR of two ranges, the planner (after ANALYZE) chose to read every
// patient (tests/db/queryPlans.test.ts). NOCASE folds ASCII letters only, as LIKE does.
const PATIENTS_NAMED_SQL = `
  SELECT id FROM patient WHERE family_name >= @from COLLATE NOCASE AND family_name < @below COLLATE NOCASE
  UNION
  SELECT id FROM patient WHERE given_name >= @from COLLATE NOCASE AND given_name < @below COLLATE NOCASE`;
export const PATIENTS_BY_NAME_PREFIX_SQL = `${PATIENTS_NAMED_SQL} LIMIT @cap`;
// A prefix shared by many patients ("Smi", "Jo"): the newest sessions first, walking the
// started_at index and keeping those of a matching patient, so it stops after `limit` rows.
// UNION ALL: IN needs no distinct list, and a UNION would sort the matching patients. The unary + keeps SQLite from driving the loop by patient_id (it would then sort every
// matching session): with many matches, the newest 50 come within a few thousand rows.
export const RECENT_SESSIONS_BY_NAME_PREFIX_SQL = `${SESSION_LIST_SELECT_SQL}
  WHERE +s.patient_id IN (${PATIENTS_NAMED_SQL.replace('UNION', 'UNION ALL')})
  ORDER BY s.started_at DESC, s.id LIMIT @limit`;

// Few matching patients: their sessions' keys only (the session_patient index), newest first in
// memory, then the list columns (two count subqueries each) for the `limit` shown. Building the
// whole list row of every matching session first made a prefix such as "Hol" (a few hundred
// sessions) the slowest search at 100,000 sessions.
export const SESSION_KEYS_OF_PATIENT_SQL = 'SELECT id, started_at AS startedAt FROM session WHERE patient_id = ?';
export const SESSION_LIST_ITEM_SQL = `${SESSION_LIST_SELECT_SQL} WHERE s.id = ?`;

/** Up to this many matching patients, their sessions are read patient by patient (few rows); beyond, newest-first. */
const FEW_PATIENTS = 200;

/** The half-open range of text that starts with prefix: the highest code point sorts after any next character. */
export function prefixRange(prefix: string): { from: string; below: string } {
  return { from: prefix, below: `${prefix}\u{10FFFF}` };
}

/**
 * Sessions of the patients a search names: by NHS number (all ten digits, spaces and dashes
 * allowed) or by the start of a family or given name, case-insensitively.
 */
export function searchSessions(db: DB, search: string, limit: number): SessionListItem[] {
  const text = search.trim();
  const digits = normaliseNhsNumber(text);
  let patientIds: { id: string }[];
  if (/^\d{10}$/.test(digits)) {
    patientIds = stmt(db, PATIENTS_BY_NHS_NUMBER_SQL).all(digits) as { id: string }[];
  } else {
    const range = prefixRange(text);
    patientIds = stmt(db, PATIENTS_BY_NAME_PREFIX_SQL).all({ ...range, cap: FEW_PATIENTS + 1 }) as { id: string }[];
    // Many patients share the prefix: every one of them counts, so the newest sessions across
    // all of them are answered, never those of an arbitrary first 200.
    if (patientIds.length > FEW_PATIENTS) return (stmt(db, RECENT_SESSIONS_BY_NAME_PREFIX_SQL).all({ ...range, limit }) as ListRow[]).map(toListItem);
  }
  const keys = patientIds.flatMap(({ id }) => stmt(db, SESSION_KEYS_OF_PATIENT_SQL).all(id) as SessionKey[]);
  return keys
    .sort(newestFirst)
    .slice(0, limit)
    .map(({ id }) => toListItem(stmt(db, SESSION_LIST_ITEM_SQL).get(id) as ListRow));
}

interface SessionKey {
  id: string;
  startedAt: string;
}

/** The session list's order (ORDER BY started_at DESC, id): newest first, ties by id. */
function newestFirst(a: SessionKey, b: SessionKey): number {
  if (a.startedAt !== b.startedAt) return a.startedAt < b.startedAt ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
