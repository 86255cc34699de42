import { describe, expect, it } from 'vitest';
import { checkNhsNumber, formatNhsNumber, isValidNhsNumber, nhsNumberProblem, normaliseNhsNumber } from '../../shared/domain/nhsNumber';

// Test vectors from domain.md §6.
describe('NHS number Modulus 11', () => {
  it.each(['9434765919', '9990079196', '9990237573', '9990316767', '9990395950', '999 007 9196', '999-023-7573'])('accepts %s', (n) => {
    expect(isValidNhsNumber(n)).toBe(true);
  });

  it('rejects a wrong check digit', () => {
    expect(checkNhsNumber('9434765918')).toEqual({ valid: false, reason: 'check-digit-mismatch' });
    expect(checkNhsNumber('9990079197')).toEqual({ valid: false, reason: 'check-digit-mismatch' });
  });

  it.each(['9990000000', '9990000001', '9990000009'])('rejects %s: the nine digits give check 10, so no number exists', (n) => {
    expect(checkNhsNumber(n)).toEqual({ valid: false, reason: 'no-check-digit-possible' });
  });

  it('rejects repeated digits that pass the arithmetic', () => {
    expect(checkNhsNumber('0000000000')).toEqual({ valid: false, reason: 'repeated-digit' });
    expect(checkNhsNumber('1111111111')).toEqual({ valid: false, reason: 'repeated-digit' });
  });

  it('rejects wrong lengths and letters with a message saying what is wrong', () => {
    expect(nhsNumberProblem('999007919')).toBe('An NHS number has 10 digits; this has 9.');
    expect(nhsNumberProblem('99900791967')).toBe('An NHS number has 10 digits; this has 11.');
    expect(nhsNumberProblem('999007919A')).toMatch(/digits only/);
    expect(nhsNumberProblem('9990079196')).toBeNull();
  });

  it('shows a stored number as 3-3-4 and strips spaces and hyphens on entry', () => {
    expect(formatNhsNumber('9990079196')).toBe('999 007 9196');
    expect(formatNhsNumber('99900')).toBe('99900');
    expect(formatNhsNumber(null)).toBe('');
    expect(normaliseNhsNumber(' 999 007-9196 ')).toBe('9990079196');
  });
});
