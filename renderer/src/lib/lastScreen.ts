import { parseRoute, routeToHash, type Route } from '../state/route';

// Where the clinician was, so that CryoLog reopens there after a crash, a power cut or a
// restart (the record itself is in SQLite; this is only which screen was open). A window
// opened with an address of its own (a reload, a link) keeps that address.
const KEY = 'cryolog.lastScreen';

export function rememberScreen(route: Route): void {
  try {
    window.localStorage.setItem(KEY, routeToHash(route));
  } catch {
    // Storage unavailable (private mode, full disk): reopening on the list is fine.
  }
}

/** The screen to open on start: the address if it names one, else the last screen used. */
export function startingHash(currentHash: string): string {
  if (currentHash && currentHash !== '#' && currentHash !== '#/') return currentHash;
  try {
    const saved = window.localStorage.getItem(KEY);
    return saved && parseRoute(saved).name !== 'home' ? saved : currentHash;
  } catch {
    return currentHash;
  }
}
