import { useState } from 'react';
import { useApp } from '../../state/context';
import type { AuditTrailCheck } from '../../../../shared/ipc/contract';
import { formatInstant } from '../../lib/localTime';

/**
 * The audit trail's tamper check, on demand: every entry's hash is recomputed and linked to the
 * one before (as `cryolog verify` does). A break names the first entry that no longer matches,
 * which is where someone edited the file outside CryoLog.
 */
export function AuditTrailPanel() {
  const api = useApp((s) => s.api);
  const [result, setResult] = useState<AuditTrailCheck | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);

  async function check() {
    setChecking(true);
    setError(null);
    const r = await api.verifyAuditTrail({});
    setChecking(false);
    if (r.ok) setResult(r.data);
    else setError(r.error.message);
  }

  return (
    <section className="panel" aria-labelledby="audit-trail-heading">
      <h2 id="audit-trail-heading">Audit trail</h2>
      <p className="muted">Every change is an audit entry chained to the one before by a hash. The check recomputes the whole chain: an entry changed, removed or added outside CryoLog breaks it.</p>
      <button type="button" className="button big" onClick={() => void check()} disabled={checking}>
        {checking ? 'Checking…' : 'Check the audit trail'}
      </button>
      <div role="status" aria-live="polite" className="audit-result">
        {error ? <p className="export-outcome error">{error}</p> : null}
        {result?.ok ? (
          <p className="saved-message">
            Intact: {result.entries} entries. Latest entry #{result.lastId ?? '–'}, hash <code>{result.lastHash?.slice(0, 16) ?? '–'}…</code>
          </p>
        ) : null}
        {result && !result.ok ? (
          <div className="audit-broken">
            <p>
              <strong>Broken at entry #{result.firstBrokenId}</strong>
              {result.at ? ` (${formatInstant(result.at)}${result.who ? `, ${result.who}` : ''}${result.what ? `, ${result.what}` : ''})` : ''}: {result.reason}
            </p>
            <p>Entries before it are intact. Do not delete anything: call IT, who can restore the database from a backup and investigate.</p>
          </div>
        ) : null}
      </div>
    </section>
  );
}
