import fs from 'node:fs';
import { expect } from '@playwright/test';
import { testAt } from './clinician';
import { screenshot } from './fixtures';
import { dispatch } from '../../electron/main/ipc/dispatch';
import { fixtureFile } from '../tools/sessionFixtures';

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
  await panel.getByLabel('Signing clinician').fill('Dr Synthetic Consultant');
  await panel.getByLabel('Role').fill('Consultant in rehabilitation medicine');
  await panel.getByLabel('Registration number').fill('0000001');
  await panel.getByRole('button', { name: 'Sign and lock' }).click();
  await expect(panel).toContainText('Version 1: signed by Dr Synthetic Consultant (Consultant in rehabilitation medicine, GMC 0000001)');
  await expect(panel).toContainText('Signed and locked.');
  // Locked: the record's controls are disabled (the database would refuse a change anyway).
  await expect(page.getByLabel('Location', { exact: true })).toBeDisabled();
  await screenshot(page, '40-signed-locked');
  await panel.screenshot({ path: 'test-results/screens/40b-signoff-panel-locked.png' });

  await panel.getByRole('button', { name: 'Open an amendment' }).click();
  await expect(panel.getByRole('alert')).toContainText('Give the reason for the amendment.');
  await panel.getByLabel('Reason for the amendment').fill('Location typed wrongly');
  await panel.getByLabel('Your name').fill('Dr Synthetic Consultant');
  await panel.getByRole('button', { name: 'Open an amendment' }).click();
  await expect(panel).toContainText('Amendment open: Location typed wrongly.');
  const location = page.getByLabel('Location', { exact: true });
  await expect(location).toBeEnabled();
  await location.fill('Rehabilitation day unit, room 2');
  await location.blur();
  await expect(page.getByText(/All changes saved/)).toBeVisible();
  await panel.getByLabel('Signing clinician').fill('Dr Synthetic Consultant');
  await panel.getByLabel('Role').fill('Consultant in rehabilitation medicine');
  await panel.getByLabel('Registration number').fill('0000001');
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
