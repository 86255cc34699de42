import { denyWindowOpen, isAllowedNavigation, type WindowOpenDenial } from './navigation';

// The per-webContents guards, attached to every webContents Electron creates (the main
// window, DevTools, anything unexpected) from app.on('web-contents-created'). Written against
// small structural types so they are tested with fake events and a fake webContents.

export interface PreventableEventLike {
  preventDefault(): void;
}

export interface NavigationEventLike extends PreventableEventLike {
  url: string;
}

/** Electron security #13: 'will-navigate', 'will-frame-navigate' and 'will-redirect'. Returns whether it was allowed. */
export function guardNavigation(event: NavigationEventLike, allowedOrigins: readonly string[]): boolean {
  let url: unknown;
  try {
    url = event.url;
  } catch {
    url = undefined;
  }
  if (isAllowedNavigation(url, allowedOrigins)) return true;
  event.preventDefault();
  return false;
}

/** Electron security #11 and #12: no <webview> ever attaches, whatever its options. */
export function blockWebview(event: PreventableEventLike): void {
  event.preventDefault();
}

export const NAVIGATION_EVENTS = ['will-navigate', 'will-frame-navigate', 'will-redirect'] as const;

export interface WebContentsLike {
  on(event: (typeof NAVIGATION_EVENTS)[number], listener: (event: NavigationEventLike) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEventLike) => void): unknown;
  setWindowOpenHandler(handler: () => WindowOpenDenial): void;
}

/** Attaches every guard above, plus Electron security #14 (no new windows). */
export function hardenWebContents(contents: WebContentsLike, allowedOrigins: readonly string[]): void {
  const origins = Object.freeze([...allowedOrigins]);
  for (const name of NAVIGATION_EVENTS) contents.on(name, (event) => void guardNavigation(event, origins));
  contents.on('will-attach-webview', (event) => blockWebview(event));
  contents.setWindowOpenHandler(() => denyWindowOpen());
}
