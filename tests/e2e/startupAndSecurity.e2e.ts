import fs from 'node:fs';
import path from 'node:path';
import { test, expect, screenshot, RENDERER_DIR } from './fixtures';
import { startHost } from '../host/server';
import { CSP_PRODUCTION } from '../../shared/security/csp';

test('a damaged database opens a screen that says what happened and what to do, and the file is kept', async ({ page, dbDir }) => {
  const dbPath = path.join(dbDir, 'cryolog.sqlite');
  fs.writeFileSync(dbPath, Buffer.alloc(16384, 0x42));
  const host = await startHost({ dbPath, rendererDir: RENDERER_DIR });
  try {
    await page.goto(host.url);
    const alert = page.getByRole('alert');
    await expect(alert.getByRole('heading', { name: 'The record database is damaged' })).toBeVisible();
    await expect(alert).toContainText('Do not delete the file');
    await expect(alert).toContainText(dbPath);
    await expect(page.getByRole('button', { name: 'New patient' })).toHaveCount(0);
    await screenshot(page, '06-startup-damaged-database');
  } finally {
    await host.close();
  }
  expect(fs.readFileSync(dbPath).every((b) => b === 0x42)).toBe(true);
});

test('the page runs under the production CSP: an injected inline script does not run', async ({ app: page, host }) => {
  const response = await page.request.get(`${host.origin}/`);
  expect(response.headers()['content-security-policy']).toBe(CSP_PRODUCTION);
  await expect(page.getByRole('button', { name: 'New patient' })).toBeVisible();
  const ran = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true;';
    document.body.appendChild(s);
    return (window as unknown as { __injected?: boolean }).__injected === true;
  });
  expect(ran).toBe(false);
  // The page has no Node and exactly the contract's functions.
  expect(await page.evaluate(() => [typeof (window as unknown as { require?: unknown }).require, typeof (window as unknown as { process?: unknown }).process])).toEqual(['undefined', 'undefined']);
  expect(await page.evaluate(() => Object.isFrozen(window.api))).toBe(true);
});

test('a link, a form or a new window to an outside address changes nothing, and no request leaves the machine', async ({ app: page, host }) => {
  const outside: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(host.origin)) outside.push(r.url());
  });
  await expect(page.getByRole('button', { name: 'New patient' })).toBeVisible();
  const before = page.url();
  await page.evaluate(() => {
    const a = document.createElement('a');
    a.href = 'https://example.org/phish';
    a.textContent = 'Outside link';
    document.querySelector('main')!.appendChild(a);
    const f = document.createElement('form');
    f.action = 'https://example.org/collect';
    f.method = 'post';
    f.innerHTML = '<button type="submit">Outside form</button>';
    document.querySelector('main')!.appendChild(f);
  });
  await page.getByRole('link', { name: 'Outside link' }).click();
  await page.getByRole('button', { name: 'Outside form' }).click();
  await page.getByRole('link', { name: 'Outside link' }).click({ modifiers: ['Control'] });
  const opened = await page.evaluate(() => window.open('https://example.org/popup') === null);
  const fetched = await page.evaluate(() => fetch('https://example.org/beacon').then(() => 'reached', () => 'blocked'));
  await page.waitForTimeout(300);
  expect(page.url()).toBe(before);
  expect(page.context().pages()).toHaveLength(1);
  expect(opened).toBe(true);
  expect(fetched).toBe('blocked');
  await expect(page.getByRole('button', { name: 'New patient' })).toBeVisible();
  expect(outside).toEqual([]);
});

test('the host refuses requests without the per-run token or from another host name', async ({ host, playwright }) => {
  const anonymous = await playwright.request.newContext();
  try {
    expect((await anonymous.get(`${host.origin}/`)).status()).toBe(403);
    expect((await anonymous.post(`${host.origin}/api/listPatients`, { data: { limit: 5 } })).status()).toBe(403);
    expect((await anonymous.get(`${host.origin}/?token=wrong`)).status()).toBe(403);
    const withToken = await anonymous.post(`${host.origin}/api/getStartupStatus`, { data: {}, headers: { 'x-cryolog-token': host.token } });
    expect(await withToken.json()).toEqual({ ok: true, data: { state: 'ready' } });
    // Past the token, records still need a signed-in account.
    const records = await anonymous.post(`${host.origin}/api/listPatients`, { data: { limit: 5 }, headers: { 'x-cryolog-token': host.token } });
    expect(await records.json()).toMatchObject({ ok: false, error: { code: 'SIGNED_OUT' } });
    const rebinding = await anonymous.get(`${host.origin}/`, { headers: { host: 'evil.example:80', 'x-cryolog-token': host.token } });
    expect(rebinding.status()).toBe(403);
  } finally {
    await anonymous.dispose();
  }
});

