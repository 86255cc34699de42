// Exports as the clinician and the service's administrator use them: set the service's details
// and the drop folder in Settings, then from a signed session send every format to the drop
// folder and "Save as…", print the aftercare sheet, and export a date range with its progress
// bar. Files are checked on disk: whole (no temporary file left), recorded in the audit trail
// with their checksum, and listed on the session.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import { testAt, windowShot } from './clinician';
import { call } from './seed';
import { fixtureFile } from '../tools/sessionFixtures';
import { flatText } from '../export/poppler';
import { TEST_PIN } from '../helpers/testClinician';

// The day of S1 and S2, so that signing them is not a late entry.
const test = testAt('2026-03-10T18:00:00.000Z');


function importSigned(host: { ctx: Parameters<typeof call>[0] }, name: 'S1' | 'S2'): string {
  const { sessionId } = call(host.ctx, 'importSession', { document: JSON.parse(fs.readFileSync(fixtureFile(name), 'utf8')) });
  call(host.ctx, 'signSession', { sessionId, secret: TEST_PIN });
  return sessionId;
}

async function setUpExports(page: Page, dropFolder: string): Promise<void> {
  await page.goto(`${new URL(page.url()).origin}/#/settings`);
  const service = page.getByRole('region', { name: 'Service details' });
  await service.getByLabel('Service name').fill('Spasticity Service (test)');
  await service.getByLabel('Telephone for patients').fill('01632 960 123');
  await service.getByRole('button', { name: 'Save service details' }).click();
  await expect(service.getByRole('alert')).toHaveText('Saved.');
  const exportsPanel = page.getByRole('region', { name: 'Exports' });
  await exportsPanel.getByLabel('Drop folder (full path)').fill(dropFolder);
  await exportsPanel.getByLabel('File-name pattern').fill('{date}_{nhs}');
  await exportsPanel.getByRole('button', { name: 'Save export settings' }).click();
  // A pattern that would give two sessions the same name is refused with what to add.
  await expect(exportsPanel.getByRole('alert')).toContainText('Include {id8} or {session}');
  await exportsPanel.getByLabel('File-name pattern').fill('{date}_{nhs}_{id8}_{version}');
  await expect(exportsPanel.getByText('Example: 2026-03-10_9990079196_51000000_v2.pdf')).toBeVisible();
  await exportsPanel.getByRole('button', { name: 'Save export settings' }).click();
  await expect(exportsPanel.getByRole('alert')).toHaveText('Saved.');
  await windowShot(page, '60-export-settings', exportsPanel);
}

test('a signed session goes to the drop folder in every format, is listed with its checksum, and prints its aftercare sheet', async ({ app, host, dbDir }) => {
  const drop = path.join(dbDir, 'drop');
  fs.mkdirSync(drop);
  const sessionId = importSigned(host, 'S1');
  await setUpExports(app, drop);
  await app.goto(`${host.origin}/#/session/${sessionId}`);
  const panel = app.getByRole('region', { name: 'Export', exact: true });
  await expect(panel).toContainText('Exports version 1');

  const sent: string[] = [];
  for (const label of ['PDF', 'FHIR R4', 'HL7 v2', 'CSV', 'JSON', 'Text']) {
    await panel.getByRole('radio', { name: new RegExp(`^${label}\\b`) }).check();
    await panel.getByRole('button', { name: 'Send to drop folder' }).click();
    await expect(panel.getByRole('status').first()).toContainText(`${label} of version 1 saved to ${drop}`);
    sent.push(label);
  }
  const files = fs.readdirSync(drop).sort();
  expect(files).toEqual(
    ['csv', 'fhir.json', 'hl7', 'json', 'pdf', 'txt'].map((ext) => `2026-03-10_9990079196_${sessionId.slice(0, 8)}_v1.${ext}`).sort(),
  );
  // The PDF is whole and readable: pdftotext finds the NHS number, the nerves and the probe lot.
  const pdf = path.join(drop, files.find((f) => f.endsWith('.pdf'))!);
  const text = flatText(fs.readFileSync(pdf));
  for (const expected of ['999 007 9196', 'Left musculocutaneous nerve', 'Left radial nerve', 'PRB-24-1187', '−71 °C']) expect(text).toContain(expected);

  // Every file is in the session's list, newest first, with the checksum of what is on disk.
  const exportsList = panel.getByRole('list', { name: 'Exports of this session' });
  await expect(exportsList.getByRole('listitem')).toHaveCount(6);
  const audit = host.ctx.db!.prepare("SELECT new_value FROM audit_log WHERE entity = 'export' AND session_id = ? ORDER BY id").all(sessionId) as { new_value: string }[];
  expect(audit).toHaveLength(6);
  for (const row of audit) {
    const entry = JSON.parse(row.new_value) as { path: string; sha256: string; destination: string; version: number };
    expect(entry.destination).toBe('drop-folder');
    expect(entry.version).toBe(1);
    expect(createHash('sha256').update(fs.readFileSync(entry.path)).digest('hex')).toBe(entry.sha256);
  }
  // A second send never replaces the file the integration engine may already have collected.
  await panel.getByRole('radio', { name: /^PDF\b/ }).check();
  await panel.getByRole('button', { name: 'Send to drop folder' }).click();
  await expect(panel.getByRole('status').first()).toContainText(`_v1_2.pdf`);
  expect(fs.readdirSync(drop).filter((f) => f.includes('.tmp'))).toEqual([]);

  // "Save as…": the system's dialog (the test host's stand-in saves into <dbDir>/saved).
  await panel.getByRole('radio', { name: /^HL7 v2\b/ }).check();
  await panel.getByRole('button', { name: 'Save as…' }).click();
  await expect(panel.getByRole('status').first()).toContainText(path.join(dbDir, 'saved'));
  expect(fs.readFileSync(path.join(dbDir, 'saved', `2026-03-10_9990079196_${sessionId.slice(0, 8)}_v1.hl7`), 'utf8')).toMatch(/^MSH\|\^~\\&\|CRYOLOG\|/);
  await windowShot(app, '61-export-panel-sent', panel);

  // The aftercare sheet: printed with only the sheet on the page.
  await app.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void ((window as unknown as { printed: number }).printed += 1);
  });
  await panel.getByLabel('Large print').check();
  await panel.getByRole('button', { name: 'Print aftercare sheet' }).click();
  const sheet = app.locator('body > .aftercare-print');
  await expect(sheet).toContainText('Your cryoneurolysis treatment today');
  await expect(sheet).toContainText('Left arm');
  await expect(sheet).toContainText('01632 960 123');
  await expect(sheet).not.toContainText('musculocutaneous');
  expect(await app.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await app.emulateMedia({ media: 'print' });
  await app.screenshot({ path: path.join('test-results', 'screens', '62-aftercare-print-large.png'), fullPage: true });
  await app.emulateMedia({ media: 'screen' });
  await app.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await expect(sheet).toHaveCount(0);
});

