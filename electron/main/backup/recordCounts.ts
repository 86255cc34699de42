import type { DB } from '../db/types';

/** What a backup is compared on: a copy that lost rows would show it here even if quick_check passed. */
export interface RecordCounts {
  patients: number;
  sessions: number;
  auditEntries: number;
}

export function recordCounts(db: DB): RecordCounts {
  const count = (table: string) => Number(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get());
  return { patients: count('patient'), sessions: count('session'), auditEntries: count('audit_log') };
}

export function sameCounts(a: RecordCounts, b: RecordCounts): boolean {
  return a.patients === b.patients && a.sessions === b.sessions && a.auditEntries === b.auditEntries;
}

export function countsText(c: RecordCounts): string {
  return `${c.patients} patients, ${c.sessions} sessions, ${c.auditEntries} audit entries`;
}
