import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { CSP_PRODUCTION } from '../../../shared/security/csp';
import { resolveAssetPath } from './assetPath';

// What the app:// protocol handler answers, without Electron: the Electron wiring only turns
// this into a `Response`. Every answer carries the production CSP header (Electron security
// #7; the same constant is the meta tag of the built index.html).

export interface AssetResponse {
  status: 200 | 403 | 404 | 405;
  headers: Record<string, string>;
  body: Uint8Array<ArrayBuffer> | string;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

function baseHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CSP_PRODUCTION,
    // Scripts and styles only run with their declared type (CSP cannot stop MIME sniffing).
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  };
}

function refusal(status: 403 | 404 | 405, text: string): AssetResponse {
  return { status, headers: { ...baseHeaders(), 'Content-Type': 'text/plain; charset=utf-8' }, body: text };
}

/**
 * Answers one app:// request from the files under `rendererRoot` (normally out/renderer).
 * Refuses anything `resolveAssetPath` refuses (403), anything whose real path (after symlinks)
 * leaves the root (403), directories and missing files (404), and methods other than GET/HEAD.
 */
export async function serveAsset(rendererRoot: string, requestUrl: string, method = 'GET'): Promise<AssetResponse> {
  if (method !== 'GET' && method !== 'HEAD') return refusal(405, 'Method not allowed');
  const filePath = resolveAssetPath(rendererRoot, requestUrl);
  if (filePath === null) return refusal(403, 'Forbidden');
  try {
    const [realRoot, realFile] = await Promise.all([realpath(rendererRoot), realpath(filePath)]);
    const inside = path.relative(realRoot, realFile);
    if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return refusal(403, 'Forbidden');
    if (!(await stat(realFile)).isFile()) return refusal(404, 'Not found');
    const body = method === 'HEAD' ? '' : new Uint8Array(await readFile(realFile));
    return { status: 200, headers: { ...baseHeaders(), 'Content-Type': contentTypeFor(realFile) }, body };
  } catch {
    return refusal(404, 'Not found');
  }
}
