// The figures of issue 7 that only mean something on a big record: ten years of a busy service
// (100,000 sessions, 20,000 patients by default; BENCH_SCALE_SESSIONS to change). The synthetic
// clinic is generated once (about 2.5 min, 3.6 GB) and kept in the temp folder for later runs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closeContext, createContext, type Ctx } from '../../electron/main/context';
import { dispatch } from '../../electron/main/ipc/dispatch';
import { generateClinic } from '../tools/synthetic/generateClinic';
import { signInTestAdmin, TEST_HASH_COST } from '../helpers/testClinician';

const SESSIONS = Number(process.env.BENCH_SCALE_SESSIONS ?? 100_000);
const PATIENTS = Math.max(1, Math.round(SESSIONS / 5));
const REPS = 200;
const quiet = { info: () => undefined, error: (m: string) => console.error(m) };

function p(ms: number[], q: number): number {
  const sorted = [...ms].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((q / 100) * sorted.length) - 1)]!;
}

function timed(run: () => void): number {
  const t = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

function ok(ctx: Ctx, channel: Parameters<typeof dispatch>[1], payload: unknown): unknown {
  const r = dispatch(ctx, channel, payload);
  if (!r.ok) throw new Error(`${String(channel)}: ${r.error.code} ${r.error.message}`);
  return r.data;
}

/** The seeded clinic in the temp folder, generated on first use (also used by bulkCsv.ts and startupAtScale.ts). */
export function clinicFile(): string {
  const file = path.join(os.tmpdir(), `cryolog-bench-clinic-seed1-${SESSIONS}.sqlite`);
  if (fs.existsSync(file)) return file;
  console.log(`\nGenerating the synthetic clinic (${SESSIONS} sessions, ${PATIENTS} patients) once, into ${file} …`);
  const t = performance.now();
  generateClinic(file, { seed: 1, patients: PATIENTS, sessions: SESSIONS });
  console.log(`Generated in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return file;
}

export function benchAtScale(): Record<string, number> {
  const file = clinicFile();
  const sizeGb = fs.statSync(file).size / 1024 ** 3;

  // Opening (startup_db_ms) is measured by startupAtScale.ts, with the check in the background as the app does.
  const ctx = createContext({ dbPath: file, appVersion: 'bench', log: quiet, hashCost: TEST_HASH_COST });
  try {
    if (!ctx.db) throw new Error(`The synthetic clinic did not open: ${JSON.stringify(ctx.startup)}`);
    signInTestAdmin(ctx);
    const db = ctx.db;
    const nhs = db.prepare('SELECT nhs_number FROM patient WHERE nhs_number IS NOT NULL ORDER BY id LIMIT 200').pluck().all() as string[];
    const names = db.prepare('SELECT substr(family_name, 1, 3) FROM patient WHERE family_name IS NOT NULL ORDER BY id LIMIT 200').pluck().all() as string[];
    const patients = db.prepare('SELECT id FROM patient ORDER BY id LIMIT 200').pluck().all() as string[];

    const list: number[] = [];
    const searchNhs: number[] = [];
    const searchName: number[] = [];
    const history: number[] = [];
    for (let i = 0; i < REPS; i++) {
      list.push(timed(() => ok(ctx, 'listSessions', { limit: 50 })));
      searchNhs.push(timed(() => ok(ctx, 'listSessions', { limit: 50, search: nhs[i % nhs.length]! })));
      searchName.push(timed(() => ok(ctx, 'listSessions', { limit: 50, search: names[i % names.length]! })));
      history.push(timed(() => ok(ctx, 'getTreatmentHistory', { patientId: patients[i % patients.length]! })));
    }
    // One field of a draft's freeze cycle saved again and again, as the clinician types on the
    // ten-thousandth day: the write, its audit entry (chained to the 200,000th) and the answer.
    const draftCycle = db
      .prepare(
        `SELECT c.id FROM session s JOIN target t ON t.session_id = s.id JOIN freeze_cycle c ON c.target_id = t.id
         WHERE s.version = 0 AND NOT EXISTS (SELECT 1 FROM entered_in_error e WHERE e.session_id = s.id) LIMIT 1`,
      )
      .pluck()
      .get() as string | undefined;
    if (!draftCycle) throw new Error('The synthetic clinic has no draft session with a freeze cycle to edit.');
    const autosave: number[] = [];
    for (let i = 0; i < 100 + REPS * 5; i++) {
      const ms = timed(() => ok(ctx, 'saveFields', { entity: 'cycle', id: draftCycle, patch: { tipTempC: -60 - (i % 30) - 0.5 } }));
      if (i >= 100) autosave.push(ms);
    }
    const search = [...searchNhs, ...searchName];
    const figures = {
      scale_sessions: SESSIONS,
      scale_db_gb: Math.round(sizeGb * 100) / 100,
      list_recent_p50_ms: p(list, 50),
      list_recent_p99_ms: p(list, 99),
      search_patient_p50_ms: p(search, 50),
      search_patient_p99_ms: p(search, 99),
      search_nhs_p99_ms: p(searchNhs, 99),
      search_name_p99_ms: p(searchName, 99),
      history_p50_ms: p(history, 50),
      history_p99_ms: p(history, 99),
      autosave_at_scale_p50_ms: p(autosave, 50),
      autosave_at_scale_p99_ms: p(autosave, 99),
    };
    console.log(`\nAt ${SESSIONS} sessions (${figures.scale_db_gb} GB), ${REPS} requests each through dispatch, ms`);
    console.log(`list 50 most recent      p50 ${figures.list_recent_p50_ms.toFixed(3)}  p99 ${figures.list_recent_p99_ms.toFixed(3)}`);
    console.log(`search NHS / name        p99 ${figures.search_nhs_p99_ms.toFixed(3)} / ${figures.search_name_p99_ms.toFixed(3)}`);
    console.log(`patient history          p50 ${figures.history_p50_ms.toFixed(3)}  p99 ${figures.history_p99_ms.toFixed(3)}`);
    console.log(`autosave (${autosave.length})         p50 ${figures.autosave_at_scale_p50_ms.toFixed(3)}  p99 ${figures.autosave_at_scale_p99_ms.toFixed(3)}`);
    return figures;
  } finally {
    closeContext(ctx);
  }
}
