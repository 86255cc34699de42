// Full-text search over the clinical notes (migration 8, repos/noteSearch.ts): filled for the
// sessions already there, kept in step by triggers on every edit, newest first, and no typed
// text is ever FTS5 syntax.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/main/db/open';
import { MIGRATIONS } from '../../electron/main/db/migrations';
import { DOCUMENT_SQL } from '../../electron/main/db/migrations/0008-note-search';
import { searchNotes, snippetParts, toFtsQuery } from '../../electron/main/db/repos/noteSearch';
import type { DB } from '../../electron/main/db/types';
import { dispatch } from '../../electron/main/ipc/dispatch';
import type { Ctx } from '../../electron/main/context';
import { fixedClock, tempDir, testContext } from '../helpers/tempDir';
import { TEST_PIN } from '../helpers/testClinician';
import { call } from '../helpers/auditActivity';
import { fixtureFile } from '../tools/sessionFixtures';

const AT = '2026-01-01T09:00:00.000Z';

/** The index holds exactly each session's text as the tables hold it now, and FTS5 finds it sound. */
function expectInStep(db: DB): void {
  const indexed = db.prepare('SELECT session_id, notes, complications, procedure, amendments FROM note_search ORDER BY session_id').all();
  const expected = db
    .prepare(`SELECT * FROM (${DOCUMENT_SQL}) WHERE coalesce(notes, complications, procedure, amendments) IS NOT NULL ORDER BY session_id`)
    .all();
  expect(indexed).toEqual(expected);
  expect(() => db.prepare("INSERT INTO note_search (note_search, rank) VALUES ('integrity-check', 1)").run()).not.toThrow();
  // Every session has a key, and the keys follow the start times.
  const keys = db.prepare('SELECT s.started_at, k.search_rowid FROM session s JOIN note_search_key k ON k.session_id = s.id ORDER BY k.search_rowid').all() as { started_at: string }[];
  expect(keys).toHaveLength(db.prepare('SELECT count(*) FROM session').pluck().get() as number);
  const times = keys.map((k) => Date.parse(k.started_at));
  expect(times).toEqual([...times].sort((a, b) => a - b));
}

const found = (db: DB, text: string) => searchNotes(db, text, 50).map((h) => h.id);

describe('migration 8 (note search)', () => {
  it('indexes the notes of sessions written before it, from every table that holds them', () => {
    const file = path.join(tempDir(), 'cryolog.sqlite');
    const v7 = openDatabase(file, { migrations: MIGRATIONS.slice(0, 7) });
    v7.db.exec(`
      INSERT INTO patient (id, family_name, given_name, nhs_number, created_at, updated_at) VALUES ('p1', 'Oldshape', 'Olga', '9990079196', '${AT}', '${AT}');
      INSERT INTO session (id, patient_id, status, started_at, created_at, updated_at, notes, therapy_plan)
        VALUES ('s1', 'p1', 'draft', '2025-05-01T10:00:00+01:00', '${AT}', '${AT}', 'Patient mentioned the allotment', 'Hydrotherapy weekly');
      INSERT INTO session (id, patient_id, status, started_at, created_at, updated_at) VALUES ('s2', 'p1', 'draft', '2025-06-01T10:00:00+01:00', '${AT}', '${AT}');
      INSERT INTO session (id, patient_id, status, started_at, created_at, updated_at) VALUES ('s3', 'p1', 'draft', '2025-06-01T10:00:00+01:00', '${AT}', '${AT}');
      INSERT INTO complication (id, session_id, seq, note, created_at, updated_at) VALUES ('c1', 's2', 1, 'Burning pain from day 3', '${AT}', '${AT}');
      INSERT INTO target (id, session_id, seq, intended_outcome, created_at, updated_at) VALUES ('t1', 's3', 1, 'Easier hygiene in the palm', '${AT}', '${AT}');
      INSERT INTO freeze_cycle (id, target_id, seq, abort_note, created_at, updated_at) VALUES ('f1', 't1', 1, 'Stopped: patient felt faint', '${AT}', '${AT}');
      INSERT INTO goal (id, session_id, seq, goal_text, created_at, updated_at) VALUES ('g1', 's2', 1, 'Play the piano again', '${AT}', '${AT}');
    `);
    v7.db.close();

    const { db } = openDatabase(file);
    try {
      expect(found(db, 'allotment')).toEqual(['s1']);
      expect(found(db, 'hydro')).toEqual(['s1']);
      expect(found(db, 'burning')).toEqual(['s2']);
      expect(found(db, 'piano')).toEqual(['s2']);
      expect(found(db, 'faint')).toEqual(['s3']);
      expect(found(db, 'palm')).toEqual(['s3']);
      expectInStep(db);
    } finally {
      db.close();
    }
  });
});

