import { useApp } from '../../state/context';
import { navigate } from '../../lib/navigate';
import { formatNhsNumber } from '../../../../shared/domain/nhsNumber';
import { formatDate } from '../../../../shared/domain/parse';
import { SessionList } from './SessionList';
import { patientName } from '../../lib/patientName';
import { NoteSearch } from './NoteSearch';
import { SearchBox } from '../../components/SearchBox';

export function HomeScreen() {
  const sessions = useApp((s) => s.sessions);
  const complete = useApp((s) => s.sessionsComplete);
  const loadMore = useApp((s) => s.loadMoreSessions);
  const patients = useApp((s) => s.patients);
  const createPatient = useApp((s) => s.createPatient);
  const query = useApp((s) => s.sessionQuery);
  const searchSessions = useApp((s) => s.searchSessions);
  const searching = query.trim() !== '';

  async function onNewPatient() {
    const id = await createPatient();
    if (id) navigate({ name: 'patient', id });
  }

  return (
    <main className="screen home">
      <section aria-labelledby="sessions-heading" className="panel">
        <h1 id="sessions-heading">{searching ? 'Sessions found' : 'Recent sessions'}</h1>
        <SearchBox
          id="session-search"
          label="Find a patient’s sessions"
          hint="NHS number (10 digits) or the start of a family or given name"
          maxLength={100}
          initial={query}
          clearLabel="Clear search"
          onSearch={(value) => void searchSessions(value)}
        />
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
