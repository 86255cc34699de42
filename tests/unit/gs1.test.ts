import { describe, expect, it } from 'vitest';
import { isValidGtin, parseGs1 } from '../../shared/domain/gs1';

// 05012345678900 is a valid GTIN-14 (check digit 0); the lots and serials are invented.
const GTIN = '05012345678900';

describe('GS1 barcodes from a keyboard-wedge scanner', () => {
  it('checks the GTIN check digit', () => {
    expect(isValidGtin(GTIN)).toBe(true);
    expect(isValidGtin('05012345678901')).toBe(false);
    expect(isValidGtin('abc')).toBe(false);
  });

  it('reads the human-readable form', () => {
    const r = parseGs1(`(01)${GTIN}(17)260930(10)PRB-24-1187(21)SN0042`);
    expect(r).toEqual({ ok: true, data: { gtin: GTIN, expiry: '2026-09-30', lot: 'PRB-24-1187', serial: 'SN0042', hri: `(01)${GTIN}(17)260930(10)PRB-24-1187(21)SN0042` } });
  });

  it('reads the raw element string with group separators, and a symbology prefix', () => {
    const r = parseGs1(`]d201${GTIN}17260930` + `10PRB-24-1187\u001d21SN0042`);
    expect(r.ok && r.data).toMatchObject({ gtin: GTIN, expiry: '2026-09-30', lot: 'PRB-24-1187', serial: 'SN0042' });
  });

  it('reads a scanner configured to send another character for FNC1', () => {
    const r = parseGs1(`01${GTIN}10ST-2411-072|17270228`, '|');
    expect(r.ok && r.data).toMatchObject({ lot: 'ST-2411-072', expiry: '2027-02-28' });
  });

  it('treats day 00 as the last day of the month', () => {
    const r = parseGs1(`(17)280200`);
    expect(r.ok && r.data.expiry).toBe('2028-02-29');
  });

  it.each([
    ['', /Nothing was scanned/],
    [`(01)${GTIN.slice(0, 13)}1`, /check digit/],
    ['(17)261340', /not a date/],
    ['99ABC', /unknown application identifier "99"/],
    ['hello', /unknown application identifier/],
    [`(10)${'X'.repeat(21)}`, /1 to 20 characters/],
  ])('refuses %j with a message', (input, message) => {
    const r = parseGs1(input);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(message);
  });
});
