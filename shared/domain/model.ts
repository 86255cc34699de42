// The record's shape, as zod schemas: one definition serves the IPC contract, the session
// document file format (what `cryolog validate` reads) and the TypeScript types.
//
// Bounds here are *storage* bounds: what can be saved at all. Clinical plausibility (a freeze
// of 900 s, a tip at +68 °C) is the rules engine's job (rules.ts), because a draft must be
// savable even while it holds a hard error.
import { z } from 'zod';
import { NERVE_CODES, SIDES } from './valueSets';

export const Id = z.uuid();
export const IsoDate = z.iso.date();
export const IsoDateTime = z.iso.datetime({ offset: true });

const Name = z.string().trim().max(100);

/** Fields a clinician edits, with the value each accepts (null clears the field). */
export const PatientFields = z.strictObject({
  familyName: Name.nullable(),
  givenName: Name.nullable(),
  dateOfBirth: IsoDate.nullable(),
  // Digits only; an incomplete or wrong number is saved as typed and flagged by rule E01.
  nhsNumber: z.string().regex(/^\d{0,10}$/, 'An NHS number is up to 10 digits.').nullable(),
});

export const TargetFields = z.strictObject({
  nerve: z.enum(NERVE_CODES).nullable(),
  branch: z.string().regex(/^[a-z0-9-]{1,40}$/).nullable(),
  side: z.enum(SIDES).nullable(),
});

export const CycleFields = z.strictObject({
  durationS: z.number().int().min(0).max(86_400).nullable(),
  tipTempC: z.number().min(-273.15).max(1000).nullable(),
});

const Stamps = { createdAt: IsoDateTime, updatedAt: IsoDateTime };

export const Patient = z.strictObject({ id: Id, ...PatientFields.shape, ...Stamps });
export type Patient = z.infer<typeof Patient>;

export const SESSION_STATUSES = ['draft'] as const;
export const Session = z.strictObject({
  id: Id,
  patientId: Id,
  status: z.enum(SESSION_STATUSES),
  startedAt: IsoDateTime,
  ...Stamps,
});
export type Session = z.infer<typeof Session>;

export const Cycle = z.strictObject({ id: Id, targetId: Id, seq: z.int().min(1), ...CycleFields.shape, ...Stamps });
export type Cycle = z.infer<typeof Cycle>;

export const Target = z.strictObject({ id: Id, sessionId: Id, seq: z.int().min(1), ...TargetFields.shape, ...Stamps });
export type Target = z.infer<typeof Target>;

export const TargetWithCycles = z.strictObject({ ...Target.shape, cycles: z.array(Cycle).max(200) });
export type TargetWithCycles = z.infer<typeof TargetWithCycles>;

/**
 * One session with everything in it: what `getSession` answers, what `cryolog validate`
 * reads, and what every export is built from. `format` names the file format so a file can
 * be recognised and its version checked before it is trusted.
 */
export const SessionDocument = z.strictObject({
  format: z.literal('cryolog.session'),
  formatVersion: z.literal(1),
  session: Session,
  patient: Patient,
  targets: z.array(TargetWithCycles).max(100),
});
export type SessionDocument = z.infer<typeof SessionDocument>;

export const ENTITIES = ['patient', 'target', 'cycle'] as const;
export type Entity = (typeof ENTITIES)[number];

export type PatientFieldValues = z.infer<typeof PatientFields>;
export type TargetFieldValues = z.infer<typeof TargetFields>;
export type CycleFieldValues = z.infer<typeof CycleFields>;
