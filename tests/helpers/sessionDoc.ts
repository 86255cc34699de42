import type { Cycle, SessionDocument, TargetWithCycles } from '../../shared/domain/model';

// Builds synthetic session documents for tests (999-range NHS numbers, invented names).
let counter = 0;
const uuid = () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;
const AT = '2026-11-24T09:10:00.000Z';

export function cycle(seq: number, fields: Partial<Pick<Cycle, 'durationS' | 'tipTempC'>> = {}): Cycle {
  return { id: uuid(), targetId: '', seq, durationS: 90, tipTempC: -70, createdAt: AT, updatedAt: AT, ...fields };
}

export function target(seq: number, fields: Partial<Pick<TargetWithCycles, 'nerve' | 'branch' | 'side'>> = {}, cycles: Cycle[] = [cycle(1)]): TargetWithCycles {
  const id = uuid();
  return {
    id,
    sessionId: '',
    seq,
    nerve: 'musculocutaneous',
    branch: 'brachialis',
    side: 'left',
    createdAt: AT,
    updatedAt: AT,
    ...fields,
    cycles: cycles.map((c) => ({ ...c, targetId: id })),
  };
}

/** A complete, valid session in the spirit of domain.md example S1. */
export function sessionDoc(overrides: { patient?: Partial<SessionDocument['patient']>; targets?: TargetWithCycles[] } = {}): SessionDocument {
  const sessionId = uuid();
  const patientId = uuid();
  return {
    format: 'cryolog.session',
    formatVersion: 1,
    session: { id: sessionId, patientId, status: 'draft', startedAt: '2026-11-24T09:10:00+00:00', createdAt: AT, updatedAt: AT },
    patient: { id: patientId, familyName: 'Testpatient', givenName: 'Ada', dateOfBirth: '1964-05-02', nhsNumber: '9990079196', createdAt: AT, updatedAt: AT, ...overrides.patient },
    targets: (overrides.targets ?? [target(1), target(2, { branch: 'biceps-brachii' }), target(3, { nerve: 'radial', branch: 'brachioradialis' })]).map((t) => ({
      ...t,
      sessionId,
    })),
  };
}
