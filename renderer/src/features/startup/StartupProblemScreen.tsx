import type { Startup } from '../../state/store';

/** Shown instead of the app when the database cannot be used: what happened and what to do. */
export function StartupProblemScreen({ startup }: { startup: Startup }) {
  if (startup.state === 'no-bridge') {
    return (
      <main className="problem-screen" role="alert">
        <h1>CryoLog is not connected</h1>
        <p>This page was opened outside the CryoLog app, so it cannot read or save records.</p>
        <p className="what-to-do">Close this window and start CryoLog from its own icon (or run <code>npm run dev:browser</code> for the browser mode).</p>
      </main>
    );
  }
  if (startup.state !== 'failed') return null;
  return (
    <main className="problem-screen" role="alert">
      <h1>{startup.title}</h1>
      <p className="what-to-do">{startup.whatToDo}</p>
      <dl>
        <dt>What happened</dt>
        <dd>{startup.message}</dd>
        <dt>Database file</dt>
        <dd>
          <code>{startup.dbPath}</code>
        </dd>
      </dl>
    </main>
  );
}
