import { useMemo } from 'react';
import { useApp } from '../../state/context';
import { nerveHistory, type EarlierTreatment } from '../../../../shared/domain/history';
import type { SessionDocument, TargetWithCycles } from '../../../../shared/domain/model';

/**
 * What was done to this target's nerve on the same side in the patient's earlier sessions:
 * a bold headline, then one line per earlier session. Read from the history loaded with the
 * session screen, so choosing a nerve or side costs no request.
 */
export function NerveHistory({ doc, target: t }: { doc: SessionDocument; target: TargetWithCycles }) {
  const history = useApp((s) => (s.history?.patientId === doc.patient.id ? s.history : null));
  const sessions = history?.sessions ?? null;
  const { id: sessionId, startedAt } = doc.session;
  const h = useMemo(
    () => (sessions ? nerveHistory(sessions, { sessionId, startedAt, nerve: t.nerve, branch: t.branch, side: t.side }) : null),
    [sessions, sessionId, startedAt, t.nerve, t.branch, t.side],
  );
  if (!t.nerve || !t.side) return null;
  return (
    <div className="nerve-history field-wide" role="group" aria-label={`Earlier treatments of this nerve, target ${t.seq}`}>
      {history?.error ? (
        <p className="muted">Earlier treatments could not be read: {history.error.message}</p>
      ) : !h ? (
        <p className="muted">Reading earlier treatments…</p>
      ) : (
        <>
          <p className="nerve-history-headline">{h.headline}</p>
          {h.earlier.length > 0 ? (
            <ul className="nerve-history-list">
              {h.earlier.map((e) => (
                <Earlier key={e.sessionId} e={e} />
              ))}
            </ul>
          ) : null}
        </>
      )}
    </div>
  );
}

/** One line; a session that treated several branches of the nerve gets a line per branch under its date. */
function Earlier({ e }: { e: EarlierTreatment }) {
  const when = (
    <>
      <span className="nerve-history-when">{e.when}</span>
      {e.draft ? <> <span className="badge badge-draft">draft</span></> : null}
    </>
  );
  if (e.targets.length === 1) {
    return (
      <li>
        {when} · {e.targets[0]} · {e.mas}
      </li>
    );
  }
  return (
    <li>
      {when} · {e.mas}
      {e.targets.map((t, i) => (
        <span key={i} className="nerve-history-target">
          {t}
        </span>
      ))}
    </li>
  );
}
