// Settings → Backups: "Back up now" makes a checked copy and lists it; checking a backup that
// was damaged on the share says it is not usable.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { call } from './seed';
import { fixtureFile } from '../tools/sessionFixtures';

test('a backup made from Settings is listed and checks out; a damaged one is named as not usable', async ({ app: page, host, dbDir }) => {
  call(host.ctx, 'importSession', { document: JSON.parse(fs.readFileSync(fixtureFile('S1'), 'utf8')) });
  await page.goto(`${host.origin}/#/settings`);
  const panel = page.getByRole('region', { name: 'Backups' });
  await panel.getByRole('button', { name: 'Back up now' }).click();
  await expect(panel.getByRole('status')).toContainText(/Last backup .*, checked: .*cryolog-\d{8}-\d{6}[+-]\d{4}-manual\.sqlite/);
  const list = panel.getByRole('list', { name: 'Backups' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await list.getByRole('button', { name: 'Check' }).click();
  await expect(list).toContainText('Readable and whole: 1 patients, 1 sessions.');

  const folder = path.join(dbDir, 'backups');
  const [name] = fs.readdirSync(folder).filter((f) => f.endsWith('.sqlite'));
  const file = path.join(folder, name!);
  const bytes = fs.readFileSync(file);
  bytes.fill(0x55, 4096, 8192); // a damaged page, as a failing share might leave it
  fs.writeFileSync(file, bytes);
  await list.getByRole('button', { name: 'Check' }).click();
  await expect(list).toContainText('Not usable:');
  await panel.screenshot({ path: 'test-results/screens/71-backups.png' });
});
