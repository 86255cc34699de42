import { protocol } from 'electron';
import { APP_SCHEME } from '../security/origin';
import { serveAsset } from '../security/serveAsset';

// Electron security #18: the renderer is served from app://cryolog, never file://.

/** Must run before app 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      // standard: real origin and relative URLs; secure: a secure context (like https);
      // supportFetchAPI: module scripts load through fetch. No CORS bypass, no service workers.
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    },
  ]);
}

/** Serves the built renderer; every answer carries the production CSP header (security #7). */
export function handleAppProtocol(rendererRoot: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const answer = await serveAsset(rendererRoot, request.url, request.method);
    return new Response(answer.body, { status: answer.status, headers: answer.headers });
  });
}
