// Who may read an exported file on macOS and Linux (docs/security.md, "Export files"): a file
// saved with "Save as…" (or the command line's --out) is the clinician's own, 0600; a file in
// the drop folder is collected by the integration engine under another account, so the
// folder's rules decide (the umask, or a default ACL IT set), never a forced 0600.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/main/ipc/dispatch';
import type { Ctx } from '../../electron/main/context';
import type { Channel } from '../../shared/ipc/channels';
import type { Req, Res } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';
import { writeFileAtomically } from '../../electron/main/export/atomicWrite';
import { fixedClock, tempDir, testContext } from '../helpers/tempDir';
import { fixtureFile } from '../tools/sessionFixtures';
import { TEST_PIN } from '../helpers/testClinician';

function call<C extends Channel>(ctx: Ctx, channel: C, request: Req<C>): Res<C> {
  const r = dispatch(ctx, channel, request) as Result<Res<C>>;
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.data;
}

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

/** Signed S1, a drop folder, and a save dialog that answers a path in another folder. */
function setUp() {
  const dropFolder = tempDir();
  const saveFolder = tempDir();
  let saveAs = '';
  const ctx: Ctx = { ...testContext({ clock: fixedClock('2026-03-10T10:30:00.000Z') }), chooseSavePath: (name) => (saveAs = path.join(saveFolder, name)) };
  const { sessionId } = call(ctx, 'importSession', { document: JSON.parse(fs.readFileSync(fixtureFile('S1'), 'utf8')) });
  call(ctx, 'signSession', { sessionId, secret: TEST_PIN });
  call(ctx, 'saveExportSettings', { value: { dropFolder, fileNamePattern: '{date}_{nhs}_{id8}_{version}', csvByteOrderMark: true } });
  return { ctx, sessionId, dropFolder, saved: () => saveAs };
}

/** The CSV runs in a worker thread: the loop lets its messages in between polls, as the window does. */
async function bulkToEnd(ctx: Ctx, destination: 'drop-folder' | 'save-dialog'): Promise<string> {
  let progress = call(ctx, 'startBulkExport', { range: { from: '2026-03-10', to: '2026-03-10' }, format: 'csv', destination })!;
  while (!progress.finished) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    progress = call(ctx, 'stepBulkExport', { jobId: progress.jobId });
  }
  return progress.result!.path;
}

let umaskBefore = 0;
beforeAll(() => {
  umaskBefore = process.umask(0o022);
});
afterAll(() => {
  process.umask(umaskBefore);
});

if (process.platform === 'win32') console.warn('Skipping the export file-mode tests: on Windows the folder ACL decides.');
describe.skipIf(process.platform === 'win32')('export file modes', () => {
  it('"Save as…" writes a file only its owner can read, a single session or a bulk file', async () => {
    const { ctx, sessionId, saved } = setUp();
    call(ctx, 'saveExport', { sessionId, format: 'pdf', destination: 'save-dialog' });
    expect(modeOf(saved())).toBe(0o600);
    expect(modeOf(await bulkToEnd(ctx, 'save-dialog'))).toBe(0o600);
  });

  it('the drop folder gets what the folder allows, so the integration engine can collect it', async () => {
    const { ctx, sessionId } = setUp();
    const single = call(ctx, 'saveExport', { sessionId, format: 'fhir', destination: 'drop-folder' });
    expect(single.saved).toBe(true);
    expect(modeOf(single.saved ? single.record.path : '')).toBe(0o644);
    expect(modeOf(await bulkToEnd(ctx, 'drop-folder'))).toBe(0o644);
  });

  it('the account\'s umask decides: stricter (027) is respected, a shared group (002) may read and write', () => {
    const { ctx, sessionId } = setUp();
    const modes: number[] = [];
    for (const umask of [0o027, 0o002]) {
      process.umask(umask);
      try {
        const single = call(ctx, 'saveExport', { sessionId, format: 'hl7v2', destination: 'drop-folder' });
        modes.push(modeOf(single.saved ? single.record.path : ''));
      } finally {
        process.umask(0o022);
      }
    }
    expect(modes).toEqual([0o640, 0o664]);
  });

  it('the command line\'s --out writes owner-only (it calls the writer without a mode)', () => {
    const folder = tempDir();
    const written = writeFileAtomically(folder, 'session.json', new TextEncoder().encode('{}'), { replace: true });
    expect(modeOf(written.path)).toBe(0o600);
  });
});
