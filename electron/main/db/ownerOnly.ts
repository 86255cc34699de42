// Patient records must be readable by the signed-in OS account only (docs/security.md,
// "Owner-only files"). On POSIX that is mode 0700 for a folder CryoLog creates and 0600 for the
// database and every file beside it that holds records: SQLite's unix VFS creates `-wal`,
// `-shm` and `-journal` with the main file's own mode, so getting the main file right before
// SQLite first opens it covers them. A `VACUUM INTO` copy is a new main database to SQLite
// (created 0644 less the umask), so its file is made here first; VACUUM INTO accepts an empty
// target. The process umask is never changed: it is process-wide, and Chromium's threads
// create files at the same time.
//
// Windows: nothing to do here. Node's chmod only toggles the read-only bit there, and the
// per-user AppData folder's inherited ACL already admits only the user, SYSTEM and
// Administrators.
import fs from 'node:fs';
import path from 'node:path';

export const OWNER_ONLY_FOLDER_MODE = 0o700;
export const OWNER_ONLY_FILE_MODE = 0o600;

/** Group or other may read, write or enter: more open than owner-only. */
const OPEN_TO_OTHERS = 0o077;

/** A file that was open to others, for the log: narrowed to owner-only, or why it could not be. */
export interface TightenedFile {
  path: string;
  /** Permission bits before, e.g. 0o644. */
  was: number;
  /** Set when chmod failed (e.g. the file belongs to another account); the mode is unchanged. */
  failed?: string;
}

/** Whether this platform has POSIX permission bits worth setting. */
export function hasPosixModes(platform: NodeJS.Platform = process.platform): boolean {
  return platform !== 'win32';
}

export function modeText(mode: number): string {
  return `0${(mode & 0o777).toString(8).padStart(3, '0')}`;
}

/**
 * Before SQLite opens `file`: creates its folder owner-only if missing, creates the file
 * owner-only if missing, and narrows an existing database, its -wal/-shm/-journal and its
 * safety copies to owner-only. An existing folder is left as it is: CRYOLOG_DB may point into a
 * folder IT set up, or the home folder, which are not CryoLog's to change. Returns what was
 * narrowed. A file CryoLog cannot chmod (another owner) is reported by the caller's log, not
 * refused: records stay reachable.
 */
export function prepareOwnerOnlyDatabase(file: string, platform: NodeJS.Platform = process.platform): TightenedFile[] {
  const folder = path.dirname(file);
  if (!hasPosixModes(platform)) {
    fs.mkdirSync(folder, { recursive: true });
    return [];
  }
  makeOwnerOnlyFolder(folder);
  createOwnerOnlyFile(file);
  return [file, ...companionFiles(file)].flatMap((candidate) => {
    const result = tightenToOwnerOnly(candidate);
    return result ? [result] : [];
  });
}

/** Creates `folder` (and any missing parents) readable by the owner only; an existing one is untouched. */
function makeOwnerOnlyFolder(folder: string): void {
  const target = path.resolve(folder);
  const firstCreated = fs.mkdirSync(target, { recursive: true, mode: OWNER_ONLY_FOLDER_MODE });
  if (firstCreated === undefined) return;
  // mkdir's mode is masked by the umask; an odd one (0o277) must not lock the owner out.
  for (let dir = target; ; dir = path.dirname(dir)) {
    fs.chmodSync(dir, OWNER_ONLY_FOLDER_MODE);
    if (dir === firstCreated || path.dirname(dir) === dir) break;
  }
}

/**
 * Creates an empty file with mode 0600 if there is none. An existing file is not opened here
 * (a read-only database must still reach SQLite, which opens it read-only and says so).
 */
export function createOwnerOnlyFile(file: string): void {
  try {
    createNewOwnerOnlyFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

/** Creates an empty file with mode 0600; throws EEXIST if the name is taken. */
export function createNewOwnerOnlyFile(file: string): void {
  const fd = fs.openSync(file, 'wx', OWNER_ONLY_FILE_MODE);
  try {
    // The umask cannot widen 0600, but an odd one (0o277) could take the owner's write bit away.
    fs.fchmodSync(fd, OWNER_ONLY_FILE_MODE);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Narrows `file` to its owner's read/write bits (0600 at most) if group or others have any access. Null if it was already owner-only
 * or does not exist; a chmod that fails is reported, never thrown.
 */
export function tightenToOwnerOnly(file: string): TightenedFile | null {
  let was: number;
  try {
    was = fs.statSync(file).mode & 0o777;
  } catch {
    return null;
  }
  if ((was & OPEN_TO_OTHERS) === 0) return null;
  try {
    // Only takes access away: a file someone made read-only (0444) stays read-only (0400), and
    // the startup screen says so, rather than CryoLog quietly making it writable.
    fs.chmodSync(file, was & OWNER_ONLY_FILE_MODE);
    return { path: file, was };
  } catch (error) {
    return { path: file, was, failed: (error as NodeJS.ErrnoException).code ?? String(error) };
  }
}

/** The files SQLite and CryoLog keep beside the database: -wal, -shm, -journal and the pre-migration copies. */
export function companionFiles(file: string): string[] {
  const base = path.basename(file);
  const folder = path.dirname(file);
  const sqliteFiles = ['-wal', '-shm', '-journal'].map((suffix) => `${file}${suffix}`);
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    names = [];
  }
  const copies = names.filter((name) => name.startsWith(`${base}.pre-v`) && name.endsWith('.bak')).map((name) => path.join(folder, name));
  return [...sqliteFiles, ...copies];
}