describe('the index follows every edit, in the same transaction', () => {
  function s1(): { ctx: Ctx; sessionId: string; db: DB } {
    const ctx = testContext({ clock: fixedClock('2026-03-10T10:30:00.000Z') });
    const document = JSON.parse(fs.readFileSync(fixtureFile('S1'), 'utf8'));
    const { sessionId } = call(ctx, 'importSession', { document });
    return { ctx, sessionId, db: ctx.db! };
  }

  it('on saving, adding and deleting rows, and on moving the start time', () => {
    const { ctx, sessionId, db } = s1();
    expectInStep(db);
    call(ctx, 'saveFields', { entity: 'session', id: sessionId, patch: { notes: 'Spoke about the grandchildren visiting' } });
    expect(found(db, 'grandchildren')).toEqual([sessionId]);
    call(ctx, 'saveFields', { entity: 'session', id: sessionId, patch: { notes: 'Spoke about knitting' } });
    expect(found(db, 'grandchildren')).toEqual([]);
    expect(found(db, 'knitting')).toEqual([sessionId]);

    const complication = call(ctx, 'addRow', { entity: 'complication', parentId: sessionId });
    call(ctx, 'saveFields', { entity: 'complication', id: complication.id, patch: { note: 'Dysaesthesia over the lateral forearm' } });
    expect(found(db, 'dysaesth')).toEqual([sessionId]);
    const doc = call(ctx, 'getSession', { id: sessionId });
    const cycle = doc.targets[0]!.cycles[0]!;
    call(ctx, 'saveFields', { entity: 'cycle', id: cycle.id, patch: { abortNote: 'Probe alarm sounded' } });
    expect(found(db, 'probe alarm')).toEqual([sessionId]);
    expectInStep(db);

    call(ctx, 'deleteRow', { entity: 'complication', id: complication.id });
    expect(found(db, 'dysaesthesia')).toEqual([]);
    call(ctx, 'deleteRow', { entity: 'target', id: doc.targets[0]!.id });
    expect(found(db, 'probe alarm')).toEqual([]);
    call(ctx, 'saveFields', { entity: 'session', id: sessionId, patch: { startedAt: '2019-02-03T08:00:00+00:00' } });
    expect(found(db, 'knitting')).toEqual([sessionId]);
    expectInStep(db);
  });

  it('keeps the signed text, the amendment reason and the amended text, and stays in step when a locked edit is refused', () => {
    const { ctx, sessionId, db } = s1();
    call(ctx, 'signSession', { sessionId, secret: TEST_PIN });
    const refused = dispatch(ctx, 'saveFields', { entity: 'session', id: sessionId, patch: { notes: 'Tampered wording' } });
    expect(refused.ok).toBe(false);
    expect(found(db, 'tampered')).toEqual([]);
    call(ctx, 'beginAmendment', { sessionId, reason: 'Patient rang on day five with paraesthesia' });
    expect(found(db, 'rang day five')).toEqual([sessionId]);
    call(ctx, 'saveFields', { entity: 'session', id: sessionId, patch: { notes: 'Amended: tingling settled by day nine' } });
    call(ctx, 'signSession', { sessionId, secret: TEST_PIN });
    expect(found(db, 'tingling')).toEqual([sessionId]);
    expect(found(db, 'paraesthesia rang')).toEqual([sessionId]);
    call(ctx, 'markEnteredInError', { sessionId, reason: 'Recorded against the wrong patient' });
    expect(found(db, 'wrong patient')).toEqual([sessionId]);
    expect(searchNotes(db, 'wrong patient', 5)[0]!.status).toBe('entered-in-error');
    expectInStep(db);
  });
});

