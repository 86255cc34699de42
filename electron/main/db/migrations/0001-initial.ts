import type { Migration } from '../types';

// STRICT tables make SQLite refuse a value of the wrong type instead of storing it silently.
// Status and code columns carry no CHECK lists: value sets grow, and SQLite cannot change a
// CHECK without rebuilding the table; the IPC contract validates them instead.
export const migration0001: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE patient (
        id TEXT PRIMARY KEY NOT NULL,
        family_name TEXT,
        given_name TEXT,
        date_of_birth TEXT,
        nhs_number TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX patient_nhs_number ON patient (nhs_number);
      CREATE INDEX patient_family_name ON patient (family_name COLLATE NOCASE);
      CREATE INDEX patient_updated_at ON patient (updated_at DESC);

      CREATE TABLE session (
        id TEXT PRIMARY KEY NOT NULL,
        patient_id TEXT NOT NULL REFERENCES patient (id) ON DELETE RESTRICT,
        status TEXT NOT NULL,
        started_at TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX session_started_at ON session (started_at DESC);
      CREATE INDEX session_patient ON session (patient_id, started_at DESC);

      CREATE TABLE target (
        id TEXT PRIMARY KEY NOT NULL,
        session_id TEXT NOT NULL REFERENCES session (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL CHECK (seq >= 1),
        nerve TEXT,
        branch TEXT,
        side TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (session_id, seq)
      ) STRICT;

      CREATE TABLE freeze_cycle (
        id TEXT PRIMARY KEY NOT NULL,
        target_id TEXT NOT NULL REFERENCES target (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL CHECK (seq >= 1),
        duration_s INTEGER,
        tip_temp_c REAL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (target_id, seq)
      ) STRICT;

      -- Every change, written in the same transaction as the change itself.
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        session_id TEXT,
        field TEXT,
        old_value TEXT,
        new_value TEXT
      ) STRICT;
      CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
      CREATE INDEX audit_log_session ON audit_log (session_id);
    `);
  },
};
