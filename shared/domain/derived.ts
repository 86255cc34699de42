// Values the record does not store but the rules, the screen and the exports all need,
// computed in one pure place: nerve type and region, age, INR age, lidocaine doses, cycles
// per site, stop-to-needle interval and the GAS T-score.
import type { Cycle, Device, Goal, SessionDocument, TargetWithCycles } from './model';
import { findBranch, findNerve, type LimbRegion, type NerveType } from './valueSets';

// ── Dates and times ─────────────────────────────────────────────────────────────────────────

/** The session's calendar date as the clinician saw it (startedAt carries the local offset). */
export function sessionDateOf(doc: SessionDocument): string {
  return doc.session.startedAt.slice(0, 10);
}

const dayNumber = (isoDate: string): number => Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10))) / 86_400_000;

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `from` is later. */
export function daysBetween(from: string, to: string): number {
  return Math.round(dayNumber(to) - dayNumber(from));
}

/** Milliseconds since the epoch of an ISO date-time, or null when absent or unreadable. */
export function timeOf(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isFinite(t) ? t : null;
}

/** Age in completed years on the session date (a birthday on the day counts). */
export function ageAtSession(dateOfBirth: string | null, sessionDate: string): number | null {
  if (!dateOfBirth) return null;
  const [by, bm, bd] = [Number(dateOfBirth.slice(0, 4)), Number(dateOfBirth.slice(5, 7)), Number(dateOfBirth.slice(8, 10))];
  const [sy, sm, sd] = [Number(sessionDate.slice(0, 4)), Number(sessionDate.slice(5, 7)), Number(sessionDate.slice(8, 10))];
  return sy - by - (sm < bm || (sm === bm && sd < bd) ? 1 : 0);
}

/** Days from the INR sample to the session (0 = same day; negative = after the session). */
export function inrAgeDays(inrDate: string | null, sessionDate: string): number | null {
  return inrDate ? daysBetween(inrDate, sessionDate) : null;
}

// ── Nerves ────────────────────────────────────────────────────────────────────────────────────

/**
 * Motor branch or mixed trunk, from the value set. With no branch chosen the type is known
 * only when the nerve offers a single kind (e.g. suprascapular: trunk only).
 */
export function nerveTypeOf(nerve: string | null, branch: string | null): NerveType | null {
  const b = findBranch(nerve, branch);
  if (b) return b.type;
  const n = findNerve(nerve);
  if (!n || branch) return null;
  const types = new Set(n.branches.map((x) => x.type));
  return types.size === 1 ? (n.branches[0]?.type ?? null) : null;
}

export function limbRegionOf(nerve: string | null): LimbRegion | null {
  return findNerve(nerve)?.region ?? null;
}

// ── Devices ───────────────────────────────────────────────────────────────────────────────────

/** The device a target used: its own choice, else the session's only device. */
/**
 * A consented site covers a target when the side matches and its region and nerve, where given,
 * do too (rule E04 and the stop moment use this one definition).
 */
export function consentCovers(doc: SessionDocument, t: TargetWithCycles): boolean {
  const region = findNerve(t.nerve)?.region ?? null;
  // A target without its nerve yet is matched on side alone (REQ asks for the nerve).
  return doc.consentSites.some((c) => c.side === t.side && (c.nerve === null || t.nerve === null || c.nerve === t.nerve) && (c.region === null || region === null || c.region === region));
}

export function deviceForTarget(doc: SessionDocument, target: TargetWithCycles): Device | null {
  if (target.deviceId) return doc.devices.find((d) => d.id === target.deviceId) ?? null;
  return doc.devices.length === 1 ? (doc.devices[0] ?? null) : null;
}

/**
 * A cycle's freeze time: as entered, else from its start and end times, else (handheld
 * devices fix the cycle) the device's planned cycle length.
 */