describe('searching', () => {
  function clinic(): DB {
    const { db } = openDatabase(path.join(tempDir(), 'search.sqlite'));
    db.prepare("INSERT INTO patient (id, family_name, given_name, nhs_number, created_at, updated_at) VALUES ('p1', 'Quill', 'Ada', '9990079196', ?, ?)").run(AT, AT);
    const notes = [
      'Café visit planned; Müller splint fitted',
      'CAFE owner is the carer',
      'He said "hoist" NEAR the bed (not the chair) - AND OR NOT * ^ col:umn',
      'Foot drop, orthosis reviewed',
      'Ниже колена: заметно лучше 改善 été',
    ];
    notes.forEach((n, i) => {
      db.prepare("INSERT INTO session (id, patient_id, status, started_at, created_at, updated_at, notes) VALUES (?, 'p1', 'draft', ?, ?, ?, ?)").run(`s${i}`, `2026-0${i + 1}-01T09:00:00+00:00`, AT, AT, n);
    });
    return db;
  }

  it('ignores case and accents, needs every word, takes the last as a prefix, newest first', () => {
    const db = clinic();
    expect(found(db, 'cafe')).toEqual(['s1', 's0']);
    expect(found(db, 'CAFÉ')).toEqual(['s1', 's0']);
    expect(found(db, 'muller')).toEqual(['s0']);
    expect(found(db, 'cafe carer')).toEqual(['s1']);
    expect(found(db, 'cafe car')).toEqual(['s1']);
    expect(found(db, 'carer cafe')).toEqual(['s1']);
    expect(found(db, 'ortho')).toEqual(['s3']);
    expect(found(db, 'ете')).toEqual([]);
    expect(found(db, 'колена')).toEqual(['s4']);
    expect(found(db, 'ete')).toEqual(['s4']);
    expect(searchNotes(db, 'cafe', 1).map((h) => h.id)).toEqual(['s1']);
    db.close();
  });

  it('answers the session with its patient and a snippet whose matched words are marked', () => {
    const db = clinic();
    const [hit] = searchNotes(db, 'splint', 50);
    expect(hit).toMatchObject({ id: 's0', patientId: 'p1', familyName: 'Quill', givenName: 'Ada', nhsNumber: '9990079196', startedAt: '2026-01-01T09:00:00+00:00' });
    expect(hit!.snippet.filter((p) => p.match).map((p) => p.text)).toEqual(['splint']);
    expect(hit!.snippet.map((p) => p.text).join('')).toContain('Müller splint fitted');
    db.close();
  });

  it('never reads typed text as FTS5 syntax, and never fails on it', () => {
    const db = clinic();
    const hostile = ['"', '""', '"hoist', 'hoist"', 'NEAR', 'NEAR(hoist bed)', 'AND', 'OR', 'NOT', '*', '-', 'col:umn', '^hoist', '(not', 'hoist*', '-hoist', "'", '\\', '{notes}: x', '', '   ', '🙂', 'e\u0301', '\u0000'];
    for (const text of hostile) expect(() => searchNotes(db, text, 50), text).not.toThrow();
    expect(found(db, 'NEAR')).toEqual(['s2']);
    expect(found(db, 'not')).toEqual(['s2']);
    expect(found(db, '"hoist"')).toEqual(['s2']);
    expect(found(db, '(not the chair)')).toEqual(['s2']);
    expect(found(db, 'col:umn')).toEqual(['s2']);
    expect(found(db, '*')).toEqual([]);
    expect(found(db, '')).toEqual([]);
    db.close();
  });

  it('quotes every word, and the last as a prefix', () => {
    expect(toFtsQuery('he said "no" AND')).toBe('"he" "said" """no""" "AND" *');
    expect(toFtsQuery(' - * ( ')).toBeNull();
  });

  it('splits a snippet at its marks only', () => {
    expect(snippetParts('…a \u0002b\u0003 c\nd')).toEqual([
      { text: '…a ', match: false },
      { text: 'b', match: true },
      { text: ' c · d', match: false },
    ]);
  });
});
