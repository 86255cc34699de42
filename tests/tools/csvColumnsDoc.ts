// The column table of docs/export-csv.md, generated from CYCLE_CSV_COLUMNS (the one place each
// column is defined): tests/export/csvDocs.test.ts fails when the doc and the columns differ,
// and `npx tsx tests/tools/writeCsvColumnsDoc.ts` rewrites the table.
import path from 'node:path';
import { CYCLE_CSV_COLUMNS } from '../../shared/export/csv';

export const CSV_DOC_FILE = path.resolve(__dirname, '../../docs/export-csv.md');
export const TABLE_START = '<!-- columns:start (generated from CYCLE_CSV_COLUMNS by tests/tools/writeCsvColumnsDoc.ts) -->';
export const TABLE_END = '<!-- columns:end -->';

/** Markdown table rows: position, name, description (pipes escaped). */
export function csvColumnsTable(): string {
  const rows = CYCLE_CSV_COLUMNS.map((c, i) => `| ${i + 1} | \`${c.name}\` | ${c.description.replace(/\|/g, '\\|')} |`);
  return ['| # | column | what it holds |', '|---|---|---|', ...rows].join('\n');
}

/** The doc's text with the generated table between the markers. */
export function withColumnsTable(doc: string): string {
  const start = doc.indexOf(TABLE_START);
  const end = doc.indexOf(TABLE_END);
  if (start === -1 || end < start) throw new Error(`${CSV_DOC_FILE} needs the markers ${TABLE_START} and ${TABLE_END}`);
  return `${doc.slice(0, start + TABLE_START.length)}\n${csvColumnsTable()}\n${doc.slice(end)}`;
}
