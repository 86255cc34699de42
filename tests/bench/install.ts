// install_s: a fresh `npm ci` of this package.json and package-lock.json into an empty temp
// folder, as CI and a newcomer's first command do. It uses the machine's npm cache as it is
// (downloads only what the cache lacks), which is what a second install on the same machine
// costs; BENCH_INSTALL_COLD=1 gives npm an empty cache of its own, so every package comes
// from the registry (needs the network, and measures the network as much as npm).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function benchInstall(root: string): Record<string, number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cryolog-bench-install-'));
  const cold = process.env.BENCH_INSTALL_COLD === '1';
  try {
    for (const file of ['package.json', 'package-lock.json']) fs.copyFileSync(path.join(root, file), path.join(dir, file));
    const args = ['ci', '--no-audit', '--no-fund', ...(cold ? ['--cache', path.join(dir, '.npm-cache')] : [])];
    const t0 = performance.now();
    // As a fresh terminal: without the npm_* variables `npm run bench` sets, and without the
    // NODE_ENV=production that Vite's build (the renderer block) leaves in this process: under it
    // npm ci skipped every devDependency (28 packages in 3.5 s instead of the lock file's 239).
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith('npm_') && name !== 'NODE_ENV'));
    const run = spawnSync('npm', args, { cwd: dir, encoding: 'utf8', env: { ...env, CI: 'true' } });
    const seconds = (performance.now() - t0) / 1000;
    if (run.status !== 0) throw new Error(`npm ci failed (exit ${String(run.status)}): ${run.stderr.slice(-2000)}`);
    const modules = fs.readdirSync(path.join(dir, 'node_modules')).length;
    // A whole install has every direct dependency (a partial one once passed for 3.5 s).
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
    const missing = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).filter((name) => !fs.existsSync(path.join(dir, 'node_modules', name, 'package.json')));
    if (missing.length > 0) throw new Error(`npm ci did not install ${missing.join(', ')}: not a whole install.`);
    console.log(`\nFresh npm ci (${cold ? 'empty cache: every package from the registry' : "the machine's npm cache"}): ${seconds.toFixed(1)} s, ${modules} top-level entries in node_modules`);
    return { install_s: Math.round(seconds * 10) / 10, install_cold_cache: cold ? 1 : 0 };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
