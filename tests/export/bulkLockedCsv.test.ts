// The bulk CSV's fast path (lockedCsvRows.ts) against the per-session path on a generated clinic:
// the same bytes for the same range, whatever mix of final, amended, mid-amendment, entered in
// error, unsigned, patient-corrected-after-signing and hostile-text sessions it holds.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Ctx } from '../../electron/main/context';
import type { DB } from '../../electron/main/db/types';
import { dispatch } from '../../electron/main/ipc/dispatch';
import type { Channel } from '../../shared/ipc/channels';
import type { Req, Res } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';
import { cancelBulkJob, finishBulkJob, sessionsForBulkExport, startBulkJob, stepBulkJob, type BulkJob } from '../../electron/main/export/bulk';
import { bulkSource } from '../../electron/main/export/bulkHandlers';
import { lockedSessionCsvRows } from '../../electron/main/export/lockedCsvRows';
import { beginAmendment, markEnteredInError, signSession } from '../../electron/main/db/repos/signoff';
import { updateRow } from '../../electron/main/db/repos/entities';
import { generateClinic } from '../tools/synthetic/generateClinic';
import { tempDir, testContext } from '../helpers/tempDir';
import { SIGNER } from '../helpers/testClinician';

const AT = '2026-11-24T09:10:00.000+00:00';
// Quotes, commas, formula starts, right-to-left and astral characters: what these one-line
// fields accept (the schemas refuse line breaks and control characters, at input and on load).
const HOSTILE = ['=HYPERLINK("http://x.invalid","a, b")', '+1 "quoted" ,next', '@SUM(A1);x', '-2+3', '"",,"', 'שלום 🧊 naïve'];

function call<C extends Channel>(ctx: Ctx, channel: C, request: Req<C>): Res<C> {
  const r = dispatch(ctx, channel, request) as Result<Res<C>>;
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.data;
}

function idsBy(db: DB, sql: string): string[] {
  return db.prepare(sql).pluck().all() as string[];
}

/** A generated clinic, then the cases the fast path must leave to the per-session path, made through the app's own repos. */
function clinic(): { ctx: Ctx; db: DB; range: { from: string; to: string }; hostile: string[]; bare: string } {
  const file = path.join(tempDir(), 'clinic.sqlite');
  generateClinic(file, { seed: 7, patients: 60, sessions: 300, amendRate: 0.2 });
  const ctx = testContext({ dbPath: file });
  const db = ctx.db!;
  const signed = idsBy(db, 'SELECT id FROM session WHERE version >= 1 ORDER BY id');
  const unsigned = idsBy(db, 'SELECT id FROM session WHERE version = 0 ORDER BY id');
  db.transaction(() => {
    // Hostile text in every free-text column the CSV reads, on unsigned sessions that are then signed (locked: fast path).
    unsigned.slice(0, 6).forEach((id, i) => {
      const text = HOSTILE[i]!;
      const patientId = db.prepare('SELECT patient_id FROM session WHERE id = ?').pluck().get(id) as string;
      updateRow(db, 'patient', patientId, { localMrn: text.slice(0, 30) }, AT, null);
      for (const m of idsBy(db, `SELECT id FROM team_member WHERE session_id = '${id}'`)) updateRow(db, 'teamMember', m, { name: text, registrationNumber: text.slice(0, 20) }, AT, id);
      for (const d of idsBy(db, `SELECT id FROM device WHERE session_id = '${id}'`)) updateRow(db, 'device', d, { manufacturer: text, model: text, probeLot: text.slice(0, 40), gasLot: text.slice(0, 40) }, AT, id);
      signSession(db, id, SIGNER, AT, null);
    });
    // Signed with a target that has no cycle (it still gives one row) and one whose device is unset.
    const bare = unsigned[8]!;
    const [first, second] = idsBy(db, `SELECT id FROM target WHERE session_id = '${bare}' ORDER BY seq`);
    db.prepare('DELETE FROM freeze_cycle WHERE target_id = ?').run(first);
    db.prepare('UPDATE target SET device_id = NULL WHERE id = ?').run(second);
    signSession(db, bare, SIGNER, AT, null);
    // Mid-amendment, with an edit the signed version does not have (per-session path: the signed copy).
    for (const id of signed.slice(0, 5)) {
      beginAmendment(db, id, 'Lot number corrected', 'Dr Test', AT);
      for (const d of idsBy(db, `SELECT id FROM device WHERE session_id = '${id}'`)) updateRow(db, 'device', d, { probeLot: 'CHANGED-AFTER-SIGNING' }, AT, id);
    }
    // Entered in error: signed ones export as such; an unsigned one is skipped.
    for (const id of [...signed.slice(5, 9), ...unsigned.slice(6, 8)]) markEnteredInError(db, id, 'Wrong patient', 'Dr Test', AT);
    // A patient corrected after their sessions were signed: the signed copy keeps the old number.
    const corrected = db.prepare(`SELECT patient_id FROM session WHERE id = ?`).pluck().get(signed[20]) as string;
    updateRow(db, 'patient', corrected, { localMrn: 'CORRECTED-1' }, AT, null);
  })();
  const range = db.prepare('SELECT substr(min(started_at), 1, 10) AS "from", substr(max(started_at), 1, 10) AS "to" FROM session').get() as { from: string; to: string };
  return { ctx, db, range, hostile: unsigned.slice(0, 6), bare: unsigned[8]! };
}

