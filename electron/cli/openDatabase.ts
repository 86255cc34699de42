import { createContext, osAccount, type Ctx } from '../main/context';
import type { Io } from './io';
import type { commandLogger } from './logger';
import { appVersion } from './version';

/**
 * Opens the database for a command through the app's own context (same checks, same
 * migrations), with the audit trail naming the command line's user. A database that cannot be
 * used is reported the way the app's startup screen would say it; the caller then exits 3.
 */
export function openCommandContext(dbPath: string, io: Io, log: ReturnType<typeof commandLogger>): { ctx: Ctx; usable: boolean } {
  const ctx = createContext({ dbPath, appVersion: appVersion(), log, actor: `cli:${osAccount()}` });
  if (ctx.startup.state === 'failed') {
    const s = ctx.startup;
    io.err(`cryolog: ${s.title}.\n${s.message}\nWhat to do: ${s.whatToDo}\nDatabase file: ${s.dbPath}`);
    return { ctx, usable: false };
  }
  return { ctx, usable: true };
}
