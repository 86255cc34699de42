// The audit trail's tamper check from Settings: intact after real work, then an entry edited
// outside CryoLog (with SQLite, the guard triggers dropped) is named as the first broken link.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { expect, test } from './fixtures';
import { call } from './seed';
import { fixtureFile } from '../tools/sessionFixtures';

test('Settings → Audit trail says intact, then names the entry edited outside CryoLog', async ({ app: page, host }) => {
  call(host.ctx, 'importSession', { document: JSON.parse(fs.readFileSync(fixtureFile('S1'), 'utf8')) });
  await page.goto(`${host.origin}/#/settings`);
  const panel = page.getByRole('region', { name: 'Audit trail' });
  await panel.getByRole('button', { name: 'Check the audit trail' }).click();
  await expect(panel.getByRole('status')).toContainText(/Intact: \d+ entries/);

  const raw = new Database(host.ctx.dbPath);
  const victim = raw.prepare('SELECT id FROM audit_log ORDER BY id LIMIT 1 OFFSET 5').pluck().get() as number;
  const triggers = raw.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'").all() as { name: string; sql: string }[];
  for (const t of triggers) raw.exec(`DROP TRIGGER ${t.name}`);
  raw.prepare("UPDATE audit_log SET new_value = '\"edited outside CryoLog\"' WHERE id = ?").run(victim);
  for (const t of triggers) raw.exec(t.sql);
  raw.close();

  await panel.getByRole('button', { name: 'Check the audit trail' }).click();
  await expect(panel.getByRole('status')).toContainText(`Broken at entry #${victim}`);
  await expect(panel.getByRole('status')).toContainText('call IT');
  await panel.screenshot({ path: 'test-results/screens/70-audit-trail-broken.png' });
});
