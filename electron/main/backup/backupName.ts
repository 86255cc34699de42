// Backup file names carry when and why the copy was taken, so rotation needs nothing but the
// folder listing: cryolog-YYYYMMDD-HHMMSS±HHMM-<reason>.sqlite, in the device's local time with
// its UTC offset (cryolog-20260715-101000+0100-manual.sqlite: 10:10 in London in July).
//
// Why local time with the offset, rather than UTC: the people who look in the backup folder (a
// clinician choosing what to restore, IT on the share) read the time in a name as the time on
// the wall clock; a UTC name is an hour off all summer. The offset keeps every name unambiguous:
// the repeated hour in October gives 01:30+0100 and then 01:30+0000, two different names for
// two different instants. Names sort in time order in a folder listing except within that one
// repeated hour a year; CryoLog itself orders and rotates by the instant the name parses to.
// Names written before this change (no offset) were UTC and are still read as such.
import { BACKUP_FILE_NAME, type BackupReason } from '../../../shared/ipc/backupContract';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The name of a backup taken at `at`, where the device's clock is `offsetMinutes` east of UTC. */
export function backupFileName(at: Date, offsetMinutes: number, reason: BackupReason): string {
  const local = new Date(at.getTime() + offsetMinutes * 60_000);
  const date = `${local.getUTCFullYear()}${pad(local.getUTCMonth() + 1)}${pad(local.getUTCDate())}`;
  const time = `${pad(local.getUTCHours())}${pad(local.getUTCMinutes())}${pad(local.getUTCSeconds())}`;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const offset = `${sign}${pad(Math.floor(Math.abs(offsetMinutes) / 60))}${pad(Math.abs(offsetMinutes) % 60)}`;
  return `cryolog-${date}-${time}${offset}-${reason}.sqlite`;
}

export interface ParsedBackupName {
  fileName: string;
  /** The instant the backup was taken. */
  at: Date;
  reason: BackupReason;
}

export function parseBackupFileName(fileName: string): ParsedBackupName | null {
  const m = BACKUP_FILE_NAME.exec(fileName);
  if (!m) return null;
  const [, d, t, offset, reason] = m as unknown as [string, string, string, string | undefined, BackupReason];
  const fields = [d.slice(0, 4), d.slice(4, 6), d.slice(6, 8), t.slice(0, 2), t.slice(2, 4), t.slice(4, 6)].map(Number) as [number, number, number, number, number, number];
  const [year, month, day, hour, minute, second] = fields;
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(asUtc);
  // 20261331 or 256000 would roll over into another date: not a name CryoLog wrote.
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || check.getUTCHours() !== hour || check.getUTCMinutes() !== minute || check.getUTCSeconds() !== second) return null;
  const offsetMinutes = offset === undefined ? 0 : (offset.startsWith('-') ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(3, 5)));
  return { fileName, at: new Date(asUtc - offsetMinutes * 60_000), reason };
}
