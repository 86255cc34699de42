import type { AuditTrailCheck } from '../../../shared/ipc/contract';
import { dispatch } from '../../main/ipc/dispatch';
import type { Command } from '../args';
import { EXIT, type ExitCode } from '../exitCodes';
import type { Io } from '../io';
import { withCommandDatabase } from '../openDatabase';

type VerifyCommand = Extract<Command, { kind: 'verify' }>;

/**
 * `cryolog verify [--db <file>]`: checks the whole audit trail's hash chain through the same
 * channel an administrator screen uses. The verdict goes to stdout (it is the result); exit 0
 * when intact, 1 when broken, 3 when the database cannot be opened or read. Never creates a
 * database: a missing one is reported, as for export.
 */
export function runVerify(command: VerifyCommand, io: Io, env: NodeJS.ProcessEnv): ExitCode {
  return withCommandDatabase(command.db, io, env, (ctx, db, log) => {
    const result = dispatch(ctx, 'verifyAuditTrail', {});
    if (!result.ok) {
      const details = log.details().map((d) => `Detail for IT: ${d}`);
      io.err([`cryolog verify: the audit trail of ${db.path} could not be read [${result.error.code}]: ${result.error.message}`, ...details].join('\n'));
      return EXIT.database;
    }
    const check = result.data as AuditTrailCheck;
    io.out(verdict(check));
    return check.ok ? EXIT.ok : EXIT.failed;
  });
}

export function verdict(check: AuditTrailCheck): string {
  if (check.ok) {
    const count = `${check.entries} ${check.entries === 1 ? 'entry' : 'entries'}`;
    const latest = check.lastId === null ? '' : `Latest entry #${check.lastId}, hash ${check.lastHash}.\n`;
    return `Audit trail intact: ${count}.\n${latest}`;
  }
  const entry = check.at === null ? 'missing' : `${check.at}, ${check.who ?? 'unknown'}, ${check.what}`;
  return `Audit trail BROKEN at entry #${check.firstBrokenId} (${entry}): ${check.reason}. Entries before it are intact. Restore from a backup and call IT.\n`;
}
