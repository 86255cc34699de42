// The automatic lock's delay, an audited service setting like the others.
import { z } from 'zod';
import type { DB } from '../db/types';
import type { Logger } from '../context';
import { readSettingOrDefault, saveSettingAudited } from '../db/repos/settings';
import { AUTO_LOCK_MINUTES_RANGE, DEFAULT_AUTO_LOCK_MINUTES } from '../../../shared/auth/policy';

const AUTH_SETTINGS = { key: 'authSettings', what: 'sign-in settings' };
const AuthSettings = z.strictObject({ autoLockMinutes: z.int().min(AUTO_LOCK_MINUTES_RANGE.min).max(AUTO_LOCK_MINUTES_RANGE.max) });

export function readAutoLock(db: DB, log: Logger): { minutes: number; updatedBy: string | null } {
  const state = readSettingOrDefault(db, AUTH_SETTINGS, AuthSettings, { autoLockMinutes: DEFAULT_AUTO_LOCK_MINUTES }, log.error);
  return { minutes: state.value.autoLockMinutes, updatedBy: state.updatedBy };
}

export function saveAutoLock(db: DB, minutes: number, changedBy: string, at: string): void {
  saveSettingAudited(db, AUTH_SETTINGS.key, 'authSettings', { autoLockMinutes: minutes }, changedBy, at);
}
