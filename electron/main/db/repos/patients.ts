import type { Patient, PatientFieldValues } from '../../../../shared/domain/model';
import type { DB } from '../types';
import { stmt } from '../statements';
import { appendAudit } from './audit';
import { updateFields } from './fieldUpdate';

interface PatientRow {
  id: string;
  family_name: string | null;
  given_name: string | null;
  date_of_birth: string | null;
  nhs_number: string | null;
  created_at: string;
  updated_at: string;
}

export const PATIENT_COLUMNS: Record<keyof PatientFieldValues, string> = {
  familyName: 'family_name',
  givenName: 'given_name',
  dateOfBirth: 'date_of_birth',
  nhsNumber: 'nhs_number',
};

function toPatient(r: PatientRow): Patient {
  return {
    id: r.id,
    familyName: r.family_name,
    givenName: r.given_name,
    dateOfBirth: r.date_of_birth,
    nhsNumber: r.nhs_number,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function insertPatient(db: DB, id: string, at: string): Patient {
  stmt(db, 'INSERT INTO patient (id, created_at, updated_at) VALUES (?, ?, ?)').run(id, at, at);
  appendAudit(db, { at, action: 'create', entity: 'patient', entityId: id, sessionId: null });
  return getPatient(db, id)!;
}

export function getPatient(db: DB, id: string): Patient | undefined {
  const row = stmt(db, 'SELECT * FROM patient WHERE id = ?').get(id) as PatientRow | undefined;
  return row && toPatient(row);
}

export function listPatients(db: DB, limit: number): Patient[] {
  return (stmt(db, 'SELECT * FROM patient ORDER BY updated_at DESC, id LIMIT ?').all(limit) as PatientRow[]).map(toPatient);
}

export function updatePatient(db: DB, id: string, patch: Partial<PatientFieldValues>, at: string) {
  return updateFields(db, { table: 'patient', entity: 'patient', columns: PATIENT_COLUMNS }, id, null, patch, at);
}
