import fs from 'node:fs';
import path from 'node:path';
import type { Res } from '../../../shared/ipc/contract';
import type { SessionDocument } from '../../../shared/domain/model';
import { formatNhsNumber, isValidNhsNumber } from '../../../shared/domain/nhsNumber';
import { closeContext } from '../../main/context';
import { openCommandContext } from '../openDatabase';
import { dispatch } from '../../main/ipc/dispatch';
import { documentReferenceProblems } from '../../main/db/repos/importSession';
import type { Command } from '../args';
import { locateDb, missingDbProblem, type DbLocation } from '../dbLocation';
import { EXIT, type ExitCode } from '../exitCodes';
import type { Io } from '../io';
import { commandLogger } from '../logger';
import { issueList, readSessionFile } from '../sessionFile';

type ImportCommand = Extract<Command, { kind: 'import' }>;

/**
 * `cryolog import <file> [--db <file>]`: the importSession handler the app uses. stdout gets
 * only the new session ID (its last line), so a script can take it; the rest goes to stderr.
 *
 * The file is checked before any database is touched. A database named by --db may be created
 * (a new, empty one, in an existing folder): naming a file explicitly is a deliberate choice,
 * for example to collect imported sessions. The app's default database and one named by
 * CRYOLOG_DB must already exist, as for export: a missing one means the wrong user or a stale
 * setting, and a new empty database there would hide the real one.
 */
export function runImport(command: ImportCommand, io: Io, env: NodeJS.ProcessEnv): ExitCode {
  const read = readSessionFile(command.file, 'import');
  if (!read.ok) {
    io.err(read.message);
    return EXIT.usage;
  }
  const doc = read.document;
  const problems = documentReferenceProblems(doc);
  if (problems.length > 0) {
    io.err(issueList(`cryolog import: the rows of "${command.file}" do not refer to each other correctly:`, problems));
    return EXIT.usage;
  }

  const db = locateDb(command.db, env);
  const missing = db.source === '--db' ? newDbProblem(db) : missingDbProblem(db);
  if (missing) {
    io.err(missing);
    return EXIT.database;
  }
  const created = !fs.existsSync(db.path);
  const log = commandLogger(io);
  const { ctx, usable } = openCommandContext(db.path, io, log);
  try {
    if (!usable) return EXIT.database;
    if (created) io.err(`cryolog: created a new CryoLog database at ${db.path}`);
    const result = dispatch(ctx, 'importSession', { document: doc });
    if (!result.ok) {
      const details = log.details().map((d) => `Detail for IT: ${d}`);
      io.err([`cryolog import: not imported [${result.error.code}]: ${result.error.message}`, ...details].join('\n'));
      return EXIT.failed;
    }
    const done = result.data as Res<'importSession'>;
    io.err(report(done, doc, command.file, db.path));
    io.out(`${done.sessionId}\n`);
    return EXIT.ok;
  } finally {
    closeContext(ctx);
  }
}

/** A --db path may name a file to create, but not a folder, nor a file in a folder that does not exist. */
function newDbProblem(db: DbLocation): string | null {
  if (fs.existsSync(db.path)) return fs.statSync(db.path).isFile() ? null : `cryolog: ${db.path} is a folder, not a database file. Give a file name with --db.`;
  const folder = path.dirname(db.path);
  if (fs.existsSync(folder) && fs.statSync(folder).isDirectory()) return null;
  return `cryolog: the folder ${folder} does not exist, so the database ${db.path} cannot be created there.\nCheck the path given with --db; cryolog creates a new database file only in an existing folder.`;
}

function report(done: Res<'importSession'>, doc: SessionDocument, file: string, dbPath: string): string {
  const p = doc.patient;
  const who = `${(p.familyName ?? '(no family name)').toLocaleUpperCase('en-GB')}, ${p.givenName ?? '(no given name)'}`;
  const lines = [`cryolog: imported ${file} into ${dbPath} as a new session.`];
  lines.push(
    done.patientMatched
      ? `Patient: the existing patient with NHS number ${formatNhsNumber(p.nhsNumber)} (${who}).`
      : `Patient: added as a new patient (${who}; ${!p.nhsNumber ? 'the file has no NHS number' : isValidNhsNumber(p.nhsNumber) ? `no patient here has NHS number ${formatNhsNumber(p.nhsNumber)}` : `NHS number ${formatNhsNumber(p.nhsNumber)} is not valid, so it is not used to match`}).`,
  );
  if (done.patientFieldsUpdated.length > 0) lines.push(`  Updated from the file: ${done.patientFieldsUpdated.join(', ')}.`);
  if (done.allergiesAdded > 0 && done.patientMatched) lines.push(`  Allergies added from the file: ${done.allergiesAdded}.`);
  for (const d of done.patientDifferences) {
    lines.push(`  Kept the database's ${d.field} (${JSON.stringify(d.database)}); the file says ${JSON.stringify(d.file)}. Correct the patient record in CryoLog if the file is right.`);
  }
  if (doc.session.status !== done.status) {
    lines.push(`Status: "${doc.session.status}" in the file, imported as "${done.status}" (CryoLog has no signing yet, so an imported record is not signed off).`);
  } else {
    lines.push(`Status: ${done.status}.`);
  }
  return lines.join('\n');
}
