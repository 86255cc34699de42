// Builds the app with electron-vite when an output the tests read is missing or older than its
// sources. Never starts Electron: `electron-vite build` reads only electron/package.json.
// Test files run in parallel workers, so the build is serialised with a lock directory.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../..');
export const PRELOAD_OUTPUT = path.join(REPO_ROOT, 'out/preload/index.js');
export const RENDERER_HTML_OUTPUT = path.join(REPO_ROOT, 'out/renderer/index.html');
export const MAIN_OUTPUT = path.join(REPO_ROOT, 'out/main/index.js');
export const CLI_OUTPUT = path.join(REPO_ROOT, 'out/main/cli.js');

const BUILD_INPUTS: Record<string, string[]> = {
  [PRELOAD_OUTPUT]: ['electron/preload', 'shared/ipc/channels.ts', 'electron.config.ts'],
  [RENDERER_HTML_OUTPUT]: ['renderer/index.html', 'shared/security/csp.ts', 'electron.config.ts'],
  [MAIN_OUTPUT]: ['electron/main', 'shared', 'electron.config.ts'],
  [CLI_OUTPUT]: ['electron/cli', 'electron/main', 'shared', 'electron.config.ts'],
};

const LOCK_DIR = path.join(tmpdir(), `cryolog-build-${createHash('sha256').update(REPO_ROOT).digest('hex').slice(0, 12)}.lock`);
const LOCK_STALE_MS = 180_000;

function newestMtime(entry: string): number {
  const full = path.join(REPO_ROOT, entry);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(full).reduce((newest, name) => Math.max(newest, newestMtime(path.join(entry, name))), stat.mtimeMs);
}

function isFresh(output: string): boolean {
  if (!existsSync(output)) return false;
  const built = statSync(output).mtimeMs;
  return (BUILD_INPUTS[output] ?? []).every((input) => newestMtime(input) <= built);
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function withLock<T>(work: () => T): T {
  const deadline = Date.now() + LOCK_STALE_MS;
  for (;;) {
    try {
      mkdirSync(LOCK_DIR);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      try {
        if (Date.now() - statSync(LOCK_DIR).mtimeMs > LOCK_STALE_MS) rmSync(LOCK_DIR, { recursive: true, force: true });
      } catch {
        // released meanwhile
      }
      if (Date.now() > deadline) throw new Error(`Timed out waiting for the build lock ${LOCK_DIR}`, { cause: error });
      sleep(200);
    }
  }
  try {
    return work();
  } finally {
    rmSync(LOCK_DIR, { recursive: true, force: true });
  }
}

/** Runs `electron-vite build --config electron.config.ts` unless every listed output is fresh. */
export function ensureBuild(outputs: readonly string[]): void {
  if (outputs.every(isFresh)) return;
  withLock(() => {
    if (outputs.every(isFresh)) return; // another worker built it while we waited
    const cli = path.join(REPO_ROOT, 'node_modules/electron-vite/bin/electron-vite.js');
    if (!existsSync(cli)) throw new Error(`electron-vite is not installed (${cli}); run npm ci`);
    try {
      execFileSync(process.execPath, [cli, 'build', '--config', 'electron.config.ts'], {
        cwd: REPO_ROOT,
        stdio: 'pipe',
        timeout: 120_000,
      });
    } catch (error) {
      const e = error as { stdout?: Buffer; stderr?: Buffer };
      throw new Error(`electron-vite build failed:\n${e.stdout?.toString() ?? ''}\n${e.stderr?.toString() ?? ''}`, { cause: error });
    }
  });
  for (const output of outputs) if (!existsSync(output)) throw new Error(`The build did not produce ${output}`);
}
