import { BrowserWindow } from 'electron';
import { createMainWindowOptions } from '../security/windowOptions';

// The one application window. Its options come from the unit-tested pure function; this
// file only constructs it and shows it once the first paint is ready.
export function createMainWindow(preloadPath: string, isPackaged: boolean): BrowserWindow {
  const window = new BrowserWindow(createMainWindowOptions({ preloadPath, isPackaged }));
  window.once('ready-to-show', () => window.show());
  return window;
}

/** Brings the existing window forward (a second launch of CryoLog lands here). */
export function focusWindow(window: BrowserWindow | null): void {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
