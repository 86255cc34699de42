// Command-line parsing: argv in, one Command or a message saying how to fix the line out.
// No library: three commands and three options do not justify a dependency.
import { EXPORT_FORMATS } from '../../shared/ipc/contract';

export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type Command =
  | { kind: 'help'; requested: boolean }
  | { kind: 'version' }
  | { kind: 'validate'; file: string }
  | { kind: 'export'; sessionId: string; format: ExportFormat; db?: string; out?: string }
  | { kind: 'import'; file: string; db?: string };

export type ParseResult = { ok: true; command: Command } | { ok: false; message: string };

const COMMAND_OPTIONS = { validate: [], export: ['--format', '--db', '--out'], import: ['--db'] } as const satisfies Record<string, readonly string[]>;
type CommandName = keyof typeof COMMAND_OPTIONS;
const ALL_OPTIONS: ReadonlySet<string> = new Set(Object.values(COMMAND_OPTIONS).flat());

const HELP_HINT = 'Run "cryolog --help" for the commands and options.';
const COMMANDS_ARE = 'The commands are "validate", "export" and "import".';
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
    if (!ALL_OPTIONS.has(name)) return bad(`unknown option "${name}". The options are ${[...ALL_OPTIONS].join(', ')} (for export and import), --help and --version.`);
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
  }
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

function parseExport(operands: string[], options: Map<string, string>): ParseResult {
  const [sessionId, ...extra] = operands;
  if (sessionId === undefined) return bad('export needs the session ID, for example: cryolog export <session-id> --format text');
  if (extra.length > 0) return bad(`export takes one session ID; remove ${extra.map((e) => `"${e}"`).join(', ')}.`);
  const format = options.get('--format');
  const formats = EXPORT_FORMATS.map((f) => `--format ${f}`).join(' or ');
  if (format === undefined) return bad(`export needs the output format: add ${formats}.`);
  if (!isExportFormat(format)) return bad(`unknown export format "${format}"; use ${formats}.`);
  const db = options.get('--db');
  const out = options.get('--out');
  return { ok: true, command: { kind: 'export', sessionId, format, ...(db !== undefined && { db }), ...(out !== undefined && { out }) } };
}

function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
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
