import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { expect, screenshot } from './fixtures';
import { allSaved, Clinician, testAt, windowShot } from './clinician';

// Every screen and state people meet, with a screenshot of each (test-results/screens), and
// the behaviour that goes with it: search, acknowledgements, the wrong-site path, many targets.

const test = testAt('2026-03-12T10:20:00Z');
const checks = (page: Page) => page.getByRole('region', { name: 'Checks before sign-off' });

async function newPatient(page: Page, family: string, given: string, nhs: string): Promise<void> {
  const c = new Clinician(page);
  await page.getByRole('button', { name: 'New patient' }).click();
  await c.type(c.field(page, 'Family name'), family);
  await c.type(c.field(page, 'Given name'), given);
  await c.type(c.field(page, 'Date of birth'), '01/02/1970');
  await c.type(page.getByLabel('NHS number', { exact: true }), nhs);
  await allSaved(page);
}

test('home: empty, then search as you type, a search with no result says so and how to clear it', async ({ app: page }) => {
  await expect(page.getByText('No sessions yet')).toBeVisible();
  await screenshot(page, '20-home-empty');

  await newPatient(page, 'Searchable', 'Ann', '9990079196');
  await page.getByRole('button', { name: 'Start session' }).click();
  await expect(page.getByText('No target yet')).toBeVisible();
  await page.getByRole('link', { name: 'Sessions and patients' }).click();
  await newPatient(page, 'Other', 'Bea', '9990237573');
  await page.getByRole('button', { name: 'Start session' }).click();
  await expect(page.getByText('No target yet')).toBeVisible();
  await page.getByRole('link', { name: 'Sessions and patients' }).click();

  const list = page.getByRole('table', { name: 'Recent sessions' });
  await expect(list.getByRole('row')).toHaveCount(3);
  const search = page.getByLabel('Find a patient’s sessions');
  await search.pressSequentially('sear', { delay: 30 });
  const found = page.getByRole('table', { name: 'Sessions found' });
  await expect(found.getByRole('row')).toHaveCount(2);
  await expect(found).toContainText('SEARCHABLE, Ann');
  await search.fill('999 023 7573');
  await expect(found.getByRole('row')).toHaveCount(2);
  await expect(found).toContainText('OTHER, Bea');

  await search.fill('Nobody');
  await expect(page.getByRole('status').filter({ hasText: 'No session matches “Nobody”' })).toContainText('Clear search');
  await screenshot(page, '21-home-search-no-result');
  await search.press('Escape');
  await expect(search).toHaveValue('');
  await expect(list.getByRole('row')).toHaveCount(3);
  await expect(search).toBeFocused();
});

