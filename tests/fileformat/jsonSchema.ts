// A real JSON Schema validator (Ajv, draft 2020-12, with the standard formats) loaded with the
// committed docs/session.schema.json: what a hospital's integration engine would check.
import fs from 'node:fs';
import Ajv2020, { type ErrorObject } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { SCHEMA_FILE } from '../tools/sessionSchema';

export function committedSchema(): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')) as Record<string, unknown>;
}

export function sessionValidator(): (value: unknown) => { valid: boolean; errors: ErrorObject[] } {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(committedSchema());
  return (value) => {
    const valid = validate(value);
    return { valid, errors: validate.errors ?? [] };
  };
}
