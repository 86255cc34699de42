// Backup file names carry when and why the copy was taken, so rotation needs nothing but the
// folder listing: cryolog-YYYYMMDD-HHMMSS-<reason>.sqlite, the time in UTC (names sort in time
// order and do not jump at the clock change). Only a copy that passed its check gets this name.
import { BACKUP_FILE_NAME, type BackupReason } from '../../../shared/ipc/backupContract';

export function backupFileName(at: Date, reason: BackupReason): string {
  const iso = at.toISOString(); // 2026-11-24T09:10:00.000Z
  return `cryolog-${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}-${reason}.sqlite`;
}

export interface ParsedBackupName {
  fileName: string;
  at: Date;
  reason: BackupReason;
}

export function parseBackupFileName(fileName: string): ParsedBackupName | null {
  const m = BACKUP_FILE_NAME.exec(fileName);
  if (!m) return null;
  const [, d, t, reason] = m as unknown as [string, string, string, BackupReason];
  const at = new Date(`${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4, 6)}Z`);
  return Number.isNaN(at.getTime()) ? null : { fileName, at, reason };
}
