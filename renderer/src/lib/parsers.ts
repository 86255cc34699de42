// Parsers for what a clinician types into the generic fields, beyond the shared ones in
// shared/domain/parse.ts: numbers written with a comma, times of day on the session's date,
// dates relative to the session ("+6w"), and free text checked against its declaration.
// Each answers a value to store or a message that says what is wrong and what to type.
import type { FieldDef } from '../../../shared/domain/fields';
import { parseUkDate, type Parsed } from '../../../shared/domain/parse';
import { unitOf } from './fieldKind';

const good = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (message: string): Parsed<never> => ({ ok: false, message });

const MINUS_LIKE = /[\u2212\u2012\u2013\uFE63\uFF0D]/g;

/** A typical value per unit, for the examples in messages. */
const EXAMPLE_BY_UNIT: Record<string, string> = {
  mA: '0.42',
  ms: '0.1',
  Hz: '2',
  kg: '68.5',
  mm: '40',
  mL: '2',
  '%': '1',
  '°': '85',
  G: '16',
  s: '90',
  INR: '2.6',
};

export interface NumberOptions {
  label: string;
  integer: boolean;
  min: number | null;
  max: number | null;
}

/**
 * A number as people type it: "0.42", "0,42", "−15" (any minus sign), "+5", "40 mm" (the
 * label's own unit may follow). A comma followed by exactly three digits is refused: "1,000"
 * could be one or a thousand, and in a dose field that difference matters.
 */
export function parseNumber(text: string, opts: NumberOptions): Parsed<number> {
  const raw = text.trim();
  const unit = unitOf(opts.label);
  const example = (unit && EXAMPLE_BY_UNIT[unit]) ?? (opts.integer ? '40' : '0.5');
  const exampleText = opts.integer ? example.replace(/[.,].*$/, '') : example;
  const m = raw.replace(MINUS_LIKE, '-').match(/^([+-]?)\s*(\d+(?:[.,]\d*)?|[.,]\d+)\s*(\S.*)?$/);
  if (!m) {
    return bad(`"${raw}" is not a number. Type digits, for example ${exampleText}${opts.integer ? '' : ` (a comma works too: ${exampleText.replace('.', ',')})`}.`);
  }
  const [, sign, digits, typedUnit] = m as unknown as [string, string, string, string | undefined];
  if (typedUnit !== undefined) {
    const same = unit && typedUnit.replace(/\s+/g, '').toLowerCase() === unit.toLowerCase();
    if (!same) {
      return bad(
        unit
          ? `"${raw}": this field is in ${unit}. Type the number only, for example ${exampleText}.`
          : `"${raw}" is not a number. Type digits only, for example ${exampleText}.`,
      );
    }
  }
  if (/^\d{1,3},\d{3}$/.test(digits)) {
    const [a, b] = digits.split(',');
    return bad(`"${digits}" could mean ${a}.${b} or ${a}${b}. Type it with a point (${a}.${b}) or without the comma (${a}${b}).`);
  }
  const value = Number(`${sign}${digits.replace(',', '.')}`);
  if (!Number.isFinite(value)) return bad(`"${raw}" is not a number. Type digits, for example ${exampleText}.`);
  if (opts.integer && !Number.isInteger(value)) {
    return bad(`${opts.label} takes a whole number; "${raw}" has decimals. Type, for example, ${exampleText}.`);
  }
  if (opts.min !== null && value < opts.min) return bad(`${value} is below what ${opts.label} can hold (${opts.min} or more). Check the entry.`);
  if (opts.max !== null && value > opts.max) return bad(`${value} is above what ${opts.label} can hold (${opts.max} at most). Check the entry.`);
  return good(value);
}

/** A stored number shown back: no trailing zeros, a point for decimals. */
export function formatNumber(value: number | null): string {
  return value === null ? '' : String(value);
}

// ── Dates and times anchored on the session ─────────────────────────────────────────────────

/** The date ("2026-11-20") and UTC offset ("+00:00") of a session start such as "2026-11-20T08:55:00+00:00". */
export function sessionAnchor(startedAt: string): { date: string; offset: string } {
  const date = startedAt.slice(0, 10);
  const m = startedAt.match(/([+-]\d{2}:\d{2}|Z)$/);
  const offset = !m || m[1] === 'Z' ? '+00:00' : m[1]!;
  return { date, offset };
}

const pad = (n: number) => String(n).padStart(2, '0');

