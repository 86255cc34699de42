// Bulk export of a date range, against a real database built with the app's own import, sign
// and entered-in-error paths: which sessions go in, and a file that is whole or absent.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BULK_SESSIONS_SQL, cancelBulkJob, finishBulkJob, sessionsForBulkExport, startBulkJob, stepBulkJob } from '../../electron/main/export/bulk';
import type { Ctx } from '../../electron/main/context';
import type { DB } from '../../electron/main/db/types';
import { dispatch } from '../../electron/main/ipc/dispatch';
import { loadSessionDocument } from '../../electron/main/db/repos/sessions';
import { readSignoff } from '../../electron/main/db/repos/signoff';
import { SessionDocument } from '../../shared/domain/model';
import type { Channel } from '../../shared/ipc/channels';
import type { Req, Res } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';
import { DEFAULT_SERVICE_INFO, type ExportSource } from '../../shared/export/source';
import { tempDir, testContext } from '../helpers/tempDir';
import { fixtureFile } from '../tools/sessionFixtures';
import { sessionValidator } from '../fileformat/jsonSchema';
import { parseCsv, parseCsvRecords } from './csvParse';
import { SIGNER, TEST_PIN } from '../helpers/testClinician';

function call<C extends Channel>(ctx: Ctx, channel: C, request: Req<C>): Res<C> {
  const r = dispatch(ctx, channel, request) as Result<Res<C>>;
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.data;
}

const DAY_MS = 86_400_000;

/**
 * Every date and date-time of the session moved by whole days, so it stays consistent (and
 * sign-ready); the date of birth stays, so the same patient is matched on import.
 */
function shiftDays(value: unknown, days: number): unknown {
  if (typeof value === 'string') {
    const m = value.match(/^(\d{4}-\d{2}-\d{2})(T.*)?$/);
    if (!m) return value;
    const date = new Date(Date.parse(`${m[1]}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
    return `${date}${m[2] ?? ''}`;
  }
  if (Array.isArray(value)) return value.map((v) => shiftDays(v, days));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'dateOfBirth' ? v : shiftDays(v, days)]));
  return value;
}

type Fixture = 'S1' | 'S2';

/** S1 and S2 are on 2026-03-10; `days` moves the whole session. */
function importSession(ctx: Ctx, name: Fixture, days: number, startedAt?: string): string {
  const document = shiftDays(JSON.parse(fs.readFileSync(fixtureFile(name), 'utf8')), days) as SessionDocument;
  if (startedAt) document.session.startedAt = startedAt;
  return call(ctx, 'importSession', { document }).sessionId;
}

/** A stand-in for the lead's loader: the record as stored, with its signature state. */
function loadSource(db: DB, sessionId: string): ExportSource | null {
  const doc = loadSessionDocument(db, sessionId);
  const signoff = readSignoff(db, sessionId);
  if (!doc || !signoff) return null;
  const status = signoff.enteredInError ? 'entered-in-error' : signoff.version === 0 ? 'draft' : signoff.version > 1 ? 'amended' : 'final';
  return {
    doc,
    status,
    version: signoff.version || null,
    versions: signoff.versions,
    amendmentInProgress: null,
    enteredInError: signoff.enteredInError,
    hardErrors: [],
    appVersion: 'test',
    generatedAt: '2026-03-20T12:00:00+00:00',
    service: DEFAULT_SERVICE_INFO,
  };
}

/**
 * A database around the range 2026-03-10..2026-03-14: signed sessions on both end days and just
 * outside them, an unsigned draft inside, an unsigned session entered in error inside, and two
 * sessions near midnight whose local date differs from their UTC date.
 */
function database() {
  // Entered and signed on the session's own day, as at the bedside (an import days later is a late entry to acknowledge).
  let now = Date.parse('2026-03-09T10:30:00.000Z');
  const ctx = testContext({ clock: { now: () => new Date(now), offsetMinutes: () => 0 } });
  const db = ctx.db!;
  const signed = (name: Fixture, days: number) => {
    now = Date.parse(`2026-03-10T${name === 'S1' ? '10:30' : '15:00'}:00.000Z`) + days * DAY_MS;
    const id = importSession(ctx, name, days);
    call(ctx, 'signSession', { sessionId: id, secret: TEST_PIN });
    return id;
  };
  const enteredInError = (name: Fixture, days: number, startedAt?: string) => {
    const id = importSession(ctx, name, days, startedAt);
    call(ctx, 'markEnteredInError', { sessionId: id, reason: 'Recorded against the wrong patient' });
    return id;
  };
  const ids = {
    dayBefore: signed('S1', -1),
    firstDay: signed('S1', 0),
    lastDay: signed('S2', 4),
    dayAfter: signed('S2', 5),
    draft: importSession(ctx, 'S1', 2),
    enteredInError: enteredInError('S2', 2),
    // 00:15 local on 10 March (23:15 UTC on the 9th): inside by its local date.
    localFirstDay: enteredInError('S1', 0, '2026-03-10T00:15:00+01:00'),
    // 00:30 local on 15 March (23:30 UTC on the 14th): outside by its local date.
    localDayAfter: enteredInError('S1', 5, '2026-03-15T00:30:00+01:00'),
  };
  return { ctx, db, ids, load: (id: string) => loadSource(db, id) };
}

const RANGE = { from: '2026-03-10', to: '2026-03-14' };

function runToEnd(job: ReturnType<typeof startBulkJob>, perStep = 1) {
  const steps = [];
  for (;;) {
    const p = stepBulkJob(job, perStep);
    steps.push(p);
    if (p.finished) return steps;
  }
}

describe('sessionsForBulkExport', () => {
  it('takes signed and entered-in-error sessions whose local date is within the range, ends included, oldest first', () => {
    const { db, ids } = database();
    const found = sessionsForBulkExport(db, RANGE);
    expect(found.map((s) => s.sessionId)).toEqual([ids.localFirstDay, ids.firstDay, ids.enteredInError, ids.lastDay]);
    expect(found[0]!.startedAt).toBe('2026-03-10T00:15:00+01:00');
    expect(found.map((s) => s.sessionId)).not.toContain(ids.draft);
  });

  it('takes a one-day range and an empty one, and refuses a range backwards or not made of dates', () => {
    const { db, ids } = database();
    expect(sessionsForBulkExport(db, { from: '2026-03-14', to: '2026-03-14' }).map((s) => s.sessionId)).toEqual([ids.lastDay]);
    expect(sessionsForBulkExport(db, { from: '2026-04-01', to: '2026-04-30' })).toEqual([]);
    expect(() => sessionsForBulkExport(db, { from: '2026-03-14', to: '2026-03-10' })).toThrow(/starts .* after it ends/);
    expect(() => sessionsForBulkExport(db, { from: '10/03/2026', to: '2026-03-14' })).toThrow(/YYYY-MM-DD/);
  });

  it('reads the range from the start-time index rather than scanning every session', () => {
    const { db } = database();
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${BULK_SESSIONS_SQL}`).all({ from: '2026-03-10', toExclusive: '2026-03-15' }) as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/SEARCH s USING INDEX session_started_at/);
  });
});

