import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../state/context';

/** The app-wide save state: "Saving…" while any write is in flight, "All changes saved" only after every commit. */
export function SaveIndicator() {
  const save = useApp((s) => s.save);
  const unsaved = useApp(useShallow((s) => Object.values(s.unsaved)));
  if (unsaved.length > 0) {
    return (
      <div className="save-indicator save-failed" role="status">
        Not saved: {unsaved.length === 1 ? unsaved[0] : `${unsaved.length} entries`} (see the red message)
      </div>
    );
  }
  if (save.error) {
    return (
      <div className="save-indicator save-failed" role="alert" title={save.error.message}>
        {/^Not saved/.test(save.error.message) ? save.error.message : `Not saved: ${save.error.message}`}
      </div>
    );
  }
  if (save.pending > 0) return <div className="save-indicator save-pending" aria-live="polite">Saving…</div>;
  if (!save.lastSavedAt) return <div className="save-indicator" aria-live="polite">Every change saves as you go</div>;
  const at = new Date(save.lastSavedAt);
  const hhmmss = at.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return (
    <div className="save-indicator save-ok" aria-live="polite">
      All changes saved {hhmmss}
    </div>
  );
}
