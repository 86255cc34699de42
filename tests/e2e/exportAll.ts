import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import type { Clinician } from './clinician';
import { call } from './seed';
import type { Host } from '../host/server';
import type { ExportFiles } from '../export/verifyExports';

// The end of a walkthrough: the signed record sent to the drop folder in every format, and the
// aftercare sheet printed for the patient, through the export panel as a clinician would.
// The drop folder is the administrator's setting, made once, not part of the clinician's work.

const FORMATS = [
  ['text', 'Text', 'txt'],
  ['pdf', 'PDF', 'pdf'],
  ['fhir', 'FHIR R4', 'fhir.json'],
  ['hl7v2', 'HL7 v2', 'hl7'],
  ['csv', 'CSV', 'csv'],
  ['json', 'JSON', 'json'],
] as const;

export async function exportEveryFormat(page: Page, c: Clinician, host: Host, dropFolder: string, version: number): Promise<ExportFiles> {
  fs.mkdirSync(dropFolder, { recursive: true });
  call(host.ctx, 'saveExportSettings', { value: { dropFolder, fileNamePattern: '{date}_{nhs}_{id8}_{version}', csvByteOrderMark: true } });
  await page.reload();
  const panel = page.getByRole('region', { name: 'Export', exact: true });
  await expect(panel).toContainText(`Exports version ${version}`);
  const files: Partial<Record<keyof ExportFiles, string>> = {};
  for (const [format, label, extension] of FORMATS) {
    await c.click(panel.getByRole('radio', { name: new RegExp(`^${label}\\b`) }));
    await c.click(panel.getByRole('button', { name: 'Send to drop folder' }));
    const status = panel.getByRole('status').first();
    await expect(status).toContainText(`${label} of version ${version} saved to ${dropFolder}`);
    const written = (await status.textContent())!.split(' saved to ')[1]!.trim();
    expect(written.endsWith(`_v${version}.${extension}`)).toBe(true);
    files[format] = written;
  }
  // The aftercare sheet, printed (the room's printer is the browser's print here).
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void ((window as unknown as { printed: number }).printed += 1);
  });
  await c.click(panel.getByRole('button', { name: 'Print aftercare sheet' }));
  await expect(page.locator('body > .aftercare-print')).toContainText('Your cryoneurolysis treatment today');
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  expect(fs.readdirSync(dropFolder).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  return files as ExportFiles;
}

export const dropIn = (dbDir: string) => path.join(dbDir, 'drop');
