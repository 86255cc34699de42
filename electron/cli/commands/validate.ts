import fs from 'node:fs';
import type { z } from 'zod';
import { SessionDocument } from '../../../shared/domain/model';
import { validateSession } from '../../../shared/domain/rules';
import { EXIT, type ExitCode } from '../exitCodes';
import type { Io } from '../io';

const MAX_ISSUES_SHOWN = 20;

/** `cryolog validate <file>`: the report as JSON on stdout; exit 1 on a hard error. */
export function runValidate(file: string, io: Io): ExitCode {
  const read = readJson(file);
  if (!read.ok) {
    io.err(read.message);
    return EXIT.usage;
  }
  const parsed = SessionDocument.safeParse(read.value);
  if (!parsed.success) {
    io.err(notASessionMessage(file, parsed.error));
    return EXIT.usage;
  }
  const report = validateSession(parsed.data);
  io.out(`${JSON.stringify(report, null, 2)}\n`);
  return report.hasHardError ? EXIT.failed : EXIT.ok;
}

function readJson(file: string): { ok: true; value: unknown } | { ok: false; message: string } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'there is no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (error as Error).message;
    return { ok: false, message: `cryolog validate: cannot read "${file}": ${why}. Check the path and that this user may read the file.` };
  }
  try {
    // Editors on Windows may save with a byte-order mark, which JSON.parse rejects.
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch (error) {
    return {
      ok: false,
      message: `cryolog validate: "${file}" is not JSON (${(error as Error).message}). Give a session file as CryoLog writes it (a JSON document with "format": "cryolog.session").`,
    };
  }
}

function notASessionMessage(file: string, error: z.ZodError): string {
  const lines = error.issues.slice(0, MAX_ISSUES_SHOWN).map((i) => `  - ${issuePath(i.path) || '(the whole document)'}: ${i.message}`);
  if (error.issues.length > MAX_ISSUES_SHOWN) lines.push(`  - ... and ${error.issues.length - MAX_ISSUES_SHOWN} more`);
  const header = error.issues.some((i) => i.path[0] === 'format' || i.path[0] === 'formatVersion')
    ? `cryolog validate: "${file}" is not a CryoLog session document (version 1), or was written by a newer CryoLog:`
    : `cryolog validate: "${file}" is not a valid CryoLog session document:`;
  return [header, ...lines, 'Fix the fields listed, or export the session again from CryoLog.'].join('\n');
}

/** ["targets", 0, "cycles", 1, "tipTempC"] -> "targets[0].cycles[1].tipTempC" */
function issuePath(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`)).join('');
}
