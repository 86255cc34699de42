import { APP_ORIGIN, originOf } from './origin';

// Electron security #1 (only load secure content): a `session.webRequest.onBeforeRequest`
// filter cancels every request the app's own page would not make. The app makes no network
// requests at all: its pages, scripts, styles and fonts come from app://cryolog, and its data
// comes over IPC.
//
// data: URLs are let through on purpose. They never reach the network (nothing can be sent
// out through one), Vite inlines small images and fonts as data: URIs, and the CSP is what
// decides where they may be used (only img-src; never scripts, frames or navigation, and
// Chromium refuses top-level data: navigations anyway).
// blob:, file:, http(s) elsewhere, ftp:, chrome:, chrome-extension:, ws: elsewhere: cancelled.

export interface RequestPolicyOptions {
  /** The electron-vite dev server (`ELECTRON_RENDERER_URL`), only when not packaged. */
  devServerUrl?: string | undefined;
}

export function isAllowedRequest(url: unknown, options: RequestPolicyOptions = {}): boolean {
  if (typeof url !== 'string') return false;
  if (/^data:/i.test(url)) return true;
  // The DevTools front end loads itself from devtools://; DevTools are off in packaged builds.
  if (/^devtools:\/\/devtools\//i.test(url)) return true;

  const origin = originOf(url);
  if (origin === null) return false;
  if (origin === APP_ORIGIN) return true;

  const dev = options.devServerUrl ? originOf(options.devServerUrl) : null;
  if (dev === null || !/^https?:\/\//.test(dev)) return false;
  if (origin === dev) return true;
  // Vite's hot-reload socket: same host and port, ws: for http:, wss: for https:.
  const socketOrigin = dev.replace(/^http/, 'ws');
  return origin === socketOrigin;
}
