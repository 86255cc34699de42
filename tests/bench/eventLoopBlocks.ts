// How long the main thread went without returning to its event loop (issue 7: "no main-process
// block over 50 ms"), shared by the start/backup/list bench and the bulk-export bench.
import { monitorEventLoopDelay } from 'node:perf_hooks';

const WATCHDOG_MS = 5;

/**
 * The longest stretch the main thread did not get back to its event loop, by two measures:
 * perf_hooks' loop-delay histogram (5 ms resolution) and a 5 ms interval that notes its largest
 * late arrival. The larger is reported.
 */
export function blockMonitor(): { phase(): number; stop(): void } {
  const histogram = monitorEventLoopDelay({ resolution: WATCHDOG_MS });
  histogram.enable();
  let last = performance.now();
  let worstGap = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    worstGap = Math.max(worstGap, now - last - WATCHDOG_MS);
    last = now;
  }, WATCHDOG_MS);
  return {
    /** The worst block since the previous phase, in ms; starts the next phase. */
    phase() {
      const worst = Math.max(worstGap, histogram.max / 1e6 - WATCHDOG_MS);
      histogram.reset();
      worstGap = 0;
      last = performance.now();
      return Math.round(Math.max(0, worst) * 10) / 10;
    },
    stop() {
      clearInterval(timer);
      histogram.disable();
    },
  };
}
