import type { BrowserWindowConstructorOptions } from 'electron';

// The main window's options, as a pure function so every security setting is unit-tested
// without an Electron binary. Most of these equal Electron's current defaults; they are
// written out anyway so that a changed default, or a "temporary" edit, fails a test.

export interface MainWindowOptionsInput {
  /** Absolute path of the built preload (out/preload/index.js). */
  preloadPath: string;
  /** app.isPackaged: DevTools exist only in development builds. */
  isPackaged: boolean;
}

export const MAIN_WINDOW_TITLE = 'CryoLog';
export const MAIN_WINDOW_BACKGROUND = '#ffffff';

export function createMainWindowOptions({ preloadPath, isPackaged }: MainWindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: MAIN_WINDOW_TITLE,
    width: 1280,
    height: 860,
    // The session form is laid out for a laptop or a bedside trolley screen, not a phone.
    minWidth: 1024,
    minHeight: 680,
    backgroundColor: MAIN_WINDOW_BACKGROUND,
    // Shown on 'ready-to-show', so the clinician never sees a blank white flash.
    show: false,
    webPreferences: {
      preload: preloadPath,
      // Electron security #3: the preload's world is separate from the page's.
      contextIsolation: true,
      // Electron security #4: the renderer runs in Chromium's OS sandbox.
      sandbox: true,
      // Electron security #2: no Node.js in the page, its workers or its frames.
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      // Electron security #6: same-origin policy stays on.
      webSecurity: true,
      // Electron security #8: no http content inside the app:// page.
      allowRunningInsecureContent: false,
      // Electron security #9: no experimental Chromium features.
      experimentalFeatures: false,
      // Electron security #10: `enableBlinkFeatures` is deliberately absent.
      // Electron security #11/#12: <webview> cannot even be created.
      webviewTag: false,
      // Chromium's spellchecker downloads dictionaries from Google: no network, no leak of
      // clinical words (and VS Code turns it off too).
      spellcheck: false,
      // Dropping a file on the window would navigate to file:// (security #13 also blocks it).
      navigateOnDragDrop: false,
      enableWebSQL: false,
      safeDialogs: true,
      autoplayPolicy: 'user-gesture-required',
      // DevTools off in packaged builds (checklist extra).
      devTools: !isPackaged,
    },
  };
}
