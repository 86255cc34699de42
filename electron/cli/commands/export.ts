import path from 'node:path';
import type { Command } from '../args';
import { systemClock } from '../../main/context';
import { withCommandDatabase } from '../openDatabase';
import type { DbLocation } from '../dbLocation';
import { EXIT, type ExitCode } from '../exitCodes';
import type { Io } from '../io';
import { readSessionFile, issueList } from '../sessionFile';
import { appVersion } from '../version';
import { AppError } from '../../main/ipc/appError';
import { loadAftercareSource, loadExportSource } from '../../main/export/sources';
import { renderExport } from '../../main/export/render';
import { readExportSettings } from '../../main/export/exportSettings';
import { writeFileAtomically } from '../../main/export/atomicWrite';
import { recordExport } from '../../main/export/exportLog';
import { sourceFromFile } from '../../main/export/fileSource';
import { exportBulkToFolder } from './exportBulk';
import { toLocalIsoWithOffset } from '../../../shared/domain/parse';
import { FORMAT_INFO } from '../../../shared/export/formats';
import { Id } from '../../../shared/domain/model';

type ExportCommand = Extract<Command, { kind: 'export' }>;
type FileCommand = Extract<Command, { kind: 'export-file' }>;
type BulkCommand = Extract<Command, { kind: 'export-bulk' }>;

const DEFAULT_CSV = { csvByteOrderMark: true };

/** `cryolog export <session-id>`: the same source and renderers as the app's export, on the app's database. */
export function runExport(command: ExportCommand, io: Io, env: NodeJS.ProcessEnv): ExitCode {
  if (!Id.safeParse(command.sessionId).success) {
    io.err(`cryolog: "${command.sessionId}" is not a session ID.\nA session ID looks like 3f1c2a4e-8b7d-4c3e-9a1b-2d4e6f8a0b1c; copy it from the "Session ID:" line of a summary.`);
    return EXIT.failed;
  }
  return withCommandDatabase(command.db, io, env, (ctx, db) => {
    const database = ctx.db!;
    const isAftercare = command.format.startsWith('aftercare');
    try {
      const source = isAftercare
        ? loadAftercareSource(ctx, database, command.sessionId)
        : loadExportSource(ctx, database, { sessionId: command.sessionId, format: command.format, version: command.recordVersion });
      const bytes = renderExport(source, command.format, readExportSettings(ctx, database).value).bytes;
      if (command.out === undefined) {
        io.out(bytes.toString('utf8'));
        return EXIT.ok;
      }
      const written = writeOut(command.out, bytes);
      database.transaction(() =>
        recordExport(database, ctx.newId(), command.sessionId, {
          at: ctx.clock.now().toISOString(),
          format: command.format,
          version: source.version,
          status: source.status,
          destination: 'command line',
          path: written.path,
          bytes: written.bytes,
          sha256: written.sha256,
        }),
      )();
      io.err(`cryolog: ${FORMAT_INFO[command.format].label} (${source.status}${source.version ? `, version ${source.version}` : ''}) written to ${written.path}\nsha256 ${written.sha256}`);
      return EXIT.ok;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      io.err(failureMessage(error, command.sessionId, db));
      return EXIT.failed;
    }
  });
}

/** `cryolog export --in <session.json>`: no database; signed files export as final, unsigned ones as preliminary. */
export function runExportFile(command: FileCommand, io: Io): ExitCode {
  const read = readSessionFile(command.inFile, 'export');
  if (!read.ok) {
    io.err(read.message);
    return EXIT.usage;
  }
  const now = systemClock.now();
  const made = sourceFromFile(read.document, command.format, { appVersion: appVersion(), generatedAt: toLocalIsoWithOffset(now, systemClock.offsetMinutes(now)) });
  if (!made.ok) {
    io.err(
      issueList(
        `cryolog export: "${command.inFile}" is not signed and has ${made.hardErrors.length} hard error(s), so it can only be exported as DRAFT text (--format text):`,
        made.hardErrors.map((e) => ({ path: e.ruleId, message: e.message })),
      ),
    );
    return EXIT.failed;
  }
  try {
    const bytes = renderExport(made.source, command.format, DEFAULT_CSV).bytes;
    if (command.out === undefined) {
      io.out(bytes.toString('utf8'));
      return EXIT.ok;
    }
    const written = writeOut(command.out, bytes);
    const marked = made.source.status === 'preliminary' ? ' PRELIMINARY (the file is not signed: for integration testing only)' : ` ${made.source.status}`;
    io.err(`cryolog: ${FORMAT_INFO[command.format].label},${marked}, written to ${written.path}\nsha256 ${written.sha256}`);
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    io.err(`cryolog: ${error.message}`);
    return EXIT.failed;
  }
}

/** `cryolog export --from --to`: every signed session of the range in one CSV or JSON file. */
export function runExportBulk(command: BulkCommand, io: Io, env: NodeJS.ProcessEnv): ExitCode {
  return withCommandDatabase(command.db, io, env, (ctx) => {
    try {
      const result = exportBulkToFolder(ctx, command, (done, total) => io.err(`cryolog: ${done} of ${total} sessions`));
      io.err(`cryolog: ${result.sessions} session(s), ${result.rows} row(s) written to ${result.path}\nsha256 ${result.sha256}`);
      return EXIT.ok;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      io.err(`cryolog: ${error.message}`);
      return EXIT.failed;
    }
  });
}

/** --out names the file exactly: it is replaced if it exists, atomically (never half-written). */
function writeOut(out: string, bytes: Buffer) {
  const target = path.resolve(out);
  return writeFileAtomically(path.dirname(target), path.basename(target), bytes, { replace: true });
}

function failureMessage(error: AppError, sessionId: string, db: DbLocation): string {
  // The handler's messages are written for the screen; add what someone at a terminal can do.
  switch (error.code) {
    case 'NOT_FOUND':
      return `cryolog: no session with ID ${sessionId} in ${db.path} [NOT_FOUND].\nCheck the ID (the "Session ID:" line of a summary) and that ${db.source === 'default' ? 'this is the right database (--db <file>)' : `${db.source} names the right database`}.`;
    case 'NOT_READY_TO_EXPORT':
      return `cryolog: ${error.message.replace('(the preview and Copy)', '(--format text)')} [NOT_READY_TO_EXPORT]`;
    default:
      return `cryolog: export failed [${error.code}]: ${error.message}`;
  }
}
