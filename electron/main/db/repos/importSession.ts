// Writes a session file (SessionDocument, docs/session-format.md) into the database as a new
// session, in one transaction, every row audited like an entry made in the app.
//
// Decisions (documented for IT in docs/session-format.md, "Importing"):
// - Every row gets a new id: a file may be imported into the database it came from, or twice,
//   without clashing. References inside the file (target.deviceId, acknowledgement.entityId,
//   parent ids) are remapped to the new ids.
// - The patient is matched by NHS number only when the file's number is a valid one (Modulus 11)
//   held by a patient in the database; otherwise a new patient is created.
// - A matched patient is never silently changed: if the file's name or date of birth differs
//   from the database's, the import is refused (it may be another person). Otherwise fields the
//   database has not recorded are filled from the file, recorded fields are kept as they are and
//   each difference is reported back. Allergies are the one merge: an allergy in the file that
//   the database lacks is added (an allergy is never dropped), and "no known allergies" then
//   becomes "has allergies" (reported too).
// - Status is kept, except that "completed" arrives as "draft": a signature belongs to the
//   database it was made in, so an imported record is a draft to be signed again here.
// - The optional `signoff` block (the signature state copied into an exported file) is ignored
//   for the same reason: it is never written as a signature. Its version is noted in the import's
//   audit entry (signedVersionInFile) so the trail says what the file claimed.
import { ENTITY_DEFS, type EntityName } from '../../../../shared/domain/record';
import type { SessionDocument } from '../../../../shared/domain/model';
import { formatNhsNumber, isValidNhsNumber } from '../../../../shared/domain/nhsNumber';
import type { ErrorIssue } from '../../../../shared/ipc/result';
import type { DB } from '../types';
import { stmt } from '../statements';
import { appendAudit } from './audit';
import { getRow, insertRow, listRows, updateRow } from './entities';
import { insertAcknowledgement } from './acknowledgements';

type FieldValue = string | number | boolean | string[] | null;

export interface PatientDifference {
  field: string;
  /** The value kept (the database's). */
  database: FieldValue;
  /** The file's value, not applied. */
  file: FieldValue;
}

export interface ImportOutcome {
  sessionId: string;
  patientId: string;
  patientMatched: boolean;
  /** The status the session was stored with ("completed" in a file arrives as "draft"). */
  status: SessionDocument['session']['status'];
  /**
   * Fields of a matched patient changed by the import: blank in the database and taken from the
   * file, or allergyStatus raised to "has-allergies" because allergies were added.
   */
  patientFieldsUpdated: string[];
  /** Fields of a matched patient recorded differently in the file; the database's value was kept. */
  patientDifferences: PatientDifference[];
  /** Allergies from the file added to a matched patient (or to the new patient). */
  allergiesAdded: number;
}

/** Why an import was refused before anything was written. */
export class ImportRefused extends Error {
  constructor(
    message: string,
    readonly issues: ErrorIssue[],
  ) {
    super(message);
    this.name = 'ImportRefused';
  }
}

export interface ImportOptions {
  newId(): string;
  /** The one timestamp of the whole import (UTC), as every other write uses. */
  at: string;
}

/** Identity fields: a difference in any of them means the file may be about someone else. */
const IDENTITY_FIELDS = ['familyName', 'givenName', 'dateOfBirth'] as const;

/**
 * Internal consistency of a document that the zod schema cannot see: unique ids, parent ids
 * that agree with the nesting, and a device reference that names a device of the file.
 * Paths are written as in `cryolog validate` ("targets[0].deviceId").
 */
export function documentReferenceProblems(doc: SessionDocument): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  const seen = new Map<string, string>();
  const id = (path: string, value: string) => {
    const first = seen.get(value);
    if (first) issues.push({ path, message: `The id ${value} is also used at ${first}; every row needs its own id.` });
    else seen.set(value, path);
  };
  const parent = (path: string, value: string, expected: string, what: string) => {
    if (value !== expected) issues.push({ path, message: `Says it belongs to ${value}, but it sits under the ${what} ${expected}.` });
  };
  id('session.id', doc.session.id);
  id('patient.id', doc.patient.id);
  parent('session.patientId', doc.session.patientId, doc.patient.id, 'patient');
  doc.patient.allergies.forEach((a, i) => {
    id(`patient.allergies[${i}].id`, a.id);
    parent(`patient.allergies[${i}].patientId`, a.patientId, doc.patient.id, 'patient');
  });
  for (const [key, rows] of sessionRowLists(doc)) {
    rows.forEach((r, i) => {
      id(`${key}[${i}].id`, r.id);
      parent(`${key}[${i}].sessionId`, r.sessionId, doc.session.id, 'session');
    });
  }
  const deviceIds = new Set(doc.devices.map((d) => d.id));
  doc.targets.forEach((t, i) => {
    if (t.deviceId !== null && !deviceIds.has(t.deviceId)) {
      issues.push({ path: `targets[${i}].deviceId`, message: `Names the device ${t.deviceId}, which is not among the file's devices.` });
    }
    t.cycles.forEach((c, j) => {
      id(`targets[${i}].cycles[${j}].id`, c.id);
      parent(`targets[${i}].cycles[${j}].targetId`, c.targetId, t.id, 'target');
    });
  });
  doc.acknowledgements.forEach((a, i) => {
    id(`acknowledgements[${i}].id`, a.id);
    parent(`acknowledgements[${i}].sessionId`, a.sessionId, doc.session.id, 'session');
  });
  return issues;
}

