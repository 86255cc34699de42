import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/ensureBuild';

interface PackageJson {
  main?: string;
  type?: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as PackageJson;
const allDeps = { ...pkg.dependencies, ...pkg.devDependencies, ...pkg.optionalDependencies, ...pkg.peerDependencies };

function major(range: string): number {
  const match = /(\d+)/.exec(range.replace(/^[\^~>=<\s]+/, ''));
  return match ? Number(match[1]) : NaN;
}

// Electron security #16 and the "no remote module" extra.
describe('package.json', () => {
  it('#16 requires a current Electron (major >= 45), and that is what is installed', () => {
    const range = allDeps.electron;
    expect(range, 'electron is a dependency').toBeDefined();
    expect(major(range ?? '')).toBeGreaterThanOrEqual(45);
    const installed = JSON.parse(readFileSync(path.join(REPO_ROOT, 'node_modules/electron/package.json'), 'utf8')) as { version: string };
    expect(major(installed.version)).toBeGreaterThanOrEqual(45);
  });

  it('has no @electron/remote (nor the old remote module)', () => {
    expect(Object.keys(allDeps)).not.toContain('@electron/remote');
    expect(Object.keys(allDeps)).not.toContain('electron-remote');
  });

  it('keeps the CommonJS output a sandboxed preload needs, with main pointing at the build', () => {
    expect(pkg.type).not.toBe('module');
    expect(pkg.main).toBe('./out/main/index.js');
  });
});

// Which module may import what is ESLint's job (eslint.config.mjs, proven by
// tests/unit/lintBoundaries.test.ts). These checks cover what an import rule cannot see.
function sourceFiles(dir: string): string[] {
  const full = path.join(REPO_ROOT, dir);
  return readdirSync(full).flatMap((name) => {
    const rel = path.posix.join(dir, name);
    if (statSync(path.join(REPO_ROOT, rel)).isDirectory()) return sourceFiles(rel);
    return /\.(ts|tsx|mts|cts)$/.test(name) && !name.endsWith('.d.ts') ? [rel] : [];
  });
}

const SOURCES = [...sourceFiles('electron'), ...sourceFiles('shared'), ...sourceFiles('renderer')];
const text = (file: string) => readFileSync(path.join(REPO_ROOT, file), 'utf8');
/** The code without comments (roughly: enough that a comment naming an API is not a use of it). */
const code = (file: string) =>
  text(file)
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`\w])\/\/.*$/gm, '$1');

describe('import boundaries', () => {
  it('finds the sources it checks', () => {
    expect(SOURCES).toContain('electron/main/app/index.ts');
    expect(SOURCES).toContain('electron/preload/index.ts');
  });

  it('uses ipcMain only in electron/main/app/ipc.ts (Electron security #17)', () => {
    const users = SOURCES.filter((f) => /\bipcMain\s*\./.test(code(f)) || /\{[^}]*\bipcMain\b[^}]*\}\s*from\s*['"]electron['"]/.test(code(f)));
    expect(users).toEqual(['electron/main/app/ipc.ts']);
  });

  it('never switches a security preference off in the sources', () => {
    const weakening = /\b(contextIsolation|sandbox|webSecurity)\s*:\s*false\b|\b(nodeIntegration\w*|allowRunningInsecureContent|experimentalFeatures|webviewTag)\s*:\s*true\b|enableBlinkFeatures/;
    expect(SOURCES.filter((f) => weakening.test(code(f)))).toEqual([]);
  });
});
