import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { testAt } from './clinician';
import { dispatch } from '../../electron/main/ipc/dispatch';
import { fixtureFile } from '../tools/sessionFixtures';

// Speed at entry (issue 4): the service's target presets edited on the settings screen, a
// preset button adding a placed target in a session, and a returning patient's targets
// repeated from the last session in one press.

const shot = (name: string) => path.join('test-results', 'screens', `${name}.png`);
const targets = (page: Page) => page.getByRole('region', { name: 'Targets and freeze cycles' });
const radio = (scope: Page | Locator, group: string, name: string) => scope.getByRole('radiogroup', { name: group, exact: true }).getByRole('radio', { name, exact: true });

test('the clinical lead adds, removes and reorders target presets, saves them with a name, and they stay after a reload', async ({ app: page, dbDir }) => {
  await page.getByRole('link', { name: 'Settings' }).click();
  const presets = page.getByRole('region', { name: 'Target presets' });
  const list = presets.getByRole('list', { name: 'Presets, in the order the buttons show' });
  await expect(presets.getByText('Never changed: these are the defaults.')).toBeVisible();
  await expect(list.getByRole('listitem')).toHaveCount(12);

  await presets.getByRole('button', { name: 'Remove: R tibial → soleus' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(11);
  // Focus moves to the row that took its place (here the last one), not back to the top.
  await expect(presets.getByRole('button', { name: 'Remove: L tibial → soleus' })).toBeFocused();

  // Adding without a side says so, and puts the focus where the answer goes.
  const add = presets.getByRole('button', { name: 'Add preset' });
  await add.click();
  await expect(presets.getByRole('alert')).toHaveText('Choose the side first: Left or Right.');
  await expect(radio(page, 'Side', 'Left')).toBeFocused();
  // A target already in the list is refused with the one it repeats.
  await page.keyboard.press('Space');
  await presets.getByLabel('Nerve and branch').selectOption({ label: 'Musculocutaneous → brachialis' });
  await add.click();
  await expect(presets.getByRole('alert')).toHaveText('This preset repeats preset 1 (L musculocutaneous → brachialis). Remove one of them.');

  await radio(page, 'Side', 'Right').click();
  await presets.getByLabel('Nerve and branch').selectOption({ label: 'Ulnar → flexor carpi ulnaris' });
  await presets.getByLabel('Label (optional)').fill('Wrist flexors, ulnar side');
  await add.click();
  await expect(presets.getByRole('status')).toHaveText('Added as preset 12: Wrist flexors, ulnar side. Press “Save presets” to keep it.');
  await expect(list.getByRole('listitem').nth(11)).toContainText('Wrist flexors, ulnar sideR ulnar → flexor carpi ulnaris');

  // Reorder by mouse, then by keyboard: the focus stays on the moved preset's button.
  const up = presets.getByRole('button', { name: 'Move up: Wrist flexors, ulnar side' });
  await up.click();
  await expect(up).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(up).toBeFocused();
  await expect(list.getByRole('listitem').nth(9)).toContainText('Wrist flexors');

  // Saved with who made the change: the signed-in administrator.
  const save = presets.getByRole('button', { name: 'Save presets' });
  await save.click();
  await expect(presets.getByRole('status')).toHaveText('Saved. Every session’s Targets section offers these presets now.');
  await expect(presets.getByText(/Last changed by Dr Synthetic Consultant \(test\.consultant\)/)).toBeVisible();
  await presets.screenshot({ path: shot('presets-settings') });

  await page.reload();
  await expect(list.getByRole('listitem')).toHaveCount(12);
  await expect(presets.getByText(/Last changed by Dr Synthetic Consultant \(test\.consultant\)/)).toBeVisible();
  const names = await list.getByRole('listitem').allInnerTexts();
  expect(names[9]).toContain('Wrist flexors, ulnar side');
  expect(names.join('\n')).not.toContain('R tibial → soleus');

  const db = new Database(path.join(dbDir, 'cryolog.sqlite'), { readonly: true });
  try {
    const stored = db.prepare("SELECT value, updated_by FROM setting WHERE key = 'targetPresets'").get() as { value: string; updated_by: string };
    expect(stored.updated_by).toBe('Dr Lead, clinical lead');
    const saved = JSON.parse(stored.value) as unknown[];
    expect(saved).toHaveLength(12);
    expect(saved[9]).toEqual({ side: 'right', nerve: 'ulnar', branch: 'fcu', label: 'Wrist flexors, ulnar side' });
    expect(db.prepare("SELECT action FROM audit_log WHERE entity = 'setting' AND entity_id = 'targetPresets'").all()).toEqual([{ action: 'create' }]);
  } finally {
    db.close();
  }
});

test('a preset button adds a target with side, nerve and branch, and the focus goes to the next field to fill', async ({ app: page }) => {
  await page.getByRole('button', { name: 'New patient' }).click();
  await page.getByLabel('Family name').fill('Presettest');
  await page.getByRole('button', { name: 'Start session' }).click();
  const section = targets(page);
  await expect(section.getByRole('group', { name: 'Add a common target' }).getByRole('button')).toHaveCount(12);

  await section.getByRole('button', { name: 'L median → pronator teres' }).click();
  const first = page.getByTestId('target-1');
  await expect(first.getByLabel('Nerve and branch')).toHaveValue('median|pronator-teres');
  await expect(radio(first, 'Side', 'Left')).toHaveAttribute('aria-checked', 'true');
  // Side and target are filled: the clinical pattern is next.
  await expect(page.getByLabel('Clinical pattern, target 1')).toBeFocused();
  await page.getByLabel('Clinical pattern, target 1').selectOption({ label: 'Pronated forearm' });

  // Keyboard only: from "Add target", Tab reaches the preset buttons in order; Enter presses one.
  await section.getByRole('button', { name: 'Add target' }).focus();
  await page.keyboard.press('Tab');
  await expect(section.getByRole('button', { name: 'L musculocutaneous → brachialis' })).toBeFocused();
  for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
  await expect(section.getByRole('button', { name: 'L median → flexor carpi radialis' })).toBeFocused();
  await page.keyboard.press('Enter');
  const second = page.getByTestId('target-2');
  await expect(second.getByLabel('Nerve and branch')).toHaveValue('median|fcr');
  // The pattern comes from the target before (as with "Add target"): the stop moment is next.
  await expect(page.getByLabel('Clinical pattern, target 2')).toHaveValue('pronated-forearm');
  await expect(radio(page, 'Stop moment done, target 2', 'Yes')).toBeFocused();
  await expect(page.getByText(/All changes saved/)).toBeVisible();
  // "Add target" and the preset buttons under it, as the clinician sees them.
  const group = section.getByRole('group', { name: 'Add a common target' });
  await group.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const top = await section.getByRole('button', { name: 'Add target' }).locator('..').boundingBox();
  const bottom = await group.boundingBox();
  await page.screenshot({ path: shot('presets-session'), clip: { x: top!.x, y: top!.y, width: bottom!.width, height: bottom!.y + bottom!.height - top!.y } });
});

const returning = testAt('2026-06-09T09:00:00.000Z');

returning('a returning patient’s targets are repeated from the last session in one press, without its observations', async ({ app: page, host }) => {
  // S1 (domain.md §5, 10 Mar 2026, three targets) through the same dispatch the app uses.
  const imported = dispatch(host.ctx, 'importSession', { document: JSON.parse(fs.readFileSync(fixtureFile('S1'), 'utf8')) });
  if (!imported.ok) throw new Error(imported.error.message);
  const { patientId } = imported.data as { patientId: string };
  await page.goto(`${host.origin}/#/patient/${patientId}`);
  await page.getByRole('button', { name: 'Start session' }).click();

  const section = targets(page);
  const repeat = section.getByRole('button', { name: 'Repeat the 3 targets of 10 Mar 2026' });
  await expect(repeat).toBeVisible();
  await expect(section.getByRole('list', { name: 'Targets of 10 Mar 2026' }).getByRole('listitem')).toHaveText([
    'L musculocutaneous → brachialis',
    'L musculocutaneous → biceps brachii',
    'L radial → brachioradialis',
  ]);
  await section.locator('.repeat-last').screenshot({ path: shot('presets-repeat') });
  await repeat.click();

  await expect(page.getByTestId('target-3')).toBeVisible();
  await expect(repeat).toHaveCount(0);
  await expect(page.getByTestId('target-2').getByLabel('Nerve and branch')).toHaveValue('musculocutaneous|biceps-brachii');
  await expect(page.getByLabel('Clinical pattern, target 1')).toHaveValue('flexed-elbow');
  await expect(page.getByLabel('Pulse width (ms), target 1')).toHaveValue('0.1');
  // What was seen last time is recorded anew: no threshold, no stop moment, no cycle.
  await expect(page.getByLabel('Stimulation threshold (mA), target 1')).toHaveValue('');
  await expect(radio(page, 'Stop moment done, target 1', 'Yes')).toHaveAttribute('aria-checked', 'false');
  await expect(page.getByTestId('cycle-1-1')).toHaveCount(0);
  // Where and how are filled: the first target's stop moment is next.
  await expect(radio(page, 'Stop moment done, target 1', 'Yes')).toBeFocused();
});
