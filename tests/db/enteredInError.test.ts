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
import { TEST_PIN } from '../helpers/testClinician';

// Entered in error: the record is kept, never deleted; it reads as entered-in-error
// everywhere; and from the mark on, neither the app nor a SQLite tool can change it.

function call<C extends Channel>(ctx: Ctx, channel: C, request: Req<C>): Res<C> {
  const r = dispatch(ctx, channel, request) as Result<Res<C>>;
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.data;
}
const codeOf = (r: Result<unknown>) => (r.ok ? 'ok' : r.error.code);

function importedS1() {
  const dbPath = path.join(tempDir(), 'cryolog.sqlite');
  const ctx = testContext({ dbPath, clock: fixedClock('2026-03-10T10:30:00.000Z') });
  const { sessionId } = call(ctx, 'importSession', { document: JSON.parse(fs.readFileSync(fixtureFile('S1'), 'utf8')) });
  return { ctx, dbPath, sessionId };
}

describe('entered in error', () => {
  it('marks a signed session entered-in-error with the reason, keeps every signed version, and shows the status everywhere', () => {
    const { ctx, sessionId } = importedS1();
    call(ctx, 'signSession', { sessionId, secret: TEST_PIN });
    const before = call(ctx, 'getSession', { id: sessionId });
    const state = call(ctx, 'markEnteredInError', { sessionId, reason: 'Recorded under the wrong patient' });
    expect(state.enteredInError).toEqual({ at: '2026-03-10T10:30:00.000Z', by: 'Dr Synthetic Consultant', reason: 'Recorded under the wrong patient' });
    expect(state.version).toBe(1);
    const after = call(ctx, 'getSession', { id: sessionId });
    expect(after.session).toMatchObject({ status: 'entered-in-error', statusReason: 'Recorded under the wrong patient' });
    expect({ ...after, session: before.session }).toEqual(before);
    expect(call(ctx, 'getSignedVersion', { sessionId, version: 1 }).session.status).toBe('completed');
    expect(call(ctx, 'listSessions', { limit: 10 })[0]).toMatchObject({ id: sessionId, status: 'entered-in-error' });
  });

  it('after the mark, the app refuses every change, a second mark, signing and amending', () => {
    const { ctx, sessionId } = importedS1();
    call(ctx, 'markEnteredInError', { sessionId, reason: 'Duplicate of another record' });
    const doc = call(ctx, 'getSession', { id: sessionId });
    expect(codeOf(dispatch(ctx, 'saveFields', { entity: 'cycle', id: doc.targets[0]!.cycles[0]!.id, patch: { tipTempC: -60 } }))).toBe('LOCKED');
    expect(codeOf(dispatch(ctx, 'saveFields', { entity: 'session', id: sessionId, patch: { notes: 'x' } }))).toBe('LOCKED');
    expect(codeOf(dispatch(ctx, 'addRow', { entity: 'target', parentId: sessionId }))).toBe('LOCKED');
    expect(codeOf(dispatch(ctx, 'deleteRow', { entity: 'target', id: doc.targets[0]!.id }))).toBe('LOCKED');
    expect(codeOf(dispatch(ctx, 'markEnteredInError', { sessionId, reason: 'again' }))).toBe('LOCKED');
    expect(codeOf(dispatch(ctx, 'signSession', { sessionId, secret: TEST_PIN }))).toBe('LOCKED');
    expect(call(ctx, 'getSession', { id: sessionId })).toEqual(doc);
  });

  it('is not a field anyone can set: the status field refuses it and says which action to use', () => {
    const { ctx, sessionId } = importedS1();
    const r = dispatch(ctx, 'saveFields', { entity: 'session', id: sessionId, patch: { status: 'entered-in-error' } });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    expect(!r.ok && r.error.message).toMatch(/Mark as entered in error/);
    expect(call(ctx, 'getSignoff', { sessionId }).enteredInError).toBeNull();
  });

  it('needs a reason and a name', () => {
    const { ctx, sessionId } = importedS1();
    const r = dispatch(ctx, 'markEnteredInError', { sessionId, reason: '   ' });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    expect(!r.ok && JSON.stringify(r.error)).toMatch(/Give the reason/);
  });

  it('in SQL itself, the mark cannot be removed or changed and the session and its rows cannot be edited or deleted', () => {
    const { ctx, dbPath, sessionId } = importedS1();
    call(ctx, 'markEnteredInError', { sessionId, reason: 'Wrong patient' });
    const raw = new Database(dbPath);
    try {
      const refused = (sql: string, ...args: unknown[]) => expect(() => raw.prepare(sql).run(...args)).toThrow(/CRYOLOG_LOCKED/);
      refused('DELETE FROM entered_in_error WHERE session_id = ?', sessionId);
      refused("UPDATE entered_in_error SET reason = 'x' WHERE session_id = ?", sessionId);
      refused("UPDATE session SET notes = 'x' WHERE id = ?", sessionId);
      refused('DELETE FROM session WHERE id = ?', sessionId);
      refused("UPDATE target SET nerve = 'median' WHERE session_id = ?", sessionId);
      refused('DELETE FROM team_member WHERE session_id = ?', sessionId);
      refused('UPDATE freeze_cycle SET duration_s = 1 WHERE target_id IN (SELECT id FROM target WHERE session_id = ?)', sessionId);
      refused("INSERT INTO follow_up (id, session_id, seq, created_at, updated_at) VALUES ('x', ?, 99, 'a', 'a')", sessionId);
    } finally {
      raw.close();
    }
  });

  it('changes made under an amendment carry its reason in the audit trail', () => {
    const { ctx, dbPath, sessionId } = importedS1();
    call(ctx, 'signSession', { sessionId, secret: TEST_PIN });
    call(ctx, 'beginAmendment', { sessionId, reason: 'Temperature misread from the console' });
    const cycleId = call(ctx, 'getSession', { id: sessionId }).targets[0]!.cycles[0]!.id;
    call(ctx, 'saveFields', { entity: 'cycle', id: cycleId, patch: { tipTempC: -66 } });
    const raw = new Database(dbPath, { readonly: true });
    try {
      const row = raw.prepare("SELECT field, reason, actor FROM audit_log WHERE entity = 'cycle' AND entity_id = ? AND field = 'tipTempC'").get(cycleId);
      expect(row).toMatchObject({ field: 'tipTempC', reason: 'Temperature misread from the console' });
    } finally {
      raw.close();
    }
  });
});

