import type { Handler } from './index';
import type { Ctx } from '../context';
import { requireDb, stamp } from './db';
import { getSetting, saveSettingAudited } from '../db/repos/settings';
import { DEFAULT_TARGET_PRESETS, parseTargetPresets } from '../../../shared/domain/targetPresets';
import type { TargetPresetsState } from '../../../shared/ipc/targetsContract';
import type { DB } from '../db/types';

// The service's target presets, stored and audited like the rule thresholds (settings.ts).

const TARGET_PRESETS_KEY = 'targetPresets';

const DEFAULTS: TargetPresetsState = { presets: [...DEFAULT_TARGET_PRESETS], updatedBy: null, updatedAt: null };

/** The stored list, or the defaults when none is stored or the stored one no longer parses (logged, kept in the table). */
function readTargetPresets(ctx: Ctx, db: DB): TargetPresetsState {
  const stored = getSetting(db, TARGET_PRESETS_KEY);
  if (!stored) return DEFAULTS;
  const parsed = parseTargetPresets(stored.value);
  if (!parsed.ok) {
    ctx.log.error(`The stored target presets (saved by ${stored.updatedBy} at ${stored.updatedAt}) are not valid; the default presets are used instead`, parsed.issues);
    return DEFAULTS;
  }
  return { presets: parsed.presets, updatedBy: stored.updatedBy, updatedAt: stored.updatedAt };
}

export const targetPresetHandlers: { getTargetPresets: Handler<'getTargetPresets'>; saveTargetPresets: Handler<'saveTargetPresets'> } = {
  getTargetPresets: (ctx) => readTargetPresets(ctx, requireDb(ctx)),

  saveTargetPresets: (ctx, { presets, changedBy }) => {
    const db = requireDb(ctx);
    const at = stamp(ctx);
    saveSettingAudited(db, TARGET_PRESETS_KEY, 'presets', presets, changedBy, at);
    return { presets, updatedBy: changedBy, updatedAt: at };
  },
};
