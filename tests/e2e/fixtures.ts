import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { startHost, type Host } from '../host/server';
import { integritySettled } from '../../electron/main/integrity/backgroundCheck';
import { dispatch } from '../../electron/main/ipc/dispatch';
import type { Req } from '../../shared/ipc/contract';
import { TEST_ADMIN } from '../helpers/testClinician';

// Each test gets its own real SQLite file in a temp folder and its own host, and a page that
// has opened the host's one-time link (so it holds the token cookie) with clipboard access.
export interface Fixtures {
  /** The account `app` is signed in as: the first administrator (test.use({ account }) to change). */
  account: Req<'createFirstAdmin'>;
  dbDir: string;
  host: Host;
  /** The app, signed in as `account` (created through the real first-run channel before the page opens). */
  app: Page;
}

export const RENDERER_DIR = path.resolve('out/renderer');

export const test = base.extend<Fixtures>({
  account: [TEST_ADMIN, { option: true }],
  // eslint-disable-next-line no-empty-pattern
  dbDir: async ({}, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cryolog-e2e-'));
    await use(dir);
    fs.rmSync(dir, { recursive: true, force: true });
  },
  host: async ({ dbDir }, use) => {
    if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) throw new Error('Build the renderer first: npm run build');
    // "Save as…" lands in <dbDir>/saved, standing in for the system's save dialog.
    const saveDialogFolder = path.join(dbDir, 'saved');
    fs.mkdirSync(saveDialogFolder);
    const host = await startHost({ dbPath: path.join(dbDir, 'cryolog.sqlite'), rendererDir: RENDERER_DIR, appVersion: 'e2e', saveDialogFolder });
    // As the app, the host checks the file in a worker after it opens; until then signing and
    // exports are held (tests/integrity covers that). A test that signs through dispatch at once
    // starts after the check, as a clinician, who signs minutes after start, always does.
    await integritySettled(host.ctx);
    await use(host);
    await host.close();
  },
  app: async ({ page, context, host, account }, use) => {
    const created = dispatch(host.ctx, 'createFirstAdmin', account);
    if (!created.ok) throw new Error(`The test account was not created: ${created.error.message}`);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: host.origin });
    await page.goto(host.url);
    await use(page);
  },
});

export { expect };

/** Saves a screenshot under test-results/screens for people to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join('test-results', 'screens', `${name}.png`), fullPage: true });
}
