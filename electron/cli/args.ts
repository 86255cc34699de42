// Command-line parsing: argv in, one Command or a message saying how to fix the line out.
// No library: four commands and a handful of options do not justify a dependency.
import { AFTERCARE_FORMATS, BULK_FORMATS, EXPORT_FORMATS, type BulkFormat, type FileFormat } from '../../shared/export/formats';

export type ExportFormat = FileFormat;
const CLI_FORMATS: readonly string[] = [...EXPORT_FORMATS, ...AFTERCARE_FORMATS];

export type Command =
  | { kind: 'help'; requested: boolean }
  | { kind: 'version' }
  | { kind: 'validate'; file: string }
  | { kind: 'export'; sessionId: string; format: ExportFormat; db?: string; out?: string; recordVersion?: number }
  | { kind: 'export-file'; inFile: string; format: ExportFormat; out?: string }
  | { kind: 'export-bulk'; from: string; to: string; format: BulkFormat; outFolder: string; db?: string }
  | { kind: 'import'; file: string; db?: string }
  | { kind: 'verify'; db?: string }
  | { kind: 'backup'; db?: string; to?: string }
  | { kind: 'restore'; file: string; db?: string }
  | { kind: 'reset-pin'; username: string; db?: string };

export type ParseResult = { ok: true; command: Command } | { ok: false; message: string };

const COMMAND_OPTIONS = {
  validate: [],
  export: ['--format', '--db', '--out', '--in', '--from', '--to', '--record-version'],
  import: ['--db'],
  verify: ['--db'],
  backup: ['--db', '--to'],
  restore: ['--db'],
  'reset-pin': ['--db'],
} as const satisfies Record<string, readonly string[]>;
type CommandName = keyof typeof COMMAND_OPTIONS;
const ALL_OPTIONS: ReadonlySet<string> = new Set(Object.values(COMMAND_OPTIONS).flat());

const HELP_HINT = 'Run "cryolog --help" for the commands and options.';
const COMMANDS_ARE = 'The commands are "validate", "export", "import", "verify", "backup", "restore" and "reset-pin".';
const bad = (message: string): ParseResult => ({ ok: false, message: `cryolog: ${message}\n${HELP_HINT}` });

function isCommandName(word: string): word is CommandName {
  return Object.hasOwn(COMMAND_OPTIONS, word);
}

export function parseArgs(argv: readonly string[]): ParseResult {
  // No arguments at all is a usage error (a script that lost its arguments), not a help request.
  if (argv.length === 0) return { ok: true, command: { kind: 'help', requested: false } };
  const endOfOptions = argv.indexOf('--');
  const optionPart = endOfOptions === -1 ? argv : argv.slice(0, endOfOptions);
  if (optionPart.includes('--help') || optionPart.includes('-h')) return { ok: true, command: { kind: 'help', requested: true } };
  if (optionPart.includes('--version') || optionPart.includes('-V')) return { ok: true, command: { kind: 'version' } };

  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (i === endOfOptions) {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    if (!ALL_OPTIONS.has(name)) return bad(`unknown option "${name}". The options are ${[...ALL_OPTIONS].join(', ')} (for export, import, verify, backup, restore and reset-pin), --help and --version.`);
    let value: string | undefined;
    if (eq !== -1) value = arg.slice(eq + 1);
    else if (i + 1 < argv.length && !(argv[i + 1] as string).startsWith('--')) value = argv[++i];
    if (!value) return bad(`${name} needs a value, for example ${example(name)}.`);
    if (options.has(name)) return bad(`${name} is given twice; give it once.`);
    options.set(name, value);
  }

  const [commandWord, ...operands] = positional;
  if (commandWord === undefined) return bad(`no command given. ${COMMANDS_ARE}`);
  if (!isCommandName(commandWord)) return bad(`unknown command "${commandWord}". ${COMMANDS_ARE}`);
  const allowed: readonly string[] = COMMAND_OPTIONS[commandWord];
  for (const name of options.keys()) {
    if (!allowed.includes(name)) {
      return bad(`${name} is not an option of "${commandWord}"${allowed.length === 0 ? ' (it takes no options)' : ` (its options are ${allowed.join(', ')})`}.`);
    }
  }
  switch (commandWord) {
    case 'validate':
      return parseValidate(operands);
    case 'export':
      return parseExport(operands, options);
    case 'import':
      return parseImport(operands, options);
    case 'verify':
      return parseVerify(operands, options);
    case 'backup':
      return parseBackup(operands, options);
    case 'restore':
      return parseRestore(operands, options);
    case 'reset-pin':
      return parseResetPin(operands, options);
  }
}

function parseResetPin(operands: string[], options: Map<string, string>): ParseResult {
  const [username, ...extra] = operands;
  if (username === undefined) return bad('reset-pin needs the user name, for example: cryolog reset-pin ada.example --db /path/to/cryolog.sqlite < new-pin.txt');
  if (extra.length > 0) return bad(`reset-pin takes one user name; remove ${extra.map((e) => `"${e}"`).join(', ')} (the new PIN is read from standard input, never from the command line).`);
  const db = options.get('--db');
  return { ok: true, command: { kind: 'reset-pin', username, ...(db !== undefined && { db }) } };
}

function parseValidate(operands: string[]): ParseResult {
  const [file, ...extra] = operands;
  if (file === undefined) return bad('validate needs the session file to check, for example: cryolog validate session.json');
  if (extra.length > 0) return bad(`validate checks one file at a time; remove ${extra.map((e) => `"${e}"`).join(', ')}.`);
  return { ok: true, command: { kind: 'validate', file } };
}

