// The name search reads NOCASE ranges (repos/search.ts), not LIKE: it must still find a prefix
// of the family or the given name in any ASCII case, and treat LIKE's wildcards as text.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/main/db/open';
import { searchSessions } from '../../electron/main/db/repos/search';
import { tempDir } from '../helpers/tempDir';

const PEOPLE = [
  ['p1', 'Ashdown', 'Cecily'],
  ['p2', 'ashby', 'Hugo'],
  ['p3', 'Brightwell', 'Ashley'],
  ['p4', 'Nash', 'Edith'],
  ['p5', 'Ash%ford', 'Iris'],
  ['p6', 'Asher', 'Ash_a'],
] as const;

function database() {
  const { db } = openDatabase(path.join(tempDir(), 'search.sqlite'));
  const at = '2026-01-01T09:00:00.000Z';
  PEOPLE.forEach(([id, family, given], i) => {
    db.prepare('INSERT INTO patient (id, family_name, given_name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(id, family, given, at, at);
    db.prepare("INSERT INTO session (id, patient_id, status, started_at, created_at, updated_at) VALUES (?, ?, 'draft', ?, ?, ?)").run(`s-${id}`, id, `2026-03-1${i}T09:00:00+00:00`, at, at);
  });
  return db;
}

const patientsFound = (search: string) => {
  const db = database();
  try {
    return searchSessions(db, search, 50).map((s) => s.patientId).sort();
  } finally {
    db.close();
  }
};

describe('search by the start of a name', () => {
  it('finds family and given names that start with the text, in any case, and no name that only contains it', () => {
    expect(patientsFound('ASH')).toEqual(['p1', 'p2', 'p3', 'p5', 'p6']);
    expect(patientsFound('ashd')).toEqual(['p1']);
    expect(patientsFound('hUGo')).toEqual(['p2']);
  });

  it('reads % and _ as the characters themselves', () => {
    expect(patientsFound('Ash%')).toEqual(['p5']);
    expect(patientsFound('ash_')).toEqual(['p6']);
    expect(patientsFound('%')).toEqual([]);
  });
});

describe('a prefix many patients share', () => {
  it('answers the newest sessions across every matching patient, not those of the first 200 found', () => {
    const { db } = openDatabase(path.join(tempDir(), 'common.sqlite'));
    try {
      const at = '2026-01-01T09:00:00.000Z';
      const patient = db.prepare('INSERT INTO patient (id, family_name, given_name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
      const session = db.prepare("INSERT INTO session (id, patient_id, status, started_at, created_at, updated_at) VALUES (?, ?, 'draft', ?, ?, ?)");
      db.transaction(() => {
        // 300 Smiths, in id order oldest-treated first: the newest sessions belong to the last ones found.
        for (let i = 0; i < 300; i++) {
          const id = `smith-${String(i).padStart(3, '0')}`;
          patient.run(id, `Smith${String(i).padStart(3, '0')}`, 'Synthetic', at, at);
          const day = new Date(Date.UTC(2025, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
          session.run(`s-${id}`, id, `${day}T09:00:00+00:00`, at, at);
        }
        patient.run('jones', 'Jones', 'Synthetic', at, at);
        session.run('s-jones', 'jones', '2027-01-01T09:00:00+00:00', at, at);
      })();
      const found = searchSessions(db, 'smi', 50);
      expect(found).toHaveLength(50);
      expect(found[0]!.patientId).toBe('smith-299');
      expect(found.map((s) => s.patientId)).toEqual(Array.from({ length: 50 }, (_, k) => `smith-${String(299 - k).padStart(3, '0')}`));
      expect(searchSessions(db, 'SMITH12', 50).map((s) => s.patientId)).toEqual(Array.from({ length: 10 }, (_, k) => `smith-${129 - k}`));
    } finally {
      db.close();
    }
  });
});
