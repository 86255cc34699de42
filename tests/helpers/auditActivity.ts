// A day's real activity through the app's own dispatch, so the audit trail under test is the
// one CryoLog writes: S1 imported, a few autosaves, signed, an amendment, signed again.
import fs from 'node:fs';
import type { Ctx } from '../../electron/main/context';
import { dispatch } from '../../electron/main/ipc/dispatch';
import type { Channel } from '../../shared/ipc/channels';
import type { Req, Res } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';
import { fixtureFile } from '../tools/sessionFixtures';
import { TEST_PIN } from './testClinician';
export { SIGNER } from './testClinician';

/** The clock for recordActivity's context: the session day of the fixtures, after the session. */
export const ACTIVITY_CLOCK_AT = '2026-03-10T10:30:00.000Z';

export function call<C extends Channel>(ctx: Ctx, channel: C, request: Req<C>): Res<C> {
  const r = dispatch(ctx, channel, request) as Result<Res<C>>;
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.data;
}

/** Returns the session and the cycle whose temperature was corrected (its audit row is a good one to tamper with). */
export function recordActivity(ctx: Ctx): { sessionId: string; cycleId: string } {
  const document = JSON.parse(fs.readFileSync(fixtureFile('S1'), 'utf8'));
  const { sessionId } = call(ctx, 'importSession', { document });
  const doc = call(ctx, 'getSession', { id: sessionId });
  const cycleId = doc.targets[0]!.cycles[0]!.id;
  call(ctx, 'saveFields', { entity: 'cycle', id: cycleId, patch: { tipTempC: -73 } });
  call(ctx, 'saveFields', { entity: 'session', id: sessionId, patch: { notes: 'Tolerated well.\nNo immediate complication; line two: "quoted", 5:30.' } });
  call(ctx, 'signSession', { sessionId, secret: TEST_PIN });
  call(ctx, 'beginAmendment', { sessionId, reason: 'Day 5 phone call: note added' });
  call(ctx, 'saveFields', { entity: 'session', id: sessionId, patch: { notes: 'Tolerated well. Day 5: no dysaesthesia — patient “very pleased”.' } });
  call(ctx, 'signSession', { sessionId, secret: TEST_PIN });
  return { sessionId, cycleId };
}
