import type { Ctx } from '../context';
import { toLocalIsoWithOffset } from '../../../shared/domain/parse';
import type { DB } from '../db/types';
import { AppError } from '../ipc/appError';

/** The open database, or the error every channel but the startup ones answers without one. */
export function requireDb(ctx: Ctx): DB {
  if (!ctx.db) {
    throw new AppError('DB_UNAVAILABLE', 'The record database is not open, so nothing can be read or saved. Restart CryoLog; if it happens again, call IT.');
  }
  return ctx.db;
}

/** One timestamp for a whole change, in UTC (sorts correctly across clock changes). */
export function stamp(ctx: Ctx): string {
  return ctx.clock.now().toISOString();
}

/** The device's local time with its UTC offset, for times a clinician reads (session start). */
export function localNow(ctx: Ctx): string {
  const now = ctx.clock.now();
  return toLocalIsoWithOffset(now, ctx.clock.offsetMinutes(now));
}
