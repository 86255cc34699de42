import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { useApp } from '../../state/context';
import type { AftercareSheet } from '../../../../shared/export/aftercare';
import { AftercareSheetView } from './AftercareSheetView';
import './aftercare.css';

// The patient's aftercare sheet: printed on the room's printer (the browser's print, with only
// the sheet on the page), or saved as a PDF, in normal or large print. It is built by the main
// process from this session's record alone, so no other patient's details can reach it.

export function AftercareControls({ sessionId, disabled, onSaved }: { sessionId: string; disabled: boolean; onSaved: () => void }) {
  const api = useApp((s) => s.api);
  const [largePrint, setLargePrint] = useState(false);
  const [sheet, setSheet] = useState<AftercareSheet | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  // Print once the sheet is on the page; take it away again when printing is done.
  useEffect(() => {
    if (!sheet) return;
    document.body.classList.add('printing-aftercare');
    const done = () => {
      document.body.classList.remove('printing-aftercare');
      setSheet(null);
    };
    window.addEventListener('afterprint', done, { once: true });
    window.print();
    return () => {
      window.removeEventListener('afterprint', done);
      document.body.classList.remove('printing-aftercare');
    };
  }, [sheet]);

  async function print() {
    setMessage(null);
    const r = await api.getAftercareSheet({ sessionId });
    if (!r.ok) return setMessage({ error: true, text: r.error.message });
    setSheet(r.data);
  }

  async function savePdf() {
    setMessage(null);
    const r = await api.saveExport({ sessionId, format: largePrint ? 'aftercare-pdf-large' : 'aftercare-pdf', destination: 'save-dialog' });
    if (!r.ok) return setMessage({ error: true, text: r.error.message });
    if (!r.data.saved) return setMessage({ error: false, text: 'Not saved: the save dialog was closed.' });
    setMessage({ error: false, text: `Aftercare sheet saved to ${r.data.record.path}` });
    onSaved();
  }

  return (
    <div className="aftercare-controls">
      <h3 className="aftercare-heading">Aftercare sheet for the patient</h3>
      <label className="check-line">
        <input type="checkbox" checked={largePrint} onChange={(e) => setLargePrint(e.target.checked)} disabled={disabled} /> Large print
      </label>
      <div className="export-actions">
        <button type="button" className="button big" disabled={disabled} onClick={() => void print()}>
          Print aftercare sheet
        </button>
        <button type="button" className="button big" disabled={disabled} onClick={() => void savePdf()}>
          Save aftercare PDF…
        </button>
      </div>
      <p className={message?.error ? 'export-outcome error' : 'export-outcome'} role={message?.error ? 'alert' : 'status'}>
        {message?.text}
      </p>
      {sheet ? createPortal(<AftercareSheetView sheet={sheet} largePrint={largePrint} />, document.body) : null}
    </div>
  );
}
