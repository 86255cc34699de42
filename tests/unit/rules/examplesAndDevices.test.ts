// The worked examples of domain.md §5 and the two device families (§1, §2.7): a handheld
// fixed-cycle device has no temperature readout; a console does.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateSession } from '../../../shared/domain/rules';
import { SessionDocument } from '../../../shared/domain/model';
import { c1, dev1, edit, newId, s1, s2, t1 } from './fixtures';

const ids = (fs: { ruleId: string }[]) => [...new Set(fs.map((f) => f.ruleId))].sort();

/** S5: the negative example, built on S1 (left ankle consent, right tibial target, the typed slips of §5). */
function s5(): SessionDocument {
  return edit(s1(), (d) => {
    d.patient.nhsNumber = '9990079197';
    d.consentSites = [{ ...d.consentSites[0]!, region: 'lower', side: 'left', nerve: 'tibial', note: 'left ankle plantarflexors' }];
    d.diagnosticBlocks = d.diagnosticBlocks.map((b) => ({ ...b, nerve: 'tibial', branch: 'soleus', side: 'right' }));
    d.targets = [{ ...t1(d), side: 'right', nerve: 'tibial', branch: 'soleus', muscleResponding: 'soleus', clinicalPattern: 'equinovarus', stimThresholdMa: 12 }];
    const c = c1(d);
    Object.assign(c, { tipTempC: 68, durationS: 900, endedAt: null });
    d.outcomes = [{ ...d.outcomes[0]!, muscleGroup: 'plantarflexors-knee-straight', side: 'right', masPre: '2+' as never, masPost: null, tardieuR1Pre: null, tardieuR1Post: null, tardieuR2Pre: null, tardieuR2Post: null }];
    d.session.baselinePainNrs = 11;
    Object.assign(d.session, { anticoagulant: 'warfarin', inrValue: 2.5, inrDate: '2026-03-18', inrTargetLow: 2, inrTargetHigh: 3 });
    dev1(d).probeExpiry = '2026-02-17';
    d.session.timeOutTime = '2026-03-17T09:20:00+00:00';
    d.session.complicationsAnswer = null;
    d.patient.ambulant = false;
  });
}

describe('domain.md §5 examples', () => {
  it('S1 (upper limb, console) and S2 (lower limb, handheld, warfarin) have no error and no warning', () => {
    for (const doc of [s1(), s2()]) {
      const report = validateSession(doc);
      expect(report.errors).toEqual([]);
      expect(report.warnings).toEqual([]);
    }
  });

  it('S5 gives exactly the errors §5 lists, and W13+R for the expired probe', () => {
    const report = validateSession(s5());
    expect(ids(report.errors)).toEqual(['E01', 'E04', 'E05', 'E06', 'E07', 'E08', 'E09', 'E10', 'E12']);
    expect(report.errors.filter((f) => f.ruleId === 'E07').map((f) => f.field).sort()).toEqual(['baselinePainNrs', 'masPre']);
    expect(report.warnings.find((f) => f.ruleId === 'W13')).toMatchObject({ needsReason: true, field: 'probeExpiry', acknowledged: false });
    expect(report.hasHardError).toBe(true);
    expect(report.readyToSign).toBe(false);
  });

  it('S5 with a wrong-site incident declared (reference and complication) loses E04 and E12 becomes the complication detail', () => {
    const doc = edit(s5(), (d) => {
      Object.assign(t1(d), { wrongSiteDeclared: true, wrongSiteIncidentRef: 'LFPSE-2026-0042' });
      d.session.complicationsAnswer = 'present';
      d.complications.push({
        id: newId(),
        sessionId: d.session.id,
        seq: 1,
        type: 'wrong-site',
        onset: 'intra-procedure',
        onsetAt: null,
        severity: 'moderate',
        action: 'none',
        actionNote: null,
        resolved: null,
        resolvedDate: null,
        incidentRef: 'LFPSE-2026-0042',
        note: null,
        createdAt: d.session.createdAt,
        updatedAt: d.session.updatedAt,
      });
    });
    const report = validateSession(doc);
    expect(ids(report.errors)).not.toContain('E04');
    expect(ids(report.errors)).not.toContain('E12');
  });
});

describe('device families: whether a missing temperature matters', () => {
  const w10 = (doc: SessionDocument) => validateSession(doc).warnings.filter((f) => f.ruleId === 'W10');

  it('handheld fixed-cycle (S2): no temperature on any cycle is not a warning', () => {
    expect(w10(s2())).toEqual([]);
  });

  it('the same cycles on a console: each missing temperature is W10 (no reason needed)', () => {
    const doc = edit(s2(), (d) => (dev1(d).systemType = 'console'));
    const found = w10(doc);
    expect(found).toHaveLength(8);
    expect(found.every((f) => f.field === 'tipTempC' && !f.needsReason)).toBe(true);
  });

  it("a cycle's device is its target's device: a handheld target is exempt even when the session also has a console", () => {
    const doc = edit(s1(), (d) => {
      const handheld = { ...dev1(d), id: newId(), seq: 2, systemType: 'handheld-fixed-cycle' as const, model: 'Handheld H1' };
      d.devices.push(handheld);
      d.targets.forEach((t) => (t.deviceId = dev1(d).id));
      t1(d).deviceId = handheld.id;
      d.targets.forEach((t) => t.cycles.forEach((c) => (c.tipTempC = null)));
    });
    const found = w10(doc);
    const handheldCycles = new Set(t1(doc).cycles.map((c) => c.id));
    expect(found).toHaveLength(5); // targets 2 and 3 (console): 2 + 3 cycles; none from target 1
    expect(found.some((f) => handheldCycles.has(f.entityId))).toBe(false);
  });

  it('with two devices and no choice, the family is unknown: REQ asks for the device, W10 waits', () => {
    const doc = edit(s1(), (d) => {
      d.devices.push({ ...dev1(d), id: newId(), seq: 2 });
      c1(d).tipTempC = null;
    });
    const report = validateSession(doc);
    expect(report.warnings.filter((f) => f.ruleId === 'W10')).toEqual([]);
    expect(report.errors.filter((f) => f.ruleId === 'REQ' && f.field === 'deviceId')).toHaveLength(3);
  });

  it("a handheld device's planned cycle stands in for a missing duration, and is judged like one", () => {
    const doc = edit(s2(), (d) => (dev1(d).plannedFreezeS = 20));
    const w09 = validateSession(doc).warnings.filter((f) => f.ruleId === 'W09');
    expect(w09).toHaveLength(8);
    expect(w09[0]?.message).toContain("20 s (the device's fixed cycle)");
  });
});

describe('the shared session-file fixtures (tests/fixtures, built independently from domain.md §5)', () => {
  const load = (name: string) => SessionDocument.parse(JSON.parse(fs.readFileSync(path.join(__dirname, '../../fixtures', `${name}.session.json`), 'utf8')));

  it('S1 and S2 have no error and no warning', () => {
    for (const name of ['S1', 'S2']) {
      const report = validateSession(load(name));
      expect([...report.errors, ...report.warnings].map((f) => `${name} ${f.ruleId}: ${f.message}`)).toEqual([]);
    }
  });

  it('S5 has exactly the errors its README lists, with W13 (and W04, a consequence of the wrong side)', () => {
    const report = validateSession(load('S5'));
    expect(ids(report.errors)).toEqual(['E01', 'E04', 'E05', 'E06', 'E07', 'E08', 'E09', 'E10', 'E12']);
    expect(ids(report.warnings)).toEqual(['W04', 'W13']);
  });
});
