import { CHANNELS, ipcName } from '../../../shared/ipc/channels';
import { fail, type Result } from '../../../shared/ipc/result';
import type { Ctx } from '../context';
import { isTrustedSender, type SenderFrameLike } from '../security/sender';
import { dispatch, INTERNAL_FAILURE_MESSAGE } from './dispatch';

// Connects every contract channel to `dispatch`, behind the sender check (Electron security
// #17). Takes an ipcMain-like object so it is tested in plain Node with a fake; the real
// ipcMain is passed in by electron/main/app/, the only folder that imports 'electron'.

export interface IpcEventLike {
  senderFrame: SenderFrameLike | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, payload: unknown) => unknown): void;
}

export const FORBIDDEN_SENDER_MESSAGE =
  'This request did not come from the CryoLog window, so it was refused and nothing was read or saved. Close any other windows and restart CryoLog; if it happens again, call IT.';

/** Registers one `ipcMain.handle` per channel in CHANNELS; returns the wire names registered. */
export function registerIpc(ipcMainLike: IpcMainLike, ctx: Ctx, allowedOrigins: readonly string[]): string[] {
  const origins = Object.freeze([...allowedOrigins]);
  return CHANNELS.map((channel) => {
    const name = ipcName(channel);
    ipcMainLike.handle(name, (event, payload): Result<unknown> => {
      // Never throw: Electron keeps only the message of an error thrown through handle(),
      // and the renderer expects a Result on every path.
      try {
        if (!isTrustedSender(event?.senderFrame, origins)) {
          ctx.log.error(`Refused ${name} from an untrusted sender`, safeUrl(event));
          return fail('FORBIDDEN', FORBIDDEN_SENDER_MESSAGE);
        }
        return dispatch(ctx, channel, payload);
      } catch (error) {
        ctx.log.error(`${name} failed outside dispatch`, error);
        return fail('INTERNAL', INTERNAL_FAILURE_MESSAGE);
      }
    });
    return name;
  });
}

function safeUrl(event: IpcEventLike | undefined): string {
  try {
    return String(event?.senderFrame?.url ?? 'no frame');
  } catch {
    return 'unreadable frame';
  }
}
