// Request and answer schemas of the backup channels (issue 6); contract.ts lists them with every
// other channel. The window never names a path to read or write: backups go to the folder set
// in Settings (default: a "backups" folder beside the database), and a backup is checked by its
// file name in that folder.
import { z } from 'zod';
import { IsoDateTime } from '../domain/model';

/** An absolute folder path (C:\…, \\server\share\…, /…); empty: the "backups" folder beside the database. */
const BackupFolder = z
  .string()
  .trim()
  .max(1_000, 'That folder path is too long.')
  .refine((p) => p === '' || /^(\/|[A-Za-z]:[\\/]|\\\\[^\\]+\\)/.test(p), 'Give the full path of the folder, for example \\\\server\\share\\cryolog-backups or /mnt/backups.')
  .refine((p) => ![...p].some((c) => c.charCodeAt(0) < 0x20), 'The folder path contains a control character.');

export const BackupSettings = z.strictObject({
  folder: BackupFolder,
  /** The newest backup of each of the last N days is kept. */
  keepDaily: z.int().min(1, 'Keep at least one daily backup.').max(366),
  /** The newest backup of each of the last N ISO weeks is kept (0: none beyond the daily ones). */
  keepWeekly: z.int().min(0).max(520),
  /** A backup every hour while CryoLog is open (besides at start and after every sign-off). */
  hourly: z.boolean(),
});
export type BackupSettings = z.infer<typeof BackupSettings>;
export const DEFAULT_BACKUP_SETTINGS: BackupSettings = { folder: '', keepDaily: 7, keepWeekly: 4, hourly: true };

export const BACKUP_REASONS = ['start', 'sign-off', 'hourly', 'manual'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

/** Backup file names as written by runBackup: cryolog-YYYYMMDD-HHMMSS-<reason>.sqlite (UTC). */
export const BACKUP_FILE_NAME = /^cryolog-(\d{8})-(\d{6})-(start|sign-off|hourly|manual)\.sqlite$/;
const BackupFileName = z.string().max(100).regex(BACKUP_FILE_NAME, 'That is not the name of a CryoLog backup (cryolog-YYYYMMDD-HHMMSS-<reason>.sqlite).');

const settingState = <T extends z.ZodType>(value: T) => z.strictObject({ value, updatedBy: z.string().nullable(), updatedAt: IsoDateTime.nullable() });
const Count = z.int().min(0);

/** What the last backup did; kept in the setting table (key "backupStatus"), not audited: it is a log, not a setting. */
export const BackupStatusRecord = z.strictObject({
  lastAttemptAt: IsoDateTime.nullable(),
  lastSuccessAt: IsoDateTime.nullable(),
  lastFile: z.string().max(2_000).nullable(),
  lastResult: z.enum(['ok', 'failed']).nullable(),
  lastError: z.string().max(2_000).nullable(),
});
export type BackupStatusRecord = z.infer<typeof BackupStatusRecord>;
export const NO_BACKUP_YET: BackupStatusRecord = { lastAttemptAt: null, lastSuccessAt: null, lastFile: null, lastResult: null, lastError: null };

export const BackupStatus = z.strictObject({
  ...BackupStatusRecord.shape,
  /** The folder backups go to now (the setting, or the default beside the database). */
  folder: z.string(),
  /** A backup under way in this process, with how far it has copied (0-100). */
  running: z.strictObject({ reason: z.enum(BACKUP_REASONS), percent: z.int().min(0).max(100) }).nullable(),
  /** The verified backups in the folder, newest first. */
  backups: z.array(z.strictObject({ fileName: z.string(), bytes: Count })).max(10_000),
});
export type BackupStatus = z.infer<typeof BackupStatus>;

export const BackupFileCheck = z.strictObject({
  ok: z.boolean(),
  patients: Count,
  sessions: Count,
  auditEntries: Count,
  schemaVersion: z.int(),
  problems: z.array(z.string()).max(50),
});
export type BackupFileCheck = z.infer<typeof BackupFileCheck>;

export const backupChannels = {
  getBackupSettings: { req: z.strictObject({}), res: settingState(BackupSettings) },
  saveBackupSettings: { req: z.strictObject({ value: BackupSettings }), res: settingState(BackupSettings) },
  getBackupStatus: { req: z.strictObject({}), res: BackupStatus },
  // Answers at once: the copy runs in the background (db.backup is asynchronous, dispatch is
  // not); the window polls getBackupStatus. false: one is already running.
  runBackupNow: { req: z.strictObject({}), res: z.strictObject({ started: z.boolean() }) },
  checkBackupFile: { req: z.strictObject({ fileName: BackupFileName }), res: BackupFileCheck },
} as const;
