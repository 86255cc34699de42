import { useState } from 'react';
import { REGISTRATION_BODIES, REGISTRATION_BODY_LABELS } from '../../../../shared/domain/valueSets';
import { PASSWORD_RULE, PIN_RULE } from '../../../../shared/auth/policy';
import type { AccountRole, NewAccount, SecretKind } from '../../../../shared/ipc/authContract';
import type { AppErrorData } from '../../../../shared/ipc/result';

type RegistrationBody = (typeof REGISTRATION_BODIES)[number];

/** The fields of a new account: who they are as a signature shows it, and their PIN or password. */
export function AccountForm(props: {
  idPrefix: string;
  /** Fixed role (first run: administrator); otherwise chosen here. */
  role?: AccountRole;
  submitLabel: string;
  onSubmit: (account: NewAccount) => Promise<AppErrorData | null>;
}) {
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [jobTitle, setJobTitle] = useState('');
  const [body, setBody] = useState<RegistrationBody | ''>('');
  const [number, setNumber] = useState('');
  const [role, setRole] = useState<AccountRole>(props.role ?? 'clinician');
  const [secretKind, setSecretKind] = useState<SecretKind>('pin');
  const [secret, setSecret] = useState('');
  const [again, setAgain] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const id = (name: string) => `${props.idPrefix}-${name}`;

  async function submit() {
    if (secret !== again) return setMessage(`The two ${secretKind === 'pin' ? 'PINs' : 'passwords'} are not the same. Type them again.`);
    const error = await props.onSubmit({
      username,
      displayName,
      jobTitle,
      registrationBody: body === '' ? null : body,
      registrationNumber: body === '' ? null : number.trim() || null,
      role,
      secretKind,
      secret,
    } as NewAccount);
    if (error) return setMessage(error.issues?.map((i) => i.message).join(' ') || error.message);
    setMessage(null);
    setUsername('');
    setDisplayName('');
    setJobTitle('');
    setBody('');
    setNumber('');
    setSecret('');
    setAgain('');
  }

  return (
    <form
      className="account-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className="account-grid">
        <div className="field">
          <label htmlFor={id('name')}>Name on signed records</label>
          <input id={id('name')} value={displayName} onChange={(e) => setDisplayName(e.target.value)} placeholder="Dr Ada Example" autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor={id('title')}>Job title</label>
          <input id={id('title')} value={jobTitle} onChange={(e) => setJobTitle(e.target.value)} placeholder="Consultant in Rehabilitation Medicine" autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor={id('user')}>User name (typed at sign-in)</label>
          <input id={id('user')} value={username} onChange={(e) => setUsername(e.target.value)} placeholder="ada.example" autoComplete="off" autoCapitalize="none" spellCheck={false} />
        </div>
        <div className="field">
          <label htmlFor={id('body')}>Professional registration</label>
          <select id={id('body')} value={body} onChange={(e) => setBody(e.target.value as RegistrationBody | '')}>
            <option value="">None (cannot sign records)</option>
            {REGISTRATION_BODIES.map((b) => (
              <option key={b} value={b}>
                {REGISTRATION_BODY_LABELS[b]}
              </option>
            ))}
          </select>
        </div>
        {body !== '' ? (
          <div className="field">
            <label htmlFor={id('number')}>Registration number</label>
            <input id={id('number')} value={number} onChange={(e) => setNumber(e.target.value)} autoComplete="off" />
          </div>
        ) : null}
        {props.role === undefined ? (
          <fieldset className="field">
            <legend>Role</legend>
            <label className="check-line">
              <input type="radio" name={id('role')} checked={role === 'clinician'} onChange={() => setRole('clinician')} /> Clinician: records and signs sessions
            </label>
            <label className="check-line">
              <input type="radio" name={id('role')} checked={role === 'admin'} onChange={() => setRole('admin')} /> Administrator: also accounts, settings, backups and the audit trail
            </label>
          </fieldset>
        ) : null}
        <fieldset className="field">
          <legend>Sign in with</legend>
          <label className="check-line">
            <input type="radio" name={id('kind')} checked={secretKind === 'pin'} onChange={() => setSecretKind('pin')} /> a PIN ({PIN_RULE.minDigits}-{PIN_RULE.maxDigits} digits, quick with gloves)
          </label>
          <label className="check-line">
            <input type="radio" name={id('kind')} checked={secretKind === 'password'} onChange={() => setSecretKind('password')} /> a password (at least {PASSWORD_RULE.minLength} characters)
          </label>
        </fieldset>
        <div className="field">
          <label htmlFor={id('secret')}>{secretKind === 'pin' ? 'PIN' : 'Password'}</label>
          <input id={id('secret')} type="password" inputMode={secretKind === 'pin' ? 'numeric' : 'text'} value={secret} onChange={(e) => setSecret(e.target.value)} autoComplete="new-password" />
        </div>
        <div className="field">
          <label htmlFor={id('again')}>{secretKind === 'pin' ? 'PIN' : 'Password'} again</label>
          <input id={id('again')} type="password" inputMode={secretKind === 'pin' ? 'numeric' : 'text'} value={again} onChange={(e) => setAgain(e.target.value)} autoComplete="new-password" />
        </div>
      </div>
      <button type="submit" className="button primary big">
        {props.submitLabel}
      </button>
      <p className="signoff-message" role="alert">
        {message}
      </p>
    </form>
  );
}
