import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { StartupStatus } from '../../shared/ipc/contract';
import type { DB } from './db/types';
import { DbOpenError } from './db/errors';
import { openDatabase } from './db/open';
import { closeWithStamp } from './db/sessionStamp';
import { startupProblemScreen } from './startupProblems';
import { getAuditActor, setAuditActor } from './db/repos/audit';
import { modeText, type TightenedFile } from './db/ownerOnly';
import { newAuthSession, NOT_SIGNED_IN_ACTOR, type AuthSession } from './auth/authSession';
import type { IntegrityState } from './integrity/integrityState';
import { startBackgroundCheck, type QuickCheckRunner } from './integrity/backgroundCheck';
import type { PdfRenderer } from './export/pdfJob';
import { pdfWorker } from './export/pdfWorkerClient';

export interface Clock {
  now(): Date;
  /** Minutes east of UTC at that moment (the device's time zone; Europe/London is 0 or 60). */
  offsetMinutes(at: Date): number;
}

export const systemClock: Clock = {
  now: () => new Date(),
  offsetMinutes: (at) => -at.getTimezoneOffset(),
};

export interface Logger {
  error(message: string, detail?: unknown): void;
  info(message: string): void;
}

export const consoleLogger: Logger = {
  error: (message, detail) => console.error(`[cryolog] ${message}`, detail ?? ''),
  info: (message) => console.log(`[cryolog] ${message}`),
};

/**
 * Everything a handler may use. Handlers never import `electron`: whatever needs the platform
 * arrives here, built by the Electron shell, the browser test host or the CLI.
 */
export interface Ctx {
  db: DB | null;
  startup: StartupStatus;
  /** The record database's integrity check: at open, or in the background after start (integrity/). */
  integrity: IntegrityState;
  dbPath: string;
  schemaVersion: number;
  appVersion: string;
  clock: Clock;
  newId(): string;
  log: Logger;
  /** Parse every answer against its schema too (dev and tests); catches contract drift early. */
  checkResponses: boolean;
  /**
   * The system's save dialog (Electron: dialog.showSaveDialogSync on the window). Answers the
   * chosen full path, or null when the clinician cancels. Absent where there is no window (CLI).
   */
  chooseSavePath?: (defaultFileName: string) => string | null;
  /**
   * Who is signed in to this window (auth/authSession.ts); null where there is no sign-in: the
   * command line, run by IT with the operating system's own access to the file.
   */
  auth: AuthSession | null;
  /** Who the audit trail names where there is no sign-in ("cli:<account>"). */
  systemActor?: string;
  /** Lays out signed PDFs ahead of their export off the main thread (export/prerender.ts); absent: on it. */
  pdfRenderer?: PdfRenderer;
}

export interface CreateContextOptions {
  dbPath: string;
  appVersion: string;
  clock?: Clock;
  log?: Logger;
  newId?: () => string;
  checkResponses?: boolean;
  /**
   * No sign-in: every change is made as this actor (the command line: "cli:<OS account>").
   * Without it the context requires a signed-in account for every channel but the public ones.
   */
  systemActor?: string;
  /** scrypt cost (log2 N) for new PIN and password hashes; tests lower it (auth/secretHash.ts). */
  hashCost?: number;
  /** The monotonic clock the idle lock measures with (default performance.now); tests move it. */
  monotonicMs?: () => number;
  chooseSavePath?: (defaultFileName: string) => string | null;
  /**
   * When PRAGMA quick_check runs: 'at-open' (default: the CLI and tests; the open waits for it),
   * or 'background' (the app and the browser host: a worker thread right after start, so the
   * window is up in well under a second on ten years of records; integrity/backgroundCheck.ts).
   * A function runs the background check with it instead of the worker (tests).
   */
  integrityCheck?: 'at-open' | 'background' | QuickCheckRunner;
  /**
   * Where a signed version's PDF is laid out ahead of its export (export/prerender.ts):
   * 'in-process' (default: the CLI and tests), 'worker' (the app and the browser host: the
   * process's PDF worker, so no request waits behind pdfkit), or a function (tests).
   */
  pdfPrerender?: 'in-process' | 'worker' | PdfRenderer;
}

