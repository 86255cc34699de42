import { describe, expect, it } from 'vitest';
import { createMainWindowOptions } from '../../electron/main/security/windowOptions';

const PRELOAD = '/opt/CryoLog/resources/app.asar/out/preload/index.js';

describe.each([true, false])('createMainWindowOptions (isPackaged: %s)', (isPackaged) => {
  const options = createMainWindowOptions({ preloadPath: PRELOAD, isPackaged });
  const web = options.webPreferences ?? {};

  it('uses the given preload', () => {
    expect(web.preload).toBe(PRELOAD);
  });

  it('#2 has no Node.js integration anywhere', () => {
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInWorker).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
  });

  it('#3 isolates the preload context', () => {
    expect(web.contextIsolation).toBe(true);
  });

  it('#4 sandboxes the renderer', () => {
    expect(web.sandbox).toBe(true);
  });

  it('#6 keeps webSecurity', () => {
    expect(web.webSecurity).toBe(true);
  });

  it('#8 refuses insecure content', () => {
    expect(web.allowRunningInsecureContent).toBe(false);
  });

  it('#9 enables no experimental features', () => {
    expect(web.experimentalFeatures).toBe(false);
  });

  it('#10 enables no Blink features', () => {
    expect('enableBlinkFeatures' in web).toBe(false);
  });

  it('#11 has no <webview> tag', () => {
    expect(web.webviewTag).toBe(false);
  });

  it('has DevTools only in an unpackaged build', () => {
    expect(web.devTools).toBe(!isPackaged);
  });

  it('turns off the network-using spellchecker and drag-and-drop navigation', () => {
    expect(web.spellcheck).toBe(false);
    expect(web.navigateOnDragDrop).toBe(false);
  });

  it('has no option that weakens the page', () => {
    const risky = ['enableRemoteModule', 'additionalArguments', 'disableBlinkFeatures', 'partition', 'session', 'plugins', 'javascript'];
    for (const key of risky) expect(web, key).not.toHaveProperty(key);
  });

  it('is a titled, hidden-until-ready window of usable size', () => {
    expect(options.title).toBe('CryoLog');
    expect(options.show).toBe(false);
    expect(options.minWidth).toBeGreaterThanOrEqual(1024);
    expect(options.width).toBeGreaterThanOrEqual(options.minWidth ?? 0);
    expect(options.height).toBeGreaterThanOrEqual(options.minHeight ?? 0);
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
  });
});

describe('createMainWindowOptions', () => {
  it('returns a fresh object each call (no shared mutable state)', () => {
    const a = createMainWindowOptions({ preloadPath: PRELOAD, isPackaged: true });
    const b = createMainWindowOptions({ preloadPath: PRELOAD, isPackaged: true });
    expect(a).toEqual(b);
    expect(a).not.toBe(b);
    expect(a.webPreferences).not.toBe(b.webPreferences);
  });
});
