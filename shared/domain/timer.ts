// The freeze-cycle timer (issue 4, domain.md §2.7): one key or one large button drives a cycle
// through freeze → thaw → details. The main process keeps the running timer in the database
// (so a closed window loses nothing) and decides each step from the state the window saw, so
// a double press or a bouncing foot pedal cannot make two cycles. Everything here is pure.
import { z } from 'zod';
import type { Device, SessionDocument, TargetWithCycles } from './model';
import { deviceForTarget } from './derived';

export const TIMER_PHASES = ['freezing', 'thawing'] as const;
export type TimerPhase = (typeof TIMER_PHASES)[number];

/** What the window believed when the key was pressed: nothing running, or this cycle in this phase. */
export type TimerExpectation = { phase: 'idle' } | { phase: TimerPhase; cycleId: string };

export interface RunningTimerState {
  cycleId: string;
  phase: TimerPhase;
}

export type TimerStep = 'start-freeze' | 'stop-freeze' | 'end-thaw' | 'duplicate';

/**
 * The step one press makes. A press whose expectation no longer matches the stored timer was
 * already handled (a second press before the first answer came back): it changes nothing.
 */
export function stepFor(current: RunningTimerState | null, expected: TimerExpectation): TimerStep {
  if (expected.phase === 'idle') return current === null ? 'start-freeze' : 'duplicate';
  if (current === null || current.cycleId !== expected.cycleId || current.phase !== expected.phase) return 'duplicate';
  return current.phase === 'freezing' ? 'stop-freeze' : 'end-thaw';
}

/** Whole seconds between two ISO times (never negative: a clock set back must not give −3 s). */
export function secondsBetween(fromIso: string, toIso: string): number {
  return Math.max(0, Math.round((Date.parse(toIso) - Date.parse(fromIso)) / 1000));
}

/** Whole seconds elapsed since an ISO time, for the running display (floor: 0:59 until a full minute). */
export function elapsedSince(fromIso: string, nowMs: number): number {
  return Math.max(0, Math.floor((nowMs - Date.parse(fromIso)) / 1000));
}

/** "1:05", "12:00": minutes and seconds, as on the console's own display. */
export function formatClock(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** The planned freeze: the probe's (or the handheld device's fixed) cycle length, if the device gives one. */
export function plannedFreezeS(doc: SessionDocument, target: TargetWithCycles): number | null {
  const planned = deviceForTarget(doc, target)?.plannedFreezeS ?? null;
  return planned !== null && planned > 0 ? planned : null;
}

/** Handheld fixed-cycle devices show no temperature, so the timer does not ask for one. */
export function showsTemperature(device: Device | null): boolean {
  return device?.systemType !== 'handheld-fixed-cycle';
}

/** Stopped clearly before the planned time (beyond the tolerance): the timer asks whether it was aborted. */
export function isEarlyStop(durationS: number, plannedS: number | null, toleranceS: number): boolean {
  return plannedS !== null && durationS < plannedS - toleranceS;
}

/** The lesion site a new cycle goes to: the last cycle's site (a refreeze), or site 1. */
export function currentSiteNo(target: TargetWithCycles): number {
  return target.cycles.at(-1)?.siteNo ?? 1;
}

/** Where a cycle sits: "site 1, cycle 2" counts the cycles at that site. */
export function cycleAtSite(target: TargetWithCycles, cycleId: string): { siteNo: number; n: number } | null {
  const cycle = target.cycles.find((c) => c.id === cycleId);
  if (!cycle) return null;
  const siteNo = cycle.siteNo ?? 1;
  const n = target.cycles.filter((c) => (c.siteNo ?? 1) === siteNo && c.seq <= cycle.seq).length;
  return { siteNo, n };
}

// The key that drives the timer. KeyboardEvent.code names a physical key whatever the keyboard
// layout, which is what a USB foot pedal emulates. A key that types nothing (F1-F12, Pause) is
// the safe choice: it cannot land in a text field the assistant is filling in.
export const TimerSettingsSchema = z.strictObject({
  keyCode: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9]{0,23}$/, 'Choose the key by pressing it (a key name such as F8, Pause or KeyB).'),
  /** A second press within this time is ignored (pedals bounce; gloved fingers double-press). */
  pressGuardMs: z.int().min(0, 'The guard time cannot be negative.').max(5_000, 'Keep the guard time at 5000 ms or less, or a real second press is lost.'),
  /** Stopping more than this before the planned time asks whether the cycle was aborted. */
  earlyStopToleranceS: z.int().min(0).max(60, 'Keep the tolerance at 60 s or less.'),
});
export type TimerSettings = z.infer<typeof TimerSettingsSchema>;

export const DEFAULT_TIMER_SETTINGS: TimerSettings = { keyCode: 'F8', pressGuardMs: 800, earlyStopToleranceS: 3 };

/** Keys that type a character: allowed (some pedals can send nothing else) but ignored while a text field has the focus. */
export function keyTypes(code: string): boolean {
  return /^(Key[A-Z]|Digit\d|Numpad\d|Space|Minus|Equal|Bracket(Left|Right)|Backslash|Semicolon|Quote|Backquote|Comma|Period|Slash|Enter|Tab|Backspace)$/.test(code);
}

/** The key's name as a person reads it: "F8", "B", "Space". */
export function keyLabel(code: string): string {
  return code.replace(/^Key/, '').replace(/^Digit/, '').replace(/^Numpad/, 'Num ');
}
