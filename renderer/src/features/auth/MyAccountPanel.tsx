import { useState } from 'react';
import { useApp } from '../../state/context';
import type { SecretKind } from '../../../../shared/ipc/authContract';

/** Everyone: change their own PIN or password (the current one is asked first). */
export function MyAccountPanel() {
  const api = useApp((s) => s.api);
  const user = useApp((s) => s.auth?.user ?? null);
  const acceptAuth = useApp((s) => s.acceptAuth);
  const [current, setCurrent] = useState('');
  const [kind, setKind] = useState<SecretKind>(user?.secretKind ?? 'pin');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  if (!user) return null;
  const word = (k: SecretKind) => (k === 'pin' ? 'PIN' : 'password');

  async function onSubmit() {
    if (next !== again) return setMessage(`The two new ${word(kind)}s are not the same.`);
    const r = await api.changeOwnSecret({ currentSecret: current, next: { secretKind: kind, secret: next } });
    setCurrent('');
    if (!r.ok) return setMessage(r.error.issues?.map((i) => i.message).join(' ') || r.error.message);
    await acceptAuth(r);
    setNext('');
    setAgain('');
    setMessage(`Saved. Use your new ${word(kind)} from now on.`);
  }

  return (
    <section className="panel" aria-labelledby="my-account-heading">
      <h2 id="my-account-heading">Your account</h2>
      <p>
        Signed in as <strong>{user.displayName}</strong> ({user.username}), {user.role === 'admin' ? 'administrator' : 'clinician'}.
      </p>
      <form
        className="account-grid"
        onSubmit={(e) => {
          e.preventDefault();
          void onSubmit();
        }}
      >
        <div className="field">
          <label htmlFor="own-current">Current {word(user.secretKind)}</label>
          <input id="own-current" type="password" value={current} onChange={(e) => setCurrent(e.target.value)} autoComplete="current-password" />
        </div>
        <div className="field">
          <label htmlFor="own-kind">New one is a</label>
          <select id="own-kind" value={kind} onChange={(e) => setKind(e.target.value as SecretKind)}>
            <option value="pin">PIN</option>
            <option value="password">password</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="own-next">New {word(kind)}</label>
          <input id="own-next" type="password" value={next} onChange={(e) => setNext(e.target.value)} autoComplete="new-password" />
        </div>
        <div className="field">
          <label htmlFor="own-again">New {word(kind)} again</label>
          <input id="own-again" type="password" value={again} onChange={(e) => setAgain(e.target.value)} autoComplete="new-password" />
        </div>
        <button type="submit" className="button primary">
          Change my {word(kind)}
        </button>
      </form>
      <p className={message?.startsWith('Saved') ? 'saved-message' : 'signoff-message'} role="alert">
        {message}
      </p>
    </section>
  );
}
