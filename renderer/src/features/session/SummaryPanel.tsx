import { useEffect, useRef, useState } from 'react';
import { useApp } from '../../state/context';

type CopyState = { state: 'idle' } | { state: 'copied' } | { state: 'failed' };

/** The paste-ready text, exactly as the export produces it from the saved record, with one-press copy. */
export function SummaryPanel() {
  const summary = useApp((s) => s.summary);
  const [copy, setCopy] = useState<CopyState>({ state: 'idle' });
  const pre = useRef<HTMLPreElement>(null);

  // "Copied" refers to the text that was copied: once the record changes, it no longer holds.
  useEffect(() => setCopy({ state: 'idle' }), [summary]);

  async function onCopy() {
    if (!summary) return;
    try {
      await navigator.clipboard.writeText(summary);
      setCopy({ state: 'copied' });
    } catch {
      // Clipboard refused (no permission or no focus): select the text so Ctrl+C works.
      const range = document.createRange();
      if (pre.current) {
        range.selectNodeContents(pre.current);
        const sel = window.getSelection();
        sel?.removeAllRanges();
        sel?.addRange(range);
      }
      setCopy({ state: 'failed' });
    }
  }

  return (
    <section className="panel summary" aria-labelledby="summary-heading">
      <div className="panel-head">
        <h2 id="summary-heading">Summary for the notes</h2>
        <button type="button" className="button primary" onClick={() => void onCopy()} disabled={!summary}>
          Copy summary
        </button>
      </div>
      <p className="copy-status" aria-live="polite">
        {copy.state === 'copied' ? 'Copied. Paste it into the notes (Ctrl+V).' : null}
        {copy.state === 'failed' ? 'Could not copy automatically. The text is selected: press Ctrl+C.' : null}
      </p>
      <pre ref={pre} className="summary-text" data-testid="summary-text" tabIndex={0} aria-label="Summary text">
        {summary ?? 'Preparing…'}
      </pre>
    </section>
  );
}
