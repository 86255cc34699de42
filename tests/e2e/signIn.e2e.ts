import Database from 'better-sqlite3';
import { test, expect, screenshot } from './fixtures';
import { dispatch } from '../../electron/main/ipc/dispatch';
import { TEST_ADMIN, TEST_PIN } from '../helpers/testClinician';

// A shared treatment-room computer: the first administrator is created on first run, adds a
// clinician, and everyone signs in with their own PIN; the screen locks itself after the
// service's idle time, keeping what was on it for whoever signs in; signing out forgets it.

test('first run: the first administrator is created on screen, with the PIN rules explained when broken', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Welcome to CryoLog: create the administrator' })).toBeVisible();
  await expect(page.getByText('Sessions and patients')).toHaveCount(0); // nothing of the app before an account exists
  await page.getByLabel('Name on signed records').fill('Dr Ada Example');
  await page.getByLabel('Job title').fill('Consultant in Rehabilitation Medicine');
  await page.getByLabel('User name (typed at sign-in)').fill('Ada.Example');
  await page.getByLabel('Professional registration').selectOption('gmc');
  await page.getByLabel('Registration number').fill('7000001');
  await page.getByLabel('PIN', { exact: true }).fill('123456');
  await page.getByLabel('PIN again').fill('123456');
  await page.getByRole('button', { name: 'Create the administrator and sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('A PIN cannot be a run like 123456 or 654321; choose one that is hard to guess.');
  await page.getByLabel('PIN', { exact: true }).fill('582014');
  await page.getByLabel('PIN again').fill('582041');
  await page.getByRole('button', { name: 'Create the administrator and sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('The two PINs are not the same. Type them again.');
  await page.getByLabel('PIN again').fill('582014');
  await screenshot(page, '73-first-run');
  await page.getByRole('button', { name: 'Create the administrator and sign in' }).click();
  await expect(page.getByTestId('signed-in-as')).toHaveText('Dr Ada Example (administrator)');
  await expect(page.getByText('No sessions yet')).toBeVisible();
  const db = new Database(host.ctx.dbPath, { readonly: true });
  try {
    expect(db.prepare('SELECT username, role, secret_kind FROM account').all()).toEqual([{ username: 'ada.example', role: 'admin', secret_kind: 'pin' }]);
  } finally {
    db.close();
  }
});

test('an administrator adds a clinician; the clinician signs in (a wrong PIN first) and cannot change service settings', async ({ app: page, host }) => {
  await page.getByRole('link', { name: 'Settings' }).click();
  const accounts = page.getByRole('region', { name: 'Accounts' });
  await accounts.getByText('Add an account…').click();
  await accounts.getByLabel('Name on signed records').fill('Synthetic Nurse');
  await accounts.getByLabel('Job title').fill('Clinical nurse specialist');
  await accounts.getByLabel('User name (typed at sign-in)').fill('synthetic.nurse');
  await accounts.getByLabel('Professional registration').selectOption('nmc');
  await accounts.getByLabel('Registration number').fill('00A0000A');
  await accounts.getByLabel('PIN', { exact: true }).fill('615283');
  await accounts.getByLabel('PIN again').fill('615283');
  await accounts.getByRole('button', { name: 'Add the account' }).click();
  await expect(accounts.getByRole('alert').first()).toHaveText('Saved: Synthetic Nurse can now sign in as “synthetic.nurse”.');
  await expect(accounts.getByRole('row', { name: /Synthetic Nurse/ })).toContainText('Clinician');
  await screenshot(page, '75-accounts');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to CryoLog' })).toBeVisible();
  await page.getByLabel('User name').fill('synthetic.nurse');
  await page.getByLabel('PIN or password').fill('615200');
  await page.getByLabel('PIN or password').press('Enter');
  await expect(page.getByRole('alert')).toHaveText('That PIN is not right. 4 tries left before the account is held for 5 minutes.');
  await expect(page.getByLabel('PIN or password')).toBeFocused();
  await screenshot(page, '74-sign-in-wrong-pin');
  await page.getByLabel('PIN or password').fill('615283');
  await page.getByLabel('PIN or password').press('Enter');
  await expect(page.getByTestId('signed-in-as')).toHaveText('Synthetic Nurse');

  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Service settings' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Rule thresholds' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Accounts' })).toHaveCount(0);
  // Even a window that asks anyway is refused by the main process.
  const answer = await page.evaluate(() => (window as unknown as { api: { listAccounts(r: object): Promise<unknown> } }).api.listAccounts({}));
  expect(answer).toMatchObject({ ok: false, error: { code: 'ADMIN_ONLY' } });
  expect(dispatch(host.ctx, 'getAuthState', {})).toMatchObject({ ok: true, data: { user: { username: 'synthetic.nurse', role: 'clinician' } } });
});

test('the screen locks itself after 5 minutes without use; what was on it waits, hidden, and the PIN brings it back', async ({ page, host }) => {
  const created = dispatch(host.ctx, 'createFirstAdmin', TEST_ADMIN);
  expect(created.ok).toBe(true);
  await page.clock.install();
  await page.goto(host.url);
  await page.getByRole('button', { name: 'New patient' }).click();
  await page.getByLabel('Family name').fill('Lockable');
  await page.getByLabel('Given name').fill('Draft'); // leaving the family name saved it
  await page.clock.runFor(4 * 60_000);
  await expect(page.getByRole('heading', { name: 'CryoLog is locked' })).toHaveCount(0);

  await page.clock.runFor(60_000 + 6_000);
  await expect(page.getByRole('heading', { name: 'CryoLog is locked' })).toBeVisible();
  await expect(page.getByText('Locked for Dr Synthetic Consultant.')).toBeVisible();
  // Nothing of the record shows, and it cannot be reached by keyboard or pointer.
  await expect(page.getByRole('heading', { name: /LOCKABLE/ })).toBeHidden();
  await expect(page.getByLabel('Given name')).toBeHidden();
  await expect(page.getByLabel('PIN', { exact: true })).toBeFocused();
  await screenshot(page, '76-locked');
  // The typing in progress was saved before the lock (leaving the field saved it).
  expect(dispatch(host.ctx, 'listPatients', { limit: 5 })).toMatchObject({ ok: false, error: { code: 'SIGNED_OUT' } });
  const db = new Database(host.ctx.dbPath, { readonly: true });
  try {
    expect(db.prepare('SELECT family_name, given_name FROM patient').all()).toEqual([{ family_name: 'Lockable', given_name: 'Draft' }]);
    expect(db.prepare("SELECT json_extract(new_value, '$.event') FROM audit_log WHERE entity = 'sign-in' ORDER BY id DESC LIMIT 1").pluck().get()).toBe('locked (no use)');
  } finally {
    db.close();
  }

  await page.getByLabel('PIN', { exact: true }).fill(TEST_PIN);
  await page.getByLabel('PIN', { exact: true }).press('Enter');
  await expect(page.getByLabel('Given name')).toHaveValue('Draft');
  await expect(page.getByRole('heading', { name: /LOCKABLE, Draft/ })).toBeVisible();

  // Signing out forgets the screen: the next person starts from the sign-in screen, with no record in the page.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to CryoLog' })).toBeVisible();
  expect(await page.content()).not.toContain('Lockable');
});