type SessionRowKey = 'team' | 'consentSites' | 'goals' | 'diagnosticBlocks' | 'devices' | 'targets' | 'outcomes' | 'complications' | 'followUps';

/** The session's row lists with their entity, in insertion order: devices before the targets that name them. */
const SESSION_ROWS: readonly (readonly [SessionRowKey, EntityName])[] = [
  ['team', 'teamMember'],
  ['consentSites', 'consentSite'],
  ['goals', 'goal'],
  ['diagnosticBlocks', 'diagnosticBlock'],
  ['devices', 'device'],
  ['targets', 'target'],
  ['outcomes', 'outcome'],
  ['complications', 'complication'],
  ['followUps', 'followUp'],
];

function sessionRowLists(doc: SessionDocument): [SessionRowKey, readonly { id: string; sessionId: string; seq: number }[]][] {
  return SESSION_ROWS.map(([key]) => [key, doc[key]]);
}

/** The entity's own fields of a row (no id, parent, seq or stamps), for insertRow. */
function fieldsOf(entity: EntityName, row: object): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of Object.keys(ENTITY_DEFS[entity].fields)) values[field] = (row as Record<string, unknown>)[field];
  return values;
}

/** Rows in the file's order of seq (ties keep the file's order); insertRow numbers them 1..n. */
function bySeq<T extends { seq: number }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => a.seq - b.seq);
}

const sameName = (a: string, b: string) => a.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-GB') === b.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-GB');

/** "Not recorded" in the database: null, an empty code list, or allergies "not asked". */
function isBlank(field: string, value: unknown): boolean {
  return value === null || (Array.isArray(value) && value.length === 0) || (field === 'allergyStatus' && value === 'not-asked');
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');
  return a === b;
}

/** The most recently edited patient with this NHS number (the app does not forbid duplicates). */
function findPatientByNhsNumber(db: DB, nhsNumber: string): string | undefined {
  const row = stmt(db, 'SELECT id FROM patient WHERE nhs_number = ? ORDER BY updated_at DESC, id LIMIT 1').get(nhsNumber) as { id: string } | undefined;
  return row?.id;
}

const allergyKey = (a: { allergen: string | null; detail: string | null }) => `${a.allergen ?? ''}\u0000${(a.detail ?? '').trim().toLocaleLowerCase('en-GB')}`;

/**
 * Imports the document. Throws ImportRefused (nothing written) when its references do not
 * hold together or its patient conflicts with the database's; any other failure rolls the
 * whole import back.
 */
export function importSessionDocument(db: DB, doc: SessionDocument, options: ImportOptions): ImportOutcome {
  const problems = documentReferenceProblems(doc);
  if (problems.length > 0) {
    throw new ImportRefused(
      `The session file does not hold together, so nothing was imported: ${problems.map((p) => `${p.path}: ${p.message}`).join(' ')}`,
      problems,
    );
  }
  return db.transaction(() => writeDocument(db, doc, options))();
}

