// Exports through the same dispatch the window and the command line use, on a real database:
// which version leaves CryoLog, where the file goes, what happens when the folder is missing,
// read-only or full, and what the audit trail keeps.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/main/ipc/dispatch';
import type { Ctx } from '../../electron/main/context';
import type { Channel } from '../../shared/ipc/channels';
import type { Req, Res } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';
import { fixedClock, tempDir, testContext } from '../helpers/tempDir';
import { fixtureFile } from '../tools/sessionFixtures';
import { flatText } from './poppler';
import { TEST_PIN } from '../helpers/testClinician';

function call<C extends Channel>(ctx: Ctx, channel: C, request: Req<C>): Res<C> {
  const r = dispatch(ctx, channel, request) as Result<Res<C>>;
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.data;
}


function signedS1(options: { chooseSavePath?: (name: string) => string | null } = {}) {
  const dir = tempDir();
  const ctx: Ctx = { ...testContext({ dbPath: path.join(dir, 'cryolog.sqlite'), clock: fixedClock('2026-03-10T10:30:00.000Z') }), ...options };
  const { sessionId } = call(ctx, 'importSession', { document: JSON.parse(fs.readFileSync(fixtureFile('S1'), 'utf8')) });
  call(ctx, 'signSession', { sessionId, secret: TEST_PIN });
  return { ctx, dir, sessionId };
}

function setDropFolder(ctx: Ctx, dropFolder: string): void {
  call(ctx, 'saveExportSettings', { value: { dropFolder, fileNamePattern: '{date}_{nhs}_{id8}_{version}', csvByteOrderMark: true } });
}

const exportEntries = (ctx: Ctx, sessionId: string) =>
  (ctx.db!.prepare("SELECT actor, new_value FROM audit_log WHERE entity = 'export' AND session_id = ? ORDER BY id").all(sessionId) as { actor: string; new_value: string }[]).map((r) => ({
    actor: r.actor,
    ...(JSON.parse(r.new_value) as { format: string; path: string; sha256: string; bytes: number; version: number; destination: string; status: string }),
  }));

describe('which version an export holds', () => {
  it('a draft exports only as DRAFT text; every other format is refused with what to fix', () => {
    const dir = tempDir();
    const ctx = testContext({ dbPath: path.join(dir, 'cryolog.sqlite'), clock: fixedClock('2026-03-10T12:00:00.000Z') });
    const { sessionId } = call(ctx, 'importSession', { document: JSON.parse(fs.readFileSync(fixtureFile('S5'), 'utf8')) });
    expect(call(ctx, 'exportSession', { sessionId, format: 'text' }).content.split('\n')[0]).toBe('DRAFT - NOT SIGNED - NOT FOR THE CLINICAL RECORD');
    for (const format of ['pdf', 'fhir', 'hl7v2', 'csv', 'json'] as const) {
      const r = dispatch(ctx, 'exportSession', { sessionId, format });
      expect(r).toMatchObject({ ok: false, error: { code: 'NOT_READY_TO_EXPORT' } });
      expect(!r.ok && r.error.message).toMatch(/only be exported as DRAFT text.*Fix first: .*E01: This NHS number fails its check digit/);
    }
  });

  it('while an amendment is open the signed version stands for every format but the draft text', () => {
    const { ctx, sessionId } = signedS1();
    call(ctx, 'beginAmendment', { sessionId, reason: 'Location corrected' });
    call(ctx, 'saveFields', { entity: 'session', id: sessionId, patch: { location: 'Day unit, room 2' } });
    const text = call(ctx, 'exportSession', { sessionId, format: 'text' });
    expect(text.content.split('\n')[0]).toBe('DRAFT AMENDMENT - NOT SIGNED - THE SIGNED VERSION STANDS');
    expect(text.content).toContain('Day unit, room 2');
    const json = call(ctx, 'exportSession', { sessionId, format: 'json' });
    expect(json).toMatchObject({ status: 'final', version: 1 });
    expect(json.content).not.toContain('Day unit, room 2');
    call(ctx, 'signSession', { sessionId, secret: TEST_PIN });
    const v2 = call(ctx, 'exportSession', { sessionId, format: 'hl7v2' });
    expect(v2).toMatchObject({ status: 'amended', version: 2 });
    expect(v2.content).toContain('Day unit, room 2');
    expect(call(ctx, 'exportSession', { sessionId, format: 'hl7v2', version: 1 }).content).not.toContain('Day unit, room 2');
  });

  it('a signed version gives the same PDF whenever it is exported', () => {
    const { ctx, sessionId } = signedS1();
    const first = call(ctx, 'exportSession', { sessionId, format: 'pdf' });
    const later: Ctx = { ...ctx, clock: fixedClock('2027-01-05T08:00:00.000Z') };
    const second = call(later, 'exportSession', { sessionId, format: 'pdf' });
    expect(first.encoding).toBe('base64');
    expect(second.content).toBe(first.content);
    const text = flatText(Buffer.from(first.content, 'base64'));
    expect(text).toContain('999 007 9196');
    expect(text).toMatch(/Record version 1, signed 10 Mar .*2026 10:30/);
  });
});

