import path from 'node:path';
import { APP_HOST, APP_SCHEME } from './origin';

// Maps an app:// request to a file of the built renderer (Electron security #18: a custom
// protocol instead of file://). Only files under `rendererRoot` can ever be answered; anything
// odd is refused rather than "cleaned up", because Chromium already normalises every URL it
// sends to the handler, so a request that still looks odd did not come from our page.

/** A path segment that is a dot segment, literally or percent-encoded (".", "..", "%2e%2E"…). */
const DOT_SEGMENT = /(?:^|[/\\])(?:\.|%2e){1,2}(?=[/\\?#]|$)/i;

/**
 * The absolute path of the file `requestUrl` asks for, inside `rendererRoot`, or null.
 * `app://cryolog/` maps to index.html. Refused: other schemes or hosts, credentials, dot
 * segments (raw or encoded), backslashes, encoded slashes, double encoding, NUL and control characters,
 * empty segments (`//etc/passwd`), drive letters or colons, and anything resolving outside
 * `rendererRoot`.
 */
export function resolveAssetPath(rendererRoot: string, requestUrl: string): string | null {
  if (typeof requestUrl !== 'string' || requestUrl.length > 4096) return null;
  if (!path.isAbsolute(rendererRoot)) return null;
  // Checked on the raw text: the URL parser would silently resolve `..` and `%2e%2e`.
  const rawPath = requestUrl.split(/[?#]/, 1)[0] ?? '';
  if (DOT_SEGMENT.test(rawPath.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/\\]*/i, ''))) return null;

  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  if (url.username !== '' || url.password !== '') return null;

  const encoded = url.pathname;
  if (!encoded.startsWith('/') || encoded.includes('\\') || /%(?:2f|5c|00)/i.test(encoded)) return null;

  let decoded: string;
  try {
    decoded = decodeURIComponent(encoded);
  } catch {
    return null; // malformed percent-encoding
  }
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\\\u0000-\u001f\u007f:%]/.test(decoded)) return null; // "%" left after decoding = double encoding

  const relative = decoded === '/' ? 'index.html' : decoded.slice(1);
  const segments = relative.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..')) return null;

  const root = path.resolve(rendererRoot);
  const resolved = path.resolve(root, ...segments);
  const inside = path.relative(root, resolved);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return null;
  return resolved;
}
