// `npm run bench`: what one autosave costs next to the cheapest durable commit SQLite can do on
// this disk. Not a test: it prints figures and writes bench-report.json at the repository root.
//
// Both databases live in one temp dir (same disk, same file system) and the two loops are
// interleaved call by call, so background disk activity and thermal drift hit both alike.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { closeContext, type Ctx } from '../../electron/main/context';
import { signedInContext } from '../helpers/testClinician';
import { applyPragmas } from '../../electron/main/db/pragmas';
import { dispatch } from '../../electron/main/ipc/dispatch';
import type { Res } from '../../shared/ipc/contract';
import type { Channel } from '../../shared/ipc/channels';
import { benchAtScale } from './atScale';
import { benchBulkCsv } from './bulkCsv';
import { benchStartupAtScale } from './startupAtScale';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 5000);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 500);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function call<C extends Channel>(ctx: Ctx, channel: C, payload: unknown): Res<C> {
  const result = dispatch(ctx, channel, payload);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
  return result.data as Res<C>;
}

/** A session with one cycle: the row the autosave loop edits. */
function seedCycle(ctx: Ctx): string {
  const patient = call(ctx, 'createPatient', {});
  const session = call(ctx, 'startSession', { patientId: patient.id });
  const target = call(ctx, 'addRow', { entity: 'target', parentId: session.id });
  return call(ctx, 'addRow', { entity: 'cycle', parentId: target.id }).id;
}

interface Stats {
  p50: number;
  p99: number;
  mean: number;
  min: number;
  max: number;
}

/** Nearest-rank percentiles, in milliseconds. */
function stats(samplesNs: bigint[]): Stats {
  const ms = samplesNs.map((ns) => Number(ns) / 1e6).sort((a, b) => a - b);
  const rank = (p: number) => ms[Math.min(ms.length - 1, Math.ceil((p / 100) * ms.length) - 1)] as number;
  return { p50: rank(50), p99: rank(99), mean: ms.reduce((a, b) => a + b, 0) / ms.length, min: ms[0] as number, max: ms.at(-1) as number };
}

