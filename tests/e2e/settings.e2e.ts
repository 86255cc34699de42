import path from 'node:path';
import Database from 'better-sqlite3';
import { test, expect, screenshot } from './fixtures';

// The clinical lead (an administrator) changes a threshold: it takes effect on the checks
// at once, and is stored with who made it (the signed-in account) (the audit trail keeps the old and new values).
test('a threshold changed on the settings screen changes the checks, and is recorded with who', async ({ app: page, dbDir }) => {
  // A session with one cycle at -45 °C: warmer than the default -50 °C warning line.
  await page.getByRole('button', { name: 'New patient' }).click();
  await page.getByLabel('Family name').fill('Thresholdtest');
  await page.getByRole('button', { name: 'Start session' }).click();
  await page.getByRole('button', { name: 'Add target' }).click();
  await page.getByTestId('target-1').getByRole('button', { name: 'Add freeze cycle' }).click();
  const temp = page.getByLabel('Lowest probe temperature (°C), target 1 cycle 1');
  await temp.fill('-45');
  await temp.blur();
  const findings = page.getByRole('region', { name: 'Checks before sign-off' });
  await expect(findings).toContainText('-45 °C is warmer than');
  const sessionUrl = page.url();

  await page.getByRole('link', { name: 'Settings' }).click();
  // The settings screen also holds the target presets: everything here is within the thresholds' panel.
  const panel = page.getByRole('region', { name: 'Rule thresholds' });
  await expect(panel.getByRole('heading', { name: 'Rule thresholds' })).toBeVisible();
  await expect(panel.getByText('Never changed: these are the defaults.')).toBeVisible();
  const group = page.getByRole('group', { name: 'Lowest probe temperature (°C)' });
  await group.getByLabel('Warn warmer than', { exact: true }).fill('-40');
  // Who changed it is the signed-in administrator: nobody types a name.
  await page.getByRole('button', { name: 'Save thresholds' }).click();
  await expect(page.getByText('Saved. The checks use the new thresholds from now on.')).toBeVisible();
  await expect(panel.getByText(/Last changed by Dr Synthetic Consultant \(test\.consultant\)/)).toBeVisible();
  await screenshot(page, '30-settings-saved');

  // An impossible order of limits is refused, with the field named, and nothing changes.
  await group.getByLabel('Error above', { exact: true }).fill('-150');
  await page.getByRole('button', { name: 'Save thresholds' }).click();
  await expect(panel.getByRole('status')).toContainText('could not be saved');

  await page.goto(sessionUrl);
  await expect(page.getByLabel('Lowest probe temperature (°C), target 1 cycle 1')).toHaveValue('-45');
  await expect(page.getByRole('region', { name: 'Checks before sign-off' })).not.toContainText('-45 °C is warmer than -50');

  const db = new Database(path.join(dbDir, 'cryolog.sqlite'), { readonly: true });
  try {
    const stored = db.prepare("SELECT json_extract(value, '$.tipTempC.warnWarmerThan') AS warn, updated_by FROM setting WHERE key = 'ruleConfig'").get();
    expect(stored).toEqual({ warn: -40, updated_by: 'Dr Synthetic Consultant (test.consultant)' });
    expect(db.prepare("SELECT count(*) AS n FROM audit_log WHERE entity = 'setting'").get()).toEqual({ n: 1 });
  } finally {
    db.close();
  }
});
