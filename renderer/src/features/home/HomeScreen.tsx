import { useEffect, useRef, useState } from 'react';
import { useApp } from '../../state/context';
import { navigate } from '../../lib/navigate';
import { formatNhsNumber } from '../../../../shared/domain/nhsNumber';
import { formatDate } from '../../../../shared/domain/parse';
import { SessionList } from './SessionList';
import { patientName } from '../../lib/patientName';
import { NoteSearch } from './NoteSearch';

const SEARCH_AFTER_MS = 250;

export function HomeScreen() {
  const sessions = useApp((s) => s.sessions);
  const complete = useApp((s) => s.sessionsComplete);
  const loadMore = useApp((s) => s.loadMoreSessions);
  const patients = useApp((s) => s.patients);
  const createPatient = useApp((s) => s.createPatient);
  const query = useApp((s) => s.sessionQuery);
  const searchSessions = useApp((s) => s.searchSessions);
  // What is typed shows at once; the search runs after a short pause in typing.
  const [text, setText] = useState(query);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const searchBox = useRef<HTMLInputElement>(null);
  useEffect(() => () => clearTimeout(timer.current), []);
  const searching = query.trim() !== '';

  function onType(value: string) {
    setText(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void searchSessions(value), SEARCH_AFTER_MS);
  }

  function clearSearch() {
    clearTimeout(timer.current);
    setText('');
    void searchSessions('');
    searchBox.current?.focus();
  }

  async function onNewPatient() {
    const id = await createPatient();
    if (id) navigate({ name: 'patient', id });
  }

  return (
    <main className="screen home">
      <section aria-labelledby="sessions-heading" className="panel">
        <h1 id="sessions-heading">{searching ? 'Sessions found' : 'Recent sessions'}</h1>
        <div className="search-line" role="search">
          <div className="field search-field">
            <label htmlFor="session-search">Find a patient’s sessions</label>
            <span className="field-hint" id="session-search-hint">
              NHS number (10 digits) or the start of a family or given name
            </span>
            <input
              id="session-search"
              ref={searchBox}
              type="search"
              value={text}
              maxLength={100}
              autoComplete="off"
              spellCheck={false}
              aria-describedby="session-search-hint"
              onChange={(e) => onType(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape' && text) {
                  e.preventDefault();
                  clearSearch();
                } else if (e.key === 'Enter') {
                  clearTimeout(timer.current);
                  void searchSessions(text);
                }
              }}
            />
          </div>
          {text ? (
            <button type="button" className="button subtle" onClick={clearSearch}>
              Clear search
            </button>
          ) : null}
        </div>
        {sessions === null ? (
          <p className="muted">Loading…</p>
        ) : sessions.length === 0 && searching ? (
          <p className="empty" role="status">
            No session matches “{query.trim()}”. Check the spelling or the NHS number, or press “Clear search” (or Esc) to see the recent sessions again.
          </p>
        ) : sessions.length === 0 ? (
          <p className="empty">No sessions yet. Choose a patient (or add a new one) and press “Start session”.</p>
        ) : (
          <SessionList
            key={searching ? `found:${query}` : 'all'}
            label={searching ? 'Sessions found' : 'Recent sessions'}
            sessions={sessions}
            complete={complete}
            onNearEnd={loadMore}
          />
        )}
      </section>

      <NoteSearch />

      <section aria-labelledby="patients-heading" className="panel">
        <div className="panel-head">
          <h2 id="patients-heading">Patients</h2>
          <button type="button" className="button primary" onClick={() => void onNewPatient()}>
            New patient
          </button>
        </div>
        {patients === null ? (
          <p className="muted">Loading…</p>
        ) : patients.length === 0 ? (
          <p className="empty">No patients yet. Press “New patient” to add the first one.</p>
        ) : (
          <ul className="patient-list" aria-label="Patients">
            {patients.map((p) => (
              <li key={p.id}>
                <a href={`#/patient/${p.id}`} className="patient-link">
                  <span className="patient-name">{patientName(p.familyName, p.givenName)}</span>
                  <span className="muted">
                    {p.dateOfBirth ? `Born ${formatDate(p.dateOfBirth)}` : 'Date of birth not recorded'} · NHS {formatNhsNumber(p.nhsNumber) || 'not recorded'}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
