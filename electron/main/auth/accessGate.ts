// The sign-in and role check every request passes before its handler (called by dispatch):
// the table in shared/ipc/access.ts says who may use each channel.
import type { Ctx } from '../context';
import type { Channel } from '../../../shared/ipc/channels';
import { CHANNEL_ACCESS, PASSIVE_CHANNELS } from '../../../shared/ipc/access';
import { fail, type Result } from '../../../shared/ipc/result';
import { lockIfIdle, noteActivity, signedInAccount, signedOutMessage } from './authSession';

export const ADMIN_ONLY_MESSAGE = 'Only an administrator can do this. Ask an administrator (they are marked in Settings → Accounts).';

/** A refusal, or null when the request may go on. Contexts without sign-in (the command line) pass. */
export function checkAccess(ctx: Ctx, channel: Channel): Result<never> | null {
  if (!ctx.auth) return null;
  const access = CHANNEL_ACCESS[channel];
  if (access === 'public') return null;
  lockIfIdle(ctx);
  const account = signedInAccount(ctx);
  if (!account) return fail('SIGNED_OUT', signedOutMessage(ctx));
  if (access === 'admin' && account.role !== 'admin') return fail('ADMIN_ONLY', ADMIN_ONLY_MESSAGE);
  if (!PASSIVE_CHANNELS.has(channel)) noteActivity(ctx);
  return null;
}
