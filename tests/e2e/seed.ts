import type { Ctx } from '../../electron/main/context';
import { dispatch } from '../../electron/main/ipc/dispatch';
import type { Channel } from '../../shared/ipc/channels';
import type { Req, Res } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';

// Builds a session's starting point through the same dispatch the app uses, for browser tests
// that are about what comes next (the timer, the stop moment), not about typing the basics.

export function call<C extends Channel>(ctx: Ctx, channel: C, request: Req<C>): Res<C> {
  const r = dispatch(ctx, channel, request) as Result<Res<C>>;
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.data;
}

export interface SeedOptions {
  targetSide?: 'left' | 'right';
  consentSide?: 'left' | 'right';
  systemType?: 'console' | 'handheld-fixed-cycle';
  plannedFreezeS?: number;
}

/** A patient, a session with its team, one consented site, one device and one target (no stop moment yet). */
export function seedSessionWithTarget(ctx: Ctx, o: SeedOptions = {}) {
  const patient = call(ctx, 'createPatient', {});
  call(ctx, 'saveFields', { entity: 'patient', id: patient.id, patch: { familyName: 'Testpatient', givenName: 'Alys', nhsNumber: '9990000018' } });
  const session = call(ctx, 'startSession', { patientId: patient.id });
  for (const [role, name] of [['operator', 'Dr Synthetic Operator'], ['assistant', 'Nurse Synthetic Assistant']] as const) {
    const m = call(ctx, 'addRow', { entity: 'teamMember', parentId: session.id });
    call(ctx, 'saveFields', { entity: 'teamMember', id: m.id, patch: { role, name } });
  }
  const consent = call(ctx, 'addRow', { entity: 'consentSite', parentId: session.id });
  call(ctx, 'saveFields', { entity: 'consentSite', id: consent.id, patch: { side: o.consentSide ?? 'left', region: 'upper', nerve: 'musculocutaneous' } });
  const device = call(ctx, 'addRow', { entity: 'device', parentId: session.id });
  call(ctx, 'saveFields', { entity: 'device', id: device.id, patch: { systemType: o.systemType ?? 'console', manufacturer: 'Synthetic Cryo', model: 'C-1', plannedFreezeS: o.plannedFreezeS ?? 90 } });
  const target = call(ctx, 'addRow', { entity: 'target', parentId: session.id });
  call(ctx, 'saveFields', { entity: 'target', id: target.id, patch: { side: o.targetSide ?? 'left', nerve: 'musculocutaneous', branch: 'brachialis' } });
  return { patientId: patient.id, sessionId: session.id, targetId: target.id };
}