function run(job: BulkJob, maxSessions: number): string {
  while (!stepBulkJob(job, maxSessions).finished);
  return fs.readFileSync(finishBulkJob(job).file, 'latin1');
}

describe('bulk CSV: locked sessions read set-based', () => {
  it('writes exactly the bytes of the per-session path, and takes the fast path only for locked sessions', () => {
    const { ctx, db, range, hostile, bare } = clinic();
    const sessionIds = sessionsForBulkExport(db, range).map((s) => s.sessionId);
    const dir = tempDir();
    const loadSource = (id: string) => bulkSource(ctx, db, id, 'csv');
    const perSession = run(startBulkJob({ format: 'csv', sessionIds, outFile: path.join(dir, 'per-session.csv'), loadSource }), 25);

    const fast = new Set<string>();
    const lockedCsvRows = (ids: readonly string[]) => {
      const rows = lockedSessionCsvRows(db, ids);
      for (const id of rows.keys()) fast.add(id);
      return rows;
    };
    // An odd step size, so batches and steps do not line up.
    const setBased = run(startBulkJob({ format: 'csv', sessionIds, outFile: path.join(dir, 'set-based.csv'), loadSource, lockedCsvRows }), 37);

    expect(setBased.length).toBeGreaterThan(100_000);
    expect(setBased).toBe(perSession);
    for (const text of ['CHANGED-AFTER-SIGNING', 'CORRECTED-1']) expect(perSession).not.toContain(text);
    expect(perSession).toContain('HYPERLINK');
    expect(perSession).toContain('entered-in-error');

    const notLocked = idsBy(
      db,
      `SELECT s.id FROM session s WHERE s.amending = 1 OR EXISTS (SELECT 1 FROM entered_in_error e WHERE e.session_id = s.id)
         OR s.patient_id = (SELECT entity_id FROM audit_log WHERE field = 'localMrn' AND new_value = '"CORRECTED-1"')`,
    );
    expect(notLocked.length).toBeGreaterThan(9);
    for (const id of notLocked) expect(fast.has(id)).toBe(false);
    // Most sessions, hostile text included, went the fast way (a patient edited after an earlier signature sends that one back).
    expect(fast.size).toBeGreaterThan(sessionIds.length * 0.75);
    expect(hostile.filter((id) => fast.has(id)).length).toBeGreaterThanOrEqual(4);
    expect(fast.has(bare)).toBe(true);
  });

  it('reaches the total through the handler, and a cancel leaves no file', async () => {
    const { ctx, db, range } = clinic();
    const dir = tempDir();
    ctx.chooseSavePath = (name) => path.join(dir, name);
    const total = sessionsForBulkExport(db, range).length;

    let p = call(ctx, 'startBulkExport', { range, format: 'csv', destination: 'save-dialog' })!;
    const seen: number[] = [];
    // The CSV runs in a worker thread: let its messages in between polls, as the window does.
    while (!p.finished) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      p = call(ctx, 'stepBulkExport', { jobId: p.jobId });
      seen.push(p.done);
    }
    expect(p.total).toBe(total);
    expect(seen.at(-1)).toBe(total);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(fs.existsSync(p.result!.path)).toBe(true);

    const again = call(ctx, 'startBulkExport', { range, format: 'csv', destination: 'save-dialog' })!;
    call(ctx, 'stepBulkExport', { jobId: again.jobId });
    expect(call(ctx, 'cancelBulkExport', { jobId: again.jobId })).toEqual({ cancelled: true });
    // The part file goes once the worker has stopped.
    await vi.waitFor(() => expect(fs.readdirSync(dir)).toEqual([path.basename(p.result!.path)]));
  });

  it('a job cancelled mid-way removes its part file', () => {
    const { ctx, db, range } = clinic();
    const sessionIds = sessionsForBulkExport(db, range).map((s) => s.sessionId);
    const dir = tempDir();
    const job = startBulkJob({ format: 'csv', sessionIds, outFile: path.join(dir, 'x.csv'), loadSource: (id) => bulkSource(ctx, db, id, 'csv'), lockedCsvRows: (ids) => lockedSessionCsvRows(db, ids) });
    stepBulkJob(job, 50);
    expect(fs.readdirSync(dir)).toHaveLength(1);
    cancelBulkJob(job);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
