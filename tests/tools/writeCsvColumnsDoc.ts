// `npx tsx tests/tools/writeCsvColumnsDoc.ts`: rewrites the column table of docs/export-csv.md
// from CYCLE_CSV_COLUMNS. Run it after changing a column; tests/export/csvDocs.test.ts fails until then.
import fs from 'node:fs';
import path from 'node:path';
import { CSV_DOC_FILE, withColumnsTable } from './csvColumnsDoc';

const before = fs.readFileSync(CSV_DOC_FILE, 'utf8');
const after = withColumnsTable(before);
fs.writeFileSync(CSV_DOC_FILE, after);
console.log(`${path.relative(process.cwd(), CSV_DOC_FILE)}: ${before === after ? 'unchanged' : 'written'}`);
