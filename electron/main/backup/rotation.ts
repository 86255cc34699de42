// Which backups to delete: the newest backup of each of the last `keepDaily` days and of each of
// the last `keepWeekly` ISO weeks is kept, everything older or superseded goes. Days and weeks
// are the device's local ones (a backup at 00:30 on a July night in London belongs to that day,
// not to the day before as in UTC; the 25-hour day in October is one day). Only names written
// by runBackup (so verified) are ever candidates; backups dated after `now` (a clock that was
// wrong) are kept.
import { parseBackupFileName, type ParsedBackupName } from './backupName';

const DAY_MS = 86_400_000;

export interface RotationPolicy {
  keepDaily: number;
  keepWeekly: number;
}

/** Minutes east of UTC at an instant: the Ctx clock's offsetMinutes. */
export type OffsetAt = (at: Date) => number;

export function backupsToPrune(fileNames: readonly string[], now: Date, policy: RotationPolicy, offsetMinutes: OffsetAt): string[] {
  const backups = fileNames.map(parseBackupFileName).filter((b): b is ParsedBackupName => b !== null);
  const newestFirst = [...backups].sort((a, b) => b.at.getTime() - a.at.getTime() || b.fileName.localeCompare(a.fileName));
  const keep = new Set<string>();
  const dayNumber = (at: Date) => localDayNumber(at, offsetMinutes(at));
  const today = dayNumber(now);
  const thisWeek = isoWeekStart(today);
  const dayTaken = new Set<number>();
  const weekTaken = new Set<number>();
  for (const b of newestFirst) {
    const day = dayNumber(b.at);
    const week = isoWeekStart(day);
    if (day > today) keep.add(b.fileName);
    if (day <= today && today - day < policy.keepDaily && !dayTaken.has(day)) {
      dayTaken.add(day);
      keep.add(b.fileName);
    }
    if (week <= thisWeek && (thisWeek - week) / 7 < policy.keepWeekly && !weekTaken.has(week)) {
      weekTaken.add(week);
      keep.add(b.fileName);
    }
  }
  return backups.filter((b) => !keep.has(b.fileName)).map((b) => b.fileName);
}

/** Local calendar days since 1970-01-01, for a clock `offsetMinutes` east of UTC at that instant. */
function localDayNumber(at: Date, offsetMinutes: number): number {
  return Math.floor((at.getTime() + offsetMinutes * 60_000) / DAY_MS);
}

/** The day number of the Monday that starts the ISO week of `day` (1970-01-01 was a Thursday). */
function isoWeekStart(day: number): number {
  const weekday = (day + 3) % 7; // 0 = Monday
  return day - weekday;
}
