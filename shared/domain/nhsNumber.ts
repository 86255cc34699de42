// NHS number Modulus 11 check (domain.md §6). One place for the rule; the UI, the rules
// engine and the exports all call it.

/** Strips spaces and hyphens a person may type or paste ("999 007 9196", "999-007-9196"). */
export function normaliseNhsNumber(input: string): string {
  return input.replace(/[\s-]/g, '');
}

export type NhsCheck =
  | { valid: true }
  | { valid: false; reason: 'length' | 'non-digit' | 'repeated-digit' | 'no-check-digit-possible' | 'check-digit-mismatch' };

export function checkNhsNumber(input: string): NhsCheck {
  const n = normaliseNhsNumber(input);
  if (/\D/.test(n)) return { valid: false, reason: 'non-digit' };
  if (n.length !== 10) return { valid: false, reason: 'length' };
  // 0000000000 and 1111111111 pass the arithmetic but are not numbers anyone was given.
  if (/^(\d)\1{9}$/.test(n)) return { valid: false, reason: 'repeated-digit' };
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(n[i]) * (10 - i);
  let check = 11 - (sum % 11);
  if (check === 11) check = 0;
  if (check === 10) return { valid: false, reason: 'no-check-digit-possible' };
  return check === Number(n[9]) ? { valid: true } : { valid: false, reason: 'check-digit-mismatch' };
}

export function isValidNhsNumber(input: string): boolean {
  return checkNhsNumber(input).valid;
}

export function nhsNumberProblem(input: string): string | null {
  const result = checkNhsNumber(input);
  if (result.valid) return null;
  switch (result.reason) {
    case 'non-digit':
      return 'An NHS number has digits only. Check what was typed.';
    case 'length':
      return `An NHS number has 10 digits; this has ${normaliseNhsNumber(input).length}.`;
    case 'repeated-digit':
      return 'This is not a real NHS number (all digits the same). Check the wristband or notes.';
    case 'no-check-digit-possible':
    case 'check-digit-mismatch':
      return 'This NHS number fails its check digit, so a digit is probably wrong. Check it against the wristband or notes.';
  }
}

/** Shows a stored 10-digit number as 3-3-4 ("999 007 9196"); anything else is shown as typed. */
export function formatNhsNumber(stored: string | null | undefined): string {
  if (!stored) return '';
  return /^\d{10}$/.test(stored) ? `${stored.slice(0, 3)} ${stored.slice(3, 6)} ${stored.slice(6)}` : stored;
}
