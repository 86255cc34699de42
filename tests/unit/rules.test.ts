import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_CONFIG, validateSession, type RuleConfig } from '../../shared/domain/rules';
import { cycle, sessionDoc, target } from '../helpers/sessionDoc';

const ids = (findings: { ruleId: string }[]) => findings.map((f) => f.ruleId);

describe('validation rules', () => {
  it('finds nothing wrong in a complete, normal session', () => {
    const report = validateSession(sessionDoc());
    expect(report).toMatchObject({ hasHardError: false, errors: [], warnings: [] });
  });

  it('E01: a wrong NHS check digit or a missing number is a hard error', () => {
    expect(ids(validateSession(sessionDoc({ patient: { nhsNumber: '9990079197' } })).errors)).toEqual(['E01']);
    expect(ids(validateSession(sessionDoc({ patient: { nhsNumber: null } })).errors)).toEqual(['E01']);
  });

  it('E02: date of birth missing or after the session', () => {
    expect(ids(validateSession(sessionDoc({ patient: { dateOfBirth: null } })).errors)).toEqual(['E02']);
    expect(ids(validateSession(sessionDoc({ patient: { dateOfBirth: '2026-12-01' } })).errors)).toEqual(['E02']);
  });

  it('E04: a target without a side', () => {
    const report = validateSession(sessionDoc({ targets: [target(1, { side: null })] }));
    expect(report.errors).toMatchObject([{ ruleId: 'E04', field: 'side', message: 'Target 1: side (left or right) is missing.' }]);
  });

  it('E08 / W09: freeze durations impossible or unusual', () => {
    const doc = sessionDoc({ targets: [target(1, {}, [cycle(1, { durationS: 900 }), cycle(2, { durationS: 0 }), cycle(3, { durationS: 20 }), cycle(4, { durationS: 240 })])] });
    const report = validateSession(doc);
    expect(ids(report.errors)).toEqual(['E08', 'E08']);
    expect(ids(report.warnings)).toEqual(['W09']);
  });

  it('E09 / W10: a sign slip (+68 °C) is a hard error; warm readings are warnings, with a reason above −40 °C', () => {
    const doc = sessionDoc({ targets: [target(1, {}, [cycle(1, { tipTempC: 68 }), cycle(2, { tipTempC: -45 }), cycle(3, { tipTempC: -30 }), cycle(4, { tipTempC: -101 })])] });
    const report = validateSession(doc);
    expect(ids(report.errors)).toEqual(['E09', 'E09']);
    expect(report.warnings.map((w) => [w.ruleId, w.needsReason])).toEqual([
      ['W10', false],
      ['W10', true],
    ]);
  });

  it('a handheld device with no temperature readout is not flagged', () => {
    expect(validateSession(sessionDoc({ targets: [target(1, {}, [cycle(1, { tipTempC: null })])] })).errors).toEqual([]);
  });

  it('W05+R: a mixed motor-sensory trunk needs a reason', () => {
    const report = validateSession(sessionDoc({ targets: [target(1, { nerve: 'median', branch: 'trunk' })] }));
    expect(report.warnings).toMatchObject([{ ruleId: 'W05', needsReason: true }]);
  });

  it('thresholds are data: a service can change them without touching the rules', () => {
    const strict: RuleConfig = { ...DEFAULT_RULE_CONFIG, freezeDurationS: { ...DEFAULT_RULE_CONFIG.freezeDurationS, errorAbove: 120 } };
    const doc = sessionDoc({ targets: [target(1, {}, [cycle(1, { durationS: 150 })])] });
    expect(validateSession(doc).errors).toEqual([]);
    expect(ids(validateSession(doc, strict).errors)).toEqual(['E08']);
  });
});
