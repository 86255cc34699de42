import fs from 'node:fs';
import { expect } from '@playwright/test';
import { testAt } from './clinician';
import { screenshot } from './fixtures';
import { dispatch } from '../../electron/main/ipc/dispatch';
import { closeContext } from '../../electron/main/context';
import type { Host } from '../host/server';
import type { SessionDocument } from '../../shared/domain/model';
import { fixtureFile } from '../tools/sessionFixtures';
import { signedInContext } from '../helpers/testClinician';

// Searching the notes from the home screen by keyboard: a word typed, the session that holds it
// found with the word marked, opened with Enter. Synthetic patient (999-range NHS number) from S1.
const test = testAt('2026-03-10T15:00:00Z');

function seed(host: Host): string {
  const s1 = JSON.parse(fs.readFileSync(fixtureFile('S1'), 'utf8')) as SessionDocument;
  const ctx = signedInContext({ dbPath: host.ctx.dbPath, appVersion: 'e2e', clock: { now: () => new Date('2026-03-10T15:00:00Z'), offsetMinutes: () => 0 } });
  try {
    const r = dispatch(ctx, 'importSession', { document: { ...s1, session: { ...s1.session, notes: 'Patient keeps an allotment and hopes to dig again by spring.' } } });
    if (!r.ok) throw new Error(r.error.message);
    return (r.data as { sessionId: string }).sessionId;
  } finally {
    closeContext(ctx);
  }
}

test('a word typed in "Search the notes" finds the session, marks the word, and opens it', async ({ app: page, host }) => {
  const sessionId = seed(host);
  await page.goto(`${host.origin}/#/`);
  const box = page.getByLabel('Words in the notes');
  await box.focus();
  await page.keyboard.type('xylophone');
  await expect(page.getByRole('status').filter({ hasText: 'No notes contain “xylophone”' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(box).toHaveValue('');
  await page.keyboard.type('ALLOT');
  const results = page.getByRole('list', { name: 'Sessions found in the notes' });
  await expect(results.getByRole('link')).toHaveCount(1);
  await expect(results.locator('mark')).toHaveText('allotment');
  await screenshot(page, 'home-note-search');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Clear', exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(results.getByRole('link')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/session/${sessionId}$`));
});
