import path from 'node:path';
import Database from 'better-sqlite3';
import { test, expect, screenshot } from './fixtures';

// The bad input a bedside record meets (issue 3): each gets a precise message next to the
// field, and nothing already saved is harmed.
test('bad input gets a message next to the field and never replaces what was saved', async ({ app: page, dbDir }) => {
  await page.getByRole('button', { name: 'New patient' }).click();
  await page.getByLabel('Family name').fill('Badinput');
  const nhs = page.getByLabel('NHS number', { exact: true });
  await nhs.fill('999 007 9196 1');
  await nhs.blur();
  await expect(page.getByText('An NHS number has 10 digits; this has 11.')).toBeVisible();
  await nhs.fill('999-007-9197');
  await nhs.blur();
  await expect(page.getByText(/fails its check digit/).first()).toBeVisible();
  await page.getByRole('button', { name: 'Start session' }).click();

  // Impossible calendar date.
  const consentDate = page.getByLabel('Consent date', { exact: true });
  await consentDate.fill('30/02/2026');
  await consentDate.blur();
  await expect(page.getByText('30/02/2026 is not a real calendar date. Check the day and month.')).toBeVisible();
  // While it is on screen, the top bar does not claim everything is saved.
  await expect(page.getByRole('banner')).toContainText('Not saved');
  await consentDate.fill('');
  await consentDate.blur();

  // Temperatures: a comma decimal and an en dash are read; "+68" saves but is flagged as a sign slip.
  await page.getByRole('button', { name: 'Add target' }).click();
  await page.getByTestId('target-1').getByRole('button', { name: 'Add freeze cycle' }).click();
  // The new cycle takes the focus on its duration, as a clinician expects.
  await expect(page.getByLabel('Freeze duration (s), target 1 cycle 1')).toBeFocused();
  const temp = page.getByLabel('Lowest probe temperature (°C), target 1 cycle 1');
  await temp.fill('\u201370,5');
  await temp.blur();
  await expect(temp).toHaveValue('-70.5');
  await temp.fill('+68');
  await temp.blur();
  await expect(page.getByText(/68 °C is not a possible nitrous-oxide probe reading/).first()).toBeVisible();
  await temp.fill('-70C');
  await temp.blur();
  await expect(temp).toHaveValue('-70');

  // A note: a sensible text saves; 100 kB pasted, or text with control characters, is refused
  // with a message, and the saved note stays as it was.
  const notes = page.getByLabel('Notes', { exact: true });
  await notes.fill('Tolerated well.');
  await notes.blur();
  await expect(page.getByText(/All changes saved/)).toBeVisible();
  await notes.fill('x'.repeat(100_000));
  await notes.blur();
  await expect(page.getByText(/longer than the 10,000 characters this field takes/).first()).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Not saved');
  await notes.fill('Pasted\u0007 text');
  await notes.blur();
  await expect(page.getByText(/invisible control characters/).first()).toBeVisible();
  await screenshot(page, '31-bad-input');

  const db = new Database(path.join(dbDir, 'cryolog.sqlite'), { readonly: true });
  try {
    expect(db.prepare('SELECT notes, consent_date FROM session').get()).toEqual({ notes: 'Tolerated well.', consent_date: null });
    expect(db.prepare('SELECT tip_temp_c FROM freeze_cycle').get()).toEqual({ tip_temp_c: -70 });
    expect(db.prepare('SELECT nhs_number FROM patient').get()).toEqual({ nhs_number: '9990079197' });
  } finally {
    db.close();
  }
});
