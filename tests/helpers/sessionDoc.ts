import type { Cycle, SessionDocument, TargetWithCycles } from '../../shared/domain/model';
import { blankFields } from '../../shared/domain/blank';

// Builds synthetic session documents for tests (999-range NHS numbers, invented names).
let counter = 0;
export const uuid = () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;
const AT = '2026-11-24T09:10:00.000Z';
const stamps = { createdAt: AT, updatedAt: AT };

export function cycle(seq: number, fields: Partial<Cycle> = {}): Cycle {
  return { id: uuid(), targetId: '', seq, ...blankFields('cycle'), durationS: 90, tipTempC: -70, ...stamps, ...fields };
}

export function target(seq: number, fields: Partial<TargetWithCycles> = {}, cycles: Cycle[] = [cycle(1)]): TargetWithCycles {
  const id = uuid();
  return {
    id,
    sessionId: '',
    seq,
    ...blankFields('target'),
    nerve: 'musculocutaneous',
    branch: 'brachialis',
    side: 'left',
    ...stamps,
    ...fields,
    cycles: cycles.map((c) => ({ ...c, targetId: id })),
  };
}

/** A minimal session document: the patient and the targets given, every other part empty. */
export function sessionDoc(overrides: { patient?: Partial<SessionDocument['patient']>; targets?: TargetWithCycles[] } = {}): SessionDocument {
  const sessionId = uuid();
  const patientId = uuid();
  return {
    format: 'cryolog.session',
    formatVersion: 1,
    session: { id: sessionId, patientId, ...blankFields('session'), status: 'draft', startedAt: '2026-11-24T09:10:00+00:00', ...stamps },
    patient: {
      id: patientId,
      ...blankFields('patient'),
      familyName: 'Testpatient',
      givenName: 'Ada',
      dateOfBirth: '1964-05-02',
      nhsNumber: '9990079196',
      ...stamps,
      allergies: [],
      ...overrides.patient,
    },
    team: [],
    consentSites: [],
    goals: [],
    diagnosticBlocks: [],
    devices: [],
    targets: (overrides.targets ?? [target(1), target(2, { branch: 'biceps-brachii' }), target(3, { nerve: 'radial', branch: 'brachioradialis' })]).map((t) => ({
      ...t,
      sessionId,
    })),
    outcomes: [],
    complications: [],
    followUps: [],
    acknowledgements: [],
  };
}
