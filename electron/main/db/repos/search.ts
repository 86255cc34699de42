import type { SessionListItem } from '../../../../shared/ipc/contract';
import { normaliseNhsNumber } from '../../../../shared/domain/nhsNumber';
import type { DB } from '../types';
import { stmt } from '../statements';
import { listSessionsForPatient } from './sessions';

/**
 * Sessions of the patients a search names: by NHS number (all ten digits, spaces and dashes
 * allowed) or by the start of a family or given name, case-insensitively. Both use an index
 * (patient_nhs_number; patient_family_name with NOCASE for the prefix range).
 */
export function searchSessions(db: DB, search: string, limit: number): SessionListItem[] {
  const text = search.trim();
  const digits = normaliseNhsNumber(text);
  let patientIds: string[];
  if (/^\d{10}$/.test(digits)) {
    patientIds = (stmt(db, 'SELECT id FROM patient WHERE nhs_number = ?').all(digits) as { id: string }[]).map((r) => r.id);
  } else {
    const prefix = text.replace(/[%_\\]/g, (c) => `\\${c}`);
    patientIds = (
      stmt(db, "SELECT id FROM patient WHERE family_name LIKE ? ESCAPE '\\' OR given_name LIKE ? ESCAPE '\\' LIMIT 200").all(`${prefix}%`, `${prefix}%`) as { id: string }[]
    ).map((r) => r.id);
  }
  return patientIds
    .flatMap((id) => listSessionsForPatient(db, id))
    .sort((a, b) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0))
    .slice(0, limit);
}
