import { useId, useState } from 'react';
import { useApp } from '../../state/context';
import type { ShownFinding } from '../../lib/findings';

/**
 * Acknowledges one warning: at once when no reason is needed, else after a reason is typed.
 * The name comes from the panel's "acknowledged by" box (typed once per session).
 */
export function AckControl({ finding, sessionId, name, onNeedName }: { finding: ShownFinding; sessionId: string; name: string; onNeedName(): void }) {
  const acknowledge = useApp((s) => s.acknowledge);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  async function send() {
    if (!name.trim()) {
      setMessage('Type your name in “Acknowledged by” above first.');
      onNeedName();
      return;
    }
    if (finding.needsReason && !reason.trim()) {
      setMessage('This warning needs a reason: say why it is acceptable.');
      document.getElementById(`${id}-reason`)?.focus();
      return;
    }
    setBusy(true);
    const r = await acknowledge({
      sessionId,
      ruleId: finding.ruleId,
      entity: finding.entity,
      entityId: finding.entityId,
      field: finding.field,
      reason: finding.needsReason ? reason.trim() : reason.trim() || null,
      acknowledgedBy: name.trim(),
    });
    setBusy(false);
    if (r.ok) {
      setOpen(false);
      setMessage(null);
    } else setMessage(r.error.message);
  }

  if (!open && !finding.needsReason) {
    return (
      <div className="ack">
        <button type="button" className="button small-button" disabled={busy} onClick={() => void send()}>
          Acknowledge
        </button>
        {message ? (
          <span className="field-status field-status-failed" role="alert">
            {message}
          </span>
        ) : null}
      </div>
    );
  }
  if (!open) {
    return (
      <div className="ack">
        <button type="button" className="button small-button" onClick={() => setOpen(true)} aria-expanded={false}>
          Acknowledge with a reason…
        </button>
      </div>
    );
  }
  return (
    <div className="ack ack-open">
      <label htmlFor={`${id}-reason`}>Reason (why this is acceptable)</label>
      <textarea
        id={`${id}-reason`}
        rows={2}
        value={reason}
        maxLength={2000}
        autoFocus
        onChange={(e) => setReason(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void send();
          if (e.key === 'Escape') setOpen(false);
        }}
      />
      <div className="ack-buttons">
        <button type="button" className="button primary small-button" disabled={busy} onClick={() => void send()}>
          Acknowledge
        </button>
        <button type="button" className="button subtle small-button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
      {message ? (
        <span className="field-status field-status-failed" role="alert">
          {message}
        </span>
      ) : null}
    </div>
  );
}
