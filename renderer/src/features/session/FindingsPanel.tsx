import { useId } from 'react';
import { useApp } from '../../state/context';
import { localTimeOfStamp } from '../../lib/parsers';
import type { ShownFinding, FindingsIndex } from '../../lib/findings';
import { AckControl } from './AckControl';
import { goToFinding } from './goTo';
import { SECTIONS, sectionOf } from './sectionMap';

const order = (f: ShownFinding) => {
  if (f.entity === 'patient' || f.entity === 'allergy') return -1;
  const s = sectionOf(f.entity, f.field);
  return s ? SECTIONS.findIndex((x) => x.id === s) : SECTIONS.length;
};

/**
 * What still blocks sign-off (hard errors) and what needs acknowledging (warnings), in the
 * order of the screen. Each one takes you to its field; each warning has its acknowledgement.
 */
export function FindingsPanel({ index, sessionId, patientId }: { index: FindingsIndex; sessionId: string; patientId: string }) {
  // The signed-in clinician by default; changeable (an assistant acknowledging for the operator).
  const name = useApp((s) => s.ackNames[sessionId] ?? s.auth?.user?.displayName ?? '');
  const setAckName = useApp((s) => s.setAckName);
  const nameId = useId();
  const sorted = [...index.all].sort((a, b) => order(a) - order(b));
  const errors = sorted.filter((f) => f.severity === 'error');
  const open = sorted.filter((f) => f.severity === 'warning' && !f.isAcknowledged);
  const done = sorted.filter((f) => f.severity === 'warning' && f.isAcknowledged);
  const count = index.all.length;
  const focusName = () => document.getElementById(nameId)?.focus();

  return (
    <section className="panel findings" aria-labelledby="findings-heading">
      <h2 id="findings-heading">Checks before sign-off</h2>
      {count === 0 ? (
        <p className="all-clear">No problems found.</p>
      ) : (
        <p className={errors.length === 0 && open.length === 0 ? 'all-clear' : 'findings-count'} data-testid="findings-count">
          {errors.length === 0 && open.length === 0
            ? `No errors, and every warning is acknowledged (${done.length}).`
            : `${errors.length} to fix · ${open.length} warning${open.length === 1 ? '' : 's'} to acknowledge${done.length ? ` · ${done.length} acknowledged` : ''}`}
        </p>
      )}
      {open.length > 0 || name ? (
        <div className="field ack-name">
          <label htmlFor={nameId}>Acknowledged by</label>
          <span className="field-hint">you, unless someone else is acknowledging</span>
          <input id={nameId} value={name} maxLength={120} autoComplete="off" onChange={(e) => setAckName(sessionId, e.target.value)} />
        </div>
      ) : null}
      {count > 0 ? (
        <ul className="finding-list">
          {errors.map((f, i) => (
            <li key={`e${i}`} className="finding error">
              <span className="finding-tag">Must fix</span> {f.message}
              <GoTo finding={f} patientId={patientId} />
            </li>
          ))}
          {open.map((f, i) => (
            <li key={`w${i}`} className="finding warning">
              <span className="finding-tag">{f.needsReason ? 'Check, give a reason' : 'Check'}</span> {f.message}
              <div className="finding-actions">
                <GoTo finding={f} patientId={patientId} />
                <AckControl finding={f} sessionId={sessionId} name={name} onNeedName={focusName} />
              </div>
            </li>
          ))}
          {done.map((f, i) => (
            <li key={`a${i}`} className="finding acknowledged">
              <span className="finding-tag">Acknowledged</span> {f.message}
              <span className="ack-by">
                {f.ack ? `by ${f.ack.acknowledgedBy} at ${localTimeOfStamp(f.ack.at)}${f.ack.reason ? `: “${f.ack.reason}”` : ''}` : ''}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="muted small">A draft saves with problems in it; they only block signing and export.</p>
    </section>
  );
}

function GoTo({ finding, patientId }: { finding: ShownFinding; patientId: string }) {
  const onPatient = finding.entity === 'patient' || finding.entity === 'allergy';
  return (
    <button type="button" className="link-button" onClick={() => goToFinding(finding, patientId)}>
      {onPatient ? 'Open the patient' : 'Go to the field'}
    </button>
  );
}
