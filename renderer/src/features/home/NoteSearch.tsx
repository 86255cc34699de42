// Search the clinical notes (searchNotes): a box of its own beside the patient search, because
// the two answer different questions. The patient search takes identifiers (an NHS number, the
// start of a name) and must stay exact; this one takes words someone wrote ("piano", "burning
// pain") and answers sessions with the sentence that matched, newest first.
import { useRef, useState } from 'react';
import { SearchBox } from '../../components/SearchBox';
import type { NoteSearchHit } from '../../../../shared/ipc/contract';
import { formatNhsNumber } from '../../../../shared/domain/nhsNumber';
import { formatDateTime } from '../../../../shared/domain/parse';
import { getApi } from '../../lib/api';
import { patientName } from '../../lib/patientName';

const LIMIT = 50;

type State = { query: string; hits: NoteSearchHit[] } | { query: string; error: string } | null;

export function NoteSearch() {
  const [state, setState] = useState<State>(null);
  const seq = useRef(0);

  async function search(value: string) {
    const query = value.trim();
    const mine = ++seq.current;
    if (!query) return setState(null);
    const r = await getApi()?.searchNotes({ text: query.slice(0, 200), limit: LIMIT });
    if (mine !== seq.current || !r) return; // a newer search is on its way
    setState(r.ok ? { query, hits: r.data } : { query, error: r.error.message });
  }

  return (
    <section aria-labelledby="notes-heading" className="panel note-search">
      <h2 id="notes-heading">Search the notes</h2>
      <SearchBox
        id="note-search"
        label="Words in the notes"
        hint="Notes, plans, complications and amendment reasons. Every word must be there; the last may be the start of a word."
        maxLength={200}
        clearLabel="Clear"
        onSearch={(value) => void search(value)}
      />
      {state === null ? null : 'error' in state ? (
        <p className="note-search-error" role="alert">
          The notes could not be searched: {state.error}
        </p>
      ) : state.hits.length === 0 ? (
        <p className="empty" role="status">
          No notes contain “{state.query}”. Check the spelling, or try fewer words.
        </p>
      ) : (
        <>
          <p className="muted" role="status">
            {state.hits.length === LIMIT ? `The ${LIMIT} newest sessions whose notes contain “${state.query}”` : `${state.hits.length} session${state.hits.length === 1 ? '' : 's'} whose notes contain “${state.query}”, newest first`}
          </p>
          <ul className="note-hits" aria-label="Sessions found in the notes">
            {state.hits.map((h) => (
              <li key={h.id}>
                <a href={`#/session/${h.id}`} className="note-hit">
                  <span className="note-hit-head">
                    <strong>{formatDateTime(h.startedAt)}</strong> · {patientName(h.familyName, h.givenName)} · NHS {formatNhsNumber(h.nhsNumber) || 'not recorded'}
                  </span>
                  <span className="note-hit-snippet">
                    {h.snippet.map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
