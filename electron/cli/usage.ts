import { EXIT } from './exitCodes';

/** The full help text; `defaultDb` is this user's default database, shown so IT can check it. */
export function usage(defaultDb: string): string {
  return `cryolog - command line for CryoLog, the offline record of cryoneurolysis sessions

Usage:
  cryolog validate <session.json>
  cryolog export <session-id> --format text [--db <file>] [--out <file>]
  cryolog import <session.json> [--db <file>]
  cryolog --help | -h
  cryolog --version | -V

Commands:
  validate <session.json>
      Check a session file (format "cryolog.session", version 1) against the
      CryoLog validation rules. Prints the report as JSON on stdout:
      {"sessionId", "hasHardError", "errors": [...], "warnings": [...]}.
  export <session-id>
      Write the text summary of one session from the database. The session ID
      is on the "Session ID:" line of every summary.
  import <session.json>
      Add the session in a session file to the database, as a new session with
      new IDs, in one transaction. The patient is matched by NHS number (a valid
      number already in the database), else added; a patient whose name or date
      of birth differs from the file's is not touched and nothing is imported.
      A "completed" session is imported as "draft". The new session ID is the
      last line on stdout; what was done is reported on stderr. File format:
      docs/session-format.md and docs/session.schema.json.

Options (export, import):
  --format <format>   export: required. The only format is "text".
  --db <file>         The CryoLog database file. Default: the CRYOLOG_DB
                      environment variable if set, else this user's CryoLog
                      database: ${defaultDb}
                      export never creates a database. import creates a new
                      one only at a --db path (in an existing folder); the
                      default and CRYOLOG_DB databases must exist.
  --out <file>        Write the summary to <file> (created or replaced) instead
                      of stdout; the path written is reported on stderr.

Options are also accepted as --name=value. Results go to stdout, messages to stderr.
Run with Node.js 22 or later ("npm run cryolog -- <arguments>" in the CryoLog folder).

Exit codes:
  ${EXIT.ok}  done (validate: no hard error)
  ${EXIT.failed}  validate: the session has a hard error; export: the export failed
     (for example no session with that ID); import: refused (the patient's
     identity differs from the database's) or failed
  ${EXIT.usage}  wrong command line (also when run without arguments), an input file
     that cannot be read or is not a session document, or Node.js older than 22
  ${EXIT.database}  the database file is missing or cannot be opened safely
`;
}
