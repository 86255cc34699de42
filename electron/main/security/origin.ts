// The app's own origin. Production pages are served from a privileged custom scheme instead
// of file:// (Electron security #18): file:// pages share one origin with every file on the
// disk, while app://cryolog is a distinct, standard, secure origin that only our protocol
// handler can answer.

export const APP_SCHEME = 'app';
export const APP_HOST = 'cryolog';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Schemes whose URLs can carry a trusted origin; everything else (file, data, javascript, blob…) has none. */
const HIERARCHICAL_SCHEMES: ReadonlySet<string> = new Set([`${APP_SCHEME}:`, 'http:', 'https:', 'ws:', 'wss:']);

/**
 * The origin ("scheme://host[:port]") of a URL, or null when it has none we could trust.
 *
 * Not `new URL(u).origin`: Node's WHATWG parser gives "null" for non-special schemes such as
 * app:, whereas Chromium (where app is registered as standard) gives "app://cryolog". URLs
 * with credentials are refused outright: `app://cryolog@evil/` must never read as ours.
 */
export function originOf(url: unknown): string | null {
  if (typeof url !== 'string' || url.length === 0 || url.length > 8192) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!HIERARCHICAL_SCHEMES.has(parsed.protocol)) return null;
  if (parsed.host === '' || parsed.username !== '' || parsed.password !== '') return null;
  return `${parsed.protocol}//${parsed.host}`;
}

/** True when `url` belongs to one of `allowedOrigins` (exact string comparison of origins). */
export function hasAllowedOrigin(url: unknown, allowedOrigins: readonly string[]): boolean {
  const origin = originOf(url);
  return origin !== null && allowedOrigins.includes(origin);
}

/**
 * The origins the app's own pages may have: app://cryolog always, plus the electron-vite dev
 * server's origin while developing (`npm run dev`, never in a packaged build).
 */
export function appOrigins(devServerUrl?: string): readonly string[] {
  const dev = devServerUrl ? originOf(devServerUrl) : null;
  return dev && dev !== APP_ORIGIN ? [APP_ORIGIN, dev] : [APP_ORIGIN];
}
