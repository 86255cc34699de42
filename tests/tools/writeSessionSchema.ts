// `npm run schema`: writes docs/session.schema.json from the zod schema. Run it after changing
// a field in shared/domain/record.ts or model.ts; tests/fileformat/schema.test.ts fails until then.
import fs from 'node:fs';
import path from 'node:path';
import { SCHEMA_FILE, sessionSchemaText } from './sessionSchema';

const text = sessionSchemaText();
const before = fs.existsSync(SCHEMA_FILE) ? fs.readFileSync(SCHEMA_FILE, 'utf8') : null;
fs.mkdirSync(path.dirname(SCHEMA_FILE), { recursive: true });
fs.writeFileSync(SCHEMA_FILE, text);
console.log(`${path.relative(process.cwd(), SCHEMA_FILE)}: ${before === text ? 'unchanged' : 'written'} (${text.length.toLocaleString('en-GB')} characters)`);
