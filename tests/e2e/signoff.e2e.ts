import fs from 'node:fs';
import { expect } from '@playwright/test';
import { testAt } from './clinician';
import { screenshot } from './fixtures';
import { dispatch } from '../../electron/main/ipc/dispatch';
import { fixtureFile } from '../tools/sessionFixtures';
import { TEST_PIN } from '../helpers/testClinician';

// S1 (domain.md §5) is imported through the same dispatch the app uses, then signed, locked,
// amended with a reason and signed again through the UI.
const test = testAt('2026-03-10T10:30:00.000Z');

test('sign, see it locked, amend with a reason, sign again: both versions stay readable', async ({ app: page, host }) => {
  const imported = dispatch(host.ctx, 'importSession', { document: JSON.parse(fs.readFileSync(fixtureFile('S1'), 'utf8')) });
  if (!imported.ok) throw new Error(imported.error.message);
  const { sessionId } = imported.data as { sessionId: string };
  await page.goto(`${host.origin}/#/session/${sessionId}`);

  const panel = page.getByRole('region', { name: 'Sign-off', exact: true });
  await expect(panel).toContainText('Nothing blocks signing.');
  // The signature is the signed-in account's; the PIN is asked again, and a wrong one signs nothing.
  await expect(panel.getByTestId('signing-as')).toHaveText('Signing as Dr Synthetic Consultant, Consultant in rehabilitation medicine, GMC 0000001');
  await panel.getByLabel('Your PIN, to sign').fill('111999');
  await panel.getByRole('button', { name: 'Sign and lock' }).click();
  await expect(panel.getByRole('alert')).toHaveText('That PIN is not right. 4 tries left before the account is held for 5 minutes.');
  await expect(panel).not.toContainText('Version 1');
  await expect(panel.getByLabel('Your PIN, to sign')).toHaveValue('');
  await panel.getByLabel('Your PIN, to sign').fill(TEST_PIN);
  await panel.getByLabel('Your PIN, to sign').press('Enter');
  await expect(panel).toContainText('Version 1: signed by Dr Synthetic Consultant (Consultant in rehabilitation medicine, GMC 0000001)');
  await expect(panel).toContainText('Signed and locked.');
  // Locked: the record's controls are disabled (the database would refuse a change anyway).
  await expect(page.getByLabel('Location', { exact: true })).toBeDisabled();
  await screenshot(page, '40-signed-locked');
  await panel.screenshot({ path: 'test-results/screens/40b-signoff-panel-locked.png' });

  await panel.getByRole('button', { name: 'Open an amendment' }).click();
  await expect(panel.getByRole('alert')).toContainText('Give the reason for the amendment.');
  await panel.getByLabel('Reason for the amendment').fill('Location typed wrongly');
  await panel.getByRole('button', { name: 'Open an amendment' }).click();
  await expect(panel).toContainText('Amendment open: Location typed wrongly.');
  const location = page.getByLabel('Location', { exact: true });
  await expect(location).toBeEnabled();
  await location.fill('Rehabilitation day unit, room 2');
  await location.blur();
  await expect(page.getByText(/All changes saved/)).toBeVisible();
  await panel.getByLabel('Your PIN, to sign').fill(TEST_PIN);
  await panel.getByRole('button', { name: 'Sign the amendment' }).click();
  await expect(panel).toContainText('Version 2: signed by Dr Synthetic Consultant');
  await expect(panel).toContainText('Addendum: Location typed wrongly');
  await expect(location).toBeDisabled();
  await screenshot(page, '41-amended-version-2');
  await panel.screenshot({ path: 'test-results/screens/41b-signoff-panel-version-2.png' });

  const v1 = dispatch(host.ctx, 'getSignedVersion', { sessionId, version: 1 });
  const v2 = dispatch(host.ctx, 'getSignedVersion', { sessionId, version: 2 });
  expect(v1.ok && (v1.data as { session: { location: string } }).session.location).not.toBe('Rehabilitation day unit, room 2');
  expect(v2.ok && (v2.data as { session: { location: string } }).session.location).toBe('Rehabilitation day unit, room 2');
});
