import { useMemo, useState } from 'react';
import { useApp } from '../../state/context';
import { patientName } from '../../lib/patientName';
import { ErrorPanel } from '../patient/PatientScreen';
import { TargetCard } from './TargetCard';
import { FindingsPanel } from './FindingsPanel';
import { SummaryPanel } from './SummaryPanel';
import { validateSession } from '../../../../shared/domain/rules';
import { formatNhsNumber } from '../../../../shared/domain/nhsNumber';
import { formatDate, formatDateTime } from '../../../../shared/domain/parse';

export function SessionScreen({ id }: { id: string }) {
  const doc = useApp((s) => (s.sessionDoc?.session.id === id ? s.sessionDoc : null));
  const loadError = useApp((s) => s.loadError);
  const addRow = useApp((s) => s.addRow);
  const [focusId, setFocusId] = useState<string | null>(null);
  // The rules run here as the clinician types (they are pure and shared with the exports).
  const report = useMemo(() => (doc ? validateSession(doc) : null), [doc]);

  if (loadError) return <ErrorPanel message={loadError.message} />;
  if (!doc || !report) return <main className="screen"><p className="muted">Loading…</p></main>;
  const p = doc.patient;
  const findings = [...report.errors, ...report.warnings];

  async function onAddTarget() {
    const targetId = await addRow('target', doc!.session.id);
    if (targetId) setFocusId(targetId);
  }

  return (
    <main className="screen session">
      <div className="patient-banner" aria-label="Patient">
        <a href={`#/patient/${p.id}`} className="banner-name">
          {patientName(p.familyName, p.givenName)}
        </a>
        <span>Born {p.dateOfBirth ? formatDate(p.dateOfBirth) : 'not recorded'}</span>
        <span>NHS {formatNhsNumber(p.nhsNumber) || 'not recorded'}</span>
        <span className="muted">Session started {formatDateTime(doc.session.startedAt)}</span>
      </div>
      <div className="session-columns">
        <section className="panel targets" aria-labelledby="targets-heading">
          <h1 id="targets-heading">Targets and freeze cycles</h1>
          {doc.targets.length === 0 ? <p className="empty">No target yet. Press “Add target” before the first needle.</p> : null}
          {doc.targets.map((t) => (
            <TargetCard key={t.id} target={t} findings={findings} focusId={focusId} onAddedCycle={setFocusId} />
          ))}
          <button type="button" className="button primary big" onClick={() => void onAddTarget()}>
            Add target
          </button>
        </section>
        <aside className="side-column">
          <FindingsPanel report={report} />
          <SummaryPanel />
        </aside>
      </div>
    </main>
  );
}
