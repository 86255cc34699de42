// "A write that fails is reported at once and the edit stays on screen until it is saved"
// (issue 6, item 3). badInput.e2e.ts covers input the app refuses; this is the database
// refusing a valid entry mid-session: a real SQLite refusal (query_only makes every write fail
// with SQLITE_READONLY, as a file turned read-only under the app would).
import { test, expect } from './fixtures';

test('the database refuses a save: "Not saved" at once, the typed value stays, and it saves once the fault is lifted', async ({ app: page, host }) => {
  const db = host.ctx.db!;
  await page.getByRole('button', { name: 'New patient' }).click();
  const family = page.getByRole('textbox', { name: 'Family name' });
  await family.fill('Writefault');
  await family.blur();
  await expect(page.getByRole('banner')).toContainText('All changes saved');

  db.pragma('query_only = ON');
  const given = page.getByRole('textbox', { name: 'Given name' });
  await given.fill('Ada');
  await given.blur();
  // Reported at once, beside the field and in the top bar, with what to do.
  const fieldAlert = page.getByRole('main').getByRole('alert').filter({ hasText: 'Not saved' });
  await expect(fieldAlert).toHaveText('Not saved: the database cannot be written to (read-only file or folder). Your entry is still on screen. Call IT.');
  await expect(page.getByRole('banner')).toContainText('Not saved: Given name');
  await expect(given).toHaveValue('Ada');
  expect(db.prepare('SELECT given_name FROM patient').pluck().get()).toBeNull();

  // Still refused: a second try says so again and keeps the newer text.
  await given.fill('Adah');
  await given.blur();
  await expect(fieldAlert).toBeVisible();
  await expect(given).toHaveValue('Adah');

  // The fault is lifted (IT fixed the file): leaving the field again saves what is on screen.
  db.pragma('query_only = OFF');
  await given.focus();
  await given.blur();
  await expect(fieldAlert).toHaveCount(0);
  await expect(page.getByRole('banner')).toContainText('All changes saved');
  await expect(given).toHaveValue('Adah');
  expect(db.prepare('SELECT family_name, given_name FROM patient').get()).toEqual({ family_name: 'Writefault', given_name: 'Adah' });
});
