// Restoring from inside the running app, through dispatch as the window does it: the screen's
// preview, the restore in the background with every other request refused meanwhile, the
// records after it (what was entered after the backup is gone from the database and is in the
// file kept aside), the restore in the restored audit trail under the same actor, and the
// refusals that change nothing (a damaged backup; a database another program holds open).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/main/ipc/dispatch';
import { closeContext, type Ctx } from '../../electron/main/context';
import type { Channel } from '../../shared/ipc/channels';
import type { Req, Res } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';
import { backupInBackground } from '../../electron/main/backup/schedule';
import { restoreFinished } from '../../electron/main/backup/restoreInApp';
import { fixedClock, quietLog, tempDir } from '../helpers/tempDir';
import { fixtureFile } from '../tools/sessionFixtures';
import { signedInContext, TEST_ACTOR } from '../helpers/testClinician';

function call<C extends Channel>(ctx: Ctx, channel: C, request: Req<C>): Res<C> {
  const r = dispatch(ctx, channel, request) as Result<Res<C>>;
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.data;
}

const document = (name: 'S1' | 'S2') => JSON.parse(fs.readFileSync(fixtureFile(name), 'utf8')) as Req<'importSession'>['document'];
const ACTOR = TEST_ACTOR;

/** A context on a real file holding S1, a backup of it in the default folder, then S2 entered after the backup. */
async function clinicWithBackup() {
  const dbPath = path.join(tempDir(), 'cryolog.sqlite');
  const clock = fixedClock('2026-07-15T09:10:00.000Z', 60);
  const ctx = signedInContext({ dbPath, appVersion: 'test', clock, log: quietLog, checkResponses: true });
  const s1 = call(ctx, 'importSession', { document: document('S1') }).sessionId;
  await backupInBackground(ctx, 'manual').done;
  const [backup] = call(ctx, 'getBackupStatus', {}).backups;
  clock.advance(3_600_000);
  const s2 = call(ctx, 'importSession', { document: document('S2') }).sessionId;
  return { ctx, dbPath, clock, s1, s2, fileName: backup!.fileName };
}

const rows = (file: string, sql: string): unknown[] => {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
};

