// docs/session.schema.json is generated from the zod schema the app parses files with; this
// keeps the committed file in step and checks that a standard validator accepts it.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SessionDocument } from '../../shared/domain/model';
import { SCHEMA_FILE, SCHEMA_ID, sessionSchemaText } from '../tools/sessionSchema';
import { sessionDoc } from '../helpers/sessionDoc';
import { committedSchema, sessionValidator } from './jsonSchema';

describe('docs/session.schema.json', () => {
  it('is what the zod schema generates today', () => {
    const committed = fs.existsSync(SCHEMA_FILE) ? fs.readFileSync(SCHEMA_FILE, 'utf8') : '(missing)';
    const generated = sessionSchemaText();
    if (committed !== generated) {
      expect.fail(`${SCHEMA_FILE} is out of date with shared/domain/model.ts (or missing). Run "npm run schema" and commit the result.`);
    }
  });

  it('is draft 2020-12 with an $id, a title and a description', () => {
    const schema = committedSchema();
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe(SCHEMA_ID);
    expect(schema.title).toMatch(/CryoLog session file/);
    expect(String(schema.description)).toMatch(/null means "not recorded"/);
  });

  it('compiles in Ajv strict mode, and agrees with zod on a document and on unknown keys', () => {
    const validate = sessionValidator();
    const doc = sessionDoc();
    expect(SessionDocument.safeParse(doc).success).toBe(true);
    expect(validate(doc).valid).toBe(true);
    const extra = { ...doc, comment: 'not part of the format' };
    expect(SessionDocument.safeParse(extra).success).toBe(false);
    expect(validate(extra).errors).toContainEqual(expect.objectContaining({ keyword: 'additionalProperties', params: { additionalProperty: 'comment' } }));
  });

  it('refuses a newer format version, as the app does', () => {
    const r = sessionValidator()({ ...sessionDoc(), formatVersion: 2 });
    expect(r.valid).toBe(false);
    expect(r.errors).toContainEqual(expect.objectContaining({ instancePath: '/formatVersion', keyword: 'const' }));
  });

  it('names every field with its label', () => {
    const defs = committedSchema().$defs as Record<string, { properties: Record<string, { title?: string }> }>;
    const untitled = Object.entries(defs).flatMap(([def, s]) => Object.entries(s.properties).filter(([, p]) => !p.title).map(([k]) => `${def}.${k}`));
    expect(untitled).toEqual([]);
    expect(defs.Cycle?.properties.tipTempC?.title).toBe('Lowest probe temperature (°C)');
  });
});
