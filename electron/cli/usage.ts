import { EXIT } from './exitCodes';

/** The full help text; `defaultDb` is this user's default database, shown so IT can check it. */
export function usage(defaultDb: string): string {
  return `cryolog - command line for CryoLog, the offline record of cryoneurolysis sessions

Usage:
  cryolog validate <session.json>
  cryolog export <session-id> --format <format> [--out <file>] [--db <file>] [--record-version <n>]
  cryolog export --in <session.json> --format <format> [--out <file>]
  cryolog export --from <date> --to <date> --format csv|json --out <folder> [--db <file>]
  cryolog import <session.json> [--db <file>]
  cryolog verify [--db <file>]
  cryolog backup [--db <file>] [--to <folder>]
  cryolog restore <backup-file> [--db <file>]
  cryolog reset-pin <user-name> [--db <file>] < new-pin
  cryolog --help | -h
  cryolog --version | -V

Commands:
  validate <session.json>
      Check a session file (format "cryolog.session", version 1) against the
      CryoLog validation rules. Prints the report as JSON on stdout:
      {"sessionId", "hasHardError", "errors": [...], "warnings": [...]}.
  export <session-id>
      Export one session from the database, as the app does: its latest signed
      version (or --record-version <n>); a session never signed only as DRAFT
      text. The session ID is on the "Session ID:" line of every summary. Each
      export written with --out is recorded in the session's audit trail with
      its SHA-256 (also printed on stderr).
  export --in <session.json>
      Export a session file without a database. A file written by a signed
      JSON export exports as the signed record; an unsigned file with no hard
      error exports as PRELIMINARY (for integration testing: FHIR status,
      HL7 TXA-17 and a banner in text and PDF say so); an unsigned file with
      hard errors only as DRAFT text.
  export --from <date> --to <date>
      Every signed session that started in the date range (inclusive, dates as
      YYYY-MM-DD), one row per freeze cycle (csv) or one document per session
      (json), written to a new file in the --out folder.
  import <session.json>
      Add the session in a session file to the database, as a new session with
      new IDs, in one transaction. The patient is matched by NHS number (a valid
      number already in the database), else added; a patient whose name or date
      of birth differs from the file's is not touched and nothing is imported.
      A "completed" session is imported as "draft". The new session ID is the
      last line on stdout; what was done is reported on stderr. File format:
      docs/session-format.md and docs/session.schema.json.
  verify
      Check the whole audit trail: every entry carries a SHA-256 hash of its
      content chained to the entry before it, so an entry changed, removed,
      inserted or reordered outside CryoLog breaks the chain. Prints "Audit
      trail intact: N entries." and the latest entry's hash, or the first
      broken entry (when, who, what, and why the link fails).
  backup
      Copy the database while it may be in use (SQLite's online backup), check
      the copy in full (integrity_check, foreign_key_check, and the same
      number of patients, sessions and audit entries as the database), then
      name it cryolog-YYYYMMDD-HHMMSS+HHMM-manual.sqlite (local time and its
      UTC offset, readable by this account only) in --to <folder> or the app's
      backup folder (Settings → Backups; default: "backups" beside the
      database), and remove older backups the rotation no longer keeps (the
      newest of each of the last 7 local days and 4 weeks by default). A copy
      that fails its check is kept as <name>.failed-check for IT, never as a
      backup, and nothing is removed. Prints the backup's path; progress
      ("copied 40%") on stderr.
  restore <backup-file>
      Close CryoLog first (refused while any program has the database open).
      Check the backup (quick_check, a CryoLog database, a schema this version
      knows), copy it beside the database and check the copy in full
      (integrity_check), keep the current database aside as
      <database>.before-restore-<time>, then put the copy in its place.
      Prints where the replaced database was kept.
  reset-pin <user-name>
      For IT when nobody can sign in as an administrator: sets a new PIN (digits)
      or password for the account, read from the first line of standard input
      (never from the command line, which other users can see), and lifts a
      hold after wrong tries. The same rules as in the app; recorded in the
      audit trail as done by cli:<your account>. Tell the person in person.

Options (export, import, verify, backup, restore, reset-pin):
  --format <format>   export: required. text (paste-ready note), pdf, fhir
                      (FHIR R4 transaction Bundle), hl7v2 (MDM^T02), csv (one
                      row per freeze cycle), json (session file with its
                      signature), aftercare-pdf, aftercare-pdf-large (the
                      patient's aftercare sheet). pdf and aftercare need --out.
  --db <file>         The CryoLog database file. Default: the CRYOLOG_DB
                      environment variable if set, else this user's CryoLog
                      database: ${defaultDb}
                      export, verify and backup never create a database.
                      import creates a new one only at a --db path (in an
                      existing folder); the default and CRYOLOG_DB
                      databases must exist.
  --out <file>        Write to <file> (created or replaced, never half-written)
                      instead of stdout; the path written is reported on
                      stderr. With --from/--to: the folder to write into.
  --to <folder>       backup: the folder to write the backup into (it must
                      exist). export: the end of the date range.
  --record-version <n> Export signed version n (1 = first signature).

Options are also accepted as --name=value. Results go to stdout, messages to stderr.
Run with Node.js 22 or later ("npm run cryolog -- <arguments>" in the CryoLog folder).

Exit codes:
  ${EXIT.ok}  done (validate: no hard error)
  ${EXIT.failed}  validate: the session has a hard error; export: the export failed
     (for example no session with that ID); import: refused (the patient's
     identity differs from the database's) or failed; verify: the audit trail
     is broken; backup: no backup written, or the copy failed its check;
     restore: refused (the backup failed its check, or the database is in
     use), nothing changed
  ${EXIT.usage}  wrong command line (also when run without arguments), an input file
     that cannot be read or is not a session document (restore: no such
     backup file), or Node.js older than 22
  ${EXIT.database}  the database file is missing or cannot be opened safely (verify: or read)
`;
}
