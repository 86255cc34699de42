import type { z } from 'zod';
import type { DB } from '../types';
import { stmt } from '../statements';
import { appendAudit } from './audit';

// Service settings (table `setting`, migration 2): one JSON value per key, with who changed it
// last and when. The history of every change is in audit_log, written by the caller in the
// same transaction.

export interface StoredSetting {
  /** The stored JSON, parsed; checking its shape is the caller's job (it may predate a schema change). */
  value: unknown;
  updatedBy: string;
  updatedAt: string;
}

interface SettingRow {
  value: string;
  updated_by: string;
  updated_at: string;
}

export function getSetting(db: DB, key: string): StoredSetting | undefined {
  const row = stmt(db, 'SELECT value, updated_by, updated_at FROM setting WHERE key = ?').get(key) as SettingRow | undefined;
  // The column is CHECKed json_valid, so JSON.parse cannot fail on a row SQLite accepted.
  return row && { value: JSON.parse(row.value) as unknown, updatedBy: row.updated_by, updatedAt: row.updated_at };
}

export function putSetting(db: DB, key: string, value: unknown, updatedBy: string, updatedAt: string): void {
  stmt(
    db,
    `INSERT INTO setting (key, value, updated_by, updated_at) VALUES (@key, @value, @updatedBy, @updatedAt)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
  ).run({ key, value: JSON.stringify(value), updatedBy, updatedAt });
}

/**
 * Saves a service setting and its audit entry (before and after, with who changed it) in one
 * transaction; `name` is the key the value travels under in the audit entry ("config", "presets").
 */
export function saveSettingAudited(db: DB, key: string, name: string, value: unknown, changedBy: string, at: string): void {
  db.transaction(() => {
    const before = getSetting(db, key);
    putSetting(db, key, value, changedBy, at);
    appendAudit(db, {
      at,
      action: before ? 'update' : 'create',
      entity: 'setting',
      entityId: key,
      sessionId: null,
      oldValue: before ? { [name]: before.value, changedBy: before.updatedBy } : undefined,
      newValue: { [name]: value, changedBy },
    });
  })();
}

export interface SettingState<T> {
  value: T;
  updatedBy: string | null;
  updatedAt: string | null;
}

/**
 * A stored setting checked against its schema, or the defaults when none is stored. A stored
 * value that no longer parses (written by a newer CryoLog, or a schema that has since tightened)
 * falls back to the defaults and is logged; it stays in the table until someone saves anew.
 */
export function readSettingOrDefault<T>(
  db: DB,
  setting: { key: string; what: string },
  schema: z.ZodType<T>,
  defaults: T,
  logInvalid: (message: string, detail: unknown) => void,
): SettingState<T> {
  const { key, what } = setting;
  const stored = getSetting(db, key);
  if (!stored) return { value: defaults, updatedBy: null, updatedAt: null };
  const parsed = schema.safeParse(stored.value);
  if (!parsed.success) {
    logInvalid(`The stored ${what} (saved by ${stored.updatedBy} at ${stored.updatedAt}) is not valid; the defaults are used instead`, parsed.error.issues);
    return { value: defaults, updatedBy: null, updatedAt: null };
  }
  return { value: parsed.data, updatedBy: stored.updatedBy, updatedAt: stored.updatedAt };
}
