// The record's shape as zod schemas, derived from the field declarations in record.ts: one
// definition serves the IPC contract, the session file format (what `cryolog validate` and
// `cryolog import` read) and the TypeScript types.
import { z } from 'zod';
import { fieldsObject, type FieldValues } from './fields';
import {
  ALLERGY_FIELDS,
  COMPLICATION_FIELDS,
  CONSENT_SITE_FIELDS,
  CYCLE_FIELDS,
  DEVICE_FIELDS,
  DIAGNOSTIC_BLOCK_FIELDS,
  ENTITY_DEFS,
  FOLLOW_UP_FIELDS,
  GOAL_FIELDS,
  OUTCOME_FIELDS,
  PATIENT_FIELDS,
  SESSION_FIELDS,
  TARGET_FIELDS,
  TEAM_MEMBER_FIELDS,
  type EntityName,
} from './record';
import { REGISTRATION_BODIES, SESSION_STATUS_CODES } from './valueSets';

export const Id = z.uuid();
export const IsoDate = z.iso.date();
export const IsoDateTime = z.iso.datetime({ offset: true });

const Stamps = { createdAt: IsoDateTime, updatedAt: IsoDateTime };
/** Rows that repeat under a parent carry their position (1..n, no gaps). */
const Seq = z.int().min(1);

// ── Editable fields of each entity (what saveFields may change) ───────────────────────────
export const PatientFields = fieldsObject(PATIENT_FIELDS);
export const AllergyFields = fieldsObject(ALLERGY_FIELDS);
/** Status and start are always present: a session is created with both. */
export const SessionFields = fieldsObject(SESSION_FIELDS).extend({
  status: z.enum(SESSION_STATUS_CODES),
  startedAt: IsoDateTime,
});
export const TeamMemberFields = fieldsObject(TEAM_MEMBER_FIELDS);
export const ConsentSiteFields = fieldsObject(CONSENT_SITE_FIELDS);
export const GoalFields = fieldsObject(GOAL_FIELDS);
export const DiagnosticBlockFields = fieldsObject(DIAGNOSTIC_BLOCK_FIELDS);
export const DeviceFields = fieldsObject(DEVICE_FIELDS);
export const TargetFields = fieldsObject(TARGET_FIELDS);
export const CycleFields = fieldsObject(CYCLE_FIELDS);
export const OutcomeFields = fieldsObject(OUTCOME_FIELDS);
export const ComplicationFields = fieldsObject(COMPLICATION_FIELDS);
export const FollowUpFields = fieldsObject(FOLLOW_UP_FIELDS);

export const ENTITY_FIELD_SCHEMAS = {
  patient: PatientFields,
  allergy: AllergyFields,
  session: SessionFields,
  teamMember: TeamMemberFields,
  consentSite: ConsentSiteFields,
  goal: GoalFields,
  diagnosticBlock: DiagnosticBlockFields,
  device: DeviceFields,
  target: TargetFields,
  cycle: CycleFields,
  outcome: OutcomeFields,
  complication: ComplicationFields,
  followUp: FollowUpFields,
} as const satisfies { [E in EntityName]: z.ZodObject };

export type PatientFieldValues = FieldValues<typeof PATIENT_FIELDS>;
export type TargetFieldValues = FieldValues<typeof TARGET_FIELDS>;
export type CycleFieldValues = FieldValues<typeof CYCLE_FIELDS>;

// ── Stored rows ─────────────────────────────────────────────────────────────────────────────
export const Patient = z.strictObject({ id: Id, ...PatientFields.shape, ...Stamps });
export type Patient = z.infer<typeof Patient>;

export const Session = z.strictObject({ id: Id, patientId: Id, ...SessionFields.shape, ...Stamps });
export type Session = z.infer<typeof Session>;

const under = <P extends string, S extends z.ZodRawShape>(parentKey: P, fields: z.ZodObject<S>) =>
  z.strictObject({ id: Id, [parentKey]: Id, seq: Seq, ...fields.shape, ...Stamps } as { id: typeof Id } & { [K in P]: typeof Id } & {
    seq: typeof Seq;
  } & S &
    typeof Stamps);

export const Allergy = under('patientId', AllergyFields);
export const TeamMember = under('sessionId', TeamMemberFields);
export const ConsentSite = under('sessionId', ConsentSiteFields);
export const Goal = under('sessionId', GoalFields);
export const DiagnosticBlock = under('sessionId', DiagnosticBlockFields);
export const Device = under('sessionId', DeviceFields);
export const Target = under('sessionId', TargetFields);
export const Cycle = under('targetId', CycleFields);
export const Outcome = under('sessionId', OutcomeFields);
export const Complication = under('sessionId', ComplicationFields);
export const FollowUp = under('sessionId', FollowUpFields);

