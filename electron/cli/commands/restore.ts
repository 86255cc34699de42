import fs from 'node:fs';
import { restoreBackup, RestoreError } from '../../main/backup/restoreBackup';
import { countsText } from '../../main/backup/recordCounts';
import type { Command } from '../args';
import { locateDb } from '../dbLocation';
import { EXIT, type ExitCode } from '../exitCodes';
import type { Io } from '../io';
import { progressLines } from './progress';

type RestoreCommand = Extract<Command, { kind: 'restore' }>;

/**
 * `cryolog restore <file> [--db <file>]`: checks the backup (quick_check, a CryoLog database,
 * a schema this version knows), keeps the current database aside as
 * <db>.before-restore-<time>, then puts the backup in its place. CryoLog must be closed.
 * stdout: where the replaced database was kept. Exit 0 restored, 1 refused (the backup failed
 * its check, or the database is in use; nothing changed), 2 no such backup file.
 */
export async function runRestoreCommand(command: RestoreCommand, io: Io, env: NodeJS.ProcessEnv): Promise<ExitCode> {
  if (!isFile(command.file)) {
    io.err(`cryolog restore: there is no backup file at ${command.file}.`);
    return EXIT.usage;
  }
  const location = locateDb(command.db, env);
  try {
    const result = await restoreBackup(location.path, command.file, { now: () => new Date(), onProgress: progressLines(io, 'restore') });
    io.err(`cryolog restore: restored ${command.file} (${countsText(result.check)}, schema ${result.check.schemaVersion}) to ${location.path}.`);
    io.out(result.keptAside ? `The database before the restore is kept at ${result.keptAside}\n` : `There was no database at ${location.path}; nothing was kept aside.\n`);
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof RestoreError)) throw error;
    io.err(`cryolog restore: ${error.message}`);
    return EXIT.failed;
  }
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
