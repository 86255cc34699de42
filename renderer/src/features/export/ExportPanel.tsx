import { useCallback, useEffect, useState } from 'react';
import { useApp } from '../../state/context';
import { formatDateTime } from '../../../../shared/domain/parse';
import { EXPORT_FORMATS, FORMAT_INFO, type ExportFormat } from '../../../../shared/export/formats';
import type { ExportRecord } from '../../../../shared/ipc/exportsContract';
import { AftercareControls } from './AftercareControls';

// Sending the signed record on: pick a format, then "Save as…" (the system's save dialog) or
// "Send to drop folder" (the folder the trust's integration engine collects from). The text
// itself is previewed and copied in the summary panel below. Each export is listed with when,
// where and its checksum, from the audit trail.

const FORMAT_HINTS: Record<ExportFormat, string> = {
  text: 'Paste-ready note (plain text)',
  pdf: 'For upload to the notes as a document',
  fhir: 'FHIR R4 bundle, for the integration team',
  hl7v2: 'HL7 v2 MDM^T02 message, for the interface engine',
  csv: 'One row per freeze cycle, for audit',
  json: 'The full record, CryoLog session file',
};

const DESTINATION_WORDS: Record<string, string> = {
  'drop-folder': 'sent to the drop folder',
  'save-dialog': 'saved with Save as…',
  'command line': 'written by the command line',
};

type Outcome = { kind: 'ok' | 'error'; text: string } | null;

export function ExportPanel() {
  const api = useApp((s) => s.api);
  const doc = useApp((s) => s.sessionDoc);
  const signoff = useApp((s) => s.signoff);
  const [format, setFormat] = useState<ExportFormat>('pdf');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [history, setHistory] = useState<ExportRecord[] | null>(null);
  const [dropFolder, setDropFolder] = useState<string | null>(null);
  const sessionId = doc?.session.id;

  const loadHistory = useCallback(async () => {
    if (!sessionId) return;
    const r = await api.listSessionExports({ sessionId });
    if (r.ok) setHistory(r.data);
  }, [api, sessionId]);

  useEffect(() => {
    if (!sessionId) return;
    void api.listSessionExports({ sessionId }).then((r) => r.ok && setHistory(r.data));
    void api.getExportSettings({}).then((r) => setDropFolder(r.ok ? r.data.value.dropFolder : null));
  }, [api, sessionId]);

  if (!doc || !signoff) return null;
  const signed = signoff.version > 0;
  const eie = signoff.enteredInError !== null;

  async function save(destination: 'drop-folder' | 'save-dialog') {
    if (!sessionId) return;
    setBusy(true);
    setOutcome(null);
    const r = await api.saveExport({ sessionId, format, destination });
    setBusy(false);
    if (!r.ok) return setOutcome({ kind: 'error', text: r.error.message });
    if (!r.data.saved) return setOutcome({ kind: 'ok', text: 'Not saved: the save dialog was closed.' });
    const rec = r.data.record;
    setOutcome({ kind: 'ok', text: `${FORMAT_INFO[format].label} of version ${rec.version ?? 'draft'} saved to ${rec.path}` });
    void loadHistory();
  }

  return (
    <section className="panel export" aria-labelledby="export-heading">
      <h2 id="export-heading">Export</h2>
      <p className={signed ? 'export-state' : 'export-state warn'}>
        {eie
          ? 'Entered in error: every export says ENTERED IN ERROR.'
          : signed
            ? `Exports version ${signoff.amending ? `${signoff.version} (the signed version stands while the amendment is open)` : signoff.version}, signed ${formatDateTime(signoff.versions.at(-1)?.signedAt ?? null)}.`
            : 'Not signed yet: the DRAFT text below is all that can leave CryoLog. Sign the session to export PDF, FHIR, HL7 v2, CSV and JSON.'}
      </p>
      {signed ? (
        <>
          <fieldset className="format-choice">
            <legend>Format</legend>
            {EXPORT_FORMATS.map((f) => (
              <label key={f} className={f === format ? 'format-option chosen' : 'format-option'}>
                <input type="radio" name="export-format" value={f} checked={f === format} onChange={() => setFormat(f)} />
                <span className="format-name">{FORMAT_INFO[f].label}</span>
                <span className="format-hint">{FORMAT_HINTS[f]}</span>
              </label>
            ))}
          </fieldset>
          <div className="export-actions">
            <button type="button" className="button primary big" disabled={busy} onClick={() => void save('save-dialog')}>
              Save as…
            </button>
            <button
              type="button"
              className="button big"
              disabled={busy || !dropFolder}
              aria-describedby="drop-folder-hint"
              onClick={() => void save('drop-folder')}
            >
              Send to drop folder
            </button>
          </div>
          <p id="drop-folder-hint" className="muted small">
            {dropFolder ? `Drop folder: ${dropFolder}` : 'No drop folder is set (Settings → Exports).'}
          </p>
          <p className={outcome?.kind === 'error' ? 'export-outcome error' : 'export-outcome'} role={outcome?.kind === 'error' ? 'alert' : 'status'} aria-live="polite">
            {busy ? 'Exporting…' : outcome?.text}
          </p>
        </>
      ) : null}
      <AftercareControls sessionId={doc.session.id} disabled={eie} onSaved={() => void loadHistory()} />
      <h3 className="export-history-heading">Exported</h3>
      {history === null ? null : history.length === 0 ? (
        <p className="empty small">Not exported yet.</p>
      ) : (
        <ul className="export-history" aria-label="Exports of this session">
          {history.map((h) => (
            <li key={`${h.at}-${h.path}`}>
              <strong>{formatDateTime(h.at)}</strong> {formatLabel(h.format)}, {h.version ? `version ${h.version}` : h.status}, {DESTINATION_WORDS[h.destination] ?? h.destination}
              {h.by ? `, by ${h.by}` : ''}
              <span className="export-path" title={`SHA-256 ${h.sha256}`}>
                {h.path}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function formatLabel(format: string): string {
  return format in FORMAT_INFO ? FORMAT_INFO[format as ExportFormat].label : format;
}
