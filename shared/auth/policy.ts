// Sign-in policy for a shared treatment-room computer, as data in one place (the service's
// information governance lead may want other figures; the main process enforces these and
// the window only shows them).

/** Minutes without use before CryoLog locks itself; the service may set 1-60 in Settings. */
export const DEFAULT_AUTO_LOCK_MINUTES = 5;
export const AUTO_LOCK_MINUTES_RANGE = { min: 1, max: 60 } as const;

/**
 * The main process's own backstop behind the window's idle timer: the window tells the main
 * process it is in use at most once a minute, so the backstop waits this much longer than the
 * window before it refuses requests (a window that stopped reporting is locked all the same).
 */
export const MAIN_PROCESS_LOCK_GRACE_MINUTES = 2;

/** Wrong PINs or passwords in a row before the account is held for a while (brute force of a 6-digit PIN). */
export const MAX_FAILED_ATTEMPTS = 5;
export const HOLD_AFTER_FAILURES_MINUTES = 5;

/** A PIN: digits only, quick with gloves on a keypad; long enough that 5 guesses per 5 minutes is no threat. */
export const PIN_RULE = { minDigits: 6, maxDigits: 12 } as const;
export const PASSWORD_RULE = { minLength: 10, maxLength: 128 } as const;

/** What is wrong with a PIN or password, in words the user can act on; null when it is acceptable. */
export function secretProblem(kind: 'pin' | 'password', secret: string): string | null {
  if (kind === 'pin') {
    if (!/^\d+$/.test(secret)) return 'A PIN is digits only (0-9).';
    if (secret.length < PIN_RULE.minDigits || secret.length > PIN_RULE.maxDigits) {
      return `A PIN has ${PIN_RULE.minDigits} to ${PIN_RULE.maxDigits} digits.`;
    }
    if (/^(\d)\1+$/.test(secret)) return 'A PIN cannot be one digit repeated; choose one that is hard to guess.';
    if (isRun(secret)) return 'A PIN cannot be a run like 123456 or 654321; choose one that is hard to guess.';
    return null;
  }
  if (secret.length < PASSWORD_RULE.minLength) return `A password has at least ${PASSWORD_RULE.minLength} characters.`;
  if (secret.length > PASSWORD_RULE.maxLength) return `A password has at most ${PASSWORD_RULE.maxLength} characters.`;
  if (secret.trim() !== secret) return 'A password cannot start or end with a space.';
  return null;
}

function isRun(digits: string): boolean {
  const steps = new Set<number>();
  for (let i = 1; i < digits.length; i++) steps.add((Number(digits[i]) - Number(digits[i - 1]) + 10) % 10);
  return steps.size === 1 && (steps.has(1) || steps.has(9));
}