function readClock(text: string): { h: number; min: number } | null | 'bad' {
  const m = text.match(/^(\d{1,2})(?:[:.h ]?(\d{2}))$/i) ?? text.match(/^(\d{1,2})[:.h](\d{1,2})$/i);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59 || m[2]!.length !== 2) return 'bad';
  return { h, min };
}

/**
 * A time entered at the bedside: "09:14", "9:14", "0914" or "9.14" is that time on the
 * session's date, with the session's UTC offset. Another day is typed in full:
 * "21/11/2026 09:14" (or ISO).
 */
export function parseTimeOnSessionDay(text: string, startedAt: string): Parsed<string> {
  const raw = text.trim();
  const { date, offset } = sessionAnchor(startedAt);
  const clock = readClock(raw);
  if (clock === 'bad') return bad(`"${raw}" is not a time of day. Type hours:minutes on the 24-hour clock, for example 09:14.`);
  if (clock) return good(`${date}T${pad(clock.h)}:${pad(clock.min)}:00${offset}`);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:\d{2}|Z)$/.test(raw) && !Number.isNaN(Date.parse(raw))) return good(raw);
  const full = raw.match(/^(.+?)[ T,]+(\d{1,2}[:.h]\d{2})$/i);
  if (full) {
    const day = parseUkDate(full[1]!);
    const t = readClock(full[2]!);
    if (day.ok && t && t !== 'bad') return good(`${day.value}T${pad(t.h)}:${pad(t.min)}:00${offset}`);
    if (!day.ok) return bad(`${day.message} Then the time, for example 21/11/2026 09:14.`);
  }
  return bad(`"${raw}" is not a time. Type the time, for example 09:14 (the session's day), or a date and time, for example 21/11/2026 09:14.`);
}

/** A stored date-time shown the way it is typed: "09:14" on the session's day, else "21/11/2026 09:14". */
export function formatTimeOnSessionDay(iso: string | null, startedAt: string | null): string {
  if (!iso) return '';
  const m = iso.match(/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/);
  if (!m) return iso;
  const time = `${m[4]}:${m[5]}`;
  if (startedAt) {
    const a = sessionAnchor(startedAt);
    if (iso.slice(0, 10) === a.date && iso.endsWith(a.offset)) return time;
  }
  return `${m[3]}/${m[2]}/${m[1]} ${time}`;
}

/** Shows an ISO date the way it is typed here: day/month/year. */
export function formatUkDate(iso: string | null): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

function addDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/**
 * A date: day/month/year as UK notes write it; with a session, also "today", or a number of
 * days or weeks from the session day: "+7d", "+6w", "-4w" (a review in six weeks, a block four
 * weeks before). The stored value is always the calendar date.
 */
export function parseDate(text: string, sessionDate: string | null): Parsed<string> {
  const raw = text.trim();
  if (sessionDate) {
    if (/^(today|same day)$/i.test(raw)) return good(sessionDate);
    const m = raw.replace(MINUS_LIKE, '-').match(/^([+-])\s*(\d{1,3})\s*(d|days?|w|wk|wks|weeks?|m|months?)$/i);
    if (m) {
      const n = Number(m[2]) * (m[1] === '-' ? -1 : 1);
      const unit = m[3]!.toLowerCase();
      if (unit.startsWith('m')) {
        const [y, mo, d] = sessionDate.split('-').map(Number) as [number, number, number];
        const t = new Date(Date.UTC(y, mo - 1 + n, 1));
        const last = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 0)).getUTCDate();
        return good(`${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(Math.min(d, last))}`);
      }
      return good(addDays(sessionDate, unit.startsWith('w') ? n * 7 : n));
    }
  }
  const parsed = parseUkDate(raw);
  if (!parsed.ok && sessionDate && /^\D/.test(raw)) {
    return bad(`"${raw}" is not a date. Type day/month/year (12/03/2026), or days or weeks from the session day (+7d, +6w, -4w).`);
  }
  return parsed;
}

// ── Free text ───────────────────────────────────────────────────────────────────────────────

/** Text checked against its own declaration (length, one line, no control characters). */
export function textParser(def: FieldDef, multiline: boolean): (text: string) => Parsed<string> {
  return (text) => {
    const value = multiline ? text.replace(/\r\n?/g, '\n').trim() : text.trim();
    const r = def.schema.safeParse(value);
    if (r.success) return good(value);
    return bad(r.error.issues[0]?.message ?? 'This text cannot be saved. Check it.');
  };
}

/** A stored UTC stamp ("2026-11-20T09:20:31.000Z") as this device's local time of day, "09:20". */
export function localTimeOfStamp(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
}
