import type { Migration } from '../types';

// Issue 7: full-text search over what clinicians write in a session (repos/noteSearch.ts).
//
// What is indexed, one FTS row per session with any text, in four columns:
// - notes: the session notes, functional observation, status reason, analgesia details, why the
//   site was not marked, the analgesia / therapy / repeat-treatment plans and the goals (GAS
//   goal text): the narrative a clinician looks for ("the one who mentioned the piano");
// - complications: each complication's details and action details (the day-7 phone call);
// - procedure: each target's intended outcome, each freeze cycle's abort details, each
//   diagnostic block's notes;
// - amendments: the open amendment's reason, every signed version's reason and the
//   entered-in-error reason.
// Not indexed: names of people (consent taker, sign-in/out, team, stop moment: staff names
// would flood a word search, and the patient search finds patients), identifiers (lots,
// serials, GTINs, incident refs, ODS code: exact codes, not words), short labels (location,
// positions, angle conventions, consented-site details) and patient-level text (allergy and
// device details belong to the patient, not a session).
//
// Why a table of its own content (not external-content, not contentless): the text comes from
// seven tables, so there is no single row for an external-content table to read back, and a
// contentless table cannot give snippet(). The copy costs the notes' size again (measured:
// fts_index_mb in the bench).
//
// Why the FTS rowid is the session's start time (unixepoch × 4096 + a slot for sessions that
// start in the same second): FTS5 walks a match in rowid order, so "newest first, the first 50"
// is ORDER BY rowid DESC LIMIT 50 and stops there, never sorting every session a common word
// matches. The session id cannot be the rowid (it is text) and the session's implicit rowid is
// not stable across VACUUM, so note_search_key keeps session id → FTS rowid.
//
// unicode61 remove_diacritics 2: case and accents ignored ("Muller" finds "Müller"); prefix
// indexes of 1-3 characters so the last word, matched as a prefix while typing, reads one
// prefix doclist rather than merging every term that starts with it.
//
// Triggers keep it in step inside the same statement (so the same transaction) as each edit.
// They write only to note_search and note_search_key, never to a locked table, so the
// signed-session locks of migrations 3 and 4 are untouched: a refused edit is refused before
// (BEFORE triggers) and nothing here runs.

/** Session columns in the notes column, in order. */
const SESSION_NOTE_COLUMNS = [
  'notes',
  'functional_observation',
  'status_reason',
  'pre_analgesia_note',
  'site_marked_reason',
  'analgesia_plan',
  'therapy_plan',
  'repeat_treatment_note',
] as const;

/** The FTS rowid for a session starting at `startedAt` (an SQL expression), in a free slot. */
function newKeySql(startedAt: string): string {
  const base = `(coalesce(unixepoch(${startedAt}), 0) * 4096)`;
  return `coalesce((SELECT search_rowid + 1 FROM note_search_key WHERE search_rowid >= ${base} AND search_rowid < ${base} + 4096 ORDER BY search_rowid DESC LIMIT 1), ${base})`;
}

/** The four columns of a session's document, for the session row aliased `s`. */
export const DOCUMENT_SQL = `
  SELECT s.id AS session_id,
    nullif(concat_ws(char(10), ${SESSION_NOTE_COLUMNS.map((c) => `s.${c}`).join(', ')},
      (SELECT group_concat(g.goal_text, char(10)) FROM goal g WHERE g.session_id = s.id)), '') AS notes,
    (SELECT nullif(group_concat(concat_ws(char(10), c.note, c.action_note), char(10)), '') FROM complication c WHERE c.session_id = s.id) AS complications,
    nullif(concat_ws(char(10),
      (SELECT group_concat(t.intended_outcome, char(10)) FROM target t WHERE t.session_id = s.id),
      (SELECT group_concat(fc.abort_note, char(10)) FROM target t JOIN freeze_cycle fc ON fc.target_id = t.id WHERE t.session_id = s.id),
      (SELECT group_concat(b.notes, char(10)) FROM diagnostic_block b WHERE b.session_id = s.id)), '') AS procedure,
    nullif(concat_ws(char(10), s.amendment_reason,
      (SELECT group_concat(v.reason, char(10)) FROM session_version v WHERE v.session_id = s.id),
      (SELECT e.reason FROM entered_in_error e WHERE e.session_id = s.id)), '') AS amendments
  FROM session s`;

/** Rewrites the FTS row of the session `sessionId` (an SQL expression) from its tables. */
function refreshSql(sessionId: string): string {
  return `
    DELETE FROM note_search WHERE rowid = (SELECT search_rowid FROM note_search_key WHERE session_id = ${sessionId});
    INSERT INTO note_search (rowid, session_id, notes, complications, procedure, amendments)
      SELECT k.search_rowid, d.session_id, d.notes, d.complications, d.procedure, d.amendments
      FROM (${DOCUMENT_SQL} WHERE s.id = ${sessionId}) d JOIN note_search_key k ON k.session_id = d.session_id
      WHERE coalesce(d.notes, d.complications, d.procedure, d.amendments) IS NOT NULL;`;
}

