// The whole session record (domain.md §2), declared once. Every entity lists its editable
// fields; the IPC contract, the session file format, the data layer's column maps and the UI
// labels all derive from this, so a field is added in one place (plus its migration).
import { z } from 'zod';
import { f, type Fields } from './fields';
import {
  ABORT_REASONS,
  AETIOLOGIES,
  AFFECTED_SIDES,
  AFTERCARE_TOPICS,
  ALLERGENS,
  ALLERGY_STATUSES,
  ANTICOAGULANT_ACTIONS,
  ANTICOAGULANTS,
  APPROACHES,
  BLOCK_AGENTS,
  BLOCK_RESULTS,
  CLINICAL_PATTERNS,
  COLD_CONTRAINDICATIONS,
  COMPLICATION_ACTIONS,
  COMPLICATION_TYPES,
  COMPLICATIONS_ANSWERS,
  CONSENT_TYPES,
  CYCLE_OUTCOMES,
  FOLLOW_UP_KINDS,
  IMPLANTED_DEVICES,
  INR_SOURCES,
  LA_AGENTS,
  LIMB_REGIONS,
  MAS_CODES,
  MUSCLE_GROUPS,
  NERVE_CODES,
  NHS_ABSENT_REASONS,
  NHS_VERIFICATION,
  ONSETS,
  PREGNANCY_STATUSES,
  REGISTRATION_BODIES,
  RESTIM_RESPONSES,
  SESSION_STATUS_CODES,
  SETTINGS,
  SEVERITIES,
  SEXES,
  SIDES,
  SITE_MARKED,
  STIM_VIA,
  SYSTEM_TYPES,
  TARDIEU_V,
  TARDIEU_X,
  TEAM_ROLES,
  THAW_TYPES,
  TOLERANCES,
} from './valueSets';

/** A code from a value set that depends on another field (a branch of the chosen nerve). */
const branchCode = (label: string) => ({ label, storage: 'text' as const, schema: z.string().regex(/^[a-z0-9-]{1,40}$/, 'Choose from the list.') });
const muscleCode = branchCode;
/** Angles in degrees: storage takes any whole number a typo could give; E07 checks ±180. */
const angle = (label: string) => f.int(label, -100_000, 100_000);
/** Scores (NRS, GAS): storage takes any whole number; E07 checks the scale. */
const score = (label: string) => f.int(label, -1_000, 1_000);
const person = (label: string) => f.text(label, 120);

export const PATIENT_FIELDS = {
  familyName: f.text('Family name', 100),
  givenName: f.text('Given name', 100),
  dateOfBirth: f.date('Date of birth'),
  sex: f.code('Sex', SEXES),
  // Digits only; an incomplete or wrong number is saved as typed and flagged by rule E01.
  nhsNumber: { label: 'NHS number', storage: 'text' as const, schema: z.string().regex(/^\d{0,10}$/, 'An NHS number is up to 10 digits.') },
  nhsNumberAbsentReason: f.code('Reason there is no NHS number', NHS_ABSENT_REASONS),
  nhsNumberVerified: f.code('NHS number verification', NHS_VERIFICATION),
  localMrn: f.text('Local hospital number', 30),
  weightKg: f.dec('Weight (kg)', 0, 1_000),
  aetiology: f.code('Cause of spasticity', AETIOLOGIES),
  affectedSide: f.code('Affected side', AFFECTED_SIDES),
  ambulant: f.bool('Walks (ambulant)'),
  allergyStatus: f.code('Allergies', ALLERGY_STATUSES),
  coldContraindications: f.codes('Cold-related contraindications', COLD_CONTRAINDICATIONS),
  implantedDevices: f.codes('Implanted electrical devices', IMPLANTED_DEVICES),
  implantedDeviceNote: f.text('Implanted device details', 200),
  pregnancyStatus: f.code('Pregnancy', PREGNANCY_STATUSES),
} satisfies Fields;

export const ALLERGY_FIELDS = {
  allergen: f.code('Allergen', ALLERGENS),
  detail: f.text('Allergen details', 200),
  reaction: f.text('Reaction', 200),
} satisfies Fields;

