// The browser host: serves the built renderer and answers the IPC contract over HTTP by
// calling the same `dispatch` the Electron main process calls, so browser tests exercise the
// real validation, handlers and SQLite; only the transport differs. It doubles as the
// browser-hosted mode (`npm run dev:browser`). It is a development and test tool, never part
// of the packaged app.
//
// Safety, since it serves patient data over HTTP: it binds to 127.0.0.1 only, on a free
// port; every request needs the per-run secret token (an HttpOnly SameSite=Strict cookie set
// by opening the one-time URL, or an x-cryolog-token header); the Host header must be
// exactly 127.0.0.1:<port> (no DNS rebinding).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import path from 'node:path';
import { closeContext, createContext, type Clock, type Ctx } from '../../electron/main/context';
import { dispatch } from '../../electron/main/ipc/dispatch';
import { backupSettled } from '../../electron/main/backup/schedule';
import { integritySettled } from '../../electron/main/integrity/backgroundCheck';
import { serveAsset } from '../../electron/main/security/serveAsset';
import { APP_ORIGIN } from '../../electron/main/security/origin';
import { CSP_PRODUCTION } from '../../shared/security/csp';
import { fail } from '../../shared/ipc/result';
import { apiShimSource } from './apiShim';

export interface HostOptions {
  dbPath: string;
  rendererDir?: string;
  appVersion?: string;
  clock?: Clock;
  /** Log every dispatch error to the console (quiet in tests by default). */
  verbose?: boolean;
  /**
   * Stands in for the system's save dialog (what we do not ship): "Save as…" saves under the
   * suggested name in this folder. Without it the dialog behaves as if cancelled.
   */
  saveDialogFolder?: string;
  /**
   * Parse every answer against its schema too, as the app does unpackaged (default: true, for
   * tests). The bench passes false: the packaged app does not, and the renderer's timings
   * should be the packaged app's.
   */
  checkResponses?: boolean;
}

export interface Host {
  /** Open this URL once: it sets the token cookie and redirects to the app. */
  url: string;
  origin: string;
  token: string;
  ctx: Ctx;
  close(): Promise<void>;
}

const COOKIE = 'cryolog_host';
const MAX_BODY_BYTES = 1_000_000;
const SHIM_PATH = '/__host/api.js';

function sameSecret(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieToken(req: IncomingMessage): string | undefined {
  const header = req.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === COOKIE) return v.join('=');
  }
  return undefined;
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string | Uint8Array): void {
  res.writeHead(status, { 'Content-Security-Policy': CSP_PRODUCTION, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store', ...headers });
  res.end(body);
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startHost(options: HostOptions): Promise<Host> {
  const rendererDir = path.resolve(options.rendererDir ?? 'out/renderer');
  const token = randomBytes(24).toString('hex');
  const ctx = createContext({
    dbPath: options.dbPath,
    appVersion: options.appVersion ?? 'host',
    checkResponses: options.checkResponses ?? true,
    // As the app: quick_check in a worker after start (integrity/backgroundCheck.ts).
    integrityCheck: 'background',
    pdfPrerender: 'worker',
    ...(options.clock ? { clock: options.clock } : {}),
    chooseSavePath: (name) => (options.saveDialogFolder ? path.join(options.saveDialogFolder, name) : null),
    ...(options.verbose ? {} : { log: { error: () => undefined, info: () => undefined } }),
  });
  let expectedHost = '';

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => send(res, 500, { 'Content-Type': 'text/plain' }, 'Internal error'));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.headers.host !== expectedHost) return send(res, 403, { 'Content-Type': 'text/plain' }, 'Forbidden host');
    const url = new URL(req.url ?? '/', `http://${expectedHost}`);

    // The one-time entry URL: trade the token in the query for a cookie, then drop it from the address bar.
    if (req.method === 'GET' && url.pathname === '/' && url.searchParams.has('token')) {
      if (!sameSecret(url.searchParams.get('token') ?? undefined, token)) return send(res, 403, { 'Content-Type': 'text/plain' }, 'Wrong or expired link');
      return send(res, 302, { Location: '/', 'Set-Cookie': `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/` }, '');
    }
    const presented = cookieToken(req) ?? (req.headers['x-cryolog-token'] as string | undefined);
    if (!sameSecret(presented, token)) return send(res, 403, { 'Content-Type': 'text/plain' }, 'Forbidden: open the link printed by the host');

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, { 'Content-Type': 'text/plain' }, 'Method not allowed');
      const body = await readBody(req);
      let payload: unknown;
      try {
        payload = body === null ? undefined : JSON.parse(body);
      } catch {
        payload = undefined;
      }
      const result =
        body === null
          ? fail('INVALID_PAYLOAD', 'This request is too large to save.')
          : payload === undefined
            ? fail('INVALID_PAYLOAD', 'This request could not be read.')
            : dispatch(ctx, url.pathname.slice('/api/'.length), payload);
      return send(res, 200, { 'Content-Type': 'application/json; charset=utf-8' }, JSON.stringify(result));
    }
    if (url.pathname === SHIM_PATH) return send(res, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }, apiShimSource());

    const asset = await serveAsset(rendererDir, `${APP_ORIGIN}${url.pathname}`, req.method);
    if (asset.status === 200 && asset.headers['Content-Type']?.startsWith('text/html')) {
      // The host's only change to the built page: the api shim, loaded before the app bundle.
      const html = Buffer.from(asset.body).toString('utf8').replace('<script type="module"', `<script src="${SHIM_PATH}"></script>\n    <script type="module"`);
      return send(res, 200, asset.headers, html);
    }
    return send(res, asset.status, asset.headers, asset.body);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('host did not get a port');
  expectedHost = `127.0.0.1:${address.port}`;
  const origin = `http://${expectedHost}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    ctx,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          // A backup still copying in its worker finishes first: its folder may be removed next.
          void Promise.all([backupSettled(ctx), integritySettled(ctx)]).finally(() => {
            closeContext(ctx);
            resolve();
          });
        });
      }),
  };
}
