import fs from 'node:fs';
import { currentActor } from '../auth/authSession';
import path from 'node:path';
import type { Handler } from './index';
import { requireDb, stamp } from './db';
import { backupFolderFor, readBackupSettings, readBackupStatus, saveBackupSettings } from '../backup/backupSettings';
import { backupInBackground, runningBackup } from '../backup/schedule';
import { checkBackupFile } from '../backup/checkBackupFile';
import { parseBackupFileName } from '../backup/backupName';

export const backupHandlers: {
  getBackupSettings: Handler<'getBackupSettings'>;
  saveBackupSettings: Handler<'saveBackupSettings'>;
  getBackupStatus: Handler<'getBackupStatus'>;
  runBackupNow: Handler<'runBackupNow'>;
  checkBackupFile: Handler<'checkBackupFile'>;
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
