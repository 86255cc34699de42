import { useState } from 'react';
import { useApp } from '../../state/context';
import { formatDateTime } from '../../../../shared/domain/parse';
import { ConfirmButton } from '../../components/ConfirmButton';

/** Across the top of a record marked entered-in-error: what happened, and that it is kept as it is. */
export function EnteredInErrorBanner() {
  const eie = useApp((s) => s.signoff?.enteredInError ?? null);
  if (!eie) return null;
  return (
    <div className="eie-banner" role="status" data-testid="eie-banner">
      <strong>Entered in error</strong> on {formatDateTime(eie.at)} by {eie.by}: {eie.reason}. The record is kept as it was and can no longer be changed; its exports say
      “entered in error”.
    </div>
  );
}

/**
 * Marking a record entered-in-error (wrong patient, duplicate): it is never deleted, only
 * marked, with who and why; the database then refuses every change to it.
 */
export function EnteredInErrorControl() {
  const eie = useApp((s) => s.signoff?.enteredInError ?? null);
  const mark = useApp((s) => s.markEnteredInError);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  if (eie) return null;

  async function onMark() {
    if (!reason.trim()) return setMessage('Give the reason the record was entered in error.');
    const r = await mark(reason.trim());
    setMessage(r.ok ? null : r.error.message);
  }

  return (
    <div className="eie-control">
      {!open ? (
        <button type="button" className="button subtle" onClick={() => setOpen(true)}>
          Mark as entered in error…
        </button>
      ) : (
        <div role="group" aria-label="Mark as entered in error">
          <p className="small">For a record made in error (wrong patient, a duplicate). It is kept, with your reason and your name, and locked; it is never deleted.</p>
          <div className="field field-long">
            <label htmlFor="eie-reason">Why it was entered in error</label>
            <textarea id="eie-reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
          </div>
          <div className="button-row">
            <ConfirmButton label="Mark as entered in error" confirmLabel="Press again to mark it entered in error" onConfirm={() => void onMark()} />
            <button type="button" className="button subtle" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
          <p className="signoff-message" role="alert">
            {message}
          </p>
        </div>
      )}
    </div>
  );
}
