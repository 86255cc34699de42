import type { SessionListItem } from '../../../../shared/ipc/contract';
import { normaliseNhsNumber } from '../../../../shared/domain/nhsNumber';
import type { DB } from '../types';
import { stmt } from '../statements';
import { listSessionsForPatient } from './sessions';

// Exported for the query-plan test (tests/db/queryPlans.test.ts).
export const PATIENTS_BY_NHS_NUMBER_SQL = 'SELECT id FROM patient WHERE nhs_number = ?';
// A name prefix as a NOCASE range on each name rather than LIKE: each range is served by its
// NOCASE index (patient_family_name, patient_given_name) whatever the text, where LIKE's index
// use depends on the bound value, the ESCAPE clause and case_sensitive_like. A UNION of the two
// ranges, not an OR: given an OR of two ranges, the planner (after ANALYZE) chose to read every
// patient (tests/db/queryPlans.test.ts). NOCASE folds ASCII letters only, as LIKE does.
export const PATIENTS_BY_NAME_PREFIX_SQL = `
  SELECT id FROM patient WHERE family_name >= @from COLLATE NOCASE AND family_name < @below COLLATE NOCASE
  UNION
  SELECT id FROM patient WHERE given_name >= @from COLLATE NOCASE AND given_name < @below COLLATE NOCASE
  LIMIT 200`;

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
  const patientIds = (
    /^\d{10}$/.test(digits) ? stmt(db, PATIENTS_BY_NHS_NUMBER_SQL).all(digits) : stmt(db, PATIENTS_BY_NAME_PREFIX_SQL).all(prefixRange(text))
  ) as { id: string }[];
  return patientIds
    .flatMap(({ id }) => listSessionsForPatient(db, id))
    .sort((a, b) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0))
    .slice(0, limit);
}
