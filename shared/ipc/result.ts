// Every IPC answer is a Result: errors travel as data with a stable code, never as a thrown
// IPC error (Electron keeps only the message of an error thrown through ipcMain.handle, and
// a stack trace must never reach the screen).

export const ERROR_CODES = [
  'INVALID_PAYLOAD',
  'UNKNOWN_CHANNEL',
  'FORBIDDEN',
  'NOT_FOUND',
  'DB_UNAVAILABLE',
  'DB_WRITE_FAILED',
  'LOCKED',
  'NOT_READY_TO_SIGN',
  /** Unsigned, or hard errors: only DRAFT text can be exported; the message lists what to fix. */
  'NOT_READY_TO_EXPORT',
  /** The file could not be written (missing, read-only or full folder); nothing partial is left. */
  'EXPORT_WRITE_FAILED',
  /** Nobody is signed in, or the screen is locked: the window shows the sign-in screen; the entry stays on screen. */
  'SIGNED_OUT',
  /** A wrong user name, PIN or password, or an account held after too many wrong tries. */
  'SIGN_IN_FAILED',
  /** The signed-in account is not an administrator. */
  'ADMIN_ONLY',
  /** A backup is being restored: every request but its status waits until it has finished. */
  'RESTORING',
  /** The backup cannot be restored now (damaged, unreadable, a backup under way); nothing was changed. */
  'RESTORE_REFUSED',
  /** The record database's check after start is still running: signing and exports wait (drafts save). */
  'INTEGRITY_CHECKING',
  /** The check after start found the record database damaged: nothing more is written, signed or exported. */
  'DB_DAMAGED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorIssue {
  /** Where in the request the problem is, e.g. "patch.tipTempC". */
  path: string;
  message: string;
}

export interface AppErrorData {
  code: ErrorCode;
  /** A sentence a clinician can act on. */
  message: string;
  issues?: ErrorIssue[];
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: AppErrorData };

export function ok<T>(data: T): Result<T> {
  return { ok: true, data };
}

export function fail(code: ErrorCode, message: string, issues?: ErrorIssue[]): Result<never> {
  return issues && issues.length > 0
    ? { ok: false, error: { code, message, issues } }
    : { ok: false, error: { code, message } };
}
