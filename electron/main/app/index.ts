// The Electron shell: lifecycle wiring only. Every decision it applies is a pure, unit-tested
// function under ../security or ../ipc; this folder is the only main-process code that
// imports 'electron'.
import path from 'node:path';
import { app, dialog, session, type BrowserWindow } from 'electron';
import { closeContext, createContext, type Ctx } from '../context';
import { startBackupSchedule } from '../backup/schedule';
import { dbPathIn } from '../paths';
import { APP_ENTRY_URL, appOrigins } from '../security/origin';
import { hardenWebContents } from '../security/webContents';
import { wireIpc } from './ipc';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { hardenSession } from './session';
import { createMainWindow, focusWindow } from './window';

// out/main/index.js → out/preload/index.js and out/renderer/.
const PRELOAD_PATH = path.join(__dirname, '../preload/index.js');
const RENDERER_ROOT = path.join(__dirname, '../renderer');

// Tests (the Electron end-to-end spec) run against a throw-away profile and database.
// setPath must precede 'ready' and the single-instance lock, which is keyed on userData.
const userDataOverride = process.env.CRYOLOG_USER_DATA_DIR;
if (userDataOverride) app.setPath('userData', path.resolve(userDataOverride));

// The dev server URL is honoured only in an unpackaged build (`npm run dev`).
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL || undefined : undefined;
const allowedOrigins = appOrigins(devServerUrl);

let mainWindow: BrowserWindow | null = null;
let ctx: Ctx | null = null;
let stopBackups: (() => void) | null = null;

registerAppScheme(); // before 'ready' (security #18)
app.enableSandbox(); // before 'ready': every renderer sandboxed (security #4)

// One CryoLog per profile: two processes writing the same record would be a clinical hazard
// (and SQLite would report the database busy).
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => focusWindow(mainWindow));

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, allowedOrigins));

  // A record app with no window has nothing left to do; quitting closes the database cleanly.
  app.on('window-all-closed', () => app.quit());

  app.on('will-quit', () => {
    stopBackups?.();
    if (!ctx) return;
    try {
      closeContext(ctx);
    } catch (error) {
      console.error('[cryolog] Closing the database failed', error);
    }
    ctx = null;
  });

  app.whenReady().then(start, fatal);
}

function start(): void {
  hardenSession(session.defaultSession, allowedOrigins, devServerUrl);
  handleAppProtocol(RENDERER_ROOT);

  // A database that cannot be opened becomes the startup-problem screen inside createContext;
  // only an unexpected failure (e.g. the SQLite module missing) lands in `fatal`.
  ctx = createContext({
    dbPath: dbPathIn(app.getPath('userData'), process.env),
    appVersion: app.getVersion(),
    checkResponses: !app.isPackaged,
    // The window opens at once; quick_check runs in a worker straight after (integrity/backgroundCheck.ts).
    integrityCheck: 'background',
    // Signed PDFs laid out ahead of their export in a worker thread (export/prerender.ts).
    pdfPrerender: 'worker',
    // The system's save dialog, modal on the window: the renderer never names a path itself.
    chooseSavePath: (defaultFileName) =>
      (mainWindow ? dialog.showSaveDialogSync(mainWindow, { defaultPath: defaultFileName, properties: ['showOverwriteConfirmation', 'createDirectory'] }) : undefined) ?? null,
  });
  wireIpc(ctx, allowedOrigins);
  // A verified backup now, then hourly (if on in Settings → Backups); sign-offs add their own.
  // In the background: the window opens without waiting for the copy.
  stopBackups = startBackupSchedule(ctx);

  mainWindow = createMainWindow(PRELOAD_PATH, app.isPackaged);
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  mainWindow.webContents.on('render-process-gone', (_event, details) => {
    console.error(`[cryolog] The window's renderer stopped (${details.reason}).`);
  });
  mainWindow.loadURL(devServerUrl ?? APP_ENTRY_URL).catch((error: unknown) => {
    // ERR_ABORTED only means another navigation (e.g. a hash route) superseded this load.
    if (String(error).includes('ERR_ABORTED')) return;
    fatal(error);
  });
}

function fatal(error: unknown): void {
  console.error('[cryolog] CryoLog could not start', error);
  dialog.showErrorBox(
    'CryoLog could not start',
    'CryoLog could not start, and nothing has been changed in the record. Restart the computer and try again; if it happens again, call IT and quote this message.\n\n' +
      String(error instanceof Error ? error.message : error),
  );
  app.exit(1);
}
