// Exit codes are part of the command's interface for scripts; `cryolog --help` lists them.
export const EXIT = {
  /** Done; for validate: no hard error. */
  ok: 0,
  /** validate: a hard error is present; export: the request failed (unknown session, ...); import: refused or failed; verify: the audit trail is broken; backup: not written or failed its check; restore: refused. */
  failed: 1,
  /** Wrong command line, unreadable or invalid input file (validate, import), or a Node.js that is too old. */
  usage: 2,
  /** The database file is missing or cannot be opened safely (verify: or its audit trail cannot be read). */
  database: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
