import { useState } from 'react';
import { useApp } from '../../state/context';
import { formatDateTime } from '../../../../shared/domain/parse';
import { REGISTRATION_BODY_LABELS } from '../../../../shared/domain/valueSets';
import type { ValidationReport } from '../../../../shared/domain/rules';
import { EnteredInErrorControl } from './EnteredInError';

/**
 * Sign-off that locks: the signed-in clinician signs, typing their PIN again, once nothing
 * blocks it (the main process checks both again); afterwards a change needs an amendment with a reason, and each signature
 * makes a new version that stays readable.
 */
export function SignoffPanel({ report }: { report: ValidationReport }) {
  const signoff = useApp((s) => s.signoff);
  const user = useApp((s) => s.auth?.user ?? null);
  const signSession = useApp((s) => s.signSession);
  const beginAmendment = useApp((s) => s.beginAmendment);
  const [secret, setSecret] = useState('');
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  if (!signoff || !user) return null;
  const locked = signoff.signedAt !== null && !signoff.amending;
  const eie = signoff.enteredInError;
  const secretWord = user.secretKind === 'pin' ? 'PIN' : 'password';
  const registered = user.registrationBody !== null && user.registrationNumber !== null;

  async function onSign() {
    if (!secret) return setMessage(`Type your ${secretWord} to sign: a signature is asked for again, even when you are signed in.`);
    const r = await signSession(secret);
    setSecret('');
    setMessage(r.ok ? null : r.error.message);
  }
  async function onAmend() {
    const r = await beginAmendment(reason);
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
          <button type="button" className="button" onClick={() => void onAmend()}>
            Open an amendment as {user.displayName}
          </button>
        </>
      ) : (
        <form
          className="sign-form"
          onSubmit={(e) => {
            e.preventDefault();
            void onSign();
          }}
        >
          {signoff.amending ? <p className="amending-note">Amendment open: {signoff.amendmentReason}. Make the change, then sign again.</p> : null}
          <p className="signing-as" data-testid="signing-as">
            Signing as <strong>{user.displayName}</strong>, {user.jobTitle}
            {registered ? `, ${REGISTRATION_BODY_LABELS[user.registrationBody!]} ${user.registrationNumber}` : ''}
          </p>
          {!registered ? (
            <p className="signoff-message">Your account has no professional registration, so it cannot sign. Ask an administrator to add it (Settings → Accounts).</p>
          ) : null}
          <div className="field field-medium">
            <label htmlFor="sign-secret">Your {secretWord}, to sign</label>
            <input
              id="sign-secret"
              type="password"
              inputMode={user.secretKind === 'pin' ? 'numeric' : 'text'}
              autoComplete="off"
              value={secret}
              onChange={(e) => setSecret(e.target.value)}
              disabled={!report.readyToSign || !registered}
            />
          </div>
          <p className="muted small">
            {report.readyToSign
              ? 'Nothing blocks signing.'
              : `Before signing: ${report.errors.length} problem(s) to fix and ${report.unacknowledgedWarnings} warning(s) to acknowledge.`}
          </p>
          <button type="submit" className="button primary big" disabled={!report.readyToSign || !registered}>
            {signoff.amending ? 'Sign the amendment' : 'Sign and lock'}
          </button>
        </form>
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
