// Finds one row of the record on screen (in the open session, else the open patient), so a
// field component can subscribe to exactly its own value.
import type { EntityName } from '../../../shared/domain/record';
import { COLLECTION_OF, type AppState } from '../state/store';

type AnyRow = { id: string } & Record<string, unknown>;

export function findRow(s: AppState, entity: EntityName, id: string): AnyRow | null {
  const doc = s.sessionDoc;
  switch (entity) {
    case 'patient':
      if (doc?.patient.id === id) return doc.patient as unknown as AnyRow;
      return s.patientView?.patient.id === id ? (s.patientView.patient as unknown as AnyRow) : null;
    case 'allergy': {
      const lists = [s.patientView?.patient.allergies ?? [], doc?.patient.allergies ?? []];
      for (const list of lists) {
        const row = list.find((a) => a.id === id);
        if (row) return row as unknown as AnyRow;
      }
      return null;
    }
    case 'session':
      return doc?.session.id === id ? (doc.session as unknown as AnyRow) : null;
    case 'cycle':
      for (const t of doc?.targets ?? []) {
        const c = t.cycles.find((x) => x.id === id);
        if (c) return c as unknown as AnyRow;
      }
      return null;
    default: {
      if (!doc) return null;
      const list = doc[COLLECTION_OF[entity]] as unknown as AnyRow[];
      return list.find((r) => r.id === id) ?? null;
    }
  }
}

export function fieldValue(s: AppState, entity: EntityName, id: string, field: string): unknown {
  const row = findRow(s, entity, id);
  return row ? (row[field] ?? null) : null;
}
