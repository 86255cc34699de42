import { describe, expect, it } from 'vitest';
import { ALLOWED_PERMISSIONS, isPermissionAllowed } from '../../electron/main/security/permissions';

// Electron security #5: every permission refused, except a sanitised clipboard write from the app.
const EVERY_ELECTRON_PERMISSION = [
  'ar', 'automatic-fullscreen', 'background-fetch', 'background-sync', 'captured-surface-control',
  'clipboard-read', 'clipboard-sanitized-write', 'deprecated-sync-clipboard-read', 'display-capture',
  'fileSystem', 'fullscreen', 'geolocation', 'geolocation-approximate', 'hand-tracking', 'hid',
  'idle-detection', 'keyboardLock', 'local-fonts', 'local-network', 'local-network-access',
  'loopback-network', 'media', 'mediaKeySystem', 'midi', 'midiSysex', 'nfc', 'notifications',
  'openExternal', 'payment-handler', 'periodic-background-sync', 'persistent-storage', 'pointerLock',
  'screen-wake-lock', 'sensors', 'serial', 'smart-card', 'speaker-selection', 'storage-access',
  'system-wake-lock', 'top-level-storage-access', 'usb', 'vr', 'web-app-installation', 'web-printing',
  'window-management', 'unknown',
];

describe('isPermissionAllowed (Electron security #5)', () => {
  it('allows only clipboard-sanitized-write', () => {
    expect([...ALLOWED_PERMISSIONS]).toEqual(['clipboard-sanitized-write']);
  });

  it.each(EVERY_ELECTRON_PERMISSION.filter((p) => p !== 'clipboard-sanitized-write'))(
    'refuses %s even to the app page',
    (permission) => {
      expect(isPermissionAllowed(permission, 'app://cryolog/index.html')).toBe(false);
      expect(isPermissionAllowed(permission, 'app://cryolog')).toBe(false);
    },
  );

  it('allows a clipboard write from the app page (request handler URL or check handler origin)', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://cryolog/index.html')).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://cryolog/index.html#/session/1')).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://cryolog')).toBe(true);
  });

  it.each([
    'https://example.org/',
    'app://cryolog.evil/',
    'app://cryolog@evil/',
    'file:///index.html',
    'http://localhost:5173/',
    'data:text/html,x',
    '',
    undefined,
    null,
  ])('refuses a clipboard write from %s', (url) => {
    expect(isPermissionAllowed('clipboard-sanitized-write', url)).toBe(false);
  });

  it('allows the dev server only when passed as an allowed origin', () => {
    const dev = ['app://cryolog', 'http://localhost:5173'];
    expect(isPermissionAllowed('clipboard-sanitized-write', 'http://localhost:5173/', dev)).toBe(true);
    expect(isPermissionAllowed('media', 'http://localhost:5173/', dev)).toBe(false);
  });

  it.each([undefined, null, 1, 'CLIPBOARD-SANITIZED-WRITE', ' clipboard-sanitized-write'])(
    'refuses the odd permission %j',
    (permission) => {
      expect(isPermissionAllowed(permission, 'app://cryolog/index.html')).toBe(false);
    },
  );
});