test('a draft exports only as text, and a missing drop folder is reported without leaving a file', async ({ app, host, dbDir }) => {
  const { sessionId } = call(host.ctx, 'importSession', { document: JSON.parse(fs.readFileSync(fixtureFile('S5'), 'utf8')) });
  await app.goto(`${host.origin}/#/session/${sessionId}`);
  const panel = app.getByRole('region', { name: 'Export', exact: true });
  await expect(panel).toContainText('Not signed yet: the DRAFT text below is all that can leave CryoLog.');
  await expect(panel.getByRole('button', { name: 'Save as…' })).toHaveCount(0);
  await expect(app.getByTestId('summary-text')).toContainText('DRAFT - NOT SIGNED - NOT FOR THE CLINICAL RECORD');
  // Through the channel too: the main process refuses, and says what to fix.
  const refused = await app.evaluate(async (id) => window.api!.saveExport({ sessionId: id, format: 'pdf', destination: 'save-dialog' }), sessionId);
  expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_READY_TO_EXPORT' } });
  expect(JSON.stringify(refused)).toMatch(/Fix first: .*E01: This NHS number fails its check digit/);
  await windowShot(app, '63-export-panel-draft', panel);

  const signedId = importSigned(host, 'S2');
  const gone = path.join(dbDir, 'share-not-mounted');
  call(host.ctx, 'saveExportSettings', { value: { dropFolder: gone, fileNamePattern: '{date}_{id8}_{version}', csvByteOrderMark: true } });
  await app.goto(`${host.origin}/#/session/${signedId}`);
  await panel.getByRole('button', { name: 'Send to drop folder' }).click();
  await expect(panel.getByRole('alert')).toContainText(`the folder ${gone} does not exist`);
  expect(fs.existsSync(gone)).toBe(false);
  await windowShot(app, '64-export-drop-folder-missing', panel);
});

test('a date range exports with a progress bar into one CSV file', async ({ app, host, dbDir }) => {
  const drop = path.join(dbDir, 'drop');
  fs.mkdirSync(drop);
  importSigned(host, 'S1');
  importSigned(host, 'S2');
  call(host.ctx, 'saveExportSettings', { value: { dropFolder: drop, fileNamePattern: '{date}_{id8}_{version}', csvByteOrderMark: false } });
  await app.goto(`${host.origin}/#/exports`);
  await app.getByLabel('From').fill('2026-03-01');
  await app.getByLabel('To').fill('2026-03-31');
  await app.getByRole('radio', { name: /^CSV\b/ }).check();
  await app.getByRole('button', { name: 'Send to drop folder' }).click();
  await expect(app.getByRole('status')).toContainText('2 session(s)');
  await expect(app.getByRole('progressbar', { name: 'Sessions exported' })).toHaveAttribute('value', '2');
  const file = path.join(drop, 'cryolog_2026-03-01_to_2026-03-31.csv');
  const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\r\n');
  const s1Cycles = 9;
  expect(lines.length - 1).toBeGreaterThan(s1Cycles);
  await windowShot(app, '65-bulk-export-done');
});
