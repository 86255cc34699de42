import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS, ipcName } from '../../shared/ipc/channels';
import type { Result } from '../../shared/ipc/result';
import { CSP_PRODUCTION } from '../../shared/security/csp';
import { createMainWindowOptions } from '../../electron/main/security/windowOptions';
import { ensureBuild, MAIN_OUTPUT, PRELOAD_OUTPUT, RENDERER_HTML_OUTPUT } from '../helpers/ensureBuild';

// The built Electron shell (out/main/index.js) run in plain Node against a recording fake of
// the 'electron' module: the real package is never loaded (it would try to download the
// binary). Proves the wiring applies the unit-tested guards, in the right order.

type Fn = (...args: never[]) => unknown;
type AnyFn = (...args: unknown[]) => unknown;

interface Shell {
  log: string[];
  appEvents: Map<string, AnyFn>;
  userData: string | null;
  lockResult: boolean;
  ready: () => void;
  schemes: unknown[];
  protocolHandlers: Map<string, AnyFn>;
  permissionRequest?: AnyFn;
  permissionCheck?: AnyFn;
  devicePermission?: AnyFn;
  beforeRequest?: AnyFn;
  ipc: Map<string, AnyFn>;
  windows: FakeWindow[];
  errors: string[];
}

class FakeWebContents extends EventEmitter {
  openHandler: AnyFn | null = null;
  setWindowOpenHandler(handler: AnyFn): void {
    this.openHandler = handler;
  }
}

class FakeWindow extends EventEmitter {
  readonly webContents = new FakeWebContents();
  loaded: string[] = [];
  shown = 0;
  focused = 0;
  constructor(readonly options: unknown) {
    super();
  }
  loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    return Promise.resolve();
  }
  show(): void {
    this.shown += 1;
  }
  focus(): void {
    this.focused += 1;
  }
  isDestroyed(): boolean {
    return false;
  }
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
}

function fakeElectron(shell: Shell, isPackaged: boolean) {
  const readyPromise = new Promise<void>((resolve) => {
    shell.ready = () => {
      shell.log.push('ready');
      resolve();
    };
  });
  const record = (name: string) => shell.log.push(name);
  return {
    app: {
      isPackaged,
      getVersion: () => '9.9.9',
      setPath: (name: string, value: string) => {
        record(`setPath:${name}`);
        if (name === 'userData') shell.userData = value;
      },
      getPath: (name: string) => {
        if (name !== 'userData' || !shell.userData) throw new Error(`unexpected getPath(${name})`);
        return shell.userData;
      },
      enableSandbox: () => record('enableSandbox'),
      requestSingleInstanceLock: () => {
        record('requestSingleInstanceLock');
        return shell.lockResult;
      },
      on: (event: string, listener: AnyFn) => {
        record(`app.on:${event}`);
        shell.appEvents.set(event, listener);
      },
      whenReady: () => {
        record('whenReady');
        return readyPromise;
      },
      quit: () => record('quit'),
      exit: (code: number) => record(`exit:${code}`),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => {
        record('registerSchemesAsPrivileged');
        shell.schemes.push(...schemes);
      },
      handle: (scheme: string, handler: AnyFn) => {
        record(`protocol.handle:${scheme}`);
        shell.protocolHandlers.set(scheme, handler);
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: AnyFn) => ((shell.permissionRequest = h), record('setPermissionRequestHandler')),
        setPermissionCheckHandler: (h: AnyFn) => ((shell.permissionCheck = h), record('setPermissionCheckHandler')),
        setDevicePermissionHandler: (h: AnyFn) => ((shell.devicePermission = h), record('setDevicePermissionHandler')),
        webRequest: {
          onBeforeRequest: (h: AnyFn) => ((shell.beforeRequest = h), record('onBeforeRequest')),
        },
      },
    },
    ipcMain: {
      handle: (channel: string, listener: AnyFn) => {
        if (shell.ipc.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
        shell.ipc.set(channel, listener);
      },
    },
    BrowserWindow: class extends FakeWindow {
      constructor(options: unknown) {
        super(options);
        record('new BrowserWindow');
        shell.windows.push(this);
      }
    },
    dialog: { showErrorBox: (title: string, text: string) => shell.errors.push(`${title}: ${text}`) },
  };
}

/** Loads a fresh copy of out/main/index.js with `require('electron')` answered by the fake. */
function loadMain(shell: Shell, isPackaged: boolean, env: Record<string, string | undefined>): void {
  const nodeRequire = createRequire(MAIN_OUTPUT);
  const Module = nodeRequire('node:module') as { _load: Fn };
  const outDir = path.dirname(MAIN_OUTPUT);
  for (const key of Object.keys(nodeRequire.cache)) if (key.startsWith(outDir)) delete nodeRequire.cache[key];

  const fake = fakeElectron(shell, isPackaged);
  const originalLoad = Module._load;
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Module._load = function load(this: unknown, ...args: never[]) {
    if ((args[0] as unknown as string) === 'electron') return fake;
    return (originalLoad as AnyFn).apply(this, args);
  } as Fn;
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k];
  else process.env[k] = v;
  try {
    nodeRequire(MAIN_OUTPUT);
  } finally {
    Module._load = originalLoad;
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
}

