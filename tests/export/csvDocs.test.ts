// docs/export-csv.md lists every CSV column with its description, in the file's order; this
// keeps it in step with CYCLE_CSV_COLUMNS, where the columns are defined.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CYCLE_CSV_COLUMNS } from '../../shared/export/csv';
import { CSV_DOC_FILE, withColumnsTable } from '../tools/csvColumnsDoc';

describe('docs/export-csv.md', () => {
  const doc = fs.readFileSync(CSV_DOC_FILE, 'utf8');

  it('has the column table that CYCLE_CSV_COLUMNS generates today', () => {
    if (withColumnsTable(doc) !== doc) {
      expect.fail(`${CSV_DOC_FILE} is out of date with CYCLE_CSV_COLUMNS. Run "npx tsx tests/tools/writeCsvColumnsDoc.ts" and commit the result.`);
    }
  });

  it('documents every column by name, in the order of the file', () => {
    const documented = [...doc.matchAll(/^\| \d+ \| `([a-z0-9_]+)` \|/gm)].map((m) => m[1]);
    expect(documented).toEqual(CYCLE_CSV_COLUMNS.map((c) => c.name));
  });
});
