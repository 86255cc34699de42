import { useEffect, useRef } from 'react';
import { useApp } from '../../state/context';

const INPUT_EVENTS = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;
/** How often the window tells the main process it is in use (its backstop waits longer than this). */
const REPORT_EVERY_MS = 60_000;
const CHECK_EVERY_MS = 5_000;

/**
 * Locks the screen after the service's idle time without a key, touch or pointer, measured
 * on the monotonic clock (a wall-clock change neither locks nor unlocks). A running
 * freeze timer counts as use: a clinician mid-procedure is never locked out. Locking keeps the
 * screen as it is under the lock; every edit is already saved as it is made.
 */
export function useIdleLock(): void {
  const minutes = useApp((s) => s.auth?.autoLockMinutes ?? null);
  const signedIn = useApp((s) => s.auth?.user != null);
  const api = useApp((s) => s.api);
  const endUse = useApp((s) => s.endUse);
  const timerRunning = useApp((s) => s.timer !== null && s.timerLive);
  const lastInput = useRef(0);
  const lastReport = useRef(0);
  const running = useRef(timerRunning);
  useEffect(() => {
    running.current = timerRunning;
  }, [timerRunning]);

  useEffect(() => {
    if (!signedIn || minutes === null) return;
    lastInput.current = performance.now();
    lastReport.current = performance.now();
    const onInput = () => {
      lastInput.current = performance.now();
      if (lastInput.current - lastReport.current >= REPORT_EVERY_MS) {
        lastReport.current = lastInput.current;
        void api.reportActivity({});
      }
    };
    for (const name of INPUT_EVENTS) window.addEventListener(name, onInput, { capture: true, passive: true });
    const check = window.setInterval(() => {
      if (running.current) lastInput.current = performance.now();
      if (performance.now() - lastInput.current >= minutes * 60_000) {
        // Whatever is being typed is saved first (leaving a field queues its save), then the screen locks.
        (document.activeElement as HTMLElement | null)?.blur();
        lastInput.current = performance.now();
        void endUse('lock-idle');
      }
    }, CHECK_EVERY_MS);
    return () => {
      for (const name of INPUT_EVENTS) window.removeEventListener(name, onInput, { capture: true });
      window.clearInterval(check);
    };
  }, [signedIn, minutes, api, endUse]);
}
