// The rule configuration is stored by the main process (setting table, key "ruleConfig"),
// changed only through saveRuleConfig with an audit entry, and used by the exports.
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { closeContext, type Ctx } from '../../../electron/main/context';
import { dispatch } from '../../../electron/main/ipc/dispatch';
import { auditForEntity } from '../../../electron/main/db/repos/audit';
import type { Channel } from '../../../shared/ipc/channels';
import type { Req, Res } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/result';
import { DEFAULT_RULE_CONFIG, type RuleConfig } from '../../../shared/domain/rules/config';
import { fixedClock, quietLog, tempDir, testContext } from '../../helpers/tempDir';
import { OTHER_ACTOR, OTHER_ADMIN, signedInContext, switchToNewAccount, TEST_ACTOR } from '../../helpers/testClinician';

function call<C extends Channel>(ctx: Ctx, channel: C, request: Req<C>): Res<C> {
  const r = dispatch(ctx, channel, request) as Result<Res<C>>;
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.data;
}

const stricter: RuleConfig = { ...DEFAULT_RULE_CONFIG, freezeDurationS: { errorAtOrBelow: 0, errorAbove: 80, warnBelow: 30, warnAbove: 60 }, stopToNeedleMaxMin: 10 };

describe('rule configuration channels', () => {
  it('answers the defaults, never changed, on a new database', () => {
    const ctx = testContext();
    expect(call(ctx, 'getRuleConfig', {})).toEqual({ config: DEFAULT_RULE_CONFIG, updatedBy: null, updatedAt: null });
  });

  it('saves a full configuration with who and when, and audits old and new values in the same change', () => {
    const clock = fixedClock('2026-03-20T14:00:00.000Z');
    const ctx = testContext({ clock });
    const saved = call(ctx, 'saveRuleConfig', { config: stricter });
    expect(saved).toEqual({ config: stricter, updatedBy: TEST_ACTOR, updatedAt: '2026-03-20T14:00:00.000Z' });
    expect(call(ctx, 'getRuleConfig', {})).toEqual(saved);

    clock.advance(60_000);
    switchToNewAccount(ctx, OTHER_ADMIN);
    call(ctx, 'saveRuleConfig', { config: DEFAULT_RULE_CONFIG });
    const audit = auditForEntity(ctx.db!, 'setting', 'ruleConfig');
    expect(audit.map((a) => [a.action, a.at, a.session_id])).toEqual([
      ['create', '2026-03-20T14:00:00.000Z', null],
      ['update', '2026-03-20T14:01:00.000Z', null],
    ]);
    expect(audit[0]!.old_value).toBeNull();
    expect(JSON.parse(audit[0]!.new_value!)).toEqual({ config: stricter, changedBy: TEST_ACTOR });
    expect(JSON.parse(audit[1]!.old_value!)).toEqual({ config: stricter, changedBy: TEST_ACTOR });
    expect(JSON.parse(audit[1]!.new_value!)).toEqual({ config: DEFAULT_RULE_CONFIG, changedBy: OTHER_ACTOR });
    expect(call(ctx, 'getRuleConfig', {}).updatedBy).toBe(OTHER_ACTOR);
  });

  it.each<[string, unknown]>([
    ['a partial configuration', { config: { stopToNeedleMaxMin: 10 } }],
    ['an unknown setting', { config: { ...DEFAULT_RULE_CONFIG, extra: true } }],
    ['a threshold out of bounds', { config: { ...DEFAULT_RULE_CONFIG, angleLimitDeg: 10_000 } }],
    ['limits out of order', { config: { ...DEFAULT_RULE_CONFIG, weightKg: { errorBelow: 10, errorAbove: 400, warnBelow: 300, warnAbove: 250 } } }],
    ['a typed name (who changed it is the signed-in account)', { config: DEFAULT_RULE_CONFIG, changedBy: 'Dr Somebody Else' }],
    ['an extra key', { config: DEFAULT_RULE_CONFIG, force: true }],
  ])('refuses %s with INVALID_PAYLOAD and stores nothing', (_, payload) => {
    const ctx = testContext();
    const r = dispatch(ctx, 'saveRuleConfig', payload);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('INVALID_PAYLOAD');
    expect(call(ctx, 'getRuleConfig', {}).updatedBy).toBeNull();
    expect(auditForEntity(ctx.db!, 'setting', 'ruleConfig')).toEqual([]);
  });

  it('falls back to the defaults, and logs it, when the stored value no longer parses', () => {
    const dbPath = path.join(tempDir(), 'cryolog.sqlite');
    const setup = testContext({ dbPath });
    call(setup, 'saveRuleConfig', { config: stricter });
    closeContext(setup);
    const raw = new Database(dbPath);
    raw.prepare("UPDATE setting SET value = json_set(value, '$.freezeDurationS.errorAbove', 'six hundred') WHERE key = 'ruleConfig'").run();
    raw.close();

    const errors: string[] = [];
    const ctx = signedInContext({ dbPath, appVersion: 'test', clock: fixedClock(), log: { ...quietLog, error: (m) => errors.push(m) }, checkResponses: true });
    try {
      expect(call(ctx, 'getRuleConfig', {})).toEqual({ config: DEFAULT_RULE_CONFIG, updatedBy: null, updatedAt: null });
      expect(errors).toEqual([expect.stringContaining('stored rule configuration (saved by Dr Synthetic Consultant')]);
    } finally {
      closeContext(ctx);
    }
  });

  it('exports validate with the stored configuration', () => {
    const ctx = testContext();
    const patient = call(ctx, 'createPatient', {});
    const session = call(ctx, 'startSession', { patientId: patient.id });
    const target = call(ctx, 'addRow', { entity: 'target', parentId: session.id });
    const cycle = call(ctx, 'addRow', { entity: 'cycle', parentId: target.id });
    call(ctx, 'saveFields', { entity: 'cycle', id: cycle.id, patch: { durationS: 90, tipTempC: -70 } });
    const before = call(ctx, 'exportSession', { sessionId: session.id, format: 'text' }).content;
    expect(before).not.toContain('E08');
    call(ctx, 'saveRuleConfig', { config: stricter });
    const after = call(ctx, 'exportSession', { sessionId: session.id, format: 'text' }).content;
    expect(after).toContain('E08: Target 1, cycle 1: a freeze of 90 s');
  });
});
