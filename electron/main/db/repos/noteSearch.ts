import type { NoteSearchHit, SnippetPart } from '../../../../shared/ipc/contract';
import type { DB } from '../types';
import { stmt } from '../statements';
import { effectiveStatusSql, toListItem, type ListRow } from './sessions';

/** At most this many words are searched: a pasted paragraph is not a search. */
const MAX_WORDS = 8;
// Snippet marks: control characters, which no saved text can hold (fields.ts refuses them), so
// a mark in the snippet is always FTS5's own.
const MARK_START = '\u0002';
const MARK_END = '\u0003';

/**
 * What a clinician typed, as an FTS5 query in which nothing they type is syntax: every word is
 * a quoted string (inner quotes doubled), so AND, OR, NOT, NEAR, *, -, :, ^ and brackets are
 * text (or, having no letter or digit, dropped, as the tokenizer would drop them); all words
 * must match; the last is a prefix, so results follow the typing. Null when nothing is left.
 */
export function toFtsQuery(text: string): string | null {
  const words = text
    .normalize('NFC')
    .split(/\s+/u)
    .filter((w) => /[\p{L}\p{N}]/u.test(w))
    .slice(0, MAX_WORDS);
  if (words.length === 0) return null;
  return words.map((w, i) => `"${w.replaceAll('"', '""')}"${i === words.length - 1 ? ' *' : ''}`).join(' ');
}

// Newest first without sorting the matches: the FTS rowid is the session's start time
// (migration 8), so FTS5 walks the match newest first and stops after @limit rows; only
// those few are joined to their session and patient. Exported for the query-plan test.
export const NOTE_SEARCH_SQL = `
  WITH hit AS (
    SELECT rowid AS search_rowid, session_id, snippet(note_search, -1, char(2), char(3), '…', 12) AS snippet
    FROM note_search WHERE note_search MATCH @query ORDER BY rowid DESC LIMIT @limit
  )
  SELECT s.id, s.patient_id, ${effectiveStatusSql('s')} AS status, s.started_at, p.family_name, p.given_name, p.nhs_number,
         (SELECT count(*) FROM target t WHERE t.session_id = s.id) AS target_count,
         (SELECT count(*) FROM target t JOIN freeze_cycle c ON c.target_id = t.id WHERE t.session_id = s.id) AS cycle_count,
         hit.snippet
  FROM hit CROSS JOIN session s ON s.id = hit.session_id CROSS JOIN patient p ON p.id = s.patient_id
  ORDER BY hit.search_rowid DESC`;

/** The snippet as plain parts, matched or not: the screen marks them without parsing any HTML. */
export function snippetParts(snippet: string): SnippetPart[] {
  const MARKED = new RegExp(`(${MARK_START}[^${MARK_END}]*${MARK_END})`, 'u');
  return snippet
    .replace(/\s*\n\s*/g, ' · ')
    .split(MARKED)
    .filter((chunk) => chunk !== '')
    .map((chunk) => (chunk.startsWith(MARK_START) ? { text: chunk.slice(1, -1), match: true } : { text: chunk, match: false }));
}

/** Sessions whose notes hold every word typed (the last as a prefix), newest first. */
export function searchNotes(db: DB, text: string, limit: number): NoteSearchHit[] {
  const query = toFtsQuery(text);
  if (!query) return [];
  const rows = stmt(db, NOTE_SEARCH_SQL).all({ query, limit }) as (ListRow & { snippet: string | null })[];
  return rows.map((r) => ({ ...toListItem(r), snippet: snippetParts(r.snippet ?? '') }));
}
