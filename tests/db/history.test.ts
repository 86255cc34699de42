// getTreatmentHistory through the real dispatch on a real SQLite file: the patient's sessions
// with their targets, cycles and MAS rows, and the nerve history worded from them.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/main/ipc/dispatch';
import type { Ctx } from '../../electron/main/context';
import type { Channel } from '../../shared/ipc/channels';
import type { Req, Res } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';
import type { SessionDocument } from '../../shared/domain/model';
import { nerveHistory } from '../../shared/domain/history';
import { fixedClock, testContext } from '../helpers/tempDir';
import { fixtureFile } from '../tools/sessionFixtures';
import { TEST_PIN } from '../helpers/testClinician';

function call<C extends Channel>(ctx: Ctx, channel: C, request: Req<C>): Res<C> {
  const r = dispatch(ctx, channel, request) as Result<Res<C>>;
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.data;
}
const fixture = (name: 'S1' | 'S2'): SessionDocument => JSON.parse(fs.readFileSync(fixtureFile(name), 'utf8')) as SessionDocument;

/**
 * S2 (R tibial, 10 Mar 2026) imported and signed; S1 for another patient; then, 11 weeks on, a
 * new session for S2's patient with a target on the right tibial nerve entered as the app does.
 */
function seeded() {
  const clock = fixedClock('2026-03-10T15:00:00.000Z');
  const ctx = testContext({ clock });
  const s2 = call(ctx, 'importSession', { document: fixture('S2') });
  call(ctx, 'signSession', { sessionId: s2.sessionId, secret: TEST_PIN });
  const s1 = call(ctx, 'importSession', { document: fixture('S1') });
  clock.advance(77 * 86_400_000); // 26 May 2026
  const today = call(ctx, 'startSession', { patientId: s2.patientId });
  const target = call(ctx, 'addRow', { entity: 'target', parentId: today.id });
  call(ctx, 'saveFields', { entity: 'target', id: target.id, patch: { nerve: 'tibial', branch: 'medial-gastrocnemius', side: 'right' } });
  const c = call(ctx, 'addRow', { entity: 'cycle', parentId: target.id });
  call(ctx, 'saveFields', { entity: 'cycle', id: c.id, patch: { siteNo: 1, durationS: 90, tipTempC: -70 } });
  return { ctx, s1, s2, today };
}

describe('getTreatmentHistory', () => {
  it('answers the patient’s sessions newest first, each with its targets, cycles, MAS rows and signature', () => {
    const { ctx, s2, today } = seeded();
    const history = call(ctx, 'getTreatmentHistory', { patientId: s2.patientId });
    expect(history.map((s) => s.sessionId)).toEqual([today.id, s2.sessionId]);
    const [now, before] = history as [Res<'getTreatmentHistory'>[number], Res<'getTreatmentHistory'>[number]];
    expect(now).toMatchObject({ status: 'draft', signedAt: null, startedAt: '2026-05-26T15:00:00+00:00', outcomes: [] });
    expect(now.targets).toEqual([
      { seq: 1, nerve: 'tibial', branch: 'medial-gastrocnemius', side: 'right', cycles: [{ siteNo: 1, durationS: 90, startedAt: null, endedAt: null, tipTempC: -70, outcome: null }] },
    ]);
    expect(before).toMatchObject({ status: 'completed', signedAt: '2026-03-10T15:00:00.000Z', startedAt: '2026-03-10T13:38:00+00:00' });
    expect(before.targets.map((t) => [t.seq, t.branch, t.side, t.cycles.length])).toEqual([
      [1, 'medial-gastrocnemius', 'right', 3],
      [2, 'lateral-gastrocnemius', 'right', 2],
      [3, 'soleus', 'right', 3],
    ]);
    expect(before.targets[0]!.cycles.map((c) => c.siteNo)).toEqual([1, 2, 3]);
    expect(before.outcomes).toEqual([{ muscleGroup: 'plantarflexors-knee-straight', side: 'right', masPre: '2', masPost: '1' }]);
  });

  it('keeps each patient’s history to that patient', () => {
    const { ctx, s1 } = seeded();
    const history = call(ctx, 'getTreatmentHistory', { patientId: s1.patientId });
    expect(history.map((s) => s.sessionId)).toEqual([s1.sessionId]);
    expect(history[0]!.targets.map((t) => `${t.side} ${t.nerve} ${t.branch}`)).toEqual(['left musculocutaneous brachialis', 'left musculocutaneous biceps-brachii', 'left radial brachioradialis']);
  });

  it('gives the screen what it needs for the headline and the earlier line', () => {
    const { ctx, s2, today } = seeded();
    const history = call(ctx, 'getTreatmentHistory', { patientId: s2.patientId });
    const h = nerveHistory(history, { sessionId: today.id, startedAt: today.startedAt, nerve: 'tibial', branch: 'medial-gastrocnemius', side: 'right' })!;
    expect(h.headline).toBe('R tibial → medial gastrocnemius: 2nd treatment, last 11 weeks ago');
    expect(h.earlier).toHaveLength(1);
    expect(h.earlier[0]).toMatchObject({ sessionId: s2.sessionId, draft: false, when: '10 Mar 2026 (11 weeks ago)' });
    expect(h.earlier[0]!.targets).toEqual([
      'R tibial → medial gastrocnemius · 3 sites, 3 cycles · 3 × 106 s · temperature not recorded',
      'R tibial → lateral gastrocnemius · 2 sites, 2 cycles · 106 s, 106 s · temperature not recorded',
      'R tibial → soleus · 3 sites, 3 cycles · 3 × 106 s · temperature not recorded',
    ]);
    expect(h.earlier[0]!.mas).toBe('MAS ankle plantarflexors (knee straight) 2 → 1');
    const left = nerveHistory(history, { sessionId: today.id, startedAt: today.startedAt, nerve: 'tibial', branch: 'soleus', side: 'left' })!;
    expect(left.headline).toBe('First recorded treatment of the left tibial nerve for this patient.');
  });

  it('refuses an unknown patient and a request with more than the patient id', () => {
    const { ctx, s2 } = seeded();
    expect(dispatch(ctx, 'getTreatmentHistory', { patientId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(dispatch(ctx, 'getTreatmentHistory', { patientId: s2.patientId, limit: 5 })).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    expect(dispatch(ctx, 'getTreatmentHistory', {})).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
  });
});
