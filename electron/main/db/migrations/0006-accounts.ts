import type { Migration } from '../types';

// Local accounts for sign-in (issue 6). An account is never deleted: the audit trail and
// signatures name it, so it is deactivated instead. Only the scrypt hash of the PIN or
// password is stored (electron/main/auth/secretHash.ts). failed_attempts and held_until
// throttle guessing; they are the only columns a signed-out request may change.
export const migration0006: Migration = {
  version: 6,
  name: 'accounts',
  up(db) {
    db.exec(`
      CREATE TABLE account (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL UNIQUE COLLATE NOCASE,
        display_name TEXT NOT NULL,
        job_title TEXT NOT NULL,
        registration_body TEXT,
        registration_number TEXT,
        role TEXT NOT NULL CHECK (role IN ('clinician', 'admin')),
        secret_kind TEXT NOT NULL CHECK (secret_kind IN ('pin', 'password')),
        secret_hash TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        held_until TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TRIGGER account_no_delete BEFORE DELETE ON account
      BEGIN SELECT RAISE(ABORT, 'CRYOLOG_LOCKED: an account is deactivated, never deleted'); END;
    `);
  },
};
