// The one IPC contract: a zod request and response schema for every channel. The preload,
// the main process, the browser test host, the CLI and the renderer all derive from it, and
// the `satisfies` clause makes a channel without schemas (or schemas without a channel) a
// type error.
//
// Every request is a strict object (unknown keys are rejected), every string and array is
// bounded, and every number is finite (zod 4 refuses Infinity and NaN).
import { z } from 'zod';
import type { Channel } from './channels';
import type { Result } from './result';
import {
  Cycle,
  CycleFields,
  Id,
  IsoDateTime,
  Patient,
  PatientFields,
  Session,
  SessionDocument,
  Target,
  TargetFields,
} from '../domain/model';

const Empty = z.strictObject({});

export const STARTUP_PROBLEMS = [
  'DB_CORRUPT',
  'DB_FROM_NEWER_VERSION',
  'DB_CANNOT_OPEN',
  'DB_UNSAFE_SETTINGS',
  'DB_MIGRATION_FAILED',
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

/** A patch must change at least one field: an empty save is a bug in the caller. */
const patchOf = <T extends z.ZodRawShape>(fields: z.ZodObject<T>) =>
  fields.partial().refine((patch) => Object.keys(patch).length > 0, 'Nothing to save: the change names no field.');

export const SaveFieldsRequest = z.discriminatedUnion('entity', [
  z.strictObject({ entity: z.literal('patient'), id: Id, patch: patchOf(PatientFields) }),
  z.strictObject({ entity: z.literal('target'), id: Id, patch: patchOf(TargetFields) }),
  z.strictObject({ entity: z.literal('cycle'), id: Id, patch: patchOf(CycleFields) }),
]);
export type SaveFieldsRequest = z.infer<typeof SaveFieldsRequest>;

export const EXPORT_FORMATS = ['text'] as const;
export const ExportResult = z.strictObject({
  format: z.enum(EXPORT_FORMATS),
  fileName: z.string(),
  content: z.string(),
});

export const contract = {
  getStartupStatus: { req: Empty, res: StartupStatus },
  getAppInfo: { req: Empty, res: AppInfo },
  listSessions: { req: z.strictObject({ limit: z.int().min(1).max(500) }), res: z.array(SessionListItem) },
  listPatients: { req: z.strictObject({ limit: z.int().min(1).max(500) }), res: z.array(Patient) },
  createPatient: { req: Empty, res: Patient },
  getPatient: { req: z.strictObject({ id: Id }), res: z.strictObject({ patient: Patient, sessions: z.array(SessionListItem) }) },
  startSession: { req: z.strictObject({ patientId: Id }), res: Session },
  getSession: { req: z.strictObject({ id: Id }), res: SessionDocument },
  addTarget: { req: z.strictObject({ sessionId: Id }), res: Target },
  addCycle: { req: z.strictObject({ targetId: Id }), res: Cycle },
  deleteRow: { req: z.strictObject({ entity: z.enum(['target', 'cycle']), id: Id }), res: z.strictObject({ deleted: z.literal(true) }) },
  saveFields: { req: SaveFieldsRequest, res: z.strictObject({ savedAt: IsoDateTime }) },
  exportSession: { req: z.strictObject({ sessionId: Id, format: z.enum(EXPORT_FORMATS) }), res: ExportResult },
} as const satisfies { [C in Channel]: { req: z.ZodType; res: z.ZodType } };

export type Contract = typeof contract;
export type Req<C extends Channel> = z.input<Contract[C]['req']>;
export type ParsedReq<C extends Channel> = z.output<Contract[C]['req']>;
export type Res<C extends Channel> = z.output<Contract[C]['res']>;

/** What the renderer sees as `window.api`: one function per channel, answering a Result. */
export type Api = { [C in Channel]: (request: Req<C>) => Promise<Result<Res<C>>> };
