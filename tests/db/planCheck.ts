// Judges an EXPLAIN QUERY PLAN: what in it would grow with the number of records.

export interface PlannedQuery {
  name: string;
  sql: string;
  params: () => unknown;
  /**
   * A list cut by LIMIT with no filter (the newest sessions, the latest patients): walking an
   * index from its start is the right plan, as it stops at the LIMIT; sorting every row first
   * is not.
   */
  limited?: boolean;
}

// Tables that hold settings rather than records: reading all of one stays cheap for ever.
const TINY_TABLES = new Set(['setting', 'sqlite_sequence']);

/**
 * The plan lines that read the whole of a growing table, named with the query so a failure
 * says what to fix:
 * - "SCAN x" with no index;
 * - "SCAN x USING [COVERING] INDEX i" too, except in a LIMITed list: walking every entry of
 *   an index (as a UNION ordering by id does) costs as much as the table;
 * - a virtual (full-text) table read without MATCH;
 * - an AUTOMATIC index, built by reading the whole table for this one statement;
 * - in a LIMITed list, "USE TEMP B-TREE FOR ORDER BY": every row sorted before the LIMIT
 *   (sorting only rows that tie on the first key, "FOR LAST TERM OF" / "FOR RIGHT PART OF
 *   ORDER BY", follows the index and stops at the LIMIT, so it is allowed).
 */
export function planProblems(query: PlannedQuery, lines: readonly string[]): string[] {
  const problems: string[] = [];
  // A subquery's own rows (CO-ROUTINE / MATERIALIZE x, then SCAN x): its lines are judged themselves.
  const subqueries = new Set(lines.map((line) => /^(?:CO-ROUTINE|MATERIALIZE) (\S+)/.exec(line)?.[1]).filter((name) => name !== undefined));
  for (const line of lines) {
    // A full-text table read through its index: FTS5 names a MATCH with an M in its idxStr.
    const virtual = /^SCAN (\S+) VIRTUAL TABLE INDEX \d+:(\S*)/.exec(line);
    if (virtual) {
      if (!virtual[2]!.includes('M')) problems.push(`${query.name}: reads the whole virtual table "${line}"`);
      continue;
    }
    const scan = /^SCAN (\S+)/.exec(line);
    const growing = scan !== null && scan[1] !== 'CONSTANT' && !TINY_TABLES.has(scan[1]!) && !subqueries.has(scan[1]!);
    const walksIndex = /USING (COVERING INDEX|INDEX|INTEGER PRIMARY KEY)/.test(line);
    if (growing && !walksIndex) problems.push(`${query.name}: full table scan "${line}"`);
    else if (growing && !query.limited) problems.push(`${query.name}: reads a whole index "${line}"`);
    if (/USING AUTOMATIC/.test(line)) problems.push(`${query.name}: builds a temporary index from the whole table "${line}"`);
    if (query.limited && /^USE TEMP B-TREE FOR (ORDER BY|GROUP BY|DISTINCT)/.test(line)) problems.push(`${query.name}: sorts every row before the LIMIT "${line}"`);
  }
  if (problems.length > 0) problems.push(`plan of ${query.name}:\n  ${lines.join('\n  ')}`);
  return problems;
}
