// Small helpers for the wording of findings: every message names the place, the value and the
// limit, and says what to do.
import type { Cycle, Device, TargetWithCycles } from '../model';
import { formatDate } from '../parse';
import { SIDE_LABELS, targetLabel } from '../valueSets';

/** A number as people write it: no float noise (0.1 + 0.2), at most two decimals. */
export const fmt = (n: number): string => String(Math.round(n * 100) / 100);

/** "Target 2" — short, and the same words the target cards use. */
export const targetName = (t: Pick<TargetWithCycles, 'seq'>): string => `Target ${t.seq}`;

/** "Target 2 (left musculocutaneous → biceps brachii)" for messages that need the nerve. */
export function targetLong(t: TargetWithCycles): string {
  const side = t.side ? `${SIDE_LABELS[t.side].toLowerCase()} ` : '';
  return `Target ${t.seq} (${side}${targetLabel(t.nerve, t.branch).replace(/^./, (c) => c.toLowerCase())})`;
}

export const cycleName = (t: Pick<TargetWithCycles, 'seq'>, c: Pick<Cycle, 'seq'>): string => `Target ${t.seq}, cycle ${c.seq}`;

export function deviceName(d: Device): string {
  const what = [d.manufacturer, d.model].filter(Boolean).join(' ');
  return what ? `Device ${d.seq} (${what})` : `Device ${d.seq}`;
}

/** "09:14" from an ISO date-time with offset (the clock the clinician read). */
export const clock = (iso: string): string => iso.slice(11, 16);

export const day = (isoDate: string): string => formatDate(isoDate);

/** "1 day" / "9 days". */
export const plural = (n: number, word: string): string => `${fmt(n)} ${word}${n === 1 ? '' : 's'}`;

export const isBlank = (s: string | null | undefined): boolean => s === null || s === undefined || s.trim() === '';

export const isWholeInRange = (n: number, min: number, max: number): boolean => Number.isInteger(n) && n >= min && n <= max;
