// The committed example sessions (tests/fixtures/*.session.json, domain.md §5): in step with
// their builder, valid by the app's zod schema and by the published JSON Schema, and faithful
// to the details §5 gives. What the rules engine says about them is in tests/cli/cli.test.ts.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SessionDocument } from '../../shared/domain/model';
import { isValidNhsNumber } from '../../shared/domain/nhsNumber';
import { buildFixtures, FIXTURE_NAMES, fixtureFile, fixtureText, SESSION_DATE, type FixtureName } from '../tools/sessionFixtures';
import { sessionValidator } from './jsonSchema';

const read = (name: FixtureName): unknown => JSON.parse(fs.readFileSync(fixtureFile(name), 'utf8'));
const doc = (name: FixtureName): SessionDocument => SessionDocument.parse(read(name));
const built = buildFixtures();
const validate = sessionValidator();

/** Whole years from a date of birth to the session date. */
function age(dob: string): number {
  const [by, bm, bd] = dob.split('-').map(Number) as [number, number, number];
  const [sy, sm, sd] = SESSION_DATE.split('-').map(Number) as [number, number, number];
  return sy - by - (sm < bm || (sm === bm && sd < bd) ? 1 : 0);
}
const daysBefore = (date: string) => (Date.parse(SESSION_DATE) - Date.parse(date)) / 86_400_000;
const cyclesOf = (d: SessionDocument) => d.targets.flatMap((t) => t.cycles);

