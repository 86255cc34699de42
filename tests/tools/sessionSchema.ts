// The JSON Schema of the session file format (docs/session.schema.json), generated from the
// zod schema the app itself parses files with (SessionDocument in shared/domain/model.ts), so
// the two cannot drift: tests/fileformat/schema.test.ts regenerates it and compares.
import path from 'node:path';
import { z } from 'zod';
import * as model from '../../shared/domain/model';
import { ENTITY_DEFS, type EntityName } from '../../shared/domain/record';

export const SCHEMA_FILE = path.resolve(__dirname, '../../docs/session.schema.json');
export const SCHEMA_ID = 'https://cryolog.invalid/schemas/session.schema.json';

/** Each row type becomes a named definition ($defs) with the field labels as titles. */
const DEFS = {
  Session: { schema: model.Session, entity: 'session', description: 'The session envelope: status, times, consent, pre-procedure and safety checks, immediate outcome, complications answer and aftercare (domain.md §2.1, 2.3, 2.4, 2.9–2.11).' },
  PatientRecord: { schema: model.PatientRecord, entity: 'patient', description: 'The patient (domain.md §2.2) with their allergies.' },
  Allergy: { schema: model.Allergy, entity: 'allergy', description: 'One allergy of the patient.' },
  TeamMember: { schema: model.TeamMember, entity: 'teamMember', description: 'One member of the team: operator, assistant, supervisor or recorder, with professional registration.' },
  ConsentSite: { schema: model.ConsentSite, entity: 'consentSite', description: 'One consented site (region, side, nerve); targets are checked against these.' },
  Goal: { schema: model.Goal, entity: 'goal', description: 'One Goal Attainment Scaling goal (domain.md §2.3a).' },
  DiagnosticBlock: { schema: model.DiagnosticBlock, entity: 'diagnosticBlock', description: 'One diagnostic local-anaesthetic block done before this session (domain.md §2.3b).' },
  Device: { schema: model.Device, entity: 'device', description: 'One cryo device with its probe and consumables, for traceability (domain.md §2.8).' },
  TargetWithCycles: { schema: model.TargetWithCycles, entity: 'target', description: 'One target nerve or branch: local anaesthetic, confirmation, stop moment (domain.md §2.4–2.6), with its freeze cycles.' },
  Cycle: { schema: model.Cycle, entity: 'cycle', description: 'One freeze cycle at one lesion site (domain.md §2.7).' },
  Outcome: { schema: model.Outcome, entity: 'outcome', description: 'One immediate outcome measurement: MAS, Modified Tardieu, range of movement (domain.md §2.9).' },
  Complication: { schema: model.Complication, entity: 'complication', description: 'One complication or adverse event (domain.md §2.10).' },
  FollowUp: { schema: model.FollowUp, entity: 'followUp', description: 'One booked review (domain.md §2.11).' },
  Acknowledgement: { schema: model.Acknowledgement, entity: null, description: 'A warning acknowledged by a clinician: rule, the row and field it was about, who, when and why.' },
  Signoff: {
    schema: model.DocumentSignoff,
    entity: null,
    description:
      'A copy of the signature state when the file was exported (docs/session-format.md, "Signature"). A file is not tamper-proof: the database is the record. Ignored by import.',
  },
  SignedVersion: { schema: model.SignedVersion, entity: null, description: 'One signed version: when, by whom, and the amendment reason.' },
  Signer: { schema: model.DocumentSigner, entity: null, description: 'The signing clinician and their professional registration.' },
} as const satisfies Record<string, { schema: z.ZodType; entity: EntityName | null; description: string }>;

const COMMON_TITLES: Record<string, string> = {
  id: 'Row id (UUID); new ids are given on import',
  seq: 'Position of the row under its parent (1..n)',
  patientId: 'Id of the patient this belongs to',
  sessionId: 'Id of the session this belongs to',
  targetId: 'Id of the target this belongs to',
  createdAt: 'When the row was created (UTC)',
  updatedAt: 'When the row was last changed (UTC)',
  allergies: "The patient's allergies (empty when there are none or none were asked: see allergyStatus)",
  cycles: 'The freeze cycles at this target, in order',
};

const ACKNOWLEDGEMENT_TITLES: Record<string, string> = {
  ruleId: 'The rule acknowledged (W01…W19, as in domain.md §4)',
  entity: 'The kind of row the warning was about (session, target, cycle, …)',
  entityId: 'Id of that row; remapped to the new id on import',
  field: 'The field the warning was about',
  reason: 'The reason given (required for W+R warnings)',
  acknowledgedBy: 'Who acknowledged it',
  at: 'When it was acknowledged',
};