describe('restore from the app', () => {
  it('previews, refuses every other request while it runs, restores the backup, keeps the database aside and audits it under the same actor', async () => {
    const { ctx, dbPath, s1, s2, fileName } = await clinicWithBackup();
    try {
      expect(fileName).toBe('cryolog-20260715-101000+0100-manual.sqlite');
      const preview = call(ctx, 'previewRestore', { fileName });
      expect(preview).toMatchObject({
        fileName,
        takenAt: '2026-07-15T09:10:00.000Z',
        backup: { ok: true, patients: 1, sessions: 1, problems: [] },
        current: { patients: 2, sessions: 2 },
        databasePath: dbPath,
      });
      expect(preview.current.auditEntries).toBeGreaterThan(preview.backup.auditEntries);

      expect(call(ctx, 'startRestore', { fileName })).toEqual({ started: true });
      // From the very next request until it ends, only its status is answered.
      for (const [channel, payload] of [
        ['listSessions', { limit: 10 }],
        ['getSession', { id: s1 }],
        ['importSession', { document: document('S2') }],
        ['runBackupNow', {}],
        ['startRestore', { fileName }],
        ['getStartupStatus', {}],
      ] as const) {
        expect(dispatch(ctx, channel, payload), channel).toEqual({
          ok: false,
          error: { code: 'RESTORING', message: expect.stringMatching(/^A backup is being restored\. Nothing can be read or saved until it has finished.*Wait, then carry on/) },
        });
      }
      expect(call(ctx, 'getRestoreStatus', {})).toMatchObject({ state: 'running', fileName });

      await restoreFinished(ctx);
      const status = call(ctx, 'getRestoreStatus', {});
      expect(status).toMatchObject({ state: 'done', percent: 100, message: null, restored: { patients: 1, sessions: 1, schemaVersion: ctx.schemaVersion } });
      expect(status.keptAside).toBe(`${dbPath}.before-restore-2026-07-15T10-10-00-000Z`);

      // The app carries on with the restored records: what was entered after the backup is gone...
      expect(call(ctx, 'listSessions', { limit: 10 }).map((s) => s.id)).toEqual([s1]);
      // ...and is in the database kept aside, whole.
      expect(rows(status.keptAside!, 'SELECT id FROM session ORDER BY id').map((r) => (r as { id: string }).id)).toEqual([s1, s2].sort());

      // The restore is the last entry of the restored trail, by the same actor, and the chain holds.
      const last = ctx.db!.prepare('SELECT * FROM audit_log ORDER BY id DESC LIMIT 1').get() as Record<string, string>;
      expect(last).toMatchObject({ actor: ACTOR, action: 'update', entity: 'database', field: 'restoredFromBackup', reason: `Restored from backup by ${TEST_ACTOR}` });
      expect(JSON.parse(last.old_value!)).toEqual({ keptAside: status.keptAside });
      expect(JSON.parse(last.new_value!)).toMatchObject({ backup: path.join(path.dirname(dbPath), 'backups', fileName), sessions: 1 });
      expect(call(ctx, 'verifyAuditTrail', {})).toMatchObject({ ok: true });

      // Saving works again, into the restored file.
      call(ctx, 'importSession', { document: document('S2') });
      expect(call(ctx, 'listSessions', { limit: 10 })).toHaveLength(2);
    } finally {
      await restoreFinished(ctx);
      closeContext(ctx);
    }
  });

  it('refuses a damaged backup at once and changes nothing', async () => {
    const { ctx, dbPath, s1, s2, fileName } = await clinicWithBackup();
    try {
      const file = path.join(path.dirname(dbPath), 'backups', fileName);
      const fd = fs.openSync(file, 'r+');
      fs.writeSync(fd, crypto.randomBytes(8192), 0, 8192, 4096); // pages 2-3, as a failing share might leave them
      fs.closeSync(fd);
      const db = ctx.db;

      expect(call(ctx, 'previewRestore', { fileName }).backup).toMatchObject({ ok: false, problems: [expect.stringMatching(/damaged|cannot be read/)] });
      const r = dispatch(ctx, 'startRestore', { fileName });
      expect(r).toMatchObject({ ok: false, error: { code: 'RESTORE_REFUSED', message: expect.stringMatching(/^Not restored: .*Nothing was changed; choose another backup\.$/) } });

      expect(call(ctx, 'getRestoreStatus', {})).toMatchObject({ state: 'idle' });
      expect(ctx.db).toBe(db); // never closed
      expect(call(ctx, 'listSessions', { limit: 10 }).map((s) => s.id).sort()).toEqual([s1, s2].sort());
      expect(fs.readdirSync(path.dirname(dbPath)).filter((n) => /before-restore|restoring/.test(n))).toEqual([]);
    } finally {
      closeContext(ctx);
    }
  });

  it('a restore refused in the background (another program has the database open) reopens the database as it was and says why', async () => {
    const { ctx, dbPath, s1, s2, fileName } = await clinicWithBackup();
    const other = new Database(dbPath, { fileMustExist: true });
    try {
      other.prepare('SELECT count(*) FROM session').get(); // an open, idle reader: as another CryoLog would be
      call(ctx, 'startRestore', { fileName });
      await restoreFinished(ctx);
      expect(call(ctx, 'getRestoreStatus', {})).toMatchObject({
        state: 'failed',
        keptAside: null,
        message: expect.stringMatching(/^Not restored: the database is in use .*Nothing was changed\. The database is as it was; carry on, or call IT\.$/),
      });
      expect(call(ctx, 'listSessions', { limit: 10 }).map((s) => s.id).sort()).toEqual([s1, s2].sort());
      expect(fs.readdirSync(path.dirname(dbPath)).filter((n) => /before-restore|restoring/.test(n))).toEqual([]);
    } finally {
      other.close();
      closeContext(ctx);
    }
  });
});
