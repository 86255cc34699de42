import { useEffect, useRef, useState } from 'react';

/** How long a pause in typing starts the search. */
const SEARCH_AFTER_MS = 250;

interface Props {
  id: string;
  label: string;
  hint: string;
  maxLength: number;
  /** The text the box starts with (a search already under way when the screen comes back). */
  initial?: string;
  clearLabel: string;
  /** Runs after a pause in typing, at once on Enter, and with '' when the box is cleared. */
  onSearch(text: string): void;
}

/**
 * A search as you type, the same wherever it is: what is typed shows at once, the search runs
 * after a short pause (or on Enter), and Esc or the Clear button empties the box, searches for
 * nothing and puts the focus back in the box. (The patient search and the note search each had
 * a copy of this.)
 */
export function SearchBox({ id, label, hint, maxLength, initial = '', clearLabel, onSearch }: Props) {
  const [text, setText] = useState(initial);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const box = useRef<HTMLInputElement>(null);
  useEffect(() => () => clearTimeout(timer.current), []);

  function searchNow(value: string) {
    clearTimeout(timer.current);
    onSearch(value);
  }

  function clear() {
    setText('');
    searchNow('');
    box.current?.focus();
  }

  return (
    <div className="search-line" role="search">
      <div className="field search-field">
        <label htmlFor={id}>{label}</label>
        <span className="field-hint" id={`${id}-hint`}>
          {hint}
        </span>
        <input
          id={id}
          ref={box}
          type="search"
          value={text}
          maxLength={maxLength}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={`${id}-hint`}
          onChange={(e) => {
            const value = e.target.value;
            setText(value);
            clearTimeout(timer.current);
            timer.current = setTimeout(() => onSearch(value), SEARCH_AFTER_MS);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && text) {
              e.preventDefault();
              clear();
            } else if (e.key === 'Enter') searchNow(text);
          }}
        />
      </div>
      {text ? (
        <button type="button" className="button subtle" onClick={clear}>
          {clearLabel}
        </button>
      ) : null}
    </div>
  );
}
