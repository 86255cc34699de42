import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { SessionListItem } from '../../../../shared/ipc/contract';
import { SESSION_STATUS_LABELS } from '../../../../shared/domain/valueSets';
import { formatNhsNumber } from '../../../../shared/domain/nhsNumber';
import { formatDateTime } from '../../../../shared/domain/parse';
import { patientName } from '../../lib/patientName';
import { visibleWindow, nextIndex } from './listWindow';

/** Every row is this tall (CSS .vlist-row says the same): where row i sits is i × ROW_HEIGHT, no measuring. */
export const ROW_HEIGHT = 56;
/** Rows kept in the DOM above and below the visible ones, so a quick scroll shows no blank. */
const OVERSCAN = 8;
/** Ask for the next page when the last visible row is this close to the last loaded one. */
const NEAR_END_ROWS = 60;
/** Set once, when the first rows are in the DOM: the bench reads it (tests/bench/renderer.ts). */
export const LIST_SHOWN_MARK = 'cryolog:session-list-shown';

interface Props {
  label: string;
  sessions: SessionListItem[];
  /** False while older sessions remain to be fetched. */
  complete: boolean;
  onNearEnd(): void;
}

/**
 * The sessions as a table of which only the rows in view (plus a few) are in the DOM: at
 * 100,000 sessions the page holds a few dozen rows, not 100,000. A table (not a grid) so a
 * screen reader reads it as before; aria-rowcount/aria-rowindex say where each row sits in
 * the whole. The keyboard moves a single tab stop (the row's link) with the arrows,
 * PageUp/PageDown and Home/End; Enter follows the link. The row in focus stays in the DOM
 * even when scrolled away, so the focus is never lost to the page.
 */
export function SessionList({ label, sessions, complete, onNearEnd }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const [firstVisible, setFirstVisible] = useState(0);
  const [viewportRows, setViewportRows] = useState(12);
  const [active, setActive] = useState(0);
  const focusActive = useRef(false);
  const count = sessions.length;
  const { start, end } = visibleWindow(firstVisible, viewportRows, count, OVERSCAN);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setViewportRows(Math.max(1, Math.ceil(el.clientHeight / ROW_HEIGHT)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (count > 0 && performance.getEntriesByName(LIST_SHOWN_MARK).length === 0) performance.mark(LIST_SHOWN_MARK);
  }, [count]);

  useEffect(() => {
    if (!complete && firstVisible + viewportRows >= count - NEAR_END_ROWS) onNearEnd();
  }, [complete, firstVisible, viewportRows, count, onNearEnd]);

  // After a key moved the focus: the row is rendered now, so it can take it.
  useEffect(() => {
    if (!focusActive.current) return;
    focusActive.current = false;
    scroller.current?.querySelector<HTMLElement>(`[data-index="${active}"] .row-link`)?.focus({ preventScroll: true });
  }, [active]);

  function moveTo(index: number) {
    const el = scroller.current;
    if (!el || count === 0) return;
    const i = Math.min(count - 1, Math.max(0, index));
    // Scroll just enough to show the row (below the sticky header, a row tall).
    const top = i * ROW_HEIGHT;
    const bodyHeight = el.clientHeight - ROW_HEIGHT;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_HEIGHT > el.scrollTop + bodyHeight) el.scrollTop = top + ROW_HEIGHT - bodyHeight;
    setFirstVisible(Math.floor(el.scrollTop / ROW_HEIGHT));
    focusActive.current = true;
    setActive(i);
    if (i === active) scroller.current?.querySelector<HTMLElement>(`[data-index="${i}"] .row-link`)?.focus({ preventScroll: true });
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const to = nextIndex(e.key, active, count, Math.max(1, viewportRows - 2));
    if (to === null) return;
    e.preventDefault();
    moveTo(to);
  }

  const rows: number[] = [];
  for (let i = start; i < end; i++) rows.push(i);
  if (active < count && (active < start || active >= end)) rows.push(active);

  return (
    <>
      <div role="table" aria-label={label} aria-rowcount={complete ? count + 1 : -1} className="vlist" onKeyDown={onKeyDown}>
        <div
          ref={scroller}
          className="vlist-scroller"
          onScroll={(e) => setFirstVisible(Math.floor(e.currentTarget.scrollTop / ROW_HEIGHT))}
        >
          <div role="rowgroup" className="vlist-head">
            <div role="row" aria-rowindex={1} className="vlist-row">
              <span role="columnheader">Started</span>
              <span role="columnheader">Patient</span>
              <span role="columnheader">NHS number</span>
              <span role="columnheader" className="num">Targets</span>
              <span role="columnheader" className="num">Cycles</span>
              <span role="columnheader">Status</span>
            </div>
          </div>
          <div role="rowgroup" className="vlist-body" style={{ height: count * ROW_HEIGHT }}>
            {rows.map((i) => {
              const s = sessions[i]!;
              return (
                <div role="row" aria-rowindex={i + 2} key={s.id} data-index={i} className="vlist-row" style={{ transform: `translateY(${i * ROW_HEIGHT}px)` }}>
                  <span role="cell">
                    <a href={`#/session/${s.id}`} className="row-link" tabIndex={i === active ? 0 : -1} onFocus={() => setActive(i)}>
                      {formatDateTime(s.startedAt)}
                    </a>
                  </span>
                  <span role="cell">{patientName(s.familyName, s.givenName)}</span>
                  <span role="cell">{formatNhsNumber(s.nhsNumber) || '—'}</span>
                  <span role="cell" className="num">{s.targetCount}</span>
                  <span role="cell" className="num">{s.cycleCount}</span>
                  <span role="cell">
                    <span className="badge">{SESSION_STATUS_LABELS[s.status]}</span>
                  </span>
                </div>
              );
            })}
          </div>
        </div>
      </div>
      {complete ? null : (
        <p className="muted vlist-more">
          {count.toLocaleString('en-GB')} sessions loaded; older ones load as you scroll.
        </p>
      )}
    </>
  );
}
