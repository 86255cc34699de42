import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/main/ipc/dispatch';
import type { Ctx } from '../../electron/main/context';
import type { Channel } from '../../shared/ipc/channels';
import type { Req, Res } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';
import { fixedClock, tempDir, testContext } from '../helpers/tempDir';
import { fixtureFile } from '../tools/sessionFixtures';
import { SIGNER, TEST_PIN } from '../helpers/testClinician';

function call<C extends Channel>(ctx: Ctx, channel: C, request: Req<C>): Res<C> {
  const r = dispatch(ctx, channel, request) as Result<Res<C>>;
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.data;
}
const codeOf = (r: Result<unknown>) => (r.ok ? 'ok' : r.error.code);


/** S1 of domain.md §5, imported into a fresh database, with the clock on the session day. */
function signedReadyS1() {
  const dbPath = path.join(tempDir(), 'cryolog.sqlite');
  const ctx = testContext({ dbPath, clock: fixedClock('2026-03-10T10:30:00.000Z') });
  const document = JSON.parse(fs.readFileSync(fixtureFile('S1'), 'utf8'));
  const { sessionId } = call(ctx, 'importSession', { document });
  return { ctx, dbPath, sessionId };
}

describe('sign-off that locks', () => {
  it('signs a complete session once nothing blocks it, keeping the signed document as version 1', () => {
    const { ctx, sessionId } = signedReadyS1();
    const state = call(ctx, 'signSession', { sessionId, secret: TEST_PIN });
    expect(state).toMatchObject({ version: 1, amending: false, signer: SIGNER, signedAt: '2026-03-10T10:30:00.000Z' });
    expect(state.versions).toHaveLength(1);
    const v1 = call(ctx, 'getSignedVersion', { sessionId, version: 1 });
    expect(v1).toEqual(call(ctx, 'getSession', { id: sessionId }));
    expect(v1.session.status).toBe('completed');
  });

  it('refuses to sign while a hard error or an unacknowledged warning remains, and changes nothing', () => {
    const { ctx, sessionId } = signedReadyS1();
    const doc = call(ctx, 'getSession', { id: sessionId });
    call(ctx, 'saveFields', { entity: 'cycle', id: doc.targets[0]!.cycles[0]!.id, patch: { tipTempC: 68 } });
    const r = dispatch(ctx, 'signSession', { sessionId, secret: TEST_PIN });
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_READY_TO_SIGN' } });
    expect(!r.ok && r.error.message).toMatch(/^Not signed yet: 1 problem\(s\) to fix/);
    expect(call(ctx, 'getSignoff', { sessionId })).toMatchObject({ version: 0, signedAt: null });
  });

  it('through the app, every change to a signed session is refused as LOCKED', () => {
    const { ctx, sessionId } = signedReadyS1();
    call(ctx, 'signSession', { sessionId, secret: TEST_PIN });
    const doc = call(ctx, 'getSession', { id: sessionId });
    const target = doc.targets[0]!;
    expect(codeOf(dispatch(ctx, 'saveFields', { entity: 'cycle', id: target.cycles[0]!.id, patch: { tipTempC: -60 } }))).toBe('LOCKED');
    expect(codeOf(dispatch(ctx, 'saveFields', { entity: 'session', id: sessionId, patch: { notes: 'late note' } }))).toBe('LOCKED');
    expect(codeOf(dispatch(ctx, 'addRow', { entity: 'complication', parentId: sessionId }))).toBe('LOCKED');
    expect(codeOf(dispatch(ctx, 'deleteRow', { entity: 'target', id: target.id }))).toBe('LOCKED');
    expect(codeOf(dispatch(ctx, 'signSession', { sessionId, secret: TEST_PIN }))).toBe('LOCKED');
    expect(call(ctx, 'getSession', { id: sessionId })).toEqual(doc);
  });

  it('in SQL itself, a signed session cannot be updated or deleted, whatever tool is used', () => {
    const { ctx, dbPath, sessionId } = signedReadyS1();
    call(ctx, 'signSession', { sessionId, secret: TEST_PIN });
    const raw = new Database(dbPath);
    try {
      const attempts = [
        () => raw.prepare('UPDATE freeze_cycle SET tip_temp_c = 0').run(),
        () => raw.prepare('DELETE FROM freeze_cycle').run(),
        () => raw.prepare('UPDATE target SET side = ?').run('right'),
        () => raw.prepare('DELETE FROM target').run(),
        () => raw.prepare("INSERT INTO complication (id, session_id, seq, created_at, updated_at) VALUES ('c', ?, 1, 'x', 'x')").run(sessionId),
        () => raw.prepare('UPDATE session SET notes = ?').run('rewritten'),
        () => raw.prepare('DELETE FROM session').run(),
        () => raw.prepare('UPDATE session_version SET document = ?').run('{}'),
        () => raw.prepare('DELETE FROM session_version').run(),
      ];
      for (const attempt of attempts) expect(attempt).toThrow(/CRYOLOG_LOCKED/);
    } finally {
      raw.close();
    }
  });

  it('the audit trail cannot be updated or deleted, signed or not', () => {
    const dbPath = path.join(tempDir(), 'cryolog.sqlite');
    const ctx = testContext({ dbPath });
    const before = (ctx.db!.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    call(ctx, 'createPatient', {});
    const raw = new Database(dbPath);
    try {
      expect(() => raw.prepare("UPDATE audit_log SET actor = 'someone else'").run()).toThrow(/CRYOLOG_LOCKED/);
      expect(() => raw.prepare('DELETE FROM audit_log').run()).toThrow(/CRYOLOG_LOCKED/);
      expect(raw.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual({ n: before + 1 });
    } finally {
      raw.close();
    }
  });
});

describe('amendments that keep the original', () => {
  it('a reason opens the record, the change is made, a second signature makes version 2, and version 1 stays as it was', () => {
    const { ctx, sessionId } = signedReadyS1();
    call(ctx, 'signSession', { sessionId, secret: TEST_PIN });
    expect(codeOf(dispatch(ctx, 'beginAmendment', { sessionId, reason: '  ' }))).toBe('INVALID_PAYLOAD');

    // domain.md §5, S5's amendment test: day 5, burning dysaesthesia on the lateral forearm.
    const reason = 'Day 5 phone call: burning dysaesthesia, lateral forearm';
    expect(call(ctx, 'beginAmendment', { sessionId, reason })).toMatchObject({ amending: true, amendmentReason: reason });
    call(ctx, 'saveFields', { entity: 'session', id: sessionId, patch: { complicationsAnswer: 'present' } });
    const { id } = call(ctx, 'addRow', { entity: 'complication', parentId: sessionId });
    call(ctx, 'saveFields', { entity: 'complication', id, patch: { type: 'dysaesthesia', onset: 'delayed', severity: 'moderate', action: 'neuropathic-agent' } });
    const state = call(ctx, 'signSession', { sessionId, secret: TEST_PIN });

    expect(state).toMatchObject({ version: 2, amending: false, amendmentReason: null });
    expect(state.versions.map((v) => [v.version, v.reason])).toEqual([
      [1, null],
      [2, reason],
    ]);
    expect(call(ctx, 'getSignedVersion', { sessionId, version: 1 }).complications).toEqual([]);
    expect(call(ctx, 'getSignedVersion', { sessionId, version: 2 }).complications).toMatchObject([{ type: 'dysaesthesia', severity: 'moderate' }]);
    // Locked again after the second signature.
    expect(codeOf(dispatch(ctx, 'saveFields', { entity: 'complication', id, patch: { severity: 'mild' } }))).toBe('LOCKED');
    // The audit trail holds the amendment with its reason and who opened it.
    const amendment = ctx.db!.prepare("SELECT new_value FROM audit_log WHERE field = 'amendment'").get() as { new_value: string };
    expect(JSON.parse(amendment.new_value)).toEqual({ reason, by: SIGNER.name });
  });

  it('the versions are hash-chained: each hash covers the previous one', () => {
    const { ctx, sessionId } = signedReadyS1();
    call(ctx, 'signSession', { sessionId, secret: TEST_PIN });
    call(ctx, 'beginAmendment', { sessionId, reason: 'Typo in the location' });
    call(ctx, 'saveFields', { entity: 'session', id: sessionId, patch: { location: 'Rehabilitation day unit, room 2' } });
    call(ctx, 'signSession', { sessionId, secret: TEST_PIN });
    const rows = ctx.db!.prepare('SELECT version, document, sha256 FROM session_version ORDER BY version').all() as { version: number; document: string; sha256: string }[];
    let previous = '';
    for (const row of rows) {
      expect(row.sha256).toBe(createHash('sha256').update(`${previous}\n${row.document}`).digest('hex'));
      previous = row.sha256;
    }
    expect(rows).toHaveLength(2);
  });
});

describe('the paste-ready text follows the signature', () => {
  it('a draft says so on its first line; a signed record names who signed; an amendment is listed as an addendum', () => {
    const { ctx, sessionId } = signedReadyS1();
    const text = () => call(ctx, 'exportSession', { sessionId, format: 'text' }).content;
    /** The same text with its 72-column wrapping undone. */
    const flat = () => text().replace(/\n +/g, ' ').replace(/\n(?=[a-z(])/g, ' ');
    expect(text().split('\n')[0]).toBe('DRAFT - NOT SIGNED - NOT FOR THE CLINICAL RECORD');
    call(ctx, 'signSession', { sessionId, secret: TEST_PIN });
    expect(text().split('\n')[0]).toBe('CRYONEUROLYSIS PROCEDURE NOTE');
    expect(flat()).toContain('Signed by: Dr Synthetic Consultant, Consultant in rehabilitation medicine, GMC 0000001\nSigned on: 10 Mar 2026 10:30\nRecord version: 1');
    expect(text()).not.toContain('Not signed');
    call(ctx, 'beginAmendment', { sessionId, reason: 'Location typed wrongly' });
    expect(text().split('\n')[0]).toBe('DRAFT AMENDMENT - NOT SIGNED - THE SIGNED VERSION STANDS');
    call(ctx, 'signSession', { sessionId, secret: TEST_PIN });
    expect(flat()).toContain('Amendments:\n- Version 2, 10 Mar 2026 10:30, Dr Synthetic Consultant: Location typed wrongly');
    expect(text()).toContain('Amendments: version 2 on 10 Mar 2026 10:30');
  });
});
