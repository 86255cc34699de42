import fs from 'node:fs';
import type { Account } from '../../../shared/ipc/authContract';
import { dispatch } from '../../main/ipc/dispatch';
import type { Command } from '../args';
import { EXIT, type ExitCode } from '../exitCodes';
import type { Io } from '../io';
import { withCommandDatabase } from '../openDatabase';

type ResetPinCommand = Extract<Command, { kind: 'reset-pin' }>;

/**
 * `cryolog reset-pin <user> [--db]`: the way back in when every administrator has forgotten
 * their PIN (a lost PIN must never mean lost records). IT runs it with the operating system's
 * own access to the file; it goes through the same channel and rules as the Accounts screen
 * and is audited as cli:<account>. The secret comes from stdin so it never shows in `ps`.
 */
export function runResetPin(command: ResetPinCommand, io: Io, env: NodeJS.ProcessEnv, readStdin: () => string = () => fs.readFileSync(0, 'utf8')): ExitCode {
  return withCommandDatabase(command.db, io, env, (ctx) => {
    let secret: string;
    try {
      secret = (readStdin().split(/\r?\n/)[0] ?? '').trim();
    } catch {
      secret = '';
    }
    if (!secret) {
      io.err('cryolog reset-pin: give the new PIN or password on standard input, for example: cryolog reset-pin ada.example < new-pin.txt');
      return EXIT.usage;
    }
    const accounts = dispatch(ctx, 'listAccounts', {});
    if (!accounts.ok) {
      io.err(`cryolog reset-pin: the accounts could not be read [${accounts.error.code}]: ${accounts.error.message}`);
      return EXIT.database;
    }
    const wanted = command.username.trim().toLowerCase();
    const account = (accounts.data as Account[]).find((a) => a.username === wanted);
    if (!account) {
      const names = (accounts.data as Account[]).map((a) => a.username).join(', ') || 'none';
      io.err(`cryolog reset-pin: there is no account "${wanted}". The accounts are: ${names}.`);
      return EXIT.failed;
    }
    const secretKind = /^\d+$/.test(secret) ? 'pin' : 'password';
    const reset = dispatch(ctx, 'resetAccountSecret', { id: account.id, next: { secretKind, secret } });
    if (!reset.ok) {
      const why = reset.error.issues?.map((i) => i.message).join(' ') || reset.error.message;
      io.err(`cryolog reset-pin: not changed: ${why}`);
      return EXIT.failed;
    }
    io.out(`New ${secretKind === 'pin' ? 'PIN' : 'password'} set for ${account.displayName} (${account.username})${account.active ? '' : ' (the account is deactivated: an administrator can reactivate it)'}; any hold after wrong tries is lifted.\n`);
    return EXIT.ok;
  });
}