export const SESSION_FIELDS = {
  // Envelope (§2.1)
  status: f.code('Status', SESSION_STATUS_CODES),
  statusReason: f.text('Reason for the status', 500),
  startedAt: f.datetime('Session start'),
  endedAt: f.datetime('Session end'),
  location: f.text('Location', 120),
  odsCode: f.text('ODS code', 10),
  setting: f.code('Setting', SETTINGS),
  // Pre-procedure checks (§2.3)
  consentType: f.code('Consent type', CONSENT_TYPES),
  consentDate: f.date('Consent date'),
  consentTaker: person('Consent taken by'),
  leafletGiven: f.bool('Patient leaflet given'),
  capacityAssessed: f.bool('Capacity assessed'),
  anticoagulant: f.code('Anticoagulant', ANTICOAGULANTS),
  anticoagulantAction: f.code('Anticoagulant action', ANTICOAGULANT_ACTIONS),
  inrValue: f.dec('INR', 0, 100),
  inrDate: f.date('INR date'),
  inrSource: f.code('INR source', INR_SOURCES),
  inrTargetLow: f.dec('INR target, low', 0, 100),
  inrTargetHigh: f.dec('INR target, high', 0, 100),
  preAnalgesiaTaken: f.bool('Analgesia taken before'),
  preAnalgesiaNote: f.text('Analgesia details', 300),
  baselinePainNrs: score('Baseline pain (0–10)'),
  firstTreatment: f.bool('First cryoneurolysis treatment'),
  // Safety checks (§2.4)
  signInDone: f.bool('Sign-in done'),
  signInTime: f.datetime('Sign-in time'),
  signInBy: person('Sign-in by'),
  patientIdConfirmed: f.bool('Patient identity confirmed (two identifiers)'),
  proceduresMatchConsent: f.bool('Procedure and sites match the consent'),
  siteMarked: f.code('Site marking', SITE_MARKED),
  siteMarkedReason: f.text('Why the site was not marked', 300),
  allergiesReconfirmed: f.bool('Allergies reconfirmed'),
  anticoagReconfirmed: f.bool('Anticoagulation reconfirmed'),
  equipmentChecked: f.bool('Equipment checked'),
  timeOutTime: f.datetime('Time-out time'),
  timeOutBy: person('Time-out by'),
  signOutDone: f.bool('Sign-out done'),
  signOutTime: f.datetime('Sign-out time'),
  signOutBy: person('Sign-out by'),
  // Immediate outcome, session level (§2.9)
  painNrsPost: score('Pain after (0–10)'),
  tolerance: f.code('Tolerance', TOLERANCES),
  functionalObservation: f.note('Functional observation', 5_000),
  // Complications (§2.10): answered explicitly, never read from a blank
  complicationsAnswer: f.code('Complications', COMPLICATIONS_ANSWERS),
  // Aftercare and follow-up (§2.11)
  aftercareAdviceGiven: f.bool('Aftercare advice given'),
  aftercareTopics: f.codes('Aftercare advice covered', AFTERCARE_TOPICS),
  analgesiaPlan: f.text('Analgesia plan', 500),
  therapyPlan: f.text('Therapy plan', 500),
  gpLetter: f.bool('GP letter'),
  fallsAdvice: f.bool('Falls advice given'),
  repeatTreatmentNote: f.text('Repeat treatment consideration', 500),
  notes: f.note('Notes', 10_000),
} satisfies Fields;

export const TEAM_MEMBER_FIELDS = {
  role: f.code('Role', TEAM_ROLES),
  name: person('Name'),
  profession: f.text('Profession', 80),
  registrationBody: f.code('Registration body', REGISTRATION_BODIES),
  registrationNumber: f.text('Registration number', 20),
} satisfies Fields;

export const CONSENT_SITE_FIELDS = {
  region: f.code('Region', LIMB_REGIONS),
  side: f.code('Side', SIDES),
  nerve: f.code('Nerve', NERVE_CODES),
  note: f.text('Consented site details', 200),
} satisfies Fields;

export const GOAL_FIELDS = {
  goalText: f.text('Goal', 500),
  importance: score('Importance (0–3)'),
  difficulty: score('Difficulty (0–3)'),
  baselineLevel: score('Baseline level'),
  followUpLevel: score('Follow-up level'),
  followUpDate: f.date('Follow-up date'),
} satisfies Fields;

