// `npm test`: type-check, lint, build, unit + integration tests (vitest, Node) and browser
// tests (Playwright, system Chromium), then one closing line that sums every runner:
// "N passed, N failed, N skipped". Type-check, lint and build count as one check each.
// It exits non-zero if anything failed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

const REPORTS = '.test-reports';
const total: Tally = { passed: 0, failed: 0, skipped: 0 };
const lines: string[] = [];

function run(command: string, args: string[]): boolean {
  console.log(`\n▶ ${command} ${args.join(' ')}`);
  const r = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  return r.status === 0;
}

function check(name: string, command: string, args: string[]): boolean {
  const ok = run(command, args);
  total[ok ? 'passed' : 'failed'] += 1;
  lines.push(`${name}: ${ok ? 'passed' : 'FAILED'}`);
  return ok;
}

function readJson(file: string): Record<string, unknown> | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return null;
  }
}

function addRunner(name: string, exitOk: boolean, tally: Tally | null): void {
  if (!tally) {
    total.failed += 1;
    lines.push(`${name}: no report (runner crashed?)`);
    return;
  }
  // A runner that exits non-zero without a failed test (a crash after the tests, an error
  // outside a test) still fails the run.
  if (!exitOk && tally.failed === 0) tally.failed = 1;
  total.passed += tally.passed;
  total.failed += tally.failed;
  total.skipped += tally.skipped;
  lines.push(`${name}: ${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped`);
}

fs.rmSync(REPORTS, { recursive: true, force: true });
fs.mkdirSync(REPORTS, { recursive: true });

for (const project of ['tsconfig.json', 'shared', 'electron', 'renderer', 'tests']) {
  check(`type-check ${project}`, 'tsc', ['-p', project]);
}
check('lint', 'eslint', ['--max-warnings', '0', '.']);
const built = check('build', 'electron-vite', ['build', '--config', 'electron.config.ts']);

const vitestFile = path.join(REPORTS, 'vitest.json');
const vitestOk = run('vitest', ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestFile}`]);
const v = readJson(vitestFile);
addRunner(
  'vitest (unit + integration)',
  vitestOk,
  v && { passed: Number(v.numPassedTests), failed: Number(v.numFailedTests), skipped: Number(v.numPendingTests) + Number(v.numTodoTests) },
);

if (built) {
  const playwrightOk = run('playwright', ['test']);
  const p = readJson(path.join(REPORTS, 'playwright.json'));
  const stats = (p?.stats ?? null) as { expected: number; unexpected: number; flaky: number; skipped: number } | null;
  addRunner('playwright (browser + electron)', playwrightOk, stats && { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped });
} else {
  addRunner('playwright (browser + electron)', false, { passed: 0, failed: 1, skipped: 0 });
  lines.push('  (not run: the build failed)');
}

console.log('\n── Summary ──');
for (const l of lines) console.log(l);
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed === 0 ? 0 : 1);
