import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultDbPath } from '../main/paths';

export interface DbLocation {
  path: string;
  /** Where the path came from, so a problem message points at the thing to correct. */
  source: '--db' | 'CRYOLOG_DB' | 'default';
}

export function locateDb(dbOption: string | undefined, env: NodeJS.ProcessEnv): DbLocation {
  if (dbOption !== undefined) return { path: path.resolve(dbOption), source: '--db' };
  return { path: path.resolve(defaultDbPath(process.platform, env, os.homedir())), source: env.CRYOLOG_DB ? 'CRYOLOG_DB' : 'default' };
}

/**
 * Why the file cannot be used as an existing database, or null. Opening would otherwise create
 * an empty database (and its folder) in place of the one IT meant, and export "not found".
 */
export function missingDbProblem(location: DbLocation): string | null {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(location.path);
  } catch {
    return `cryolog: there is no database file at ${location.path}\n${fixFor(location)}`;
  }
  if (!stat.isFile()) return `cryolog: ${location.path} is a folder, not a database file.\n${fixFor(location)}`;
  return null;
}

function fixFor(location: DbLocation): string {
  switch (location.source) {
    case '--db':
      return 'Check the path given with --db: it must name an existing CryoLog database file (cryolog.sqlite). cryolog never creates one.';
    case 'CRYOLOG_DB':
      return 'The CRYOLOG_DB environment variable names that path: correct it or unset it, or give the database file with --db <file>.';
    case 'default':
      return (
        'That is where the CryoLog app keeps its database for this user; it is created the first time the app is opened. ' +
        'Run cryolog as the user who uses the app, or give the database file with --db <file> (or set CRYOLOG_DB).'
      );
  }
}
