import path from 'node:path';
import { backupFolderFor, readBackupSettings, readBackupStatus, writeBackupStatus } from '../../main/backup/backupSettings';
import { failedCheckMessage, runBackup } from '../../main/backup/runBackup';
import type { Command } from '../args';
import { EXIT, type ExitCode } from '../exitCodes';
import type { Io } from '../io';
import { withCommandDatabase } from '../openDatabase';
import { progressLines } from './progress';

type BackupCommand = Extract<Command, { kind: 'backup' }>;

/**
 * `cryolog backup [--db <file>] [--to <folder>]`: the app's backup (online copy, checked, then
 * named and rotated with the app's settings) into --to or the folder set in the app. stdout
 * gets the backup's path; progress and the check's result go to stderr. The result is also the
 * app's "last backup" status. Exit 0 verified, 1 not written or failed its check (older
 * backups kept), 3 database missing or not usable.
 */
export async function runBackupCommand(command: BackupCommand, io: Io, env: NodeJS.ProcessEnv): Promise<ExitCode> {
  return withCommandDatabase(command.db, io, env, async (ctx, location, log) => {
    if (!ctx.db) return EXIT.database;
    const db = ctx.db;
    const settings = readBackupSettings(db, log).value;
    const folder = command.to !== undefined ? path.resolve(command.to) : backupFolderFor(location.path, settings);
    const at = ctx.clock.now().toISOString();
    const by = 'cli:backup';
    try {
      const result = await runBackup(db, {
        folder,
        createFolder: command.to === undefined && settings.folder === '',
        now: () => ctx.clock.now(),
        offsetMinutes: (at) => ctx.clock.offsetMinutes(at),
        reason: 'manual',
        rotation: { keepDaily: settings.keepDaily, keepWeekly: settings.keepWeekly },
        onProgress: progressLines(io, 'backup'),
      });
      if (!result.checkedOk) {
        const lastError = failedCheckMessage(result);
        writeBackupStatus(db, { ...readBackupStatus(db), lastAttemptAt: at, lastResult: 'failed', lastError }, by, at);
        io.err(`cryolog backup: ${lastError}`);
        return EXIT.failed;
      }
      writeBackupStatus(db, { lastAttemptAt: at, lastSuccessAt: at, lastFile: result.file, lastResult: 'ok', lastError: null }, by, at);
      const pruned = result.pruned.length > 0 ? `; removed ${result.pruned.length} older backup(s) the rotation no longer keeps` : '';
      io.err(`cryolog backup: verified (integrity_check ok, ${result.sessions} sessions), ${result.bytes} bytes${pruned}.`);
      io.out(`${result.file}\n`);
      return EXIT.ok;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      writeBackupStatus(db, { ...readBackupStatus(db), lastAttemptAt: at, lastResult: 'failed', lastError: message.slice(0, 2_000) }, by, at);
      io.err(`cryolog backup: ${message}`);
      return EXIT.failed;
    }
  });
}

