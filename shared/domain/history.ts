// Each nerve's history for one patient: what was done to the same nerve on the same side in
// the patient's earlier sessions, worded for a glance at the bedside. Pure: the screen gives it
// the sessions that getTreatmentHistory answers and the target being recorded.
import { daysBetween, freezeSecondsOf, sessionPerformed, sitesPerTarget, timeOf } from './derived';
import { formatDate } from './parse';
import { findNerve, MUSCLE_GROUP_LABELS, SIDE_LABELS, targetLabel, type MasCode, type MUSCLE_GROUPS, type SESSION_STATUS_CODES, type Side } from './valueSets';

// What this module reads (the shape getTreatmentHistory answers, declared in the contract).
export interface HistoryCycle {
  siteNo: number | null;
  durationS: number | null;
  startedAt: string | null;
  endedAt: string | null;
  tipTempC: number | null;
  outcome: 'completed' | 'aborted' | null;
}
export interface HistoryTarget {
  seq: number;
  nerve: string | null;
  branch: string | null;
  side: Side | null;
  cycles: readonly HistoryCycle[];
}
export interface HistoryOutcome {
  muscleGroup: (typeof MUSCLE_GROUPS)[number] | null;
  side: Side | null;
  masPre: MasCode | null;
  masPost: MasCode | null;
}
export interface HistorySession {
  sessionId: string;
  startedAt: string;
  status: (typeof SESSION_STATUS_CODES)[number];
  signedAt: string | null;
  targets: readonly HistoryTarget[];
  outcomes: readonly HistoryOutcome[];
}

/** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st, 22nd. */
export function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * How long before `to` the date `from` was, by calendar date (both carry the clinician's local
 * offset): days under 2 weeks, whole weeks under about 6 months, then months.
 */
export function timeSince(fromIso: string, toIso: string): string {
  const days = daysBetween(fromIso.slice(0, 10), toIso.slice(0, 10));
  if (days <= 0) return 'the same day';
  if (days < 14) return `${plural(days, 'day')} ago`;
  if (days < 182) return `${plural(Math.floor(days / 7), 'week')} ago`;
  return `${plural(Math.round(days / (365.25 / 12)), 'month')} ago`;
}

/** "last 11 weeks ago", but "the last one earlier the same day" (not "last the same day"). */
const lastWhen = (since: string) => (since === 'the same day' ? 'the last one earlier the same day' : `last ${since}`);

/** Unsigned sessions count as treatments but are marked: their record may still change. */
export const isDraft = (s: Pick<HistorySession, 'signedAt'>): boolean => s.signedAt === null;
export const signatureLabel = (s: Pick<HistorySession, 'signedAt'>): 'Draft' | 'Signed' => (isDraft(s) ? 'Draft' : 'Signed');

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const sideShort = (side: Side | null) => (side ? SIDE_LABELS[side].charAt(0) : null);

/** "L tibial → medial gastrocnemius", "R radial trunk", "L tibial" (no branch yet). */
export function targetName(t: Pick<HistoryTarget, 'nerve' | 'branch' | 'side'>): string {
  if (!findNerve(t.nerve)) return 'Nerve not chosen';
  const what = lowerFirst(targetLabel(t.nerve, t.branch));
  const side = sideShort(t.side);
  return side ? `${side} ${what}` : `${what}, side not chosen`;
}

/** A target as the patient's session list shows it: "L musculocutaneous → brachialis (2 cycles)". */
export function targetWithCycles(t: HistoryTarget): string {
  return `${targetName(t)} (${plural(t.cycles.length, 'cycle')})`;
}

const minus = (n: number) => (n < 0 ? `−${Math.abs(n)}` : String(n));

/** "90 s, 90 s"; three or more the same as "3 × 106 s"; more than three as a range. */
function listOrRange(values: number[], show: (n: number) => string, unit: string, missing: string): string {
  if (values.length === 0) return missing;
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  if (values.length >= 3 && lo === hi) return `${values.length} × ${show(lo)} ${unit}`;
  if (values.length <= 3) return values.map((v) => `${show(v)} ${unit}`).join(', ');
  return `${show(lo)} to ${show(hi)} ${unit}`;
}

