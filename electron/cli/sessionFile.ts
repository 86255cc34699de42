// Reading a session file (docs/session-format.md) for `cryolog validate` and `cryolog import`:
// every way it can be unusable becomes one message naming the file, and the fields to fix
// with their paths as "targets[0].cycles[1].tipTempC".
import fs from 'node:fs';
import type { z } from 'zod';
import { SessionDocument } from '../../shared/domain/model';
import type { ErrorIssue } from '../../shared/ipc/result';

const MAX_ISSUES_SHOWN = 20;
/** Far above the largest document the schema's array limits allow; stops a wrong file early. */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

export type SessionFile = { ok: true; document: SessionDocument } | { ok: false; message: string };

/** Reads and checks a session file; `command` names the command in messages ("validate"). */
export function readSessionFile(file: string, command: string): SessionFile {
  const read = readJson(file, command);
  if (!read.ok) return read;
  const parsed = SessionDocument.safeParse(read.value);
  if (!parsed.success) return { ok: false, message: notASessionMessage(file, command, parsed.error) };
  return { ok: true, document: parsed.data };
}

function readJson(file: string, command: string): { ok: true; value: unknown } | { ok: false; message: string } {
  let text: string;
  try {
    if (fs.statSync(file).size > MAX_FILE_BYTES) {
      return { ok: false, message: `cryolog ${command}: "${file}" is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB, far larger than any session file. Check that it is the right file.` };
    }
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'there is no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (error as Error).message;
    return { ok: false, message: `cryolog ${command}: cannot read "${file}": ${why}. Check the path and that this user may read the file.` };
  }
  try {
    // Editors on Windows may save with a byte-order mark, which JSON.parse rejects.
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch (error) {
    return {
      ok: false,
      message: `cryolog ${command}: "${file}" is not JSON (${(error as Error).message}). Give a session file as CryoLog writes it (a JSON document with "format": "cryolog.session").`,
    };
  }
}

function notASessionMessage(file: string, command: string, error: z.ZodError): string {
  const header = error.issues.some((i) => i.path[0] === 'format' || i.path[0] === 'formatVersion')
    ? `cryolog ${command}: "${file}" is not a CryoLog session document (version 1), or was written by a newer CryoLog:`
    : `cryolog ${command}: "${file}" is not a valid CryoLog session document:`;
  return issueList(header, error.issues.map((i) => ({ path: issuePath(i.path), message: i.message })));
}

/** A header, then one "  - path: message" line per issue (at most 20), then what to do. */
export function issueList(header: string, issues: readonly ErrorIssue[]): string {
  const lines = issues.slice(0, MAX_ISSUES_SHOWN).map((i) => `  - ${i.path || '(the whole document)'}: ${i.message}`);
  if (issues.length > MAX_ISSUES_SHOWN) lines.push(`  - ... and ${issues.length - MAX_ISSUES_SHOWN} more`);
  return [header, ...lines, 'Fix the fields listed, or export the session again from CryoLog.'].join('\n');
}

/** ["targets", 0, "cycles", 1, "tipTempC"] -> "targets[0].cycles[1].tipTempC" */
function issuePath(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`)).join('');
}