const SIGNOFF_TITLES: Record<string, string> = {
  version: 'The signed version this file holds (1..n)',
  versions: 'Every signed version from 1 up to version, in order',
  sha256: "The database's SHA-256 of this signed version (hex), chained to the version before",
  enteredInError: 'The entered-in-error mark (when, by whom, why), or null',
  signedAt: 'When this version was signed',
  signer: 'Who signed it',
  reason: 'The amendment reason; null for the first signature',
  name: 'Name of the signing clinician',
  role: 'Their role',
  registrationBody: 'Registration body (gmc, nmc, hcpc, other)',
  registrationNumber: 'Registration number',
};

/** Titles of definitions that are not entities of the record. */
const NON_ENTITY_TITLES: Record<string, Record<string, string>> = {
  Acknowledgement: ACKNOWLEDGEMENT_TITLES,
  Signoff: SIGNOFF_TITLES,
  SignedVersion: SIGNOFF_TITLES,
  Signer: SIGNOFF_TITLES,
};

const TOP_LEVEL: Record<string, string> = {
  format: 'Always "cryolog.session": names the file format',
  formatVersion: 'Version of the format; a reader refuses a version it does not know',
  session: 'The session itself',
  patient: 'The patient, with allergies',
  team: 'The team',
  consentSites: 'The consented sites',
  goals: 'Goal Attainment Scaling goals',
  diagnosticBlocks: 'Diagnostic blocks before this session',
  devices: 'Devices and consumables used',
  targets: 'Target nerves, in order, each with its freeze cycles',
  outcomes: 'Immediate outcome measurements',
  complications: 'Complications (see session.complicationsAnswer: an empty list alone never means "none")',
  followUps: 'Booked reviews',
  acknowledgements: 'Acknowledged warnings',
  signoff: 'Optional: the signature state at export (absent in drafts and in files written by hand)',
};

type JsonObject = { [key: string]: unknown };

/** The schema as an object, keys in a stable, readable order. */
export function buildSessionSchema(): JsonObject {
  const registry = z.registry<{ id: string }>();
  for (const [id, def] of Object.entries(DEFS)) registry.add(def.schema, { id });
  const generated = z.toJSONSchema(model.SessionDocument, { target: 'draft-2020-12', io: 'input', metadata: registry, unrepresentable: 'throw' }) as JsonObject;
  const defs = generated.$defs as Record<string, JsonObject>;
  for (const [id, def] of Object.entries(DEFS)) {
    const schema = defs[id];
    if (!schema) throw new Error(`zod did not emit the definition ${id}`);
    const fields: Record<string, { label: string }> = def.entity ? ENTITY_DEFS[def.entity].fields : {};
    const properties = schema.properties as Record<string, JsonObject>;
    for (const [key, property] of Object.entries(properties)) {
      const title = fields[key]?.label ?? COMMON_TITLES[key] ?? NON_ENTITY_TITLES[id]?.[key];
      if (title) properties[key] = { title, ...property };
    }
    defs[id] = { description: def.description, ...schema };
  }
  const top = generated.properties as Record<string, JsonObject>;
  for (const [key, property] of Object.entries(top)) {
    const title = TOP_LEVEL[key];
    if (!title) throw new Error(`No title for the top-level key ${key}: add it to TOP_LEVEL`);
    top[key] = { title, ...property };
  }
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: SCHEMA_ID,
    title: 'CryoLog session file, format version 1',
    description:
      'One cryoneurolysis session with everything recorded in it, as written by CryoLog and read by `cryolog validate` and `cryolog import`. ' +
      'Generated from the application\'s own schema (shared/domain/model.ts); described for people in docs/session-format.md. ' +
      'null means "not recorded". Codes are CryoLog value-set codes (shared/domain/valueSets.ts). ' +
      'Beyond this schema, CryoLog refuses text with control characters, line breaks in one-line fields, rows whose ids repeat or whose parent ids disagree with their nesting, and a target whose deviceId is not one of the file\'s devices. ' +
      'Clinical plausibility (domain.md §4, rules E01–E14 and W01–W19) is checked by the rules engine, not by this schema: a draft with hard errors is still a valid file.',
    ...rest,
  };
}

/** The committed text: two-space JSON and a final newline. */
export function sessionSchemaText(): string {
  return `${JSON.stringify(buildSessionSchema(), null, 2)}\n`;
}
