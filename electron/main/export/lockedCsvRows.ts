// The bulk CSV's fast path: the rows of many locked sessions read with two set-based queries,
// instead of loading each session's signed document (a JSON.parse and a schema parse of ~20 KB
// per session, about 0.6 ms each: a minute for 100,000 sessions).
//
// Why reading the current rows gives what the signed document holds, for a "locked" session:
// - signSession (repos/signoff.ts) snapshots loadSessionDocument, i.e. these very rows, as the
//   latest version, in the transaction that sets version and amending = 0;
// - from then on the triggers of migrations 3 and 4 refuse any INSERT, UPDATE or DELETE on the
//   session row (unless it opens an amendment, amending = 1) and on every table the CSV reads
//   from the session: team_member, device, target and freeze_cycle (through its target). The
//   only way back to amending = 0 is the next signature, which takes a new snapshot;
// - the patient row is NOT locked (demographics may be corrected after a session is signed), so
//   the patient's columns equal the snapshot only when the patient has no audit entry after the
//   session's latest signature entry. Every patient change goes through updateRow, which
//   audits it; audit ids only grow (hash chain), so this needs no clock that could go backwards.
// So a session is taken here only when it is signed (version >= 1), not amending, not entered
// in error (loadSessionDocument rewrites its status, and those are rare) and its patient is
// unchanged since the signature. Anything else (and a session with no signature audit entry)
// goes through the per-session path. tests/export/bulkLockedCsv.test.ts proves both paths
// write the same bytes, amended, amending, entered-in-error and hostile text included.
//
// The cells are then made by the same CYCLE_CSV_COLUMNS as every other CSV: only the loading
// differs, so formatting, labels and formula neutralising cannot drift apart.
import type { Cycle, Device, SessionDocument, TargetWithCycles, TeamMember } from '../../../shared/domain/model';
import { CSV_LINE_END, CYCLE_CSV_COLUMNS, csvCell, type CycleRow } from '../../../shared/export/csv';
import type { ExportSource } from '../../../shared/export/source';
import { stmt } from '../db/statements';
import type { DB } from '../db/types';

/** Sessions of the batch that are locked as signed, with the columns of their CSV rows. json_each keeps it one statement. */
export const LOCKED_SESSIONS_SQL = `SELECT s.id, s.started_at, s.complications_answer, s.version,
    p.nhs_number, p.local_mrn, p.date_of_birth, p.sex,
    tm.name, tm.registration_body, tm.registration_number, tm.id IS NOT NULL
  FROM json_each(@ids) j
    CROSS JOIN session s ON s.id = j.value
    CROSS JOIN patient p ON p.id = s.patient_id
    LEFT JOIN team_member tm ON tm.session_id = s.id
      AND tm.seq = (SELECT min(o.seq) FROM team_member o WHERE o.session_id = s.id AND o.role = 'operator')
  WHERE s.version >= 1 AND s.amending = 0 AND s.signed_at IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM entered_in_error e WHERE e.session_id = s.id)
    AND NOT EXISTS (
      SELECT 1 FROM audit_log a
      WHERE a.entity = 'patient' AND a.entity_id = s.patient_id
        AND a.id > coalesce((SELECT g.id FROM audit_log g WHERE g.session_id = s.id AND g.field = 'signature' ORDER BY g.id DESC LIMIT 1), 9223372036854775807))
    AND EXISTS (SELECT 1 FROM audit_log g WHERE g.session_id = s.id AND g.field = 'signature')`;

/** Every target of the batch's sessions with its device, in export order (j.key: the session's place in the batch). */
export const LOCKED_TARGETS_SQL = `SELECT j.key, t.session_id, t.seq, t.side, t.nerve, t.branch, t.clinical_pattern, t.stim_threshold_ma, t.muscle_responding,
    d.id IS NOT NULL, d.system_type, d.manufacturer, d.model, d.probe_lot, d.probe_expiry, d.gas_lot
  FROM json_each(@ids) j
    CROSS JOIN target t ON t.session_id = j.value
    LEFT JOIN device d ON d.id = t.device_id AND d.session_id = t.session_id
  ORDER BY j.key, t.seq`;

/**
 * Every cycle of those targets, in the same order, keyed by (j.key, target seq). Apart from the
 * targets because a target's and its device's columns, repeated on each of its ~8 cycles, were
 * most of the values read (each a new JavaScript string): two queries read ~40% fewer.
 */
export const LOCKED_CYCLES_SQL = `SELECT j.key, t.seq, c.site_no, c.seq, c.started_at, c.ended_at, c.duration_s, c.thaw_type, c.thaw_s, c.tip_temp_c, c.ice_ball_seen, c.ice_ball_mm, c.pain_nrs, c.outcome, c.abort_reason
  FROM json_each(@ids) j
    CROSS JOIN target t ON t.session_id = j.value
    CROSS JOIN freeze_cycle c ON c.target_id = t.id
  ORDER BY j.key, t.seq, c.seq`;