/** The operating-system account: "who" for the command line, which has no sign-in. */
export function osAccount(): string {
  try {
    return os.userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Opens the database and builds the context; a database that cannot be used becomes a startup screen, not a crash. */
export function createContext(options: CreateContextOptions): Ctx {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? consoleLogger;
  const base = {
    dbPath: options.dbPath,
    appVersion: options.appVersion,
    clock,
    log,
    newId: options.newId ?? randomUUID,
    checkResponses: options.checkResponses ?? false,
    ...(options.chooseSavePath && { chooseSavePath: options.chooseSavePath }),
    auth:
      options.systemActor === undefined
        ? newAuthSession({ ...(options.hashCost !== undefined && { hashCost: options.hashCost }), ...(options.monotonicMs && { monotonicMs: options.monotonicMs }) })
        : null,
    ...(options.systemActor !== undefined && { systemActor: options.systemActor }),
    ...(options.pdfPrerender && options.pdfPrerender !== 'in-process' && { pdfRenderer: options.pdfPrerender === 'worker' ? pdfWorker.render : options.pdfPrerender }),
  };
  const mode = options.integrityCheck ?? 'at-open';
  const ctx: Ctx = { ...base, ...openForContext(options.dbPath, clock, log, options.systemActor ?? NOT_SIGNED_IN_ACTOR, mode === 'at-open') };
  if (ctx.db && mode !== 'at-open') void startBackgroundCheck(ctx, mode === 'background' ? undefined : mode);
  return ctx;
}

type OpenedForContext = Pick<Ctx, 'db' | 'schemaVersion' | 'startup' | 'integrity'>;

function openForContext(dbPath: string, clock: Clock, log: Logger, actor: string, quickCheck: boolean): OpenedForContext {
  try {
    // stampSession: the header marks this file open until closeContext marks it closed cleanly,
    // so a -wal lost after a crash is noticed at the next start (db/sessionStamp.ts).
    const opened = openDatabase(dbPath, { now: () => clock.now(), stampSession: true, quickCheck });
    setAuditActor(opened.db, actor);
    for (const file of opened.tightened) logTightened(log, file);
    if (opened.backupPath) log.info(`Safety copy before migration: ${opened.backupPath}`);
    // Without the check at open, startBackgroundCheck sets 'checking' straight after.
    return { db: opened.db, schemaVersion: opened.schemaVersion, startup: { state: 'ready' }, integrity: { state: 'ok', checkedAt: clock.now().toISOString(), ms: 0 } };
  } catch (error) {
    if (!(error instanceof DbOpenError)) throw error;
    log.error(`Database not opened: ${error.message}`, error.cause);
    const integrity = error.problem === 'DB_CORRUPT' ? { state: 'damaged' as const, detail: error.message, foundAt: clock.now().toISOString() } : { state: 'ok' as const, checkedAt: '', ms: 0 };
    return { db: null, schemaVersion: 0, startup: startupProblemScreen(error, dbPath), integrity };
  }
}

/**
 * Closes the context's database so its file can be replaced (a restore), and answers who its
 * audit entries named, for reopenDatabase. Handlers see no database until then.
 */
export function detachDatabase(ctx: Ctx): string {
  const actor = (ctx.db && getAuditActor(ctx.db)) ?? ctx.systemActor ?? NOT_SIGNED_IN_ACTOR;
  closeContext(ctx);
  ctx.db = null;
  return actor;
}

/**
 * Opens the file at ctx.dbPath again, the way createContext does (verified pragmas,
 * quick_check, migrations after a safety copy), under the same audit actor. A file that cannot
 * be used becomes the startup screen, as at start.
 */
export function reopenDatabase(ctx: Ctx, actor: string): void {
  if (ctx.db?.open) throw new Error('reopenDatabase: the database is still open; detach it first.');
  // The restored file was checked in full before it replaced the database, so checking at open costs little here.
  Object.assign(ctx, openForContext(ctx.dbPath, ctx.clock, ctx.log, actor, true));
}

/** Records (in the log, never a patient's data) that a record file was open to other accounts. */
function logTightened(log: Logger, file: TightenedFile): void {
  if (file.failed) {
    log.error(`${file.path} can be read by other accounts on this computer (mode ${modeText(file.was)}) and could not be made owner-only (${file.failed}); ask IT to restrict it.`);
  } else {
    log.info(`Made ${file.path} readable by its owner only (it was mode ${modeText(file.was)}).`);
  }
}

export function closeContext(ctx: Ctx): void {
  if (!ctx.db?.open) return;
  try {
    // A damaged file is not written more than closing must (the stamp, which only marks the header).
    if (ctx.integrity.state !== 'damaged') ctx.db.pragma('optimize');
  } catch {
    // A read-only or full disk: optimizing is a nicety; closing (and stamping) must still happen.
  }
  closeWithStamp(ctx.db, ctx.dbPath);
}
