// The start's integrity check, off the main thread (issue 7): PRAGMA quick_check reads every
// page, 5-6 s warm and up to a minute from a cold disk cache on ten years of records, and the
// window cannot answer while the main thread waits. So the app opens without it (pragmas,
// journal, schema and stamp are still checked before anything is shown) and this runs it in a
// worker right after, on its own read-only connection; integrityGate.ts holds what must not
// rest on an unchecked file until it answers.
//
// An unclean previous shutdown (db/sessionStamp.ts) changes nothing here, on purpose: with WAL
// and synchronous=FULL a crash or power cut leaves a whole file (SQLite's commit is atomic), so
// damage comes from the disk or the file system, not from how the last session ended; and the
// journal checks that a crash does make necessary (a lost or foreign -wal) still run before
// the app opens. Making the start wait a minute after every crash would buy no protection.
import { DbOpenError, sqliteCode } from '../db/errors';
import type { Ctx } from '../context';
import { startupProblemScreen } from '../startupProblems';
import { damagedMessage, type IntegrityState } from './integrityState';
import { runInWorker } from './runInWorker';

/** Answers the check's problems (none: the file is sound); rejects when the check could not run. */
export type QuickCheckRunner = (file: string) => Promise<string[]>;

export const workerQuickCheck: QuickCheckRunner = async (file) => (await runInWorker({ kind: 'quickCheck', file })).problems;

const running = new WeakMap<Ctx, Promise<IntegrityState>>();

/** Starts the check; ctx.integrity is 'checking' until it answers. Never rejects. */
export function startBackgroundCheck(ctx: Ctx, runner: QuickCheckRunner = workerQuickCheck): Promise<IntegrityState> {
  const since = ctx.clock.now().toISOString();
  ctx.integrity = { state: 'checking', since };
  const started = performance.now();
  const done = checkOnce(ctx, runner).then((problems) => settle(ctx, problems, performance.now() - started));
  running.set(ctx, done);
  return done;
}

/** The check's outcome, at once when there is none under way (the file was checked at open). */
export function integritySettled(ctx: Ctx): Promise<IntegrityState> {
  return running.get(ctx) ?? Promise.resolve(ctx.integrity);
}

async function checkOnce(ctx: Ctx, runner: QuickCheckRunner): Promise<string[]> {
  try {
    return await runner(ctx.dbPath);
  } catch (error) {
    const code = sqliteCode(error) ?? (error as { code?: unknown }).code;
    if (typeof code === 'string' && (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT'))) return [`${code}: ${describe(error)}`];
    // The worker could not run the check (it could not start, or could not open the file
    // read-only): the protection must not be lost, so it runs here, as it did before issue 7.
    // The window waits; that is the price of a check that cannot run elsewhere.
    ctx.log.error('The background integrity check could not run; checking on the main thread', error);
    return quickCheckHere(ctx);
  }
}

function quickCheckHere(ctx: Ctx): string[] {
  if (!ctx.db?.open) return [];
  try {
    const rows = ctx.db.pragma('quick_check') as { quick_check: string }[];
    return rows.length === 1 && rows[0]?.quick_check === 'ok' ? [] : rows.slice(0, 3).map((r) => r.quick_check);
  } catch (error) {
    return [describe(error)];
  }
}

function settle(ctx: Ctx, problems: string[], ms: number): IntegrityState {
  if (problems.length === 0) {
    ctx.integrity = { state: 'ok', checkedAt: ctx.clock.now().toISOString(), ms };
    ctx.log.info(`Integrity check passed (${Math.round(ms)} ms).`);
    return ctx.integrity;
  }
  const detail = problems.join('; ').slice(0, 500);
  ctx.integrity = { state: 'damaged', detail, foundAt: ctx.clock.now().toISOString() };
  ctx.log.error(`The record database is damaged (found by the background check after start): ${detail}`);
  // The window's next look at the startup status (it polls) shows the damaged-file screen.
  ctx.startup = startupProblemScreen(new DbOpenError('DB_CORRUPT', damagedMessage(detail)), ctx.dbPath);
  return ctx.integrity;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
