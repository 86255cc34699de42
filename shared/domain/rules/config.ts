// Every threshold the rules use (domain.md §2 and §4), as data. The defaults are the starting
// points of the domain notes; the service's clinical lead may change them (saveRuleConfig),
// so the schema is strict and bounded, and checks that each set of limits is in order: a typo
// in a threshold must not silently switch a safety check off.
import { z } from 'zod';

const num = (min: number, max: number) => z.number().min(min).max(max);
const int = (min: number, max: number) => z.int().min(min).max(max);

const FreezeDuration = z.strictObject({
  errorAtOrBelow: num(0, 60),
  errorAbove: num(1, 3_600),
  warnBelow: num(0, 3_600),
  warnAbove: num(1, 3_600),
});
const Thaw = z.strictObject({ errorBelow: num(-60, 0), errorAbove: num(1, 3_600), warnBelow: num(0, 600) });
const CyclesPerSite = z.strictObject({ warnAbove: int(1, 50), errorAbove: int(1, 100) });
const SitesPerTarget = z.strictObject({ warnAbove: int(1, 50) });
const TipTemp = z.strictObject({
  errorAbove: num(-100, 100),
  errorBelow: num(-273, 0),
  errorAboveWhenCompleted: num(-100, 100),
  warnWarmerThan: num(-200, 50),
  warnWithReasonWarmerThan: num(-200, 50),
});
const StimThreshold = z.strictObject({ errorBelow: num(0, 1), errorAbove: num(0.1, 50), warnBelow: num(0, 10), warnAbove: num(0, 50) });
const StimPulseWidth = z.strictObject({ errorBelow: num(0, 1), errorAbove: num(0.01, 10), warnAboveForMotor: num(0, 10) });
const StimFrequency = z.strictObject({ errorBelow: num(0, 10), errorAbove: num(0.1, 100) });
const Inr = z.strictObject({
  errorBelow: num(0, 5),
  errorAbove: num(1, 30),
  defaultTargetLow: num(0.5, 10),
  defaultTargetHigh: num(0.5, 10),
  maxAgeDays: int(0, 90),
});
const Lidocaine = z.strictObject({
  maxMgPerKg: num(0.1, 20),
  maxMg: num(1, 2_000),
  allowedConcentrationsPct: z.array(num(0.01, 10)).min(1).max(10),
});
const ProbeGauge = z.strictObject({ errorBelow: int(1, 40), errorAbove: int(1, 40), warnBelow: int(1, 40), warnAbove: int(1, 40) });
const ProbeLength = z.strictObject({ errorBelow: num(0, 1_000), errorAbove: num(1, 1_000) });
const Weight = z.strictObject({ errorBelow: num(0, 100), errorAbove: num(50, 1_000), warnBelow: num(0, 200), warnAbove: num(20, 1_000) });
const Age = z.strictObject({ warnBelow: int(0, 40), errorAbove: int(90, 150) });

const GROUPS = {
  /** E08 / W09: textbook 60–90 s, usual 30–240 s, impossible ≤ 0 or > 600 s. */
  freezeDurationS: FreezeDuration,
  /** E08 / W09: thaw between freezes; < 10 s before the next cycle is short. */
  thawS: Thaw,
  /** W09 / E08: freeze–thaw–refreeze is 2–3 cycles; > 10 at one site is a mis-entry. */
  cyclesPerSite: CyclesPerSite,
  /** W09 (our own design choice). */
  sitesPerTarget: SitesPerTarget,
  /** E09 / W10: N₂O cannot go below about −89 °C; warmer than −50 °C is weak, −40 °C likely ineffective. */
  tipTempC: TipTemp,
  /** E10 / W08: < 0.2 mA possibly intraneural, > 1.5 mA probably far from the nerve. */
  stimThresholdMa: StimThreshold,
  /** E10 / W08: 0.05–0.1 ms favours motor fibres. */
  stimPulseWidthMs: StimPulseWidth,
  /** E10. */
  stimFrequencyHz: StimFrequency,
  /** E06 / W01 / W02 / W02b: the leaflet's one-week rule and 2.0–3.0 range (per-session targets override). */
  inr: Inr,
  /** W12 (UK limits for plain lidocaine) and the concentrations the service stocks. */
  lidocaine: Lidocaine,
  /** E11 / REC. */
  probeGauge: ProbeGauge,
  /** E11. */
  probeLengthMm: ProbeLength,
  /** REQ / W12: the mg/kg check needs a believable weight. */
  weightKg: Weight,
  /** W15 / E02. */
  ageYears: Age,
} as const;

