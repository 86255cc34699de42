// The synthetic clinic (issue 7): repeatable from its seed, inside every value set and hard
// limit, a sound database (integrity, foreign keys, audit chain, signed copies that match the
// rows), and readable through the app's own channels.
import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/main/ipc/dispatch';
import { loadSessionDocument } from '../../../electron/main/db/repos/sessions';
import { verifyAuditChain } from '../../../electron/main/db/repos/auditVerify';
import type { Ctx } from '../../../electron/main/context';
import type { Channel } from '../../../shared/ipc/channels';
import type { Req, Res } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/result';
import { SessionDocument } from '../../../shared/domain/model';
import { validateSession } from '../../../shared/domain/rules';
import { isValidNhsNumber } from '../../../shared/domain/nhsNumber';
import { MAS_CODES } from '../../../shared/domain/valueSets';
import { dbSnapshot } from '../../helpers/dbSnapshot';
import { fixedClock, tempDir, testContext } from '../../helpers/tempDir';
import { generateClinic } from './generateClinic';

const SMALL = { patients: 50, sessions: 200 };

function generated(seed: number, size = SMALL): string {
  const file = path.join(tempDir(), 'clinic.sqlite');
  generateClinic(file, { seed, ...size });
  return file;
}

function readOnly<T>(file: string, read: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

const snapshot = (file: string) => readOnly(file, (db) => dbSnapshot(db).tables);

function call<C extends Channel>(ctx: Ctx, channel: C, request: Req<C>): Res<C> {
  const r = dispatch(ctx, channel, request) as Result<Res<C>>;
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.data;
}

describe('generateClinic', () => {
  it('gives the same rows for the same seed and different rows for another seed', () => {
    const first = snapshot(generated(7));
    expect(snapshot(generated(7))).toEqual(first);
    const other = snapshot(generated(8));
    expect(other.session!.sha256).not.toBe(first.session!.sha256);
    expect(other.freeze_cycle!.sha256).not.toBe(first.freeze_cycle!.sha256);
  });

  it('writes the sizes asked for, about 3 targets a session and 8 freeze cycles a target', () => {
    const file = path.join(tempDir(), 'clinic.sqlite');
    const counts = generateClinic(file, { seed: 3, ...SMALL });
    expect(counts).toMatchObject(SMALL);
    const stored = readOnly(file, (db) => db.prepare('SELECT (SELECT count(*) FROM patient) p, (SELECT count(*) FROM session) s, (SELECT count(*) FROM target) t, (SELECT count(*) FROM freeze_cycle) c').get()) as Record<string, number>;
    expect(stored).toEqual({ p: SMALL.patients, s: SMALL.sessions, t: counts.targets, c: counts.cycles });
    expect(counts.targets / counts.sessions).toBeGreaterThan(2.5);
    expect(counts.targets / counts.sessions).toBeLessThan(3.5);
    expect(counts.cycles / counts.targets).toBeGreaterThan(7);
    expect(counts.cycles / counts.targets).toBeLessThan(10);
    // Never more than 3 cycles at one lesion site (W09 warns above 4).
    expect(readOnly(file, (db) => db.prepare('SELECT max(n) FROM (SELECT count(*) n FROM freeze_cycle GROUP BY target_id, site_no)').pluck().get())).toBe(3);
  });

  it('leaves a sound database: integrity, foreign keys, audit chain, signed copies equal to the rows', () => {
    const file = generated(11);
    readOnly(file, (db) => {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      const chain = verifyAuditChain(db);
      expect(chain).toMatchObject({ ok: true });
      // Each session's latest signed version is the document the rows give now, byte for byte.
      const latest = db
        .prepare('SELECT v.session_id AS id, v.document FROM session_version v JOIN session s ON s.id = v.session_id AND s.version = v.version')
        .all() as { id: string; document: string }[];
      expect(latest.length).toBeGreaterThan(100);
      for (const v of latest) expect(v.document).toBe(JSON.stringify(loadSessionDocument(db, v.id)));
      const amended = db.prepare('SELECT count(*) FROM session WHERE version = 2').pluck().get() as number;
      const reasons = db.prepare('SELECT count(*) FROM session_version WHERE version = 2 AND length(reason) > 0').pluck().get() as number;
      expect(reasons).toBe(amended);
    });
  });

  it('keeps every value inside its value set and every hard limit: signed sessions raise no hard error', () => {
    const file = generated(5, { patients: 40, sessions: 300 });
    readOnly(file, (db) => {
      const rows = db.prepare('SELECT id, signed_at FROM session WHERE signed_at IS NOT NULL').all() as { id: string; signed_at: string }[];
      expect(rows.length).toBeGreaterThan(200);
      for (const { id, signed_at } of rows) {
        const doc = SessionDocument.parse(loadSessionDocument(db, id));
        const errors = validateSession(doc, undefined, { now: signed_at }).errors;
        expect(errors.map((e) => `${id} ${e.ruleId}: ${e.message}`)).toEqual([]);
        // Tardieu and MAS as a clinician records them: no "R1 beyond R2", no worse-after.
        expect(validateSession(doc, undefined, { now: signed_at }).warnings.filter((w) => w.ruleId === 'W16')).toEqual([]);
        expect(isValidNhsNumber(doc.patient.nhsNumber ?? '')).toBe(true);
        expect(doc.session.complicationsAnswer).not.toBeNull();
        for (const o of doc.outcomes) expect(MAS_CODES).toContain(o.masPre);
        for (const c of doc.targets.flatMap((t) => t.cycles)) {
          if (c.tipTempC !== null) expect(c.tipTempC).toBeGreaterThanOrEqual(-89);
          if (c.tipTempC !== null) expect(c.tipTempC).toBeLessThanOrEqual(-55);
          expect(c.painNrs).toBeGreaterThanOrEqual(0);
          expect(c.painNrs).toBeLessThanOrEqual(10);
        }
      }
      const notes = db.prepare("SELECT count(DISTINCT notes) FROM session WHERE notes <> ''").pluck().get() as number;
      expect(notes).toBeGreaterThan(250);
      // Returning patients: the same nerve and side treated again months later.
      const repeats = db
        .prepare(
          `SELECT count(*) FROM target a JOIN session sa ON sa.id = a.session_id
           JOIN session sb ON sb.patient_id = sa.patient_id AND sb.started_at > sa.started_at
           JOIN target b ON b.session_id = sb.id AND b.nerve = a.nerve AND b.side = a.side
           WHERE julianday(substr(sb.started_at, 1, 10)) - julianday(substr(sa.started_at, 1, 10)) >= 60`,
        )
        .pluck()
        .get() as number;
      expect(repeats).toBeGreaterThan(50);
      const years = db.prepare('SELECT count(DISTINCT substr(started_at, 1, 4)) FROM session').pluck().get() as number;
      expect(years).toBeGreaterThanOrEqual(10);
    });
  });

  it('is read by the app: list, session, treatment history and a signed text export through dispatch', () => {
    const dbPath = generated(13);
    const ctx = testContext({ dbPath, clock: fixedClock('2026-11-24T09:10:00.000Z') });
    const list = call(ctx, 'listSessions', { limit: 50 });
    expect(list).toHaveLength(50);
    expect(list.map((s) => s.startedAt)).toEqual([...list.map((s) => s.startedAt)].sort().reverse());
    const signedId = readOnly(dbPath, (db) => db.prepare('SELECT id FROM session WHERE version = 2 LIMIT 1').pluck().get() as string);
    const doc = call(ctx, 'getSession', { id: signedId });
    expect(doc.complications.at(-1)?.type).toBe('dysaesthesia');
    const history = call(ctx, 'getTreatmentHistory', { patientId: doc.patient.id });
    expect(history.length).toBeGreaterThan(0);
    const text = call(ctx, 'exportSession', { sessionId: signedId, format: 'text' }).content;
    expect(text.split('\n')[0]).not.toContain('DRAFT');
    expect(text).toContain(`Name: ${doc.patient.familyName!.toUpperCase()}, ${doc.patient.givenName!}`);
    expect(text).toContain('Record version: 2');
    // The sign-in the test made chained on to the generated trail.
    expect(call(ctx, 'verifyAuditTrail', {})).toMatchObject({ ok: true });
  });
});
