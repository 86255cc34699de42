// Finds the Electron executable the way node_modules/electron/index.js does, but without
// calling require('electron'): that require starts a download when the binary is missing,
// and on our machines the download always fails (engineering.md).
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../..');

export type ElectronBinary =
  | { available: true; executablePath: string }
  | { available: false; expectedPath: string; reason: string };

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * node_modules/electron/path.txt names the executable relative to dist/ (e.g. "electron" on
 * Linux, "Electron.app/Contents/MacOS/Electron" on macOS); $ELECTRON_OVERRIDE_DIST_PATH
 * replaces dist/ when set, exactly as the electron package itself resolves it.
 */
export function findElectronBinary(root: string = REPO_ROOT, env: NodeJS.ProcessEnv = process.env): ElectronBinary {
  const packageDir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;

  const distDir = override ? path.resolve(override) : path.join(packageDir, 'dist');
  const expectedPath = path.join(distDir, relative || defaultExecutableName());
  if (isFile(expectedPath)) return { available: true, executablePath: expectedPath };

  const shown = path.relative(root, expectedPath).startsWith('..') ? expectedPath : path.relative(root, expectedPath);
  const why = !override && !relative ? '; node_modules/electron/path.txt is missing, so the binary was never downloaded' : '';
  return {
    available: false,
    expectedPath,
    reason: `Electron binary not present (${shown}${why}): the real window cannot start on this machine`,
  };
}

function defaultExecutableName(): string {
  if (process.platform === 'win32') return 'electron.exe';
  if (process.platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  return 'electron';
}
