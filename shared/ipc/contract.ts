// The one IPC contract: a zod request and response schema for every channel. The preload,
// the main process, the browser test host, the CLI and the renderer all derive from it, and
// the `satisfies` clause makes a channel without schemas (or schemas without a channel) a
// type error.
//
// Every request is a strict object (unknown keys are rejected), every string and array is
// bounded, and every number is finite (zod 4 refuses Infinity and NaN).
import { z } from 'zod';
import { REGISTRATION_BODIES } from '../domain/valueSets';
import type { Channel } from './channels';
import type { Result } from './result';
import { Acknowledgement, ENTITY_FIELD_SCHEMAS, Id, IsoDateTime, Patient, PatientRecord, Session, SessionDocument } from '../domain/model';
import { Cycle, Outcome, Target } from '../domain/model';
import { ENTITY_NAMES, ROW_ENTITIES, type EntityName } from '../domain/record';
import { RuleConfigSchema } from '../domain/rules/config';
import { TIMER_PHASES, TimerSettingsSchema } from '../domain/timer';
import { targetChannels } from './targetsContract';
import { exportChannels } from './exportsContract';
import { backupChannels } from './backupContract';
import { authChannels } from './authContract';

const Empty = z.strictObject({});

export const STARTUP_PROBLEMS = [
  'DB_CORRUPT',
  'DB_FROM_NEWER_VERSION',
  'DB_CANNOT_OPEN',
  'DB_UNSAFE_SETTINGS',
  'DB_MIGRATION_FAILED',
  'DB_READ_ONLY',
  'DB_JOURNAL_WITHOUT_DATABASE',
  'DB_JOURNAL_MISSING',
  'DB_JOURNAL_MISMATCH',
] as const;
export type StartupProblem = (typeof STARTUP_PROBLEMS)[number];

export const StartupStatus = z.discriminatedUnion('state', [
  z.strictObject({ state: z.literal('ready') }),
  z.strictObject({
    state: z.literal('failed'),
    problem: z.enum(STARTUP_PROBLEMS),
    title: z.string(),
    message: z.string(),
    whatToDo: z.string(),
    dbPath: z.string(),
  }),
]);
export type StartupStatus = z.infer<typeof StartupStatus>;

export const AppInfo = z.strictObject({ appVersion: z.string(), schemaVersion: z.int(), dbPath: z.string() });

export const SessionListItem = z.strictObject({
  id: Id,
  patientId: Id,
  status: Session.shape.status,
  startedAt: IsoDateTime,
  familyName: z.string().nullable(),
  givenName: z.string().nullable(),
  nhsNumber: z.string().nullable(),
  targetCount: z.int().min(0),
  cycleCount: z.int().min(0),
});
export type SessionListItem = z.infer<typeof SessionListItem>;

/** A piece of a note-search snippet; `match` marks the words that matched. */
export const SnippetPart = z.strictObject({ text: z.string().max(2_000), match: z.boolean() });
export type SnippetPart = z.infer<typeof SnippetPart>;
export const NoteSearchHit = z.strictObject({ ...SessionListItem.shape, snippet: z.array(SnippetPart).max(100) });
export type NoteSearchHit = z.infer<typeof NoteSearchHit>;
/** Where a page of the newest-first session list ends: the next page starts after this session. */
export const SessionCursor = z.strictObject({ startedAt: IsoDateTime, id: Id });
export type SessionCursor = z.infer<typeof SessionCursor>;

/** A patch must change at least one field: an empty save is a bug in the caller. */
const patchOf = <T extends z.ZodRawShape>(fields: z.ZodObject<T>) =>
  fields.partial().refine((patch) => Object.keys(patch).length > 0, 'Nothing to save: the change names no field.');

const saveRequestFor = <E extends EntityName>(entity: E) =>
  z.strictObject({ entity: z.literal(entity), id: Id, patch: patchOf(ENTITY_FIELD_SCHEMAS[entity] as z.ZodObject) });

/** One autosave: some fields of one row of one entity (any entity of record.ts). */
export const SaveFieldsRequest = z.discriminatedUnion(
  'entity',
  ENTITY_NAMES.map(saveRequestFor) as unknown as [ReturnType<typeof saveRequestFor>, ...ReturnType<typeof saveRequestFor>[]],
);
type PatchOf<E extends EntityName> = Partial<z.output<(typeof ENTITY_FIELD_SCHEMAS)[E]>>;
export type SaveFieldsRequest = { [E in EntityName]: { entity: E; id: string; patch: PatchOf<E> } }[EntityName];

