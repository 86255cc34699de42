import type { StartupStatus } from '../../shared/ipc/contract';
import type { DbOpenError } from './db/errors';

// What the user reads when the database cannot be used: what happened, and what to do.
// Never a blank window, and never a silent fresh database in place of the real one.
const SCREENS: Record<DbOpenError['problem'], { title: string; whatToDo: string }> = {
  DB_CORRUPT: {
    title: 'The record database is damaged',
    whatToDo:
      'Do not delete the file. Call IT and ask them to restore it from the latest backup; ' +
      'meanwhile record today\u2019s session on paper.',
  },
  DB_FROM_NEWER_VERSION: {
    title: 'This database needs a newer CryoLog',
    whatToDo: 'Another, newer version of CryoLog has used this database. Install that version (ask IT); this older one will not change it.',
  },
  DB_CANNOT_OPEN: {
    title: 'The record database cannot be opened',
    whatToDo: 'Check that the disk is not full and that you may write to the folder shown below, then restart CryoLog. If it happens again, call IT.',
  },
  DB_UNSAFE_SETTINGS: {
    title: 'The database cannot guarantee safe saving',
    whatToDo: 'CryoLog will not take entries it cannot save safely. Restart CryoLog; if this screen comes back, call IT.',
  },
  DB_MIGRATION_FAILED: {
    title: 'The database could not be updated',
    whatToDo: 'Nothing was changed and your records are intact. Restart CryoLog; if this screen comes back, call IT and quote the message below.',
  },
  DB_READ_ONLY: {
    title: 'The record database is read-only',
    whatToDo:
      'CryoLog can only work on a file it can save to. Ask IT to give your account write access to the file and its folder shown below, then restart CryoLog. ' +
      'Meanwhile record today\u2019s session on paper.',
  },
  DB_JOURNAL_WITHOUT_DATABASE: {
    title: 'The record file is missing',
    whatToDo:
      'Do not delete anything in that folder. If you know where the file went, close CryoLog and put it back under the name shown below; ' +
      'otherwise call IT and ask them to restore it from the latest backup. Meanwhile record today\u2019s session on paper.',
  },
  DB_JOURNAL_MISSING: {
    title: 'The latest saves may be missing',
    whatToDo:
      'Close CryoLog. Find the file named below (the old computer or folder, or the sync tool\u2019s conflict files) and put it back beside the database, then restart CryoLog. ' +
      'If it cannot be found, call IT and ask them to restore the latest backup, and check the last sessions against your paper notes.',
  },
  DB_JOURNAL_MISMATCH: {
    title: 'The record database has a journal that does not belong to it',
    whatToDo:
      'Do not delete anything. Call IT: they should move the journal named below out of the folder (keeping it), or restore the latest backup. ' +
      'Meanwhile record today\u2019s session on paper.',
  },
};

export function startupProblemScreen(error: DbOpenError, dbPath: string): StartupStatus {
  const screen = SCREENS[error.problem];
  return { state: 'failed', problem: error.problem, title: screen.title, message: error.message, whatToDo: screen.whatToDo, dbPath };
}
