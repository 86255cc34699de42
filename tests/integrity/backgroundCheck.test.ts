// The start's integrity check in the background (electron/main/integrity/): what waits for it,
// what a damaged file refuses, and that the real worker thread finds damage in a closed copy.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { closeContext, createContext, type Ctx, type CreateContextOptions, type Logger } from '../../electron/main/context';
import { dispatch } from '../../electron/main/ipc/dispatch';
import { integritySettled } from '../../electron/main/integrity/backgroundCheck';
import { appendAudit } from '../../electron/main/db/repos/audit';
import type { Channel } from '../../shared/ipc/channels';
import type { Req, Res } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';
import { fixedClock, quietLog, tempDir } from '../helpers/tempDir';
import { signInTestAdmin, TEST_HASH_COST, TEST_PIN } from '../helpers/testClinician';

const contexts: Ctx[] = [];

function open(dbPath: string, integrityCheck: CreateContextOptions['integrityCheck'], log: Logger = quietLog): Ctx {
  const ctx = createContext({ dbPath, appVersion: 'test', clock: fixedClock(), log, checkResponses: true, hashCost: TEST_HASH_COST, integrityCheck });
  contexts.push(ctx);
  if (ctx.db) signInTestAdmin(ctx);
  return ctx;
}

function call<C extends Channel>(ctx: Ctx, channel: C, request: Req<C>): Res<C> {
  const r = dispatch(ctx, channel, request) as Result<Res<C>>;
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.data;
}

function refusal(r: Result<unknown>): { code: string; message: string } {
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
}

/** A record with one patient and one draft session, closed; answers their ids. */
function seededFile(file: string, auditRows = 0): { patientId: string; sessionId: string } {
  const ctx = open(file, 'at-open');
  const patient = call(ctx, 'createPatient', {});
  const session = call(ctx, 'startSession', { patientId: patient.id });
  const db = ctx.db!;
  db.transaction(() => {
    for (let i = 0; i < auditRows; i++) appendAudit(db, { at: '2026-01-01', action: 'create', entity: 'patient', entityId: `id-${i}-${'x'.repeat(50)}`, sessionId: null });
  })();
  closeContext(ctx);
  contexts.splice(contexts.indexOf(ctx), 1);
  return { patientId: patient.id, sessionId: session.id };
}

/**
 * Scribbles over one leaf page of the audit trail in the middle of its b-tree, in the closed
 * file: the open (header, schema, the audit trail's last page for sign-in) never reads it, a
 * full read of the file (quick_check) does.
 */
function damageAuditLeaf(file: string): void {
  const raw = new Database(file, { readonly: true });
  const leaves = raw.prepare("SELECT pageno FROM dbstat WHERE name = 'audit_log' AND pagetype = 'leaf' ORDER BY pageno").pluck().all() as number[];
  const pageSize = Number(raw.pragma('page_size', { simple: true }));
  raw.close();
  expect(leaves.length).toBeGreaterThan(10);
  const page = leaves[Math.floor(leaves.length / 2)]!;
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (page - 1) * pageSize);
  fs.closeSync(fd);
}

/** A check runner the test answers when it chooses. */
function heldCheck(): { runner: (file: string) => Promise<string[]>; answer(problems: string[]): void } {
  let answer: (problems: string[]) => void = () => undefined;
  const pending = new Promise<string[]>((resolve) => (answer = resolve));
  return { runner: () => pending, answer: (problems) => answer(problems) };
}

describe('the integrity check after start', () => {
  afterEach(() => {
    for (const ctx of contexts.splice(0)) closeContext(ctx);
  });

  it('passes a healthy file in the worker thread, and signing is no longer held', async () => {
    const file = path.join(tempDir(), 'cryolog.sqlite');
    const { sessionId } = seededFile(file);
    const ctx = open(file, 'background');
    expect(ctx.integrity.state).toBe('checking');
    const settled = await integritySettled(ctx);
    expect(settled.state).toBe('ok');
    expect(ctx.startup).toEqual({ state: 'ready' });
    // Held no longer: the answer is about the record (an empty draft is not ready), not the check.
    expect(refusal(dispatch(ctx, 'signSession', { sessionId, secret: TEST_PIN })).code).toBe('NOT_READY_TO_SIGN');
  });

  it('keeps saving drafts while the check runs, but holds signing and exports with a message until it passes', async () => {
    const file = path.join(tempDir(), 'cryolog.sqlite');
    const { patientId, sessionId } = seededFile(file);
    const check = heldCheck();
    const ctx = open(file, check.runner);
    expect(ctx.integrity.state).toBe('checking');

    call(ctx, 'saveFields', { entity: 'patient', id: patientId, patch: { familyName: 'Testpatient' } });
    expect(call(ctx, 'getPatient', { id: patientId }).patient.familyName).toBe('Testpatient');
    const sign = refusal(dispatch(ctx, 'signSession', { sessionId, secret: TEST_PIN }));
    expect(sign.code).toBe('INTEGRITY_CHECKING');
    expect(sign.message).toMatch(/still checking the record database.*try again in a moment/);
    expect(refusal(dispatch(ctx, 'exportSession', { sessionId, format: 'text' })).code).toBe('INTEGRITY_CHECKING');

    check.answer([]);
    expect((await integritySettled(ctx)).state).toBe('ok');
    expect(refusal(dispatch(ctx, 'signSession', { sessionId, secret: TEST_PIN })).code).toBe('NOT_READY_TO_SIGN');
  });

  it('finds a damaged page after start: writes, signing and exports are refused saying what to do, reads still work, the startup screen shows it, and it is logged', async () => {
    const file = path.join(tempDir(), 'cryolog.sqlite');
    const { patientId, sessionId } = seededFile(file, 3000);
    damageAuditLeaf(file);
    const errors: string[] = [];
    const ctx = open(file, 'background', { info: () => undefined, error: (m: string) => void errors.push(m) });
    expect(ctx.startup.state).toBe('ready'); // opened without reading every page

    const settled = await integritySettled(ctx);
    expect(settled.state).toBe('damaged');
    const saved = refusal(dispatch(ctx, 'saveFields', { entity: 'patient', id: patientId, patch: { familyName: 'Later' } }));
    expect(saved.code).toBe('DB_DAMAGED');
    expect(saved.message).toMatch(/found damaged after CryoLog started.*nothing more is saved.*call IT.*restore the latest backup/);
    expect(refusal(dispatch(ctx, 'startSession', { patientId })).code).toBe('DB_DAMAGED');
    expect(refusal(dispatch(ctx, 'signSession', { sessionId, secret: TEST_PIN })).code).toBe('DB_DAMAGED');
    expect(refusal(dispatch(ctx, 'exportSession', { sessionId, format: 'text' })).code).toBe('DB_DAMAGED');

    expect(call(ctx, 'getSession', { id: sessionId }).session.id).toBe(sessionId);
    const startup = call(ctx, 'getStartupStatus', {});
    expect(startup).toMatchObject({ state: 'failed', problem: 'DB_CORRUPT', title: 'The record database is damaged' });
    expect(errors.some((m) => m.includes('damaged'))).toBe(true);
  });
});