function main(): void {
  if (!Number.isInteger(ITERATIONS) || ITERATIONS < 1000) throw new Error('BENCH_ITERATIONS must be an integer of at least 1000.');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cryolog-bench-'));
  // Signed in as the synthetic administrator: the bench measures the path a signed-in window takes.
  const ctx = signedInContext({ dbPath: path.join(dir, 'cryolog.sqlite'), appVersion: 'bench', log: { info: () => {}, error: console.error } });
  const floorDb = new Database(path.join(dir, 'floor.sqlite'));
  try {
    if (!ctx.db) throw new Error(`The benchmark database did not open: ${JSON.stringify(ctx.startup)}`);
    const cycleId = seedCycle(ctx);

    // The floor: the same durability pragmas (WAL, synchronous=FULL, fullfsync on macOS), one row per commit.
    applyPragmas(floorDb);
    floorDb.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v REAL NOT NULL)');
    const insert = floorDb.prepare('INSERT INTO t (v) VALUES (?)');

    // Consecutive values always differ, so every saveFields really writes (an unchanged value is skipped).
    const value = (i: number) => -60 - (i % 30) - 0.5;
    const autosave = (i: number) => {
      const r = dispatch(ctx, 'saveFields', { entity: 'cycle', id: cycleId, patch: { tipTempC: value(i) } });
      if (!r.ok) throw new Error(`saveFields failed: ${r.error.code} ${r.error.message}`);
    };
    const floor = (i: number) => insert.run(value(i));

    for (let i = 0; i < WARMUP; i++) {
      autosave(i);
      floor(i);
    }
    const auditBefore = countAudit(ctx);
    const autosaveNs: bigint[] = [];
    const floorNs: bigint[] = [];
    for (let i = WARMUP; i < WARMUP + ITERATIONS; i++) {
      let t0 = process.hrtime.bigint();
      autosave(i);
      autosaveNs.push(process.hrtime.bigint() - t0);
      t0 = process.hrtime.bigint();
      floor(i);
      floorNs.push(process.hrtime.bigint() - t0);
    }
    // Proof that the loop measured writes: one audit entry per autosave.
    const audited = countAudit(ctx) - auditBefore;
    if (audited !== ITERATIONS) throw new Error(`Expected ${ITERATIONS} audited writes, found ${audited}.`);

    report(stats(autosaveNs), stats(floorNs), String(floorDb.prepare('SELECT sqlite_version() AS v').pluck().get()));
  } finally {
    floorDb.close();
    closeContext(ctx);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function countAudit(ctx: Ctx): number {
  return Number(ctx.db?.prepare('SELECT count(*) FROM audit_log').pluck().get());
}

function report(autosave: Stats, floor: Stats, sqliteVersion: string): void {
  const f = (n: number) => n.toFixed(3).padStart(9);
  const row = (name: string, s: Stats) => `${name.padEnd(26)}${f(s.p50)}${f(s.p99)}${f(s.mean)}${f(s.min)}${f(s.max)}`;
  const ratioP50 = autosave.p50 / floor.p50;
  const ratioP99 = autosave.p99 / floor.p99;
  const cpus = os.cpus();
  console.log(`\nCryoLog autosave benchmark: ${ITERATIONS} iterations after ${WARMUP} warm-up, temp dir ${os.tmpdir()}`);
  console.log(`Node ${process.versions.node}, SQLite ${sqliteVersion}, ${cpus.length} CPU (${cpus[0]?.model ?? 'unknown'}), ${os.platform()} ${os.release()}\n`);
  console.log(`${'times in ms'.padEnd(26)}${'p50'.padStart(9)}${'p99'.padStart(9)}${'mean'.padStart(9)}${'min'.padStart(9)}${'max'.padStart(9)}`);
  console.log(row('autosave (saveFields)', autosave));
  console.log(row('floor (1-row commit)', floor));
  console.log(`\nautosave / floor: p50 ${ratioP50.toFixed(2)}x, p99 ${ratioP99.toFixed(2)}x`);

  const out = {
    autosave_p50_ms: autosave.p50,
    autosave_p99_ms: autosave.p99,
    autosave_mean_ms: autosave.mean,
    floor_commit_p50_ms: floor.p50,
    floor_commit_p99_ms: floor.p99,
    floor_commit_mean_ms: floor.mean,
    autosave_vs_floor_ratio: ratioP99,
    autosave_vs_floor_ratio_p50: ratioP50,
    iterations: ITERATIONS,
    warmup_iterations: WARMUP,
    machine: {
      node_version: process.versions.node,
      sqlite_version: sqliteVersion,
      cpu_count: cpus.length,
      cpu_model: cpus[0]?.model ?? 'unknown',
      platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    },
    generated_at: new Date().toISOString(),
  };
  const file = path.join(ROOT, 'bench-report.json');
  fs.writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
  console.log(`Written to ${file}`);
}

main();

// ── Rules engine (appended block) ───────────────────────────────────────────────────────────
// Times the pure rules engine, validateSession, over a full S1-sized session (3 targets, 10
// cycles, every section filled: tests/unit/rules/fixtures.ts) and adds its figures to the
// bench-report.json written above. No database: this is what the screen pays per keystroke.
import { validateSession as benchValidateSession } from '../../shared/domain/rules';
import { s1 as benchS1Session } from '../unit/rules/fixtures';

function benchRules(): void {
  const runs = Number(process.env.BENCH_RULES_RUNS ?? 2000);
  if (!Number.isInteger(runs) || runs < 200) throw new Error('BENCH_RULES_RUNS must be an integer of at least 200.');
  // domain.md's S1 has 9 cycles; a tenth (a third at target 2's site) gives the 3-target, 10-cycle size asked for.
  const doc = benchS1Session();
  const t2 = doc.targets[1]!;
  const last = t2.cycles[t2.cycles.length - 1]!;
  t2.cycles.push({ ...last, id: '10000000-0000-4000-8000-999999999999', seq: last.seq + 1, startedAt: '2026-03-17T09:36:00+00:00', endedAt: '2026-03-17T09:37:30+00:00' });
  const cycles = doc.targets.reduce((n, t) => n + t.cycles.length, 0);
  for (let i = 0; i < 200; i++) benchValidateSession(doc);
  const samples: bigint[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    benchValidateSession(doc);
    samples.push(process.hrtime.bigint() - t0);
  }
  const s = stats(samples);
  console.log(`\nRules engine: validateSession on S1 (${doc.targets.length} targets, ${cycles} cycles), ${runs} runs after 200 warm-up`);
  console.log(`p50 ${s.p50.toFixed(3)} ms, p99 ${s.p99.toFixed(3)} ms, mean ${s.mean.toFixed(3)} ms, max ${s.max.toFixed(3)} ms`);
  const file = path.join(ROOT, 'bench-report.json');
  const existing = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  const out = { ...existing, rules_full_session_p50_ms: s.p50, rules_full_session_p99_ms: s.p99, rules_full_session_runs: runs };
  fs.writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
  console.log(`Added rules_full_session_p99_ms to ${file}`);
}

benchRules();

// ── Exports of S1 (appended block) ──────────────────────────────────────────────────────────
// Each format of signed S1 rendered from its ExportSource, as the app and the CLI do. Median and
// p99 of repeated runs after a warm-up (the first PDF of the process parses its fonts).
// A signed version's PDF is kept in memory once rendered (electron/main/export/pdfCache.ts) and
// is rendered right after signing, so:
// - export_fhir_ms / export_hl7_ms: a signed session whose PDF is already rendered (the usual case);
// - export_fhir_cold_ms / export_hl7_cold_ms: its PDF not yet rendered (e.g. a record signed
//   before CryoLog was started), which includes laying out the PDF;
// - export_pdf_ms: the PDF laid out every time (the cache emptied before each run): the longest
//   the main thread is held by an export of S1; export_pdf_long_ms the same for a long session
//   (3 targets of 30 cycles, a 400-word note), the worst case measured.
import { renderExport as benchRenderExport } from '../../electron/main/export/render';
import { clearPdfCache as benchClearPdfCache } from '../../electron/main/export/pdfCache';
import { fixtureSource as benchFixtureSource } from '../helpers/exportSource';
import { longSessionSource as benchLongSessionSource } from '../helpers/longSession';
import type { FileFormat } from '../../shared/export/formats';

function benchExports(): void {
  const runs = Number(process.env.BENCH_EXPORT_RUNS ?? 50);
  const source = benchFixtureSource('S1');
  const long = benchLongSessionSource();
  const cold = benchClearPdfCache;
  const warm = () => {};
  const cases: [string, FileFormat, string, () => void, typeof source][] = [
    ['text', 'text', 'export_text_ms', warm, source],
    ['pdf (laid out)', 'pdf', 'export_pdf_ms', cold, source],
    ['pdf long (laid out)', 'pdf', 'export_pdf_long_ms', cold, long],
    ['fhir', 'fhir', 'export_fhir_ms', warm, source],
    ['fhir (cold)', 'fhir', 'export_fhir_cold_ms', cold, source],
    ['hl7v2', 'hl7v2', 'export_hl7_ms', warm, source],
    ['hl7v2 (cold)', 'hl7v2', 'export_hl7_cold_ms', cold, source],
    ['csv', 'csv', 'export_csv_ms', warm, source],
    ['json', 'json', 'export_json_ms', warm, source],
    ['aftercare-pdf', 'aftercare-pdf', 'export_aftercare_pdf_ms', warm, source],
  ];
  const figures: Record<string, number> = {};
  console.log(`\nExports of S1 (3 targets, 9 cycles), median and p99 of ${runs} runs after 5 warm-up`);
  for (const [label, format, key, before, from] of cases) {
    for (let i = 0; i < 5; i++) {
      before();
      benchRenderExport(from, format, { csvByteOrderMark: true });
    }
    const samples: bigint[] = [];
    let bytes = 0;
    for (let i = 0; i < runs; i++) {
      before();
      const t0 = process.hrtime.bigint();
      bytes = benchRenderExport(from, format, { csvByteOrderMark: true }).bytes.length;
      samples.push(process.hrtime.bigint() - t0);
    }
    const s = stats(samples);
    figures[key] = s.p50;
    figures[`${key.replace(/_ms$/, '')}_p99_ms`] = s.p99;
    console.log(`${label.padEnd(20)} p50 ${s.p50.toFixed(2).padStart(7)} ms  p99 ${s.p99.toFixed(2).padStart(7)} ms  ${String(bytes).padStart(7)} bytes`);
  }
  const file = path.join(ROOT, 'bench-report.json');
  const existing = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  fs.writeFileSync(file, `${JSON.stringify({ ...existing, ...figures, export_runs: runs }, null, 2)}\n`);
  console.log(`Added the export figures to ${file}`);
}

benchExports();

// ── Renderer bundle (appended block) ────────────────────────────────────────────────────────
// The JavaScript the window loads, as built by `npm run bench` (electron-vite build) just before.
function benchBundle(): void {
  const assets = path.join(ROOT, 'out', 'renderer', 'assets');
  const bytes = fs
    .readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .reduce((sum, f) => sum + fs.statSync(path.join(assets, f)).size, 0);
  const bundleKb = Math.round((bytes / 1024) * 10) / 10;
  // What the window loads before its first screen: the entry script and its modulepreloads
  // (the other screens are chunks fetched later).
  const html = fs.readFileSync(path.join(ROOT, 'out', 'renderer', 'index.html'), 'utf8');
  const first = [...html.matchAll(/(?:src|href)="\.\/assets\/([^"]+\.js)"/g)].map((m) => m[1]!);
  const firstKb = Math.round((first.reduce((sum, f) => sum + fs.statSync(path.join(assets, f)).size, 0) / 1024) * 10) / 10;
  console.log(`\nRenderer JavaScript: ${bundleKb} KiB in all (out/renderer/assets/*.js), ${firstKb} KiB before the first screen`);
  const file = path.join(ROOT, 'bench-report.json');
  const existing = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  fs.writeFileSync(file, `${JSON.stringify({ ...existing, bundle_kb: bundleKb, bundle_first_screen_kb: firstKb }, null, 2)}\n`);
}

benchBundle();

// ── At scale (appended block): list, search, history and opening on ten years of records ─────
function benchScale(): void {
  const file = path.join(ROOT, 'bench-report.json');
  const figures = benchAtScale();
  const existing = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  fs.writeFileSync(file, `${JSON.stringify({ ...existing, ...figures }, null, 2)}\n`);
  console.log(`Added the figures at scale to ${file}`);
}

if (process.env.BENCH_SCALE !== 'off') benchScale();

// ── Note search at scale (appended block): full-text search, migration 8's cost and size ───
import { benchTextSearch } from './textSearch';

function benchNoteSearch(): void {
  const file = path.join(ROOT, 'bench-report.json');
  const figures = benchTextSearch();
  const existing = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  fs.writeFileSync(file, `${JSON.stringify({ ...existing, ...figures }, null, 2)}\n`);
  console.log(`Added the note-search figures to ${file}`);
}

if (process.env.BENCH_SCALE !== 'off') benchNoteSearch();

// ── Bulk CSV at scale (appended block): the whole synthetic clinic through the app's bulk job ─
// Awaited (benchInOrder below): the event loop must turn between steps for main_block_bulk_ms to
// mean anything, and no other block may run (and block the loop) while the export runs.
async function benchBulk(): Promise<void> {
  const file = path.join(ROOT, 'bench-report.json');
  const figures = await benchBulkCsv();
  const existing = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  fs.writeFileSync(file, `${JSON.stringify({ ...existing, ...figures }, null, 2)}\n`);
  console.log(`Added the bulk CSV figures to ${file}`);
}

// ── Install (appended block): a fresh npm ci into an empty folder (BENCH_INSTALL=off to skip) ──
import { benchInstall } from './install';

function benchInstallBlock(): void {
  const file = path.join(ROOT, 'bench-report.json');
  const existing = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  fs.writeFileSync(file, `${JSON.stringify({ ...existing, ...benchInstall(ROOT) }, null, 2)}\n`);
}

// ── Start and main-thread blocks at scale (appended block): the open with the integrity check
// in the background, the check's time in its worker, the longest main-thread block while
// starting, checking, backing up and listing (tests/bench/startupAtScale.ts).
async function benchStartup(): Promise<void> {
  const file = path.join(ROOT, 'bench-report.json');
  const figures = await benchStartupAtScale();
  const existing = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  fs.writeFileSync(file, `${JSON.stringify({ ...existing, ...figures }, null, 2)}\n`);
  console.log(`Added the start and main-thread figures to ${file}`);
}

// ── Renderer at scale (appended block): the session list against a bare React page, its heap ──
import { benchRenderer } from './renderer';

async function benchRendererBlock(): Promise<void> {
  const file = path.join(ROOT, 'bench-report.json');
  const figures = await benchRenderer();
  const existing = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  fs.writeFileSync(file, `${JSON.stringify({ ...existing, ...figures }, null, 2)}\n`);
  console.log(`Added the renderer figures to ${file}`);
}

// ── Signed PDFs prepared off the main thread (appended block): main_block_pdf_ms ──────────────
// 20 sign-offs, their PDFs laid out in the PDF worker, against the same laid out on the main thread.
import { benchPdfPrerender } from './pdfPrerender';

async function benchPdfBlocks(): Promise<void> {
  const file = path.join(ROOT, 'bench-report.json');
  const figures = await benchPdfPrerender();
  const existing = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  fs.writeFileSync(file, `${JSON.stringify({ ...existing, ...figures }, null, 2)}\n`);
  console.log(`Added the PDF main-thread figures to ${file}`);
}

// ── The blocks that wait on the event loop, one after another, after every block above ──────
// (tsx runs this file as CommonJS, so there is no top-level await.) One at a time: a block that
// blocks the loop (npm ci's spawnSync) must never run while another measures the loop.
async function benchInOrder(): Promise<void> {
  await benchPdfBlocks();
  if (process.env.BENCH_SCALE !== 'off') await benchStartup();
  if (process.env.BENCH_SCALE !== 'off') await benchBulk();
  if (process.env.BENCH_SCALE !== 'off') await benchRendererBlock();
  if (process.env.BENCH_INSTALL !== 'off') benchInstallBlock();
  mainBlockOverall();
}

/** main_block_max_ms over every phase measured (start, check, backup, list, bulk export, PDFs). */
function mainBlockOverall(): void {
  const file = path.join(ROOT, 'bench-report.json');
  const existing = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  const phases = ['main_block_start_ms', 'main_block_backup_ms', 'main_block_list_ms', 'main_block_bulk_ms', 'main_block_pdf_ms'].filter((k) => typeof existing[k] === 'number');
  if (phases.length === 0) return;
  const worst = Math.max(...phases.map((k) => existing[k] as number));
  console.log(`\nLongest main-thread block over ${phases.join(', ')}: ${worst} ms`);
  fs.writeFileSync(file, `${JSON.stringify({ ...existing, main_block_max_ms: worst, main_block_phases: phases.length }, null, 2)}\n`);
}

benchInOrder().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
