// A few thousand synthetic rows in every table that grows with the record, written straight
// to a migrated database and then ANALYZEd, so EXPLAIN QUERY PLAN answers as the planner would
// on a real, long-used file (with no statistics it guesses). Not the benchmark generator: no
// realistic values, only enough rows with the right shape (many patients, several sessions
// each, targets with cycles, a trail of audit entries). Invented names, 999-range NHS numbers.
import type { DB } from '../../electron/main/db/types';
import { ENTITY_DEFS, type EntityName } from '../../shared/domain/record';
import { columnName } from '../../shared/domain/fields';
import { isValidNhsNumber } from '../../shared/domain/nhsNumber';
import { appendAudit } from '../../electron/main/db/repos/audit';

const FAMILY = ['Ashdown', 'Brightwell', 'Carrow', 'Dunmere', 'Elsworth', 'Fennick', 'Garlow', 'Hathersage', 'Ingleby', 'Jessop', 'Kettleby', 'Lowther'];
const GIVEN = ['Ada', 'Bram', 'Cecily', 'Dorian', 'Edith', 'Felix', 'Greta', 'Hugo', 'Iris', 'Jonah'];
const SESSION_CHILDREN: EntityName[] = ['teamMember', 'consentSite', 'goal', 'diagnosticBlock', 'device', 'outcome', 'complication', 'followUp'];

export interface PlanFill {
  patientIds: string[];
  sessionIds: string[];
  targetIds: string[];
  nhsNumbers: string[];
}

/** The n-th valid NHS number of the 999 test range (numbers whose check digit would be 10 are skipped). */
function nhsNumbers(count: number): string[] {
  const found: string[] = [];
  for (let body = 9990000; found.length < count; body++) {
    const nine = `999${String(body % 1_000_000).padStart(6, '0')}`;
    const digits = [...nine].map(Number);
    const check = 11 - (digits.reduce((sum, d, i) => sum + d * (10 - i), 0) % 11);
    const candidate = `${nine}${check === 11 ? 0 : check}`;
    if (check !== 10 && isValidNhsNumber(candidate)) found.push(candidate);
  }
  return found;
}

export function fillForPlans(db: DB, sizes = { patients: 800, sessionsPerPatient: 4, targetsPerSession: 3, cyclesPerTarget: 2 }): PlanFill {
  const fill: PlanFill = { patientIds: [], sessionIds: [], targetIds: [], nhsNumbers: nhsNumbers(sizes.patients) };
  const at = '2026-01-01T09:00:00.000Z';
  const insertPatient = db.prepare('INSERT INTO patient (id, family_name, given_name, nhs_number, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
  const insertSession = db.prepare("INSERT INTO session (id, patient_id, status, started_at, created_at, updated_at) VALUES (?, ?, 'draft', ?, ?, ?)");
  const insertChild = (entity: EntityName) => {
    const parent = ENTITY_DEFS[entity].parent as EntityName;
    return db.prepare(`INSERT INTO ${ENTITY_DEFS[entity].table} (id, ${columnName(parent)}_id, seq, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`);
  };
  const children = new Map(SESSION_CHILDREN.map((e) => [e, insertChild(e)]));
  const insertTarget = insertChild('target');
  const insertCycle = insertChild('cycle');
  const insertAllergy = insertChild('allergy');
  const insertAck = db.prepare("INSERT INTO acknowledgement (id, session_id, rule_id, entity, entity_id, acknowledged_by, at) VALUES (?, ?, 'W1', 'target', ?, 'tester', ?)");
  const insertVersion = db.prepare("INSERT INTO session_version (session_id, version, signed_at, signer, document, sha256) VALUES (?, 1, ?, '{}', '{}', 'x')");
  const sign = db.prepare("UPDATE session SET signed_at = ?, signer = '{}', version = 1 WHERE id = ?");
  const markInError = db.prepare("INSERT INTO entered_in_error (session_id, at, marked_by, reason) VALUES (?, ?, 'tester', 'wrong patient')");

  db.transaction(() => {
    for (let p = 0; p < sizes.patients; p++) {
      const patientId = `p${p}`;
      const day = (n: number) => new Date(Date.UTC(2016, 0, 1) + n * 3_600_000 * 7).toISOString().replace('Z', '+00:00');
      insertPatient.run(patientId, FAMILY[p % FAMILY.length]! + (p % 7 === 0 ? '' : String(p)), GIVEN[p % GIVEN.length]!, fill.nhsNumbers[p]!, at, day(p));
      fill.patientIds.push(patientId);
      if (p % 3 === 0) insertAllergy.run(`a${p}`, patientId, 1, at, at);
      for (let s = 0; s < sizes.sessionsPerPatient; s++) {
        const sessionId = `s${p}-${s}`;
        const startedAt = day(p * sizes.sessionsPerPatient + s);
        insertSession.run(sessionId, patientId, startedAt, at, at);
        fill.sessionIds.push(sessionId);
        for (const [entity, insert] of children) if ((p + s + entity.length) % 2 === 0) insert.run(`${entity}-${sessionId}`, sessionId, 1, at, at);
        for (let t = 1; t <= sizes.targetsPerSession; t++) {
          const targetId = `t${sessionId}-${t}`;
          insertTarget.run(targetId, sessionId, t, at, at);
          fill.targetIds.push(targetId);
          for (let c = 1; c <= sizes.cyclesPerTarget; c++) insertCycle.run(`c${targetId}-${c}`, targetId, c, at, at);
        }
        if (s % 4 === 1) insertAck.run(`ack-${sessionId}`, sessionId, `t${sessionId}-1`, at);
        if (s % 2 === 0) {
          insertVersion.run(sessionId, startedAt);
          sign.run(startedAt, sessionId);
        } else if (p % 50 === 1) markInError.run(sessionId, startedAt);
      }
    }
    // The trail: an entry per session and an export for some, as the app would write them.
    fill.sessionIds.forEach((sessionId, i) => {
      appendAudit(db, { at, action: 'create', entity: 'session', entityId: sessionId, sessionId, newValue: { i }, reason: null });
      if (i % 5 === 0) appendAudit(db, { at, action: 'create', entity: 'export', entityId: `e${i}`, sessionId, field: 'pdf', newValue: { format: 'pdf' }, reason: null });
    });
  })();
  db.exec('ANALYZE');
  return fill;
}
