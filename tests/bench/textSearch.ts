// Full-text search over the notes at scale (issue 7): search_text_p50_ms / search_text_p99_ms
// through dispatch over varied words (rare, common, prefixes, two words) on the synthetic clinic,
// plus what migration 8 costs there: fts_migration_s (filling the index for every existing
// session, as on the first start after the update) and fts_index_mb.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { closeContext, createContext } from '../../electron/main/context';
import { dispatch } from '../../electron/main/ipc/dispatch';
import { migration0008 } from '../../electron/main/db/migrations/0008-note-search';
import { generateClinic } from '../tools/synthetic/generateClinic';
import { signInTestAdmin, TEST_HASH_COST } from '../helpers/testClinician';

const SESSIONS = Number(process.env.BENCH_SCALE_SESSIONS ?? 100_000);
const REPS = 240;
// Rare (a pastime, a drug), common (in most sessions' plans or observations), prefixes as typed, and two words.
const SEARCHES = ['piano', 'allotment', 'gabapentin', 'hoist', 'tone', 'patient', 'treated', 'consider', 'ba', 'p', 'phys', 'wheelch', 'tone low', 'burning pa', 'splint over', 'patient mentioned', 'heel strike', 'day 5', 'grandch', 'zzzz nothing'];
const quiet = { info: () => undefined, error: (m: string) => console.error(m) };

const p = (ms: number[], q: number) => [...ms].sort((a, b) => a - b)[Math.min(ms.length - 1, Math.ceil((q / 100) * ms.length) - 1)]!;

/** atScale.ts's clinic, generated if absent (then at the latest schema). */
function clinicFile(): string {
  const file = path.join(os.tmpdir(), `cryolog-bench-clinic-seed1-${SESSIONS}.sqlite`);
  if (!fs.existsSync(file)) generateClinic(file, { seed: 1, patients: Math.max(1, Math.round(SESSIONS / 5)), sessions: SESSIONS });
  return file;
}

/**
 * Migration 8 as on the first start after the update, timed inside a transaction that is then
 * rolled back (no copy of a multi-gigabyte file): what it added is dropped first, so it fills
 * the index for every session. Also the index's size, read before the rollback.
 */
function migrationCost(file: string): { seconds: number; bytes: number } {
  const db = new Database(file);
  try {
    db.exec('BEGIN IMMEDIATE');
    try {
      for (const name of db.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE '%note_search%'").pluck().all() as string[]) db.exec(`DROP TRIGGER ${name}`);
      db.exec('DROP TABLE IF EXISTS note_search; DROP TABLE IF EXISTS note_search_key;');
      const t = performance.now();
      migration0008.up(db);
      const seconds = (performance.now() - t) / 1000;
      const bytes = Number(db.prepare("SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'note_search%'").pluck().get());
      return { seconds, bytes };
    } finally {
      db.exec('ROLLBACK');
    }
  } finally {
    db.close();
  }
}

export function benchTextSearch(): Record<string, number> {
  const file = clinicFile();
  const ctx = createContext({ dbPath: file, appVersion: 'bench', log: quiet, hashCost: TEST_HASH_COST });
  const times: number[] = [];
  const hits: Record<string, number> = {};
  const slowest: Record<string, number> = {};
  try {
    if (!ctx.db) throw new Error(`The clinic did not open: ${JSON.stringify(ctx.startup)}`);
    signInTestAdmin(ctx);
    for (let i = 0; i < REPS; i++) {
      const text = SEARCHES[i % SEARCHES.length]!;
      const start = process.hrtime.bigint();
      const r = dispatch(ctx, 'searchNotes', { text, limit: 50 });
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
      if (!r.ok) throw new Error(`searchNotes ${text}: ${r.error.message}`);
      hits[text] = (r.data as unknown[]).length;
      slowest[text] = Math.max(slowest[text] ?? 0, times.at(-1)!);
    }
  } finally {
    closeContext(ctx);
  }
  const migration = migrationCost(file);
  const figures = {
    search_text_p50_ms: p(times, 50),
    search_text_p99_ms: p(times, 99),
    fts_migration_s: Math.round(migration.seconds * 100) / 100,
    fts_index_mb: Math.round((migration.bytes / 1024 ** 2) * 10) / 10,
  };
  console.log(`\nNote search at ${SESSIONS} sessions, ${REPS} searches:`, figures, 'results per search:', hits, 'slowest ms per search:', slowest);
  return figures;
}
