// Where backups go and how many are kept, as an audited service setting like the export
// settings; and what the last backup did, in the same table under its own key (not audited:
// an hourly status line in the audit trail would bury the record's real history).
import path from 'node:path';
import type { Logger } from '../context';
import type { DB } from '../db/types';
import { getSetting, putSetting, readSettingOrDefault, saveSettingAudited, type SettingState } from '../db/repos/settings';
import { BackupSettings, BackupStatusRecord, DEFAULT_BACKUP_SETTINGS, NO_BACKUP_YET } from '../../../shared/ipc/backupContract';

const BACKUP_SETTINGS = { key: 'backupSettings', what: 'backup settings' };
const BACKUP_STATUS_KEY = 'backupStatus';

export function readBackupSettings(db: DB, log: Logger): SettingState<BackupSettings> {
  return readSettingOrDefault(db, BACKUP_SETTINGS, BackupSettings, DEFAULT_BACKUP_SETTINGS, log.error);
}

export function saveBackupSettings(db: DB, value: BackupSettings, changedBy: string, at: string): void {
  saveSettingAudited(db, BACKUP_SETTINGS.key, 'backupSettings', value, changedBy, at);
}

/** The folder a setting names, or the "backups" folder beside the database. */
export function backupFolderFor(dbPath: string, settings: BackupSettings): string {
  return settings.folder === '' ? path.join(path.dirname(path.resolve(dbPath)), 'backups') : settings.folder;
}

export function readBackupStatus(db: DB): BackupStatusRecord {
  const parsed = BackupStatusRecord.safeParse(getSetting(db, BACKUP_STATUS_KEY)?.value);
  return parsed.success ? parsed.data : NO_BACKUP_YET;
}

export function writeBackupStatus(db: DB, status: BackupStatusRecord, by: string, at: string): void {
  putSetting(db, BACKUP_STATUS_KEY, status, by, at);
}
