import fs from 'node:fs';
import { expect } from '@playwright/test';
import { testAt, windowShot } from './clinician';
import { call } from './seed';
import { fixtureFile } from '../tools/sessionFixtures';
import { TEST_PIN } from '../helpers/testClinician';

// A record made in error (here: under the wrong patient) is marked, never deleted: it stays
// readable, says so everywhere, and can no longer be changed.
const test = testAt('2026-03-10T10:30:00.000Z');

test('marking a signed record entered in error keeps it, locks it and says so', async ({ app: page, host }) => {
  const { sessionId } = call(host.ctx, 'importSession', { document: JSON.parse(fs.readFileSync(fixtureFile('S1'), 'utf8')) });
  call(host.ctx, 'signSession', { sessionId, secret: TEST_PIN });
  await page.goto(`${host.origin}/#/session/${sessionId}`);
  const panel = page.getByRole('region', { name: 'Sign-off', exact: true });
  await panel.getByRole('button', { name: 'Mark as entered in error…' }).click();
  const form = panel.getByRole('group', { name: 'Mark as entered in error' });
  // Two presses, like every irreversible button; without a reason it says what is missing.
  await form.getByRole('button', { name: 'Mark as entered in error' }).click();
  await form.getByRole('button', { name: 'Press again to mark it entered in error' }).click();
  await expect(form.getByRole('alert')).toHaveText('Give the reason the record was entered in error.');
  await form.getByLabel('Why it was entered in error').fill('Recorded under the wrong patient');
  await form.getByRole('button', { name: 'Mark as entered in error' }).click();
  await form.getByRole('button', { name: 'Press again to mark it entered in error' }).click();

  const banner = page.getByTestId('eie-banner');
  await expect(banner).toContainText('Entered in error on 10 Mar 2026 10:30 by Dr Synthetic Consultant: Recorded under the wrong patient.');
  await expect(panel).toContainText('Entered in error: kept as it is; no signing or amendment.');
  await expect(panel.getByRole('button', { name: 'Open an amendment' })).toHaveCount(0);
  await expect(page.getByLabel('Location', { exact: true })).toBeDisabled();
  await expect(page.getByTestId('summary-text')).toContainText('ENTERED IN ERROR - NOT FOR CLINICAL USE');
  await windowShot(page, '44-entered-in-error', banner);

  // Still there, marked, in the session list; and still readable as signed.
  await page.goto(`${host.origin}/#/`);
  await expect(page.getByRole('main')).toContainText('Entered in error');
  expect(call(host.ctx, 'getSignedVersion', { sessionId, version: 1 }).session.status).toBe('completed');
});
