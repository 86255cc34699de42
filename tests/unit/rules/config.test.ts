// Thresholds as data: the defaults of domain.md, a strict bounded schema, and overrides that
// merge over the defaults and change what the rules find.
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_CONFIG, RuleConfigSchema, mergeRuleConfig, parseRuleConfig, type RuleConfig } from '../../../shared/domain/rules/config';
import { validateSession } from '../../../shared/domain/rules';
import { c1, edit, s1, s2, t1 } from './fixtures';

const merged = (override: unknown): RuleConfig => {
  const r = mergeRuleConfig(override);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.config;
};
const ids = (doc: Parameters<typeof validateSession>[0], cfg?: RuleConfig) => {
  const r = validateSession(doc, cfg);
  return [...r.errors, ...r.warnings].map((f) => f.ruleId);
};

describe('the default configuration', () => {
  it('holds the starting points of domain.md', () => {
    expect(DEFAULT_RULE_CONFIG).toMatchObject({
      freezeDurationS: { errorAtOrBelow: 0, errorAbove: 600, warnBelow: 30, warnAbove: 240 },
      thawS: { errorBelow: 0, errorAbove: 900, warnBelow: 10 },
      cyclesPerSite: { warnAbove: 4, errorAbove: 10 },
      sitesPerTarget: { warnAbove: 8 },
      tipTempC: { errorAbove: 10, errorBelow: -100, warnWarmerThan: -50, warnWithReasonWarmerThan: -40 },
      stimThresholdMa: { warnBelow: 0.2, warnAbove: 1.5, errorAbove: 5 },
      stimPulseWidthMs: { errorBelow: 0.01, errorAbove: 1, warnAboveForMotor: 0.3 },
      stimFrequencyHz: { errorBelow: 0.1, errorAbove: 10 },
      inr: { errorBelow: 0.5, errorAbove: 15, defaultTargetLow: 2, defaultTargetHigh: 3, maxAgeDays: 7 },
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
      iceBallWarnAboveMm: 15,
      targetDepthWarnAboveMm: 80,
      blockVolumeWarnAboveMl: 5,
    });
    expect(RuleConfigSchema.safeParse(DEFAULT_RULE_CONFIG).success).toBe(true);
  });
});

describe('the schema the clinical lead edits through', () => {
  it('refuses unknown keys, at the top and in a group', () => {
    expect(parseRuleConfig({ ...DEFAULT_RULE_CONFIG, extra: 1 }).ok).toBe(false);
    expect(parseRuleConfig({ ...DEFAULT_RULE_CONFIG, inr: { ...DEFAULT_RULE_CONFIG.inr, targetHigh: 3 } }).ok).toBe(false);
  });

  it('refuses a missing key, a wrong type, a non-finite or an out-of-bounds number', () => {
    const { tardieuAllowX5: _, ...missing } = DEFAULT_RULE_CONFIG;
    expect(parseRuleConfig(missing).ok).toBe(false);
    expect(parseRuleConfig({ ...DEFAULT_RULE_CONFIG, angleLimitDeg: '180' }).ok).toBe(false);
    expect(parseRuleConfig({ ...DEFAULT_RULE_CONFIG, lateEntryHours: Infinity }).ok).toBe(false);
    expect(parseRuleConfig({ ...DEFAULT_RULE_CONFIG, freezeDurationS: { ...DEFAULT_RULE_CONFIG.freezeDurationS, errorAbove: 100_000 } }).ok).toBe(false);
    expect(parseRuleConfig({ ...DEFAULT_RULE_CONFIG, lidocaine: { ...DEFAULT_RULE_CONFIG.lidocaine, allowedConcentrationsPct: [] } }).ok).toBe(false);
    expect(parseRuleConfig({ ...DEFAULT_RULE_CONFIG, cyclesPerSite: { warnAbove: 4.5, errorAbove: 10 } }).ok).toBe(false);
  });

  it('refuses limits out of order, naming the setting', () => {
    const r = parseRuleConfig({ ...DEFAULT_RULE_CONFIG, freezeDurationS: { errorAtOrBelow: 0, errorAbove: 200, warnBelow: 30, warnAbove: 240 } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues).toContainEqual({ path: 'freezeDurationS.errorAbove', message: expect.stringContaining('"warn above" must be at or below "error above"') });
    const inr = parseRuleConfig({ ...DEFAULT_RULE_CONFIG, inr: { ...DEFAULT_RULE_CONFIG.inr, defaultTargetLow: 3.5 } });
    expect(inr.ok).toBe(false);
    const temps = parseRuleConfig({ ...DEFAULT_RULE_CONFIG, tipTempC: { ...DEFAULT_RULE_CONFIG.tipTempC, warnWarmerThan: -30 } });
    expect(temps.ok).toBe(false);
  });
});

describe('a partial override', () => {
  it('merges group by group over the defaults, replacing lists', () => {
    const cfg = merged({ inr: { maxAgeDays: 3 }, lidocaine: { allowedConcentrationsPct: [1] }, tardieuAllowX5: true });
    expect(cfg.inr).toEqual({ ...DEFAULT_RULE_CONFIG.inr, maxAgeDays: 3 });
    expect(cfg.lidocaine.allowedConcentrationsPct).toEqual([1]);
    expect(cfg.tardieuAllowX5).toBe(true);
    expect(cfg.freezeDurationS).toEqual(DEFAULT_RULE_CONFIG.freezeDurationS);
    expect(DEFAULT_RULE_CONFIG.inr.maxAgeDays).toBe(7); // the defaults are untouched
  });

  it('is refused when it names an unknown setting, has a wrong type, or leaves limits out of order', () => {
    expect(mergeRuleConfig({ inr: { maxAge: 3 } }).ok).toBe(false);
    expect(mergeRuleConfig({ freezeMaxS: 300 }).ok).toBe(false);
    expect(mergeRuleConfig({ stopToNeedleMaxMin: 'ten' }).ok).toBe(false);
    expect(mergeRuleConfig({ freezeDurationS: { warnAbove: 700 } }).ok).toBe(false);
    expect(mergeRuleConfig(null).ok).toBe(false);
    expect(mergeRuleConfig({}).ok).toBe(true);
  });

  it('changes outcomes: a stricter freeze maximum makes 150 s an error', () => {
    const doc = edit(s1(), (d) => (c1(d).durationS = 150));
    expect(ids(doc)).toEqual([]);
    expect(ids(doc, merged({ freezeDurationS: { errorAbove: 120, warnAbove: 100 } }))).toEqual(['E08']);
  });

  it('changes outcomes: a shorter INR window makes S2 (5 days) a W01+R', () => {
    expect(ids(s2(), merged({ inr: { maxAgeDays: 3 } }))).toEqual(['W01']);
  });

  it('changes outcomes: a colder warning threshold flags -55 °C, and lidocaine 1 % only flags S1 at 2 %', () => {
    const cold = edit(s1(), (d) => (c1(d).tipTempC = -55));
    expect(ids(cold)).toEqual([]);
    expect(ids(cold, merged({ tipTempC: { warnWarmerThan: -60, warnWithReasonWarmerThan: -45 } }))).toEqual(['W10']);
    const strong = edit(s1(), (d) => (t1(d).laConcPct = 2));
    expect(ids(strong)).toEqual([]);
    expect(ids(strong, merged({ lidocaine: { allowedConcentrationsPct: [0.5, 1] } }))).toEqual(['REQ']);
  });
});
