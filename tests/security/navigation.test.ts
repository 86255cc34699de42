import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { denyWindowOpen, isAllowedNavigation } from '../../electron/main/security/navigation';
import { APP_ORIGIN } from '../../electron/main/security/origin';
import {
  blockWebview,
  guardNavigation,
  hardenWebContents,
  NAVIGATION_EVENTS,
  type WebContentsLike,
} from '../../electron/main/security/webContents';

const PROD = [APP_ORIGIN];
const DEV = [APP_ORIGIN, 'http://localhost:5173'];

// Electron security #13: the window never leaves its own origin.
describe('isAllowedNavigation (Electron security #13)', () => {
  it.each([
    'app://cryolog/index.html',
    'app://cryolog/',
    'app://cryolog/index.html#/session/abc',
    'app://cryolog/index.html?x=1',
  ])('allows the app page %s', (url) => {
    expect(isAllowedNavigation(url, PROD)).toBe(true);
  });

  it.each([
    'app://cryolog.evil/',
    'app://evil.cryolog/',
    'app://cryolog@evil/index.html',
    'app://evil@cryolog/index.html',
    'app://cryolog:8080/index.html',
    'app:cryolog/index.html',
    'app:///index.html',
    'javascript:alert(document.cookie)',
    'JAVASCRIPT:alert(1)',
    'file:///etc/passwd',
    'file://cryolog/index.html',
    'http://localhost:9',
    'http://localhost:5173/',
    'https://example.org/',
    'http://cryolog/',
    'https://cryolog/',
    'data:text/html,<h1>hi</h1>',
    'blob:app://cryolog/0e5e2c1e',
    'about:blank',
    'chrome://settings',
    'devtools://devtools/bundled/inspector.html',
    'ftp://example.org/',
    '//cryolog/index.html',
    '/index.html',
    'index.html',
    '',
    'http://[::1',
  ])('refuses %s in production', (url) => {
    expect(isAllowedNavigation(url, PROD)).toBe(false);
  });

  it('allows the dev server only when it is in the allowed origins', () => {
    expect(isAllowedNavigation('http://localhost:5173/', DEV)).toBe(true);
    expect(isAllowedNavigation('http://localhost:5174/', DEV)).toBe(false);
    expect(isAllowedNavigation('http://127.0.0.1:5173/', DEV)).toBe(false);
    expect(isAllowedNavigation('http://localhost:9', DEV)).toBe(false);
  });

  it.each([undefined, null, 1, {}])('refuses the non-string %j', (value) => {
    expect(isAllowedNavigation(value, PROD)).toBe(false);
  });

  it('refuses everything when no origin is allowed', () => {
    expect(isAllowedNavigation('app://cryolog/index.html', [])).toBe(false);
  });
});

// Electron security #14.
describe('denyWindowOpen (Electron security #14)', () => {
  it('always denies', () => {
    expect(denyWindowOpen()).toEqual({ action: 'deny' });
  });
});

function fakeEvent(url: string) {
  let prevented = 0;
  return {
    url,
    preventDefault: () => {
      prevented += 1;
    },
    get prevented() {
      return prevented;
    },
  };
}

describe('guardNavigation and blockWebview (Electron security #11, #12, #13)', () => {
  it('lets an app navigation through untouched', () => {
    const event = fakeEvent('app://cryolog/index.html#/');
    expect(guardNavigation(event, PROD)).toBe(true);
    expect(event.prevented).toBe(0);
  });

  it.each(['https://example.org/', 'file:///etc/passwd', 'javascript:alert(1)', 'app://cryolog.evil/'])(
    'prevents %s',
    (url) => {
      const event = fakeEvent(url);
      expect(guardNavigation(event, PROD)).toBe(false);
      expect(event.prevented).toBe(1);
    },
  );

  it('prevents a navigation whose URL cannot be read', () => {
    let prevented = false;
    const event = {
      get url(): string {
        throw new Error('Render frame was disposed');
      },
      preventDefault: () => {
        prevented = true;
      },
    };
    expect(guardNavigation(event, PROD)).toBe(false);
    expect(prevented).toBe(true);
  });

  it('blocks every <webview>', () => {
    const event = fakeEvent('');
    blockWebview(event);
    expect(event.prevented).toBe(1);
  });
});

class FakeWebContents extends EventEmitter {
  windowOpenHandler: (() => { action: 'deny' }) | null = null;
  setWindowOpenHandler(handler: () => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }
}

describe('hardenWebContents', () => {
  it('attaches the navigation, redirect, webview and window-open guards', () => {
    const contents = new FakeWebContents();
    hardenWebContents(contents as unknown as WebContentsLike, PROD);

    for (const name of NAVIGATION_EVENTS) {
      expect(contents.listenerCount(name), name).toBe(1);
      const bad = fakeEvent('https://example.org/');
      contents.emit(name, bad);
      expect(bad.prevented, name).toBe(1);
      const good = fakeEvent('app://cryolog/index.html');
      contents.emit(name, good);
      expect(good.prevented, name).toBe(0);
    }
    expect(NAVIGATION_EVENTS).toEqual(expect.arrayContaining(['will-navigate', 'will-redirect']));

    const webview = fakeEvent('');
    contents.emit('will-attach-webview', webview, {}, {});
    expect(webview.prevented).toBe(1);

    expect(contents.windowOpenHandler?.()).toEqual({ action: 'deny' });
  });

  it('is not loosened by mutating the origins array afterwards', () => {
    const contents = new FakeWebContents();
    const origins = [APP_ORIGIN];
    hardenWebContents(contents as unknown as WebContentsLike, origins);
    origins.push('https://example.org');
    const event = fakeEvent('https://example.org/');
    contents.emit('will-navigate', event);
    expect(event.prevented).toBe(1);
  });
});
