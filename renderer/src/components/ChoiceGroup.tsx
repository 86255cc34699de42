import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { focusUnlessBusy } from '../lib/focus';

/** Buttons take the room their labels need: one column of the form, two, or the whole row. */
function spanFor(options: readonly ChoiceOption[]): string {
  const width = options.reduce((sum, o) => sum + o.label.length + 5, 0);
  return width > 60 ? ' field-wide' : width > 22 ? ' field-span-2' : '';
}

export interface ChoiceOption {
  /** The key of the option (the stored code, or a number or boolean written as text). */
  key: string;
  label: string;
}

interface BaseProps {
  /** DOM id of the group (a finding elsewhere can send the focus here). */
  domId: string;
  label: string;
  labelSuffix?: string;
  hideLabel?: boolean;
  hint?: string;
  options: ChoiceOption[];
  /** Under the buttons: a finding, a failure, or "Not answered". */
  status?: ReactNode;
  statusClass?: string;
  autoFocus?: boolean;
  wide?: boolean;
  testId?: string;
  invalid?: boolean;
}

/**
 * Large single-choice buttons (role=radio), for gloved hands: one press records the answer.
 * Nothing is pressed until someone answers, so "not answered" can never read as a "No".
 * Keyboard: Tab reaches the group once; arrow keys move between the buttons; Space or Enter
 * chooses; typing a code or the first letters of a label chooses it ("1+" for MAS, "y" for
 * Yes); Delete clears the answer.
 */
export function ChoiceGroup(props: BaseProps & { value: string | null; onChoose(key: string | null): void }) {
  const { domId, label, labelSuffix = '', hideLabel, hint, options, value, onChoose, status, statusClass, autoFocus, wide, testId, invalid } = props;
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const typed = useRef<{ text: string; at: number; timer?: ReturnType<typeof setTimeout> }>({ text: '', at: 0 });
  const selectedIndex = options.findIndex((o) => o.key === value);
  const tabIndexAt = selectedIndex === -1 ? 0 : selectedIndex;

  useEffect(() => {
    if (autoFocus) focusUnlessBusy(buttons.current[tabIndexAt]);
    // Only when asked, not on every change of the answer.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [autoFocus]);
  useEffect(() => () => clearTimeout(typed.current.timer), []);

  function move(from: number, by: number) {
    const next = (from + by + options.length) % options.length;
    buttons.current[next]?.focus();
  }

  function typeAhead(char: string, now: number) {
    const t = typed.current;
    clearTimeout(t.timer);
    t.text = now - t.at < 900 ? t.text + char : char;
    t.at = now;
    const text = t.text.toLowerCase();
    const exact = options.find((o) => o.key.toLowerCase() === text);
    const longer = options.some((o) => o.key.toLowerCase() !== text && o.key.toLowerCase().startsWith(text));
    const byLabel = options.find((o) => o.label.toLowerCase().startsWith(text));
    const pick = exact ?? byLabel;
    if (!pick) return;
    const choose = () => {
      if (pick.key !== value) onChoose(pick.key);
      buttons.current[options.indexOf(pick)]?.focus();
    };
    // "1" could still become "1+": wait a moment before choosing it.
    if (exact && longer) t.timer = setTimeout(choose, 600);
    else choose();
  }

  function onKeyDown(e: KeyboardEvent<HTMLButtonElement>, index: number) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
    if (step !== undefined) {
      e.preventDefault();
      move(index, step);
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      if (e.key === 'Home') move(-1, 1);
      else move(0, -1);
    } else if ((e.key === 'Delete' || e.key === 'Backspace') && value !== null) {
      e.preventDefault();
      onChoose(null);
    } else if (e.key.length === 1 && e.key !== ' ') typeAhead(e.key, e.timeStamp);
  }

  const labelId = `${domId}-label`;
  const statusId = `${domId}-status`;
  return (
    <div className={`field choice-field${wide ? ' field-wide' : spanFor(options)}`} data-testid={testId}>
      <span id={labelId} className={hideLabel ? 'field-label visually-hidden' : 'field-label'}>
        {label}
      </span>
      {hint ? <span className="field-hint">{hint}</span> : null}
      <div id={domId} className="toggle-group" role="radiogroup" aria-labelledby={labelSuffix ? undefined : labelId} aria-label={labelSuffix ? label + labelSuffix : undefined} aria-describedby={statusId} aria-invalid={invalid || undefined} tabIndex={-1}>
        {options.map((o, i) => (
          <button
            key={o.key}
            ref={(el) => {
              buttons.current[i] = el;
            }}
            type="button"
            role="radio"
            aria-checked={o.key === value}
            tabIndex={i === tabIndexAt ? 0 : -1}
            className={o.key === value ? 'toggle on' : 'toggle'}
            onClick={() => {
              if (o.key !== value) onChoose(o.key);
            }}
            onKeyDown={(e) => onKeyDown(e, i)}
          >
            {o.label}
          </button>
        ))}
      </div>
      <span id={statusId} className={`field-status ${statusClass ?? ''}`} aria-live="polite">
        {status}
      </span>
    </div>
  );
}

/**
 * Several answers from a list (role=checkbox buttons). An option such as "None" can be
 * exclusive: choosing it clears the others, and choosing another clears it.
 */
export function CheckGroup(props: BaseProps & { values: readonly string[] | null; exclusive?: string | null; onChange(keys: string[] | null): void }) {
  const { domId, label, labelSuffix = '', hideLabel, hint, options, values, exclusive, onChange, status, statusClass, wide, testId, autoFocus } = props;
  const first = useRef<HTMLButtonElement | null>(null);
  useEffect(() => {
    if (autoFocus) focusUnlessBusy(first.current);
  }, [autoFocus]);
  const chosen = new Set(values ?? []);

  function toggle(key: string) {
    const next = new Set(chosen);
    if (next.has(key)) next.delete(key);
    else {
      next.add(key);
      if (exclusive && key === exclusive) for (const k of [...next]) if (k !== key) next.delete(k);
      if (exclusive && key !== exclusive) next.delete(exclusive);
    }
    // Kept in the list's order; nothing chosen is "not answered", never an empty answer.
    const ordered = options.map((o) => o.key).filter((k) => next.has(k));
    onChange(ordered.length === 0 ? null : ordered);
  }

  const labelId = `${domId}-label`;
  const statusId = `${domId}-status`;
  return (
    <div className={`field choice-field${wide ? ' field-wide' : spanFor(options)}`} data-testid={testId}>
      <span id={labelId} className={hideLabel ? 'field-label visually-hidden' : 'field-label'}>
        {label}
      </span>
      {hint ? <span className="field-hint">{hint}</span> : null}
      <div id={domId} className="toggle-group wrap" role="group" aria-labelledby={labelSuffix ? undefined : labelId} aria-label={labelSuffix ? label + labelSuffix : undefined} aria-describedby={statusId} tabIndex={-1}>
        {options.map((o, i) => (
          <button
            key={o.key}
            ref={i === 0 ? first : undefined}
            type="button"
            role="checkbox"
            aria-checked={chosen.has(o.key)}
            className={chosen.has(o.key) ? 'toggle check on' : 'toggle check'}
            onClick={() => toggle(o.key)}
          >
            {o.label}
          </button>
        ))}
      </div>
      <span id={statusId} className={`field-status ${statusClass ?? ''}`} aria-live="polite">
        {status}
      </span>
    </div>
  );
}
