// Every startup problem that can be produced for real, opened in the real built renderer: the
// clinician reads what happened, what to do and which file, nothing else of the app can be
// used, and the files on disk are byte for byte what they were. Startup screens come before
// sign-in, so each test starts its own host on the faulty file and uses a bare page.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { test, expect, screenshot, RENDERER_DIR } from './fixtures';
import { startHost } from '../host/server';
import { closeContext } from '../../electron/main/context';
import { dispatch } from '../../electron/main/ipc/dispatch';
import { appendAudit } from '../../electron/main/db/repos/audit';
import { crashSnapshot, crashedDatabaseAt, fingerprint, openApp, savePatient } from '../helpers/faultyFiles';

interface Expected {
  title: string;
  whatToDo: RegExp;
  message: RegExp;
  shot?: string;
  /**
   * The damage lies beyond the schema, so CryoLog opens the file (stamping its header, page 1)
   * and the background check finds the damage: then only page 1 may differ afterwards.
   */
  foundAfterStart?: true;
}

/** The file past its first page (the header CryoLog stamps when it opens a file). */
function pagesAfterTheHeader(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file).subarray(4096)).digest('hex');
}

/** Opens the app on `dbPath` and checks the screen; the files must be unchanged afterwards. */
async function expectStartupScreen(page: Page, dbPath: string, expected: Expected): Promise<void> {
  const before = expected.foundAfterStart ? pagesAfterTheHeader(dbPath) : fingerprint(dbPath);
  const host = await startHost({ dbPath, rendererDir: RENDERER_DIR });
  try {
    await page.goto(host.url);
    const alert = page.getByRole('alert');
    await expect(alert.getByRole('heading', { level: 1 })).toHaveText(expected.title);
    await expect(alert.locator('.what-to-do')).toHaveText(expected.whatToDo);
    await expect(alert.getByText('What happened')).toBeVisible();
    await expect(alert.locator('dd').first()).toHaveText(expected.message);
    await expect(alert.locator('code')).toHaveText(dbPath);
    // Nothing of the app behind it: no button, field or link at all, and no record request answered.
    await expect(page.getByRole('button')).toHaveCount(0);
    await expect(page.getByRole('textbox')).toHaveCount(0);
    await expect(page.getByRole('link')).toHaveCount(0);
    const refused = await page.evaluate(() => window.api!.listPatients({ limit: 5 }));
    // Not opened (DB_UNAVAILABLE), or opened and found damaged by the background check: then
    // nobody can sign in (DB_DAMAGED), so a record request is refused as signed out.
    expect(refused).toMatchObject({ ok: false });
    expect(['DB_UNAVAILABLE', 'SIGNED_OUT']).toContain((refused as { error: { code: string } }).error.code);
    if (expected.shot) await screenshot(page, expected.shot);
  } finally {
    await host.close();
  }
  expect(expected.foundAfterStart ? pagesAfterTheHeader(dbPath) : fingerprint(dbPath)).toEqual(before);
}

/** A real CryoLog database with records, closed cleanly. */
function goodDatabase(file: string, names = ['Testpatient']): string {
  const ctx = openApp(file);
  for (const n of names) savePatient(ctx, n);
  closeContext(ctx);
  return file;
}

test('a damaged database (pages scribbled over): the damaged-file screen, the file kept', async ({ page, dbDir }) => {
  const file = goodDatabase(path.join(dbDir, 'cryolog.sqlite'));
  const raw = new Database(file);
  raw.transaction(() => {
    for (let i = 0; i < 2000; i++) appendAudit(raw, { at: '2026-01-01', action: 'create', entity: 'patient', entityId: `id-${i}-${'x'.repeat(50)}`, sessionId: null });
  })();
  raw.close();
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(8192, 0xa5), 0, 8192, Math.floor(fs.fstatSync(fd).size / 2 / 4096) * 4096);
  fs.closeSync(fd);
  await expectStartupScreen(page, file, {
    title: 'The record database is damaged',
    whatToDo: /^Do not delete the file\. Call IT and ask them to restore it from the latest backup/,
    // The header and schema are whole, so CryoLog starts; the integrity check in its worker
    // finds the scribbled pages moments later and the same screen replaces the app.
    message: /^The record database was found damaged after CryoLog started/,
    foundAfterStart: true,
    shot: '80-startup-damaged',
  });
});

