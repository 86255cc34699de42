import fs from 'node:fs';
import path from 'node:path';
import type { Res } from '../../../shared/ipc/contract';
import type { AppErrorData } from '../../../shared/ipc/result';
import { closeContext } from '../../main/context';
import { openCommandContext } from '../openDatabase';
import { dispatch } from '../../main/ipc/dispatch';
import type { Command } from '../args';
import { locateDb, missingDbProblem, type DbLocation } from '../dbLocation';
import { EXIT, type ExitCode } from '../exitCodes';
import type { Io } from '../io';
import { commandLogger } from '../logger';

type ExportCommand = Extract<Command, { kind: 'export' }>;

/** `cryolog export`: the same exportSession handler the app uses, on the app's database. */
export function runExport(command: ExportCommand, io: Io, env: NodeJS.ProcessEnv): ExitCode {
  const db = locateDb(command.db, env);
  const missing = missingDbProblem(db);
  if (missing) {
    io.err(missing);
    return EXIT.database;
  }
  const log = commandLogger(io);
  const { ctx, usable } = openCommandContext(db.path, io, log);
  try {
    if (!usable) return EXIT.database;
    const result = dispatch(ctx, 'exportSession', { sessionId: command.sessionId, format: command.format });
    if (!result.ok) {
      io.err(failureMessage(result.error, command.sessionId, db, log.details()));
      return EXIT.failed;
    }
    const { content } = result.data as Res<'exportSession'>;
    if (command.out === undefined) {
      io.out(content);
      return EXIT.ok;
    }
    return writeOut(command.out, content, io);
  } finally {
    closeContext(ctx);
  }
}

function failureMessage(error: AppErrorData, sessionId: string, db: DbLocation, details: string[]): string {
  // The handler's messages are written for the screen; add what someone at a terminal can do.
  switch (error.code) {
    case 'NOT_FOUND':
      return `cryolog: no session with ID ${sessionId} in ${db.path} [NOT_FOUND].\nCheck the ID (the "Session ID:" line of a summary) and that ${db.source === 'default' ? 'this is the right database (--db <file>)' : `${db.source} names the right database`}.`;
    case 'INVALID_PAYLOAD':
      return `cryolog: "${sessionId}" is not a session ID [INVALID_PAYLOAD: ${error.issues?.map((i) => `${i.path}: ${i.message}`).join('; ') ?? error.message}].\nA session ID looks like 3f1c2a4e-8b7d-4c3e-9a1b-2d4e6f8a0b1c; copy it from the "Session ID:" line of a summary.`;
    default:
      return [`cryolog: export failed [${error.code}]: ${error.message}`, ...details.map((d) => `Detail for IT: ${d}`)].join('\n');
  }
}

/** Writes beside the target and renames, so a script watching the folder never reads half a file. */
function writeOut(out: string, content: string, io: Io): ExitCode {
  const target = path.resolve(out);
  const temp = `${target}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temp, content, 'utf8');
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'its folder does not exist' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
    io.err(`cryolog: could not write ${target}: ${why}. Choose a file in an existing folder this user may write to (--out <file>).`);
    return EXIT.failed;
  }
  io.err(`cryolog: summary written to ${target}`);
  return EXIT.ok;
}
