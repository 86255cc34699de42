// Importing a session file through the importSession channel (the same dispatch the app and
// `cryolog import` use), against a real SQLite file.
import { describe, expect, it } from 'vitest';
import type { SessionDocument } from '../../shared/domain/model';
import type { Channel } from '../../shared/ipc/channels';
import type { Res } from '../../shared/ipc/contract';
import type { Ctx } from '../../electron/main/context';
import { dispatch } from '../../electron/main/ipc/dispatch';
import { auditForEntity, type AuditRow } from '../../electron/main/db/repos/audit';
import { buildFixtures } from '../tools/sessionFixtures';
import { fixedClock, testContext } from '../helpers/tempDir';

const fixtures = buildFixtures();
const fresh = (name: 'S1' | 'S2' | 'S5'): SessionDocument => structuredClone(fixtures[name]);

function call<C extends Channel>(ctx: Ctx, channel: C, payload: unknown): Res<C> {
  const result = dispatch(ctx, channel, payload);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.data as Res<C>;
}

const importDoc = (ctx: Ctx, document: unknown) => call(ctx, 'importSession', { document });
const count = (ctx: Ctx, table: string) => (ctx.db!.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const STAMPS_AND_IDS = new Set(['id', 'patientId', 'sessionId', 'targetId', 'createdAt', 'updatedAt']);

/**
 * The document without what an import gives anew (ids, parent ids, row stamps). References
 * that must survive as references are replaced by what they point at: a target's device by
 * the device's seq, an acknowledgement's row by its entity and seq.
 */
function comparable(doc: SessionDocument): Json {
  const seqOf = new Map<string, string>();
  seqOf.set(doc.session.id, 'session');
  seqOf.set(doc.patient.id, 'patient');
  doc.devices.forEach((d) => seqOf.set(d.id, `device ${d.seq}`));
  doc.targets.forEach((t) => {
    seqOf.set(t.id, `target ${t.seq}`);
    t.cycles.forEach((c) => seqOf.set(c.id, `target ${t.seq} cycle ${c.seq}`));
  });
  const strip = (value: unknown): Json => {
    if (Array.isArray(value)) return value.map(strip);
    if (value && typeof value === 'object') {
      const out: Record<string, Json> = {};
      for (const [k, v] of Object.entries(value)) {
        if (STAMPS_AND_IDS.has(k)) continue;
        out[k] = k === 'deviceId' || k === 'entityId' ? (v === null ? null : (seqOf.get(v as string) ?? `unknown ${String(v)}`)) : strip(v);
      }
      return out;
    }
    return value as Json;
  };
  return strip(doc);
}

describe('importSession: round trip', () => {
  it.each(['S1', 'S2'] as const)('%s: getSession gives back every field of the file (ids and stamps aside); completed arrives as draft', (name) => {
    const ctx = testContext();
    const file = fresh(name);
    const done = importDoc(ctx, file);
    expect(done).toMatchObject({ patientMatched: false, status: 'draft', patientFieldsUpdated: [], patientDifferences: [] });
    const stored = call(ctx, 'getSession', { id: done.sessionId });
    const expected = { ...file, session: { ...file.session, status: 'draft' as const } };
    expect(comparable(stored)).toEqual(comparable(expected));
    // Every id is new, and the references point at the new rows.
    expect(stored.session.id).not.toBe(file.session.id);
    expect(stored.patient.id).toBe(done.patientId);
    expect(stored.targets.every((t) => t.deviceId === stored.devices[0]!.id)).toBe(true);
    expect(stored.targets.flatMap((t) => t.cycles.map((c) => c.targetId === t.id))).not.toContain(false);
    const oldIds = new Set([file.session.id, file.patient.id, ...file.targets.map((t) => t.id), ...file.devices.map((d) => d.id)]);
    expect([stored.session.id, stored.patient.id, ...stored.targets.map((t) => t.id), ...stored.devices.map((d) => d.id)].filter((id) => oldIds.has(id))).toEqual([]);
  });

  it('keeps any other status as it is, allergies too, and seq order even when the file lists rows out of order', () => {
    const ctx = testContext();
    const file = fresh('S1');
    file.session.status = 'stopped';
    file.session.statusReason = 'Vasovagal episode after the second target';
    file.patient.allergyStatus = 'has-allergies';
    file.patient.allergies = [
      { id: '51000000-0000-4000-8000-0000000000a1', patientId: file.patient.id, seq: 1, allergen: 'latex', detail: null, reaction: 'Rash', createdAt: file.patient.createdAt, updatedAt: file.patient.updatedAt },
      { id: '51000000-0000-4000-8000-0000000000a2', patientId: file.patient.id, seq: 2, allergen: 'chlorhexidine', detail: null, reaction: 'Urticaria', createdAt: file.patient.createdAt, updatedAt: file.patient.updatedAt },
    ];
    file.targets.reverse();
    file.targets[0]!.cycles.reverse();
    const stored = call(ctx, 'getSession', { id: importDoc(ctx, file).sessionId });
    expect(stored.session).toMatchObject({ status: 'stopped', statusReason: 'Vasovagal episode after the second target' });
    expect(stored.patient.allergies.map((a) => [a.seq, a.allergen, a.reaction])).toEqual([
      [1, 'latex', 'Rash'],
      [2, 'chlorhexidine', 'Urticaria'],
    ]);
    expect(stored.targets.map((t) => [t.seq, t.branch])).toEqual([
      [1, 'brachialis'],
      [2, 'biceps-brachii'],
      [3, 'brachioradialis'],
    ]);
    expect(stored.targets[2]!.cycles.map((c) => [c.seq, c.tipTempC])).toEqual([
      [1, -72],
      [2, -73],
      [3, -71],
    ]);
  });

  it('keeps acknowledgements as evidence, pointing at the new rows', () => {
    const ctx = testContext();
    const file = fresh('S5');
    const device = file.devices[0]!;
    file.acknowledgements = [
      { id: '55000000-0000-4000-8000-0000000000b1', sessionId: file.session.id, ruleId: 'W13', entity: 'device', entityId: device.id, field: 'probeExpiry', reason: 'Only probe in stock; checked intact', acknowledgedBy: 'Dr Imogen Hartley', at: '2026-03-10T11:09:00.000Z' },
    ];
    const done = importDoc(ctx, file);
    const stored = call(ctx, 'getSession', { id: done.sessionId });
    expect(stored.acknowledgements).toEqual([
      expect.objectContaining({ sessionId: done.sessionId, ruleId: 'W13', entity: 'device', entityId: stored.devices[0]!.id, reason: 'Only probe in stock; checked intact', acknowledgedBy: 'Dr Imogen Hartley', at: '2026-03-10T11:09:00.000Z' }),
    ]);
    expect(comparable(stored)).toEqual(comparable(file));
  });
});

describe('importSession: the patient', () => {
  it('importing the same file twice gives two sessions of one patient, matched by NHS number', () => {
    const ctx = testContext();
    const first = importDoc(ctx, fresh('S1'));
    const second = importDoc(ctx, fresh('S1'));
    expect(first.patientMatched).toBe(false);
    expect(second).toMatchObject({ patientMatched: true, patientId: first.patientId, patientFieldsUpdated: [], patientDifferences: [], allergiesAdded: 0 });
    expect(second.sessionId).not.toBe(first.sessionId);
    expect(count(ctx, 'patient')).toBe(1);
    expect(call(ctx, 'getPatient', { id: first.patientId }).sessions.map((s) => s.id).sort()).toEqual([first.sessionId, second.sessionId].sort());
  });

  it('matches a patient entered in the app, fills only what the app left blank, keeps and reports what differs', () => {
    const clock = fixedClock();
    const ctx = testContext({ clock });
    const patient = call(ctx, 'createPatient', {});
    call(ctx, 'saveFields', { entity: 'patient', id: patient.id, patch: { nhsNumber: '9990237573', familyName: 'OKONJO-REID ', givenName: 'daniel', dateOfBirth: '1977-09-02', weightKg: 80 } });
    clock.advance(60_000);
    const done = importDoc(ctx, fresh('S2'));
    expect(done.patientMatched).toBe(true);
    expect(done.patientId).toBe(patient.id);
    expect(done.patientDifferences).toEqual([{ field: 'weightKg', database: 80, file: 82 }]);
    expect(done.patientFieldsUpdated).toEqual(expect.arrayContaining(['sex', 'aetiology', 'affectedSide', 'allergyStatus', 'localMrn']));
    expect(done.patientFieldsUpdated).not.toContain('weightKg');
    const stored = call(ctx, 'getPatient', { id: patient.id }).patient;
    expect(stored).toMatchObject({ familyName: 'OKONJO-REID ', givenName: 'daniel', weightKg: 80, sex: 'male', aetiology: 'ms', allergyStatus: 'nkda' });
    // Each filled field is in the audit trail like an edit in the app.
    const updates = auditForEntity(ctx.db!, 'patient', patient.id).filter((a: AuditRow) => a.action === 'update' && a.at === call(ctx, 'getSession', { id: done.sessionId }).session.createdAt);
    expect(updates.map((a) => a.field).sort()).toEqual([...done.patientFieldsUpdated].sort());
  });

  it('refuses, writing nothing, when the NHS number belongs to someone with another name or date of birth', () => {
    const ctx = testContext();
    importDoc(ctx, fresh('S1'));
    const before = ['patient', 'session', 'target', 'freeze_cycle', 'audit_log'].map((t) => count(ctx, t));
    const other = fresh('S2');
    other.patient.nhsNumber = '9990079196'; // S1's patient
    const r = dispatch(ctx, 'importSession', { document: other });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('INVALID_PAYLOAD');
    expect(r.error.message).toMatch(/different family name and given name and date of birth/);
    expect(r.error.message).toMatch(/nothing was imported/);
    expect(['patient', 'session', 'target', 'freeze_cycle', 'audit_log'].map((t) => count(ctx, t))).toEqual(before);
  });

  it('adds allergies the database lacks and never drops one: "no known allergies" becomes "has allergies"', () => {
    const ctx = testContext();
    const first = importDoc(ctx, fresh('S1'));
    const file = fresh('S1');
    file.patient.allergyStatus = 'has-allergies';
    file.patient.allergies = [{ id: '51000000-0000-4000-8000-0000000000a1', patientId: file.patient.id, seq: 1, allergen: 'latex', detail: null, reaction: null, createdAt: file.patient.createdAt, updatedAt: file.patient.updatedAt }];
    const done = importDoc(ctx, file);
    expect(done).toMatchObject({ patientMatched: true, allergiesAdded: 1, patientFieldsUpdated: ['allergyStatus'], patientDifferences: [] });
    expect(call(ctx, 'getPatient', { id: first.patientId }).patient).toMatchObject({ allergyStatus: 'has-allergies', allergies: [expect.objectContaining({ allergen: 'latex' })] });
    // The same allergy again is not added twice.
    expect(importDoc(ctx, file).allergiesAdded).toBe(0);
  });

  it('an NHS number that fails its check (S5) never matches: each import adds a new patient', () => {
    const ctx = testContext();
    const a = importDoc(ctx, fresh('S5'));
    const b = importDoc(ctx, fresh('S5'));
    expect([a.patientMatched, b.patientMatched]).toEqual([false, false]);
    expect(a.patientId).not.toBe(b.patientId);
    expect(count(ctx, 'patient')).toBe(2);
  });
});

describe('importSession: one audited transaction', () => {
  it('every row created is in the audit trail, with where the session came from', () => {
    const ctx = testContext();
    const file = fresh('S1');
    const done = importDoc(ctx, file);
    const audit = ctx.db!.prepare('SELECT * FROM audit_log WHERE session_id = ? ORDER BY id').all(done.sessionId) as AuditRow[];
    const created = audit.filter((a) => a.action === 'create');
    const rows = 1 + file.team.length + file.consentSites.length + file.goals.length + file.diagnosticBlocks.length + file.devices.length + file.targets.length + file.targets.reduce((n, t) => n + t.cycles.length, 0) + file.outcomes.length + file.followUps.length;
    expect(created.filter((a) => a.entity !== 'import')).toHaveLength(rows);
    const origin = created.find((a) => a.entity === 'import');
    expect(JSON.parse(origin!.new_value!)).toMatchObject({ sourceSessionId: file.session.id, statusInFile: 'completed', status: 'draft', patientMatched: false });
    expect(auditForEntity(ctx.db!, 'patient', done.patientId).map((a) => a.action)).toEqual(['create']);
  });

  it('a failure half-way (an id clash) leaves nothing behind', () => {
    const ctx = testContext();
    const auditBefore = count(ctx, 'audit_log'); // the test account's creation
    const original = ctx.newId;
    let n = 0;
    // From the 15th on, every new id is the same: an insert among the targets and cycles fails.
    ctx.newId = () => (++n >= 15 ? '51000000-0000-4000-8000-0000000000ee' : original());
    const r = dispatch(ctx, 'importSession', { document: fresh('S1') });
    expect(r.ok ? null : r.error.code).toBe('INTERNAL');
    expect(n).toBeGreaterThan(15);
    ctx.newId = original;
    expect(['patient', 'session', 'team_member', 'target', 'freeze_cycle', 'audit_log'].map((t) => count(ctx, t))).toEqual([0, 0, 0, 0, 0, auditBefore]);
  });
});

describe('importSession: documents that do not hold together are refused', () => {
  it.each([
    ['a target naming a device not in the file', (d: SessionDocument) => (d.targets[0]!.deviceId = '51000000-0000-4000-8000-0000000000ff'), /targets\[0\]\.deviceId: Names the device/],
    ['a row filed under another session', (d: SessionDocument) => (d.goals[1]!.sessionId = '51000000-0000-4000-8000-0000000000ff'), /goals\[1\]\.sessionId: Says it belongs to/],
    ['a cycle filed under another target', (d: SessionDocument) => (d.targets[1]!.cycles[0]!.targetId = d.targets[0]!.id), /targets\[1\]\.cycles\[0\]\.targetId/],
    ['two rows with one id', (d: SessionDocument) => (d.followUps[1]!.id = d.followUps[0]!.id), /followUps\[1\]\.id: The id .* is also used at followUps\[0\]\.id/],
  ])('%s', (_label, spoil, message) => {
    const ctx = testContext();
    const file = fresh('S1');
    spoil(file);
    const r = dispatch(ctx, 'importSession', { document: file });
    expect(r.ok ? null : r.error.code).toBe('INVALID_PAYLOAD');
    expect(r.ok ? '' : r.error.message).toMatch(message);
    expect(count(ctx, 'session')).toBe(0);
  });

  it('a file that is not a session document is refused by the contract with the path of the problem', () => {
    const ctx = testContext();
    const r = dispatch(ctx, 'importSession', { document: { ...fresh('S1'), formatVersion: 2 } });
    expect(r.ok ? null : r.error.issues?.[0]?.path).toBe('document.formatVersion');
  });
});
