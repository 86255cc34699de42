// Request and answer schemas of sign-in and accounts (issue 6); contract.ts lists them with every
// other channel. PINs and passwords travel only in requests, are hashed in the main process
// (scrypt) and never come back in an answer or go into the audit trail.
import { z } from 'zod';
import { IsoDateTime } from '../domain/model';
import { REGISTRATION_BODIES } from '../domain/valueSets';
import { AUTO_LOCK_MINUTES_RANGE, PASSWORD_RULE, PIN_RULE, secretProblem } from '../auth/policy';

const Id = z.string().min(1).max(64);
export const ACCOUNT_ROLES = ['clinician', 'admin'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];
export const SECRET_KINDS = ['pin', 'password'] as const;
export type SecretKind = (typeof SECRET_KINDS)[number];

/** Short, typed at every sign-in: lower case letters, digits, dot, hyphen, underscore. */
const Username = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, 'A user name has at least 2 characters.')
  .max(40, 'A user name has at most 40 characters.')
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'A user name uses only letters, digits, dots, hyphens and underscores (for example ada.example).');

/** As typed: a sign-in attempt is never rejected for its shape beyond size, so it cannot tell which names exist. */
const SecretAttempt = z.string().min(1, 'Type your PIN or password.').max(PASSWORD_RULE.maxLength + PIN_RULE.maxDigits);

const AccountDetails = z.strictObject({
  displayName: z.string().trim().min(1, 'Type the name as it should appear on signed records (for example Dr Ada Example).').max(120),
  /** Shown beside the name on a signature (Signer.role): "Consultant in Rehabilitation Medicine". */
  jobTitle: z.string().trim().min(1, 'Type the job title shown on signed records.').max(80),
  registrationBody: z.enum(REGISTRATION_BODIES).nullable(),
  registrationNumber: z.string().trim().min(1).max(20).nullable(),
});

/** A PIN or password with its kind; the rule (policy.ts) decides what is acceptable. */
export const NewSecret = z
  .strictObject({ secretKind: z.enum(SECRET_KINDS), secret: z.string().max(PASSWORD_RULE.maxLength + 1) })
  .superRefine((v, ctx) => {
    const problem = secretProblem(v.secretKind, v.secret);
    if (problem) ctx.addIssue({ code: 'custom', path: ['secret'], message: problem });
  });

const registrationBoth = (v: { registrationBody: unknown; registrationNumber: unknown }) => (v.registrationBody === null) === (v.registrationNumber === null);
const REGISTRATION_BOTH = { message: 'Give both the registration body and the number, or neither.', path: ['registrationNumber'] };

const NewAccountFields = z.strictObject({
  username: Username,
  ...AccountDetails.shape,
  role: z.enum(ACCOUNT_ROLES),
  secretKind: z.enum(SECRET_KINDS),
  secret: z.string().max(PASSWORD_RULE.maxLength + 1),
});

function checkedNewAccount<T extends z.ZodType<{ registrationBody: unknown; registrationNumber: unknown; secretKind: SecretKind; secret: string }>>(fields: T) {
  return fields.refine(registrationBoth, REGISTRATION_BOTH).superRefine((v, ctx) => {
    const problem = secretProblem(v.secretKind, v.secret);
    if (problem) ctx.addIssue({ code: 'custom', path: ['secret'], message: problem });
  });
}

export const NewAccount = checkedNewAccount(NewAccountFields);
export type NewAccount = z.infer<typeof NewAccount>;

/** An account as the window sees it: never its hash. */
export const Account = z.strictObject({
  id: Id,
  username: z.string(),
  ...AccountDetails.shape,
  role: z.enum(ACCOUNT_ROLES),
  secretKind: z.enum(SECRET_KINDS),
  active: z.boolean(),
  createdAt: IsoDateTime,
  /** Held after too many wrong PINs until then (null: not held). */
  heldUntil: IsoDateTime.nullable(),
});
export type Account = z.infer<typeof Account>;

export const AuthState = z.strictObject({
  /** False on first run: the window shows the screen that creates the first administrator. */
  accountsExist: z.boolean(),
  /** Who is signed in (null while signed out or locked). */
  user: Account.nullable(),
  /** Who locked the screen (their session, draft and screen wait for them). */
  lockedBy: z.strictObject({ username: z.string(), displayName: z.string(), secretKind: z.enum(SECRET_KINDS) }).nullable(),
  autoLockMinutes: z.int().min(AUTO_LOCK_MINUTES_RANGE.min).max(AUTO_LOCK_MINUTES_RANGE.max),
  autoLockUpdatedBy: z.string().nullable(),
});
export type AuthState = z.infer<typeof AuthState>;

const Empty = z.strictObject({});

export const authChannels = {
  getAuthState: { req: Empty, res: AuthState },
  // Only while there is no account at all: the first account is an administrator, signed in.
  createFirstAdmin: { req: checkedNewAccount(NewAccountFields.extend({ role: z.literal('admin') })), res: AuthState },
  signIn: { req: z.strictObject({ username: z.string().trim().toLowerCase().min(1, 'Type your user name.').max(40), secret: SecretAttempt }), res: AuthState },
  lockScreen: { req: z.strictObject({ reason: z.enum(['idle', 'button']) }), res: AuthState },
  signOut: { req: Empty, res: AuthState },
  // The window reports use (keys, pointer) at most once a minute, so the main process's idle backstop does not lock a clinician who is reading.
  reportActivity: { req: Empty, res: z.strictObject({ ok: z.literal(true) }) },
  changeOwnSecret: { req: z.strictObject({ currentSecret: SecretAttempt, next: NewSecret }), res: AuthState },
  listAccounts: { req: Empty, res: z.array(Account).max(10_000) },
  createAccount: { req: NewAccount, res: Account },
  updateAccount: {
    req: AccountDetails.extend({ id: Id, role: z.enum(ACCOUNT_ROLES), active: z.boolean() }).refine(registrationBoth, REGISTRATION_BOTH),
    res: Account,
  },
  resetAccountSecret: { req: z.strictObject({ id: Id, next: NewSecret }), res: Account },
  saveAutoLockMinutes: {
    req: z.strictObject({
      minutes: z
        .int('Give a whole number of minutes.')
        .min(AUTO_LOCK_MINUTES_RANGE.min, `Lock after at least ${AUTO_LOCK_MINUTES_RANGE.min} minute.`)
        .max(AUTO_LOCK_MINUTES_RANGE.max, `Lock after at most ${AUTO_LOCK_MINUTES_RANGE.max} minutes.`),
    }),
    res: AuthState,
  },
} as const;
