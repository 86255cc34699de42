import { createContext, type CreateContextOptions, type Ctx } from '../../electron/main/context';
import { dispatch } from '../../electron/main/ipc/dispatch';
import type { Req } from '../../shared/ipc/contract';

// The synthetic account every test context signs in as (through the real first-run channel).
// Its details are what a signature made in a test carries.
export const TEST_PIN = '482913';
export const TEST_HASH_COST = 10; // scrypt 2^10 in tests; the shipped cost is tested in tests/auth

export const TEST_ADMIN = {
  username: 'test.consultant',
  displayName: 'Dr Synthetic Consultant',
  jobTitle: 'Consultant in rehabilitation medicine',
  registrationBody: 'gmc',
  registrationNumber: '0000001',
  role: 'admin',
  secretKind: 'pin',
  secret: TEST_PIN,
} as const;

/** What a session signed by TEST_ADMIN records as its signer. */
export const SIGNER = { name: TEST_ADMIN.displayName, role: TEST_ADMIN.jobTitle, registrationBody: TEST_ADMIN.registrationBody, registrationNumber: TEST_ADMIN.registrationNumber } as const;

/** How the audit trail names TEST_ADMIN. */
export const TEST_ACTOR = `${TEST_ADMIN.displayName} (${TEST_ADMIN.username})`;

/** Creates TEST_ADMIN as the first administrator of an empty database (which signs it in), or signs it in. */
export function signInTestAdmin(ctx: Ctx): void {
  const created = dispatch(ctx, 'createFirstAdmin', TEST_ADMIN);
  if (created.ok) return;
  const signedIn = dispatch(ctx, 'signIn', { username: TEST_ADMIN.username, secret: TEST_PIN });
  if (!signedIn.ok) throw new Error(`Test sign-in failed: ${signedIn.error.message}`);
}

/** createContext for tests that build their own context: signed in as TEST_ADMIN when the database opened. */
export function signedInContext(options: CreateContextOptions): Ctx {
  const ctx = createContext({ hashCost: TEST_HASH_COST, ...options });
  if (ctx.db) signInTestAdmin(ctx);
  return ctx;
}

/** A second administrator, for tests where who made a change matters. */
export const OTHER_ADMIN = { ...TEST_ADMIN, username: 'other.lead', displayName: 'Dr Other Lead', registrationNumber: '0000002', secret: '730519' } as const;
export const OTHER_ACTOR = `${OTHER_ADMIN.displayName} (${OTHER_ADMIN.username})`;

/** Creates the account (as the administrator signed in now) and signs in as it. */
export function switchToNewAccount(ctx: Ctx, account: Omit<Req<'createAccount'>, 'role'> & { role: 'admin' | 'clinician' }): void {
  const created = dispatch(ctx, 'createAccount', account);
  if (!created.ok) throw new Error(`Test account not created: ${created.error.message}`);
  const signedIn = dispatch(ctx, 'signIn', { username: account.username, secret: account.secret });
  if (!signedIn.ok) throw new Error(`Test sign-in failed: ${signedIn.error.message}`);
}
