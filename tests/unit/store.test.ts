import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../renderer/src/state/store';
import { CHANNELS } from '../../shared/ipc/channels';
import type { Api } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';
import { dispatch } from '../../electron/main/ipc/dispatch';
import type { Ctx } from '../../electron/main/context';
import { testContext } from '../helpers/tempDir';
import { signInTestAdmin } from '../helpers/testClinician';

/** The real handlers behind an Api whose answers arrive after `delayFor(channel, request)` ms. */
function apiOver(ctx: Ctx, delayFor: (channel: string, request: unknown) => number = () => 0): Api {
  return Object.fromEntries(
    CHANNELS.map((c) => [
      c,
      (request: unknown) =>
        new Promise<Result<unknown>>((resolve) => {
          // The write happens when the request "arrives", after the delay, as over a slow transport.
          setTimeout(() => resolve(dispatch(ctx, c, request)), delayFor(c, request));
        }),
    ]),
  ) as unknown as Api;
}

describe('renderer store', () => {
  it('opening on home asks for the lists in the same round as the start-up questions, and shows them without asking again', async () => {
    const ctx = testContext();
    const patientId = (dispatch(ctx, 'createPatient', {}) as Result<{ id: string }> & { ok: true }).data.id;
    dispatch(ctx, 'startSession', { patientId });
    const asked: string[][] = [[]];
    const real = apiOver(ctx);
    // Each round: the channels asked before any answer came back.
    const api = Object.fromEntries(
      CHANNELS.map((c) => [c, (request: unknown) => (asked.at(-1)!.push(c), (real[c] as (r: unknown) => Promise<unknown>)(request).finally(() => asked.push([]))) ]),
    ) as unknown as Api;
    const store = createAppStore(api);
    await store.getState().boot({ name: 'home' });
    expect(asked[0]!.sort()).toEqual(['getAuthState', 'getStartupStatus', 'listPatients', 'listSessions']);
    expect(store.getState().startup.state).toBe('ready');
    expect(store.getState().sessions).toHaveLength(1);
    const before = asked.flat().length;
    await store.getState().showRoute({ name: 'home' });
    expect(asked.flat().slice(before)).not.toContain('listSessions');
    expect(store.getState().sessions).toHaveLength(1);
    // Later showings of home ask again: the lists are used once.
    await store.getState().showRoute({ name: 'home' });
    expect(asked.flat().slice(before)).toContain('listSessions');
  });

  it('opening on home before anyone signs in drops the refused lists, and asks for them once someone has', async () => {
    const ctx = testContext({ signedIn: false });
    const store = createAppStore(apiOver(ctx));
    await store.getState().boot({ name: 'home' });
    expect(store.getState().startup.state).toBe('ready');
    expect(store.getState().sessions ?? []).toEqual([]);
    expect(store.getState().loadError).toBeNull();
    signInTestAdmin(ctx);
    const patientId = (dispatch(ctx, 'createPatient', {}) as Result<{ id: string }> & { ok: true }).data.id;
    dispatch(ctx, 'startSession', { patientId });
    await store.getState().refreshAuth();
    await store.getState().showRoute({ name: 'home' });
    expect(store.getState().sessions).toHaveLength(1);
  });

  it('sends writes one at a time in the order they were made, even when the transport is slow for the first', async () => {
    const ctx = testContext();
    const store = createAppStore(apiOver(ctx, (_c, req) => ((req as { patch?: { familyName?: string } }).patch?.familyName === 'First' ? 50 : 0)));
    const patientId = (await store.getState().createPatient())!;
    const first = store.getState().saveFields({ entity: 'patient', id: patientId, patch: { familyName: 'First' } });
    const second = store.getState().saveFields({ entity: 'patient', id: patientId, patch: { familyName: 'Second' } });
    expect(store.getState().save.pending).toBe(2);
    await Promise.all([first, second]);
    expect(store.getState().save).toMatchObject({ pending: 0, error: null });
    const stored = ctx.db!.prepare('SELECT family_name FROM patient WHERE id = ?').get(patientId);
    expect(stored).toEqual({ family_name: 'Second' });
  });

  it('keeps the failure visible: a refused write leaves an error, not "saved"', async () => {
    const ctx = testContext();
    const store = createAppStore(apiOver(ctx));
    const patientId = (await store.getState().createPatient())!;
    const result = await store.getState().saveFields({ entity: 'patient', id: patientId, patch: { nhsNumber: '12345678901' } });
    expect(result.ok).toBe(false);
    expect(store.getState().save.error?.code).toBe('INVALID_PAYLOAD');
    await store.getState().saveFields({ entity: 'patient', id: patientId, patch: { nhsNumber: '9990079196' } });
    expect(store.getState().save.error).toBeNull();
  });

  it('opens a session, mirrors saved changes into the screen state and refreshes the summary from the record', async () => {
    const ctx = testContext();
    const store = createAppStore(apiOver(ctx));
    const patientId = (await store.getState().createPatient())!;
    const sessionId = (await store.getState().startSession(patientId))!;
    await store.getState().showRoute({ name: 'session', id: sessionId });
    const targetId = (await store.getState().addRow('target', sessionId))!;
    await store.getState().saveFields({ entity: 'target', id: targetId, patch: { nerve: 'ulnar', branch: 'fcu', side: 'left' } });
    const cycleId = (await store.getState().addRow('cycle', targetId))!;
    await store.getState().saveFields({ entity: 'cycle', id: cycleId, patch: { durationS: 90, tipTempC: -68 } });
    const doc = store.getState().sessionDoc!;
    expect(doc.targets[0]).toMatchObject({ nerve: 'ulnar', side: 'left', cycles: [{ durationS: 90, tipTempC: -68 }] });
    expect(store.getState().summary).toContain('1. Left ulnar nerve -> branch to flexor carpi ulnaris');
    expect(store.getState().summary).toMatch(/Site 1, cycle 1: 90 s, .*-68 deg C/);
  });

  it('lists unsaved fields so the top bar cannot claim everything is saved', () => {
    const store = createAppStore(apiOver(testContext()));
    store.getState().markUnsaved('f1', 'Temperature, cycle 1');
    expect(Object.values(store.getState().unsaved)).toEqual(['Temperature, cycle 1']);
    store.getState().markUnsaved('f1', null);
    expect(store.getState().unsaved).toEqual({});
  });
});