describe('bulk export job', () => {
  it('writes a CSV that reads back with one row per freeze cycle of each session, the header once', () => {
    const { db, load } = database();
    const found = sessionsForBulkExport(db, RANGE);
    const outFile = path.join(tempDir(), 'audit.csv');
    const job = startBulkJob({ format: 'csv', sessionIds: found.map((s) => s.sessionId), outFile, loadSource: load });
    const steps = runToEnd(job, 3);
    expect(steps.map((s) => [s.done, s.total, s.finished])).toEqual([
      [3, 4, false],
      [4, 4, true],
    ]);
    const result = finishBulkJob(job);
    const text = fs.readFileSync(outFile, 'utf8');
    expect(text.startsWith('\uFEFFsession_id,')).toBe(true);
    expect(parseCsv(text).filter((r) => r[0] === 'session_id')).toHaveLength(1);
    const records = parseCsvRecords(text);
    const expectedRows = found.flatMap((s) => loadSessionDocument(db, s.sessionId)!.targets.flatMap((t) => t.cycles.map((c) => `${s.sessionId}/${t.seq}/${c.seq}`)));
    expect(records.map((r) => `${r.session_id}/${r.target_seq}/${r.cycle_no}`)).toEqual(expectedRows);
    expect(records.filter((r) => r.entered_in_error === 'true').map((r) => r.export_status)).toContain('entered-in-error');
    expect(result).toMatchObject({ file: outFile, sessions: 4, skipped: 0, rows: records.length, bytes: fs.statSync(outFile).size });
    expect(result.sha256).toBe(createHash('sha256').update(fs.readFileSync(outFile)).digest('hex'));
  });

  it('writes JSON as an array of valid session documents, signed ones with their signature', () => {
    const { db, ids, load } = database();
    const found = sessionsForBulkExport(db, RANGE);
    const outFile = path.join(tempDir(), 'sessions.json');
    const job = startBulkJob({ format: 'json', sessionIds: found.map((s) => s.sessionId), outFile, loadSource: load });
    runToEnd(job, 2);
    const result = finishBulkJob(job);
    const parsed = JSON.parse(fs.readFileSync(outFile, 'utf8')) as unknown[];
    expect(parsed).toHaveLength(4);
    const validate = sessionValidator();
    const docs = parsed.map((d) => {
      expect(validate(d).errors).toEqual([]);
      return SessionDocument.parse(d);
    });
    expect(docs.map((d) => d.session.id)).toEqual(found.map((s) => s.sessionId));
    const lastDay = docs.find((d) => d.session.id === ids.lastDay)!;
    expect(lastDay.signoff).toMatchObject({ version: 1, versions: [{ version: 1, signer: SIGNER, reason: null }], enteredInError: null });
    const unsignedError = docs.find((d) => d.session.id === ids.enteredInError)!;
    expect(unsignedError.session.status).toBe('entered-in-error');
    expect(result).toMatchObject({ sessions: 4, rows: 4, skipped: 0 });
  });

  it('writes nothing at the output name until finished, and replaces an older file only then', () => {
    const { db, load } = database();
    const ids = sessionsForBulkExport(db, RANGE).map((s) => s.sessionId);
    const outFile = path.join(tempDir(), 'audit.csv');
    fs.writeFileSync(outFile, 'the previous export\r\n');
    const job = startBulkJob({ format: 'csv', sessionIds: ids, outFile, loadSource: load });
    stepBulkJob(job, 2);
    expect(fs.readFileSync(outFile, 'utf8')).toBe('the previous export\r\n');
    expect(fs.existsSync(job.partFile)).toBe(true);
    expect(job.partFile).toBe(`${outFile}.${process.pid}.part`);
    expect(() => finishBulkJob(job)).toThrow(/still to export/);
    runToEnd(job);
    finishBulkJob(job);
    expect(fs.readFileSync(outFile, 'utf8')).toMatch(/^\uFEFFsession_id,/);
    expect(fs.existsSync(job.partFile)).toBe(false);
    expect(fs.readdirSync(path.dirname(outFile))).toEqual(['audit.csv']);
  });

  it('leaves no file behind when cancelled, and cannot be stepped afterwards', () => {
    const { db, load } = database();
    const outFile = path.join(tempDir(), 'sessions.json');
    const job = startBulkJob({ format: 'json', sessionIds: sessionsForBulkExport(db, RANGE).map((s) => s.sessionId), outFile, loadSource: load });
    stepBulkJob(job, 1);
    cancelBulkJob(job);
    cancelBulkJob(job);
    expect(fs.readdirSync(path.dirname(outFile))).toEqual([]);
    expect(() => stepBulkJob(job, 1)).toThrow(/cancelled/);
  });

  it('removes the part file when a session fails to load, and passes the error on', () => {
    const { db, load } = database();
    const ids = sessionsForBulkExport(db, RANGE).map((s) => s.sessionId);
    const outFile = path.join(tempDir(), 'audit.csv');
    const job = startBulkJob({
      format: 'csv',
      sessionIds: ids,
      outFile,
      loadSource: (id) => {
        if (id === ids[2]) throw new Error('disk read failed');
        return load(id);
      },
    });
    expect(() => runToEnd(job, 1)).toThrow(/disk read failed/);
    expect(fs.readdirSync(path.dirname(outFile))).toEqual([]);
    expect(job.state).toBe('failed');
  });

  it('skips and counts sessions the loader cannot find, and writes a valid empty JSON array when nothing is left', () => {
    const { db, load } = database();
    const ids = sessionsForBulkExport(db, RANGE).map((s) => s.sessionId);
    const csvFile = path.join(tempDir(), 'audit.csv');
    const csv = startBulkJob({ format: 'csv', sessionIds: [...ids, '00000000-0000-4000-8000-00000000dead'], outFile: csvFile, loadSource: load, bom: false });
    expect(runToEnd(csv, 10).at(-1)).toMatchObject({ done: 5, total: 5, skipped: 1, finished: true });
    expect(finishBulkJob(csv)).toMatchObject({ sessions: 4, skipped: 1 });
    expect(fs.readFileSync(csvFile, 'utf8').startsWith('session_id,')).toBe(true);

    const jsonFile = path.join(tempDir(), 'none.json');
    const json = startBulkJob({ format: 'json', sessionIds: ['00000000-0000-4000-8000-00000000dead'], outFile: jsonFile, loadSource: () => null });
    runToEnd(json);
    expect(finishBulkJob(json)).toMatchObject({ sessions: 0, skipped: 1, rows: 0 });
    expect(JSON.parse(fs.readFileSync(jsonFile, 'utf8'))).toEqual([]);
  });
});
