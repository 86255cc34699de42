import { useApp } from '../../state/context';

/** In the top bar: who is signed in, and the two ways to leave the computer safely. */
export function AccountMenu() {
  const user = useApp((s) => s.auth?.user ?? null);
  const endUse = useApp((s) => s.endUse);
  if (!user) return null;
  return (
    <div className="account-menu" aria-label="Signed in">
      <span className="account-name" data-testid="signed-in-as" title={user.role === 'admin' ? `${user.displayName} (administrator)` : user.displayName}>
        {user.displayName}
        {user.role === 'admin' ? <span className="muted small"> (administrator)</span> : null}
      </span>
      <button type="button" className="button subtle" onClick={() => void endUse('lock')} title="Lock the screen; your work stays as it is">
        Lock
      </button>
      <button
        type="button"
        className="button subtle"
        onClick={() => {
          window.location.hash = '#/';
          void endUse('sign-out');
        }}
      >
        Sign out
      </button>
    </div>
  );
}
