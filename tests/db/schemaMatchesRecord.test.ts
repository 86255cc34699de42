import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/main/db/open';
import { ENTITY_DEFS, type EntityName } from '../../shared/domain/record';
import { columnName, type Fields } from '../../shared/domain/fields';
import { tempDir } from '../helpers/tempDir';

// The field declarations (record.ts) and the migrations are written separately; this keeps
// them in step: every declared field has a column of the right type, and no table has a
// column that no field explains.
const SQL_TYPE = { text: 'TEXT', integer: 'INTEGER', real: 'REAL', bool: 'INTEGER', json: 'TEXT' } as const;
const BOOKKEEPING = ['id', 'seq', 'created_at', 'updated_at'];
// The signature and amendment state: written only by the sign-off path, never by saveFields.
const SIGN_OFF = ['signed_at', 'signer', 'version', 'amending', 'amendment_reason'];

describe('database schema and record declarations', () => {
  const { db } = openDatabase(path.join(tempDir(), 'schema.sqlite'));
  const columnsOf = (table: string) => new Map((db.pragma(`table_info(${table})`) as { name: string; type: string }[]).map((c) => [c.name, c.type]));
  const entities = Object.keys(ENTITY_DEFS) as EntityName[];

  it.each(entities)('%s: every field has a column of its storage type', (entity) => {
    const def = ENTITY_DEFS[entity];
    const columns = columnsOf(def.table);
    const missing = Object.entries(def.fields as Fields)
      .filter(([field, fd]) => columns.get(columnName(field)) !== SQL_TYPE[fd.storage])
      .map(([field, fd]) => `${field} → ${columnName(field)} ${SQL_TYPE[fd.storage]} (found ${columns.get(columnName(field)) ?? 'nothing'})`);
    expect(missing).toEqual([]);
  });

  it.each(entities)('%s: no column that no field explains', (entity) => {
    const def = ENTITY_DEFS[entity];
    const expected = new Set([...BOOKKEEPING, ...(entity === 'session' ? SIGN_OFF : []), ...Object.keys(def.fields).map(columnName), ...(def.parent ? [`${columnName(def.parent)}_id`] : [])]);
    expect([...columnsOf(def.table).keys()].filter((c) => !expected.has(c))).toEqual([]);
  });
});
