import type { Handler } from './index';
import { currentActor } from '../auth/authSession';
import type { Ctx } from '../context';
import { requireDb, stamp } from './db';
import { readSettingOrDefault, saveSettingAudited } from '../db/repos/settings';
import { DEFAULT_TARGET_PRESETS, TargetPresetList } from '../../../shared/domain/targetPresets';
import type { TargetPresetsState } from '../../../shared/ipc/targetsContract';
import type { DB } from '../db/types';

// The service's target presets, stored and audited like the rule thresholds (settings.ts).

const TARGET_PRESETS_KEY = 'targetPresets';

/** The stored list, or the defaults when none is stored or the stored one no longer parses (logged, kept in the table). */
function readTargetPresets(ctx: Ctx, db: DB): TargetPresetsState {
  const { value, ...who } = readSettingOrDefault(db, { key: TARGET_PRESETS_KEY, what: 'target presets' }, TargetPresetList, [...DEFAULT_TARGET_PRESETS], ctx.log.error);
  return { presets: value, ...who };
}

export const targetPresetHandlers: { getTargetPresets: Handler<'getTargetPresets'>; saveTargetPresets: Handler<'saveTargetPresets'> } = {
  getTargetPresets: (ctx) => readTargetPresets(ctx, requireDb(ctx)),

  saveTargetPresets: (ctx, { presets }) => {
    const changedBy = currentActor(ctx);
    const db = requireDb(ctx);
    const at = stamp(ctx);
    saveSettingAudited(db, TARGET_PRESETS_KEY, 'presets', presets, changedBy, at);
    return { presets, updatedBy: changedBy, updatedAt: at };
  },
};