export function freezeSecondsOf(cycle: Pick<Cycle, 'durationS' | 'startedAt' | 'endedAt'>, device: Device | null): number | null {
  if (cycle.durationS !== null) return cycle.durationS;
  const start = timeOf(cycle.startedAt);
  const end = timeOf(cycle.endedAt);
  if (start !== null && end !== null && end > start) return Math.round((end - start) / 1000);
  if (device?.systemType === 'handheld-fixed-cycle' && device.plannedFreezeS !== null) return device.plannedFreezeS;
  return null;
}

// ── Lesion sites ──────────────────────────────────────────────────────────────────────────────

/** Cycles grouped by lesion site, in entry order; a cycle without a site number counts as site 1. */
export function cyclesBySite<C extends Pick<Cycle, 'siteNo'>>(target: { cycles: readonly C[] }): Map<number, C[]> {
  const sites = new Map<number, C[]>();
  for (const c of target.cycles) {
    const site = c.siteNo ?? 1;
    const list = sites.get(site);
    if (list) list.push(c);
    else sites.set(site, [c]);
  }
  return sites;
}

export function sitesPerTarget(target: { cycles: readonly Pick<Cycle, 'siteNo'>[] }): number {
  return cyclesBySite(target).size;
}

/** The first freeze start of a target (the nearest recorded proxy for its needle time). */
export function firstFreezeStart(target: TargetWithCycles): number | null {
  let first: number | null = null;
  for (const c of target.cycles) {
    const t = timeOf(c.startedAt);
    if (t !== null && (first === null || t < first)) first = t;
  }
  return first;
}

/** Minutes from the stop moment to the target's first freeze; null when either is missing. */
export function stopToNeedleMinutes(target: TargetWithCycles): number | null {
  const stop = timeOf(target.stopMomentTime);
  const needle = firstFreezeStart(target);
  return stop === null || needle === null ? null : (needle - stop) / 60_000;
}

// ── Local anaesthetic ─────────────────────────────────────────────────────────────────────────

const round2 = (n: number) => Math.round(n * 100) / 100;

/** mg = mL × % × 10 (1 % is 10 mg/mL). */
export function lidocaineMg(volumeMl: number | null, concentrationPct: number | null): number | null {
  return volumeMl === null || concentrationPct === null ? null : round2(volumeMl * concentrationPct * 10);
}

export interface LidocaineDose {
  /** The target (skin infiltration) or the same-day diagnostic block the dose was given for. */
  entity: 'target' | 'diagnosticBlock';
  entityId: string;
  seq: number;
  mg: number;
  /** The session's total up to and including this dose. */
  cumulativeMg: number;
}

export interface LidocaineSummary {
  doses: LidocaineDose[];
  totalMg: number;
  weightKg: number | null;
  /** Total per kilogram, to two places; null without a weight. */
  mgPerKg: number | null;
}

const BLOCK_LIDOCAINE_PCT: Record<string, number> = { 'lidocaine-1': 1, 'lidocaine-2': 2 };

/**
 * Plain lidocaine given in this session: skin infiltration per target (in target order) plus
 * any diagnostic block done on the session date (blocks weeks earlier are long cleared).
 */
export function lidocaineSummary(doc: SessionDocument): LidocaineSummary {
  const doses: LidocaineDose[] = [];
  let total = 0;
  const add = (entity: LidocaineDose['entity'], entityId: string, seq: number, mg: number | null) => {
    if (mg === null || mg <= 0) return;
    total = round2(total + mg);
    doses.push({ entity, entityId, seq, mg, cumulativeMg: total });
  };
  const day = sessionDateOf(doc);
  for (const b of doc.diagnosticBlocks) {
    const pct = b.agent ? BLOCK_LIDOCAINE_PCT[b.agent] : undefined;
    if (b.blockDate === day && pct !== undefined) add('diagnosticBlock', b.id, b.seq, lidocaineMg(b.volumeMl, pct));
  }
  for (const t of doc.targets) if (t.laAgent === 'lidocaine') add('target', t.id, t.seq, lidocaineMg(t.laVolumeMl, t.laConcPct));
  const weightKg = doc.patient.weightKg;
  return { doses, totalMg: total, weightKg, mgPerKg: weightKg && weightKg > 0 ? round2(total / weightKg) : null };
}