type Cell = string | number | null;
const bool = (v: Cell | undefined): boolean | null => (v === null || v === undefined ? null : v === 1);
/** A cycle row (j.key, target seq) that comes before the target row (j.key at 0, seq at 2). */
const before = (cycle: Cell[], target: Cell[]): boolean => (cycle[0] as number) < (target[0] as number) || (cycle[0] === target[0] && (cycle[1] as number) < (target[2] as number));

interface SessionFacts {
  source: ExportSource;
  doc: SessionDocument;
  operator: TeamMember | null;
  text: string[];
  rows: number;
}

/** What a session's rows add to the file: its CSV text (as toCsv writes it) and the row count. */
export interface LockedCsv {
  text: string;
  rows: number;
}

// Written cells of a target's columns that do not depend on the cycle, made once per target and
// reused for each of its (typically 8) cycles: most of the cell work of a row.
const CYCLE_INDEXES = CYCLE_CSV_COLUMNS.flatMap((c, i) => (c.perCycle ? [i] : []));

/**
 * CSV rows (cells as strings, as cycleCsvRows makes them) of each session of `sessionIds` that is
 * locked as signed; a session missing from the map must take the per-session path.
 */
export function lockedSessionCsvRows(db: DB, sessionIds: readonly string[]): Map<string, LockedCsv> {
  const ids = JSON.stringify(sessionIds);
  const sessions = new Map<string, SessionFacts>();
  for (const r of stmt(db, LOCKED_SESSIONS_SQL).raw().all({ ids }) as Cell[][]) {
    const version = r[3] as number;
    // Only the fields the CSV columns read are filled; the equality test holds them to the full path.
    const doc = {
      session: { id: r[0], startedAt: r[1], complicationsAnswer: r[2] },
      patient: { nhsNumber: r[4], localMrn: r[5], dateOfBirth: r[6], sex: r[7] },
    } as unknown as SessionDocument;
    const source = { doc, version, status: version > 1 ? 'amended' : 'final', enteredInError: null } as unknown as ExportSource;
    const operator = r[11] === 1 ? ({ name: r[8], registrationBody: r[9], registrationNumber: r[10] } as unknown as TeamMember) : null;
    sessions.set(r[0] as string, { source, doc, operator, text: [], rows: 0 });
  }
  if (sessions.size === 0) return new Map();
  const cycles = stmt(db, LOCKED_CYCLES_SQL).raw().all({ ids }) as Cell[][];
  let next = 0;
  for (const r of stmt(db, LOCKED_TARGETS_SQL).raw().all({ ids }) as Cell[][]) {
    // The cycles of targets before this one (of sessions not taken here) are passed over.
    while (next < cycles.length && before(cycles[next]!, r)) next++;
    const facts = sessions.get(r[1] as string);
    if (!facts) continue;
    const target = { seq: r[2], side: r[3], nerve: r[4], branch: r[5], clinicalPattern: r[6], stimThresholdMa: r[7], muscleResponding: r[8] } as unknown as TargetWithCycles;
    const device = r[9] === 1 ? ({ systemType: r[10], manufacturer: r[11], model: r[12], probeLot: r[13], probeExpiry: r[14], gasLot: r[15] } as unknown as Device) : null;
    const row: CycleRow = { source: facts.source, doc: facts.doc, target, cycle: null, device, operator: facts.operator };
    // Cells that do not depend on the cycle are made once per target, reused for each of its cycles.
    const cells = CYCLE_CSV_COLUMNS.map((c) => csvCell(c.value(row)));
    let written = 0;
    for (; next < cycles.length && cycles[next]![0] === r[0] && cycles[next]![1] === r[2]; next++, written++) {
      const c = cycles[next]!;
      row.cycle = { siteNo: c[2], seq: c[3], startedAt: c[4], endedAt: c[5], durationS: c[6], thawType: c[7], thawS: c[8], tipTempC: c[9], iceBallSeen: bool(c[10]), iceBallMm: c[11], painNrs: c[12], outcome: c[13], abortReason: c[14] } as unknown as Cycle;
      for (const i of CYCLE_INDEXES) cells[i] = csvCell(CYCLE_CSV_COLUMNS[i]!.value(row));
      facts.text.push(cells.join(',') + CSV_LINE_END);
    }
    // A target without a cycle still gives its one row (cycle columns empty), as cycleCsvRows does.
    if (written === 0) facts.text.push(cells.join(',') + CSV_LINE_END);
    facts.rows += Math.max(1, written);
  }
  return new Map([...sessions].map(([id, facts]) => [id, { text: facts.text.join(''), rows: facts.rows }]));
}
