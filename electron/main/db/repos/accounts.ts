import type { DB } from '../types';
import { stmt } from '../statements';
import type { Account, AccountRole, SecretKind } from '../../../../shared/ipc/authContract';
import type { REGISTRATION_BODIES } from '../../../../shared/domain/valueSets';

type RegistrationBody = (typeof REGISTRATION_BODIES)[number];

// The account table (migration 6). Rows come out as the window's Account shape, without the
// hash; the hash is read only by secretOf, for the one comparison that needs it.

interface AccountRow {
  id: string;
  username: string;
  display_name: string;
  job_title: string;
  registration_body: string | null;
  registration_number: string | null;
  role: AccountRole;
  secret_kind: SecretKind;
  active: number;
  failed_attempts: number;
  held_until: string | null;
  created_at: string;
}

const COLUMNS = 'id, username, display_name, job_title, registration_body, registration_number, role, secret_kind, active, failed_attempts, held_until, created_at';

function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    jobTitle: row.job_title,
    registrationBody: row.registration_body as RegistrationBody | null,
    registrationNumber: row.registration_number,
    role: row.role,
    secretKind: row.secret_kind,
    active: row.active === 1,
    createdAt: row.created_at,
    heldUntil: row.held_until,
  };
}

export interface StoredAccount {
  account: Account;
  failedAttempts: number;
  secretHash: string;
}

export function countAccounts(db: DB): number {
  return (stmt(db, 'SELECT count(*) AS n FROM account').get() as { n: number }).n;
}

export function countActiveAdmins(db: DB): number {
  return (stmt(db, "SELECT count(*) AS n FROM account WHERE role = 'admin' AND active = 1").get() as { n: number }).n;
}

export function findAccount(db: DB, id: string): Account | null {
  const row = stmt(db, `SELECT ${COLUMNS} FROM account WHERE id = ?`).get(id) as AccountRow | undefined;
  return row ? toAccount(row) : null;
}

/** With its hash and failure count: for checking a PIN or password only. */
export function findAccountForSignIn(db: DB, username: string): StoredAccount | null {
  const row = stmt(db, `SELECT ${COLUMNS}, secret_hash FROM account WHERE username = ?`).get(username) as (AccountRow & { secret_hash: string }) | undefined;
  return row ? { account: toAccount(row), failedAttempts: row.failed_attempts, secretHash: row.secret_hash } : null;
}

export function listAccounts(db: DB): Account[] {
  return (stmt(db, `SELECT ${COLUMNS} FROM account ORDER BY active DESC, display_name COLLATE NOCASE, username`).all() as AccountRow[]).map(toAccount);
}

export interface AccountInsert {
  id: string;
  username: string;
  displayName: string;
  jobTitle: string;
  registrationBody: RegistrationBody | null;
  registrationNumber: string | null;
  role: AccountRole;
  secretKind: SecretKind;
  secretHash: string;
  at: string;
}

export function insertAccount(db: DB, a: AccountInsert): void {
  stmt(
    db,
    `INSERT INTO account (id, username, display_name, job_title, registration_body, registration_number, role, secret_kind, secret_hash, created_at, updated_at)
     VALUES (@id, @username, @displayName, @jobTitle, @registrationBody, @registrationNumber, @role, @secretKind, @secretHash, @at, @at)`,
  ).run(a);
}

export interface AccountUpdate {
  id: string;
  displayName: string;
  jobTitle: string;
  registrationBody: RegistrationBody | null;
  registrationNumber: string | null;
  role: AccountRole;
  active: boolean;
  at: string;
}

export function updateAccountDetails(db: DB, u: AccountUpdate): void {
  stmt(
    db,
    `UPDATE account SET display_name = @displayName, job_title = @jobTitle, registration_body = @registrationBody,
       registration_number = @registrationNumber, role = @role, active = @active, updated_at = @at WHERE id = @id`,
  ).run({ ...u, active: u.active ? 1 : 0 });
}

/** A new PIN or password also lifts a hold: an administrator's reset is how a held account gets back in. */
export function setAccountSecret(db: DB, id: string, secretKind: SecretKind, secretHash: string, at: string): void {
  stmt(db, 'UPDATE account SET secret_kind = ?, secret_hash = ?, failed_attempts = 0, held_until = NULL, updated_at = ? WHERE id = ?').run(secretKind, secretHash, at, id);
}

export function recordFailedAttempt(db: DB, id: string, failedAttempts: number, heldUntil: string | null): void {
  stmt(db, 'UPDATE account SET failed_attempts = ?, held_until = ? WHERE id = ?').run(failedAttempts, heldUntil, id);
}

export function clearFailedAttempts(db: DB, id: string): void {
  stmt(db, 'UPDATE account SET failed_attempts = 0, held_until = NULL WHERE id = ? AND (failed_attempts <> 0 OR held_until IS NOT NULL)').run(id);
}