// ── Goal Attainment Scaling ───────────────────────────────────────────────────────────────────

/**
 * GAS T-score (domain.md §2.3a, Kiresuk–Sherman with ρ = 0.3):
 * T = 50 + 10·Σ(wᵢxᵢ) / √(0.7·Σwᵢ² + 0.3·(Σwᵢ)²), with wᵢ = importance × difficulty.
 * Weights are used only when every goal has both ratings; otherwise all goals weigh 1 (a mix
 * of weighted and unweighted goals has no meaning). Null when a level is missing or the
 * weights sum to zero.
 */
export function gasTScore(goals: readonly Goal[], which: 'baseline' | 'followUp'): number | null {
  if (goals.length === 0) return null;
  const weighted = goals.every((g) => g.importance !== null && g.difficulty !== null);
  let sumWx = 0;
  let sumW = 0;
  let sumW2 = 0;
  for (const g of goals) {
    const x = which === 'baseline' ? g.baselineLevel : g.followUpLevel;
    if (x === null) return null;
    const w = weighted ? (g.importance ?? 0) * (g.difficulty ?? 0) : 1;
    sumWx += w * x;
    sumW += w;
    sumW2 += w * w;
  }
  const denominator = Math.sqrt(0.7 * sumW2 + 0.3 * sumW * sumW);
  return denominator > 0 ? Math.round((50 + (10 * sumWx) / denominator) * 10) / 10 : null;
}

// ── Tardieu stretch direction ─────────────────────────────────────────────────────────────────

type Motion = 'flexion' | 'extension' | 'dorsiflexion' | 'plantarflexion' | 'abduction' | 'adduction' | 'supination' | 'pronation' | 'external-rotation' | 'internal-rotation';

/** The motion that stretches each group, and the usual sign convention (+1: the angle grows). */
const STRETCH: Record<string, { motion: Motion; opposite: Motion; usual: 1 | -1; usualConvention: string }> = {
  'elbow-flexors': { motion: 'extension', opposite: 'flexion', usual: -1, usualConvention: '0° = full extension, flexion +' },
  'forearm-pronators': { motion: 'supination', opposite: 'pronation', usual: 1, usualConvention: '0° = mid-position, supination +' },
  'wrist-flexors': { motion: 'extension', opposite: 'flexion', usual: 1, usualConvention: '0° = neutral, extension +' },
  'finger-flexors': { motion: 'extension', opposite: 'flexion', usual: 1, usualConvention: '0° = neutral, extension +' },
  'shoulder-adductors-ir': { motion: 'abduction', opposite: 'adduction', usual: 1, usualConvention: '0° = arm at the side, abduction +' },
  'hip-adductors': { motion: 'abduction', opposite: 'adduction', usual: 1, usualConvention: '0° = neutral, abduction +' },
  'knee-extensors': { motion: 'flexion', opposite: 'extension', usual: 1, usualConvention: '0° = full extension, flexion +' },
  'knee-flexors': { motion: 'extension', opposite: 'flexion', usual: -1, usualConvention: '0° = full extension, flexion +' },
  'plantarflexors-knee-straight': { motion: 'dorsiflexion', opposite: 'plantarflexion', usual: 1, usualConvention: '0° = neutral, dorsiflexion +' },
  'plantarflexors-knee-bent': { motion: 'dorsiflexion', opposite: 'plantarflexion', usual: 1, usualConvention: '0° = neutral, dorsiflexion +' },
};

// Each motion and the words a convention may use for it, then "+" or "positive".
const MOTION_PATTERNS: [Motion, RegExp][] = (
  [
    ['dorsiflexion', 'dorsi-?flexion|df'],
    ['plantarflexion', 'plantar-?flexion|pf'],
    ['flexion', 'flexion|flex'],
    ['extension', 'extension|ext'],
    ['abduction', 'abduction|abd'],
    ['adduction', 'adduction|add'],
    ['supination', 'supination|sup'],
    ['pronation', 'pronation|pron'],
    ['external-rotation', 'external rotation|er'],
    ['internal-rotation', 'internal rotation|ir'],
  ] as const
).map(([motion, words]) => [motion, new RegExp(`\\b(?:${words})\\s*(?:\\+|=\\s*\\+|positive)`)]);

