import { useEffect, useRef, useState } from 'react';
import { useApp } from '../../state/context';
import { ConfirmButton } from '../../components/ConfirmButton';
import { formatInstant } from '../../lib/localTime';
import { rememberScreen } from '../../lib/lastScreen';
import type { RestorePreview, RestoreStatus } from '../../../../shared/ipc/backupContract';

// The restore screen, over Settings → Backups. It checks the chosen backup first and sets it
// against the database it would replace, says plainly what is lost from the database (kept
// aside, not deleted), and restores only on a second, deliberate press after the person has
// typed their name (recorded in the audit trail). Escape or Cancel leaves before anything is
// done; once it runs there is nothing to cancel, only its progress. When it ends the window is
// reloaded from the session list: every screen's data came from the database that was replaced.

const POLL_MS = 300;

type Step = { name: 'checking' } | { name: 'review'; preview: RestorePreview } | { name: 'running'; preview: RestorePreview; status: RestoreStatus | null } | { name: 'ended'; preview: RestorePreview; status: RestoreStatus } | { name: 'error'; message: string };

export function RestoreDialog({ fileName, onClose }: { fileName: string; onClose: () => void }) {
  const api = useApp((s) => s.api);
  const ref = useRef<HTMLDialogElement>(null);
  const [step, setStep] = useState<Step>({ name: 'checking' });
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    void api.previewRestore({ fileName }).then((r) => setStep(r.ok ? { name: 'review', preview: r.data } : { name: 'error', message: r.error.message }));
  }, [api, fileName]);

  const running = step.name === 'running';
  useEffect(() => {
    if (!running) return;
    const timer = window.setInterval(() => {
      void api.getRestoreStatus({}).then((r) => {
        if (!r.ok) return;
        setStep((s) => (s.name !== 'running' ? s : r.data.state === 'done' || r.data.state === 'failed' ? { name: 'ended', preview: s.preview, status: r.data } : { ...s, status: r.data }));
      });
    }, POLL_MS);
    return () => window.clearInterval(timer);
  }, [api, running]);

  function cancel() {
    ref.current?.close();
    onClose();
  }

  async function restore(preview: RestorePreview) {
    const r = await api.startRestore({ fileName });
    if (!r.ok) return setMessage(r.error.message);
    setMessage(null);
    setStep({ name: 'running', preview, status: null });
  }

  /** Every screen's data came from the replaced database: start again from the session list. */
  function reloadApp() {
    // Remembered now: the hash change is seen by the app (which remembers the screen) only after
    // the reload may have begun, and the reload would reopen the last screen remembered, Settings.
    rememberScreen({ name: 'home' });
    window.location.hash = '#/';
    window.location.reload();
  }

  const dbName = (p: RestorePreview) => p.databasePath.split(/[\\/]/).pop() ?? p.databasePath;

  return (
    <dialog
      ref={ref}
      className="restore-dialog"
      aria-labelledby="restore-title"
      onCancel={(e) => {
        e.preventDefault();
        // Escape cancels before the restore starts; after that there is nothing to cancel.
        if (step.name === 'checking' || step.name === 'review' || step.name === 'error') cancel();
      }}
    >
      <h2 id="restore-title">Restore a backup</h2>
      <p className="restore-file">
        <code>{fileName}</code>
      </p>
      {step.name === 'checking' ? <p className="muted">Checking the backup…</p> : null}
      {step.name === 'error' ? (
        <RefusedWithClose message={step.message} onClose={cancel} />
      ) : null}
      {step.name === 'review' ? (
        <>
          <CountsTable preview={step.preview} />
          {step.preview.backup.ok ? (
            <>
              <div className="restore-warning" role="note">
                <p>
                  <strong>Everything entered after {formatInstant(step.preview.takenAt)} will not be in the restored database</strong>: sessions, changes, signatures and audit entries made since this backup.
                </p>
                <p>
                  The current database is not deleted: it is kept, unchanged, beside it as <code>{dbName(step.preview)}.before-restore-…</code> (with today’s date and time) in <code>{step.preview.databasePath.slice(0, -dbName(step.preview).length) || '.'}</code>. Nothing can be saved while the restore runs.
                </p>
              </div>
              {message ? <p className="export-outcome error">{message}</p> : null}
              <div className="button-row restore-buttons">
                <button type="button" className="button big" onClick={cancel}>
                  Cancel: keep the current database
                </button>
                {/* Two presses, like every irreversible button; the audit trail names the signed-in administrator. */}
                <ConfirmButton label="Replace the database with this backup" confirmLabel="Press again to replace the database" onConfirm={() => void restore(step.preview)} />
              </div>
            </>
          ) : (
            <RefusedWithClose message={`This backup cannot be restored: ${step.preview.backup.problems.join(' ')} Choose another backup; nothing was changed.`} onClose={cancel} />
          )}
        </>
      ) : null}
      {step.name === 'running' ? (
        <div role="status" aria-live="polite" className="bulk-progress">
          <progress max={100} value={step.status?.percent ?? 0} aria-label="Restore progress" />
          <span>Restoring… {step.status?.percent ?? 0}%. Do not close CryoLog.</span>
        </div>
      ) : null}
      {step.name === 'ended' ? (
        <>
          {step.status.state === 'done' && step.status.restored ? (
            <div role="status" className="restore-result">
              <p className="saved-message">
                Restored the backup of {formatInstant(step.preview.takenAt)}: {step.status.restored.patients} patients, {step.status.restored.sessions} sessions, {step.status.restored.auditEntries} audit entries.
              </p>
              <p>
                The database as it was before the restore is kept at <code>{step.status.keptAside ?? '(there was none)'}</code>. Tell IT if anything entered after the backup must be recovered from it.
              </p>
            </div>
          ) : (
            <p role="alert" className="export-outcome error">
              {step.status.message}
            </p>
          )}
          <div className="button-row">
            <button type="button" className="button big primary" onClick={reloadApp}>
              Go to the session list
            </button>
          </div>
        </>
      ) : null}
    </dialog>
  );
}

function CountsTable({ preview }: { preview: RestorePreview }) {
  const { backup, current } = preview;
  const rows: [string, number, number][] = [
    ['Patients', backup.patients, current.patients],
    ['Sessions', backup.sessions, current.sessions],
    ['Audit entries', backup.auditEntries, current.auditEntries],
    ['Schema version', backup.schemaVersion, current.schemaVersion],
  ];
  return (
    <table className="restore-counts">
      <thead>
        <tr>
          <th scope="col"></th>
          <th scope="col">This backup ({formatInstant(preview.takenAt)})</th>
          <th scope="col">The database now</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, b, c]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{backup.ok || label === 'Schema version' ? b : '–'}</td>
            <td>{c}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What stopped the restore, and the one way on: close (nothing was changed). */
function RefusedWithClose({ message, onClose }: { message: string; onClose: () => void }) {
  return (
    <>
      <p className="export-outcome error">{message}</p>
      <div className="button-row">
        <button type="button" className="button big" onClick={onClose}>
          Close
        </button>
      </div>
    </>
  );
}
