import { describe, expect, it } from 'vitest';
import { formatDate, parseDurationS, parseTemperatureC, parseUkDate, toLocalIsoWithOffset } from '../../shared/domain/parse';

describe('probe temperature entry', () => {
  it.each([
    ['-70', -70],
    ['\u221270', -70], // Unicode minus sign, as pasted from a document
    ['-70 °C', -70],
    ['-70°C', -70],
    ['-70 C', -70],
    ['-70.5', -70.5],
    ['-70,5', -70.5],
    ['\u201370', -70], // en dash from autocorrect
    ['  -89 deg C ', -89],
    ['5', 5],
  ])('reads %j as %d °C', (typed, value) => {
    expect(parseTemperatureC(typed)).toEqual({ ok: true, value });
  });

  it('refuses text that is not a temperature, saying what to type', () => {
    const r = parseTemperatureC('abc');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toBe('"abc" is not a temperature. Type a number in °C, for example -70 or -70.5.');
  });

  it.each(['-', '--70', '-70-', '7 0', '-70 K', '1e3'])('refuses %j', (typed) => {
    expect(parseTemperatureC(typed).ok).toBe(false);
  });

  it('refuses Fahrenheit rather than converting it silently', () => {
    const r = parseTemperatureC('-94 °F');
    expect(!r.ok && r.message).toMatch(/°C, not °F/);
  });

  it('refuses physically impossible values', () => {
    expect(parseTemperatureC('-300').ok).toBe(false);
  });
});

describe('duration entry', () => {
  it.each([
    ['90', 90],
    ['90 s', 90],
    ['90s', 90],
    ['1:30', 90],
    ['1 min 30 s', 90],
    ['2 min', 120],
    ['0', 0],
  ])('reads %j as %d s', (typed, value) => {
    expect(parseDurationS(typed)).toEqual({ ok: true, value });
  });

  it.each(['abc', '1:75', '-5', '90.5', '', '9 0'])('refuses %j with a message', (typed) => {
    const r = parseDurationS(typed);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message.length).toBeGreaterThan(10);
  });
});

describe('dates as UK clinicians write them', () => {
  it.each([
    ['12/03/1962', '1962-03-12'],
    ['12.3.1962', '1962-03-12'],
    ['1962-03-12', '1962-03-12'],
    ['29/02/2000', '2000-02-29'],
  ])('reads %j (day first) as %s', (typed, iso) => {
    expect(parseUkDate(typed)).toEqual({ ok: true, value: iso });
  });

  it('refuses two-digit years, impossible dates and words', () => {
    expect(!parseUkDate('12/03/62').ok && (parseUkDate('12/03/62') as { message: string }).message).toMatch(/four digits/);
    expect(parseUkDate('31/02/1990').ok).toBe(false);
    expect(parseUkDate('29/02/2001').ok).toBe(false);
    expect(parseUkDate('yesterday').ok).toBe(false);
  });

  it('formats without ambiguity and keeps the local offset', () => {
    expect(formatDate('1962-03-12')).toBe('12 Mar 1962');
    expect(toLocalIsoWithOffset(new Date('2026-06-01T08:14:00Z'), 60)).toBe('2026-06-01T09:14:00+01:00');
    expect(toLocalIsoWithOffset(new Date('2026-01-01T00:30:00Z'), -300)).toBe('2025-12-31T19:30:00-05:00');
  });
});
