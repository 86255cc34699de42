import { expect } from '@playwright/test';
import { testAt } from './clinician';
import { dispatch } from '../../electron/main/ipc/dispatch';

// A field saves itself after a pause in typing; leaving it afterwards must still show the value
// as stored. Found as a flaky S1 walkthrough: "+6w" stayed on screen when the pause came first.
const test = testAt('2026-03-12T10:20:00Z');

test('a date typed as "+6w", saved during a pause, shows as the date once the field is left', async ({ app: page, host }) => {
  const patient = dispatch(host.ctx, 'createPatient', {});
  if (!patient.ok) throw new Error(patient.error.message);
  const session = dispatch(host.ctx, 'startSession', { patientId: (patient.data as { id: string }).id });
  if (!session.ok) throw new Error(session.error.message);
  await page.goto(`${host.origin}/#/session/${(session.data as { id: string }).id}`);
  await page.getByRole('button', { name: 'Add follow-up' }).click();
  const row = page.getByTestId('followUp-1');
  const date = row.getByLabel(/^Date/).and(row.locator('input'));
  await date.fill('+6w');
  await expect(row.getByText('Saved')).toBeVisible(); // saved while the field still has the focus
  await expect(date).toHaveValue('+6w');
  await page.keyboard.press('Tab');
  await expect(date).toHaveValue('23/04/2026');
});