describe.each(FIXTURE_NAMES)('tests/fixtures/%s.session.json', (name) => {
  it('is what tests/tools/sessionFixtures.ts builds (run "npm run fixtures" after changing either)', () => {
    const committed = fs.readFileSync(fixtureFile(name), 'utf8');
    if (committed !== fixtureText(built[name])) expect.fail(`${fixtureFile(name)} differs from its builder. Run "npm run fixtures" and commit the result.`);
  });

  it('parses with the app\'s SessionDocument schema', () => {
    const parsed = SessionDocument.safeParse(read(name));
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  it('is valid by the committed JSON Schema (Ajv 2020-12 with formats)', () => {
    expect(validate(read(name)).errors).toEqual([]);
  });

  it('is pretty JSON, one session on the fixed date, times with a UTC offset', () => {
    const text = fs.readFileSync(fixtureFile(name), 'utf8');
    expect(text.startsWith('{\n  "format": "cryolog.session",\n  "formatVersion": 1,')).toBe(true);
    const d = doc(name);
    expect(d.session.startedAt.slice(0, 10)).toBe(SESSION_DATE);
    const times = [d.session.startedAt, d.session.endedAt, d.session.timeOutTime, ...d.targets.map((t) => t.stopMomentTime), ...cyclesOf(d).map((c) => c.startedAt)];
    for (const t of times) expect(t).toMatch(/^2026-03-10T\d\d:\d\d:\d\d\+00:00$/);
  });
});

describe('S1: upper limb, console, everything normal', () => {
  const d = doc('S1');
  it('patient, goals, blocks and team as in domain.md §5', () => {
    expect(d.patient).toMatchObject({ sex: 'female', weightKg: 68, aetiology: 'stroke', affectedSide: 'left', nhsNumber: '9990079196', allergyStatus: 'nkda', allergies: [] });
    expect(age(d.patient.dateOfBirth!)).toBe(62);
    expect(d.session).toMatchObject({ anticoagulant: 'antiplatelet', consentType: 'written-patient', leafletGiven: true, baselinePainNrs: 6, siteMarked: 'marked-visible', painNrsPost: 3, complicationsAnswer: 'none', gpLetter: true });
    expect(d.goals.map((g) => [g.baselineLevel, g.importance! * g.difficulty!])).toEqual([
      [-1, 4],
      [-1, 4],
    ]);
    expect(d.diagnosticBlocks.map((b) => [b.nerve, b.branch, b.side, b.volumeMl, b.agent, b.result, b.masPre, b.masPost, daysBefore(b.blockDate!)])).toEqual([
      ['musculocutaneous', 'brachialis', 'left', 1, 'lidocaine-1', 'positive', '3', '1+', 28],
      ['musculocutaneous', 'biceps-brachii', 'left', 1, 'lidocaine-1', 'positive', '3', '1+', 28],
      ['radial', 'brachioradialis', 'left', 1, 'lidocaine-1', 'positive', '3', '1+', 28],
    ]);
    expect(d.team.map((m) => [m.role, m.registrationBody])).toEqual([
      ['operator', 'gmc'],
      ['assistant', 'hcpc'],
    ]);
  });

  it('safety times, targets, confirmation and device', () => {
    const hhmm = (t: string | null) => t?.slice(11, 16);
    expect([d.session.signInTime, d.session.timeOutTime, ...d.targets.map((t) => t.stopMomentTime), d.session.signOutTime].map(hhmm)).toEqual(['09:02', '09:10', '09:14', '09:31', '09:47', '10:05']);
    expect(d.targets.map((t) => [t.side, t.nerve, t.branch, t.stimThresholdMa, t.stimPulseWidthMs, t.stimFrequencyHz, t.laVolumeMl, t.laConcPct])).toEqual([
      ['left', 'musculocutaneous', 'brachialis', 0.42, 0.1, 2, 2, 1],
      ['left', 'musculocutaneous', 'biceps-brachii', 0.36, 0.1, 2, 2, 1],
      ['left', 'radial', 'brachioradialis', 0.55, 0.1, 2, 2, 1],
    ]);
    const mg = d.targets.reduce((sum, t) => sum + t.laVolumeMl! * t.laConcPct! * 10, 0);
    expect([mg, Math.round((mg / d.patient.weightKg!) * 100) / 100]).toEqual([60, 0.88]);
    expect(d.devices).toEqual([expect.objectContaining({ systemType: 'console', probeGauge: 16, probeLengthMm: 100, probeLot: 'PRB-24-1187', probeExpiry: '2026-09-30', gasLot: 'N2O-5531' })]);
    expect(d.devices[0]!.probeExpiry! > SESSION_DATE).toBe(true);
  });

  it('every cycle: sites, 90 s, thaw 30 s, nadirs, ice ball, pain 3–5', () => {
    expect(d.targets.map((t) => t.cycles.map((c) => [c.siteNo, c.tipTempC]))).toEqual([
      [
        [1, -71],
        [1, -72],
        [2, -69],
        [2, -70],
      ],
      [
        [1, -68],
        [1, -70],
      ],
      [
        [1, -72],
        [1, -73],
        [1, -71],
      ],
    ]);
    for (const c of cyclesOf(d)) {
      expect(c).toMatchObject({ durationS: 90, thawS: 30, iceBallSeen: true, outcome: 'completed' });
      expect(c.painNrs).toBeGreaterThanOrEqual(3);
      expect(c.painNrs).toBeLessThanOrEqual(5);
    }
  });

  it('outcome, aftercare and follow-up at day 7, 6 and 12 weeks', () => {
    expect(d.outcomes).toEqual([
      expect.objectContaining({ muscleGroup: 'elbow-flexors', masPre: '3', masPost: '1+', angleConvention: '0° = full extension, flexion +', tardieuR1Pre: 85, tardieuR1Post: 40, tardieuR2Pre: 10, tardieuR2Post: 10, tardieuXPre: '2', tardieuXPost: '1' }),
    ]);
    expect(d.complications).toEqual([]);
    expect(d.session.aftercareTopics).toEqual(expect.arrayContaining(['contact-numbers']));
    expect(d.followUps.map((f) => [f.kind, daysBefore(f.date!) * -1])).toEqual([
      ['phone', 7],
      ['clinic', 42],
      ['clinic', 84],
    ]);
  });
});

describe('S2: lower limb, handheld, on warfarin', () => {
  const d = doc('S2');
  it('patient, warfarin with INR 2.6 five days before, blocks', () => {
    expect(d.patient).toMatchObject({ sex: 'male', weightKg: 82, aetiology: 'ms', affectedSide: 'right', nhsNumber: '9990237573', allergyStatus: 'nkda' });
    expect(age(d.patient.dateOfBirth!)).toBe(48);
    expect(d.session).toMatchObject({ anticoagulant: 'warfarin', anticoagulantAction: 'continued', inrValue: 2.6, inrTargetLow: 2, inrTargetHigh: 3, inrSource: 'anticoagulation-clinic' });
    expect(daysBefore(d.session.inrDate!)).toBe(5);
    expect(d.diagnosticBlocks.map((b) => [b.branch, b.side, daysBefore(b.blockDate!)])).toEqual([
      ['medial-gastrocnemius', 'right', 14],
      ['lateral-gastrocnemius', 'right', 14],
      ['soleus', 'right', 14],
    ]);
    expect(d.diagnosticBlocks.reduce((sum, b) => sum + b.volumeMl!, 0)).toBe(3);
  });

  it('handheld device, no temperature, 106 s cycles, sites 3 / 2 / 3, stop moment before each needle', () => {
    expect(d.devices).toEqual([expect.objectContaining({ systemType: 'handheld-fixed-cycle', probeGauge: 20, probeLengthMm: 90, probeLot: 'ST-2411-072', plannedFreezeS: 106 })]);
    expect(d.targets.map((t) => [t.side, t.nerve, t.branch, t.stimThresholdMa, t.cycles.map((c) => c.siteNo)])).toEqual([
      ['right', 'tibial', 'medial-gastrocnemius', 0.5, [1, 2, 3]],
      ['right', 'tibial', 'lateral-gastrocnemius', 0.48, [1, 2]],
      ['right', 'tibial', 'soleus', 0.6, [1, 2, 3]],
    ]);
    for (const t of d.targets) expect(t).toMatchObject({ stopMomentDone: true, stimPulseWidthMs: 0.1, stimFrequencyHz: 2, motorResponseSeen: true });
    for (const c of cyclesOf(d)) expect(c).toMatchObject({ durationS: 106, tipTempC: null, thawType: 'passive', iceBallSeen: true });
    expect(Math.max(...cyclesOf(d).map((c) => c.painNrs!))).toBe(4);
    const mg = d.targets.reduce((sum, t) => sum + t.laVolumeMl! * t.laConcPct! * 10, 0);
    expect([mg, Math.round((mg / d.patient.weightKg!) * 10) / 10]).toEqual([90, 1.1]);
  });

  it('outcome, mild bruising, follow-up at 6, 12, 18 and 24 weeks', () => {
    expect(d.outcomes).toEqual([
      expect.objectContaining({ muscleGroup: 'plantarflexors-knee-straight', testPosition: 'Knee extended', masPre: '2', masPost: '1', tardieuR1Pre: -15, tardieuR1Post: -5, tardieuR2Pre: 5, tardieuR2Post: 5, tardieuXPre: '3', tardieuXPost: '1' }),
    ]);
    expect(d.session.complicationsAnswer).toBe('present');
    expect(d.complications).toEqual([expect.objectContaining({ type: 'bruising-swelling', severity: 'mild' })]);
    expect(d.session).toMatchObject({ aftercareAdviceGiven: true, fallsAdvice: true, gpLetter: true });
    expect(d.followUps.map((f) => -daysBefore(f.date!) / 7)).toEqual([6, 12, 18, 24]);
  });
});

describe('S5: the negative scenario carries its listed faults', () => {
  const d = doc('S5');
  const cycles = cyclesOf(d);
  it('E01, E04, E05, E06, E07 (NRS), E08, E09, E10, E12 and W13 are in the data', () => {
    expect(d.patient.nhsNumber).toBe('9990079197');
    expect(isValidNhsNumber(d.patient.nhsNumber!)).toBe(false);
    expect(d.consentSites.map((c) => [c.side, c.nerve])).toEqual([['left', 'tibial']]);
    expect(d.targets.map((t) => [t.side, t.nerve, t.wrongSiteDeclared])).toEqual([['right', 'tibial', false]]);
    expect(cycles.map((c) => c.tipTempC)).toContain(68);
    expect(cycles.map((c) => c.durationS)).toContain(900);
    expect(d.targets[0]!.stimThresholdMa).toBe(12);
    expect(d.session.baselinePainNrs).toBe(11);
    expect(daysBefore(d.session.inrDate!)).toBe(-1);
    expect(d.devices[0]!.probeExpiry).toBe('2026-02-10');
    expect(d.session.timeOutTime! > cycles[0]!.startedAt!).toBe(true);
    expect(d.session.complicationsAnswer).toBeNull();
  });
});
