import { useApp } from '../../state/context';
import { navigate } from '../../lib/navigate';
import { patientName } from '../../lib/patientName';
import { AutosaveField } from '../../components/AutosaveField';
import { formatNhsNumber, nhsNumberProblem, normaliseNhsNumber } from '../../../../shared/domain/nhsNumber';
import { formatDate, formatDateTime, parseUkDate, type Parsed } from '../../../../shared/domain/parse';
import type { PatientFieldValues } from '../../../../shared/domain/model';

const parseName = (text: string): Parsed<string> =>
  text.trim().length > 100 ? { ok: false, message: 'Names are at most 100 characters.' } : { ok: true, value: text.trim() };

function parseNhs(text: string): Parsed<string> {
  const digits = normaliseNhsNumber(text);
  if (/\D/.test(digits)) return { ok: false, message: 'An NHS number has digits only, for example 999 007 9196.' };
  if (digits.length > 10) return { ok: false, message: `An NHS number has 10 digits; this has ${digits.length}.` };
  return { ok: true, value: digits };
}

/** Shows an ISO date the way it was typed here: day/month/year. */
function formatUkDate(iso: string | null): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

export function PatientScreen({ id }: { id: string }) {
  const view = useApp((s) => (s.patientView?.patient.id === id ? s.patientView : null));
  const loadError = useApp((s) => s.loadError);
  const saveFields = useApp((s) => s.saveFields);
  const startSession = useApp((s) => s.startSession);
  const isNew = view !== null && !view.patient.familyName && !view.patient.givenName;

  if (loadError) return <ErrorPanel message={loadError.message} />;
  if (!view) return <main className="screen"><p className="muted">Loading…</p></main>;
  const p = view.patient;
  const save = (patch: Partial<PatientFieldValues>) => saveFields({ entity: 'patient', id: p.id, patch });

  async function onStart() {
    const sessionId = await startSession(p.id);
    if (sessionId) navigate({ name: 'session', id: sessionId });
  }

  return (
    <main className="screen patient">
      <section className="panel" aria-labelledby="patient-heading">
        <h1 id="patient-heading">{patientName(p.familyName, p.givenName)}</h1>
        <div className="form-grid">
          <AutosaveField label="Family name" value={p.familyName} format={(v) => v ?? ''} parse={parseName} save={(v) => save({ familyName: v })} autoFocus={isNew} />
          <AutosaveField label="Given name" value={p.givenName} format={(v) => v ?? ''} parse={parseName} save={(v) => save({ givenName: v })} />
          <AutosaveField
            label="Date of birth"
            hint="day/month/year, e.g. 12/03/1962"
            value={p.dateOfBirth}
            format={formatUkDate}
            parse={parseUkDate}
            save={(v) => save({ dateOfBirth: v })}
            size="short"
          />
          <AutosaveField
            label="NHS number"
            hint="10 digits, checked as you type"
            value={p.nhsNumber}
            format={(v) => formatNhsNumber(v)}
            parse={parseNhs}
            save={(v) => save({ nhsNumber: v })}
            problem={p.nhsNumber ? nhsNumberProblem(p.nhsNumber) : null}
            inputMode="numeric"
            size="short"
            testId="nhs-number"
          />
        </div>
        {p.dateOfBirth ? <p className="muted">Born {formatDate(p.dateOfBirth)}</p> : null}
        <div className="actions">
          <button type="button" className="button primary big" onClick={() => void onStart()}>
            Start session
          </button>
          <a href="#/" className="button subtle">
            Back to list
          </a>
        </div>
      </section>
      <section className="panel" aria-labelledby="patient-sessions-heading">
        <h2 id="patient-sessions-heading">Sessions for this patient</h2>
        {view.sessions.length === 0 ? (
          <p className="empty">No sessions yet.</p>
        ) : (
          <ul className="plain-list">
            {view.sessions.map((s) => (
              <li key={s.id}>
                <a href={`#/session/${s.id}`}>
                  {formatDateTime(s.startedAt)}: {s.targetCount} target{s.targetCount === 1 ? '' : 's'}, {s.cycleCount} cycle{s.cycleCount === 1 ? '' : 's'} ({s.status})
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}

export function ErrorPanel({ message }: { message: string }) {
  return (
    <main className="screen">
      <section className="panel" role="alert">
        <h1>Could not open this</h1>
        <p>{message}</p>
        <a href="#/" className="button primary">
          Back to the list
        </a>
      </section>
    </main>
  );
}
