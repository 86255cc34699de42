// The arithmetic of the virtualised session list, kept apart from React so it is tested alone.

/** The rows to put in the DOM: those in view plus `overscan` either side, within [0, count). */
export function visibleWindow(firstVisible: number, viewportRows: number, count: number, overscan: number): { start: number; end: number } {
  const start = Math.max(0, Math.min(firstVisible, count) - overscan);
  const end = Math.min(count, firstVisible + viewportRows + overscan);
  return { start, end: Math.max(start, end) };
}

/** Where a key moves the focus from row `current` (null: the key is not the list's). */
export function nextIndex(key: string, current: number, count: number, pageRows: number): number | null {
  if (count === 0) return null;
  const to = (() => {
    switch (key) {
      case 'ArrowDown':
        return current + 1;
      case 'ArrowUp':
        return current - 1;
      case 'PageDown':
        return current + pageRows;
      case 'PageUp':
        return current - pageRows;
      case 'Home':
        return 0;
      case 'End':
        return count - 1;
      default:
        return null;
    }
  })();
  return to === null ? null : Math.min(count - 1, Math.max(0, to));
}