export const DIAGNOSTIC_BLOCK_FIELDS = {
  blockDate: f.date('Block date'),
  nerve: f.code('Nerve', NERVE_CODES),
  branch: branchCode('Branch'),
  side: f.code('Side', SIDES),
  agent: f.code('Agent', BLOCK_AGENTS),
  volumeMl: f.dec('Volume (mL)', 0, 1_000),
  guidanceUs: f.bool('Ultrasound guided'),
  guidanceStim: f.bool('Stimulation guided'),
  result: f.code('Result', BLOCK_RESULTS),
  masPre: f.code('MAS before', MAS_CODES),
  masPost: f.code('MAS after', MAS_CODES),
  notes: f.text('Notes', 500),
} satisfies Fields;

export const DEVICE_FIELDS = {
  systemType: f.code('System type', SYSTEM_TYPES),
  manufacturer: f.text('Manufacturer', 100),
  model: f.text('Model', 100),
  serialNumber: f.text('Console / handpiece serial or asset number', 60),
  udiRaw: f.text('Scanned barcode (GS1)', 200),
  probeGtin: f.text('Probe GTIN', 14),
  probeLot: f.text('Probe lot', 40),
  lotUnreadable: f.bool('Lot unreadable'),
  lotUnreadableReason: f.text('Why the lot is unreadable', 200),
  probeSerial: f.text('Probe serial', 40),
  probeExpiry: f.date('Probe expiry'),
  probeGauge: f.int('Probe gauge (G)', 0, 100),
  probeLengthMm: f.int('Probe length (mm)', 0, 10_000),
  plannedFreezeS: f.int('Planned freeze (s)', 0, 86_400),
  gasLot: f.text('Gas cartridge / cylinder lot', 40),
  stimulatorModel: f.text('Nerve stimulator model / asset', 100),
  laBatch: f.text('Local anaesthetic batch', 40),
  laExpiry: f.date('Local anaesthetic expiry'),
} satisfies Fields;

export const TARGET_FIELDS = {
  nerve: f.code('Nerve', NERVE_CODES),
  branch: branchCode('Branch'),
  side: f.code('Side', SIDES),
  deviceId: f.ref('Device used'),
  clinicalPattern: f.code('Clinical pattern', CLINICAL_PATTERNS),
  patientPosition: f.text('Patient position', 120),
  approach: f.code('Approach', APPROACHES),
  depthMm: f.int('Target depth (mm)', 0, 10_000),
  intendedOutcome: f.text('Intended outcome', 300),
  laAgent: f.code('Skin local anaesthetic', LA_AGENTS),
  laConcPct: f.dec('Concentration (%)', 0, 100),
  laVolumeMl: f.dec('Volume (mL)', 0, 1_000),
  // Confirmation (§2.6)
  usUsed: f.bool('Ultrasound used'),
  usNerveVisualised: f.bool('Nerve seen on ultrasound'),
  stimUsed: f.bool('Nerve stimulation used'),
  stimVia: f.code('Stimulation via', STIM_VIA),
  stimThresholdMa: f.dec('Stimulation threshold (mA)', -1_000, 1_000),
  stimPulseWidthMs: f.dec('Pulse width (ms)', -1_000, 1_000),
  stimFrequencyHz: f.dec('Frequency (Hz)', -1_000, 1_000),
  motorResponseSeen: f.bool('Motor response seen'),
  muscleResponding: muscleCode('Muscle that responded'),
  paraesthesiaReported: f.bool('Paraesthesia reported'),
  postFreezeRestim: f.code('Response to re-stimulation after freezing', RESTIM_RESPONSES),
  // Stop moment, Prep-Stop-Block (§2.4), and the wrong-site path of rule E04
  stopMomentDone: f.bool('Stop moment done'),
  stopMomentTime: f.datetime('Stop moment time'),
  stopMomentBy1: person('Stop moment confirmed by'),
  stopMomentBy2: person('…and by'),
  wrongSiteDeclared: f.bool('Declared as a wrong-site incident'),
  wrongSiteIncidentRef: f.text('Incident reference', 60),
} satisfies Fields;

export const CYCLE_FIELDS = {
  siteNo: f.int('Lesion site', 0, 1_000),
  startedAt: f.datetime('Freeze start'),
  endedAt: f.datetime('Freeze end'),
  durationS: f.int('Freeze duration (s)', 0, 86_400),
  thawType: f.code('Thaw', THAW_TYPES),
  thawS: f.int('Thaw duration (s)', -86_400, 86_400),
  tipTempC: f.dec('Lowest probe temperature (°C)', -273.15, 1_000),
  iceBallSeen: f.bool('Ice ball seen on ultrasound'),
  iceBallMm: f.dec('Ice ball diameter (mm)', 0, 1_000),
  painNrs: score('Pain during freeze (0–10)'),
  outcome: f.code('Cycle outcome', CYCLE_OUTCOMES),
  abortReason: f.code('Why it was aborted', ABORT_REASONS),
  abortNote: f.text('Abort details', 300),
} satisfies Fields;

