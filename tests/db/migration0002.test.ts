import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/main/db/open';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../electron/main/db/migrations';
import { loadSessionDocument } from '../../electron/main/db/repos/sessions';
import { tempDir } from '../helpers/tempDir';

// Signal-style migration test: rows in the old shape, migrate, check the new shape.
describe('migration 2 (complete record)', () => {
  it('keeps a thin-slice session intact, with every new field blank, after a safety copy', () => {
    const file = path.join(tempDir(), 'cryolog.sqlite');
    const v1 = openDatabase(file, { migrations: MIGRATIONS.slice(0, 1) });
    const at = '2026-11-24T09:00:00.000Z';
    v1.db.exec(`
      INSERT INTO patient (id, family_name, given_name, date_of_birth, nhs_number, created_at, updated_at)
        VALUES ('11111111-1111-4111-8111-111111111111', 'Oldshape', 'Olga', '1960-01-01', '9990079196', '${at}', '${at}');
      INSERT INTO session (id, patient_id, status, started_at, created_at, updated_at)
        VALUES ('22222222-2222-4222-8222-222222222222', '11111111-1111-4111-8111-111111111111', 'draft', '2026-11-24T09:00:00+00:00', '${at}', '${at}');
      INSERT INTO target (id, session_id, seq, nerve, branch, side, created_at, updated_at)
        VALUES ('33333333-3333-4333-8333-333333333333', '22222222-2222-4222-8222-222222222222', 1, 'radial', 'brachioradialis', 'right', '${at}', '${at}');
      INSERT INTO freeze_cycle (id, target_id, seq, duration_s, tip_temp_c, created_at, updated_at)
        VALUES ('44444444-4444-4444-8444-444444444444', '33333333-3333-4333-8333-333333333333', 1, 90, -71.5, '${at}', '${at}');
    `);
    v1.db.close();

    const v2 = openDatabase(file);
    expect(v2.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(v2.backupPath).toMatch(new RegExp(`\\.pre-v${LATEST_SCHEMA_VERSION}-.*\\.bak$`));
    const doc = loadSessionDocument(v2.db, '22222222-2222-4222-8222-222222222222')!;
    v2.db.close();
    expect(doc.patient).toMatchObject({ familyName: 'Oldshape', nhsNumber: '9990079196', sex: null, allergyStatus: null, allergies: [] });
    expect(doc.targets).toHaveLength(1);
    expect(doc.targets[0]).toMatchObject({ nerve: 'radial', side: 'right', usUsed: null, stimThresholdMa: null });
    expect(doc.targets[0]!.cycles[0]).toMatchObject({ durationS: 90, tipTempC: -71.5, outcome: null, iceBallSeen: null });
    expect(doc).toMatchObject({ team: [], devices: [], complications: [], acknowledgements: [] });
  });
});
