import { useEffect, useRef, useState } from 'react';
import { useApp } from '../../state/context';

/**
 * The sign-in screen, and the lock screen when someone's work is waiting under it: the same
 * form, with the locked account's name filled in so a returning clinician types only their PIN.
 * Anyone else with an account can sign in instead (a shared treatment-room computer).
 */
export function SignInScreen() {
  const auth = useApp((s) => s.auth);
  const api = useApp((s) => s.api);
  const acceptAuth = useApp((s) => s.acceptAuth);
  const lockedBy = auth?.lockedBy ?? null;
  const [otherUser, setOtherUser] = useState(false);
  const [username, setUsername] = useState('');
  const [secret, setSecret] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const secretRef = useRef<HTMLInputElement>(null);
  const userRef = useRef<HTMLInputElement>(null);
  const returning = lockedBy !== null && !otherUser;

  useEffect(() => {
    (returning ? secretRef : userRef).current?.focus();
  }, [returning]);

  async function onSubmit() {
    const name = returning ? lockedBy.username : username.trim();
    if (!name) return setMessage('Type your user name.');
    if (!secret) return setMessage('Type your PIN or password.');
    setBusy(true);
    const r = await acceptAuth(await api.signIn({ username: name, secret }));
    setBusy(false);
    setSecret('');
    if (!r.ok) {
      setMessage(r.error.message);
      secretRef.current?.focus();
    }
  }

  async function onSignOutLocked() {
    await acceptAuth(await api.signOut({}));
  }

  const secretLabel = returning ? (lockedBy.secretKind === 'pin' ? 'PIN' : 'Password') : 'PIN or password';
  return (
    <main className="auth-screen">
      <form
        className="panel auth-panel"
        aria-labelledby="sign-in-heading"
        onSubmit={(e) => {
          e.preventDefault();
          void onSubmit();
        }}
      >
        <h1 id="sign-in-heading">{returning ? 'CryoLog is locked' : 'Sign in to CryoLog'}</h1>
        {returning ? (
          <p>
            Locked for <strong>{lockedBy.displayName}</strong>. Their work is kept as it was; type the {lockedBy.secretKind === 'pin' ? 'PIN' : 'password'} to go on.
          </p>
        ) : (
          <p className="muted">Records are shown only to someone signed in. Ask an administrator if you have no account.</p>
        )}
        {!returning ? (
          <div className="field">
            <label htmlFor="sign-in-user">User name</label>
            <input id="sign-in-user" ref={userRef} value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="username" autoCapitalize="none" spellCheck={false} />
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="sign-in-secret">{secretLabel}</label>
          <input
            id="sign-in-secret"
            ref={secretRef}
            type="password"
            inputMode={returning && lockedBy.secretKind === 'pin' ? 'numeric' : 'text'}
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
            autoComplete="current-password"
          />
        </div>
        <button type="submit" className="button primary big" disabled={busy}>
          {returning ? 'Unlock' : 'Sign in'}
        </button>
        <p className="signoff-message" role="alert">
          {message}
        </p>
        {lockedBy ? (
          <div className="button-row">
            <button
              type="button"
              className="button subtle"
              onClick={() => {
                setOtherUser(!otherUser);
                setMessage(null);
              }}
            >
              {otherUser ? `Back to ${lockedBy.displayName}` : 'Someone else: sign in as another user'}
            </button>
            <button type="button" className="button subtle" onClick={() => void onSignOutLocked()}>
              Sign {lockedBy.displayName} out
            </button>
          </div>
        ) : null}
      </form>
    </main>
  );
}
