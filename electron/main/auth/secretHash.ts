// PINs and passwords are stored only as scrypt hashes (Node's crypto; no native add-on).
// Format: scrypt$<log2 N>$<r>$<p>$<salt base64>$<hash base64>, so the cost can be raised later
// and old hashes still verify. Cost 2^15 with r=8 takes about 0.1 s here: slow enough that a
// copied database does not give up a 6-digit PIN in seconds (1e6 guesses ≈ a day on one core),
// quick enough for a sign-in. Tests pass a lower cost (it is a parameter, not a fake).
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

export const DEFAULT_HASH_COST = 15;
const R = 8;
const P = 1;
const KEY_BYTES = 32;

function derive(secret: string, salt: Buffer, cost: number, r: number, p: number): Buffer {
  const n = 2 ** cost;
  return scryptSync(secret.normalize('NFC'), salt, KEY_BYTES, { N: n, r, p, maxmem: 256 * n * r + 1024 * 1024 });
}

export function hashSecret(secret: string, cost = DEFAULT_HASH_COST): string {
  const salt = randomBytes(16);
  return ['scrypt', cost, R, P, salt.toString('base64'), derive(secret, salt, cost, R, P).toString('base64')].join('$');
}

/** True when the secret matches; false for a wrong secret or a hash it cannot read. Constant-time comparison. */
export function verifySecret(secret: string, stored: string): boolean {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [cost, r, p] = parts.slice(1, 4).map(Number);
  if (!Number.isInteger(cost) || cost! < 1 || cost! > 20 || !Number.isInteger(r) || !Number.isInteger(p)) return false;
  const salt = Buffer.from(parts[4]!, 'base64');
  const expected = Buffer.from(parts[5]!, 'base64');
  const actual = derive(secret, salt, cost!, r!, p!);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * Spends the same time as a real check, for a user name that does not exist: the time a
 * wrong answer takes must not tell an onlooker which names are accounts.
 */
export function spendVerifyTime(secret: string, cost = DEFAULT_HASH_COST): void {
  derive(secret, Buffer.alloc(16), cost, R, P);
}
