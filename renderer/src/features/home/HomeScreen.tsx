import { useApp } from '../../state/context';
import { navigate } from '../../lib/navigate';
import { formatNhsNumber } from '../../../../shared/domain/nhsNumber';
import { formatDate, formatDateTime } from '../../../../shared/domain/parse';
import { patientName } from '../../lib/patientName';

export function HomeScreen() {
  const sessions = useApp((s) => s.sessions);
  const patients = useApp((s) => s.patients);
  const createPatient = useApp((s) => s.createPatient);

  async function onNewPatient() {
    const id = await createPatient();
    if (id) navigate({ name: 'patient', id });
  }

  return (
    <main className="screen home">
      <section aria-labelledby="sessions-heading" className="panel">
        <h1 id="sessions-heading">Recent sessions</h1>
        {sessions === null ? (
          <p className="muted">Loading…</p>
        ) : sessions.length === 0 ? (
          <p className="empty">No sessions yet. Choose a patient (or add a new one) and press “Start session”.</p>
        ) : (
          <table className="list" aria-label="Recent sessions">
            <thead>
              <tr>
                <th scope="col">Started</th>
                <th scope="col">Patient</th>
                <th scope="col">NHS number</th>
                <th scope="col">Targets</th>
                <th scope="col">Cycles</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((s) => (
                <tr key={s.id}>
                  <td className="nowrap">
                    <a href={`#/session/${s.id}`} className="row-link">
                      {formatDateTime(s.startedAt)}
                    </a>
                  </td>
                  <td>{patientName(s.familyName, s.givenName)}</td>
                  <td className="nowrap">{formatNhsNumber(s.nhsNumber) || '—'}</td>
                  <td className="num">{s.targetCount}</td>
                  <td className="num">{s.cycleCount}</td>
                  <td>
                    <span className="badge">{s.status}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

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