describe('where exports go', () => {
  it('the drop folder gets the whole file under the service pattern, and the audit trail its checksum and who', () => {
    const { ctx, dir, sessionId } = signedS1();
    const drop = path.join(dir, 'drop');
    fs.mkdirSync(drop);
    setDropFolder(ctx, drop);
    const saved = call(ctx, 'saveExport', { sessionId, format: 'fhir', destination: 'drop-folder' });
    if (!saved.saved) throw new Error('not saved');
    expect(path.basename(saved.record.path)).toBe(`2026-03-10_9990079196_${sessionId.slice(0, 8)}_v1.fhir.json`);
    const bytes = fs.readFileSync(saved.record.path);
    expect(JSON.parse(bytes.toString('utf8'))).toMatchObject({ resourceType: 'Bundle', type: 'transaction' });
    expect(saved.record.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    const [entry] = exportEntries(ctx, sessionId);
    expect(entry).toMatchObject({ format: 'fhir', version: 1, status: 'final', destination: 'drop-folder', path: saved.record.path, sha256: saved.record.sha256, bytes: bytes.length });
    expect(entry!.actor).toBeTruthy();
    expect(call(ctx, 'listSessionExports', { sessionId })).toEqual([expect.objectContaining({ path: saved.record.path, by: entry!.actor })]);
    // The same export again never replaces the first file.
    const again = call(ctx, 'saveExport', { sessionId, format: 'fhir', destination: 'drop-folder' });
    expect(again.saved && path.basename(again.record.path)).toBe(`2026-03-10_9990079196_${sessionId.slice(0, 8)}_v1_2.fhir.json`);
    expect(fs.readdirSync(drop).sort()).toHaveLength(2);
  });

  it('"Save as…" writes where the dialog says, and a closed dialog writes nothing', () => {
    let answer: string | null = null;
    const { ctx, dir, sessionId } = signedS1({ chooseSavePath: () => answer });
    expect(call(ctx, 'saveExport', { sessionId, format: 'aftercare-pdf-large', destination: 'save-dialog' })).toEqual({ saved: false });
    expect(exportEntries(ctx, sessionId)).toHaveLength(0);
    answer = path.join(dir, 'aftercare for the patient.pdf');
    fs.writeFileSync(answer, 'an older file the clinician chose to replace');
    const r = call(ctx, 'saveExport', { sessionId, format: 'aftercare-pdf-large', destination: 'save-dialog' });
    expect(r.saved && r.record.path).toBe(answer);
    expect(flatText(fs.readFileSync(answer))).toContain('Your cryoneurolysis treatment today');
  });

  it('a drop folder that is not set, missing or read-only is reported with what to do, and no file is left', () => {
    const { ctx, dir, sessionId } = signedS1();
    const noFolder = dispatch(ctx, 'saveExport', { sessionId, format: 'pdf', destination: 'drop-folder' });
    expect(!noFolder.ok && noFolder.error.message).toMatch(/No drop folder is set.*Settings → Exports/);
    const missing = path.join(dir, 'share-not-mounted');
    setDropFolder(ctx, missing);
    const r = dispatch(ctx, 'saveExport', { sessionId, format: 'pdf', destination: 'drop-folder' });
    expect(r).toMatchObject({ ok: false, error: { code: 'EXPORT_WRITE_FAILED' } });
    expect(!r.ok && r.error.message).toContain(`the folder ${missing} does not exist`);
    expect(fs.existsSync(missing)).toBe(false);
    expect(exportEntries(ctx, sessionId)).toHaveLength(0);
  });

  it('the drop folder path is checked when it is set', () => {
    const { ctx } = signedS1();
    const r = dispatch(ctx, 'saveExportSettings', { value: { dropFolder: 'exports', fileNamePattern: '{date}_{id8}_{version}', csvByteOrderMark: true } });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    expect(JSON.stringify(r)).toContain('Give the full path of the folder');
    const pattern = dispatch(ctx, 'saveExportSettings', { value: { dropFolder: '', fileNamePattern: '{date}_{nhs}', csvByteOrderMark: true } });
    expect(JSON.stringify(pattern)).toContain('Include {id8} or {session}');
  });
});

// A real small or read-only filesystem (tmpfs), as a full or write-protected network share
// behaves. Mounting needs root: CI runs as root; elsewhere these two are skipped and say why.
const asRoot = process.getuid?.() === 0;
if (!asRoot) console.warn('Skipping the full-disk and read-only drop-folder tests: mounting a tmpfs needs root (CI runs them).');
describe.skipIf(!asRoot)('a full or read-only drop folder (real filesystems)', () => {
  const mounts: string[] = [];
  const mount = (options: string): string => {
    const at = fs.mkdtempSync(path.join(os.tmpdir(), 'cryolog-mount-'));
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', at]);
    } catch (error) {
      throw new Error(`These tests mount a small tmpfs to fill a disk for real; run them as root (as CI does). ${(error as Error).message}`, { cause: error });
    }
    mounts.push(at);
    return at;
  };
  afterAll(() => {
    for (const at of mounts) execFileSync('umount', [at]);
  });

  // write() fills the disk with a short write and no error; only the next write fails. A writer
  // that ignores the count "saves" a truncated PDF: this test caught exactly that.
  it('a full disk: clear message, no partial file, nothing recorded', () => {
    const { ctx, sessionId } = signedS1();
    const small = mount('size=16k');
    fs.writeFileSync(path.join(small, 'almost-full'), Buffer.alloc(8 * 1024));
    setDropFolder(ctx, small);
    const r = dispatch(ctx, 'saveExport', { sessionId, format: 'pdf', destination: 'drop-folder' });
    expect(r).toMatchObject({ ok: false, error: { code: 'EXPORT_WRITE_FAILED' } });
    expect(!r.ok && r.error.message).toMatch(/the disk holding .* is full.*No file was left behind/);
    expect(fs.readdirSync(small)).toEqual(['almost-full']);
    expect(exportEntries(ctx, sessionId)).toHaveLength(0);
  });

  it('a read-only share: clear message, no file', () => {
    const { ctx, sessionId } = signedS1();
    const readOnly = mount('size=1m,ro');
    setDropFolder(ctx, readOnly);
    const r = dispatch(ctx, 'saveExport', { sessionId, format: 'text', destination: 'drop-folder' });
    expect(!r.ok && r.error.message).toMatch(/may not write to .*read-only/);
    expect(fs.readdirSync(readOnly)).toEqual([]);
  });
});