export type Allergy = z.infer<typeof Allergy>;
export type TeamMember = z.infer<typeof TeamMember>;
export type ConsentSite = z.infer<typeof ConsentSite>;
export type Goal = z.infer<typeof Goal>;
export type DiagnosticBlock = z.infer<typeof DiagnosticBlock>;
export type Device = z.infer<typeof Device>;
export type Target = z.infer<typeof Target>;
export type Cycle = z.infer<typeof Cycle>;
export type Outcome = z.infer<typeof Outcome>;
export type Complication = z.infer<typeof Complication>;
export type FollowUp = z.infer<typeof FollowUp>;

/** Schemas of every stored row, by entity (the data layer checks what it reads in tests). */
export const ROW_SCHEMAS = {
  patient: Patient,
  allergy: Allergy,
  session: Session,
  teamMember: TeamMember,
  consentSite: ConsentSite,
  goal: Goal,
  diagnosticBlock: DiagnosticBlock,
  device: Device,
  target: Target,
  cycle: Cycle,
  outcome: Outcome,
  complication: Complication,
  followUp: FollowUp,
} as const satisfies { [E in EntityName]: z.ZodObject };
export type Row<E extends EntityName> = z.infer<(typeof ROW_SCHEMAS)[E]>;

export const Acknowledgement = z.strictObject({
  id: Id,
  sessionId: Id,
  ruleId: z.string().regex(/^[A-Z]{1,3}\d{0,2}[a-z]?$/),
  entity: z.string().max(40),
  entityId: z.string().max(40),
  field: z.string().max(60).nullable(),
  reason: z.string().max(2_000).nullable(),
  acknowledgedBy: z.string().min(1).max(120),
  at: IsoDateTime,
});
export type Acknowledgement = z.infer<typeof Acknowledgement>;

const Many = <T extends z.ZodType>(item: T, max = 100) => z.array(item).max(max);

export const PatientRecord = z.strictObject({ ...Patient.shape, allergies: Many(Allergy, 50) });
export type PatientRecord = z.infer<typeof PatientRecord>;

export const TargetWithCycles = z.strictObject({ ...Target.shape, cycles: Many(Cycle, 200) });
export type TargetWithCycles = z.infer<typeof TargetWithCycles>;

/**
 * The signature state of a session, copied into an exported session file so a reader (e.g.
 * `cryolog export --in`) can tell a signed record from a draft. It is a copy, not a proof: a
 * file can be edited, and the database remains the record. `cryolog import` ignores it (an
 * imported session is a draft to be signed again). Optional, so files without it stay valid.
 */
export const DocumentSigner = z.strictObject({
  name: z.string().trim().min(1).max(120),
  role: z.string().trim().min(1).max(80),
  registrationBody: z.enum(REGISTRATION_BODIES),
  registrationNumber: z.string().trim().min(1).max(20),
});
export const SignedVersion = z.strictObject({
  version: z.int().min(1).max(10_000),
  signedAt: IsoDateTime,
  signer: DocumentSigner,
  /** The amendment's reason; null for the first signature. */
  reason: z.string().max(2_000).nullable(),
});
export const DocumentSignoff = z
  .strictObject({
    /** The signed version this file holds (1..n). */
    version: z.int().min(1).max(10_000),
    /** Every signed version up to and including `version`, in order. */
    versions: z.array(SignedVersion).min(1).max(500),
    /** The database's hash of this version (hex SHA-256, chained to the version before). */
    sha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
    enteredInError: z.strictObject({ at: IsoDateTime, by: z.string().trim().min(1).max(120), reason: z.string().trim().min(1).max(2_000) }).nullable(),
  })
  // Versions 1..n without gaps, ending at the version held: anything else is not a signature history.
  .refine((s) => s.versions.length === s.version && s.versions.every((v, i) => v.version === i + 1), {
    message: 'versions must list every signed version from 1 up to version, in order.',
    path: ['versions'],
  });
export type DocumentSignoff = z.infer<typeof DocumentSignoff>;

/**
 * One session with everything in it: what `getSession` answers, what `cryolog validate` and
 * `cryolog import` read (docs/session.schema.json), and what every export is built from.
 * `format` names the file format so a file can be recognised and its version checked.
 */
export const SessionDocument = z.strictObject({
  format: z.literal('cryolog.session'),
  formatVersion: z.literal(1),
  session: Session,
  patient: PatientRecord,
  team: Many(TeamMember, 20),
  consentSites: Many(ConsentSite, 40),
  goals: Many(Goal, 20),
  diagnosticBlocks: Many(DiagnosticBlock, 40),
  devices: Many(Device, 20),
  targets: Many(TargetWithCycles, 100),
  outcomes: Many(Outcome, 40),
  complications: Many(Complication, 40),
  followUps: Many(FollowUp, 40),
  acknowledgements: Many(Acknowledgement, 500),
  /** Present only in a file exported from a signed (or entered-in-error) record. */
  signoff: DocumentSignoff.optional(),
});
export type SessionDocument = z.infer<typeof SessionDocument>;

export { ENTITY_DEFS };
export type { EntityName };
