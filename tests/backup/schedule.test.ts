import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/main/ipc/dispatch';
import { startBackupSchedule } from '../../electron/main/backup/schedule';
import { BACKUP_FILE_NAME } from '../../shared/ipc/backupContract';
import type { Ctx } from '../../electron/main/context';
import { fixedClock, testContext } from '../helpers/tempDir';

// The schedule the Electron shell starts: a backup at start, then one every interval while the
// app is open if the service keeps "every hour" on. The interval is shortened here (a parameter);
// the backups are the real ones, in the real folder.
function backupsBy(ctx: Ctx): string[] {
  const status = dispatch(ctx, 'getBackupStatus', {});
  if (!status.ok) throw new Error(status.error.message);
  const { folder } = status.data as { folder: string };
  return fs.existsSync(folder) ? fs.readdirSync(folder).filter((n) => BACKUP_FILE_NAME.test(n)).map((n) => n.replace(/^.*-(\w+)\.sqlite$/, '$1')) : [];
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`never happened: ${what}`);
}

describe('backup schedule', () => {
  it('backs up at start, then on the interval while "every hour" is on', async () => {
    const clock = fixedClock('2026-11-24T09:00:00.000Z');
    const ctx = testContext({ clock });
    const stop = startBackupSchedule(ctx, { intervalMs: 300 });
    try {
      await until(() => backupsBy(ctx).includes('start'), 'a backup at start');
      clock.advance(3_600_000); // an hour later (rotation keeps the newest of each day, so 'start' may then go)
      await until(() => backupsBy(ctx).includes('hourly'), 'a backup on the interval');
    } finally {
      stop();
    }
  });

  it('takes no interval backups when the service turned "every hour" off', async () => {
    const clock = fixedClock('2026-11-24T09:00:00.000Z');
    const ctx = testContext({ clock });
    const settings = dispatch(ctx, 'getBackupSettings', {});
    if (!settings.ok) throw new Error(settings.error.message);
    const value = (settings.data as { value: { folder: string; keepDaily: number; keepWeekly: number; hourly: boolean } }).value;
    expect(dispatch(ctx, 'saveBackupSettings', { value: { ...value, hourly: false } }).ok).toBe(true);
    const stop = startBackupSchedule(ctx, { intervalMs: 100 });
    try {
      await until(() => backupsBy(ctx).includes('start'), 'a backup at start');
      clock.advance(3_600_000); // an hour on: an interval backup would now be kept (and 'start' pruned)
      await new Promise((r) => setTimeout(r, 800)); // eight intervals
      expect(backupsBy(ctx)).toEqual(['start']);
    } finally {
      stop();
    }
  });
});
