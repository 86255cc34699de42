// End to end in the real Electron shell: the window, the preload surface, the app:// protocol
// and the sender-checked IPC together. Skips, with the reason printed, where there is no
// Electron binary (every machine of ours: see engineering.md); the same guards are unit-tested
// in tests/security.
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, expect, _electron, type ElectronApplication, type Page } from '@playwright/test';
import { CHANNELS } from '../../shared/ipc/channels';
import { ensureBuild, MAIN_OUTPUT, PRELOAD_OUTPUT, RENDERER_HTML_OUTPUT } from '../helpers/ensureBuild';
import { findElectronBinary, REPO_ROOT } from './electronBinary';

const binary = findElectronBinary();
if (!binary.available) console.log(`[cryolog e2e] Skipping the Electron spec. ${binary.reason}`);

type PageGlobals = typeof globalThis & {
  api?: Record<string, (request: unknown) => Promise<unknown>>;
  require?: unknown;
  process?: unknown;
};

test.describe('CryoLog in Electron', () => {
  test.skip(!binary.available, binary.available ? '' : binary.reason);

  let userDataDir = '';
  let app: ElectronApplication | undefined;
  let page: Page;

  test.beforeAll(async () => {
    if (!binary.available) return;
    ensureBuild([MAIN_OUTPUT, PRELOAD_OUTPUT, RENDERER_HTML_OUTPUT]);
    userDataDir = mkdtempSync(path.join(tmpdir(), 'cryolog-electron-'));

    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
    delete env.ELECTRON_RENDERER_URL; // load app://cryolog, not a dev server
    delete env.ELECTRON_RUN_AS_NODE;
    delete env.CRYOLOG_DB; // the record must land in the throw-away user-data folder
    env.CRYOLOG_USER_DATA_DIR = userDataDir;

    app = await _electron.launch({
      executablePath: binary.executablePath,
      // The repository folder: Electron reads package.json (name, version, main = out/main/index.js).
      args: [REPO_ROOT],
      cwd: REPO_ROOT,
      env,
      // Chromium's OS sandbox cannot run as root; elsewhere keep it on, as in production.
      chromiumSandbox: process.getuid?.() !== 0,
      timeout: 60_000,
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  test('opens one CryoLog window served from app://cryolog', async () => {
    expect(app!.windows()).toHaveLength(1);
    expect(page.url()).toMatch(/^app:\/\/cryolog\/index\.html/);
    await expect(page).toHaveTitle('CryoLog');
  });

  test('shows the window once ready, with the app URL seen from the main process', async () => {
    const state = await app!.evaluate(({ BrowserWindow }) => {
      const w = BrowserWindow.getAllWindows()[0];
      return w && { visible: w.isVisible(), url: w.webContents.getURL(), devToolsOpen: w.webContents.isDevToolsOpened() };
    });
    expect(state).toMatchObject({ visible: true, devToolsOpen: false });
    expect(state?.url).toMatch(/^app:\/\/cryolog\/index\.html/);
  });

  test('exposes exactly window.api with one function per channel, and no Node', async () => {
    const surface = await page.evaluate(() => {
      const g = globalThis as PageGlobals;
      const api = g.api ?? {};
      return {
        keys: Object.keys(api),
        allFunctions: Object.values(api).every((v) => typeof v === 'function'),
        require: typeof g.require,
        process: typeof g.process,
      };
    });
    expect(surface.keys).toEqual([...CHANNELS]);
    expect(surface.allFunctions).toBe(true);
    expect(surface.require).toBe('undefined');
    expect(surface.process).toBe('undefined');
  });

  test('answers IPC from the app page through the sender check', async () => {
    const answer = await page.evaluate(() => (globalThis as PageGlobals).api!.getAppInfo!({}));
    const version = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    expect(answer).toMatchObject({ ok: true, data: { appVersion: version, dbPath: path.join(userDataDir, 'cryolog.sqlite') } });
  });

  test('opens no new window and does not leave the app origin', async () => {
    const opened = await page.evaluate(() => window.open('https://example.org/') === null);
    expect(opened).toBe(true);
    await page
      .evaluate(() => {
        window.location.href = 'https://example.org/';
      })
      .catch(() => undefined); // had the guard failed, the page context would be gone: checked below
    await page.waitForTimeout(500);
    expect(page.url()).toMatch(/^app:\/\/cryolog\//);
    expect(app!.windows()).toHaveLength(1);
  });

  test('records the thin slice through the UI, and a reload keeps it', async () => {
    // A new user-data folder: the first-run screen creates the administrator, who is then signed in.
    await expect(page.getByRole('heading', { name: 'Welcome to CryoLog: create the administrator' })).toBeVisible();
    await page.getByLabel('Name on signed records').fill('Dr Synthetic Consultant');
    await page.getByLabel('Job title').fill('Consultant in rehabilitation medicine');
    await page.getByLabel('User name (typed at sign-in)').fill('test.consultant');
    await page.getByLabel('PIN', { exact: true }).fill('482913');
    await page.getByLabel('PIN again').fill('482913');
    await page.getByRole('button', { name: 'Create the administrator and sign in' }).click();
    await expect(page.getByTestId('signed-in-as')).toHaveText('Dr Synthetic Consultant (administrator)');
    await page.getByRole('button', { name: 'New patient' }).click();
    await page.getByLabel('Family name').fill('Electronpatient');
    await page.getByLabel('Given name').fill('Eve');
    await page.getByLabel('NHS number', { exact: true }).fill('9990316767');
    await page.getByLabel('NHS number', { exact: true }).blur();
    await expect(page.getByLabel('NHS number', { exact: true })).toHaveValue('999 031 6767');
    await page.getByRole('button', { name: 'Start session' }).click();
    await page.getByRole('button', { name: 'Add target' }).click();
    const target = page.getByTestId('target-1');
    await target.getByLabel('Nerve and branch').selectOption({ label: 'Radial → brachioradialis' });
    await target.getByRole('radio', { name: 'Right' }).click();
    await target.getByRole('button', { name: 'Add freeze cycle' }).click();
    await target.getByLabel('Freeze duration (s), target 1 cycle 1').fill('90');
    await target.getByLabel('Lowest probe temperature (°C), target 1 cycle 1').fill('\u221272');
    await target.getByLabel('Lowest probe temperature (°C), target 1 cycle 1').blur();
    await expect(page.getByTestId('summary-text')).toContainText('Freeze cycle 1: 90 s, lowest probe temperature -72 deg C');
    await page.reload();
    await expect(page.getByTestId('target-1').getByLabel('Lowest probe temperature (°C), target 1 cycle 1')).toHaveValue('-72');
    await expect(page.getByTestId('summary-text')).toContainText('1. Right radial nerve -> branch to brachioradialis');
  });

  test('keeps the record in the chosen user-data folder', async () => {
    expect(existsSync(path.join(userDataDir, 'cryolog.sqlite'))).toBe(true);
  });
});
