// Warnings are acknowledged by rule + entity + row + field; a W+R needs a reason too. An
// acknowledgement whose condition has gone simply stops mattering.
import { describe, expect, it } from 'vitest';
import { validateSession, type Finding } from '../../../shared/domain/rules';
import type { Acknowledgement, SessionDocument } from '../../../shared/domain/model';
import { c1, edit, newId, s1, t1 } from './fixtures';

function ack(doc: SessionDocument, f: Pick<Finding, 'ruleId' | 'entity' | 'entityId' | 'field'>, reason: string | null = null): Acknowledgement {
  return { id: newId(), sessionId: doc.session.id, ruleId: f.ruleId, entity: f.entity, entityId: f.entityId, field: f.field, reason, acknowledgedBy: 'Dr Ann Operator', at: '2026-03-17T10:00:00.000Z' };
}

/** S1 with two warnings: no GP letter (W18) and a mixed trunk (W05+R). */
const withTwoWarnings = () =>
  edit(s1(), (d) => {
    d.session.gpLetter = false;
    Object.assign(t1(d), { nerve: 'median', branch: 'trunk' });
    d.consentSites.push({ ...d.consentSites[0]!, id: newId(), seq: 3, nerve: 'median' });
    d.diagnosticBlocks.push({ ...d.diagnosticBlocks[0]!, id: newId(), seq: 4, nerve: 'median', branch: 'trunk' });
    t1(d).muscleResponding = null;
  });

describe('acknowledgements', () => {
  it('start unacknowledged; the report counts what is left and is not ready to sign', () => {
    const report = validateSession(withTwoWarnings());
    expect(report.warnings.map((w) => [w.ruleId, w.needsReason, w.acknowledged])).toEqual([
      ['W05', true, false],
      ['W18', false, false],
    ]);
    expect(report).toMatchObject({ hasHardError: false, unacknowledgedWarnings: 2, readyToSign: false });
  });

  it('a plain warning is acknowledged without a reason; a W+R is not, until it has one', () => {
    const base = withTwoWarnings();
    const [w05, w18] = validateSession(base).warnings as [Finding, Finding];
    const noReason = edit(base, (d) => d.acknowledgements.push(ack(d, w18), ack(d, w05, null), ack(d, w05, '   ')));
    const r1 = validateSession(noReason);
    expect(r1.warnings.map((w) => [w.ruleId, w.acknowledged])).toEqual([
      ['W05', false],
      ['W18', true],
    ]);
    expect(r1.unacknowledgedWarnings).toBe(1);

    const withReason = edit(noReason, (d) => d.acknowledgements.push(ack(d, w05, 'Trunk chosen: branches not separable on ultrasound; discussed with patient')));
    const r2 = validateSession(withReason);
    expect(r2.warnings.every((w) => w.acknowledged)).toBe(true);
    expect(r2).toMatchObject({ unacknowledgedWarnings: 0, readyToSign: true });
  });

  it('matches the exact rule, row and field only', () => {
    const base = withTwoWarnings();
    const w18 = validateSession(base).warnings.find((w) => w.ruleId === 'W18')!;
    const near = edit(base, (d) =>
      d.acknowledgements.push(
        ack(d, { ...w18, field: 'aftercareAdviceGiven' }),
        ack(d, { ...w18, ruleId: 'W17' }),
        ack(d, { ...w18, entityId: newId() }),
        ack(d, { ...w18, entity: 'patient' }),
      ),
    );
    expect(validateSession(near).warnings.find((w) => w.ruleId === 'W18')?.acknowledged).toBe(false);
  });

  it('an acknowledgement whose condition no longer holds leaves nothing behind', () => {
    const base = withTwoWarnings();
    const w18 = validateSession(base).warnings.find((w) => w.ruleId === 'W18')!;
    const fixed = edit(base, (d) => {
      d.acknowledgements.push(ack(d, w18));
      d.session.gpLetter = true;
    });
    const report = validateSession(fixed);
    expect(report.warnings.map((w) => w.ruleId)).toEqual(['W05']);
    expect(report.unacknowledgedWarnings).toBe(1);
  });

  it('follows a warning that rises to W+R: -45 °C acknowledged plainly is no longer enough at -35 °C', () => {
    const warm = edit(s1(), (d) => (c1(d).tipTempC = -45));
    const w10 = validateSession(warm).warnings[0]!;
    const acked = edit(warm, (d) => d.acknowledgements.push(ack(d, w10)));
    expect(validateSession(acked).warnings[0]).toMatchObject({ ruleId: 'W10', needsReason: false, acknowledged: true });
    const warmer = edit(acked, (d) => (c1(d).tipTempC = -35));
    expect(validateSession(warmer).warnings[0]).toMatchObject({ ruleId: 'W10', needsReason: true, acknowledged: false });
  });

  it('never acknowledges an error, whatever is stored', () => {
    const bad = edit(s1(), (d) => (c1(d).tipTempC = 68));
    const e09 = validateSession(bad).errors[0]!;
    const report = validateSession(edit(bad, (d) => d.acknowledgements.push(ack(d, e09, 'It was fine'))));
    expect(report.errors[0]).toMatchObject({ ruleId: 'E09', acknowledged: false });
    expect(report.hasHardError).toBe(true);
  });
});
