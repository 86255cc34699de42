import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { closeContext, createContext, type Clock, type CreateContextOptions, type Ctx } from '../../electron/main/context';
import { backupSettled } from '../../electron/main/backup/schedule';
import { integritySettled } from '../../electron/main/integrity/backgroundCheck';
import { signInTestAdmin, TEST_HASH_COST } from './testClinician';

const dirs: string[] = [];
const contexts: Ctx[] = [];

afterEach(async () => {
  // A sign-off's backup runs on in a worker after the test's last line; it writes into the
  // test's folder, so the folder goes only once it has finished (else rmdir meets a new file).
  for (const ctx of contexts.splice(0)) {
    await Promise.all([backupSettled(ctx), integritySettled(ctx)]);
    closeContext(ctx);
  }
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary folder, removed after the test. */
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cryolog-test-'));
  dirs.push(dir);
  return dir;
}

/** A clock that stands still unless moved: times in assertions stay exact. */
export function fixedClock(iso = '2026-11-24T09:10:00.000Z', offsetMinutes = 0): Clock & { advance(ms: number): void } {
  let now = new Date(iso).getTime();
  return { now: () => new Date(now), offsetMinutes: () => offsetMinutes, advance: (ms) => (now += ms) };
}

export const quietLog = { error: () => undefined, info: () => undefined };

/**
 * A context on a real SQLite file in a temp folder, closed after the test, signed in as the
 * synthetic administrator TEST_ADMIN (tests/helpers/testClinician.ts) unless signedIn is false.
 */
export function testContext(
  options: { dbPath?: string; clock?: Clock; signedIn?: boolean; monotonicMs?: () => number; pdfPrerender?: CreateContextOptions['pdfPrerender'] } = {},
): Ctx {
  const ctx = createContext({
    dbPath: options.dbPath ?? path.join(tempDir(), 'cryolog.sqlite'),
    appVersion: 'test',
    clock: options.clock ?? fixedClock(),
    log: quietLog,
    checkResponses: true,
    hashCost: TEST_HASH_COST,
    ...(options.monotonicMs && { monotonicMs: options.monotonicMs }),
    ...(options.pdfPrerender && { pdfPrerender: options.pdfPrerender }),
  });
  contexts.push(ctx);
  if (options.signedIn !== false && ctx.db) signInTestAdmin(ctx);
  return ctx;
}
