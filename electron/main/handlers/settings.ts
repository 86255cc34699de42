import type { Handler } from './index';
import type { Ctx } from '../context';
import { requireDb, stamp } from './db';
import { getSetting, saveSettingAudited } from '../db/repos/settings';
import { DEFAULT_RULE_CONFIG, parseRuleConfig, type RuleConfig } from '../../../shared/domain/rules/config';
import type { DB } from '../db/types';

// The rules' thresholds: the main process is authoritative. The renderer shows and edits them
// through these channels; exports validate with what is stored here.

const RULE_CONFIG_KEY = 'ruleConfig';

interface RuleConfigState {
  config: RuleConfig;
  updatedBy: string | null;
  updatedAt: string | null;
}

const DEFAULTS: RuleConfigState = { config: DEFAULT_RULE_CONFIG, updatedBy: null, updatedAt: null };

/**
 * The stored configuration, or the defaults when none is stored. A stored value that no longer
 * parses (e.g. written by a newer CryoLog, or a schema that has since tightened) falls back to
 * the defaults and is logged; it stays in the table until someone saves a new one.
 */
function readRuleConfig(ctx: Ctx, db: DB): RuleConfigState {
  const stored = getSetting(db, RULE_CONFIG_KEY);
  if (!stored) return DEFAULTS;
  const parsed = parseRuleConfig(stored.value);
  if (!parsed.ok) {
    ctx.log.error(`The stored rule configuration (saved by ${stored.updatedBy} at ${stored.updatedAt}) is not valid; the default thresholds are used instead`, parsed.issues);
    return DEFAULTS;
  }
  return { config: parsed.config, updatedBy: stored.updatedBy, updatedAt: stored.updatedAt };
}

/** The thresholds every main-process validation uses (exports); defaults without a database. */
export function currentRuleConfig(ctx: Ctx): RuleConfig {
  return ctx.db ? readRuleConfig(ctx, ctx.db).config : DEFAULT_RULE_CONFIG;
}

export const settingsHandlers: { getRuleConfig: Handler<'getRuleConfig'>; saveRuleConfig: Handler<'saveRuleConfig'> } = {
  getRuleConfig: (ctx) => readRuleConfig(ctx, requireDb(ctx)),

  saveRuleConfig: (ctx, { config, changedBy }) => {
    const db = requireDb(ctx);
    const at = stamp(ctx);
    saveSettingAudited(db, RULE_CONFIG_KEY, 'config', config, changedBy, at);
    return { config, updatedBy: changedBy, updatedAt: at };
  },
};