/** The motion the convention text calls positive ("flexion +", "DF positive"), if it names one. */
function positiveMotion(convention: string): Motion | null {
  const text = convention.toLowerCase();
  let best: { at: number; motion: Motion } | null = null;
  for (const [motion, re] of MOTION_PATTERNS) {
    const m = re.exec(text);
    // The earliest mention wins: "plantar-flexion +" also contains "flexion +".
    if (m && (best === null || m.index < best.at)) best = { at: m.index, motion };
  }
  return best?.motion ?? null;
}

/**
 * The direction the angle moves while a muscle group is stretched (+1 growing, −1 shrinking),
 * read from the recorded convention when it says which motion is positive, else the group's
 * usual convention. Null for groups without a known stretch ("other").
 */
export function stretchDirection(muscleGroup: string | null, convention: string | null): { sign: 1 | -1; assumed: string | null } | null {
  const s = muscleGroup ? STRETCH[muscleGroup] : undefined;
  if (!s) return null;
  const positive = convention ? positiveMotion(convention) : null;
  if (positive === s.motion) return { sign: 1, assumed: null };
  if (positive === s.opposite) return { sign: -1, assumed: null };
  return { sign: s.usual, assumed: s.usualConvention };
}

// ── Everything the rules need, computed once per validation ───────────────────────────────────

export interface TargetDerived {
  target: TargetWithCycles;
  nerveType: NerveType | null;
  region: LimbRegion | null;
  device: Device | null;
  sites: Map<number, Cycle[]>;
  firstFreezeStart: number | null;
  stopToNeedleMin: number | null;
}

export interface SignatureState {
  signedAt: string;
  /** When the signed record reached the notes system; null while it has not. */
  exportedAt: string | null;
}

export interface DerivedOptions {
  /** The current time (ISO); rules about "now" (a start in the future, export overdue) need it. */
  now?: string | null;
  /** Sign-off state, once the record has one (E14, W19). */
  signature?: SignatureState | null;
}

/** False when the session was cancelled before the needle or entered in error: nothing was treated. */
export function sessionPerformed(status: SessionDocument['session']['status']): boolean {
  return status !== 'not-done' && status !== 'entered-in-error';
}

export interface Derived {
  sessionDate: string;
  now: number | null;
  signature: SignatureState | null;
  /** False when the session was cancelled before the needle or entered in error. */
  performed: boolean;
  ageYears: number | null;
  inrAgeDays: number | null;
  lidocaine: LidocaineSummary;
  targets: TargetDerived[];
  firstFreezeStart: number | null;
  gasBaselineT: number | null;
  gasFollowUpT: number | null;
}

export function deriveSession(doc: SessionDocument, options: DerivedOptions = {}): Derived {
  const sessionDate = sessionDateOf(doc);
  const targets = doc.targets.map(
    (t): TargetDerived => ({
      target: t,
      nerveType: nerveTypeOf(t.nerve, t.branch),
      region: limbRegionOf(t.nerve),
      device: deviceForTarget(doc, t),
      sites: cyclesBySite(t),
      firstFreezeStart: firstFreezeStart(t),
      stopToNeedleMin: stopToNeedleMinutes(t),
    }),
  );
  const starts = targets.map((t) => t.firstFreezeStart).filter((t): t is number => t !== null);
  return {
    sessionDate,
    now: timeOf(options.now ?? null),
    signature: options.signature ?? null,
    performed: sessionPerformed(doc.session.status),
    ageYears: ageAtSession(doc.patient.dateOfBirth, sessionDate),
    inrAgeDays: inrAgeDays(doc.session.inrDate, sessionDate),
    lidocaine: lidocaineSummary(doc),
    targets,
    firstFreezeStart: starts.length > 0 ? Math.min(...starts) : null,
    gasBaselineT: gasTScore(doc.goals, 'baseline'),
    gasFollowUpT: gasTScore(doc.goals, 'followUp'),
  };
}
