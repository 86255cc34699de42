// The bulk CSV export in its worker thread, through the same dispatch the window uses: the file
// is byte for byte what the in-process job writes (fast and per-session paths both taken), the
// audit trail records its SHA-256, and a cancel leaves neither the part file nor the output.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Ctx } from '../../electron/main/context';
import type { DB } from '../../electron/main/db/types';
import { dispatch } from '../../electron/main/ipc/dispatch';
import type { Channel } from '../../shared/ipc/channels';
import type { Req, Res } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';
import { finishBulkJob, partFileOf, sessionsForBulkExport, startBulkJob, stepBulkJob } from '../../electron/main/export/bulk';
import { bulkSource } from '../../electron/main/export/bulkSources';
import { lockedSessionCsvRows } from '../../electron/main/export/lockedCsvRows';
import { runBulkCsvInWorker } from '../../electron/main/export/runBulkCsvInWorker';
import { beginAmendment, markEnteredInError } from '../../electron/main/db/repos/signoff';
import { generateClinic } from '../tools/synthetic/generateClinic';
import { tempDir, testContext } from '../helpers/tempDir';

const AT = '2026-11-24T09:10:00.000+00:00';

function call<C extends Channel>(ctx: Ctx, channel: C, request: Req<C>): Res<C> {
  const r = dispatch(ctx, channel, request) as Result<Res<C>>;
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.data;
}

/** A generated clinic with sessions the fast path leaves to the per-session path (mid-amendment, entered in error). */
function clinic(): { ctx: Ctx; db: DB; range: { from: string; to: string }; saveDir: string } {
  const file = path.join(tempDir(), 'clinic.sqlite');
  generateClinic(file, { seed: 11, patients: 40, sessions: 200, amendRate: 0.2 });
  const saveDir = tempDir();
  const ctx = testContext({ dbPath: file });
  ctx.chooseSavePath = (name) => path.join(saveDir, name);
  const db = ctx.db!;
  const signed = db.prepare('SELECT id FROM session WHERE version >= 1 ORDER BY id').pluck().all() as string[];
  db.transaction(() => {
    for (const id of signed.slice(0, 3)) beginAmendment(db, id, 'Lot number corrected', 'Dr Test', AT);
    for (const id of signed.slice(3, 6)) markEnteredInError(db, id, 'Wrong patient', 'Dr Test', AT);
  })();
  const range = db.prepare('SELECT substr(min(started_at), 1, 10) AS "from", substr(max(started_at), 1, 10) AS "to" FROM session').get() as { from: string; to: string };
  return { ctx, db, range, saveDir };
}