export const AddRowRequest = z.strictObject({ entity: z.enum(ROW_ENTITIES), parentId: Id });
export const RowRef = z.strictObject({ id: Id, seq: z.int().min(1) });

export const AcknowledgeRequest = z.strictObject({
  sessionId: Id,
  ruleId: Acknowledgement.shape.ruleId,
  entity: Acknowledgement.shape.entity,
  entityId: Acknowledgement.shape.entityId,
  field: Acknowledgement.shape.field,
  reason: Acknowledgement.shape.reason,
  acknowledgedBy: Acknowledgement.shape.acknowledgedBy,
});

export { EXPORT_FORMATS } from '../export/formats';

/** A patient field's value as reported back by an import (scalars, or a list of codes). */
const FieldValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()]);

/** What an import did: the new session, and how the file's patient met the database's. */
export const ImportResult = z.strictObject({
  sessionId: Id,
  patientId: Id,
  /** True when an existing patient with the file's (valid) NHS number was used. */
  patientMatched: z.boolean(),
  /** The status stored: a file's "completed" arrives as "draft" (there is no signing yet). */
  status: Session.shape.status,
  /** Fields of the matched patient changed by the import (blank before, or allergies raised). */
  patientFieldsUpdated: z.array(z.string()).max(100),
  /** Fields recorded differently in the file; the database's value was kept. */
  patientDifferences: z.array(z.strictObject({ field: z.string(), database: FieldValue, file: FieldValue })).max(100),
  allergiesAdded: z.int().min(0),
});

/** The rules' thresholds as the service stores them; who last changed them and when (null: never, the defaults). */
export const RuleConfigState = z.strictObject({ config: RuleConfigSchema, updatedBy: z.string().nullable(), updatedAt: IsoDateTime.nullable() });
export type RuleConfigState = z.infer<typeof RuleConfigState>;

// Sign-off and amendments (issue 4): who signs, the state of the signature, every version.
export const Signer = z.strictObject({
  name: z.string().trim().min(1, 'Type the signing clinician’s name.').max(120),
  role: z.string().trim().min(1, 'Type the signing clinician’s role.').max(80),
  registrationBody: z.enum(REGISTRATION_BODIES),
  registrationNumber: z.string().trim().min(1, 'Type the registration number.').max(20),
});
export type Signer = z.infer<typeof Signer>;

/** A session marked entered-in-error: kept, never deleted, and no longer changeable. */
export const EnteredInError = z.strictObject({ at: IsoDateTime, by: z.string(), reason: z.string() });
export type EnteredInError = z.infer<typeof EnteredInError>;

export const SignoffState = z.strictObject({
  enteredInError: EnteredInError.nullable(),
  signedAt: IsoDateTime.nullable(),
  signer: Signer.nullable(),
  /** How many times it has been signed (0 = never). */
  version: z.int().min(0),
  amending: z.boolean(),
  amendmentReason: z.string().nullable(),
  versions: z.array(z.strictObject({ version: z.int().min(1), signedAt: IsoDateTime, signer: Signer, reason: z.string().nullable() })).max(500),
});
export type SignoffState = z.infer<typeof SignoffState>;

// The freeze-cycle timer (issue 4). Times come from the window's clock (the one the clinician
// sees); durations are worked out in the main process from the stored start.
export const RunningTimer = z.strictObject({
  sessionId: Id,
  targetId: Id,
  cycleId: Id,
  phase: z.enum(TIMER_PHASES),
  phaseStartedAt: IsoDateTime,
  plannedS: z.int().min(1).nullable(),
  lastSeenAt: IsoDateTime,
});
export type RunningTimer = z.infer<typeof RunningTimer>;

