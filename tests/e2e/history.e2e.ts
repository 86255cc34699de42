import fs from 'node:fs';
import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { Clinician, testAt } from './clinician';
import { dispatch } from '../../electron/main/ipc/dispatch';
import { closeContext } from '../../electron/main/context';
import type { Host } from '../host/server';
import type { SessionDocument } from '../../shared/domain/model';
import { fixtureFile } from '../tools/sessionFixtures';
import { TEST_PIN, signedInContext } from '../helpers/testClinician';

// Each nerve's history: S2 (domain.md §5, R tibial branches, 10 Mar 2026, signed) and an
// earlier draft of the same patient (4 Nov 2025) arrive through the app's own dispatch; eleven
// weeks after S2 a new session is started in the UI and its targets show what came before.
// Synthetic patient (999-range NHS number, invented name) from the fixture.
const test = testAt('2026-05-26T09:00:00Z');


function ok<T>(r: { ok: true; data: unknown } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.data as T;
}

/** Recorded on S2's day (the rules judge a late entry or a sign-off by when it happens), into the host's database file. */
function seed(host: Host): { patientId: string; marchId: string } {
  const s2 = JSON.parse(fs.readFileSync(fixtureFile('S2'), 'utf8')) as SessionDocument;
  const november: SessionDocument = { ...s2, session: { ...s2.session, startedAt: '2025-11-04T10:00:00+00:00', endedAt: null } };
  const thatDay = signedInContext({ dbPath: host.ctx.dbPath, appVersion: 'e2e', clock: { now: () => new Date('2026-03-10T15:00:00Z'), offsetMinutes: () => 0 } });
  try {
    const first = ok<{ patientId: string }>(dispatch(thatDay, 'importSession', { document: november }));
    const march = ok<{ sessionId: string }>(dispatch(thatDay, 'importSession', { document: s2 }));
    ok(dispatch(thatDay, 'signSession', { sessionId: march.sessionId, secret: TEST_PIN }));
    return { patientId: first.patientId, marchId: march.sessionId };
  } finally {
    closeContext(thatDay);
  }
}

const history = (page: Page, n: number) => page.getByRole('group', { name: `Earlier treatments of this nerve, target ${n}` });

test('a target shows the earlier treatments of its nerve on that side; the patient screen lists every session with its targets', async ({ app: page, host }) => {
  const { patientId, marchId } = seed(host);
  const c = new Clinician(page);
  await page.goto(`${host.origin}/#/patient/${patientId}`);
  await c.click(page.getByRole('button', { name: 'Start session', exact: true }));
  await c.click(page.getByRole('button', { name: 'Add target' }));

  // Same nerve, same side: the third treatment, with both earlier sessions, newest first.
  const card1 = page.getByTestId('target-1');
  await c.select(card1.getByLabel('Nerve and branch'), { label: 'Tibial → medial gastrocnemius' });
  await expect(history(page, 1)).toHaveCount(0); // no side yet: nothing to compare
  await c.choose(card1, 'Side', 'Right');
  const h1 = history(page, 1);
  await expect(h1.locator('.nerve-history-headline')).toHaveText('R tibial → medial gastrocnemius: 3rd treatment, last 11 weeks ago');
  const lines = h1.getByRole('listitem');
  await expect(lines).toHaveCount(2);
  // S2 treated three branches of the nerve: one line each under its date and MAS.
  await expect(lines.nth(0)).toHaveText(
    '10 Mar 2026 (11 weeks ago) · MAS ankle plantarflexors (knee straight) 2 → 1' +
      'R tibial → medial gastrocnemius · 3 sites, 3 cycles · 3 × 106 s · temperature not recorded' +
      'R tibial → lateral gastrocnemius · 2 sites, 2 cycles · 106 s, 106 s · temperature not recorded' +
      'R tibial → soleus · 3 sites, 3 cycles · 3 × 106 s · temperature not recorded',
  );
  await expect(lines.nth(0)).not.toContainText('draft');
  await expect(lines.nth(1)).toContainText('4 Nov 2025 (7 months ago) draft · MAS ankle plantarflexors (knee straight) 2 → 1');
  // The card's top (nerve, side, history) as the clinician sees it, below the sticky section menu.
  await card1.evaluate((el) => {
    el.scrollIntoView({ block: 'start' });
    window.scrollBy(0, -140);
  });
  const box = (await card1.boundingBox())!;
  await page.screenshot({ path: 'test-results/screens/history-target.png', clip: { x: box.x - 8, y: box.y - 8, width: box.width + 16, height: 520 } });

  // The same nerve on the other side has no history.
  await c.click(page.getByRole('button', { name: 'Add target' }));
  const card2 = page.getByTestId('target-2');
  await c.select(card2.getByLabel('Nerve and branch'), { label: 'Tibial → soleus' });
  await c.choose(card2, 'Side', 'Left');
  await expect(history(page, 2)).toHaveText('First recorded treatment of the left tibial nerve for this patient.');
  await expect(history(page, 2).getByRole('listitem')).toHaveCount(0);
  // Changing the side of target 1 updates its history at once.
  await c.choose(card1, 'Side', 'Left');
  await expect(history(page, 1)).toHaveText('First recorded treatment of the left tibial nerve for this patient.');
  await c.choose(card1, 'Side', 'Right');
  await expect(history(page, 1).locator('.nerve-history-headline')).toHaveText(/3rd treatment/);
  await expect(page.getByRole('banner')).toContainText('All changes saved');

  // The patient screen: every session, newest first, with its state and its targets.
  await page.getByRole('link', { name: /OKONJO-REID/ }).click();
  const sessions = page.getByRole('list', { name: 'Sessions, newest first' });
  const items = sessions.getByRole('link');
  await expect(items).toHaveCount(3);
  await expect(items.nth(0)).toContainText('26 May 2026 09:');
  await expect(items.nth(0)).toContainText('Draft');
  await expect(items.nth(0)).toContainText('R tibial → medial gastrocnemius (0 cycles)');
  await expect(items.nth(0)).toContainText('L tibial → soleus (0 cycles)');
  await expect(items.nth(1)).toContainText('10 Mar 2026 13:38');
  await expect(items.nth(1)).toContainText('Signed');
  for (const t of ['R tibial → medial gastrocnemius (3 cycles)', 'R tibial → lateral gastrocnemius (2 cycles)', 'R tibial → soleus (3 cycles)']) await expect(items.nth(1)).toContainText(t);
  await expect(items.nth(2)).toContainText('4 Nov 2025 10:00');
  await expect(items.nth(2)).toContainText('Draft');
  const panel = page.getByRole('region', { name: 'Sessions for this patient' });
  await panel.screenshot({ path: 'test-results/screens/patient-sessions.png' });

  // A session opens from the list.
  await items.nth(1).click();
  await expect(page).toHaveURL(new RegExp(`#/session/${marchId}$`));
  await expect(page.getByText('Session started 10 Mar 2026 13:38')).toBeVisible();
});

test('a patient without a session says so and offers to start the first one', async ({ app: page, host }) => {
  const patient = ok<{ id: string }>(dispatch(host.ctx, 'createPatient', {}));
  await page.goto(`${host.origin}/#/patient/${patient.id}`);
  const panel = page.getByRole('region', { name: 'Sessions for this patient' });
  await expect(panel).toContainText('No session yet.');
  await panel.getByRole('button', { name: 'Start the first session' }).click();
  await expect(page.getByText('No target yet')).toBeVisible();
});
