// How a recorded value is written in a procedure note, in one place so the text, PDF, FHIR
// narrative and HL7 writers all say "−70 °C", "3 → 1+" and "12 Mar 2026" the same way.
// Values use the real characters (U+2212 minus, °, →, ×); the text renderer turns them into
// ASCII for notes boxes, the PDF keeps them.
import { formatNhsNumber } from '../domain/nhsNumber';
import { formatDate, formatDateTime } from '../domain/parse';
import { findBranch, findNerve, REGISTRATION_BODY_LABELS, SIDE_LABELS } from '../domain/valueSets';

export { formatDate, formatDateTime, formatNhsNumber };

/** The true minus sign: a hyphen can vanish in a wrapped line; the text renderer maps it back. */
export const MINUS = '\u2212';
export const ARROW = '→';
/** What a reader must see when an expected value is missing (never "null" or a blank). */
export const NOT_RECORDED = 'not recorded';
/** An optional table cell with nothing recorded. */
export const EMPTY_CELL = '—';

/** A number as people write it: no float noise (0.1 + 0.2), at most `places` decimals, true minus. */
export function formatNumber(n: number, places = 2): string {
  const rounded = Number(n.toFixed(places));
  const text = String(Math.abs(rounded));
  return rounded < 0 ? `${MINUS}${text}` : text;
}

/** "+1", "0", "−2": GAS levels and other signed scores, where the sign is the point. */
export function formatSignedScore(n: number): string {
  return n > 0 ? `+${n}` : formatNumber(n);
}

/** "−70 °C"; above zero "+68 °C", so a lost minus sign cannot be read into it. */
export function formatTemperatureC(celsius: number): string {
  return `${celsius > 0 ? '+' : ''}${formatNumber(celsius, 1)} °C`;
}

/** "85°", "−15°" (joint angles). */
export function formatDegrees(degrees: number): string {
  return `${formatNumber(degrees, 0)}°`;
}

/** "90 s": freeze and thaw times are set and read in seconds on every device. */
export function formatSeconds(seconds: number): string {
  return `${formatNumber(seconds, 0)} s`;
}

/** "1:30" (minutes:seconds), for longer spans such as the session length. */
export function formatMinutesSeconds(seconds: number): string {
  const whole = Math.round(Math.abs(seconds));
  const sign = seconds < 0 ? MINUS : '';
  return `${sign}${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/** Pain on the 0–10 numeric rating scale: "6/10". */
export function formatNrs(score: number): string {
  return `${formatNumber(score, 0)}/10`;
}

/** INR values and targets to one decimal ("2.0", "2.6"), as laboratories report them. */
export function formatInr(value: number): string {
  return value.toFixed(1);
}

/** "before → after"; a missing side says so rather than printing a blank. */
export function formatChange<T>(before: T | null, after: T | null, format: (v: T) => string = String): string {
  return `${before === null ? NOT_RECORDED : format(before)} ${ARROW} ${after === null ? NOT_RECORDED : format(after)}`;
}

/** MAS as its code ("1+" is a grade, never 1.5): "3 → 1+". */
export function formatMasChange(before: string | null, after: string | null): string {
  return formatChange(before, after);
}

/** "09:14": the local time as recorded (the ISO string carries the clinic's offset). */
export function formatTime(iso: string): string {
  const m = iso.match(/T(\d{2}):(\d{2})/);
  return m ? `${m[1]}:${m[2]}` : iso;
}

/** The time alone on the session day, the date and time on any other day. */
export function formatTimeOnDay(iso: string, sessionDate: string): string {
  return iso.startsWith(sessionDate) ? formatTime(iso) : formatDateTime(iso);
}

/** "ASHCOMBE, Margaret": family name in capitals, as on a wristband; the letters are never transliterated. */
export function formatPatientName(familyName: string | null, givenName: string | null): string {
  return `${familyName ? familyName.toUpperCase() : '(family name not recorded)'}, ${givenName || '(given name not recorded)'}`;
}

/** "GMC 9990011"; empty when nothing is recorded. */
export function formatRegistration(body: string | null, number: string | null): string {
  const bodyLabel = body && body in REGISTRATION_BODY_LABELS ? REGISTRATION_BODY_LABELS[body as keyof typeof REGISTRATION_BODY_LABELS] : body;
  if (!number) return '';
  return bodyLabel && body !== 'other' ? `${bodyLabel} ${number}` : `registration ${number}`;
}

/** The label of a code, or null when the code is not recorded. */
export function labelOf<C extends string>(labels: Record<C, string>, code: C | null | undefined): string | null {
  return code ? labels[code] : null;
}

/** "musculocutaneous nerve", "obturator nerve, anterior division" (the value-set labels read as a phrase). */
export function nerveName(nerveCode: string | null): string | null {
  const nerve = findNerve(nerveCode);
  if (!nerve) return null;
  const [name, qualifier] = nerve.label.split(', ');
  return `${(name ?? nerve.label).toLowerCase()} nerve${qualifier ? `, ${qualifier}` : ''}`;
}

/**
 * "Left musculocutaneous nerve → branch to brachialis", "Right radial nerve trunk (mixed
 * motor-sensory)". Side and nerve say "not recorded" when missing: a reader must know.
 */
export function describeTarget(side: string | null, nerveCode: string | null, branchCode: string | null): string {
  const sideLabel = side && side in SIDE_LABELS ? SIDE_LABELS[side as keyof typeof SIDE_LABELS] : `Side ${NOT_RECORDED},`;
  const nerve = nerveName(nerveCode);
  if (!nerve) return `${sideLabel} nerve ${NOT_RECORDED}`;
  const branch = findBranch(nerveCode, branchCode);
  if (!branch) return `${sideLabel} ${nerve} (branch ${NOT_RECORDED})`;
  if (branch.code === 'trunk') return `${sideLabel} ${nerve} trunk (mixed motor-sensory)`;
  return `${sideLabel} ${nerve} ${ARROW} branch to ${branch.label}`;
}

/** "Left elbow flexors" (outcome and block lines). */
export function withSide(side: string | null, what: string): string {
  const sideLabel = side && side in SIDE_LABELS ? SIDE_LABELS[side as keyof typeof SIDE_LABELS] : null;
  return sideLabel ? `${sideLabel} ${what.charAt(0).toLowerCase()}${what.slice(1)}` : `${what} (side ${NOT_RECORDED})`;
}

/** "a, b and c". */
export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
