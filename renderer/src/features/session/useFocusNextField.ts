import { useEffect, useRef, useState } from 'react';
import { focusUnlessBusy } from '../../lib/focus';
import { fieldDomId } from '../../lib/findings';
import type { SessionDocument } from '../../../../shared/domain/model';
import { nextTargetField } from './nextTargetField';

const FOCUSABLE = 'input, select, textarea, [role="radio"][tabindex="0"], [role="checkbox"], button';

/** A target added with its place already filled (a preset, a repeat): by id, or by position. */
export type NewTarget = { id: string } | { seq: number };

/**
 * Sends the focus to the field of a new target that the clinician fills next, once the
 * target is on screen with its filled values, unless the user is typing somewhere else by
 * then (focusUnlessBusy). Same pattern as useFocusRow (components/Rows.tsx).
 */
export function useFocusNextField(doc: SessionDocument | null): (target: NewTarget) => void {
  const pending = useRef<NewTarget | null>(null);
  const [, rerender] = useState(0);
  useEffect(() => {
    const want = pending.current;
    if (!want || !doc) return;
    const t = doc.targets.find((x) => ('id' in want ? x.id === want.id : x.seq === want.seq));
    const el = t ? document.getElementById(fieldDomId('target', t.id, nextTargetField(doc, t))) : null;
    if (!el) return;
    pending.current = null;
    // A group of buttons (Yes / No) passes the focus to its button that takes the Tab stop.
    const control = el.matches(FOCUSABLE) ? el : el.querySelector<HTMLElement>(FOCUSABLE);
    focusUnlessBusy(control);
    if (control && document.activeElement === control) control.scrollIntoView?.({ block: 'center' });
  });
  return (target) => {
    pending.current = target;
    rerender((n) => n + 1);
  };
}