const nextPoll = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('bulk CSV export in a worker thread', () => {
  it('writes exactly the in-process job bytes, reports progress up to the total, and records the SHA-256', async () => {
    const { ctx, db, range, saveDir } = clinic();
    const sessionIds = sessionsForBulkExport(db, range).map((s) => s.sessionId);
    const inProcess = startBulkJob({
      format: 'csv',
      sessionIds,
      outFile: path.join(tempDir(), 'in-process.csv'),
      loadSource: (id) => bulkSource(ctx, db, id, 'csv'),
      lockedCsvRows: (ids) => lockedSessionCsvRows(db, ids),
    });
    while (!stepBulkJob(inProcess, 50).finished);
    const expected = fs.readFileSync(finishBulkJob(inProcess).file);

    let progress = call(ctx, 'startBulkExport', { range, format: 'csv', destination: 'save-dialog' })!;
    const seen: { done: number; total: number }[] = [];
    while (!progress.finished) {
      await nextPoll();
      progress = call(ctx, 'stepBulkExport', { jobId: progress.jobId });
      seen.push({ done: progress.done, total: progress.total });
    }
    const result = progress.result!;
    const written = fs.readFileSync(result.path);
    expect(written.equals(expected)).toBe(true);
    expect(seen.at(-1)).toEqual({ done: sessionIds.length, total: sessionIds.length });
    expect(seen.every((s, i) => i === 0 || s.done >= seen[i - 1]!.done)).toBe(true);
    expect(result.sha256).toBe(createHash('sha256').update(written).digest('hex'));
    expect(fs.readdirSync(saveDir)).toEqual([path.basename(result.path)]);
    const logged = db.prepare("SELECT new_value FROM audit_log WHERE entity = 'export' ORDER BY id DESC LIMIT 1").pluck().get() as string;
    expect(JSON.parse(logged)).toMatchObject({ path: result.path, sha256: result.sha256, bytes: written.length, status: `${result.sessions} sessions, ${result.rows} rows` });
  });

  it('cancel stops the worker and removes the part file; nothing appears at the output name', async () => {
    const { ctx, range, saveDir } = clinic();
    const outFile = path.join(saveDir, 'cancelled.csv');
    const job = { dbFile: ctx.dbPath, range, outFile, bom: true, mode: 0o600, appVersion: 'test', now: new Date().toISOString(), offsetMinutes: 0 };
    const handle = runBulkCsvInWorker(job, () => undefined);
    expect(handle.partFile).toBe(partFileOf(outFile));
    // Let it start writing, then stop it.
    while (handle.status().state === 'running' && !fs.existsSync(handle.partFile)) await nextPoll();
    await handle.cancel();
    expect(fs.readdirSync(saveDir)).toEqual([]);
  });

  it('shared between threads, the file is byte for byte the one-thread file; a share whose snapshot differs is written by the lead', async () => {
    const { ctx, range, saveDir } = clinic();
    const base = { dbFile: ctx.dbPath, range, bom: true, mode: 0o600, appVersion: 'test', now: new Date().toISOString(), offsetMinutes: 0 };
    const one = await runBulkCsvInWorker({ ...base, outFile: path.join(saveDir, 'one.csv'), shards: 1 }, () => undefined).outcome;
    const logs: string[] = [];
    const three = await runBulkCsvInWorker({ ...base, outFile: path.join(saveDir, 'three.csv'), shards: 3 }, (m) => logs.push(m)).outcome;
    const oneBytes = fs.readFileSync(one.partFile);
    expect(one.sessions).toBeGreaterThan(100);
    expect(fs.readFileSync(three.partFile).equals(oneBytes)).toBe(true);
    expect(three).toMatchObject({ sha256: one.sha256, bytes: one.bytes, sessions: one.sessions, rows: one.rows, skipped: one.skipped });
    expect(three.sha256).toBe(createHash('sha256').update(oneBytes).digest('hex'));
    expect(logs).toEqual([]);
    // The shards' own files were joined and removed: only the two part files are left.
    expect(fs.readdirSync(saveDir).sort()).toEqual([path.basename(one.partFile), path.basename(three.partFile)].sort());

    // Shards told of another snapshot than their own: the lead writes their sessions, the same bytes.
    const moved = await runBulkCsvInWorker({ ...base, outFile: path.join(saveDir, 'moved.csv'), shards: 3, shardMarkerForTests: '-1' }, (m) => logs.push(m)).outcome;
    expect(fs.readFileSync(moved.partFile).equals(oneBytes)).toBe(true);
    expect(moved.sha256).toBe(one.sha256);
    expect(logs).toEqual([1, 2].map((k) => `Bulk export: share ${k} written from the first snapshot (the record changed as the export started).`));
  });

  it('a cancel while the shards are writing leaves no file of theirs or of the lead', async () => {
    const { ctx, range, saveDir } = clinic();
    const job = { dbFile: ctx.dbPath, range, outFile: path.join(saveDir, 'cancelled.csv'), bom: true, mode: 0o600, appVersion: 'test', now: new Date().toISOString(), offsetMinutes: 0, shards: 3 };
    const handle = runBulkCsvInWorker(job, () => undefined);
    while (handle.status().state === 'running' && !fs.readdirSync(saveDir).some((f) => f.includes('.shard'))) await nextPoll();
    expect(handle.status().state).toBe('running');
    await handle.cancel();
    expect(fs.readdirSync(saveDir)).toEqual([]);
  });
});