export const TimerPressRequest = z.strictObject({
  sessionId: Id,
  /** The target whose timer was pressed (used when a freeze starts). */
  targetId: Id,
  /** What the window showed when the key went down; a stale expectation is a duplicate press. */
  expected: z.discriminatedUnion('phase', [
    z.strictObject({ phase: z.literal('idle') }),
    z.strictObject({ phase: z.enum(TIMER_PHASES), cycleId: Id }),
  ]),
  siteNo: z.int().min(1, 'Lesion sites are numbered from 1.').max(50, 'More than 50 lesion sites on one target is not plausible.'),
  at: IsoDateTime,
});

export const TimerPressResult = z.strictObject({
  step: z.enum(['start-freeze', 'stop-freeze', 'end-thaw', 'duplicate']),
  timer: RunningTimer.nullable(),
  /** The cycle the step acted on (the new cycle for a start). */
  cycleId: Id.nullable(),
  durationS: z.int().min(0).nullable(),
  thawS: z.int().min(0).nullable(),
  /** The freeze stopped before its planned time (beyond the tolerance): ask whether it was aborted. */
  early: z.boolean(),
});
export type TimerPressResult = z.infer<typeof TimerPressResult>;

export const TimerSettingsState = z.strictObject({ settings: TimerSettingsSchema, updatedBy: z.string().nullable(), updatedAt: IsoDateTime.nullable() });
export type TimerSettingsState = z.infer<typeof TimerSettingsState>;
// Each nerve's history (issue 4): the patient's sessions, newest first, with their targets,
// cycles and MAS rows; shared/domain/history.ts words it. Bounds follow SessionDocument.
export const HISTORY_SESSION_LIMIT = 500;
const HistoryCycle = Cycle.pick({ siteNo: true, durationS: true, startedAt: true, endedAt: true, tipTempC: true, outcome: true });
const HistoryTarget = Target.pick({ seq: true, nerve: true, branch: true, side: true }).extend({ cycles: z.array(HistoryCycle).max(200) });
const HistoryOutcome = Outcome.pick({ muscleGroup: true, side: true, masPre: true, masPost: true });
export const HistorySessionSchema = z.strictObject({
  sessionId: Id,
  startedAt: IsoDateTime,
  status: Session.shape.status,
  signedAt: IsoDateTime.nullable(),
  targets: z.array(HistoryTarget).max(100),
  outcomes: z.array(HistoryOutcome).max(40),
});
export type HistorySessionData = z.infer<typeof HistorySessionSchema>;

// The tamper-evident audit trail (issue 6): the result of checking the whole hash chain, for
// an administrator screen and `cryolog verify`.
export const AuditTrailCheck = z.discriminatedUnion('ok', [
  z.strictObject({
    ok: z.literal(true),
    entries: z.int().min(0),
    /** The latest entry and its hash (null: the trail is empty); IT may note them to check later. */
    lastId: z.int().min(1).nullable(),
    lastHash: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
  }),
  z.strictObject({
    ok: z.literal(false),
    entries: z.int().min(0),
    firstBrokenId: z.int(),
    reason: z.string().max(500),
    /** When, who and what the broken entry says (null: the entry is missing). */
    at: z.string().max(200).nullable(),
    who: z.string().max(200).nullable(),
    what: z.string().max(200).nullable(),
  }),
]);
export type AuditTrailCheck = z.infer<typeof AuditTrailCheck>;