test('a truncated database (half the file gone): the damaged-file screen', async ({ page, dbDir }) => {
  const file = goodDatabase(path.join(dbDir, 'cryolog.sqlite'), Array.from({ length: 40 }, (_, i) => `Patient${i}`));
  fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2));
  await expectStartupScreen(page, file, { title: 'The record database is damaged', whatToDo: /restore it from the latest backup/, message: /damaged/ });
});

test('a database written by a newer CryoLog: says so and changes nothing', async ({ page, dbDir }) => {
  const file = goodDatabase(path.join(dbDir, 'cryolog.sqlite'));
  const raw = new Database(file);
  raw.pragma('user_version = 99');
  raw.close();
  await expectStartupScreen(page, file, {
    title: 'This database needs a newer CryoLog',
    whatToDo: /Install that version \(ask IT\); this older one will not change it\./,
    message: /written by a newer version of CryoLog \(schema 99/,
  });
});

test('the database file missing, its journal still beside it: a screen saying so, nothing created', async ({ page, dbDir }) => {
  const file = crashedDatabaseAt(path.join(dbDir, 'work'), path.join(dbDir, 'cryolog.sqlite'), ['Strayjournal']);
  fs.rmSync(file);
  await expectStartupScreen(page, file, {
    title: 'The record file is missing',
    whatToDo: /put it back under the name shown below; otherwise call IT and ask them to restore it from the latest backup/,
    message: new RegExp(`is missing, but its journal \\(${file}-wal, ${file}-shm\\) is still there`),
  });
  expect(fs.existsSync(file)).toBe(false);
});

test('the -wal lost after CryoLog was not closed normally: a screen naming the journal and the remedy', async ({ page, dbDir }) => {
  const file = crashedDatabaseAt(path.join(dbDir, 'work'), path.join(dbDir, 'cryolog.sqlite'), ['Lastsave']);
  fs.rmSync(`${file}-wal`);
  fs.rmSync(`${file}-shm`);
  await expectStartupScreen(page, file, {
    title: 'The latest saves may be missing',
    whatToDo: /^Close CryoLog\. Find the file named below .* and put it back beside the database, then restart CryoLog\. If it cannot be found, call IT/,
    message: new RegExp(`its journal ${file}-wal, which holds the latest saves, is not beside it`),
    shot: '81-startup-wal-missing',
  });
});

test('a -wal from another copy of the database copied in beside it: a screen, no mixed records', async ({ page, dbDir }) => {
  const file = path.join(dbDir, 'cryolog.sqlite');
  const app = openApp(file);
  const id = savePatient(app, 'Alpha');
  closeContext(app);
  // The same database copied to another computer, where a session changed the name and crashed.
  const elsewhere = path.join(dbDir, 'elsewhere', 'cryolog.sqlite');
  fs.mkdirSync(path.dirname(elsewhere));
  fs.copyFileSync(file, elsewhere);
  const other = openApp(elsewhere);
  dispatch(other, 'saveFields', { entity: 'patient', id, patch: { familyName: 'Bravo' } });
  const crashed = crashSnapshot(elsewhere, path.join(dbDir, 'crashed'));
  closeContext(other);
  fs.copyFileSync(`${crashed}-wal`, `${file}-wal`);
  await expectStartupScreen(page, file, {
    title: 'The record database has a journal that does not belong to it',
    whatToDo: /^Do not delete anything\. Call IT: they should move the journal named below out of the folder/,
    message: new RegExp(`The journal ${file}-wal was not written to this database file`),
  });
});

const asRoot = process.getuid?.() === 0;

test('a database on a read-only disk (a real read-only filesystem as root, else a read-only folder): the read-only screen', async ({ page, dbDir }) => {
  const folder = path.join(dbDir, 'disk');
  fs.mkdirSync(folder);
  if (asRoot) execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', folder]);
  const file = goodDatabase(path.join(folder, 'cryolog.sqlite'));
  try {
    if (asRoot) execFileSync('mount', ['-o', 'remount,ro', folder]);
    else fs.chmodSync(folder, 0o555);
    await expectStartupScreen(page, file, {
      title: 'The record database is read-only',
      whatToDo: /^CryoLog can only work on a file it can save to\. Ask IT to give your account write access to the file and its folder/,
      message: asRoot ? /is on a read-only disk \(EROFS\), so nothing could be saved\. Nothing was changed\./ : /The folder .* is read-only for this user/,
    });
  } finally {
    if (asRoot) execFileSync('umount', [folder]);
    else fs.chmodSync(folder, 0o755);
  }
});
