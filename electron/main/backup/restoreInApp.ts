// Restoring a backup from inside the running app. The database the context holds must be
// closed while its file is replaced, so the restore runs in the background (handlers are
// synchronous; restoreBackup copies with db.backup, which is not): the context's database is
// detached, restoreBackup checks the backup and keeps the current file aside, and the file at
// ctx.dbPath is reopened the usual way, restored or (when the restore was refused) as it was.
// While that runs, dispatch refuses every request but getRestoreStatus (isRestoring): nothing
// may read a closed database or write to one that is about to be replaced.
import path from 'node:path';
import type { Ctx } from '../context';
import { detachDatabase, reopenDatabase } from '../context';
import type { RestoreStatus } from '../../../shared/ipc/backupContract';
import { NO_RESTORE } from '../../../shared/ipc/backupContract';
import { AppError } from '../ipc/appError';
import { appendAudit } from '../db/repos/audit';
import { backupFolderFor, readBackupSettings } from './backupSettings';
import { checkBackupFile } from './checkBackupFile';
import { restoreBackup, RestoreError, type RestoreResult } from './restoreBackup';
import { runningBackup } from './schedule';

interface RestoreRun {
  status: RestoreStatus;
  /** Settles when the restore has ended, either way (tests and the shell wait on it). */
  done: Promise<void>;
}

const runs = new WeakMap<Ctx, RestoreRun>();

export const RESTORING_MESSAGE = 'A backup is being restored. Nothing can be read or saved until it has finished (usually well under a minute). Wait, then carry on; Settings → Backups shows its progress.';

/** Whether a restore is under way in this context: dispatch's one question. */
export function isRestoring(ctx: Ctx): boolean {
  return runs.get(ctx)?.status.state === 'running';
}

export function restoreStatus(ctx: Ctx): RestoreStatus {
  return runs.get(ctx)?.status ?? NO_RESTORE;
}

/** Resolves when the restore under way (if any) has ended. */
export function restoreFinished(ctx: Ctx): Promise<void> {
  return runs.get(ctx)?.done ?? Promise.resolve();
}

/** The backup's path in the backup folder: only a name that passed the contract's pattern arrives here. */
export function backupPathFor(ctx: Ctx, fileName: string): string {
  if (!ctx.db) throw new AppError('DB_UNAVAILABLE', 'The record database is not open, so the backup folder setting cannot be read. Restart CryoLog; if it happens again, call IT.');
  return path.join(backupFolderFor(ctx.dbPath, readBackupSettings(ctx.db, ctx.log).value), fileName);
}

/**
 * Checks what it can at once (no restore or backup under way, the backup readable and whole)
 * and throws an AppError saying why not, with nothing changed; otherwise marks the restore as
 * running before it answers, so the very next request is already refused, and starts it.
 */
export function startRestore(ctx: Ctx, fileName: string, restoredBy: string): void {
  if (isRestoring(ctx)) throw new AppError('RESTORING', RESTORING_MESSAGE);
  if (runningBackup(ctx)) {
    throw new AppError('RESTORE_REFUSED', 'Not restored: a backup is being made right now. Wait until it has finished (Settings → Backups shows it), then restore. Nothing was changed.');
  }
  const file = backupPathFor(ctx, fileName);
  const check = checkBackupFile(file);
  if (!check.ok) throw new AppError('RESTORE_REFUSED', `Not restored: ${check.problems.join(' ')} Nothing was changed; choose another backup.`);

  const run: RestoreRun = { status: { ...NO_RESTORE, state: 'running', fileName }, done: Promise.resolve() };
  runs.set(ctx, run);
  run.done = restoreAndReopen(ctx, run, file, restoredBy).catch((error: unknown) => {
    // Nothing above should throw; if it does, the window must not wait for ever.
    ctx.log.error('Restore failed unexpectedly', error);
    run.status = { ...run.status, state: 'failed', message: 'The restore stopped unexpectedly. Restart CryoLog; if the records are not as expected, call IT.' };
  });
}

async function restoreAndReopen(ctx: Ctx, run: RestoreRun, file: string, restoredBy: string): Promise<void> {
  const actor = detachDatabase(ctx);
  let result: RestoreResult | null = null;
  let refusal: string | null = null;
  try {
    result = await restoreBackup(ctx.dbPath, file, {
      now: () => ctx.clock.now(),
      onProgress: (percent) => (run.status = { ...run.status, percent: Math.min(99, percent) }),
    });
  } catch (error) {
    refusal = error instanceof RestoreError ? error.message : `Not restored: the backup could not be put in place (${error instanceof Error ? error.message : String(error)}).`;
    ctx.log.error('Restore refused', error);
  }
  reopenDatabase(ctx, actor);

  if (!ctx.db) {
    const where = result?.keptAside ? ` The database from before the restore is kept, unchanged, at ${result.keptAside}.` : '';
    run.status = { ...run.status, state: 'failed', keptAside: result?.keptAside ?? null, message: `${refusal ?? 'The restored database could not be opened.'}${where} CryoLog shows what to do when it is restarted; call IT.` };
    return;
  }
  if (!result) {
    run.status = { ...run.status, state: 'failed', message: `${refusal ?? 'Not restored.'} The database is as it was; carry on, or call IT.` };
    return;
  }
  const db = ctx.db;
  const at = ctx.clock.now().toISOString();
  const restored = { patients: result.check.patients, sessions: result.check.sessions, auditEntries: result.check.auditEntries, schemaVersion: result.check.schemaVersion };
  // Audited in the restored database: its trail carries on from the backup, so this entry is
  // what says that the entries made after the backup are not here and where they went.
  db.transaction(() =>
    appendAudit(db, {
      at,
      action: 'update',
      entity: 'database',
      entityId: path.basename(ctx.dbPath),
      sessionId: null,
      field: 'restoredFromBackup',
      oldValue: { keptAside: result.keptAside },
      newValue: { backup: file, ...restored },
      reason: `Restored from backup by ${restoredBy}`,
    }),
  )();
  ctx.log.info(`Restored ${file}; the database before the restore is kept at ${result.keptAside ?? '(there was none)'}.`);
  run.status = { ...run.status, state: 'done', percent: 100, restored, keptAside: result.keptAside };
}
