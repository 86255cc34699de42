import { useCallback, useEffect, useRef, useState } from 'react';
import { useApp } from '../../state/context';
import { formatInstant } from '../../lib/localTime';
import { DEFAULT_BACKUP_SETTINGS, type BackupFileCheck, type BackupSettings, type BackupStatus } from '../../../../shared/ipc/backupContract';
import { SettingsSaveRow } from './SettingsSaveRow';
import { useAuditedSetting } from './useAuditedSetting';

// Backups: where they go and how many are kept (audited, like every service setting), when the
// last one ran and whether it was checked, "Back up now" with its progress, and a check of any
// backup in the folder. Restoring replaces the open database, so it is done with CryoLog
// closed: `cryolog restore <file>` (it checks the file and keeps the current database aside).

const POLL_MS = 500;

export function BackupPanel() {
  const api = useApp((s) => s.api);
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const { state: settings, current, setDraft, changed, message, setMessage, onSave } = useAuditedSetting<BackupSettings>(
    useCallback(() => api.getBackupSettings({}), [api]),
    useCallback((value) => api.saveBackupSettings({ value }), [api]),
    DEFAULT_BACKUP_SETTINGS,
  );
  const [checks, setChecks] = useState<Record<string, BackupFileCheck | string>>({});
  const polling = useRef<number | null>(null);

  const refresh = useCallback(async () => {
    const r = await api.getBackupStatus({});
    if (!r.ok) return;
    setStatus(r.data);
    if (!r.data.running && polling.current !== null) {
      window.clearInterval(polling.current);
      polling.current = null;
    }
  }, [api]);

  useEffect(() => {
    void api.getBackupStatus({}).then((r) => r.ok && setStatus(r.data));
    return () => {
      if (polling.current !== null) window.clearInterval(polling.current);
    };
  }, [api]);

  async function backUpNow() {
    const r = await api.runBackupNow({});
    if (!r.ok) return setMessage(r.error.message);
    if (polling.current === null) polling.current = window.setInterval(() => void refresh(), POLL_MS);
    void refresh();
  }

  async function check(fileName: string) {
    const r = await api.checkBackupFile({ fileName });
    setChecks((c) => ({ ...c, [fileName]: r.ok ? r.data : r.error.message }));
  }

  const int = (text: string) => (/^\d{1,3}$/.test(text.trim()) ? Number(text.trim()) : NaN);

  const last = status?.lastResult === 'ok' ? `Last backup ${formatInstant(status.lastSuccessAt)}, checked: ${status.lastFile}` : null;
  return (
    <section className="panel" aria-labelledby="backup-heading">
      <h2 id="backup-heading">Backups</h2>
      <p className="muted">A checked copy of the whole database at start, after every sign-off and every hour. Restore with CryoLog closed: <code>cryolog restore &lt;file&gt;</code> checks the file and keeps the current database aside.</p>
      <div role="status" aria-live="polite" className="backup-status">
        {status?.running ? (
          <div className="bulk-progress">
            <progress max={100} value={status.running.percent} aria-label="Backup copied" />
            <span>Backing up… {status.running.percent}%</span>
          </div>
        ) : null}
        {last ? <p className="saved-message">{last}</p> : null}
        {status?.lastResult === 'failed' ? (
          <p className="export-outcome error">
            The last backup failed ({formatInstant(status.lastAttemptAt)}): {status.lastError}
          </p>
        ) : null}
        {status && status.lastResult === null ? <p className="muted">No backup yet.</p> : null}
      </div>
      <button type="button" className="button big" onClick={() => void backUpNow()} disabled={Boolean(status?.running)}>
        Back up now
      </button>
      <h3 className="export-history-heading">In {status?.folder ?? 'the backup folder'}</h3>
      {status && status.backups.length === 0 ? <p className="empty small">No backups in this folder.</p> : null}
      <ul className="export-history" aria-label="Backups">
        {status?.backups.map((b) => {
          const c = checks[b.fileName];
          return (
            <li key={b.fileName}>
              <strong>{b.fileName}</strong> {(b.bytes / 1024 / 1024).toFixed(1)} MB{' '}
              <button type="button" className="button subtle" onClick={() => void check(b.fileName)}>
                Check
              </button>
              {c === undefined ? null : typeof c === 'string' ? (
                <span className="export-outcome error"> {c}</span>
              ) : c.ok ? (
                <span className="saved-message"> Readable and whole: {c.patients} patients, {c.sessions} sessions.</span>
              ) : (
                <span className="export-outcome error"> Not usable: {c.problems.join(' ')}</span>
              )}
            </li>
          );
        })}
      </ul>
      <div className="stacked-form">
        <div className="field">
          <label htmlFor="backup-folder">Backup folder (full path; empty: “backups” beside the database)</label>
          <input id="backup-folder" value={current.folder} onChange={(e) => setDraft({ ...current, folder: e.target.value })} autoComplete="off" spellCheck={false} />
        </div>
        <div className="field field-short">
          <label htmlFor="backup-daily">Keep one backup a day for (days)</label>
          <input id="backup-daily" inputMode="numeric" defaultValue={current.keepDaily} key={`d${current.keepDaily}`} onChange={(e) => setDraft({ ...current, keepDaily: int(e.target.value) })} />
        </div>
        <div className="field field-short">
          <label htmlFor="backup-weekly">Keep one backup a week for (weeks)</label>
          <input id="backup-weekly" inputMode="numeric" defaultValue={current.keepWeekly} key={`w${current.keepWeekly}`} onChange={(e) => setDraft({ ...current, keepWeekly: int(e.target.value) })} />
        </div>
        <label className="check-line">
          <input type="checkbox" checked={current.hourly} onChange={(e) => setDraft({ ...current, hourly: e.target.checked })} /> Also every hour while CryoLog is open
        </label>
      </div>
      <SettingsSaveRow label="Save backup settings" onSave={() => void onSave()} changed={changed} updatedBy={settings?.updatedBy} updatedAt={settings?.updatedAt} neverChanged="Defaults: 7 daily and 4 weekly backups beside the database." message={message} />
    </section>
  );
}
