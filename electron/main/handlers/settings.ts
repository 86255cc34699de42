import type { Handler } from './index';
import { currentActor } from '../auth/authSession';
import type { Ctx } from '../context';
import { requireDb, stamp } from './db';
import { readSettingOrDefault, saveSettingAudited } from '../db/repos/settings';
import { DEFAULT_RULE_CONFIG, RuleConfigSchema, type RuleConfig } from '../../../shared/domain/rules/config';
import type { DB } from '../db/types';

// The rules' thresholds: the main process is authoritative. The renderer shows and edits them
// through these channels; exports validate with what is stored here.

const RULE_CONFIG_KEY = 'ruleConfig';

interface RuleConfigState {
  config: RuleConfig;
  updatedBy: string | null;
  updatedAt: string | null;
}

function readRuleConfig(ctx: Ctx, db: DB): RuleConfigState {
  const { value, ...who } = readSettingOrDefault(db, { key: RULE_CONFIG_KEY, what: 'rule configuration' }, RuleConfigSchema, DEFAULT_RULE_CONFIG, ctx.log.error);
  return { config: value, ...who };
}

/** The thresholds every main-process validation uses (exports); defaults without a database. */
export function currentRuleConfig(ctx: Ctx): RuleConfig {
  return ctx.db ? readRuleConfig(ctx, ctx.db).config : DEFAULT_RULE_CONFIG;
}

export const settingsHandlers: { getRuleConfig: Handler<'getRuleConfig'>; saveRuleConfig: Handler<'saveRuleConfig'> } = {
  getRuleConfig: (ctx) => readRuleConfig(ctx, requireDb(ctx)),

  saveRuleConfig: (ctx, { config }) => {
    const changedBy = currentActor(ctx);
    const db = requireDb(ctx);
    const at = stamp(ctx);
    saveSettingAudited(db, RULE_CONFIG_KEY, 'config', config, changedBy, at);
    return { config, updatedBy: changedBy, updatedAt: at };
  },
};
