// Loaded by index.ts only after the Node version check, because it pulls in the data layer.
import os from 'node:os';
import { defaultDbPath } from '../main/paths';
import { parseArgs } from './args';
import { runExport, runExportBulk, runExportFile } from './commands/export';
import { runImport } from './commands/import';
import { runValidate } from './commands/validate';
import { runVerify } from './commands/verify';
import { runBackupCommand } from './commands/backup';
import { runRestoreCommand } from './commands/restore';
import { runResetPin } from './commands/resetPin';
import { EXIT, type ExitCode } from './exitCodes';
import type { Io } from './io';
import { usage } from './usage';
import { appVersion } from './version';

/** Backup and restore answer a promise (the copy runs page by page); index.ts awaits either. */
export function run(argv: readonly string[], io: Io, env: NodeJS.ProcessEnv = process.env): ExitCode | Promise<ExitCode> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    io.err(parsed.message);
    return EXIT.usage;
  }
  const command = parsed.command;
  switch (command.kind) {
    case 'help': {
      const text = usage(defaultDbPath(process.platform, env, os.homedir()));
      if (command.requested) {
        io.out(text);
        return EXIT.ok;
      }
      io.err(text);
      return EXIT.usage;
    }
    case 'version':
      io.out(`${appVersion()}\n`);
      return EXIT.ok;
    case 'validate':
      return runValidate(command.file, io);
    case 'export':
      return runExport(command, io, env);
    case 'export-file':
      return runExportFile(command, io);
    case 'export-bulk':
      return runExportBulk(command, io, env);
    case 'import':
      return runImport(command, io, env);
    case 'verify':
      return runVerify(command, io, env);
    case 'backup':
      return runBackupCommand(command, io, env);
    case 'restore':
      return runRestoreCommand(command, io, env);
    case 'reset-pin':
      return runResetPin(command, io, env);
  }
}