export const OUTCOME_FIELDS = {
  muscleGroup: f.code('Muscle group', MUSCLE_GROUPS),
  side: f.code('Side', SIDES),
  masPre: f.code('MAS before', MAS_CODES),
  masPost: f.code('MAS after', MAS_CODES),
  angleConvention: f.text('Angle convention', 120),
  testPosition: f.text('Test position', 120),
  tardieuV: f.code('Tardieu velocity', TARDIEU_V),
  tardieuR1Pre: angle('Tardieu R1 before (°)'),
  tardieuR1Post: angle('Tardieu R1 after (°)'),
  tardieuR2Pre: angle('Tardieu R2 before (°)'),
  tardieuR2Post: angle('Tardieu R2 after (°)'),
  tardieuXPre: f.code('Tardieu X before', TARDIEU_X),
  tardieuXPost: f.code('Tardieu X after', TARDIEU_X),
  promPre: angle('Passive ROM before (°)'),
  promPost: angle('Passive ROM after (°)'),
  aromPre: angle('Active ROM before (°)'),
  aromPost: angle('Active ROM after (°)'),
} satisfies Fields;

export const COMPLICATION_FIELDS = {
  type: f.code('Complication', COMPLICATION_TYPES),
  onset: f.code('Onset', ONSETS),
  onsetAt: f.datetime('Onset time'),
  severity: f.code('Severity', SEVERITIES),
  action: f.code('Action taken', COMPLICATION_ACTIONS),
  actionNote: f.text('Action details', 300),
  resolved: f.bool('Resolved'),
  resolvedDate: f.date('Resolved on'),
  incidentRef: f.text('Incident reference', 60),
  note: f.text('Details', 1_000),
} satisfies Fields;

export const FOLLOW_UP_FIELDS = {
  date: f.date('Date'),
  kind: f.code('Type', FOLLOW_UP_KINDS),
  withWhom: person('With'),
} satisfies Fields;

/**
 * Every entity of the record: its table, its parent (rows are added under a parent and go
 * with it), and its fields. Order within a parent is `seq` (1..n), kept without gaps.
 */
export const ENTITY_DEFS = {
  patient: { table: 'patient', parent: null, fields: PATIENT_FIELDS },
  allergy: { table: 'allergy', parent: 'patient', fields: ALLERGY_FIELDS },
  session: { table: 'session', parent: 'patient', fields: SESSION_FIELDS },
  teamMember: { table: 'team_member', parent: 'session', fields: TEAM_MEMBER_FIELDS },
  consentSite: { table: 'consent_site', parent: 'session', fields: CONSENT_SITE_FIELDS },
  goal: { table: 'goal', parent: 'session', fields: GOAL_FIELDS },
  diagnosticBlock: { table: 'diagnostic_block', parent: 'session', fields: DIAGNOSTIC_BLOCK_FIELDS },
  device: { table: 'device', parent: 'session', fields: DEVICE_FIELDS },
  target: { table: 'target', parent: 'session', fields: TARGET_FIELDS },
  cycle: { table: 'freeze_cycle', parent: 'target', fields: CYCLE_FIELDS },
  outcome: { table: 'outcome', parent: 'session', fields: OUTCOME_FIELDS },
  complication: { table: 'complication', parent: 'session', fields: COMPLICATION_FIELDS },
  followUp: { table: 'follow_up', parent: 'session', fields: FOLLOW_UP_FIELDS },
} as const;

export type EntityName = keyof typeof ENTITY_DEFS;
export const ENTITY_NAMES = Object.keys(ENTITY_DEFS) as [EntityName, ...EntityName[]];
/** Entities a clinician adds and removes as rows (everything but the patient and the session). */
export const ROW_ENTITIES = ENTITY_NAMES.filter((e) => e !== 'patient' && e !== 'session') as [
  Exclude<EntityName, 'patient' | 'session'>,
  ...Exclude<EntityName, 'patient' | 'session'>[],
];
export type RowEntity = (typeof ROW_ENTITIES)[number];
