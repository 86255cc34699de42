// Which backups to delete: the newest backup of each of the last `keepDaily` days and of each of
// the last `keepWeekly` ISO weeks is kept, everything older or superseded goes. Days and weeks
// are UTC, like the names. Only names written by runBackup (so verified) are ever candidates;
// backups dated after `now` (a clock that was wrong) are kept.
import { parseBackupFileName, type ParsedBackupName } from './backupName';

const DAY_MS = 86_400_000;

export interface RotationPolicy {
  keepDaily: number;
  keepWeekly: number;
}

export function backupsToPrune(fileNames: readonly string[], now: Date, policy: RotationPolicy): string[] {
  const backups = fileNames.map(parseBackupFileName).filter((b): b is ParsedBackupName => b !== null);
  const newestFirst = [...backups].sort((a, b) => b.at.getTime() - a.at.getTime() || b.fileName.localeCompare(a.fileName));
  const keep = new Set<string>();
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

/** Days since 1970-01-01 (UTC). */
function dayNumber(at: Date): number {
  return Math.floor(at.getTime() / DAY_MS);
}

/** The day number of the Monday that starts the ISO week of `day` (1970-01-01 was a Thursday). */
function isoWeekStart(day: number): number {
  const weekday = (day + 3) % 7; // 0 = Monday
  return day - weekday;
}
