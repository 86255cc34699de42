// The session screen's sections, in the order the procedure happens, and which section each
// part of the record belongs to (for the section menu's counts and for "Go to" from a finding).
import type { SESSION_FIELDS } from '../../../../shared/domain/record';

export const SECTIONS = [
  { id: 'before', title: 'Before' },
  { id: 'safety', title: 'Safety' },
  { id: 'devices', title: 'Devices' },
  { id: 'targets', title: 'Targets' },
  { id: 'outcome', title: 'Outcome' },
  { id: 'complications', title: 'Complications' },
  { id: 'sign-out', title: 'Sign-out' },
  { id: 'aftercare', title: 'Aftercare' },
] as const;

export type SectionId = (typeof SECTIONS)[number]['id'];

export const sectionDomId = (id: SectionId) => `section-${id}`;

type SessionField = keyof typeof SESSION_FIELDS;

/** Every session-level field, in the section that shows it (the lists also set the order on screen). */
export const SESSION_FIELD_SECTIONS: Record<SectionId, readonly SessionField[]> = {
  before: [
    'location',
    'odsCode',
    'setting',
    'startedAt',
    'endedAt',
    'status',
    'statusReason',
    'consentType',
    'consentDate',
    'consentTaker',
    'leafletGiven',
    'capacityAssessed',
    'anticoagulant',
    'anticoagulantAction',
    'inrValue',
    'inrDate',
    'inrSource',
    'inrTargetLow',
    'inrTargetHigh',
    'preAnalgesiaTaken',
    'preAnalgesiaNote',
    'baselinePainNrs',
    'firstTreatment',
  ],
  safety: [
    'signInDone',
    'signInTime',
    'signInBy',
    'patientIdConfirmed',
    'proceduresMatchConsent',
    'siteMarked',
    'siteMarkedReason',
    'allergiesReconfirmed',
    'anticoagReconfirmed',
    'equipmentChecked',
    'timeOutTime',
    'timeOutBy',
  ],
  devices: [],
  targets: [],
  outcome: ['painNrsPost', 'tolerance', 'functionalObservation'],
  complications: ['complicationsAnswer'],
  'sign-out': ['signOutDone', 'signOutTime', 'signOutBy'],
  aftercare: ['aftercareAdviceGiven', 'aftercareTopics', 'fallsAdvice', 'analgesiaPlan', 'therapyPlan', 'gpLetter', 'repeatTreatmentNote', 'notes'],
};

const ENTITY_SECTION: Record<string, SectionId> = {
  teamMember: 'before',
  consentSite: 'before',
  goal: 'before',
  diagnosticBlock: 'before',
  device: 'devices',
  target: 'targets',
  cycle: 'targets',
  outcome: 'outcome',
  complication: 'complications',
  followUp: 'aftercare',
};

/** Findings about a list as a whole name the list ("targets", "team"…) as their field. */
const LIST_SECTION: Record<string, SectionId> = {
  team: 'before',
  teamMembers: 'before',
  consentSites: 'before',
  goals: 'before',
  diagnosticBlocks: 'before',
  devices: 'devices',
  targets: 'targets',
  outcomes: 'outcome',
  complications: 'complications',
  followUps: 'aftercare',
};

export function sectionOf(entity: string, field: string | null): SectionId | null {
  if (entity === 'session') {
    for (const s of SECTIONS) if ((SESSION_FIELD_SECTIONS[s.id] as readonly string[]).includes(field ?? '')) return s.id;
    return LIST_SECTION[field ?? ''] ?? 'before';
  }
  return ENTITY_SECTION[entity] ?? null;
}
