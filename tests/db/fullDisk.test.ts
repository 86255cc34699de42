// A full disk at the moment of a save, on a real small filesystem (a 1 MiB tmpfs): the save is
// refused at once with what to do, everything saved before is intact, and once space is freed
// the same save goes through. Mounting needs root: CI runs it; elsewhere it is skipped and says why.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeContext } from '../../electron/main/context';
import { dispatch } from '../../electron/main/ipc/dispatch';
import { fixedClock, quietLog } from '../helpers/tempDir';
import { signedInContext } from '../helpers/testClinician';

const asRoot = process.getuid?.() === 0;
if (!asRoot) console.warn('Skipping the full-disk save test: mounting a tmpfs needs root (CI runs it).');

describe.skipIf(!asRoot)('a full disk while saving (real 1 MiB filesystem)', () => {
  const at = fs.mkdtempSync(path.join(os.tmpdir(), 'cryolog-full-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', at]);
  afterAll(() => execFileSync('umount', [at]));

  it('refuses the save with what to do, keeps what was saved, and saves once space is free', () => {
    const ctx = signedInContext({ dbPath: path.join(at, 'cryolog.sqlite'), appVersion: 'test', clock: fixedClock(), log: quietLog });
    try {
      const created = dispatch(ctx, 'createPatient', {});
      if (!created.ok) throw new Error(created.error.message);
      const id = (created.data as { id: string }).id;
      expect(dispatch(ctx, 'saveFields', { entity: 'patient', id, patch: { familyName: 'Before-Full' } }).ok).toBe(true);

      // Fill the filesystem to the last byte.
      const filler = path.join(at, 'filler');
      const fd = fs.openSync(filler, 'w');
      try {
        for (;;) fs.writeSync(fd, Buffer.alloc(4096, 1));
      } catch (error) {
        expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
      } finally {
        fs.closeSync(fd);
      }
      // The WAL has no room to grow: the commit fails, and the transaction rolls back.
      const refused = dispatch(ctx, 'saveFields', { entity: 'patient', id, patch: { familyName: 'After-Full' } });
      expect(refused).toMatchObject({ ok: false, error: { code: 'DB_WRITE_FAILED' } });
      expect(!refused.ok && refused.error.message).toMatch(/disk is full.*still on screen.*Free some disk space/);
      const kept = dispatch(ctx, 'getPatient', { id });
      expect(kept.ok && (kept.data as { patient: { familyName: string } }).patient.familyName).toBe('Before-Full');

      fs.rmSync(filler);
      expect(dispatch(ctx, 'saveFields', { entity: 'patient', id, patch: { familyName: 'After-Full' } }).ok).toBe(true);
    } finally {
      closeContext(ctx);
    }
    const reopened = signedInContext({ dbPath: path.join(at, 'cryolog.sqlite'), appVersion: 'test', log: quietLog });
    try {
      expect(reopened.startup.state).toBe('ready');
      const n = reopened.db!.prepare("SELECT count(*) FROM patient WHERE family_name = 'After-Full'").pluck().get();
      expect(n).toBe(1);
    } finally {
      closeContext(reopened);
    }
  });
});

describe.skipIf(!asRoot)('a read-only disk at start (real read-only tmpfs)', () => {
  it('opens to a screen that says the disk is read-only, and the file is untouched', () => {
    const at = fs.mkdtempSync(path.join(os.tmpdir(), 'cryolog-ro-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', at]);
    try {
      const file = path.join(at, 'cryolog.sqlite');
      const first = signedInContext({ dbPath: file, appVersion: 'test', clock: fixedClock(), log: quietLog });
      dispatch(first, 'createPatient', {});
      closeContext(first);
      const before = fs.readFileSync(file);
      execFileSync('mount', ['-o', 'remount,ro', at]);
      const ctx = signedInContext({ dbPath: file, appVersion: 'test', log: quietLog });
      expect(ctx.startup).toMatchObject({ state: 'failed', problem: 'DB_READ_ONLY', title: 'The record database is read-only' });
      expect(ctx.startup.state === 'failed' && ctx.startup.message).toMatch(/is on a read-only disk \(EROFS\).*Nothing was changed/);
      expect(fs.readFileSync(file).equals(before)).toBe(true);
    } finally {
      execFileSync('umount', [at]);
    }
  });
});
