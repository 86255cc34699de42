import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_HOST, APP_ORIGIN, APP_SCHEME, appOrigins, hasAllowedOrigin, originOf } from '../../electron/main/security/origin';

// The origin helper every guard relies on (Electron security #13, #17, #18).
describe('app origin constants', () => {
  it('serves the app from app://cryolog', () => {
    expect(APP_SCHEME).toBe('app');
    expect(APP_HOST).toBe('cryolog');
    expect(APP_ORIGIN).toBe('app://cryolog');
    expect(APP_ENTRY_URL).toBe('app://cryolog/index.html');
  });
});

describe('originOf', () => {
  it.each([
    ['app://cryolog/index.html', 'app://cryolog'],
    ['app://cryolog/', 'app://cryolog'],
    ['app://cryolog/index.html#/patient/1', 'app://cryolog'],
    ['APP://cryolog/x', 'app://cryolog'],
    ['http://localhost:5173/', 'http://localhost:5173'],
    ['http://LOCALHOST:5173/x', 'http://localhost:5173'],
    ['https://example.org/a', 'https://example.org'],
    ['ws://localhost:5173/', 'ws://localhost:5173'],
  ])('%s → %s', (url, origin) => {
    expect(originOf(url)).toBe(origin);
  });

  it.each([
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'blob:app://cryolog/1234',
    'about:blank',
    'app:cryolog/index.html',
    'app:///cryolog/index.html',
    'app://cryolog@evil/',
    'app://user:pw@cryolog/',
    'not a url',
    '',
    'app://cryo log/',
    'x'.repeat(9000),
  ])('has no trusted origin: %s', (url) => {
    expect(originOf(url)).toBeNull();
  });

  it.each([undefined, null, 42, {}, ['app://cryolog/']])('refuses the non-string %j', (value) => {
    expect(originOf(value)).toBeNull();
  });

  it('keeps a look-alike host distinct', () => {
    expect(originOf('app://cryolog.evil/')).toBe('app://cryolog.evil');
    expect(originOf('app://cryolog:80/')).toBe('app://cryolog:80');
    expect(hasAllowedOrigin('app://cryolog.evil/', [APP_ORIGIN])).toBe(false);
    expect(hasAllowedOrigin('app://cryolog:80/', [APP_ORIGIN])).toBe(false);
  });
});

describe('appOrigins', () => {
  it('is only app://cryolog without a dev server', () => {
    expect(appOrigins()).toEqual(['app://cryolog']);
    expect(appOrigins('')).toEqual(['app://cryolog']);
    expect(appOrigins('garbage')).toEqual(['app://cryolog']);
  });

  it('adds the dev server origin in development', () => {
    expect(appOrigins('http://localhost:5173/')).toEqual(['app://cryolog', 'http://localhost:5173']);
  });
});
