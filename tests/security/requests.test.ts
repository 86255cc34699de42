import { describe, expect, it } from 'vitest';
import { isAllowedRequest } from '../../electron/main/security/requests';

// Electron security #1: the session's onBeforeRequest filter. The app makes no network requests.
describe('isAllowedRequest (Electron security #1)', () => {
  it.each([
    'app://cryolog/index.html',
    'app://cryolog/assets/index-abc.js',
    'app://cryolog/assets/index-abc.css?v=1',
    'app://cryolog/',
    // Vite inlines small images and fonts; data: never reaches the network and CSP img-src decides its use.
    'data:image/png;base64,iVBORw0KGgo=',
    'data:image/svg+xml,%3Csvg%3E%3C/svg%3E',
    'devtools://devtools/bundled/devtools_app.html',
  ])('allows %s', (url) => {
    expect(isAllowedRequest(url)).toBe(true);
  });

  it.each([
    'http://example.org/',
    'https://example.org/tracker.js',
    'https://fonts.googleapis.com/css?family=Roboto',
    'http://localhost:5173/',
    'ws://localhost:5173/',
    'http://localhost:9',
    'file:///etc/passwd',
    'file:///C:/Windows/win.ini',
    'ftp://example.org/file',
    'blob:app://cryolog/1b2c',
    'app://cryolog.evil/index.html',
    'app://evil/index.html',
    'app://cryolog@evil/x.js',
    'app://cryolog:1234/x.js',
    'chrome://gpu',
    'chrome-extension://abcdef/script.js',
    'devtools://evil/',
    'javascript:alert(1)',
    'about:blank',
    'not a url',
    '',
  ])('cancels %s', (url) => {
    expect(isAllowedRequest(url)).toBe(false);
  });

  it.each([undefined, null, 3, {}])('cancels the non-string %j', (value) => {
    expect(isAllowedRequest(value)).toBe(false);
  });

  describe('with the electron-vite dev server', () => {
    const options = { devServerUrl: 'http://localhost:5173/' };
    it.each([
      'http://localhost:5173/',
      'http://localhost:5173/@vite/client',
      'http://localhost:5173/src/main.tsx?t=1',
      'ws://localhost:5173/',
      'app://cryolog/index.html',
    ])('allows %s', (url) => {
      expect(isAllowedRequest(url, options)).toBe(true);
    });

    it.each([
      'http://localhost:5174/',
      'http://127.0.0.1:5173/',
      'https://localhost:5173/',
      'wss://localhost:5173/',
      'ws://localhost:5174/',
      'http://localhost:9',
      'https://example.org/',
    ])('still cancels %s', (url) => {
      expect(isAllowedRequest(url, options)).toBe(false);
    });

    it('ignores a dev server URL that is not http(s)', () => {
      expect(isAllowedRequest('file:///tmp/x', { devServerUrl: 'file:///tmp/' })).toBe(false);
      expect(isAllowedRequest('ws://localhost:1/', { devServerUrl: 'ws://localhost:1/' })).toBe(false);
      expect(isAllowedRequest('https://example.org/', { devServerUrl: 'garbage' })).toBe(false);
    });
  });
});
