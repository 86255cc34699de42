// Writes an export file so that nobody ever sees half of it: the bytes go to a hidden temporary
// file in the same folder, are flushed to disk, and only then renamed to the real name (a rename
// within one folder is atomic). A trust's integration engine polling a drop folder therefore
// sees either nothing or the whole file. An existing file is never replaced: a second export of
// the same version gets "_2", "_3" … so nothing already collected is changed under anyone's feet.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../ipc/appError';

export interface WrittenFile {
  path: string;
  bytes: number;
  sha256: string;
}

const MAX_SAME_NAME = 99;

// Who may read an export file on macOS and Linux (docs/security.md, "Export files"). Windows
// ignores these bits: there the folder's inherited ACL decides in both cases.
/** "Save as…" and the command line's --out: the clinician's (or IT's) own copy, for their account only. */
export const OWNER_ONLY_EXPORT_MODE = 0o600;
/**
 * The drop folder: the trust's integration engine collects the file under its own account, so
 * the folder decides who reads it. 0666 is only a request: the umask, or the folder's default
 * ACL where IT set one, narrows it; asking for 0600 would override what IT granted the engine.
 */
export const DROP_FOLDER_EXPORT_MODE = 0o666;

export function exportFileMode(destination: 'drop-folder' | 'save-dialog'): number {
  return destination === 'drop-folder' ? DROP_FOLDER_EXPORT_MODE : OWNER_ONLY_EXPORT_MODE;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Writes `bytes` as `fileName` in `folder` (or the next free "name_2.ext"); throws
 * EXPORT_WRITE_FAILED with what to do. `replace`: the clinician chose this exact file in the
 * save dialog, which already asked whether to replace it. `mode`: owner-only unless told
 * otherwise (see exportFileMode); the finished file keeps the temporary file's mode.
 */
export function writeFileAtomically(folder: string, fileName: string, bytes: Uint8Array, options: { replace?: boolean; mode?: number } = {}): WrittenFile {
  checkFolder(folder);
  const temp = path.join(folder, `.${fileName}.${process.pid}.${Date.now()}.tmp`);
  try {
    const fd = fs.openSync(temp, 'wx', options.mode ?? OWNER_ONLY_EXPORT_MODE);
    try {
      writeAll(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    const target = options.replace ? replaceWith(temp, path.join(folder, fileName)) : place(temp, folder, fileName);
    return { path: target, bytes: bytes.byteLength, sha256: sha256Hex(bytes) };
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw writeFailure(folder, error);
  }
}

/** Renames a finished temporary file (written and fsynced by the caller) to a free name beside it. */
export function publishFile(temp: string, folder: string, fileName: string): string {
  try {
    return place(temp, folder, fileName);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw writeFailure(folder, error);
  }
}

/**
 * write() may write less than asked when the disk fills (a short write, no error); only the
 * next write reports ENOSPC. Loop until every byte is written, so a full disk is an error and
 * never a truncated file reported as saved.
 */
export function writeAll(fd: number, bytes: Uint8Array): void {
  let offset = 0;
  while (offset < bytes.byteLength) offset += fs.writeSync(fd, bytes, offset, bytes.byteLength - offset);
}

function replaceWith(temp: string, target: string): string {
  fs.renameSync(temp, target);
  syncFolder(path.dirname(target));
  return target;
}

/** Gives the temporary file its real, free name; the temporary name is gone afterwards. */
function place(temp: string, folder: string, fileName: string): string {
  const target = freeName(folder, fileName);
  try {
    // link() refuses an existing target, where rename() would replace a file that appeared meanwhile.
    fs.linkSync(temp, target);
    fs.rmSync(temp, { force: true });
  } catch (error) {
    // Some shares (SMB, FAT) have no hard links: fall back to rename, the name was free a moment ago.
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
    fs.renameSync(temp, target);
  }
  syncFolder(folder);
  return target;
}

/** The name itself if free, else the next free "name_2.ext", "name_3.ext" …: a file is never replaced. */
export function freeName(folder: string, fileName: string): string {
  const ext = fileName.match(/(\.fhir\.json|\.[A-Za-z0-9]+)$/)?.[0] ?? '';
  const stem = fileName.slice(0, fileName.length - ext.length);
  for (let n = 1; n <= MAX_SAME_NAME; n++) {
    const candidate = path.join(folder, n === 1 ? fileName : `${stem}_${n}${ext}`);
    if (!fs.existsSync(candidate)) return candidate;
  }
  throw new AppError('EXPORT_WRITE_FAILED', `${MAX_SAME_NAME} files named ${fileName} already exist in ${folder}. Ask IT whether the integration engine is collecting files from this folder.`);
}

export function checkFolder(folder: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(folder);
  } catch (error) {
    throw writeFailure(folder, error);
  }
  if (!stat.isDirectory()) throw new AppError('EXPORT_WRITE_FAILED', `Not exported: ${folder} is a file, not a folder. Choose a folder in Settings → Exports.`);
}

/** A rename is durable only once the folder entry is on disk too (not possible on Windows; harmless to skip there). */
function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(folder, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Windows cannot open a folder for fsync; NTFS journals the rename itself.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

export function writeFailure(folder: string, error: unknown): AppError {
  if (error instanceof AppError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  const nothingLeft = 'No file was left behind.';
  switch (code) {
    case 'ENOENT':
      return new AppError('EXPORT_WRITE_FAILED', `Not exported: the folder ${folder} does not exist (or the network share is not connected). Connect the share or choose another folder in Settings → Exports. ${nothingLeft}`);
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new AppError('EXPORT_WRITE_FAILED', `Not exported: CryoLog may not write to ${folder} (read-only). Ask IT for write access, or choose another folder in Settings → Exports. ${nothingLeft}`);
    case 'ENOSPC':
    case 'EDQUOT':
      return new AppError('EXPORT_WRITE_FAILED', `Not exported: the disk holding ${folder} is full. Free some space or call IT, then export again. ${nothingLeft}`);
    case 'ENOTDIR':
      return new AppError('EXPORT_WRITE_FAILED', `Not exported: ${folder} is not a folder. Choose a folder in Settings → Exports. ${nothingLeft}`);
    default:
      return new AppError('EXPORT_WRITE_FAILED', `Not exported: writing to ${folder} failed (${code ?? (error as Error).message}). Try again, or call IT. ${nothingLeft}`);
  }
}
