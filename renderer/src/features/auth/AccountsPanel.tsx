import { useCallback, useEffect, useState } from 'react';
import { useApp } from '../../state/context';
import { REGISTRATION_BODY_LABELS } from '../../../../shared/domain/valueSets';
import { AUTO_LOCK_MINUTES_RANGE, PIN_RULE } from '../../../../shared/auth/policy';
import { formatDateTime } from '../../../../shared/domain/parse';
import type { Account, SecretKind } from '../../../../shared/ipc/authContract';
import { AccountForm } from './AccountForm';

/** Administrators: the accounts of the service (never deleted: deactivated), and the automatic lock. */
export function AccountsPanel() {
  const api = useApp((s) => s.api);
  const me = useApp((s) => s.auth?.user ?? null);
  const [accounts, setAccounts] = useState<Account[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const reload = useCallback(async () => {
    const r = await api.listAccounts({});
    if (r.ok) setAccounts(r.data);
    else setMessage(r.error.message);
  }, [api]);
  useEffect(() => {
    void api.listAccounts({}).then((r) => (r.ok ? setAccounts(r.data) : setMessage(r.error.message)));
  }, [api]);

  async function update(account: Account, change: Partial<Pick<Account, 'role' | 'active'>>) {
    const r = await api.updateAccount({
      id: account.id,
      displayName: account.displayName,
      jobTitle: account.jobTitle,
      registrationBody: account.registrationBody,
      registrationNumber: account.registrationNumber,
      role: change.role ?? account.role,
      active: change.active ?? account.active,
    });
    setMessage(r.ok ? `Saved: ${r.data.displayName} is now ${r.data.active ? (r.data.role === 'admin' ? 'an administrator' : 'a clinician') : 'deactivated'}.` : r.error.message);
    await reload();
  }

  return (
    <section className="panel" aria-labelledby="accounts-heading">
      <h2 id="accounts-heading">Accounts</h2>
      <p className="muted small">Everyone has their own account: the audit trail and every signature name it. Accounts are deactivated, never deleted.</p>
      {accounts === null ? (
        <p className="muted">Reading the accounts…</p>
      ) : (
        <table className="accounts-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">User name</th>
              <th scope="col">Registration</th>
              <th scope="col">Role</th>
              <th scope="col">State</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <tr key={a.id} className={a.active ? undefined : 'inactive'}>
                <td>
                  {a.displayName}
                  <div className="muted small">{a.jobTitle}</div>
                </td>
                <td>{a.username}</td>
                <td>{a.registrationBody ? `${REGISTRATION_BODY_LABELS[a.registrationBody]} ${a.registrationNumber}` : 'none'}</td>
                <td>{a.role === 'admin' ? 'Administrator' : 'Clinician'}</td>
                <td>
                  {a.active ? 'Active' : 'Deactivated'}
                  {a.heldUntil ? <div className="signoff-message small">Held after wrong tries until {formatDateTime(a.heldUntil)}</div> : null}
                </td>
                <td className="account-actions">
                  {a.active ? (
                    <button type="button" className="button subtle" onClick={() => void update(a, { role: a.role === 'admin' ? 'clinician' : 'admin' })}>
                      {a.role === 'admin' ? 'Make clinician' : 'Make administrator'}
                    </button>
                  ) : null}
                  <button type="button" className="button subtle" onClick={() => void update(a, { active: !a.active })} disabled={a.id === me?.id}>
                    {a.active ? 'Deactivate' : 'Reactivate'}
                  </button>
                  <ResetSecret account={a} onDone={(text) => void reload().then(() => setMessage(text))} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className={message?.startsWith('Saved') ? 'saved-message' : 'signoff-message'} role="alert">
        {message}
      </p>
      <details className="add-account">
        <summary className="button">Add an account…</summary>
        <AccountForm
          idPrefix="new-account"
          submitLabel="Add the account"
          onSubmit={async (account) => {
            const r = await api.createAccount(account);
            if (!r.ok) return r.error;
            await reload();
            setMessage(`Saved: ${r.data.displayName} can now sign in as “${r.data.username}”.`);
            return null;
          }}
        />
      </details>
      <AutoLockSetting />
    </section>
  );
}

/** A forgotten PIN: an administrator sets a new one (it also lifts a hold after wrong tries). */
function ResetSecret({ account, onDone }: { account: Account; onDone: (message: string) => void }) {
  const api = useApp((s) => s.api);
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<SecretKind>(account.secretKind);
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!open) {
    return (
      <button type="button" className="button subtle" onClick={() => setOpen(true)}>
        New PIN or password…
      </button>
    );
  }
  const id = `reset-${account.id}`;
  return (
    <form
      className="reset-secret"
      onSubmit={(e) => {
        e.preventDefault();
        void api.resetAccountSecret({ id: account.id, next: { secretKind: kind, secret } }).then((r) => {
          if (!r.ok) return setError(r.error.issues?.map((i) => i.message).join(' ') || r.error.message);
          setOpen(false);
          setSecret('');
          onDone(`Saved: ${account.displayName} has a new ${kind === 'pin' ? 'PIN' : 'password'}; tell them in person.`);
        });
      }}
    >
      <select aria-label={`Kind for ${account.displayName}`} value={kind} onChange={(e) => setKind(e.target.value as SecretKind)}>
        <option value="pin">PIN ({PIN_RULE.minDigits}+ digits)</option>
        <option value="password">Password</option>
      </select>
      <label htmlFor={id} className="visually-hidden">
        New {kind === 'pin' ? 'PIN' : 'password'} for {account.displayName}
      </label>
      <input id={id} type="password" value={secret} onChange={(e) => setSecret(e.target.value)} autoComplete="new-password" />
      <button type="submit" className="button">
        Set
      </button>
      <button type="button" className="button subtle" onClick={() => setOpen(false)}>
        Cancel
      </button>
      {error ? (
        <p className="signoff-message small" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}

function AutoLockSetting() {
  const api = useApp((s) => s.api);
  const auth = useApp((s) => s.auth);
  const acceptAuth = useApp((s) => s.acceptAuth);
  const [text, setText] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  if (!auth) return null;
  const value = text ?? String(auth.autoLockMinutes);
  return (
    <form
      className="auto-lock"
      onSubmit={(e) => {
        e.preventDefault();
        const minutes = Number(value);
        void api.saveAutoLockMinutes({ minutes }).then(async (r) => {
          if (!r.ok) return setMessage(r.error.issues?.[0]?.message ?? r.error.message);
          await acceptAuth(r);
          setText(null);
          setMessage('Saved.');
        });
      }}
    >
      <h3>Automatic lock</h3>
      <div className="field field-short">
        <label htmlFor="auto-lock-minutes">
          Lock after this many minutes without use ({AUTO_LOCK_MINUTES_RANGE.min}-{AUTO_LOCK_MINUTES_RANGE.max})
        </label>
        <input id="auto-lock-minutes" inputMode="numeric" value={value} onChange={(e) => setText(e.target.value)} />
      </div>
      <div className="button-row">
        <button type="submit" className="button primary" disabled={text === null}>
          Save the lock time
        </button>
        <span className="muted small">{auth.autoLockUpdatedBy ? `Last changed by ${auth.autoLockUpdatedBy}` : 'Default: 5 minutes.'}</span>
      </div>
      <p className={message === 'Saved.' ? 'saved-message' : 'signoff-message'} role="alert">
        {message}
      </p>
    </form>
  );
}