test('keyboard only: a new patient and a session without touching the mouse, and a removal that asks first', async ({ app: page }) => {
  await page.getByRole('button', { name: 'New patient' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Family name')).toBeFocused();
  await page.keyboard.type('Keyboardonly');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Ben');
  await page.keyboard.press('Tab');
  await page.keyboard.type('01/02/1970');
  await page.keyboard.press('Tab');
  await page.keyboard.type('9990237573');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('NHS number', { exact: true })).toHaveValue('999 023 7573');
  await page.getByRole('button', { name: 'Start session' }).focus();
  await page.keyboard.press('Enter');

  await page.getByRole('button', { name: 'Add target' }).focus();
  await page.keyboard.press('Enter');
  const target = page.getByTestId('target-1');
  await expect(target.getByLabel('Nerve and branch')).toBeFocused();
  await target.getByLabel('Nerve and branch').selectOption({ label: 'Tibial → soleus' });
  await target.getByRole('radio', { name: 'Right' }).focus();
  await page.keyboard.press('Space');
  await expect(target.getByRole('radio', { name: 'Right' })).toHaveAttribute('aria-checked', 'true');

  for (let i = 1; i <= 2; i++) {
    await target.getByRole('button', { name: 'Add freeze cycle' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId(`cycle-1-${i}`).getByLabel(`Freeze duration (s), target 1 cycle ${i}`)).toBeFocused();
    await page.keyboard.type('1:46');
    await page.keyboard.press('Tab');
    await page.keyboard.type(`-7${i}`);
    await page.keyboard.press('Tab');
  }
  await expect(page.getByTestId('cycle-1-1').getByLabel('Freeze duration (s), target 1 cycle 1')).toHaveValue('106');

  // Removing cycle 1 takes two presses; the first only asks.
  const remove = page.getByTestId('cycle-1-1').getByRole('button', { name: 'Remove' });
  await remove.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('cycle-1-1').getByRole('button', { name: 'Press again to remove' })).toBeVisible();
  await expect(page.getByTestId('cycle-1-2')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('cycle-1-2')).toHaveCount(0);
  await expect(page.getByTestId('cycle-1-1').getByLabel('Lowest probe temperature (°C), target 1 cycle 1')).toHaveValue('-72');
  await expect(page.getByTestId('summary-text')).toContainText('1. Right tibial nerve -> branch to soleus');
  await expect(page.getByTestId('summary-text')).not.toContainText('Freeze cycle 2');
});

test('reloading straight after typing loses nothing: the field is saved as the page goes', async ({ app: page }) => {
  await page.getByRole('button', { name: 'New patient' }).click();
  await page.getByLabel('Family name').fill('Quickreload');
  // No pause, no Tab: the 350 ms typing pause has not passed when the page reloads.
  await page.getByLabel('Given name').pressSequentially('Rosa', { delay: 0 });
  await page.reload();
  await expect(page.getByLabel('Given name')).toHaveValue('Rosa');
  await expect(page.getByLabel('Family name')).toHaveValue('Quickreload');
});

test('opened without the CryoLog bridge, the page says so instead of showing a blank window', async ({ page, host }) => {
  await page.route('**/__host/api.js', (route) => route.abort());
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'CryoLog is not connected' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('cannot read or save records');
  await screenshot(page, '07-no-bridge');
});

test('after a crash or restart, CryoLog reopens on the session the clinician had open, with the draft intact', async ({ app: page, host, context }) => {
  await page.getByRole('button', { name: 'New patient' }).click();
  await page.getByLabel('Family name').fill('Reopen');
  await page.getByRole('button', { name: 'Start session' }).click();
  await page.getByRole('button', { name: 'Add target' }).click();
  await expect(page.getByTestId('target-1')).toBeVisible();
  const sessionUrl = page.url();
  await page.close(); // the window goes away without any goodbye, as in a crash

  const reopened = await context.newPage();
  await reopened.goto(`${host.origin}/`); // the app starts at its entry address, with no screen named
  await expect(reopened).toHaveURL(sessionUrl);
  await expect(reopened.getByTestId('target-1')).toBeVisible();
  await expect(reopened.getByLabel('Patient', { exact: true })).toContainText('REOPEN');
});
