import { useApp } from '../../state/context';
import { signatureLabel, targetWithCycles } from '../../../../shared/domain/history';
import { formatDateTime } from '../../../../shared/domain/parse';
import { SESSION_STATUS_LABELS } from '../../../../shared/domain/valueSets';

/** Statuses worth saying beside "Draft" or "Signed": the ones where not everything was done. */
const NOTABLE = new Set(['stopped', 'not-done', 'entered-in-error']);

/** Every session of the patient, newest first, with its targets; each opens the session. */
export function PatientSessions({ patientId, onStart }: { patientId: string; onStart(): void }) {
  const history = useApp((s) => (s.history?.patientId === patientId ? s.history : null));
  if (history?.error) return <p role="alert">The sessions could not be read: {history.error.message}</p>;
  if (!history?.sessions) return <p className="muted">Loading…</p>;
  if (history.sessions.length === 0) {
    return (
      <div className="empty-state">
        <p className="empty">No session yet.</p>
        <button type="button" className="button primary" onClick={onStart}>
          Start the first session
        </button>
      </div>
    );
  }
  return (
    <ul className="plain-list session-links" aria-label="Sessions, newest first">
      {history.sessions.map((s) => (
        <li key={s.sessionId}>
          <a href={`#/session/${s.sessionId}`} className="session-link patient-session">
            <span className="session-when">{formatDateTime(s.startedAt)}</span>
            <span className={`badge${s.signedAt ? ' badge-signed' : ' badge-draft'}`}>{signatureLabel(s)}</span>
            {NOTABLE.has(s.status) ? <span className="muted">{SESSION_STATUS_LABELS[s.status]}</span> : null}
            <span className="session-targets">
              {s.targets.length === 0 ? <span className="muted">No target recorded</span> : s.targets.map((t) => <span key={t.seq}>{targetWithCycles(t)}</span>)}
            </span>
          </a>
        </li>
      ))}
    </ul>
  );
}