const SCALARS = {
  /** E07: Tardieu X = 5 ("joint immobile") exists only in some versions (⚠ unsure). */
  tardieuAllowX5: z.boolean(),
  /** E07: joint angles outside ±this are typing errors. */
  angleLimitDeg: num(90, 360),
  /** W16: how far R1 may lie beyond R2 along the stretch before it is flagged. */
  tardieuR1R2ToleranceDeg: num(0, 45),
  /** W17 (our own design choice): the stop moment is immediately before the needle. */
  stopToNeedleMaxMin: num(1, 240),
  /** W19: an entry made more than this after the event is a late entry. */
  lateEntryHours: num(1, 24 * 30),
  /** W19: a signed record should reach the notes system within this. */
  exportDueHours: num(1, 24 * 30),
  /** W11: one handheld cycle gave 7.1 × 16 mm. */
  iceBallWarnAboveMm: num(1, 100),
  /** W11: procedural pain at or above this. */
  freezePainWarnAtOrAbove: int(1, 10),
  /** REC (our own design choice): close to the length of a 90 mm probe. */
  targetDepthWarnAboveMm: num(1, 300),
  /** W04: volume of a diagnostic block per nerve. */
  blockVolumeWarnAboveMl: num(0.1, 50),
} as const;

type Issue = { path: (string | number)[]; message: string };

/** Limits must nest (error range outside the warning range), or a check silently never fires. */
function orderIssues(c: RuleConfigShape): Issue[] {
  const out: Issue[] = [];
  const le = (path: string[], a: number, b: number, what: string) => {
    if (!(a <= b)) out.push({ path, message: `${what} (${a} is not at or below ${b}).` });
  };
  const f = c.freezeDurationS;
  le(['freezeDurationS', 'warnBelow'], f.errorAtOrBelow, f.warnBelow, 'The freeze "error at or below" must be at or below "warn below"');
  le(['freezeDurationS', 'warnAbove'], f.warnBelow, f.warnAbove, 'The usual freeze range is upside down');
  le(['freezeDurationS', 'errorAbove'], f.warnAbove, f.errorAbove, 'The freeze "warn above" must be at or below "error above"');
  le(['thawS', 'warnBelow'], c.thawS.errorBelow, c.thawS.warnBelow, 'The thaw "error below" must be at or below "warn below"');
  le(['thawS', 'errorAbove'], c.thawS.warnBelow, c.thawS.errorAbove, 'The thaw "warn below" must be below "error above"');
  le(['cyclesPerSite', 'errorAbove'], c.cyclesPerSite.warnAbove, c.cyclesPerSite.errorAbove, 'Cycles per site: "warn above" must be at or below "error above"');
  const t = c.tipTempC;
  le(['tipTempC', 'errorAbove'], t.errorBelow, t.errorAbove, 'The possible probe temperature range is upside down');
  le(['tipTempC', 'warnWarmerThan'], t.errorBelow, t.warnWarmerThan, 'The "warn" temperature must be warmer than "error below"');
  le(['tipTempC', 'warnWarmerThan'], t.warnWarmerThan, t.warnWithReasonWarmerThan, 'The "warn" temperature must be at or colder than the "warn with reason" temperature');
  le(['tipTempC', 'warnWithReasonWarmerThan'], t.warnWithReasonWarmerThan, t.errorAbove, 'The "warn with reason" temperature must be at or below "error above"');
  const s = c.stimThresholdMa;
  le(['stimThresholdMa', 'warnBelow'], s.errorBelow, s.warnBelow, 'Stimulation: "error below" must be at or below "warn below"');
  le(['stimThresholdMa', 'warnAbove'], s.warnBelow, s.warnAbove, 'The usual stimulation range is upside down');
  le(['stimThresholdMa', 'errorAbove'], s.warnAbove, s.errorAbove, 'Stimulation: "warn above" must be at or below "error above"');
  le(['stimPulseWidthMs', 'errorAbove'], c.stimPulseWidthMs.errorBelow, c.stimPulseWidthMs.errorAbove, 'The possible pulse-width range is upside down');
  le(['stimFrequencyHz', 'errorAbove'], c.stimFrequencyHz.errorBelow, c.stimFrequencyHz.errorAbove, 'The possible frequency range is upside down');
  const i = c.inr;
  le(['inr', 'defaultTargetLow'], i.errorBelow, i.defaultTargetLow, 'The INR "error below" must be at or below the default target low');
  le(['inr', 'defaultTargetHigh'], i.defaultTargetLow, i.defaultTargetHigh, 'The default INR target range is upside down');
  le(['inr', 'errorAbove'], i.defaultTargetHigh, i.errorAbove, 'The default INR target high must be at or below "error above"');
  const g = c.probeGauge;
  le(['probeGauge', 'warnBelow'], g.errorBelow, g.warnBelow, 'Probe gauge: "error below" must be at or below "warn below"');
  le(['probeGauge', 'warnAbove'], g.warnBelow, g.warnAbove, 'The usual probe gauge range is upside down');
  le(['probeGauge', 'errorAbove'], g.warnAbove, g.errorAbove, 'Probe gauge: "warn above" must be at or below "error above"');
  le(['probeLengthMm', 'errorAbove'], c.probeLengthMm.errorBelow, c.probeLengthMm.errorAbove, 'The possible probe length range is upside down');
  const w = c.weightKg;
  le(['weightKg', 'warnBelow'], w.errorBelow, w.warnBelow, 'Weight: "error below" must be at or below "warn below"');
  le(['weightKg', 'warnAbove'], w.warnBelow, w.warnAbove, 'The usual weight range is upside down');
  le(['weightKg', 'errorAbove'], w.warnAbove, w.errorAbove, 'Weight: "warn above" must be at or below "error above"');
  return out;
}

