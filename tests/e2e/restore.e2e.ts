// Settings → Backups → "Restore…": the screen shows what the backup holds against the database
// now and says what will be lost; Escape leaves with nothing changed; a second, deliberate
// press (after typing a name) restores with progress, and the result names where the old
// database is kept. Back in the app, the session entered after the backup is gone.
import fs from 'node:fs';
import path from 'node:path';
import { expect, screenshot, test } from './fixtures';
import { call } from './seed';
import { fixtureFile } from '../tools/sessionFixtures';
import { backupInBackground } from '../../electron/main/backup/schedule';

const session = (name: 'S1' | 'S2') => ({ document: JSON.parse(fs.readFileSync(fixtureFile(name), 'utf8')) });

test('restoring a backup from Settings: checked and compared first, Escape cancels, a second press restores and says where the old database is', async ({ app: page, host, dbDir }) => {
  call(host.ctx, 'importSession', session('S1'));
  await backupInBackground(host.ctx, 'manual').done;
  call(host.ctx, 'importSession', session('S2')); // entered after the backup
  expect(call(host.ctx, 'listSessions', { limit: 10 })).toHaveLength(2);

  await page.goto(`${host.origin}/#/settings`);
  const list = page.getByRole('region', { name: 'Backups' }).getByRole('list', { name: 'Backups' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  const restoreButton = list.getByRole('button', { name: /^Restore cryolog-\d{8}-\d{6}[+-]\d{4}-manual\.sqlite…$/ });

  // First look, then Escape: nothing happens.
  await restoreButton.click();
  const dialog = page.getByRole('dialog', { name: 'Restore a backup' });
  await expect(dialog.getByRole('row', { name: /^Sessions/ })).toHaveText(/Sessions\s*1\s*2/);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  expect(call(host.ctx, 'listSessions', { limit: 10 })).toHaveLength(2);

  await restoreButton.click();
  await expect(dialog.getByRole('row', { name: /^Patients/ })).toHaveText(/Patients\s*1\s*2/);
  await expect(dialog).toContainText('will not be in the restored database');
  await expect(dialog).toContainText('cryolog.sqlite.before-restore-…');
  const replace = dialog.getByRole('button', { name: 'Replace the database with this backup' });
  await replace.click(); // the first press only arms it: nothing done yet
  const confirm = dialog.getByRole('button', { name: 'Press again to replace the database' });
  await expect(confirm).toBeVisible();
  expect(call(host.ctx, 'listSessions', { limit: 10 })).toHaveLength(2);
  await screenshot(page, '72-restore');
  await dialog.screenshot({ path: 'test-results/screens/72-restore-dialog.png' });

  await confirm.click();
  await expect(dialog.getByRole('status')).toContainText(/Restored the backup of .*: 1 patients, 1 sessions, \d+ audit entries\./);
  const keptAside = fs.readdirSync(dbDir).find((n) => /^cryolog\.sqlite\.before-restore-/.test(n));
  expect(keptAside).toBeDefined();
  await expect(dialog.getByRole('status')).toContainText(`kept at ${path.join(dbDir, keptAside!)}`);
  await screenshot(page, '72-restore-done');
  await dialog.screenshot({ path: 'test-results/screens/72-restore-done-dialog.png' });

  await dialog.getByRole('button', { name: 'Go to the session list' }).click();
  await expect(page).toHaveURL(/#\/$/);
  expect(call(host.ctx, 'listSessions', { limit: 10 })).toHaveLength(1);
  const last = host.ctx.db!.prepare('SELECT entity, reason FROM audit_log ORDER BY id DESC LIMIT 1').get();
  expect(last).toEqual({ entity: 'database', reason: 'Restored from backup by Dr Synthetic Consultant (test.consultant)' });
});
