import type { z } from 'zod';
import { isChannel, type Channel } from '../../../shared/ipc/channels';
import { contract } from '../../../shared/ipc/contract';
import { fail, ok, type ErrorIssue, type Result } from '../../../shared/ipc/result';
import type { Ctx } from '../context';
import { handlers, type Handler } from '../handlers';
import { sqliteCode } from '../db/errors';
import { AppError } from './appError';
import { plainIssueMessage, showable } from './issueMessages';
import { isRestoring, RESTORING_MESSAGE } from '../backup/restoreInApp';
import { checkAccess } from '../auth/accessGate';
import { integrityGate } from '../integrity/integrityGate';

// The one entry point for every request, whatever carried it: Electron IPC, the browser test
// host's HTTP, the CLI, the benchmark. It never throws: the answer is always a Result.

export const INTERNAL_FAILURE_MESSAGE =
  'Something went wrong and this was not saved. Your entry is still on screen; try again, and call IT if it keeps happening.';

const OPEN_WITHOUT_DB: ReadonlySet<Channel> = new Set(['getStartupStatus', 'getAppInfo', 'getRestoreStatus']);

/** The one channel answered while a restore replaces the database: its progress. */
const OPEN_DURING_RESTORE: Channel = 'getRestoreStatus';

export function dispatch(ctx: Ctx, channel: unknown, payload: unknown): Result<unknown> {
  if (!isChannel(channel)) {
    return fail('UNKNOWN_CHANNEL', 'CryoLog received a request it does not know. Restart CryoLog; if it happens again, call IT.');
  }
  // The database is closed or being replaced: nothing may read or write it until the restore ends.
  if (channel !== OPEN_DURING_RESTORE && isRestoring(ctx)) return fail('RESTORING', RESTORING_MESSAGE);
  // Who may ask comes before what is asked: a signed-out window learns nothing from validation.
  if (ctx.db || OPEN_WITHOUT_DB.has(channel)) {
    try {
      const refused = checkAccess(ctx, channel);
      if (refused) return refused;
    } catch (error) {
      return failureFor(ctx, channel, error);
    }
  }
  const parsed = contract[channel].req.safeParse(payload, { error: plainIssueMessage });
  if (!parsed.success) {
    const issues = toIssues(parsed.error);
    const first = issues[0]?.message.replace(/\.$/, '') || 'the entry is not valid';
    return fail('INVALID_PAYLOAD', `This could not be saved: ${first}. Correct the entry and it will save.`, issues);
  }
  if (!ctx.db && !OPEN_WITHOUT_DB.has(channel)) {
    return fail('DB_UNAVAILABLE', 'The record database is not open, so nothing can be read or saved. Restart CryoLog; if it happens again, call IT.');
  }
  const held = integrityGate(ctx, channel);
  if (held) return held;
  try {
    const handler = handlers[channel] as Handler<Channel>;
    const data = handler(ctx, parsed.data as never);
    if (ctx.checkResponses) {
      const checked = contract[channel].res.safeParse(data);
      if (!checked.success) {
        ctx.log.error(`Answer of ${channel} does not match the contract`, checked.error.issues);
        return fail('INTERNAL', 'CryoLog produced an answer it cannot show. Nothing was lost; restart CryoLog and call IT if it happens again.');
      }
    }
    return ok(data);
  } catch (error) {
    return failureFor(ctx, channel, error);
  }
}

function failureFor(ctx: Ctx, channel: Channel, error: unknown): Result<never> {
  if (error instanceof AppError) return fail(error.code, error.message);
  const code = sqliteCode(error);
  // The database's own lock on signed sessions and the audit trail (migration 3 triggers).
  if (code === 'SQLITE_CONSTRAINT_TRIGGER' && error instanceof Error && error.message.startsWith('CRYOLOG_LOCKED')) {
    return fail('LOCKED', 'This session is signed, so it cannot be changed directly. Start an amendment with a reason, then make the change; your entry is still on screen.');
  }
  ctx.log.error(`${channel} failed`, error);
  if (code === 'SQLITE_FULL') {
    return fail('DB_WRITE_FAILED', 'Not saved: the disk is full. Your entry is still on screen. Free some disk space (or call IT), then change the field again to save it.');
  }
  if (code?.startsWith('SQLITE_READONLY') || code?.startsWith('SQLITE_CANTOPEN') || code === 'SQLITE_PERM') {
    return fail('DB_WRITE_FAILED', 'Not saved: the database cannot be written to (read-only file or folder). Your entry is still on screen. Call IT.');
  }
  if (code?.startsWith('SQLITE_BUSY') || code?.startsWith('SQLITE_LOCKED')) {
    return fail('DB_WRITE_FAILED', 'Not saved: the database is busy (another CryoLog program is using it). Your entry is still on screen; try again in a moment.');
  }
  if (code?.startsWith('SQLITE_IOERR') || code?.startsWith('SQLITE_CORRUPT')) {
    return fail('DB_WRITE_FAILED', 'Not saved: the disk reported an error. Your entry is still on screen. Do not close CryoLog; call IT.');
  }
  return fail('INTERNAL', INTERNAL_FAILURE_MESSAGE);
}

function toIssues(error: z.ZodError): ErrorIssue[] {
  return error.issues.slice(0, 20).map((i) => ({ path: i.path.map(String).join('.'), message: showable(i.message) }));
}
