// Who is using this window, held in the main process (never trusted from the window): signed
// in, locked (the screen waits for the same person, or another user, to sign in; drafts are
// saved as always, so nothing is lost), or signed out. Every check reads the account again,
// so a deactivation or a role change takes effect on the next request.
import type { Ctx } from '../context';
import type { DB } from '../db/types';
import type { Account, AuthState } from '../../../shared/ipc/authContract';
import { AppError } from '../ipc/appError';
import { appendAudit, setAuditActor } from '../db/repos/audit';
import { clearFailedAttempts, countAccounts, findAccount, findAccountForSignIn, recordFailedAttempt } from '../db/repos/accounts';
import { verifySecret } from './secretHash';
import { readAutoLock } from './authSettings';
import { DEFAULT_AUTO_LOCK_MINUTES, HOLD_AFTER_FAILURES_MINUTES, MAIN_PROCESS_LOCK_GRACE_MINUTES, MAX_FAILED_ATTEMPTS } from '../../../shared/auth/policy';
import { DEFAULT_HASH_COST } from './secretHash';

export interface AuthSession {
  /** Signed in and not locked. */
  userId: string | null;
  /** Locked: whose screen it is. */
  lockedUserId: string | null;
  /** When someone last used the window, on the monotonic clock below. */
  lastActivityMs: number;
  /**
   * Idle time is measured on a monotonic clock (performance.now), not the wall clock: a clock
   * change (summer time, a corrected clock) must neither lock nor unlock the screen.
   */
  monotonicMs: () => number;
  /** scrypt cost (log2 N) for new hashes. */
  hashCost: number;
  /**
   * The service's idle time, read at sign-in and whenever the window reads the state (saving it
   * refreshes the state): the idle check runs on every request, the autosave's included, so it
   * must not read and parse a setting each time.
   */
  autoLockMinutes: number;
}

export function newAuthSession(options: { hashCost?: number; monotonicMs?: () => number } = {}): AuthSession {
  const monotonicMs = options.monotonicMs ?? (() => performance.now());
  return { userId: null, lockedUserId: null, lastActivityMs: monotonicMs(), monotonicMs, hashCost: options.hashCost ?? DEFAULT_HASH_COST, autoLockMinutes: DEFAULT_AUTO_LOCK_MINUTES };
}

/** How the audit trail names a person: the name on their signature and the account it belongs to. */
export function actorLabel(account: Pick<Account, 'displayName' | 'username'>): string {
  return `${account.displayName} (${account.username})`;
}

export const NOT_SIGNED_IN_ACTOR = '(not signed in)';

function db(ctx: Ctx): DB {
  if (!ctx.db) throw new AppError('DB_UNAVAILABLE', 'The record database is not open, so nobody can sign in. Restart CryoLog; if it happens again, call IT.');
  return ctx.db;
}

function session(ctx: Ctx): AuthSession {
  if (!ctx.auth) throw new AppError('FORBIDDEN', 'Sign-in is not used here (command line).');
  return ctx.auth;
}

/** The signed-in account, or null (signed out, locked, or the account was deactivated meanwhile). */
export function signedInAccount(ctx: Ctx): Account | null {
  const auth = ctx.auth;
  if (!auth?.userId || !ctx.db) return null;
  const account = findAccount(ctx.db, auth.userId);
  return account?.active ? account : null;
}

export function requireSignedIn(ctx: Ctx): Account {
  const account = signedInAccount(ctx);
  if (!account) throw new AppError('SIGNED_OUT', signedOutMessage(ctx));
  return account;
}

export function signedOutMessage(ctx: Ctx): string {
  return ctx.auth?.lockedUserId
    ? 'CryoLog is locked. Sign in again to go on; what you were entering is still on screen.'
    : 'Nobody is signed in. Sign in to use CryoLog.';
}

/** Who to name in the audit trail and on settings for the change being made. */
export function currentActor(ctx: Ctx): string {
  if (!ctx.auth) return ctx.systemActor ?? 'system';
  return actorLabel(requireSignedIn(ctx));
}

export function readAuthState(ctx: Ctx): AuthState {
  const database = db(ctx);
  const auth = session(ctx);
  const lockedAccount = auth.lockedUserId ? findAccount(database, auth.lockedUserId) : null;
  const autoLock = readAutoLock(database, ctx.log);
  auth.autoLockMinutes = autoLock.minutes;
  return {
    accountsExist: countAccounts(database) > 0,
    user: signedInAccount(ctx),
    lockedBy: lockedAccount?.active ? { username: lockedAccount.username, displayName: lockedAccount.displayName, secretKind: lockedAccount.secretKind } : null,
    autoLockMinutes: autoLock.minutes,
    autoLockUpdatedBy: autoLock.updatedBy,
  };
}

function auditAuthEvent(ctx: Ctx, accountId: string, event: string): void {
  appendAudit(db(ctx), { at: ctx.clock.now().toISOString(), action: 'create', entity: 'sign-in', entityId: accountId, sessionId: null, newValue: { event } });
}

/** Starts a signed-in session for the account (after its secret was checked, or on first run). */
export function beginSignedIn(ctx: Ctx, account: Account): void {
  const auth = session(ctx);
  auth.userId = account.id;
  auth.lockedUserId = null;
  auth.lastActivityMs = auth.monotonicMs();
  auth.autoLockMinutes = readAutoLock(db(ctx), ctx.log).minutes;
  setAuditActor(db(ctx), actorLabel(account));
}

