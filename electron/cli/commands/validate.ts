import { validateSession } from '../../../shared/domain/rules';
import { EXIT, type ExitCode } from '../exitCodes';
import type { Io } from '../io';
import { readSessionFile } from '../sessionFile';

/** `cryolog validate <file>`: the report as JSON on stdout; exit 1 on a hard error. */
export function runValidate(file: string, io: Io): ExitCode {
  const read = readSessionFile(file, 'validate');
  if (!read.ok) {
    io.err(read.message);
    return EXIT.usage;
  }
  const report = validateSession(read.document);
  io.out(`${JSON.stringify(report, null, 2)}\n`);
  return report.hasHardError ? EXIT.failed : EXIT.ok;
}
