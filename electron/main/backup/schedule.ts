// When backups run in the app: at start, after every sign-off and hourly (if the setting is
// on). Each runs in the background (db.backup is asynchronous); a failure never reaches the
// clinician's request: it is logged and kept in the backup status for the Backups screen.
import type { BackupReason } from '../../../shared/ipc/backupContract';
import type { Ctx } from '../context';
import { backupFolderFor, readBackupSettings, readBackupStatus, writeBackupStatus } from './backupSettings';
import { failedCheckMessage, runBackup, type BackupResult } from './runBackup';
import { integritySettled } from '../integrity/backgroundCheck';
import { damagedMessage } from '../integrity/integrityState';

export const HOURLY_MS = 3_600_000;

interface Running {
  reason: BackupReason;
  percent: number;
  done: Promise<BackupResult | null>;
}

const running = new WeakMap<Ctx, Running>();

/** The backup under way for this context, if any. */
export function runningBackup(ctx: Ctx): { reason: BackupReason; percent: number } | null {
  const r = running.get(ctx);
  return r ? { reason: r.reason, percent: r.percent } : null;
}

/** Resolves once no backup is running for this context (closing waits for it: tests, the browser host). */
export async function backupSettled(ctx: Ctx): Promise<void> {
  for (let current = running.get(ctx); current; current = running.get(ctx)) await current.done;
}

/**
 * Starts a backup unless one is running (then answers that one: a sign-off during the start
 * backup is covered by the next). Resolves to the result, or null when it failed; never rejects.
 */
export function backupInBackground(ctx: Ctx, reason: BackupReason): { started: boolean; done: Promise<BackupResult | null> } {
  const current = running.get(ctx);
  if (current) return { started: false, done: current.done };
  const state: Running = { reason, percent: 0, done: Promise.resolve(null) };
  state.done = backupAndRecord(ctx, reason, (p) => (state.percent = p)).finally(() => running.delete(ctx));
  running.set(ctx, state);
  return { started: true, done: state.done };
}

async function backupAndRecord(ctx: Ctx, reason: BackupReason, onProgress: (percent: number) => void): Promise<BackupResult | null> {
  const db = ctx.db;
  if (!db) return null;
  const attemptAt = ctx.clock.now().toISOString();
  const by = `backup:${reason}`;
  // A copy of a file known to be damaged would fail its own check, and the status would be
  // written to that file: nothing more is written to it (integrity/integrityState.ts).
  if (ctx.integrity.state === 'damaged') {
    ctx.log.error(`Backup (${reason}) not taken: ${damagedMessage(ctx.integrity.detail)}`);
    return null;
  }
  try {
    const settings = readBackupSettings(db, ctx.log).value;
    const result = await runBackup(db, {
      folder: backupFolderFor(ctx.dbPath, settings),
      createFolder: settings.folder === '',
      now: () => ctx.clock.now(),
      offsetMinutes: (at) => ctx.clock.offsetMinutes(at),
      reason,
      rotation: { keepDaily: settings.keepDaily, keepWeekly: settings.keepWeekly },
      onProgress,
      // Older backups are the way back from a damaged record: none goes before the record passed its check after start.
      mayPrune: async () => (await integritySettled(ctx)).state === 'ok',
    });
    // The background check may have found damage while the copy ran (hence a function: TypeScript would keep the earlier narrowing).
    if (!db.open || isDamaged(ctx)) return result;
    const before = readBackupStatus(db);
    if (result.checkedOk) {
      ctx.log.info(`Backup written: ${result.file} (${result.bytes} bytes${result.pruned.length ? `; removed ${result.pruned.length} older` : ''}).`);
      writeBackupStatus(db, { lastAttemptAt: attemptAt, lastSuccessAt: attemptAt, lastFile: result.file, lastResult: 'ok', lastError: null }, by, attemptAt);
    } else {
      ctx.log.error(`Backup failed its check: ${result.problem ?? ''}`);
      writeBackupStatus(db, { ...before, lastAttemptAt: attemptAt, lastResult: 'failed', lastError: failedCheckMessage(result) }, by, attemptAt);
    }
    return result;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    ctx.log.error(`Backup (${reason}) failed`, error);
    try {
      if (db.open && !isDamaged(ctx)) writeBackupStatus(db, { ...readBackupStatus(db), lastAttemptAt: attemptAt, lastResult: 'failed', lastError: message.slice(0, 2_000) }, by, attemptAt);
    } catch (statusError) {
      ctx.log.error('The backup status could not be saved', statusError);
    }
    return null;
  }
}

/**
 * For the Electron shell, once the context is open: a backup now ("start"), then every
 * `intervalMs` one "hourly" backup if the setting is on. Returns the function that stops it.
 */
export function startBackupSchedule(ctx: Ctx, options: { intervalMs?: number; backupAtStart?: boolean } = {}): () => void {
  if (!ctx.db) return () => undefined;
  if (options.backupAtStart ?? true) backupInBackground(ctx, 'start');
  const timer = setInterval(() => {
    if (!ctx.db?.open) return;
    let hourly = false;
    try {
      hourly = readBackupSettings(ctx.db, ctx.log).value.hourly;
    } catch (error) {
      ctx.log.error('Backup settings could not be read', error);
    }
    if (hourly) backupInBackground(ctx, 'hourly');
  }, options.intervalMs ?? HOURLY_MS);
  timer.unref?.();
  return () => clearInterval(timer);
}

function isDamaged(ctx: Ctx): boolean {
  return ctx.integrity.state === 'damaged';
}