function newShell(lockResult = true): Shell {
  return {
    log: [],
    appEvents: new Map(),
    userData: null,
    lockResult,
    ready: () => undefined,
    schemes: [],
    protocolHandlers: new Map(),
    ipc: new Map(),
    windows: [],
    errors: [],
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const trusted = { senderFrame: { url: 'app://cryolog/index.html', parent: null } };

beforeAll(() => ensureBuild([MAIN_OUTPUT, PRELOAD_OUTPUT, RENDERER_HTML_OUTPUT]), 180_000);

// The shell logs refused requests and senders; expected here, so kept off the test output.
beforeAll(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterAll(() => vi.restoreAllMocks());

describe('out/main/index.js wiring (packaged build)', () => {
  const shell = newShell();
  let userData: string;

  beforeAll(async () => {
    userData = mkdtempSync(path.join(tmpdir(), 'cryolog-shell-'));
    loadMain(shell, true, { CRYOLOG_USER_DATA_DIR: userData, ELECTRON_RENDERER_URL: 'http://localhost:5173/' });
    shell.ready();
    await flush();
  });

  afterAll(() => {
    shell.appEvents.get('will-quit')?.();
    rmSync(userData, { recursive: true, force: true });
  });

  it('sets userData, the app scheme and the sandbox before ready, and before the single-instance lock', () => {
    const at = (entry: string) => shell.log.indexOf(entry);
    expect(shell.userData).toBe(path.resolve(userData));
    for (const step of ['setPath:userData', 'registerSchemesAsPrivileged', 'enableSandbox', 'requestSingleInstanceLock'])
      expect(at(step), step).toBeGreaterThanOrEqual(0);
    expect(at('setPath:userData')).toBeLessThan(at('requestSingleInstanceLock'));
    for (const step of ['setPath:userData', 'registerSchemesAsPrivileged', 'enableSandbox', 'requestSingleInstanceLock', 'app.on:web-contents-created'])
      expect(at(step), step).toBeLessThan(at('ready'));
  });

  it('#18 registers app:// as standard, secure and fetch-capable, nothing more', () => {
    expect(shell.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('installs the session guards before creating the window', () => {
    const at = (entry: string) => shell.log.indexOf(entry);
    for (const step of ['setPermissionRequestHandler', 'setPermissionCheckHandler', 'setDevicePermissionHandler', 'onBeforeRequest', 'protocol.handle:app'])
      expect(at(step), step).toBeGreaterThan(at('ready'));
    for (const step of ['setPermissionRequestHandler', 'setPermissionCheckHandler', 'onBeforeRequest', 'protocol.handle:app'])
      expect(at(step), step).toBeLessThan(at('new BrowserWindow'));
  });

  it('#5 answers permission requests and checks with the pure decision', () => {
    const answers: boolean[] = [];
    const callback = (granted: boolean) => answers.push(granted);
    shell.permissionRequest?.(null, 'media', callback, { requestingUrl: 'app://cryolog/index.html' });
    shell.permissionRequest?.(null, 'clipboard-sanitized-write', callback, { requestingUrl: 'app://cryolog/index.html' });
    shell.permissionRequest?.(null, 'clipboard-sanitized-write', callback, { requestingUrl: 'https://example.org/' });
    expect(answers).toEqual([false, true, false]);
    expect(shell.permissionCheck?.(null, 'geolocation', 'app://cryolog', {})).toBe(false);
    expect(shell.permissionCheck?.(null, 'clipboard-sanitized-write', 'app://cryolog', {})).toBe(true);
    expect(shell.devicePermission?.({})).toBe(false);
  });

  it('#1 cancels every request but the app own, and ignores the dev server in a packaged build', () => {
    const decide = (url: string) => {
      let cancel: boolean | undefined;
      shell.beforeRequest?.({ url }, (response: { cancel: boolean }) => (cancel = response.cancel));
      return cancel;
    };
    expect(decide('app://cryolog/assets/index.js')).toBe(false);
    expect(decide('https://example.org/x.js')).toBe(true);
    expect(decide('file:///etc/passwd')).toBe(true);
    expect(decide('http://localhost:5173/')).toBe(true);
  });

  it('#7 #18 serves out/renderer over app:// with the CSP header', async () => {
    const handler = shell.protocolHandlers.get('app');
    const index = (await handler?.({ url: 'app://cryolog/', method: 'GET' })) as Response;
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toBe(CSP_PRODUCTION);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await index.text()).toContain(CSP_PRODUCTION);

    const asset = readdirSync(path.join(path.dirname(RENDERER_HTML_OUTPUT), 'assets')).find((f) => f.endsWith('.js'));
    const script = (await handler?.({ url: `app://cryolog/assets/${asset}`, method: 'GET' })) as Response;
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');

    const traversal = (await handler?.({ url: 'app://cryolog/../main/index.js', method: 'GET' })) as Response;
    expect(traversal.status).toBe(403);
  });

  it('#17 registers every channel once, and dispatches only for the app frame', () => {
    expect([...shell.ipc.keys()]).toEqual(CHANNELS.map((c) => ipcName(c)));
    const info = shell.ipc.get(ipcName('getAppInfo'))?.(trusted, {}) as Result<{ appVersion: string; dbPath: string }>;
    expect(info).toMatchObject({ ok: true, data: { appVersion: '9.9.9', dbPath: path.join(path.resolve(userData), 'cryolog.sqlite') } });
    const refused = shell.ipc.get(ipcName('getAppInfo'))?.({ senderFrame: { url: 'https://example.org/', parent: null } }, {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(existsSync(path.join(userData, 'cryolog.sqlite'))).toBe(true);
  });

  it('creates one window with the tested options and the built preload, and loads app://cryolog', () => {
    expect(shell.windows).toHaveLength(1);
    const window = shell.windows[0]!;
    expect(window.options).toEqual(createMainWindowOptions({ preloadPath: PRELOAD_OUTPUT, isPackaged: true }));
    expect(existsSync(PRELOAD_OUTPUT)).toBe(true);
    expect(window.loaded).toEqual(['app://cryolog/index.html']);
    expect(window.shown).toBe(0);
    window.emit('ready-to-show');
    expect(window.shown).toBe(1);
  });

  it('#13 #14 #11 hardens every webContents Electron creates', () => {
    const contents = new FakeWebContents();
    shell.appEvents.get('web-contents-created')?.({}, contents);
    let prevented = 0;
    const event = (url: string) => ({ url, preventDefault: () => void (prevented += 1) });
    contents.emit('will-navigate', event('https://example.org/'));
    contents.emit('will-redirect', event('file:///etc/passwd'));
    contents.emit('will-navigate', event('app://cryolog/index.html#/x'));
    contents.emit('will-attach-webview', event(''), {}, {});
    expect(prevented).toBe(3);
    expect(contents.openHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
  });

  it('focuses the existing window on a second launch, and quits when the window is closed', () => {
    shell.appEvents.get('second-instance')?.();
    expect(shell.windows[0]?.focused).toBe(1);
    shell.appEvents.get('window-all-closed')?.();
    expect(shell.log).toContain('quit');
  });

  it('closes the database on will-quit', async () => {
    // getAuthState reads the database and needs no sign-in: refused once the database is closed.
    const list = () => shell.ipc.get(ipcName('getAuthState'))?.(trusted, {}) as Result<unknown>;
    expect(list().ok).toBe(true);
    // The start's backup copies in a worker on a connection of its own, holding a read
    // transaction: while it does, closing cannot fold the -wal into the file (it stays, stamped
    // open, and the next start replays it as after any unclean stop). Quit once it has finished.
    const backups = path.join(userData, 'backups');
    const finished = () => existsSync(backups) && readdirSync(backups).some((n) => n.endsWith('.sqlite')) && !readdirSync(backups).some((n) => n.endsWith('.partial'));
    for (let waited = 0; !finished() && waited < 20_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(finished()).toBe(true);
    shell.appEvents.get('will-quit')?.();
    expect(list().ok).toBe(false);
    expect(existsSync(path.join(userData, 'cryolog.sqlite-wal'))).toBe(false);
    expect(shell.errors).toEqual([]);
  });
});

describe('out/main/index.js wiring (second instance)', () => {
  it('quits at once without opening a database, a window or any handler', () => {
    const shell = newShell(false);
    const userData = mkdtempSync(path.join(tmpdir(), 'cryolog-shell2-'));
    try {
      loadMain(shell, true, { CRYOLOG_USER_DATA_DIR: userData });
      expect(shell.log).toContain('quit');
      expect(shell.log).not.toContain('whenReady');
      expect(shell.appEvents.size).toBe(0);
      expect(shell.ipc.size).toBe(0);
    } finally {
      rmSync(userData, { recursive: true, force: true });
    }
  });
});

describe('out/main/index.js wiring (development)', () => {
  it('loads the dev server and trusts its origin only when not packaged', async () => {
    const shell = newShell();
    const userData = mkdtempSync(path.join(tmpdir(), 'cryolog-shell3-'));
    try {
      loadMain(shell, false, { CRYOLOG_USER_DATA_DIR: userData, ELECTRON_RENDERER_URL: 'http://localhost:5173/' });
      shell.ready();
      await flush();
      expect(shell.windows[0]?.loaded).toEqual(['http://localhost:5173/']);
      expect(shell.windows[0]?.options).toEqual(createMainWindowOptions({ preloadPath: PRELOAD_OUTPUT, isPackaged: false }));
      const devFrame = { senderFrame: { url: 'http://localhost:5173/', parent: null } };
      expect(shell.ipc.get(ipcName('getAppInfo'))?.(devFrame, {})).toMatchObject({ ok: true });
      let cancel: boolean | undefined;
      shell.beforeRequest?.({ url: 'ws://localhost:5173/' }, (r: { cancel: boolean }) => (cancel = r.cancel));
      expect(cancel).toBe(false);
    } finally {
      shell.appEvents.get('will-quit')?.();
      rmSync(userData, { recursive: true, force: true });
    }
  });
});