test('patient: new and empty, then long names that wrap without breaking the layout', async ({ app: page }) => {
  await page.getByRole('button', { name: 'New patient' }).click();
  await expect(page.getByRole('heading', { name: 'New patient (no name yet)' })).toBeVisible();
  await screenshot(page, '22-patient-new');

  const c = new Clinician(page);
  await c.type(c.field(page, 'Family name'), 'Montgomery-Fitzwilliam-Ashcombe-Worthington-Smythe');
  await c.type(c.field(page, 'Given name'), 'Maria-Josefina Alejandra Guadalupe Bérénice');
  // Has allergies: the first row opens at once.
  await c.choose(page, 'Allergies', 'Has allergies (list them)');
  const allergy = page.getByTestId('allergy-1');
  await expect(c.field(allergy, 'Allergen')).toBeFocused();
  await c.select(c.field(allergy, 'Allergen'), { label: 'Chlorhexidine' });
  await c.fill(allergy, 'Reaction', 'Urticaria');
  await c.check(page, 'Implanted electrical devices', 'Intrathecal baclofen pump');
  await allSaved(page);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('MONTGOMERY-FITZWILLIAM-ASHCOMBE-WORTHINGTON-SMYTHE, Maria-Josefina');
  // The heading wraps inside its panel: nothing is wider than the window.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1440);
  await expect(c.field(page, 'Implanted device details')).toBeVisible();
  await screenshot(page, '23-patient-long-names');

  // A number with an ambiguous comma is refused with a precise message, and the top bar says so.
  await c.fill(page, 'Weight (kg)', '1,000');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('alert').filter({ hasText: 'could mean 1.000 or 1000' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Not saved: Weight (kg)');
  await c.fill(page, 'Weight (kg)', '71,5');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('banner')).toContainText('All changes saved');
});

test('a pause in typing saves exactly what is on screen, without leaving the field', async ({ app: page, dbDir }) => {
  await page.getByRole('button', { name: 'New patient' }).click();
  const family = page.getByLabel('Family name');
  await family.pressSequentially('Pauser', { delay: 40 });
  await expect(page.getByRole('banner')).toContainText('All changes saved');
  await expect(family).toBeFocused();
  await page.waitForTimeout(500);
  const db = new Database(path.join(dbDir, 'cryolog.sqlite'), { readonly: true });
  try {
    expect(db.prepare('SELECT family_name FROM patient').get()).toEqual({ family_name: 'Pauser' });
  } finally {
    db.close();
  }
});

test('session: many targets, warnings with acknowledgements (the signed-in name by default, a reason when needed), wrong-site path', async ({ app: page, dbDir }) => {
  test.setTimeout(180_000);
  const c = new Clinician(page);
  await newPatient(page, 'Manytargets', 'Carl', '9990316767');
  await page.getByRole('button', { name: 'Start session' }).click();
  await expect(page.getByText('No target yet')).toBeVisible();

  // Consent for the left upper limb only.
  const before = page.getByRole('region', { name: 'Before the procedure', exact: true });
  await c.click(before.getByRole('button', { name: 'Add consented site' }));
  await c.choose(page.getByTestId('consentSite-1'), 'Side', 'Left');
  await c.choose(page.getByTestId('consentSite-1'), 'Region', 'Upper limb');

  const nerves = ['Musculocutaneous → brachialis', 'Musculocutaneous → biceps brachii', 'Radial → brachioradialis', 'Median → pronator teres', 'Median → flexor carpi radialis', 'Ulnar → flexor carpi ulnaris', 'Median trunk (mixed)'];
  for (const [i, nerve] of nerves.entries()) {
    await page.getByRole('button', { name: 'Add target' }).click();
    const card = page.getByTestId(`target-${i + 1}`);
    await expect(card.getByLabel('Nerve and branch')).toBeFocused();
    await card.getByLabel('Nerve and branch').selectOption({ label: nerve });
    await c.choose(card, 'Side', i === 6 ? 'Right' : 'Left');
    await card.getByRole('button', { name: 'Add freeze cycle' }).click();
    await page.getByTestId(`cycle-${i + 1}-1`).getByLabel(/^Freeze duration/).fill('90');
  }
  await allSaved(page);
  await expect(page.getByTestId('target-7')).toContainText('Mixed motor-sensory trunk');
  await screenshot(page, '24-session-many-targets');
  await windowShot(page, '24b-session-many-targets-window', page.getByTestId('target-6'));

  // Target 7 is on the right: not consented. The wrong-site path asks for the incident.
  const t7 = page.getByTestId('target-7');
  const wrongSite = t7.getByRole('group', { name: /^Wrong-site path/ });
  await expect(wrongSite).toContainText('Right is not among the consented sites (consented: Left)');
  await c.yes(wrongSite, 'Declared as a wrong-site incident');
  await expect(page.getByTestId('complication-1')).toBeVisible();
  await c.fill(wrongSite, 'Incident reference', 'LFPSE-2026-0042');
  await allSaved(page);
  await expect(c.field(page.getByTestId('complication-1'), 'Incident reference')).toHaveValue('LFPSE-2026-0042');
  await expect(page.getByRole('radiogroup', { name: 'Any complication?' }).getByRole('radio', { name: 'Yes (record each one)' })).toHaveAttribute('aria-checked', 'true');
  await windowShot(page, '25-wrong-site-declared', wrongSite);

  // Warnings: a mixed trunk needs a reason (W05); an unusual threshold (W08) does not.
  await c.yes(t7, 'Nerve stimulation used');
  await c.fill(t7, 'Stimulation threshold (mA)', '0,1');
  await allSaved(page);
  const panel = checks(page);
  const w05 = panel.getByRole('listitem').filter({ hasText: 'mixed motor-sensory trunk carries a higher risk' });
  const w08 = panel.getByRole('listitem').filter({ hasText: 'a threshold of 0.1 mA is below 0.2 mA' });
  await expect(w05).toContainText('Check, give a reason');
  await expect(w08).toBeVisible();
  // The finding sits next to its field too.
  await expect(t7).toContainText('a threshold of 0.1 mA is below 0.2 mA');
  await windowShot(page, '26-warnings-shown', c.field(t7, 'Stimulation threshold (mA)'));

  // "Go to the field" takes the focus to the threshold.
  await w08.getByRole('button', { name: 'Go to the field' }).click();
  await expect(c.field(t7, 'Stimulation threshold (mA)')).toBeFocused();

  // Acknowledging asks for a name: the signed-in clinician's by default; emptied, it is asked for.
  const ackBy = panel.getByLabel('Acknowledged by');
  await expect(ackBy).toHaveValue('Dr Synthetic Consultant');
  await ackBy.fill('');
  await w08.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(w08.getByRole('alert')).toContainText('Type your name');
  await expect(ackBy).toBeFocused();
  await page.keyboard.type('Dr Ada Lovelace');
  await w08.getByRole('button', { name: 'Acknowledge' }).click();
  const done08 = panel.getByRole('listitem').filter({ hasText: 'Acknowledged' }).filter({ hasText: '0.1 mA' });
  await expect(done08).toContainText('by Dr Ada Lovelace at');

  await w05.getByRole('button', { name: 'Acknowledge with a reason…' }).click();
  const reason = w05.getByLabel('Reason (why this is acceptable)');
  await expect(reason).toBeFocused();
  await w05.getByRole('button', { name: 'Acknowledge', exact: true }).click();
  await expect(w05.getByRole('alert')).toContainText('needs a reason');
  await reason.fill('Median trunk chosen after a negative branch block; discussed with the patient.');
  await w05.getByRole('button', { name: 'Acknowledge', exact: true }).click();
  const done05 = panel.getByRole('listitem').filter({ hasText: 'Acknowledged' }).filter({ hasText: 'mixed motor-sensory trunk' });
  await expect(done05).toContainText('“Median trunk chosen after a negative branch block');
  await expect(t7).toContainText('Acknowledged by Dr Ada Lovelace');
  await windowShot(page, '27-warnings-acknowledged', c.field(t7, 'Stimulation threshold (mA)'));

  // The section menu reaches every section by keyboard.
  const menu = page.getByRole('navigation', { name: 'Sections of the session' });
  await menu.getByRole('button', { name: /^Aftercare/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Aftercare and follow-up' })).toBeFocused();

  const db = new Database(path.join(dbDir, 'cryolog.sqlite'), { readonly: true });
  try {
    expect(db.prepare('SELECT COUNT(*) AS n FROM target').get()).toEqual({ n: 7 });
    const acks = db.prepare('SELECT rule_id, field, acknowledged_by, reason FROM acknowledgement ORDER BY at').all();
    expect(acks).toEqual([
      { rule_id: 'W08', field: 'stimThresholdMa', acknowledged_by: 'Dr Ada Lovelace', reason: null },
      { rule_id: 'W05', field: 'branch', acknowledged_by: 'Dr Ada Lovelace', reason: 'Median trunk chosen after a negative branch block; discussed with the patient.' },
    ]);
    expect(db.prepare('SELECT type, onset, incident_ref FROM complication').get()).toEqual({ type: 'wrong-site', onset: 'intra-procedure', incident_ref: 'LFPSE-2026-0042' });
    expect(db.prepare('SELECT wrong_site_declared, wrong_site_incident_ref FROM target WHERE seq = 7').get()).toEqual({ wrong_site_declared: 1, wrong_site_incident_ref: 'LFPSE-2026-0042' });
  } finally {
    db.close();
  }
});
