import { useState } from 'react';
import { useApp } from '../../state/context';
import { formatDateTime } from '../../../../shared/domain/parse';
import { REGISTRATION_BODIES, REGISTRATION_BODY_LABELS } from '../../../../shared/domain/valueSets';
import type { Signer } from '../../../../shared/ipc/contract';
import type { ValidationReport } from '../../../../shared/domain/rules';
import { EnteredInErrorControl } from './EnteredInError';

/**
 * Sign-off that locks: the signing clinician signs once nothing blocks it (the main process
 * checks again); afterwards a change needs an amendment with a reason, and each signature
 * makes a new version that stays readable.
 */
export function SignoffPanel({ report }: { report: ValidationReport }) {
  const signoff = useApp((s) => s.signoff);
  const signSession = useApp((s) => s.signSession);
  const beginAmendment = useApp((s) => s.beginAmendment);
  const [signer, setSigner] = useState<Signer>({ name: '', role: '', registrationBody: 'gmc', registrationNumber: '' });
  const [reason, setReason] = useState('');
  const [amendBy, setAmendBy] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  if (!signoff) return null;
  const locked = signoff.signedAt !== null && !signoff.amending;
  const eie = signoff.enteredInError;

  async function onSign() {
    const r = await signSession(signer);
    setMessage(r.ok ? null : r.error.message);
  }
  async function onAmend() {
    const r = await beginAmendment(reason, amendBy);
    setMessage(r.ok ? null : r.error.message);
    if (r.ok) setReason('');
  }

  return (
    <section className="panel signoff" aria-labelledby="signoff-heading">
      <h2 id="signoff-heading">Sign-off</h2>
      {signoff.versions.length > 0 ? (
        <ol className="versions" aria-label="Signed versions">
          {signoff.versions.map((v) => (
            <li key={v.version}>
              <strong>Version {v.version}</strong>: signed by {v.signer.name} ({v.signer.role}, {REGISTRATION_BODY_LABELS[v.signer.registrationBody]} {v.signer.registrationNumber}), {formatDateTime(v.signedAt)}
              {v.reason ? <span className="addendum"> Addendum: {v.reason}</span> : null}
              <VersionText version={v.version} />
            </li>
          ))}
        </ol>
      ) : null}
      {eie ? (
        <p className="locked-note eie-note">Entered in error: kept as it is; no signing or amendment.</p>
      ) : locked ? (
        <>
          <p className="locked-note">Signed and locked. To change anything, open an amendment and give the reason; the signed version stays as it is.</p>
          <div className="field field-long">
            <label htmlFor="amend-reason">Reason for the amendment</label>
            <textarea id="amend-reason" value={reason} onChange={(e) => setReason(e.target.value)} rows={2} />
          </div>
          <div className="field field-medium">
            <label htmlFor="amend-by">Your name</label>
            <input id="amend-by" value={amendBy} onChange={(e) => setAmendBy(e.target.value)} autoComplete="off" />
          </div>
          <button type="button" className="button" onClick={() => void onAmend()}>
            Open an amendment
          </button>
        </>
      ) : (
        <>
          {signoff.amending ? <p className="amending-note">Amendment open: {signoff.amendmentReason}. Make the change, then sign again.</p> : null}
          <div className="signer-grid">
            <div className="field">
              <label htmlFor="signer-name">Signing clinician</label>
              <input id="signer-name" value={signer.name} onChange={(e) => setSigner({ ...signer, name: e.target.value })} autoComplete="off" />
            </div>
            <div className="field">
              <label htmlFor="signer-role">Role</label>
              <input id="signer-role" value={signer.role} onChange={(e) => setSigner({ ...signer, role: e.target.value })} autoComplete="off" />
            </div>
            <div className="field">
              <label htmlFor="signer-body">Registration body</label>
              <select id="signer-body" value={signer.registrationBody} onChange={(e) => setSigner({ ...signer, registrationBody: e.target.value as Signer['registrationBody'] })}>
                {REGISTRATION_BODIES.map((b) => (
                  <option key={b} value={b}>
                    {REGISTRATION_BODY_LABELS[b]}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="signer-number">Registration number</label>
              <input id="signer-number" value={signer.registrationNumber} onChange={(e) => setSigner({ ...signer, registrationNumber: e.target.value })} autoComplete="off" />
            </div>
          </div>
          <p className="muted small">
            {report.readyToSign
              ? 'Nothing blocks signing.'
              : `Before signing: ${report.errors.length} problem(s) to fix and ${report.unacknowledgedWarnings} warning(s) to acknowledge.`}
          </p>
          <button type="button" className="button primary big" onClick={() => void onSign()} disabled={!report.readyToSign}>
            {signoff.amending ? 'Sign the amendment' : 'Sign and lock'}
          </button>
        </>
      )}
      <p className="signoff-message" role="alert">
        {message}
      </p>
      <EnteredInErrorControl />
    </section>
  );
}

/** A signed version stays readable and exportable: its text as signed, with a copy button. */
function VersionText({ version }: { version: number }) {
  const versionText = useApp((s) => s.versionText);
  const [text, setText] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  async function toggle() {
    if (text !== null) return setText(null);
    const r = await versionText(version);
    if (r.ok) setText(r.data);
    else setNote(r.error.message);
  }
  async function copy() {
    try {
      await navigator.clipboard.writeText(text ?? '');
      setNote('Copied.');
    } catch {
      setNote('Could not copy: select the text and copy it by hand.');
    }
  }
  return (
    <div className="version-text">
      <button type="button" className="button subtle" aria-expanded={text !== null} onClick={() => void toggle()}>
        {text === null ? `Show version ${version}` : `Hide version ${version}`}
      </button>
      {text !== null ? (
        <>
          <pre aria-label={`Version ${version} as signed`} tabIndex={0}>
            {text}
          </pre>
          <button type="button" className="button" onClick={() => void copy()}>
            Copy version {version}
          </button>
        </>
      ) : null}
      {note ? <span className="small"> {note}</span> : null}
    </div>
  );
}
