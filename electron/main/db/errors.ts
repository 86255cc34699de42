import type { StartupProblem } from '../../../shared/ipc/contract';

/** A database that cannot be used safely; `problem` picks the screen the user sees. */
export class DbOpenError extends Error {
  constructor(
    readonly problem: StartupProblem,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DbOpenError';
  }
}

/** The SQLite result code of a better-sqlite3 error ("SQLITE_FULL", …), if it is one. */
export function sqliteCode(error: unknown): string | undefined {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string' && error.code.startsWith('SQLITE_')) {
    return error.code;
  }
  return undefined;
}
