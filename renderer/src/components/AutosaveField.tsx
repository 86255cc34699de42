import { useEffect, useId, useRef, useState } from 'react';
import { focusUnlessBusy } from '../lib/focus';
import type { Parsed } from '../../../shared/domain/parse';
import type { Result } from '../../../shared/ipc/result';
import { useApp } from '../state/context';

type Status = 'idle' | 'typing' | 'saving' | 'saved' | 'invalid' | 'failed';

export interface AutosaveFieldProps<T> {
  label: string;
  /** A short example of what to type, shown under the label. */
  hint?: string;
  value: T | null;
  format(value: T | null): string;
  /** Reads the typed text; an empty field means "clear it" and is handled before this is called. */
  parse(text: string): Parsed<T>;
  save(value: T | null): Promise<Result<unknown>>;
  /** A rule finding about the saved value (it stays saved; this says what to fix). */
  problem?: string | null | undefined;
  inputMode?: 'text' | 'numeric' | 'decimal';
  size?: 'short' | 'medium' | 'long';
  /** The label is read by screen readers but not shown (a table column already names the field). */
  hideLabel?: boolean;
  /** Take the focus when this turns true (a row the user just added, a new patient's first field). */
  autoFocus?: boolean;
  testId?: string;
  /** The input's DOM id (so a finding elsewhere can take the focus here); generated if absent. */
  inputId?: string;
  /** Several lines (a note): Enter starts a new line instead of saving. */
  multiline?: boolean;
  /** Read by screen readers after the label but not shown (", cycle 2" where the row says which). */
  labelSuffix?: string;
  /** How serious `problem` is: an error (red), a missing required entry, a warning (amber), or an acknowledged warning. */
  problemSeverity?: 'error' | 'required' | 'warning' | 'acknowledged';
  /** The id of a <datalist> of suggestions (e.g. the team's names). */
  list?: string;
}

// Typing pauses shorter than this are one edit: one write and one audit entry per pause,
// not per keystroke. Leaving the field or pressing Enter saves at once.
const SAVE_AFTER_IDLE_MS = 350;

/**
 * A text field that saves itself. It shows "Saved" only after the database has committed,
 * keeps unreadable input on screen with a message saying how to fix it (nothing is written),
 * and keeps a failed write's text on screen too, so no entry silently disappears.
 */
export function AutosaveField<T>(props: AutosaveFieldProps<T>) {
  const { label, hint, value, format, parse, save, problem, inputMode = 'text', size = 'medium', autoFocus = false, hideLabel = false, testId } = props;
  const { inputId, multiline = false, labelSuffix = '', problemSeverity = 'error', list } = props;
  const generatedId = useId();
  const id = inputId ?? generatedId;
  const fullLabel = `${label}${labelSuffix}`;
  const [text, setText] = useState(() => format(value));
  const [status, setStatus] = useState<Status>('idle');
  const [message, setMessage] = useState<string | null>(null);
  const focused = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const lastSent = useRef<string>(format(value));
  const input = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const markUnsaved = useApp((s) => s.markUnsaved);
  // The latest text and status, read by a save that runs after a typing pause: the timer's
  // closure belongs to an earlier render, and must not save the text as it was a keystroke ago.
  const latestText = useRef(text);
  const latestStatus = useRef<Status>('idle');
  const updateText = (t: string) => {
    latestText.current = t;
    setText(t);
  };
  const updateStatus = (st: Status) => {
    latestStatus.current = st;
    setStatus(st);
  };

  // The top bar must not say "All changes saved" while this field holds text it could not save.
  useEffect(() => {
    markUnsaved(id, status === 'invalid' || status === 'failed' ? fullLabel : null);
  }, [id, fullLabel, status, markUnsaved]);
  useEffect(() => () => markUnsaved(id, null), [id, markUnsaved]);

  // Taking the focus selects what is there (a value copied from the previous row): typing replaces it.
  useEffect(() => {
    if (autoFocus) {
      focusUnlessBusy(input.current);
      input.current?.select();
    }
  }, [autoFocus]);

  // Follow the stored value when it changes elsewhere, unless the user is mid-edit.
  useEffect(() => {
    if (!focused.current && status !== 'invalid' && status !== 'failed') {
      updateText(format(value));
      lastSent.current = format(value);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);

  useEffect(() => () => clearTimeout(timer.current), []);

  async function commit(reason: 'idle' | 'leave'): Promise<void> {
    clearTimeout(timer.current);
    const current = latestText.current;
    const status = latestStatus.current;
    let next: T | null;
    if (current.trim() === '') next = null;
    else {
      const parsed = parse(current);
      if (!parsed.ok) {
        // While typing, a half-written value ("-") is not an error yet; on leaving it is.
        updateStatus(reason === 'leave' ? 'invalid' : 'typing');
        setMessage(reason === 'leave' ? parsed.message : null);
        return;
      }
      next = parsed.value;
    }
    if (current === lastSent.current && status !== 'failed' && status !== 'invalid') {
      if (status === 'typing') updateStatus('idle');
      // Saved during a pause while the field had the focus: leaving shows it as stored ("+6w" → the date).
      if (reason === 'leave' && status === 'saved') {
        lastSent.current = format(next);
        updateText(lastSent.current);
      }
      return;
    }
    updateStatus('saving');
    setMessage(null);
    const result = await save(next);
    if (result.ok) {
      lastSent.current = current;
      updateStatus('saved');
      if (!focused.current) updateText(format(next));
    } else {
      updateStatus('failed');
      setMessage(result.error.message);
    }
  }

  const describedBy = [hint && !hideLabel ? `${id}-hint` : null, `${id}-status`].filter(Boolean).join(' ');
  const showProblem = problem && status !== 'invalid' && status !== 'failed';
  const flagged = problemSeverity === 'error' && Boolean(problem);
  const inputProps = {
    id,
    value: text,
    inputMode,
    autoComplete: 'off',
    spellCheck: false,
    'aria-invalid': status === 'invalid' || status === 'failed' || flagged,
    'aria-describedby': describedBy,
    // The row it belongs to (", cycle 2") is in the name screen readers read, not on screen.
    'aria-label': labelSuffix ? fullLabel : undefined,
    className: problem && !flagged ? `has-${problemSeverity}` : undefined,
    onFocus: () => (focused.current = true),
    onChange: (e: { target: { value: string } }) => {
      updateText(e.target.value);
      updateStatus('typing');
      setMessage(null);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void commit('idle'), SAVE_AFTER_IDLE_MS);
    },
    onBlur: () => {
      focused.current = false;
      void commit('leave');
    },
  };
  return (
    <div className={`field field-${size}${multiline ? ' field-multiline' : ''}`} data-testid={testId}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      {hint && !hideLabel ? (
        <span id={`${id}-hint`} className="field-hint">
          {hint}
        </span>
      ) : null}
      {multiline ? (
        <textarea ref={input} rows={3} {...inputProps} spellCheck />
      ) : (
        <input
          ref={input}
          {...inputProps}
          list={list}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void commit('leave');
          }}
        />
      )}
      <span
        id={`${id}-status`}
        className={showProblem ? `field-status field-problem-${problemSeverity}` : `field-status field-status-${status}`}
        role={status === 'invalid' || status === 'failed' ? 'alert' : undefined}
        aria-live="polite"
      >
        {status === 'saving' ? 'Saving…' : null}
        {status === 'saved' && !showProblem ? 'Saved' : null}
        {status === 'invalid' ? `Not saved: ${message ?? ''}` : null}
        {status === 'failed' ? message : null}
        {showProblem ? problem : null}
      </span>
    </div>
  );
}
