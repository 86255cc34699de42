import { describe, expect, it } from 'vitest';
import { EXTERNAL_URL_ALLOWLIST, safeOpenExternalAllowed } from '../../electron/main/security/openExternal';

// Electron security #15: offline app, empty allowlist, never opens anything.
describe('safeOpenExternalAllowed (Electron security #15)', () => {
  it('has an empty, frozen allowlist', () => {
    expect(EXTERNAL_URL_ALLOWLIST).toEqual([]);
    expect(Object.isFrozen(EXTERNAL_URL_ALLOWLIST)).toBe(true);
  });

  it.each([
    'https://www.nhs.uk/',
    'https://example.org/',
    'http://example.org/',
    'file:///etc/passwd',
    'file:///C:/Windows/System32/calc.exe',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
    'javascript:alert(1)',
    'mailto:someone@example.org',
    'app://cryolog/index.html',
    '',
    'not a url',
  ])('refuses %s', (url) => {
    expect(safeOpenExternalAllowed(url)).toBe(false);
  });

  it('would accept only an exact https entry of an explicit allowlist', () => {
    const list = ['https://www.nhs.uk/'];
    expect(safeOpenExternalAllowed('https://www.nhs.uk/', list)).toBe(true);
    expect(safeOpenExternalAllowed('https://www.nhs.uk/other', list)).toBe(false);
    expect(safeOpenExternalAllowed('http://www.nhs.uk/', ['http://www.nhs.uk/'])).toBe(false);
    expect(safeOpenExternalAllowed('https://user@www.nhs.uk/', list)).toBe(false);
    expect(safeOpenExternalAllowed(undefined, list)).toBe(false);
  });
});