function parseImport(operands: string[], options: Map<string, string>): ParseResult {
  const [file, ...extra] = operands;
  if (file === undefined) return bad('import needs the session file to import, for example: cryolog import session.json --db /path/to/cryolog.sqlite');
  if (extra.length > 0) return bad(`import reads one file at a time; remove ${extra.map((e) => `"${e}"`).join(', ')}.`);
  const db = options.get('--db');
  return { ok: true, command: { kind: 'import', file, ...(db !== undefined && { db }) } };
}

function parseVerify(operands: string[], options: Map<string, string>): ParseResult {
  if (operands.length > 0) return bad(`verify checks the database's audit trail and takes no other arguments; remove ${operands.map((e) => `"${e}"`).join(', ')} (give the database with --db <file>).`);
  const db = options.get('--db');
  return { ok: true, command: { kind: 'verify', ...(db !== undefined && { db }) } };
}

function parseBackup(operands: string[], options: Map<string, string>): ParseResult {
  if (operands.length > 0) return bad(`backup takes no other arguments; remove ${operands.map((e) => `"${e}"`).join(', ')} (give the folder with --to <folder>).`);
  const db = options.get('--db');
  const to = options.get('--to');
  return { ok: true, command: { kind: 'backup', ...(db !== undefined && { db }), ...(to !== undefined && { to }) } };
}

function parseRestore(operands: string[], options: Map<string, string>): ParseResult {
  const [file, ...extra] = operands;
  if (file === undefined) return bad('restore needs the backup file, for example: cryolog restore cryolog-20261124-091000-manual.sqlite --db /path/to/cryolog.sqlite');
  if (extra.length > 0) return bad(`restore takes one backup file; remove ${extra.map((e) => `"${e}"`).join(', ')}.`);
  const db = options.get('--db');
  return { ok: true, command: { kind: 'restore', file, ...(db !== undefined && { db }) } };
}

function parseExport(operands: string[], options: Map<string, string>): ParseResult {
  const [sessionId, ...extra] = operands;
  const inFile = options.get('--in');
  const from = options.get('--from');
  const to = options.get('--to');
  const bulk = from !== undefined || to !== undefined;
  const ways = [sessionId !== undefined, inFile !== undefined, bulk].filter(Boolean).length;
  if (ways === 0) return bad('export needs what to export: a session ID (cryolog export <session-id> --format pdf --out note.pdf), a session file (--in session.json), or a date range (--from 2026-01-01 --to 2026-03-31).');
  if (ways > 1) return bad('export takes one of: a session ID, --in <session.json>, or --from/--to; give only one.');
  if (extra.length > 0) return bad(`export takes one session ID; remove ${extra.map((e) => `"${e}"`).join(', ')}.`);
  const format = options.get('--format');
  const allowed = bulk ? (BULK_FORMATS as readonly string[]) : CLI_FORMATS;
  const formats = allowed.map((f) => `--format ${f}`).join(', ');
  if (format === undefined) return bad(`export needs the output format: add ${formats}.`);
  if (!allowed.includes(format)) return bad(`${bulk ? 'a date-range export writes csv or json, not' : 'unknown export format'} "${format}"; use ${formats}.`);
  const db = options.get('--db');
  const out = options.get('--out');
  const version = options.get('--record-version');
  if (bulk) {
    if (from === undefined || to === undefined) return bad('a date-range export needs both --from <date> and --to <date>, for example --from 2026-01-01 --to 2026-03-31.');
    for (const [name, value] of [['--from', from], ['--to', to]] as const) {
      if (!isIsoDate(value)) return bad(`${name} "${value}" is not a date; write it as YYYY-MM-DD, for example 2026-03-31.`);
    }
    if (from > to) return bad(`--from ${from} is after --to ${to}; swap them.`);
    if (out === undefined) return bad('a date-range export needs --out <folder>, the folder the file is written to.');
    if (version !== undefined) return bad('--record-version applies to one session, not to a date range.');
    return { ok: true, command: { kind: 'export-bulk', from, to, format: format as BulkFormat, outFolder: out, ...(db !== undefined && { db }) } };
  }
  if (isBinary(format) && out === undefined) return bad(`a ${format} file cannot be written to the terminal; add --out <file>.`);
  if (inFile !== undefined) {
    if (db !== undefined) return bad('--in exports a session file without a database; remove --db.');
    if (version !== undefined) return bad('--in exports the session file as it is; remove --record-version.');
    return { ok: true, command: { kind: 'export-file', inFile, format: format as ExportFormat, ...(out !== undefined && { out }) } };
  }
  let recordVersion: number | undefined;
  if (version !== undefined) {
    recordVersion = Number(version);
    if (!/^\d{1,5}$/.test(version) || recordVersion < 1) return bad(`--record-version "${version}" is not a version number; give 1 for the first signed version, 2 after one amendment, and so on.`);
  }
  return {
    ok: true,
    command: { kind: 'export', sessionId: sessionId!, format: format as ExportFormat, ...(db !== undefined && { db }), ...(out !== undefined && { out }), ...(recordVersion !== undefined && { recordVersion }) },
  };
}

function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

function isBinary(format: string): boolean {
  return format === 'pdf' || format.startsWith('aftercare');
}


function example(option: string): string {
  switch (option) {
    case '--format':
      return '--format text';
    case '--db':
      return '--db /path/to/cryolog.sqlite';
    default:
      return `${option} summary.txt`;
  }
}
