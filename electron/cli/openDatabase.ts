import { createContext, osAccount, type Ctx } from '../main/context';
import type { Io } from './io';
import { commandLogger } from './logger';
import { closeContext } from '../main/context';
import { locateDb, missingDbProblem, type DbLocation } from './dbLocation';
import { EXIT, type ExitCode } from './exitCodes';
import { appVersion } from './version';

/**
 * Opens the database for a command through the app's own context (same checks, same
 * migrations), with the audit trail naming the command line's user. A database that cannot be
 * used is reported the way the app's startup screen would say it; the caller then exits 3.
 */
export function openCommandContext(dbPath: string, io: Io, log: ReturnType<typeof commandLogger>): { ctx: Ctx; usable: boolean } {
  const ctx = createContext({ dbPath, appVersion: appVersion(), log, systemActor: `cli:${osAccount()}` });
  if (ctx.startup.state === 'failed') {
    const s = ctx.startup;
    io.err(`cryolog: ${s.title}.\n${s.message}\nWhat to do: ${s.whatToDo}\nDatabase file: ${s.dbPath}`);
    return { ctx, usable: false };
  }
  return { ctx, usable: true };
}

/**
 * Runs a command on the app's database: a missing database is reported (never created) and
 * one that cannot be used safely exits 3, as the app's startup screen would say it; the
 * context is closed afterwards, once the body's promise settles for an asynchronous command.
 */
export function withCommandDatabase<R extends ExitCode | Promise<ExitCode>>(
  dbOption: string | undefined,
  io: Io,
  env: NodeJS.ProcessEnv,
  body: (ctx: Ctx, location: DbLocation, log: ReturnType<typeof commandLogger>) => R,
): R | ExitCode {
  const location = locateDb(dbOption, env);
  const missing = missingDbProblem(location);
  if (missing) {
    io.err(missing);
    return EXIT.database;
  }
  const log = commandLogger(io);
  const { ctx, usable } = openCommandContext(location.path, io, log);
  let result: R;
  try {
    if (!usable) {
      closeContext(ctx);
      return EXIT.database;
    }
    result = body(ctx, location, log);
  } catch (error) {
    closeContext(ctx);
    throw error;
  }
  if (result instanceof Promise) return result.finally(() => closeContext(ctx)) as R;
  closeContext(ctx);
  return result;
}
