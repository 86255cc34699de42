import type { Handler } from './index';
import type { Ctx } from '../context';
import { requireDb, stamp } from './db';
import { AppError, notFound } from '../ipc/appError';
import { sqliteCode } from '../db/errors';
import { appendAudit, setAuditActor } from '../db/repos/audit';
import { countAccounts, countActiveAdmins, findAccount, insertAccount, listAccounts, setAccountSecret, updateAccountDetails } from '../db/repos/accounts';
import { hashSecret } from '../auth/secretHash';
import { actorLabel, beginSignedIn, confirmSecret, NOT_SIGNED_IN_ACTOR, currentActor, lockScreen, readAuthState, requireSignedIn, signIn, signOut } from '../auth/authSession';
import { saveAutoLock } from '../auth/authSettings';
import type { Account, NewAccount } from '../../../shared/ipc/authContract';

/** What an audit entry may say about an account: never the hash, never the PIN. */
function auditView(a: Account): Record<string, unknown> {
  return {
    username: a.username,
    displayName: a.displayName,
    jobTitle: a.jobTitle,
    registrationBody: a.registrationBody,
    registrationNumber: a.registrationNumber,
    role: a.role,
    secretKind: a.secretKind,
    active: a.active,
  };
}

function createAccountRow(ctx: Ctx, request: NewAccount, insideTransaction: () => void = () => undefined): Account {
  const db = requireDb(ctx);
  const id = ctx.newId();
  const at = stamp(ctx);
  // Hashed before the transaction: 0.1 s of scrypt must not hold the write lock.
  const secretHash = hashSecret(request.secret, ctx.auth?.hashCost);
  try {
    db.transaction(() => {
      insideTransaction();
      insertAccount(db, { id, username: request.username, displayName: request.displayName, jobTitle: request.jobTitle, registrationBody: request.registrationBody, registrationNumber: request.registrationNumber, role: request.role, secretKind: request.secretKind, secretHash, at });
      appendAudit(db, { at, action: 'create', entity: 'account', entityId: id, sessionId: null, newValue: auditView(findAccount(db, id)!) });
    })();
  } catch (error) {
    if (sqliteCode(error) === 'SQLITE_CONSTRAINT_UNIQUE') {
      throw new AppError('INVALID_PAYLOAD', `The user name “${request.username}” is already taken. Choose another (for example add an initial).`);
    }
    throw error;
  }
  return findAccount(db, id)!;
}

export const authHandlers: {
  getAuthState: Handler<'getAuthState'>;
  createFirstAdmin: Handler<'createFirstAdmin'>;
  signIn: Handler<'signIn'>;
  lockScreen: Handler<'lockScreen'>;
  signOut: Handler<'signOut'>;
  reportActivity: Handler<'reportActivity'>;
  changeOwnSecret: Handler<'changeOwnSecret'>;
  listAccounts: Handler<'listAccounts'>;
  createAccount: Handler<'createAccount'>;
  updateAccount: Handler<'updateAccount'>;
  resetAccountSecret: Handler<'resetAccountSecret'>;
  saveAutoLockMinutes: Handler<'saveAutoLockMinutes'>;
} = {
  getAuthState: (ctx) => readAuthState(ctx),

  createFirstAdmin: (ctx, request) => {
    const db = requireDb(ctx);
    if (!ctx.auth) throw new AppError('FORBIDDEN', 'Accounts are created in CryoLog itself, not from the command line.');
    const refuseIfAnyAccount = () => {
      if (countAccounts(db) > 0) throw new AppError('FORBIDDEN', 'CryoLog already has an administrator. Sign in, or ask an administrator to create your account.');
    };
    refuseIfAnyAccount(); // before spending time on the hash; again inside the transaction for a second CryoLog on the same file
    // The audit entry creating the first administrator names them: they are who is making it.
    setAuditActor(db, actorLabel(request));
    let account: Account;
    try {
      account = createAccountRow(ctx, request, refuseIfAnyAccount);
    } catch (error) {
      setAuditActor(db, NOT_SIGNED_IN_ACTOR);
      throw error;
    }
    beginSignedIn(ctx, account);
    return readAuthState(ctx);
  },

  signIn: (ctx, { username, secret }) => signIn(ctx, username, secret),
  lockScreen: (ctx, { reason }) => lockScreen(ctx, reason),
  signOut: (ctx) => signOut(ctx),
  reportActivity: () => ({ ok: true }),

  changeOwnSecret: (ctx, { currentSecret, next }) => {
    const db = requireDb(ctx);
    const account = confirmSecret(ctx, currentSecret);
    const secretHash = hashSecret(next.secret, ctx.auth?.hashCost);
    const at = stamp(ctx);
    db.transaction(() => {
      setAccountSecret(db, account.id, next.secretKind, secretHash, at);
      appendAudit(db, { at, action: 'update', entity: 'account', entityId: account.id, sessionId: null, field: 'secret', newValue: { secretKind: next.secretKind, changedBy: 'the account holder' } });
    })();
    return readAuthState(ctx);
  },

  listAccounts: (ctx) => listAccounts(requireDb(ctx)),

  createAccount: (ctx, request) => createAccountRow(ctx, request),

  updateAccount: (ctx, request) => {
    const db = requireDb(ctx);
    const before = findAccount(db, request.id);
    if (!before) throw notFound('That account');
    const at = stamp(ctx);
    db.transaction(() => {
      updateAccountDetails(db, { ...request, at });
      // Checked after the change, inside the transaction: the service can never end up with no administrator.
      if (countActiveAdmins(db) === 0) {
        throw new AppError('INVALID_PAYLOAD', 'CryoLog needs at least one active administrator. Make another account an administrator first.');
      }
      appendAudit(db, { at, action: 'update', entity: 'account', entityId: request.id, sessionId: null, oldValue: auditView(before), newValue: auditView(findAccount(db, request.id)!) });
    })();
    return findAccount(db, request.id)!;
  },

  resetAccountSecret: (ctx, { id, next }) => {
    const db = requireDb(ctx);
    const account = findAccount(db, id);
    if (!account) throw notFound('That account');
    const secretHash = hashSecret(next.secret, ctx.auth?.hashCost);
    const at = stamp(ctx);
    db.transaction(() => {
      setAccountSecret(db, id, next.secretKind, secretHash, at);
      appendAudit(db, { at, action: 'update', entity: 'account', entityId: id, sessionId: null, field: 'secret', newValue: { secretKind: next.secretKind, changedBy: 'an administrator' } });
    })();
    return findAccount(db, id)!;
  },

  saveAutoLockMinutes: (ctx, { minutes }) => {
    requireSignedIn(ctx);
    saveAutoLock(requireDb(ctx), minutes, currentActor(ctx), stamp(ctx));
    return readAuthState(ctx);
  },
};
