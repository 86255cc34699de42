import { describe, expect, it } from 'vitest';
import { APP_ORIGIN } from '../../electron/main/security/origin';
import { isTrustedSender } from '../../electron/main/security/sender';

const ORIGINS = [APP_ORIGIN];
const top = (url: string) => ({ url, parent: null });

// Electron security #17: origin matches AND the frame is top-level (VS Code's rule).
describe('isTrustedSender (Electron security #17)', () => {
  it.each(['app://cryolog/index.html', 'app://cryolog/', 'app://cryolog/index.html#/session/1'])(
    'trusts the top-level app frame at %s',
    (url) => {
      expect(isTrustedSender(top(url), ORIGINS)).toBe(true);
    },
  );

  it.each([
    'app://cryolog.evil/index.html',
    'app://evil/index.html',
    'app://cryolog@evil/',
    'app://cryolog:81/',
    'https://example.org/',
    'http://localhost:5173/',
    'file:///home/user/index.html',
    'data:text/html,hi',
    'about:blank',
    'devtools://devtools/bundled/inspector.html',
    '',
  ])('refuses a top-level frame at %s', (url) => {
    expect(isTrustedSender(top(url), ORIGINS)).toBe(false);
  });

  it('refuses a sub-frame even on the app origin', () => {
    const parent = top('app://cryolog/index.html');
    expect(isTrustedSender({ url: 'app://cryolog/index.html', parent }, ORIGINS)).toBe(false);
  });

  it('refuses a frame whose parent is unknown (undefined is not null)', () => {
    expect(isTrustedSender({ url: 'app://cryolog/index.html', parent: undefined }, ORIGINS)).toBe(false);
  });

  it('refuses a missing or destroyed frame', () => {
    expect(isTrustedSender(null, ORIGINS)).toBe(false);
    expect(isTrustedSender(undefined, ORIGINS)).toBe(false);
    const disposed = {
      get url(): string {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
      parent: null,
    };
    expect(isTrustedSender(disposed, ORIGINS)).toBe(false);
  });

  it('refuses everything with no allowed origins, and trusts the dev server only when allowed', () => {
    expect(isTrustedSender(top('app://cryolog/index.html'), [])).toBe(false);
    expect(isTrustedSender(top('http://localhost:5173/'), [APP_ORIGIN, 'http://localhost:5173'])).toBe(true);
  });
});
