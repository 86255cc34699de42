// Target presets as a service setting (setting table, key "targetPresets"): defaults until
// someone saves a list, saved with who and when, audited, and refused with a clear message.
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { closeContext, type Ctx } from '../../electron/main/context';
import { dispatch } from '../../electron/main/ipc/dispatch';
import { auditForEntity } from '../../electron/main/db/repos/audit';
import type { Channel } from '../../shared/ipc/channels';
import type { Req, Res } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';
import { DEFAULT_TARGET_PRESETS, type TargetPreset } from '../../shared/domain/targetPresets';
import { fixedClock, quietLog, tempDir, testContext } from '../helpers/tempDir';
import { OTHER_ACTOR, OTHER_ADMIN, signedInContext, switchToNewAccount, TEST_ACTOR } from '../helpers/testClinician';

function call<C extends Channel>(ctx: Ctx, channel: C, request: Req<C>): Res<C> {
  const r = dispatch(ctx, channel, request) as Result<Res<C>>;
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.data;
}

const OURS: TargetPreset[] = [
  { side: 'right', nerve: 'tibial', branch: 'soleus', label: 'Calf (soleus)' },
  { side: 'left', nerve: 'musculocutaneous', branch: 'brachialis' },
];

describe('target preset channels', () => {
  it('answers the default presets, never changed, on a new database', () => {
    expect(call(testContext(), 'getTargetPresets', {})).toEqual({ presets: DEFAULT_TARGET_PRESETS, updatedBy: null, updatedAt: null });
  });

  it('saves the list in its order with who and when, and audits old and new lists in the same change', () => {
    const clock = fixedClock('2026-03-20T14:00:00.000Z');
    const ctx = testContext({ clock });
    const saved = call(ctx, 'saveTargetPresets', { presets: OURS });
    expect(saved).toEqual({ presets: OURS, updatedBy: TEST_ACTOR, updatedAt: '2026-03-20T14:00:00.000Z' });
    expect(call(ctx, 'getTargetPresets', {})).toEqual(saved);

    clock.advance(60_000);
    switchToNewAccount(ctx, OTHER_ADMIN);
    call(ctx, 'saveTargetPresets', { presets: [] });
    expect(call(ctx, 'getTargetPresets', {})).toMatchObject({ presets: [], updatedBy: OTHER_ACTOR });
    const audit = auditForEntity(ctx.db!, 'setting', 'targetPresets');
    expect(audit.map((a) => [a.action, a.at, a.session_id])).toEqual([
      ['create', '2026-03-20T14:00:00.000Z', null],
      ['update', '2026-03-20T14:01:00.000Z', null],
    ]);
    expect(JSON.parse(audit[0]!.new_value!)).toEqual({ presets: OURS, changedBy: TEST_ACTOR });
    expect(JSON.parse(audit[1]!.old_value!)).toEqual({ presets: OURS, changedBy: TEST_ACTOR });
    expect(JSON.parse(audit[1]!.new_value!)).toEqual({ presets: [], changedBy: OTHER_ACTOR });
    // The rule thresholds are a separate setting, untouched.
    expect(call(ctx, 'getRuleConfig', {}).updatedBy).toBeNull();
  });

  it.each<[string, unknown, RegExp]>([
    ['a branch of another nerve', { presets: [{ side: 'left', nerve: 'median', branch: 'soleus' }] }, /Preset 1: the Median nerve has no branch “soleus”/],
    ['a nerve the value sets do not have', { presets: [{ side: 'left', nerve: 'facial', branch: 'trunk' }] }, /Choose the nerve from the list/],
    ['the same target twice', { presets: [OURS[1], { ...OURS[1], label: 'Elbow' }] }, /Preset 2 repeats preset 1/],
    ['a label naming the other side', { presets: [{ ...OURS[1], label: 'Right elbow' }] }, /names the other side/],
    ['a typed name (who changed it is the signed-in account)', { presets: OURS, changedBy: 'Dr Somebody Else' }, /has a field CryoLog does not know/],
    ['an extra key', { presets: OURS, force: true }, /has a field CryoLog does not know/],
    ['too many presets', { presets: Array.from({ length: 25 }, () => OURS[0]) }, /At most 24 presets/],
  ])('refuses %s with INVALID_PAYLOAD and a message saying what to correct, and stores nothing', (_, payload, message) => {
    const ctx = testContext();
    const r = dispatch(ctx, 'saveTargetPresets', payload);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('INVALID_PAYLOAD');
      expect(r.error.message).toMatch(message);
    }
    expect(call(ctx, 'getTargetPresets', {}).updatedBy).toBeNull();
    expect(auditForEntity(ctx.db!, 'setting', 'targetPresets')).toEqual([]);
  });

  it('falls back to the defaults, and logs it, when the stored list no longer parses', () => {
    const dbPath = path.join(tempDir(), 'cryolog.sqlite');
    const setup = testContext({ dbPath });
    call(setup, 'saveTargetPresets', { presets: OURS });
    closeContext(setup);
    const raw = new Database(dbPath);
    raw.prepare("UPDATE setting SET value = json_set(value, '$[0].branch', 'brachialis') WHERE key = 'targetPresets'").run();
    raw.close();

    const errors: string[] = [];
    const ctx = signedInContext({ dbPath, appVersion: 'test', clock: fixedClock(), log: { ...quietLog, error: (m) => errors.push(m) }, checkResponses: true });
    try {
      expect(call(ctx, 'getTargetPresets', {})).toEqual({ presets: DEFAULT_TARGET_PRESETS, updatedBy: null, updatedAt: null });
      expect(errors).toEqual([expect.stringContaining('stored target presets (saved by Dr Synthetic Consultant')]);
    } finally {
      closeContext(ctx);
    }
  });
});
