// Derived values (shared/domain/derived.ts): what the rules judge and the screen shows.
import { describe, expect, it } from 'vitest';
import {
  ageAtSession,
  cyclesBySite,
  deriveSession,
  deviceForTarget,
  freezeSecondsOf,
  gasTScore,
  inrAgeDays,
  lidocaineMg,
  lidocaineSummary,
  limbRegionOf,
  nerveTypeOf,
  sitesPerTarget,
  stopToNeedleMinutes,
  stretchDirection,
} from '../../../shared/domain/derived';
import type { Goal } from '../../../shared/domain/model';
import { NERVES } from '../../../shared/domain/valueSets';
import { c1, dev1, edit, newId, s1, s2, t1 } from './fixtures';

describe('local anaesthetic', () => {
  it('mg = mL × % × 10', () => {
    expect(lidocaineMg(2, 1)).toBe(20);
    expect(lidocaineMg(3, 0.5)).toBe(15);
    expect(lidocaineMg(0.7, 2)).toBe(14);
    expect(lidocaineMg(null, 1)).toBeNull();
  });

  it('S1: 3 × 2 mL of 1 % = 60 mg = 0.88 mg/kg for 68 kg, with the running total per target', () => {
    const lido = lidocaineSummary(s1());
    expect(lido).toMatchObject({ totalMg: 60, weightKg: 68, mgPerKg: 0.88 });
    expect(lido.doses.map((d) => [d.entity, d.seq, d.mg, d.cumulativeMg])).toEqual([
      ['target', 1, 20, 20],
      ['target', 2, 20, 40],
      ['target', 3, 20, 60],
    ]);
  });

  it('S2: 9 mL of 1 % = 90 mg = 1.1 mg/kg for 82 kg; blocks weeks earlier are not counted', () => {
    expect(lidocaineSummary(s2())).toMatchObject({ totalMg: 90, mgPerKg: 1.1 });
  });

  it('counts a diagnostic block given on the session date, first; only lidocaine; no mg/kg without a weight', () => {
    const doc = edit(s1(), (d) => {
      Object.assign(d.diagnosticBlocks[0]!, { blockDate: '2026-03-17', agent: 'lidocaine-2', volumeMl: 1 });
      d.targets[2]!.laAgent = 'other';
      d.patient.weightKg = null;
    });
    const lido = lidocaineSummary(doc);
    expect(lido.doses.map((d) => [d.entity, d.cumulativeMg])).toEqual([
      ['diagnosticBlock', 20],
      ['target', 40],
      ['target', 60],
    ]);
    expect(lido.mgPerKg).toBeNull();
  });
});

describe('GAS T-score (domain.md §2.3a)', () => {
  const goal = (baselineLevel: number | null, followUpLevel: number | null, importance: number | null = null, difficulty: number | null = null): Goal => ({
    ...s1().goals[0]!,
    id: newId(),
    baselineLevel,
    followUpLevel,
    importance,
    difficulty,
  });

  it('S1: two goals at -1 with equal weights give 37.6 at baseline', () => {
    expect(gasTScore(s1().goals, 'baseline')).toBe(37.6);
    // By hand: 50 + 10·(−2w) / √(0.7·2w² + 0.3·(2w)²) = 50 − 20/√2.6 = 37.597…
    expect(50 - 20 / Math.sqrt(2.6)).toBeCloseTo(37.597, 3);
  });

  it('is 50 when every goal is met (0), and follows the weights when every goal has both ratings', () => {
    expect(gasTScore([goal(-1, 0), goal(-2, 0)], 'followUp')).toBe(50);
    // w = 6 and 1; x = +1 and −1: 50 + 10·5 / √(0.7·37 + 0.3·49) = 50 + 50/√40.6
    const expected = Math.round((50 + 50 / Math.sqrt(0.7 * 37 + 0.3 * 49)) * 10) / 10;
    expect(gasTScore([goal(-1, 1, 3, 2), goal(-1, -1, 1, 1)], 'followUp')).toBe(expected);
    expect(expected).toBe(57.8);
  });

  it('weighs every goal 1 unless all are rated; null with a missing level, no goal, or zero weights', () => {
    expect(gasTScore([goal(-1, null, 3, 3), goal(-1, null)], 'baseline')).toBe(37.6);
    expect(gasTScore([goal(-1, 1), goal(-1, null)], 'followUp')).toBeNull();
    expect(gasTScore([], 'baseline')).toBeNull();
    expect(gasTScore([goal(-1, 0, 0, 2)], 'baseline')).toBeNull();
  });
});

