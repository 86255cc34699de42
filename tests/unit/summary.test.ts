import { describe, expect, it } from 'vitest';
import { buildTextSummary } from '../../shared/domain/summary';
import { validateSession } from '../../shared/domain/rules';
import { cycle, sessionDoc, target } from '../helpers/sessionDoc';

const meta = { appVersion: '9.9.9', generatedAt: '2026-11-24T10:05:00+00:00' };

describe('paste-ready text summary', () => {
  it('marks a draft on its first line and lists every target and cycle in plain ASCII', () => {
    const doc = sessionDoc();
    const text = buildTextSummary(doc, validateSession(doc), meta);
    const lines = text.split('\n');
    expect(lines[0]).toBe('DRAFT - NOT SIGNED - NOT FOR THE CLINICAL RECORD');
    expect(text).toContain('NHS number: 999 007 9196');
    expect(text).toContain('1. Left musculocutaneous nerve -> branch to brachialis');
    expect(text).toContain('3. Left radial nerve -> branch to brachioradialis');
    expect(text).toContain('   Freeze cycle 1: 90 s, lowest probe temperature -70 deg C');
    expect(text).toContain('Entered in CryoLog 9.9.9. Text generated 24 Nov 2026 10:05. Not signed.');
    expect(text).not.toMatch(/[^\x20-\x7e\n]/);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(72);
  });

  it('keeps accented names exactly as recorded', () => {
    const doc = sessionDoc({ patient: { familyName: 'Ó Súilleabháin', givenName: 'Zoë' } });
    expect(buildTextSummary(doc, validateSession(doc), meta)).toContain('Patient: Ó SÚILLEABHÁIN, Zoë');
  });

  it('lists what still blocks sign-off, in plain characters', () => {
    const doc = sessionDoc({ targets: [target(1, { side: null }, [cycle(1, { tipTempC: 68 })])] });
    const text = buildTextSummary(doc, validateSession(doc), meta);
    const report = validateSession(doc);
    expect(text).toContain(`OUTSTANDING BEFORE SIGN-OFF (${report.errors.length})`);
    expect(text).toContain('- E04: Target 1: side (left or right) is missing.');
    expect(text).toContain('- E09: Target 1, cycle 1: 68 deg C is not a possible nitrous-oxide');
    expect(text).not.toContain('°');
  });

  it('says plainly when nothing was recorded', () => {
    const doc = sessionDoc({ targets: [target(1, { nerve: null, branch: null, side: null }, [cycle(1, { durationS: null, tipTempC: null })])] });
    const text = buildTextSummary(doc, validateSession(doc), meta);
    expect(text).toContain('1. Side not recorded nerve not recorded');
    expect(text).toContain('Freeze cycle 1: duration not recorded, temperature not recorded');
  });
});
