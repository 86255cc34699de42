import { useRef, useState } from 'react';
import { useApp } from '../../state/context';

/** What the last press did, and to which text: once the record changes, "Copied" no longer holds. */
type CopyState = { state: 'copied' | 'failed'; text: string } | null;

/** The paste-ready text, exactly as the export produces it from the saved record, with one-press copy. */
export function SummaryPanel() {
  const summary = useApp((s) => s.summary);
  const [lastCopy, setLastCopy] = useState<CopyState>(null);
  const pre = useRef<HTMLPreElement>(null);
  const copy = lastCopy && lastCopy.text === summary ? lastCopy.state : null;

  async function onCopy() {
    if (!summary) return;
    try {
      await navigator.clipboard.writeText(summary);
      setLastCopy({ state: 'copied', text: summary });
    } catch {
      // Clipboard refused (no permission or no focus): select the text so Ctrl+C works.
      const range = document.createRange();
      if (pre.current) {
        range.selectNodeContents(pre.current);
        const sel = window.getSelection();
        sel?.removeAllRanges();
        sel?.addRange(range);
      }
      setLastCopy({ state: 'failed', text: summary });
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
        {copy === 'copied' ? 'Copied. Paste it into the notes (Ctrl+V).' : null}
        {copy === 'failed' ? 'Could not copy automatically. The text is selected: press Ctrl+C.' : null}
      </p>
      <pre ref={pre} className="summary-text" data-testid="summary-text" tabIndex={0} aria-label="Summary text">
        {summary ?? 'Preparing…'}
      </pre>
    </section>
  );
}