const Shape = z.strictObject({ ...GROUPS, ...SCALARS });
type RuleConfigShape = z.infer<typeof Shape>;

/** The whole configuration, strict and bounded; what saveRuleConfig accepts and the setting stores. */
export const RuleConfigSchema = Shape.superRefine((c, ctx) => {
  for (const issue of orderIssues(c)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
});
export type RuleConfig = z.infer<typeof RuleConfigSchema>;

type Groups = typeof GROUPS;
/** Any subset of the settings, each group itself partial: merged over a full configuration. */
export type RuleConfigOverride = { [K in keyof Groups]?: Partial<z.infer<Groups[K]>> } & { [K in keyof typeof SCALARS]?: z.infer<(typeof SCALARS)[K]> };

const overrideShape: Record<string, z.ZodType> = {};
for (const [key, schema] of Object.entries(GROUPS)) overrideShape[key] = schema.partial().optional();
for (const [key, schema] of Object.entries(SCALARS)) overrideShape[key] = schema.optional();
export const RuleConfigOverrideSchema = z.strictObject(overrideShape) as unknown as z.ZodType<RuleConfigOverride>;

export const DEFAULT_RULE_CONFIG: RuleConfig = Object.freeze({
  freezeDurationS: { errorAtOrBelow: 0, errorAbove: 600, warnBelow: 30, warnAbove: 240 },
  thawS: { errorBelow: 0, errorAbove: 900, warnBelow: 10 },
  cyclesPerSite: { warnAbove: 4, errorAbove: 10 },
  sitesPerTarget: { warnAbove: 8 },
  tipTempC: { errorAbove: 10, errorBelow: -100, errorAboveWhenCompleted: 0, warnWarmerThan: -50, warnWithReasonWarmerThan: -40 },
  stimThresholdMa: { errorBelow: 0, errorAbove: 5, warnBelow: 0.2, warnAbove: 1.5 },
  stimPulseWidthMs: { errorBelow: 0.01, errorAbove: 1.0, warnAboveForMotor: 0.3 },
  stimFrequencyHz: { errorBelow: 0.1, errorAbove: 10 },
  inr: { errorBelow: 0.5, errorAbove: 15, defaultTargetLow: 2.0, defaultTargetHigh: 3.0, maxAgeDays: 7 },
  lidocaine: { maxMgPerKg: 3, maxMg: 200, allowedConcentrationsPct: [0.5, 1, 2] },
  probeGauge: { errorBelow: 12, errorAbove: 27, warnBelow: 14, warnAbove: 22 },
  probeLengthMm: { errorBelow: 10, errorAbove: 200 },
  weightKg: { errorBelow: 10, errorAbove: 400, warnBelow: 25, warnAbove: 250 },
  ageYears: { warnBelow: 18, errorAbove: 120 },
  tardieuAllowX5: false,
  angleLimitDeg: 180,
  tardieuR1R2ToleranceDeg: 5,
  stopToNeedleMaxMin: 15,
  lateEntryHours: 24,
  exportDueHours: 24,
  iceBallWarnAboveMm: 15,
  freezePainWarnAtOrAbove: 7,
  targetDepthWarnAboveMm: 80,
  blockVolumeWarnAboveMl: 5,
});

export type ConfigResult = { ok: true; config: RuleConfig } | { ok: false; issues: { path: string; message: string }[] };

const toIssues = (error: z.ZodError) => error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));

/** Checks a full configuration (e.g. one read back from the database). */
export function parseRuleConfig(input: unknown): ConfigResult {
  const r = RuleConfigSchema.safeParse(input);
  return r.success ? { ok: true, config: r.data } : { ok: false, issues: toIssues(r.error) };
}

/**
 * Merges a partial override over a full configuration (the defaults unless given), group by
 * group; a list (allowed concentrations) is replaced, not appended to. The result is checked
 * as a whole, so an override cannot leave the limits out of order.
 */
export function mergeRuleConfig(override: unknown, base: RuleConfig = DEFAULT_RULE_CONFIG): ConfigResult {
  const parsed = RuleConfigOverrideSchema.safeParse(override);
  if (!parsed.success) return { ok: false, issues: toIssues(parsed.error) };
  const merged = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
  for (const [key, value] of Object.entries(parsed.data)) {
    if (value === undefined) continue;
    merged[key] = typeof value === 'object' && !Array.isArray(value) ? { ...(merged[key] as object), ...value } : value;
  }
  return parseRuleConfig(merged);
}
