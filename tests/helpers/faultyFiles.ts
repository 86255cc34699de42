// Real database files in the states a fault leaves them in, for the unit and browser tests.
// "Crashed" is a copy of the files taken while CryoLog still has them open: with
// synchronous=FULL that is exactly what a kill leaves on disk (crashKill.test.ts kills for real).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { closeContext, createContext, type Ctx } from '../../electron/main/context';
import { dispatch } from '../../electron/main/ipc/dispatch';

export const DB_SUFFIXES = ['', '-wal', '-shm'] as const;
const quiet = { error: () => undefined, info: () => undefined };

export function openApp(file: string): Ctx {
  return createContext({ dbPath: file, appVersion: 'test', systemActor: 'test:faulty-files', clock: { now: () => new Date('2026-11-24T09:10:00Z'), offsetMinutes: () => 0 }, log: quiet });
}

export function savePatient(ctx: Ctx, familyName: string): string {
  const created = dispatch(ctx, 'createPatient', {});
  if (!created.ok) throw new Error(created.error.message);
  const id = (created.data as { id: string }).id;
  const saved = dispatch(ctx, 'saveFields', { entity: 'patient', id, patch: { familyName } });
  if (!saved.ok) throw new Error(saved.error.message);
  return id;
}

/** The files as a kill would leave them, copied into `into` under the same name. */
export function crashSnapshot(file: string, into: string): string {
  fs.mkdirSync(into, { recursive: true });
  const target = path.join(into, path.basename(file));
  for (const s of DB_SUFFIXES) if (fs.existsSync(file + s)) fs.copyFileSync(file + s, target + s);
  return target;
}

/** A database (built in `workDir`) whose session crashed after saving `names`, as `target` with its -wal and -shm. */
export function crashedDatabaseAt(workDir: string, target: string, names: string[]): string {
  const live = path.join(workDir, 'live', 'cryolog.sqlite');
  const ctx = openApp(live);
  for (const name of names) savePatient(ctx, name);
  const snapshot = crashSnapshot(live, path.dirname(target));
  closeContext(ctx);
  for (const s of DB_SUFFIXES) if (snapshot !== target && fs.existsSync(snapshot + s)) fs.renameSync(snapshot + s, target + s);
  return target;
}

/** SHA-256 of the database and each file beside it (null where absent): "untouched" means equal before and after. */
export function fingerprint(file: string): Record<string, string | null> {
  return Object.fromEntries(DB_SUFFIXES.map((s) => [s || 'db', fs.existsSync(file + s) ? createHash('sha256').update(fs.readFileSync(file + s)).digest('hex') : null]));
}