/** Child tables and their indexed text columns; `sessionOf` gives the session id from NEW/OLD. */
const CHILDREN: { table: string; columns: string[]; sessionOf: (row: 'NEW' | 'OLD') => string }[] = [
  { table: 'complication', columns: ['note', 'action_note'], sessionOf: (r) => `${r}.session_id` },
  { table: 'goal', columns: ['goal_text'], sessionOf: (r) => `${r}.session_id` },
  { table: 'target', columns: ['intended_outcome'], sessionOf: (r) => `${r}.session_id` },
  { table: 'diagnostic_block', columns: ['notes'], sessionOf: (r) => `${r}.session_id` },
  { table: 'freeze_cycle', columns: ['abort_note'], sessionOf: (r) => `(SELECT session_id FROM target WHERE id = ${r}.target_id)` },
];

function childTriggers({ table, columns, sessionOf }: (typeof CHILDREN)[number]): string {
  const any = (r: 'NEW' | 'OLD') => columns.map((c) => `${r}.${c} IS NOT NULL`).join(' OR ');
  return `
    CREATE TRIGGER ${table}_note_search_insert AFTER INSERT ON ${table} WHEN ${any('NEW')}
    BEGIN ${refreshSql(sessionOf('NEW'))} END;
    CREATE TRIGGER ${table}_note_search_update AFTER UPDATE OF ${columns.join(', ')} ON ${table}
    BEGIN ${refreshSql(sessionOf('NEW'))} END;
    CREATE TRIGGER ${table}_note_search_delete AFTER DELETE ON ${table} WHEN ${any('OLD')}
    BEGIN ${refreshSql(sessionOf('OLD'))} END;`;
}

export const NOTE_SEARCH_SCHEMA_SQL = `
  CREATE VIRTUAL TABLE note_search USING fts5 (
    session_id UNINDEXED, notes, complications, procedure, amendments,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'
  );
  CREATE TABLE note_search_key (
    search_rowid INTEGER PRIMARY KEY,
    session_id TEXT NOT NULL UNIQUE
  ) STRICT;

  CREATE TRIGGER session_note_search_insert AFTER INSERT ON session
  BEGIN
    INSERT INTO note_search_key (search_rowid, session_id) VALUES (${newKeySql('NEW.started_at')}, NEW.id);
    ${refreshSql('NEW.id')}
  END;
  -- A new start time moves the session to its place in the order: a new key, the row rewritten.
  CREATE TRIGGER session_note_search_moved AFTER UPDATE OF started_at ON session
  WHEN NEW.started_at IS NOT OLD.started_at
  BEGIN
    DELETE FROM note_search WHERE rowid = (SELECT search_rowid FROM note_search_key WHERE session_id = OLD.id);
    DELETE FROM note_search_key WHERE session_id = OLD.id;
    INSERT INTO note_search_key (search_rowid, session_id) VALUES (${newKeySql('NEW.started_at')}, NEW.id);
    ${refreshSql('NEW.id')}
  END;
  CREATE TRIGGER session_note_search_update AFTER UPDATE OF ${[...SESSION_NOTE_COLUMNS, 'amendment_reason'].join(', ')} ON session
  BEGIN ${refreshSql('NEW.id')} END;
  CREATE TRIGGER session_note_search_delete AFTER DELETE ON session
  BEGIN
    DELETE FROM note_search WHERE rowid = (SELECT search_rowid FROM note_search_key WHERE session_id = OLD.id);
    DELETE FROM note_search_key WHERE session_id = OLD.id;
  END;
  -- Signed versions and the entered-in-error mark are never changed or deleted (migrations 3, 4).
  CREATE TRIGGER session_version_note_search_insert AFTER INSERT ON session_version WHEN NEW.reason IS NOT NULL
  BEGIN ${refreshSql('NEW.session_id')} END;
  CREATE TRIGGER entered_in_error_note_search_insert AFTER INSERT ON entered_in_error
  BEGIN ${refreshSql('NEW.session_id')} END;
  ${CHILDREN.map(childTriggers).join('\n')}
`;

export const migration0008: Migration = {
  version: 8,
  name: 'note-search',
  up(db) {
    db.exec(NOTE_SEARCH_SCHEMA_SQL);
    // Existing sessions in one pass each: keys numbered within each second by a window (an
    // INSERT … SELECT cannot see its own rows, so newKeySql would give equal keys), then every
    // document built by the same SQL the triggers use.
    db.exec(`
      INSERT INTO note_search_key (search_rowid, session_id)
        SELECT coalesce(unixepoch(started_at), 0) * 4096 + row_number() OVER (PARTITION BY coalesce(unixepoch(started_at), 0) ORDER BY id) - 1, id
        FROM session;
      INSERT INTO note_search (rowid, session_id, notes, complications, procedure, amendments)
        SELECT k.search_rowid, d.session_id, d.notes, d.complications, d.procedure, d.amendments
        FROM (${DOCUMENT_SQL}) d JOIN note_search_key k ON k.session_id = d.session_id
        WHERE coalesce(d.notes, d.complications, d.procedure, d.amendments) IS NOT NULL;
      INSERT INTO note_search (note_search) VALUES ('optimize');
    `);
  },
};