export const contract = {
  getStartupStatus: { req: Empty, res: StartupStatus },
  getAppInfo: { req: Empty, res: AppInfo },
  listSessions: {
    // search: NHS number digits (spaces allowed) or the start of a family or given name.
    // after: the last session of the page already shown (keyset paging of the newest-first
    // list, for scrolling through every session); not with a search, whose answer is bounded.
    req: z
      .strictObject({ limit: z.int().min(1).max(500), search: z.string().max(100).optional(), after: SessionCursor.optional() })
      .refine((r) => !(r.after && r.search), { message: 'A search answers one page: "after" is for the list of all sessions.', path: ['after'] }),
    res: z.array(SessionListItem),
  },
  // Words in the clinical notes (repos/noteSearch.ts): all must match, the last as a prefix; newest first.
  searchNotes: { req: z.strictObject({ text: z.string().max(200), limit: z.int().min(1).max(100) }), res: z.array(NoteSearchHit).max(100) },
  listPatients: { req: z.strictObject({ limit: z.int().min(1).max(500) }), res: z.array(Patient) },
  createPatient: { req: Empty, res: Patient },
  getPatient: { req: z.strictObject({ id: Id }), res: z.strictObject({ patient: PatientRecord, sessions: z.array(SessionListItem) }) },
  startSession: { req: z.strictObject({ patientId: Id }), res: Session },
  getSession: { req: z.strictObject({ id: Id }), res: SessionDocument },
  addRow: { req: AddRowRequest, res: RowRef },
  deleteRow: { req: z.strictObject({ entity: z.enum(ROW_ENTITIES), id: Id }), res: z.strictObject({ deleted: z.literal(true) }) },
  saveFields: { req: SaveFieldsRequest as z.ZodType<SaveFieldsRequest>, res: z.strictObject({ savedAt: IsoDateTime }) },
  acknowledgeWarning: { req: AcknowledgeRequest, res: Acknowledgement },
  getSignoff: { req: z.strictObject({ sessionId: Id }), res: SignoffState },
  // The signer is the signed-in account; the PIN (or password) is asked again at the moment of signing.
  signSession: { req: z.strictObject({ sessionId: Id, secret: z.string().min(1, 'Type your PIN or password to sign.').max(200) }), res: SignoffState },
  beginAmendment: {
    req: z.strictObject({
      sessionId: Id,
      reason: z.string().trim().min(1, 'Give the reason for the amendment.').max(2_000),
    }),
    res: SignoffState,
  },
  getSignedVersion: { req: z.strictObject({ sessionId: Id, version: z.int().min(1).max(10_000) }), res: SessionDocument },
  getRuleConfig: { req: Empty, res: RuleConfigState },
  // The full configuration (strict, bounded, limits in order), never a partial one: what is saved is what is shown.
  saveRuleConfig: { req: z.strictObject({ config: RuleConfigSchema }), res: RuleConfigState },
  // A whole session file; its size is bounded by the document's own array and text limits.
  importSession: { req: z.strictObject({ document: SessionDocument }), res: ImportResult },
  getTimer: { req: z.strictObject({ sessionId: Id }), res: RunningTimer.nullable() },
  timerPress: { req: TimerPressRequest, res: TimerPressResult },
  // "Still alive at": what was timed so far survives a closed window or a crash.
  timerHeartbeat: { req: z.strictObject({ sessionId: Id, at: IsoDateTime }), res: z.strictObject({ running: z.boolean() }) },
  // After a window closed mid-cycle: end the phase when the timer was last seen, or drop the timer (times entered by hand).
  resolveTimer: {
    req: z.strictObject({ sessionId: Id, action: z.enum(['end-at-last-seen', 'discard']) }),
    res: z.strictObject({ cycleId: Id.nullable(), durationS: z.int().min(0).nullable(), thawS: z.int().min(0).nullable() }),
  },
  getTimerSettings: { req: Empty, res: TimerSettingsState },
  saveTimerSettings: { req: z.strictObject({ settings: TimerSettingsSchema }), res: TimerSettingsState },
  markEnteredInError: {
    req: z.strictObject({
      sessionId: Id,
      reason: z.string().trim().min(1, 'Give the reason the record was entered in error.').max(2_000),
    }),
    res: SignoffState,
  },
  getTreatmentHistory: { req: z.strictObject({ patientId: Id }), res: z.array(HistorySessionSchema).max(HISTORY_SESSION_LIMIT) },
  // Target presets and "repeat the last session's targets" (shared/ipc/targetsContract.ts).
  ...targetChannels,
  // Exports, their destinations and settings, bulk exports (shared/ipc/exportsContract.ts).
  ...exportChannels,
  verifyAuditTrail: { req: Empty, res: AuditTrailCheck },
  ...backupChannels,
  // Sign-in, the lock screen and accounts (shared/ipc/authContract.ts).
  ...authChannels,
} as const satisfies { [C in Channel]: { req: z.ZodType; res: z.ZodType } };

export type Contract = typeof contract;
export type Req<C extends Channel> = z.input<Contract[C]['req']>;
export type ParsedReq<C extends Channel> = z.output<Contract[C]['req']>;
export type Res<C extends Channel> = z.output<Contract[C]['res']>;

/** What the renderer sees as `window.api`: one function per channel, answering a Result. */
export type Api = { [C in Channel]: (request: Req<C>) => Promise<Result<Res<C>>> };
