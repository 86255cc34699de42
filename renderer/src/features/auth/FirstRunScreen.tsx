import { useApp } from '../../state/context';
import { AccountForm } from './AccountForm';

/** First start on an empty database: the first account, an administrator, who then adds the others. */
export function FirstRunScreen() {
  const api = useApp((s) => s.api);
  const acceptAuth = useApp((s) => s.acceptAuth);
  return (
    <main className="auth-screen">
      <section className="panel auth-panel wide" aria-labelledby="first-run-heading">
        <h1 id="first-run-heading">Welcome to CryoLog: create the administrator</h1>
        <p>
          CryoLog shows records only to people signed in with their own account. This first account is an <strong>administrator</strong>: it adds the other
          clinicians, and changes settings and backups. It can also record and sign sessions if it has a professional registration.
        </p>
        <AccountForm
          idPrefix="first"
          role="admin"
          submitLabel="Create the administrator and sign in"
          onSubmit={async (account) => {
            const r = await acceptAuth(await api.createFirstAdmin({ ...account, role: 'admin' }));
            return r.ok ? null : r.error;
          }}
        />
      </section>
    </main>
  );
}
