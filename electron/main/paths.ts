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

/**
 * The database file inside a user-data folder, unless CRYOLOG_DB names another (IT scripts,
 * tests, a second site). The app and the CLI both resolve it here, so they agree.
 */
export function dbPathIn(userDataDir: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string {
  if (env.CRYOLOG_DB) return env.CRYOLOG_DB;
  return platform === 'win32' ? path.win32.join(userDataDir, DB_FILE_NAME) : path.posix.join(userDataDir, DB_FILE_NAME);
}

/** The app's own database as the CLI finds it, without Electron. */
export function defaultDbPath(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string {
  return dbPathIn(defaultUserDataDir(platform, env, home), env, platform);
}