function writeDocument(db: DB, doc: SessionDocument, { newId, at }: ImportOptions): ImportOutcome {
  const ids = new Map<string, string>();
  const remap = (oldId: string) => {
    const id = newId();
    ids.set(oldId, id);
    return id;
  };

  // ── Patient ────────────────────────────────────────────────────────────────────────────
  const file = doc.patient;
  const nhs = file.nhsNumber;
  const existingId = nhs !== null && isValidNhsNumber(nhs) ? findPatientByNhsNumber(db, nhs) : undefined;
  let patientId: string;
  const updated: string[] = [];
  const differences: PatientDifference[] = [];
  let allergiesAdded = 0;
  const fileAllergies = bySeq(file.allergies);

  if (existingId) {
    const existing = getRow(db, 'patient', existingId)!;
    const conflicts = IDENTITY_FIELDS.filter((f) => existing[f] !== null && file[f] !== null && !sameName(existing[f], file[f]));
    if (conflicts.length > 0) {
      const shown = formatNhsNumber(nhs);
      const issues = conflicts.map((f) => ({ path: `patient.${f}`, message: `The file says "${file[f]}"; the patient with NHS number ${shown} in this database has "${existing[f]}".` }));
      throw new ImportRefused(
        `The file's patient has NHS number ${shown}, but the patient with that number in this database has a different ${conflicts.map((f) => ENTITY_DEFS.patient.fields[f].label.toLowerCase()).join(' and ')}. ` +
          'It may be another person, so nothing was imported. Check the NHS number and the identity in the file against the notes; correct whichever is wrong, then import again.',
        issues,
      );
    }
    patientId = existingId;
    ids.set(file.id, patientId);
    const patch: Record<string, unknown> = {};
    for (const field of Object.keys(ENTITY_DEFS.patient.fields) as (keyof typeof ENTITY_DEFS.patient.fields)[]) {
      const mine = existing[field];
      const theirs = file[field];
      if (isBlank(field, theirs) || sameValue(mine, theirs)) continue;
      if (isBlank(field, mine)) {
        patch[field] = theirs;
        updated.push(field);
      } else if (!IDENTITY_FIELDS.includes(field as (typeof IDENTITY_FIELDS)[number])) {
        differences.push({ field, database: mine as FieldValue, file: theirs as FieldValue });
      }
    }
    // Allergies are merged, never dropped: the file's allergies the database lacks are added.
    const known = new Set(listRows(db, 'allergy', patientId).map(allergyKey));
    for (const a of fileAllergies) {
      const key = allergyKey(a);
      if (known.has(key)) continue;
      known.add(key);
      insertRow(db, 'allergy', remap(a.id), patientId, at, fieldsOf('allergy', a), null);
      allergiesAdded++;
    }
    // An allergy now on record outranks "no known allergies": the one recorded value an import changes.
    if (allergiesAdded > 0 && (patch.allergyStatus ?? existing.allergyStatus) !== 'has-allergies') {
      patch.allergyStatus = 'has-allergies';
      const kept = differences.findIndex((d) => d.field === 'allergyStatus');
      if (kept !== -1) differences.splice(kept, 1);
      if (!updated.includes('allergyStatus')) updated.push('allergyStatus');
    }
    if (Object.keys(patch).length > 0) updateRow(db, 'patient', patientId, patch, at, null);
  } else {
    patientId = remap(file.id);
    insertRow(db, 'patient', patientId, null, at, fieldsOf('patient', file), null);
    for (const a of fileAllergies) {
      insertRow(db, 'allergy', remap(a.id), patientId, at, fieldsOf('allergy', a), null);
      allergiesAdded++;
    }
  }

  // ── Session and its rows ───────────────────────────────────────────────────────────────
  const sessionId = remap(doc.session.id);
  const status = doc.session.status === 'completed' ? 'draft' : doc.session.status;
  insertRow(db, 'session', sessionId, patientId, at, { ...fieldsOf('session', doc.session), status }, sessionId);

  for (const [key, entity] of SESSION_ROWS) {
    for (const row of bySeq<{ id: string; seq: number }>(doc[key])) {
      const values = fieldsOf(entity, row);
      if (entity === 'target' && typeof values.deviceId === 'string') values.deviceId = ids.get(values.deviceId);
      const id = remap(row.id);
      insertRow(db, entity, id, sessionId, at, values, sessionId);
      if (entity === 'target') {
        for (const c of bySeq((row as SessionDocument['targets'][number]).cycles)) {
          insertRow(db, 'cycle', remap(c.id), id, at, fieldsOf('cycle', c), sessionId);
        }
      }
    }
  }

  // Acknowledgements are evidence: kept with their author, time and reason, pointing at the
  // new ids. One naming something outside the file keeps the id it had.
  for (const a of [...doc.acknowledgements].sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0))) {
    const ack = { ...a, id: newId(), sessionId, entityId: ids.get(a.entityId) ?? a.entityId };
    insertAcknowledgement(db, ack);
    appendAudit(db, { at, action: 'create', entity: 'acknowledgement', entityId: ack.id, sessionId, newValue: ack });
  }

  const outcome: ImportOutcome = { sessionId, patientId, patientMatched: existingId !== undefined, status, patientFieldsUpdated: updated, patientDifferences: differences, allergiesAdded };
  // Where the session came from, for anyone reading the audit trail later.
  appendAudit(db, {
    at,
    action: 'create',
    entity: 'import',
    entityId: sessionId,
    sessionId,
    newValue: { format: doc.format, formatVersion: doc.formatVersion, sourceSessionId: doc.session.id, sourcePatientId: file.id, statusInFile: doc.session.status, signedVersionInFile: doc.signoff?.version ?? null, ...outcome },
  });
  return outcome;
}