describe('each signed version stays exportable', () => {
  it('exports version 1 as it was signed and version 2 with its addendum; an entered-in-error record says so on its first line', () => {
    const { ctx, sessionId } = importedS1();
    call(ctx, 'signSession', { sessionId, secret: TEST_PIN });
    call(ctx, 'beginAmendment', { sessionId, reason: 'Location corrected' });
    call(ctx, 'saveFields', { entity: 'session', id: sessionId, patch: { location: 'Day unit, room 2' } });
    call(ctx, 'signSession', { sessionId, secret: TEST_PIN });
    const v1 = call(ctx, 'exportSession', { sessionId, format: 'text', version: 1 });
    const v2 = call(ctx, 'exportSession', { sessionId, format: 'text', version: 2 });
    expect(v1.fileName).toMatch(/_v1\.txt$/);
    expect(v2.fileName).toMatch(/_v2\.txt$/);
    expect(v1.content).toMatch(/^CRYONEUROLYSIS PROCEDURE NOTE/);
    expect(v1.content).toContain('Record version: 1');
    expect(v1.content).toContain('Amendments: none');
    expect(v2.content).toContain('Record version: 2');
    expect(v2.content).toMatch(/Amendments:\n- Version 2, 10 Mar 2026 10:30, Dr Synthetic Consultant: Location\s+corrected/);
    expect(v1.content).toContain('Location: '); // the location as signed in version 1, not the corrected one
    expect(v1.content).not.toContain('Day unit, room 2');
    expect(v2.content).toContain('Location: Day unit, room 2');
    expect(dispatch(ctx, 'exportSession', { sessionId, format: 'text', version: 3 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    call(ctx, 'markEnteredInError', { sessionId, reason: 'Recorded under the wrong patient' });
    expect(call(ctx, 'exportSession', { sessionId, format: 'text' }).content).toMatch(/^ENTERED IN ERROR - NOT FOR CLINICAL USE - Recorded under the wrong\s+patient\n/);
    // Version 1 itself is unchanged, but any copy made from now on says ENTERED IN ERROR first.
    const v1Now = call(ctx, 'exportSession', { sessionId, format: 'text', version: 1 });
    expect(v1Now.status).toBe('entered-in-error');
    expect(v1Now.content).toMatch(/^ENTERED IN ERROR - NOT FOR CLINICAL USE/);
    expect(v1Now.content).toContain(v1.content.split('\nSIGNATURE AND AMENDMENTS')[0]!.split('\n').slice(2).join('\n'));
  });
});