function endSignedIn(ctx: Ctx, lockedUserId: string | null): void {
  const auth = session(ctx);
  auth.userId = null;
  auth.lockedUserId = lockedUserId;
  setAuditActor(db(ctx), NOT_SIGNED_IN_ACTOR);
}

/**
 * Checks a PIN or password for an account, counting wrong ones: after MAX_FAILED_ATTEMPTS in a
 * row the account is held for HOLD_AFTER_FAILURES_MINUTES (a 6-digit PIN cannot be guessed at
 * 5 tries per 5 minutes). A held account is not checked at all, so waiting is the only way on
 * (or an administrator's reset). Throws SIGN_IN_FAILED with what to do.
 */
function checkSecret(ctx: Ctx, username: string, secret: string): Account {
  const database = db(ctx);
  const stored = findAccountForSignIn(database, username);
  if (!stored || !stored.account.active) {
    throw new AppError('SIGN_IN_FAILED', 'There is no active account with that user name. Check the spelling, or ask an administrator.');
  }
  const { account } = stored;
  const now = ctx.clock.now();
  if (account.heldUntil && new Date(account.heldUntil) > now) {
    throw new AppError('SIGN_IN_FAILED', heldMessage(account, ctx));
  }
  if (verifySecret(secret, stored.secretHash)) {
    database.transaction(() => clearFailedAttempts(database, account.id))();
    return account;
  }
  const failures = (account.heldUntil ? 0 : stored.failedAttempts) + 1;
  const held = failures >= MAX_FAILED_ATTEMPTS;
  const heldUntil = held ? new Date(now.getTime() + HOLD_AFTER_FAILURES_MINUTES * 60_000).toISOString() : null;
  database.transaction(() => {
    recordFailedAttempt(database, account.id, held ? 0 : failures, heldUntil);
    auditAuthEvent(ctx, account.id, held ? `wrong ${kindWord(account)}; held for ${HOLD_AFTER_FAILURES_MINUTES} minutes` : `wrong ${kindWord(account)}`);
  })();
  if (held) throw new AppError('SIGN_IN_FAILED', heldMessage({ ...account, heldUntil }, ctx));
  const left = MAX_FAILED_ATTEMPTS - failures;
  throw new AppError('SIGN_IN_FAILED', `That ${kindWord(account)} is not right. ${left} ${left === 1 ? 'try' : 'tries'} left before the account is held for ${HOLD_AFTER_FAILURES_MINUTES} minutes.`);
}

function kindWord(account: Pick<Account, 'secretKind'>): string {
  return account.secretKind === 'pin' ? 'PIN' : 'password';
}

function heldMessage(account: Pick<Account, 'heldUntil' | 'secretKind'>, ctx: Ctx): string {
  const until = new Date(account.heldUntil!);
  const local = new Date(until.getTime() + ctx.clock.offsetMinutes(until) * 60_000).toISOString().slice(11, 16);
  return `Too many wrong tries: this account is held until ${local}. Another user can sign in meanwhile, or an administrator can set a new ${kindWord(account)}.`;
}

export function signIn(ctx: Ctx, username: string, secret: string): AuthState {
  const account = checkSecret(ctx, username, secret);
  const wasLockedBy = session(ctx).lockedUserId;
  beginSignedIn(ctx, account);
  db(ctx).transaction(() => auditAuthEvent(ctx, account.id, wasLockedBy === account.id ? 'unlocked' : 'signed in'))();
  return readAuthState(ctx);
}

/** The PIN or password asked again at a moment that matters (signing a record). */
export function confirmSecret(ctx: Ctx, secret: string): Account {
  const account = requireSignedIn(ctx);
  try {
    return checkSecret(ctx, account.username, secret);
  } catch (error) {
    // Held by this very attempt: the screen locks too, so the next person sees the sign-in screen.
    if (findAccount(db(ctx), account.id)?.heldUntil) endSignedIn(ctx, account.id);
    throw error;
  }
}

export function lockScreen(ctx: Ctx, reason: 'idle' | 'button'): AuthState {
  const auth = session(ctx);
  const userId = auth.userId;
  if (userId) {
    db(ctx).transaction(() => auditAuthEvent(ctx, userId, reason === 'idle' ? 'locked (no use)' : 'locked'))();
    endSignedIn(ctx, userId);
  }
  return readAuthState(ctx);
}

export function signOut(ctx: Ctx): AuthState {
  const auth = session(ctx);
  if (auth.userId) db(ctx).transaction(() => auditAuthEvent(ctx, auth.userId!, 'signed out'))();
  endSignedIn(ctx, null);
  return readAuthState(ctx);
}

/**
 * The main process's backstop behind the window's idle timer: a window that stopped reporting
 * use (or a compromised one) is locked all the same, a little later than the window would.
 */
export function lockIfIdle(ctx: Ctx): void {
  const auth = ctx.auth;
  if (!auth?.userId || !ctx.db) return;
  const limitMs = (auth.autoLockMinutes + MAIN_PROCESS_LOCK_GRACE_MINUTES) * 60_000;
  if (auth.monotonicMs() - auth.lastActivityMs > limitMs) lockScreen(ctx, 'idle');
}

export function noteActivity(ctx: Ctx): void {
  if (ctx.auth) ctx.auth.lastActivityMs = ctx.auth.monotonicMs();
}
