// Which fields a new target takes from an earlier one: settings of the technique, never an
// observation or a dose (one list in shared/domain/carriedTargetFields.ts).
import { describe, expect, it } from 'vitest';
import { NEXT_TARGET_FIELDS, REPEATED_TARGET_FIELDS, newTargetSettings, pickRecorded } from '../../shared/domain/carriedTargetFields';
import { TARGET_FIELDS } from '../../shared/domain/record';
import { nextTargetField } from '../../renderer/src/features/session/nextTargetField';
import { sessionDoc, target } from '../helpers/sessionDoc';

/** Seen or given at this needle: recorded anew for every target, whatever came before. */
const OBSERVED = [
  'depthMm',
  'intendedOutcome',
  'laVolumeMl',
  'usUsed',
  'usNerveVisualised',
  'stimUsed',
  'stimThresholdMa',
  'motorResponseSeen',
  'muscleResponding',
  'paraesthesiaReported',
  'postFreezeRestim',
  'stopMomentDone',
  'stopMomentTime',
  'stopMomentBy1',
  'stopMomentBy2',
  'wrongSiteDeclared',
  'wrongSiteIncidentRef',
];

const S1_LIKE = target(1, {
  deviceId: '00000000-0000-4000-8000-00000000dddd',
  clinicalPattern: 'flexed-elbow',
  patientPosition: 'Supine, arm abducted',
  approach: 'in-plane',
  depthMm: 14,
  intendedOutcome: 'Easier dressing',
  laAgent: 'lidocaine',
  laConcPct: 1,
  laVolumeMl: 2,
  usUsed: true,
  usNerveVisualised: true,
  stimUsed: true,
  stimVia: 'stimulating-cryoprobe',
  stimThresholdMa: 0.42,
  stimPulseWidthMs: 0.1,
  stimFrequencyHz: 2,
  motorResponseSeen: true,
  muscleResponding: 'brachialis',
  stopMomentDone: true,
  stopMomentBy1: 'Dr A',
});

describe('fields carried to a new target', () => {
  it('every target field is either carried somewhere or an observation, and no observation is carried', () => {
    const carried = new Set<string>([...NEXT_TARGET_FIELDS, ...REPEATED_TARGET_FIELDS]);
    expect(Object.keys(TARGET_FIELDS).filter((f) => !carried.has(f) && !OBSERVED.includes(f))).toEqual([]);
    expect([...carried].filter((f) => OBSERVED.includes(f))).toEqual([]);
  });

  it('"Add target" starts with the previous target’s device, technique and stimulation settings, not its place', () => {
    const doc = sessionDoc({ targets: [target(1, { side: 'right', nerve: 'tibial', branch: 'soleus' }), S1_LIKE] });
    expect(newTargetSettings(doc)).toEqual({
      deviceId: '00000000-0000-4000-8000-00000000dddd',
      clinicalPattern: 'flexed-elbow',
      patientPosition: 'Supine, arm abducted',
      approach: 'in-plane',
      laAgent: 'lidocaine',
      laConcPct: 1,
      stimVia: 'stimulating-cryoprobe',
      stimPulseWidthMs: 0.1,
      stimFrequencyHz: 2,
    });
    expect(newTargetSettings(sessionDoc())).toEqual({});
  });

  it('repeating a target of an earlier session takes its place and technique, never the earlier session’s device', () => {
    expect(pickRecorded(S1_LIKE, REPEATED_TARGET_FIELDS)).toEqual({
      side: 'left',
      nerve: 'musculocutaneous',
      branch: 'brachialis',
      clinicalPattern: 'flexed-elbow',
      patientPosition: 'Supine, arm abducted',
      approach: 'in-plane',
      laAgent: 'lidocaine',
      laConcPct: 1,
      stimVia: 'stimulating-cryoprobe',
      stimPulseWidthMs: 0.1,
      stimFrequencyHz: 2,
    });
  });

  it('leaves blank fields out rather than copying a blank', () => {
    expect(pickRecorded(target(1, { side: null, clinicalPattern: null }), REPEATED_TARGET_FIELDS)).toEqual({ nerve: 'musculocutaneous', branch: 'brachialis' });
  });
});

describe('the field a new target focuses', () => {
  const devices = (n: number) => sessionDoc().devices.concat(Array.from({ length: n }, (_, i) => ({ id: `d${i}` }) as never));
  it('is the first one still to fill, in the card’s order, ending with the stop moment', () => {
    const blank = target(1, { nerve: null, branch: null, side: null }, []);
    expect(nextTargetField({ devices: [] }, blank)).toBe('nerve');
    expect(nextTargetField({ devices: [] }, { ...blank, nerve: 'median', branch: 'fcr' })).toBe('side');
    const placed = { ...blank, nerve: 'median' as const, branch: 'fcr', side: 'left' as const };
    expect(nextTargetField({ devices: [] }, placed)).toBe('clinicalPattern');
    expect(nextTargetField({ devices: devices(1) }, { ...placed, clinicalPattern: 'flexed-wrist' })).toBe('stopMomentDone');
    // With two devices the clinician must say which one; with one, it is assumed.
    expect(nextTargetField({ devices: devices(2) }, { ...placed, clinicalPattern: 'flexed-wrist' })).toBe('deviceId');
  });
});
