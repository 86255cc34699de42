import { useRef, useState } from 'react';
import { useApp } from '../../state/context';
import { BULK_FORMATS, type BulkFormat } from '../../../../shared/export/formats';
import type { BulkProgress } from '../../../../shared/ipc/exportsContract';

// Every signed session of a date range in one file, for audit and registries: CSV (one row per
// freeze cycle) or JSON (one session document each). The main process exports a few sessions
// per request, so the bar moves, the window stays responsive, and Cancel works between steps.

const FORMAT_TEXT: Record<BulkFormat, string> = {
  csv: 'CSV: one row per freeze cycle (spreadsheets, audit)',
  json: 'JSON: each session in full, CryoLog session file format',
};

/** The quarter before the one that contains `today` ("last quarter", what governance meetings review). */
export function lastQuarter(today: Date): { from: string; to: string } {
  const q = Math.floor(today.getMonth() / 3);
  const start = new Date(Date.UTC(today.getFullYear(), (q - 1) * 3, 1));
  const end = new Date(Date.UTC(today.getFullYear(), q * 3, 0));
  return { from: start.toISOString().slice(0, 10), to: end.toISOString().slice(0, 10) };
}

export function BulkExportScreen() {
  const api = useApp((s) => s.api);
  const [range, setRange] = useState(() => lastQuarter(new Date()));
  const [format, setFormat] = useState<BulkFormat>('csv');
  const [progress, setProgress] = useState<BulkProgress | null>(null);
  const [running, setRunning] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const cancelled = useRef(false);

  async function run(destination: 'drop-folder' | 'save-dialog') {
    setMessage(null);
    setProgress(null);
    cancelled.current = false;
    setRunning(true);
    try {
      const started = await api.startBulkExport({ range, format, destination });
      if (!started.ok) return setMessage({ error: true, text: started.error.issues?.[0]?.message ?? started.error.message });
      if (started.data === null) return setMessage({ error: false, text: 'Not exported: the save dialog was closed.' });
      let p = started.data;
      setProgress(p);
      while (!p.finished) {
        if (cancelled.current) {
          await api.cancelBulkExport({ jobId: p.jobId });
          return setMessage({ error: false, text: 'Cancelled. No file was written.' });
        }
        const step = await api.stepBulkExport({ jobId: p.jobId });
        if (!step.ok) return setMessage({ error: true, text: step.error.message });
        // A CSV runs in a worker and a step only reads its progress: wait a little rather than ask again at once.
        const moved = step.data.done !== p.done || step.data.finished;
        p = step.data;
        setProgress(p);
        if (!moved) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const r = p.result!;
      setMessage({
        error: false,
        text:
          r.sessions === 0
            ? `No signed session started between ${range.from} and ${range.to}. An empty file was written to ${r.path}.`
            : `${r.sessions} session(s), ${r.rows} ${format === 'csv' ? 'row(s)' : 'document(s)'} written to ${r.path}`,
      });
    } finally {
      setRunning(false);
    }
  }

  return (
    <main className="screen bulk-export" aria-labelledby="bulk-heading">
      <h1 id="bulk-heading">Bulk export</h1>
      <p className="muted">Every signed session that started in the date range (both days included), in one file. Drafts are not included.</p>
      <section className="panel">
        <div className="form-grid">
          <div className="field field-short">
            <label htmlFor="bulk-from">From</label>
            <input id="bulk-from" type="date" value={range.from} onChange={(e) => setRange({ ...range, from: e.target.value })} disabled={running} />
          </div>
          <div className="field field-short">
            <label htmlFor="bulk-to">To</label>
            <input id="bulk-to" type="date" value={range.to} onChange={(e) => setRange({ ...range, to: e.target.value })} disabled={running} />
          </div>
        </div>
        <fieldset className="format-choice" disabled={running}>
          <legend>Format</legend>
          {BULK_FORMATS.map((f) => (
            <label key={f} className={f === format ? 'format-option chosen' : 'format-option'}>
              <input type="radio" name="bulk-format" value={f} checked={f === format} onChange={() => setFormat(f)} />
              <span className="format-name">{f.toUpperCase()}</span>
              <span className="format-hint">{FORMAT_TEXT[f]}</span>
            </label>
          ))}
        </fieldset>
        <div className="export-actions">
          <button type="button" className="button primary big" disabled={running} onClick={() => void run('save-dialog')}>
            Save as…
          </button>
          <button type="button" className="button big" disabled={running} onClick={() => void run('drop-folder')}>
            Send to drop folder
          </button>
          {running ? (
            <button type="button" className="button big" onClick={() => (cancelled.current = true)}>
              Cancel
            </button>
          ) : null}
        </div>
        {progress ? (
          <div className="bulk-progress">
            <progress max={Math.max(progress.total, 1)} value={progress.done} aria-label="Sessions exported" />
            <span aria-live="polite">
              {progress.done} of {progress.total} sessions
            </span>
          </div>
        ) : null}
        <p className={message?.error ? 'export-outcome error' : 'export-outcome'} role={message?.error ? 'alert' : 'status'}>
          {message?.text}
        </p>
      </section>
    </main>
  );
}
