import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../renderer/src/state/store';
import { CHANNELS } from '../../shared/ipc/channels';
import type { Api } from '../../shared/ipc/contract';
import { dispatch } from '../../electron/main/ipc/dispatch';
import { testContext } from '../helpers/tempDir';

describe('renderer store: the patient’s history', () => {
  it('is read once when a session opens, not again as the target’s nerve and side are chosen', async () => {
    const ctx = testContext();
    const calls: string[] = [];
    const api = Object.fromEntries(
      CHANNELS.map((c) => [
        c,
        async (request: unknown) => {
          calls.push(c);
          return dispatch(ctx, c, request);
        },
      ]),
    ) as unknown as Api;
    const store = createAppStore(api);
    const patientId = (await store.getState().createPatient())!;
    const sessionId = (await store.getState().startSession(patientId))!;
    await store.getState().showRoute({ name: 'session', id: sessionId });
    expect(store.getState().history).toMatchObject({ patientId, error: null, sessions: [{ sessionId, targets: [] }] });
    const targetId = (await store.getState().addRow('target', sessionId))!;
    await store.getState().saveFields({ entity: 'target', id: targetId, patch: { nerve: 'tibial', branch: 'soleus' } });
    await store.getState().saveFields({ entity: 'target', id: targetId, patch: { side: 'left' } });
    expect(calls.filter((c) => c === 'getTreatmentHistory')).toHaveLength(1);

    // The patient screen reads it again (the session now has its target).
    await store.getState().showRoute({ name: 'patient', id: patientId });
    expect(calls.filter((c) => c === 'getTreatmentHistory')).toHaveLength(2);
    expect(store.getState().history?.sessions?.[0]?.targets).toEqual([{ seq: 1, nerve: 'tibial', branch: 'soleus', side: 'left', cycles: [] }]);
  });
});
