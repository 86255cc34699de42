// The queries behind the list, search, patient, history, repeat-targets, exports and session
// screens, run through EXPLAIN QUERY PLAN on an ANALYZEd database of a few thousand rows: none
// may read a whole table that grows with the record, and the lists cut by LIMIT may not sort
// every row first. The SQL is the repositories' own (exported beside the code that runs it).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/main/db/open';
import type { DB } from '../../electron/main/db/types';
import { ENTITY_DEFS, type EntityName } from '../../shared/domain/record';
import { getRowSql, listRowsSql } from '../../electron/main/db/repos/entities';
import { ENTERED_IN_ERROR_REASON_SQL, LIST_PATIENTS_SQL, LIST_PATIENT_SESSIONS_SQL, LIST_RECENT_SESSIONS_SQL, LIST_SESSIONS_AFTER_SQL } from '../../electron/main/db/repos/sessions';
import { PATIENTS_BY_NAME_PREFIX_SQL, PATIENTS_BY_NHS_NUMBER_SQL, RECENT_SESSIONS_BY_NAME_PREFIX_SQL, SESSION_KEYS_OF_PATIENT_SQL, SESSION_LIST_ITEM_SQL, prefixRange } from '../../electron/main/db/repos/search';
import { HISTORY_CYCLES_SQL, HISTORY_OUTCOMES_SQL, HISTORY_SESSIONS_SQL, HISTORY_TARGETS_SQL } from '../../electron/main/db/repos/history';
import { LAST_TARGETS_SQL } from '../../electron/main/db/repos/repeatTargets';
import { ENTERED_IN_ERROR_SQL, SESSION_VERSIONS_SQL, SIGNED_DOCUMENT_SQL, SIGNOFF_SQL, VERSION_HASH_SQL } from '../../electron/main/db/repos/signoff';
import { NOTE_SEARCH_SQL, toFtsQuery } from '../../electron/main/db/repos/noteSearch';
import { LIST_ACKNOWLEDGEMENTS_SQL } from '../../electron/main/db/repos/acknowledgements';
import { LIST_EXPORTS_SQL } from '../../electron/main/export/exportLog';
import { BULK_SESSIONS_SQL } from '../../electron/main/export/bulk';
import { fillForPlans, type PlanFill } from './planFill';
import { planProblems, type PlannedQuery } from './planCheck';

let db: DB;
let fill: PlanFill;

beforeAll(() => {
  // One file for the whole suite (tempDir's folders go after each test).
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cryolog-plans-'));
  db = openDatabase(path.join(dir, 'plans.sqlite')).db;
  fill = fillForPlans(db);
  return () => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  };
});