/** "1 site, 2 cycles · 90 s, 90 s · −72 °C, −70 °C" for one earlier target. */
export function cyclesSummary(t: HistoryTarget): string {
  if (t.cycles.length === 0) return 'no freeze cycle recorded';
  const aborted = t.cycles.filter((c) => c.outcome === 'aborted').length;
  const durations = t.cycles.map((c) => freezeSecondsOf(c, null)).filter((v): v is number => v !== null);
  const temps = t.cycles.map((c) => c.tipTempC).filter((v): v is number => v !== null);
  return [
    `${plural(sitesPerTarget(t), 'site')}, ${plural(t.cycles.length, 'cycle')}${aborted > 0 ? ` (${aborted} aborted)` : ''}`,
    listOrRange(durations, String, 's', 'duration not recorded'),
    listOrRange(temps, minus, '°C', 'temperature not recorded'),
  ].join(' · ');
}

/**
 * MAS before → after on the treated side. The value sets do not map muscle groups to nerve
 * branches, so every MAS row of that side is shown with its muscle group.
 */
export function masOnSide(outcomes: readonly HistoryOutcome[], side: Side): string[] {
  return outcomes
    .filter((o) => o.side === side && (o.masPre !== null || o.masPost !== null))
    .map((o) => `MAS ${o.muscleGroup ? lowerFirst(MUSCLE_GROUP_LABELS[o.muscleGroup]) : '(muscle group not recorded)'} ${o.masPre ?? '?'} → ${o.masPost ?? '?'}`);
}

export interface EarlierTreatment {
  sessionId: string;
  startedAt: string;
  draft: boolean;
  /** "10 Mar 2026 (11 weeks ago)" */
  when: string;
  /** One per target on the nerve and side: "L tibial → medial gastrocnemius · 1 site, 2 cycles · 90 s, 90 s · −72 °C, −70 °C" */
  targets: string[];
  /** "MAS ankle plantarflexors (knee straight) 3 → 1+", several joined by "; ", or "MAS not recorded". */
  mas: string;
}

export interface NerveHistory {
  /** This session's treatment of the nerve on that side: 1 for the first. */
  ordinal: number;
  headline: string;
  /** Newest first. */
  earlier: EarlierTreatment[];
}

export interface CurrentTarget {
  sessionId: string;
  /** The session's start: only sessions that started before it are earlier. */
  startedAt: string;
  nerve: string | null;
  branch: string | null;
  side: Side | null;
}

/**
 * The earlier treatments of the target's nerve on the same side (any branch), from the
 * patient's other sessions that started before this one and were performed. Null until both
 * the nerve and the side are chosen.
 */
export function nerveHistory(sessions: readonly HistorySession[], current: CurrentTarget): NerveHistory | null {
  const nerve = findNerve(current.nerve);
  const side = current.side;
  if (!nerve || !side) return null;
  const now = timeOf(current.startedAt);
  const earlier = sessions
    .filter((s) => s.sessionId !== current.sessionId && sessionPerformed(s.status))
    .filter((s) => now !== null && (timeOf(s.startedAt) ?? Infinity) < now)
    .map((s) => ({ s, targets: s.targets.filter((t) => t.nerve === nerve.code && t.side === side) }))
    .filter((x) => x.targets.length > 0)
    .sort((a, b) => (timeOf(b.s.startedAt) ?? 0) - (timeOf(a.s.startedAt) ?? 0))
    .map(({ s, targets }): EarlierTreatment => {
      const mas = masOnSide(s.outcomes, side);
      return {
        sessionId: s.sessionId,
        startedAt: s.startedAt,
        draft: isDraft(s),
        when: `${formatDate(s.startedAt)} (${timeSince(s.startedAt, current.startedAt)})`,
        targets: targets.map((t) => `${targetName(t)} · ${cyclesSummary(t)}`),
        mas: mas.length > 0 ? mas.join('; ') : 'MAS not recorded',
      };
    });

  const n = earlier.length + 1;
  const name = targetName(current);
  const last = earlier[0];
  const headline = last
    ? `${name}: ${ordinal(n)} treatment, ${lastWhen(timeSince(last.startedAt, current.startedAt))}`
    : `First recorded treatment of the ${SIDE_LABELS[side].toLowerCase()} ${lowerFirst(nerve.label)} nerve for this patient.`;
  return { ordinal: n, headline, earlier };
}