describe('nerves, dates and sites', () => {
  it('nerve type and region come from the value set', () => {
    expect(nerveTypeOf('musculocutaneous', 'brachialis')).toBe('motor-branch');
    expect(nerveTypeOf('median', 'trunk')).toBe('mixed-trunk');
    expect(nerveTypeOf('suprascapular', null)).toBe('mixed-trunk');
    expect(nerveTypeOf('lateral-pectoral', null)).toBe('motor-branch');
    expect(nerveTypeOf('radial', null)).toBeNull();
    expect(nerveTypeOf('radial', 'soleus')).toBeNull();
    expect(limbRegionOf('tibial')).toBe('lower');
    expect(limbRegionOf('thoracodorsal')).toBe('trunk-shoulder');
    expect(limbRegionOf(null)).toBeNull();
    for (const n of NERVES) expect(limbRegionOf(n.code), n.code).not.toBeNull();
  });

  it('age counts completed years; INR age counts days to the session', () => {
    expect(ageAtSession('1963-08-21', '2026-03-17')).toBe(62);
    expect(ageAtSession('2008-03-17', '2026-03-17')).toBe(18);
    expect(ageAtSession('2008-03-18', '2026-03-17')).toBe(17);
    expect(ageAtSession(null, '2026-03-17')).toBeNull();
    expect(inrAgeDays('2026-03-12', '2026-03-17')).toBe(5);
    expect(inrAgeDays('2026-02-28', '2026-03-01')).toBe(1);
    expect(inrAgeDays('2026-03-18', '2026-03-17')).toBe(-1);
  });

  it('groups cycles by site (no site number = site 1) and counts sites', () => {
    const doc = s1();
    expect([...cyclesBySite(t1(doc)).entries()].map(([site, cs]) => [site, cs.length])).toEqual([
      [1, 2],
      [2, 2],
    ]);
    expect(sitesPerTarget(t1(doc))).toBe(2);
    expect(sitesPerTarget(edit(doc, (d) => t1(d).cycles.forEach((c) => (c.siteNo = null))).targets[0]!)).toBe(1);
  });

  it('stop-to-needle runs from the stop moment to the first freeze start', () => {
    const doc = s1();
    expect(stopToNeedleMinutes(t1(doc))).toBe(1);
    expect(stopToNeedleMinutes({ ...t1(doc), stopMomentTime: null })).toBeNull();
  });

  it('a freeze lasts as entered, else from its times, else (handheld) the planned cycle', () => {
    const doc = s1();
    expect(freezeSecondsOf(c1(doc), dev1(doc))).toBe(90);
    expect(freezeSecondsOf({ ...c1(doc), durationS: null }, dev1(doc))).toBe(90);
    expect(freezeSecondsOf({ ...c1(doc), durationS: null, endedAt: null }, dev1(doc))).toBeNull();
    const handheld = s2();
    expect(freezeSecondsOf(c1(handheld), dev1(handheld))).toBe(106);
  });

  it("finds a target's device: its own, else the session's only one", () => {
    const doc = s1();
    expect(deviceForTarget(doc, t1(doc))?.id).toBe(dev1(doc).id);
    const two = edit(doc, (d) => d.devices.push({ ...dev1(d), id: newId(), seq: 2 }));
    expect(deviceForTarget(two, t1(two))).toBeNull();
    expect(deviceForTarget(two, { ...t1(two), deviceId: two.devices[1]!.id })?.seq).toBe(2);
  });

  it('reads the stretch direction from the convention, or assumes the usual one and says so', () => {
    expect(stretchDirection('elbow-flexors', 'elbow 0° = full extension, flexion +')).toEqual({ sign: -1, assumed: null });
    expect(stretchDirection('elbow-flexors', 'extension positive')).toEqual({ sign: 1, assumed: null });
    expect(stretchDirection('plantarflexors-knee-straight', 'ankle 0 = neutral, DF +')).toEqual({ sign: 1, assumed: null });
    expect(stretchDirection('plantarflexors-knee-bent', 'plantar-flexion +')).toEqual({ sign: -1, assumed: null });
    expect(stretchDirection('knee-flexors', null)).toEqual({ sign: -1, assumed: '0° = full extension, flexion +' });
    expect(stretchDirection('other', 'flexion +')).toBeNull();
  });

  it('collects everything once per validation', () => {
    const d = deriveSession(s2(), { now: '2026-03-17T12:00:00+00:00' });
    expect(d).toMatchObject({ sessionDate: '2026-03-17', ageYears: 48, inrAgeDays: 5, performed: true, gasBaselineT: 37.6 });
    expect(d.targets.map((t) => [t.nerveType, t.region, t.device?.systemType, t.sites.size])).toEqual([
      ['motor-branch', 'lower', 'handheld-fixed-cycle', 3],
      ['motor-branch', 'lower', 'handheld-fixed-cycle', 2],
      ['motor-branch', 'lower', 'handheld-fixed-cycle', 3],
    ]);
    expect(deriveSession(edit(s1(), (x) => (x.session.status = 'not-done'))).performed).toBe(false);
  });
});
