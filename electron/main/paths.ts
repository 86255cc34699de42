import path from 'node:path';

export const APP_NAME = 'CryoLog';
export const DB_FILE_NAME = 'cryolog.sqlite';

/**
 * Electron's `app.getPath('userData')` worked out without Electron, so that the `cryolog`
 * command finds the app's own database: appData (per platform) joined with the product name.
 * The Electron shell uses the real app.getPath; a unit test keeps the two rules in step.
 */
export function defaultUserDataDir(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string {
  if (platform === 'win32') return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', APP_NAME);
  return path.posix.join(env.XDG_CONFIG_HOME || path.posix.join(home, '.config'), APP_NAME);
}

/** The database file: CRYOLOG_DB overrides the default (IT scripts, tests, a second site). */
export function defaultDbPath(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string {
  if (env.CRYOLOG_DB) return env.CRYOLOG_DB;
  const dir = defaultUserDataDir(platform, env, home);
  return platform === 'win32' ? path.win32.join(dir, DB_FILE_NAME) : path.posix.join(dir, DB_FILE_NAME);
}
