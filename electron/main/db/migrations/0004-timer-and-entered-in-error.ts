import type { Migration } from '../types';

// Bedside workflow (issue 4):
// - freeze_timer: the one running freeze-cycle timer of a session, so that a window closed (or
//   a crash) mid-cycle loses nothing that was timed: the cycle row already holds its start; this
//   row says which phase was running and when the timer was last seen alive. It is working
//   state, not the record, so it is not audited; the cycle's own fields are.
// - entered_in_error: a session marked entered-in-error is kept, never deleted. The mark is an
//   append-only fact beside the session row (the signed row itself stays exactly as signed),
//   and from then on the database refuses any change to the session and its rows.
// - audit_log.reason: the "why" of a change (the open amendment's reason, the freeze timer,
//   an entered-in-error mark), so the trail answers who, when, what, before, after and why.

/** Tables whose rows hang directly off a session (frozen here: a later table needs its own triggers). */
const SESSION_CHILD_TABLES = [
  'team_member',
  'consent_site',
  'goal',
  'diagnostic_block',
  'device',
  'target',
  'outcome',
  'complication',
  'follow_up',
  'acknowledgement',
] as const;

const LOCKED = `'CRYOLOG_LOCKED: the session is signed or entered in error; change it through an amendment'`;

/** True (in SQL) when the session with this id may not change: signed and not amending, or entered in error. */
const sessionLocked = (idExpr: string) =>
  `((SELECT signed_at IS NOT NULL AND amending = 0 FROM session WHERE id = ${idExpr}) OR EXISTS (SELECT 1 FROM entered_in_error WHERE session_id = ${idExpr}))`;

function lockTriggers(table: string, sessionOf: (row: 'NEW' | 'OLD') => string): string {
  return (['INSERT', 'UPDATE', 'DELETE'] as const)
    .map((op) => {
      const row = op === 'INSERT' ? 'NEW' : 'OLD';
      const name = `${table}_locked_${op.toLowerCase()}`;
      return `DROP TRIGGER IF EXISTS ${name};
      CREATE TRIGGER ${name} BEFORE ${op} ON ${table}
      WHEN ${sessionLocked(sessionOf(row))}
      BEGIN SELECT RAISE(ABORT, ${LOCKED}); END;`;
    })
    .join('\n');
}

export const migration0004: Migration = {
  version: 4,
  name: 'timer-and-entered-in-error',
  up(db) {
    db.exec(`
      ALTER TABLE audit_log ADD COLUMN reason TEXT;

      CREATE TABLE freeze_timer (
        session_id TEXT PRIMARY KEY NOT NULL REFERENCES session (id) ON DELETE CASCADE,
        target_id TEXT NOT NULL REFERENCES target (id) ON DELETE CASCADE,
        cycle_id TEXT NOT NULL REFERENCES freeze_cycle (id) ON DELETE CASCADE,
        phase TEXT NOT NULL CHECK (phase IN ('freezing', 'thawing')),
        phase_started_at TEXT NOT NULL,
        planned_s INTEGER CHECK (planned_s IS NULL OR planned_s > 0),
        last_seen_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE entered_in_error (
        session_id TEXT PRIMARY KEY NOT NULL REFERENCES session (id) ON DELETE RESTRICT,
        at TEXT NOT NULL,
        marked_by TEXT NOT NULL CHECK (length(trim(marked_by)) > 0),
        reason TEXT NOT NULL CHECK (length(trim(reason)) > 0)
      ) STRICT;
      CREATE TRIGGER entered_in_error_no_update BEFORE UPDATE ON entered_in_error
      BEGIN SELECT RAISE(ABORT, 'CRYOLOG_LOCKED: an entered-in-error mark cannot be changed'); END;
      CREATE TRIGGER entered_in_error_no_delete BEFORE DELETE ON entered_in_error
      BEGIN SELECT RAISE(ABORT, 'CRYOLOG_LOCKED: an entered-in-error mark cannot be removed'); END;

      DROP TRIGGER session_locked_update;
      CREATE TRIGGER session_locked_update BEFORE UPDATE ON session
      WHEN (OLD.signed_at IS NOT NULL AND OLD.amending = 0 AND NEW.amending = 0)
        OR EXISTS (SELECT 1 FROM entered_in_error WHERE session_id = OLD.id)
      BEGIN SELECT RAISE(ABORT, ${LOCKED}); END;
      DROP TRIGGER session_locked_delete;
      CREATE TRIGGER session_locked_delete BEFORE DELETE ON session
      WHEN OLD.signed_at IS NOT NULL OR EXISTS (SELECT 1 FROM entered_in_error WHERE session_id = OLD.id)
      BEGIN SELECT RAISE(ABORT, 'CRYOLOG_LOCKED: a signed or entered-in-error session is kept, never deleted'); END;

      ${SESSION_CHILD_TABLES.map((t) => lockTriggers(t, (row) => `${row}.session_id`)).join('\n')}
      ${lockTriggers('freeze_cycle', (row) => `(SELECT session_id FROM target WHERE id = ${row}.target_id)`)}
    `);
  },
};