/** Every query behind the channels, with parameters (read once the database is filled). */
function queries(): PlannedQuery[] {
  const patientId = () => fill.patientIds[123];
  const sessionId = () => fill.sessionIds[457];
  const rowLoads = (Object.keys(ENTITY_DEFS) as EntityName[]).flatMap((entity): PlannedQuery[] => [
    { name: `getSession: ${entity} by id`, sql: getRowSql(entity), params: () => ['x'] },
    ...(ENTITY_DEFS[entity].parent ? [{ name: `getSession: ${entity} rows of a parent`, sql: listRowsSql(entity), params: () => ['x'] }] : []),
  ]);
  return [
    { name: 'listSessions: the 50 most recent', sql: LIST_RECENT_SESSIONS_SQL, params: () => [50], limited: true },
    {
      name: 'listSessions: the next page after a cursor',
      sql: LIST_SESSIONS_AFTER_SQL,
      params: () => ({ startedAt: '2017-03-15T10:00:00+00:00', id: fill.sessionIds[457], limit: 200 }),
      limited: true,
    },
    { name: 'listSessions search: patient by NHS number', sql: PATIENTS_BY_NHS_NUMBER_SQL, params: () => [fill.nhsNumbers[77]] },
    { name: 'listSessions search: patient by name prefix', sql: PATIENTS_BY_NAME_PREFIX_SQL, params: () => ({ ...prefixRange('ash'), cap: 201 }) },
    { name: 'listSessions search: newest sessions of a common name prefix', sql: RECENT_SESSIONS_BY_NAME_PREFIX_SQL, params: () => ({ ...prefixRange('a'), limit: 50 }), limited: true },
    { name: "listSessions search: a matching patient's session keys", sql: SESSION_KEYS_OF_PATIENT_SQL, params: () => [patientId()] },
    { name: 'listSessions search: one list row', sql: SESSION_LIST_ITEM_SQL, params: () => [sessionId()] },
    { name: 'searchNotes: words in the notes, newest first', sql: NOTE_SEARCH_SQL, params: () => ({ query: toFtsQuery('tone ba'), limit: 50 }), limited: true },
    { name: "listSessions search and getPatient: a patient's sessions", sql: LIST_PATIENT_SESSIONS_SQL, params: () => [patientId()] },
    { name: 'listPatients', sql: LIST_PATIENTS_SQL, params: () => [50], limited: true },
    { name: 'getTreatmentHistory: sessions', sql: HISTORY_SESSIONS_SQL, params: () => [patientId()] },
    { name: 'getTreatmentHistory: targets', sql: HISTORY_TARGETS_SQL, params: () => [patientId()] },
    { name: 'getTreatmentHistory: cycles', sql: HISTORY_CYCLES_SQL, params: () => [patientId()] },
    { name: 'getTreatmentHistory: outcomes', sql: HISTORY_OUTCOMES_SQL, params: () => [patientId()] },
    { name: 'getLastTargets', sql: LAST_TARGETS_SQL, params: () => ({ sessionId: sessionId() }) },
    { name: 'listSessionExports', sql: LIST_EXPORTS_SQL, params: () => [sessionId()] },
    { name: 'export source: sign-off state', sql: SIGNOFF_SQL, params: () => [sessionId()] },
    { name: 'export source: signed versions', sql: SESSION_VERSIONS_SQL, params: () => [sessionId()] },
    { name: 'export source: a signed document', sql: SIGNED_DOCUMENT_SQL, params: () => [sessionId(), 1] },
    { name: 'export source: a version hash', sql: VERSION_HASH_SQL, params: () => [sessionId(), 1] },
    { name: 'export source: entered in error', sql: ENTERED_IN_ERROR_SQL, params: () => [sessionId()] },
    { name: 'bulk export: sessions of a date range', sql: BULK_SESSIONS_SQL, params: () => ({ from: '2017-03-01', toExclusive: '2017-04-01' }) },
    { name: 'getSession: entered-in-error reason', sql: ENTERED_IN_ERROR_REASON_SQL, params: () => [sessionId()] },
    { name: 'getSession: acknowledgements', sql: LIST_ACKNOWLEDGEMENTS_SQL, params: () => [sessionId()] },
    ...rowLoads,
  ];
}

function plan(query: PlannedQuery): string[] {
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(query.params() as never) as { detail: string }[];
  return rows.map((r) => r.detail);
}

describe('query plans at a few thousand rows, after ANALYZE', () => {
  it('has filled the tables the plans are judged on', () => {
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    expect(count('session')).toBeGreaterThan(2000);
    expect(count('freeze_cycle')).toBeGreaterThan(count('target'));
    expect(count('sqlite_stat1')).toBeGreaterThan(0);
  });

  it.each(queries().map((q) => [q.name, q] as const))('%s reads through an index', (_name, query) => {
    expect(planProblems(query, plan(query))).toEqual([]);
  });
});

describe('the plan check itself', () => {
  it('reports a full-text table read without MATCH, and the sort of every match', () => {
    const whole = { name: 'notes without MATCH', sql: "SELECT session_id FROM note_search WHERE notes = 'tone' ORDER BY rowid DESC LIMIT 50", params: () => [], limited: true };
    expect(planProblems(whole, plan(whole)).join('\n')).toContain('reads the whole virtual table');
    const sorted = { name: 'matches sorted by start', sql: NOTE_SEARCH_SQL.replace('ORDER BY rowid DESC', 'ORDER BY session_id DESC'), params: () => ({ query: '"tone"', limit: 50 }), limited: true };
    expect(planProblems(sorted, plan(sorted)).join('\n')).toContain('sorts every row before the LIMIT');
  });

  // Each index the plans rely on, dropped inside a transaction that is rolled back: the query
  // it serves must then be reported, so a lost index cannot pass unseen.
  it.each([
    ['session_started_at', 'listSessions: the 50 most recent'],
    ['session_started_at', 'listSessions: the next page after a cursor'],
    ['patient_given_name', 'listSessions search: patient by name prefix'],
    ['session_patient', 'getTreatmentHistory: sessions'],
    ['patient_updated_at', 'listPatients'],
    ['patient_nhs_number', 'listSessions search: patient by NHS number'],
  ])('reports the query when index %s is gone', (index, name) => {
    const query = queries().find((q) => q.name === name)!;
    db.exec('BEGIN');
    try {
      db.exec(`DROP INDEX ${index}`);
      expect(planProblems(query, plan(query)).join('\n')).toContain(name);
    } finally {
      db.exec('ROLLBACK');
    }
    expect(planProblems(query, plan(query))).toEqual([]);
  });
});
