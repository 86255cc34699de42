import type { Migration } from '../types';

// Sign-off that locks (issue 4): the signature on the session, every signed version kept as
// a snapshot, and triggers so that the database itself refuses a change to a signed session
// (outside an open amendment) and any change to the audit trail. The UI locks too, but a
// lock only in the UI is a lock anyone with a SQLite tool can ignore.
export const migration0003: Migration = {
  version: 3,
  name: 'sign-off-and-locks',
  up(db) {
    db.exec(`
      ALTER TABLE session ADD COLUMN signed_at TEXT;
      ALTER TABLE session ADD COLUMN signer TEXT CHECK (signer IS NULL OR json_valid(signer));
      ALTER TABLE session ADD COLUMN version INTEGER NOT NULL DEFAULT 0 CHECK (version >= 0);
      ALTER TABLE session ADD COLUMN amending INTEGER NOT NULL DEFAULT 0 CHECK (amending IN (0, 1));
      ALTER TABLE session ADD COLUMN amendment_reason TEXT;

      -- Each signed version, as the document that was signed; never changed afterwards.
      CREATE TABLE session_version (
        session_id TEXT NOT NULL REFERENCES session (id) ON DELETE RESTRICT,
        version INTEGER NOT NULL CHECK (version >= 1),
        signed_at TEXT NOT NULL,
        signer TEXT NOT NULL CHECK (json_valid(signer)),
        reason TEXT,
        document TEXT NOT NULL CHECK (json_valid(document)),
        sha256 TEXT NOT NULL,
        PRIMARY KEY (session_id, version)
      ) STRICT;
      CREATE TRIGGER session_version_no_update BEFORE UPDATE ON session_version
      BEGIN SELECT RAISE(ABORT, 'CRYOLOG_LOCKED: a signed version cannot be changed'); END;
      CREATE TRIGGER session_version_no_delete BEFORE DELETE ON session_version
      BEGIN SELECT RAISE(ABORT, 'CRYOLOG_LOCKED: a signed version cannot be deleted'); END;

      -- The session row: once signed, only an amendment opens it (amending = 1); it is never deleted.
      CREATE TRIGGER session_locked_update BEFORE UPDATE ON session
      WHEN OLD.signed_at IS NOT NULL AND OLD.amending = 0 AND NEW.amending = 0
      BEGIN SELECT RAISE(ABORT, 'CRYOLOG_LOCKED: the session is signed; change it through an amendment'); END;
      CREATE TRIGGER session_locked_delete BEFORE DELETE ON session
      WHEN OLD.signed_at IS NOT NULL
      BEGIN SELECT RAISE(ABORT, 'CRYOLOG_LOCKED: a signed session is kept, never deleted'); END;

      -- The audit trail is append-only.
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'CRYOLOG_LOCKED: the audit trail cannot be changed'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'CRYOLOG_LOCKED: the audit trail cannot be changed'); END;

      CREATE TRIGGER team_member_locked_insert BEFORE INSERT ON team_member
      WHEN (SELECT signed_at IS NOT NULL AND amending = 0 FROM session WHERE id = NEW.session_id)
      BEGIN SELECT RAISE(ABORT, 'CRYOLOG_LOCKED: the session is signed; change it through an amendment'); END;
      CREATE TRIGGER team_member_locked_update BEFORE UPDATE ON team_member
      WHEN (SELECT signed_at IS NOT NULL AND amending = 0 FROM session WHERE id = OLD.session_id)
      BEGIN SELECT RAISE(ABORT, 'CRYOLOG_LOCKED: the session is signed; change it through an amendment'); END;
      CREATE TRIGGER team_member_locked_delete BEFORE DELETE ON team_member
      WHEN (SELECT signed_at IS NOT NULL AND amending = 0 FROM session WHERE id = OLD.session_id)
      BEGIN SELECT RAISE(ABORT, 'CRYOLOG_LOCKED: the session is signed; change it through an amendment'); END;
      CREATE TRIGGER consent_site_locked_insert BEFORE INSERT ON consent_site
      WHEN (SELECT signed_at IS NOT NULL AND amending = 0 FROM session WHERE id = NEW.session_id)
      BEGIN SELECT RAISE(ABORT, 'CRYOLOG_LOCKED: the session is signed; change it through an amendment'); END;
      CREATE TRIGGER consent_site_locked_update BEFORE UPDATE ON consent_site
      WHEN (SELECT signed_at IS NOT NULL AND amending = 0 FROM session WHERE id = OLD.session_id)
      BEGIN SELECT RAISE(ABORT, 'CRYOLOG_LOCKED: the session is signed; change it through an amendment'); END;
      CREATE TRIGGER consent_site_locked_delete BEFORE DELETE ON consent_site
      WHEN (SELECT signed_at IS NOT NULL AND amending = 0 FROM session WHERE id = OLD.session_id)
      BEGIN SELECT RAISE(ABORT, 'CRYOLOG_LOCKED: the session is signed; change it through an amendment'); END;
      CREATE TRIGGER goal_locked_insert BEFORE INSERT ON goal
      WHEN (SELECT signed_at IS NOT NULL AND amending = 0 FROM session WHERE id = NEW.session_id)
      BEGIN SELECT RAISE(ABORT, 'CRYOLOG_LOCKED: the session is signed; change it through an amendment'); END;
      CREATE TRIGGER goal_locked_update BEFORE UPDATE ON goal
      WHEN (SELECT signed_at IS NOT NULL AND amending = 0 FROM session WHERE id = OLD.session_id)
      BEGIN SELECT RAISE(ABORT, 'CRYOLOG_LOCKED: the session is signed; change it through an amendment'); END;
      CREATE TRIGGER goal_locked_delete BEFORE DELETE ON goal
      WHEN (SELECT signed_at IS NOT NULL AND amending = 0 FROM session WHERE id = OLD.session_id)
      BEGIN SELECT RAISE(ABORT, 'CRYOLOG_LOCKED: the session is signed; change it through an amendment'); END;
      CREATE TRIGGER diagnostic_block_locked_insert BEFORE INSERT ON diagnostic_block
      WHEN (SELECT signed_at IS NOT NULL AND amending = 0 FROM session WHERE id = NEW.session_id)
      BEGIN SELECT RAISE(ABORT, 'CRYOLOG_LOCKED: the session is signed; change it through an amendment'); END;
      CREATE TRIGGER diagnostic_block_locked_update BEFORE UPDATE ON diagnostic_block
      WHEN (SELECT signed_at IS NOT NULL AND amending = 0 FROM session WHERE id = OLD.session_id)
      BEGIN SELECT RAISE(ABORT, 'CRYOLOG_LOCKED: the session is signed; change it through an amendment'); END;
      CREATE TRIGGER diagnostic_block_locked_delete BEFORE DELETE ON diagnostic_block
      WHEN (SELECT signed_at IS NOT NULL AND amending = 0 FROM session WHERE id = OLD.session_id)
      BEGIN SELECT RAISE(ABORT, 'CRYOLOG_LOCKED: the session is signed; change it through an amendment'); END;
      CREATE TRIGGER device_locked_insert BEFORE INSERT ON device
      WHEN (SELECT signed_at IS NOT NULL AND amending = 0 FROM session WHERE id = NEW.session_id)
      BEGIN SELECT RAISE(ABORT, 'CRYOLOG_LOCKED: the session is signed; change it through an amendment'); END;
      CREATE TRIGGER device_locked_update BEFORE UPDATE ON device
      WHEN (SELECT signed_at IS NOT NULL AND amending = 0 FROM session WHERE id = OLD.session_id)
      BEGIN SELECT RAISE(ABORT, 'CRYOLOG_LOCKED: the session is signed; change it through an amendment'); END;
      CREATE TRIGGER device_locked_delete BEFORE DELETE ON device
      WHEN (SELECT signed_at IS NOT NULL AND amending = 0 FROM session WHERE id = OLD.session_id)
      BEGIN SELECT RAISE(ABORT, 'CRYOLOG_LOCKED: the session is signed; change it through an amendment'); END;
      CREATE TRIGGER target_locked_insert BEFORE INSERT ON target
      WHEN (SELECT signed_at IS NOT NULL AND amending = 0 FROM session WHERE id = NEW.session_id)
      BEGIN SELECT RAISE(ABORT, 'CRYOLOG_LOCKED: the session is signed; change it through an amendment'); END;
      CREATE TRIGGER target_locked_update BEFORE UPDATE ON target
      WHEN (SELECT signed_at IS NOT NULL AND amending = 0 FROM session WHERE id = OLD.session_id)
      BEGIN SELECT RAISE(ABORT, 'CRYOLOG_LOCKED: the session is signed; change it through an amendment'); END;
      CREATE TRIGGER target_locked_delete BEFORE DELETE ON target
      WHEN (SELECT signed_at IS NOT NULL AND amending = 0 FROM session WHERE id = OLD.session_id)
      BEGIN SELECT RAISE(ABORT, 'CRYOLOG_LOCKED: the session is signed; change it through an amendment'); END;
      CREATE TRIGGER outcome_locked_insert BEFORE INSERT ON outcome
      WHEN (SELECT signed_at IS NOT NULL AND amending = 0 FROM session WHERE id = NEW.session_id)
      BEGIN SELECT RAISE(ABORT, 'CRYOLOG_LOCKED: the session is signed; change it through an amendment'); END;
      CREATE TRIGGER outcome_locked_update BEFORE UPDATE ON outcome
      WHEN (SELECT signed_at IS NOT NULL AND amending = 0 FROM session WHERE id = OLD.session_id)
      BEGIN SELECT RAISE(ABORT, 'CRYOLOG_LOCKED: the session is signed; change it through an amendment'); END;
      CREATE TRIGGER outcome_locked_delete BEFORE DELETE ON outcome
      WHEN (SELECT signed_at IS NOT NULL AND amending = 0 FROM session WHERE id = OLD.session_id)
      BEGIN SELECT RAISE(ABORT, 'CRYOLOG_LOCKED: the session is signed; change it through an amendment'); END;
      CREATE TRIGGER complication_locked_insert BEFORE INSERT ON complication
      WHEN (SELECT signed_at IS NOT NULL AND amending = 0 FROM session WHERE id = NEW.session_id)
      BEGIN SELECT RAISE(ABORT, 'CRYOLOG_LOCKED: the session is signed; change it through an amendment'); END;
      CREATE TRIGGER complication_locked_update BEFORE UPDATE ON complication
      WHEN (SELECT signed_at IS NOT NULL AND amending = 0 FROM session WHERE id = OLD.session_id)
      BEGIN SELECT RAISE(ABORT, 'CRYOLOG_LOCKED: the session is signed; change it through an amendment'); END;
      CREATE TRIGGER complication_locked_delete BEFORE DELETE ON complication
      WHEN (SELECT signed_at IS NOT NULL AND amending = 0 FROM session WHERE id = OLD.session_id)
      BEGIN SELECT RAISE(ABORT, 'CRYOLOG_LOCKED: the session is signed; change it through an amendment'); END;
      CREATE TRIGGER follow_up_locked_insert BEFORE INSERT ON follow_up
      WHEN (SELECT signed_at IS NOT NULL AND amending = 0 FROM session WHERE id = NEW.session_id)
      BEGIN SELECT RAISE(ABORT, 'CRYOLOG_LOCKED: the session is signed; change it through an amendment'); END;
      CREATE TRIGGER follow_up_locked_update BEFORE UPDATE ON follow_up
      WHEN (SELECT signed_at IS NOT NULL AND amending = 0 FROM session WHERE id = OLD.session_id)
      BEGIN SELECT RAISE(ABORT, 'CRYOLOG_LOCKED: the session is signed; change it through an amendment'); END;
      CREATE TRIGGER follow_up_locked_delete BEFORE DELETE ON follow_up
      WHEN (SELECT signed_at IS NOT NULL AND amending = 0 FROM session WHERE id = OLD.session_id)
      BEGIN SELECT RAISE(ABORT, 'CRYOLOG_LOCKED: the session is signed; change it through an amendment'); END;
      CREATE TRIGGER acknowledgement_locked_insert BEFORE INSERT ON acknowledgement
      WHEN (SELECT signed_at IS NOT NULL AND amending = 0 FROM session WHERE id = NEW.session_id)
      BEGIN SELECT RAISE(ABORT, 'CRYOLOG_LOCKED: the session is signed; change it through an amendment'); END;
      CREATE TRIGGER acknowledgement_locked_update BEFORE UPDATE ON acknowledgement
      WHEN (SELECT signed_at IS NOT NULL AND amending = 0 FROM session WHERE id = OLD.session_id)
      BEGIN SELECT RAISE(ABORT, 'CRYOLOG_LOCKED: the session is signed; change it through an amendment'); END;
      CREATE TRIGGER acknowledgement_locked_delete BEFORE DELETE ON acknowledgement
      WHEN (SELECT signed_at IS NOT NULL AND amending = 0 FROM session WHERE id = OLD.session_id)
      BEGIN SELECT RAISE(ABORT, 'CRYOLOG_LOCKED: the session is signed; change it through an amendment'); END;
      CREATE TRIGGER freeze_cycle_locked_insert BEFORE INSERT ON freeze_cycle
      WHEN (SELECT signed_at IS NOT NULL AND amending = 0 FROM session WHERE id = (SELECT session_id FROM target WHERE id = NEW.target_id))
      BEGIN SELECT RAISE(ABORT, 'CRYOLOG_LOCKED: the session is signed; change it through an amendment'); END;
      CREATE TRIGGER freeze_cycle_locked_update BEFORE UPDATE ON freeze_cycle
      WHEN (SELECT signed_at IS NOT NULL AND amending = 0 FROM session WHERE id = (SELECT session_id FROM target WHERE id = OLD.target_id))
      BEGIN SELECT RAISE(ABORT, 'CRYOLOG_LOCKED: the session is signed; change it through an amendment'); END;
      CREATE TRIGGER freeze_cycle_locked_delete BEFORE DELETE ON freeze_cycle
      WHEN (SELECT signed_at IS NOT NULL AND amending = 0 FROM session WHERE id = (SELECT session_id FROM target WHERE id = OLD.target_id))
      BEGIN SELECT RAISE(ABORT, 'CRYOLOG_LOCKED: the session is signed; change it through an amendment'); END;
    `);
  },
};
