// Parsers for what a clinician types at the bedside. Each returns either a value to store or
// a message saying what is wrong and how to fix it; the UI never saves a value it could not
// read, and keeps the typed text on screen with the message.

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const good = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (message: string): Parsed<never> => ({ ok: false, message });

// Minus signs people actually paste: hyphen-minus, Unicode minus (U+2212), figure dash,
// en dash (word processors turn "-" into one), small and full-width hyphen-minus.
const MINUS_LIKE = /[\u2212\u2012\u2013\uFE63\uFF0D]/g;

/** Reads a decimal number written with a point or a comma, and any minus sign. */
function readDecimal(text: string): number | null {
  const t = text.replace(MINUS_LIKE, '-').replace(',', '.');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/**
 * Probe temperature in °C: "-70", "−70", "-70 °C", "-70.5", "-70,5", "-70C", "-70 deg C".
 * Fahrenheit is refused rather than converted: a console reading in °F would be a surprise
 * worth a second look.
 */
export function parseTemperatureC(input: string): Parsed<number> {
  const raw = input.trim();
  if (raw === '') return bad('Enter the lowest probe temperature in °C, for example -70.');
  if (/\d\s*(°|º|˚|deg(rees)?)?\s*F$/i.test(raw)) {
    return bad('Enter the temperature in °C, not °F (the console reading, for example -70).');
  }
  // Sign, number, optional unit; spaces only around the unit or after the sign, so a typo
  // such as "7 0" is refused rather than read as 70.
  const m = raw.match(/^([+\-\u2212\u2012\u2013\uFE63\uFF0D]?)\s*(\d+(?:[.,]\d*)?|[.,]\d+)\s*((°|º|˚)\s*C|°|º|˚|C|deg(rees)?\s*C?)?$/i);
  const value = m ? readDecimal(`${m[1]}${m[2]}`) : null;
  if (value === null) {
    return bad(`"${raw}" is not a temperature. Type a number in °C, for example -70 or -70.5.`);
  }
  if (value < -273.15 || value > 1000) {
    return bad(`${value} °C is not a possible probe temperature. Type the console reading, for example -70.`);
  }
  return good(value);
}

/** Freeze or thaw duration in whole seconds: "90", "90 s", "90s", "1:30", "1 min 30 s", "2 min". */
export function parseDurationS(input: string): Parsed<number> {
  const raw = input.trim().toLowerCase();
  if (raw === '') return bad('Enter the duration in seconds, for example 90, or as minutes:seconds, for example 1:30.');
  // Spaces only between a number and its unit: "9 0" is a typo, not 90.
  let seconds: number | null = null;
  let m: RegExpMatchArray | null;
  if ((m = raw.match(/^(\d+)\s*(s|sec|secs|seconds?)?$/))) seconds = Number(m[1]);
  else if ((m = raw.match(/^(\d+):([0-5]\d)$/))) seconds = Number(m[1]) * 60 + Number(m[2]);
  else if ((m = raw.match(/^(\d+)\s*(m|min|mins|minutes?)(\s*(\d+)\s*(s|sec|secs|seconds?)?)?$/))) {
    seconds = Number(m[1]) * 60 + (m[4] ? Number(m[4]) : 0);
  }
  if (seconds === null) {
    return bad(`"${input.trim()}" is not a duration. Type seconds (90) or minutes:seconds (1:30).`);
  }
  if (seconds > 86_400) return bad('That is longer than a day. Type the freeze time in seconds, for example 90.');
  return good(seconds);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * A calendar date as UK clinicians write it: "12/03/1962", "12.3.1962", "12-03-1962", or ISO
 * "1962-03-12". Day comes first (UK order). Two-digit years are refused: a date of birth with
 * an ambiguous century is a patient-safety problem, not a convenience.
 */
export function parseUkDate(input: string): Parsed<string> {
  const raw = input.trim();
  if (raw === '') return bad('Enter the date as day/month/year, for example 12/03/1962.');
  let y: number, mo: number, d: number;
  let m: RegExpMatchArray | null;
  if ((m = raw.match(/^(\d{4})-(\d{2})-(\d{2})$/))) {
    [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else if ((m = raw.match(/^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{2,4})$/))) {
    if (m[3]!.length !== 4) return bad('Type the year in full (four digits), for example 12/03/1962.');
    [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else {
    return bad(`"${raw}" is not a date. Type day/month/year, for example 12/03/1962.`);
  }
  if (!isRealDate(y, mo, d)) return bad(`${raw} is not a real calendar date. Check the day and month.`);
  if (y < 1850) return bad('That year is too early for a date of birth. Check the year.');
  return good(`${y}-${pad(mo)}-${pad(d)}`);
}

/** "1962-03-12" → "12 Mar 1962": unambiguous in every locale. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = iso.match(/^(\d{4})-(\d{2})-(\d{2})/);
  if (!m) return iso;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? '?'} ${m[1]}`;
}

/** ISO date with time and offset → "12 Mar 2026 09:14" in the given offset's local time. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = iso.match(/^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/);
  return m ? `${formatDate(m[1])} ${m[2]}:${m[3]}` : iso;
}

/** The local date and time of `date` with its UTC offset, as the data dictionary asks. */
export function toLocalIsoWithOffset(date: Date, offsetMinutes: number): string {
  const local = new Date(date.getTime() + offsetMinutes * 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return (
    `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}
