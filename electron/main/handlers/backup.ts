import fs from 'node:fs';
import { currentActor } from '../auth/authSession';
import path from 'node:path';
import type { Handler } from './index';
import { requireDb, stamp } from './db';
import { backupFolderFor, readBackupSettings, readBackupStatus, saveBackupSettings } from '../backup/backupSettings';
import { backupInBackground, runningBackup } from '../backup/schedule';
import { checkBackupFile } from '../backup/checkBackupFile';
import { parseBackupFileName } from '../backup/backupName';
import { recordCounts } from '../backup/recordCounts';
import { backupPathFor, restoreStatus, startRestore } from '../backup/restoreInApp';

export const backupHandlers: {
  getBackupSettings: Handler<'getBackupSettings'>;
  saveBackupSettings: Handler<'saveBackupSettings'>;
  getBackupStatus: Handler<'getBackupStatus'>;
  runBackupNow: Handler<'runBackupNow'>;
  checkBackupFile: Handler<'checkBackupFile'>;
  previewRestore: Handler<'previewRestore'>;
  startRestore: Handler<'startRestore'>;
  getRestoreStatus: Handler<'getRestoreStatus'>;
} = {
  getBackupSettings: (ctx) => readBackupSettings(requireDb(ctx), ctx.log),
  saveBackupSettings: (ctx, { value }) => {
    const db = requireDb(ctx);
    saveBackupSettings(db, value, currentActor(ctx), stamp(ctx));
    return readBackupSettings(db, ctx.log);
  },

  getBackupStatus: (ctx) => {
    const db = requireDb(ctx);
    const folder = backupFolderFor(ctx.dbPath, readBackupSettings(db, ctx.log).value);
    return { ...readBackupStatus(db), folder, running: runningBackup(ctx), backups: listBackups(folder) };
  },

  // Answers at once and the window polls getBackupStatus: dispatch is synchronous, and a
  // synchronous copy (VACUUM INTO) would freeze the window for as long as a slow network share
  // takes. The result, good or bad, lands in the status.
  runBackupNow: (ctx) => {
    requireDb(ctx);
    return { started: backupInBackground(ctx, 'manual').started };
  },

  // By name in the backup folder only: the window never names a path to open.
  checkBackupFile: (ctx, { fileName }) => {
    const folder = backupFolderFor(ctx.dbPath, readBackupSettings(requireDb(ctx), ctx.log).value);
    return checkBackupFile(path.join(folder, fileName));
  },

  // The restore screen's first look: the backup (checked) against the database it would replace.
  previewRestore: (ctx, { fileName }) => {
    const db = requireDb(ctx);
    const backup = checkBackupFile(backupPathFor(ctx, fileName));
    const takenAt = parseBackupFileName(fileName)?.at.toISOString() ?? stamp(ctx);
    return { fileName, takenAt, backup, current: { ...recordCounts(db), schemaVersion: ctx.schemaVersion }, databasePath: ctx.dbPath };
  },

  // Answers once the restore is under way; the window polls getRestoreStatus (dispatch answers
  // nothing else until it ends).
  startRestore: (ctx, { fileName }) => {
    const restoredBy = currentActor(ctx);
    requireDb(ctx);
    startRestore(ctx, fileName, restoredBy);
    return { started: true };
  },

  getRestoreStatus: (ctx) => restoreStatus(ctx),
};

function listBackups(folder: string): { fileName: string; bytes: number }[] {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return []; // Folder absent (share not mounted): the status's lastError says so after the next attempt.
  }
  return names
    .map(parseBackupFileName)
    .filter((b) => b !== null)
    .sort((a, b) => b.at.getTime() - a.at.getTime())
    .slice(0, 10_000)
    .flatMap((b) => {
      try {
        return [{ fileName: b.fileName, bytes: fs.statSync(path.join(folder, b.fileName)).size }];
      } catch {
        return [];
      }
    });
}
