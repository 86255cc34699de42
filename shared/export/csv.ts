// CSV for audit and registries: one row per freeze cycle (docs/export-csv.md). Each column is
// defined once in CYCLE_CSV_COLUMNS (name, description for the docs, how its value is taken);
// toCsv is the one place that writes RFC 4180 and neutralises spreadsheet formulas.
//
// Patient names are deliberately not exported: the NHS number and local MRN identify the
// record for audit without putting names into spreadsheets that get emailed around.
import type { Cycle, Device, SessionDocument, TargetWithCycles, TeamMember } from '../domain/model';
import { findBranch, findNerve } from '../domain/valueSets';
import type { ExportSource } from './source';

/** What one CSV row is about: a freeze cycle of a target (or the target alone when it has none). */
export interface CycleRow {
  source: ExportSource;
  doc: SessionDocument;
  target: TargetWithCycles;
  /** Null when the target has no cycle recorded: the row keeps the target in the export. */
  cycle: Cycle | null;
  device: Device | null;
  operator: TeamMember | null;
}

export interface CsvColumn {
  name: string;
  description: string;
  /** True when the value depends on the row's cycle; the others are the same for every cycle of a target (the bulk export makes them once). */
  perCycle: boolean;
  value(row: CycleRow): string;
}

type Scalar = string | number | boolean | null | undefined;

/** One cell's text: empty for not recorded, "." decimals, plain "-" for negatives, true/false. */
function cell(value: Scalar): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return plainNumber(value);
  return value;
}

/** Decimal notation, never an exponent (String(1e-7) would be "1e-7"); the field bounds keep values small. */
function plainNumber(n: number): string {
  if (!Number.isFinite(n)) return '';
  const text = String(n);
  return /e/i.test(text) ? n.toFixed(20).replace(/\.?0+$/, '') : text;
}

const col = (name: string, description: string, value: (row: CycleRow) => Scalar): CsvColumn => ({ name, description, perCycle: false, value: (row) => cell(value(row)) });
/** A column of the cycle: empty when the row is a target without cycles. */
const cycleCol = (name: string, description: string, value: (c: Cycle) => Scalar): CsvColumn => ({ ...col(name, description, (row) => (row.cycle ? value(row.cycle) : null)), perCycle: true });

/** The session's clinical start is stored with its own offset: its date and time are local as written. */
const startedAt = (row: CycleRow) => row.doc.session.startedAt;

export const CYCLE_CSV_COLUMNS: readonly CsvColumn[] = [
  col('session_id', 'Session id (UUID), the same in every export of this session', (r) => r.doc.session.id),
  col('record_version', 'Signed version exported (1, 2, …); empty for a draft or an unsigned file', (r) => r.source.version),
  col('export_status', 'final, amended, preliminary, draft or entered-in-error', (r) => r.source.status),
  col('session_date', 'Session date, local (YYYY-MM-DD)', (r) => startedAt(r).slice(0, 10)),
  col('session_start_time', 'Session start, local clock time (HH:MM)', (r) => startedAt(r).slice(11, 16)),
  col('nhs_number', 'NHS number, 10 digits without spaces; empty if none', (r) => r.doc.patient.nhsNumber),
  col('local_mrn', 'Local hospital number', (r) => r.doc.patient.localMrn),
  col('date_of_birth', 'Date of birth (YYYY-MM-DD)', (r) => r.doc.patient.dateOfBirth),
  col('sex', 'Sex code: male, female, other, unknown', (r) => r.doc.patient.sex),
  col('operator_name', 'Operator (first team member with the role operator)', (r) => r.operator?.name),
  col('operator_registration_body', 'Operator registration body code: gmc, nmc, hcpc, other', (r) => r.operator?.registrationBody),
  col('operator_registration_number', 'Operator registration number', (r) => r.operator?.registrationNumber),
  col('target_seq', 'Target number within the session (1, 2, …)', (r) => r.target.seq),
  col('side', 'Side code: left, right', (r) => r.target.side),
  col('nerve_code', 'Nerve code (CryoLog value set)', (r) => r.target.nerve),
  col('nerve_label', 'Nerve, as people read it', (r) => findNerve(r.target.nerve)?.label),
  col('branch_code', 'Branch code within the nerve; "trunk" for the nerve trunk', (r) => r.target.branch),
  col('branch_label', 'Branch, as people read it', (r) => findBranch(r.target.nerve, r.target.branch)?.label),
  col('clinical_pattern', 'Clinical pattern code (e.g. flexed-elbow)', (r) => r.target.clinicalPattern),
  col('device_system_type', 'System type code of the device used at this target: handheld-fixed-cycle, console', (r) => r.device?.systemType),
  col('device_manufacturer', 'Device manufacturer', (r) => r.device?.manufacturer),
  col('device_model', 'Device model', (r) => r.device?.model),
  col('probe_lot', 'Probe lot number', (r) => r.device?.probeLot),
  col('probe_expiry', 'Probe expiry date (YYYY-MM-DD)', (r) => r.device?.probeExpiry),
  col('gas_lot', 'Gas cartridge or cylinder lot', (r) => r.device?.gasLot),
  col('stim_threshold_ma', 'Stimulation threshold (mA)', (r) => r.target.stimThresholdMa),
  col('muscle_responding', 'Code of the muscle that responded to stimulation', (r) => r.target.muscleResponding),
  cycleCol('site_no', 'Lesion site number at this target', (c) => c.siteNo),
  cycleCol('cycle_no', 'Cycle number at this target (1, 2, …); empty when the target has no cycle', (c) => c.seq),
  cycleCol('freeze_start', 'Freeze start, ISO 8601 with UTC offset', (c) => c.startedAt),
  cycleCol('freeze_end', 'Freeze end, ISO 8601 with UTC offset', (c) => c.endedAt),
  cycleCol('duration_s', 'Freeze duration (seconds)', (c) => c.durationS),
  cycleCol('thaw_type', 'Thaw code: passive, active-defrost, none', (c) => c.thawType),
  cycleCol('thaw_s', 'Thaw duration (seconds)', (c) => c.thawS),
  cycleCol('lowest_temp_c', 'Lowest probe temperature (°C), e.g. -70; empty when the device shows none', (c) => c.tipTempC),
  cycleCol('ice_ball_seen', 'Ice ball seen on ultrasound: true, false', (c) => c.iceBallSeen),
  cycleCol('ice_ball_mm', 'Ice ball diameter (mm)', (c) => c.iceBallMm),
  cycleCol('pain_nrs', 'Pain during the freeze (0–10)', (c) => c.painNrs),
  cycleCol('cycle_outcome', 'Cycle outcome: completed, aborted', (c) => c.outcome),
  cycleCol('abort_reason', 'Why the cycle was aborted (code)', (c) => c.abortReason),
  col('complications_answer', 'Complications for the session: none, present (empty if not answered)', (r) => r.doc.session.complicationsAnswer),
  col('entered_in_error', 'true when the session is marked entered in error: exclude it from analysis', (r) => r.source.status === 'entered-in-error' || r.source.enteredInError !== null),
];

/** One row per freeze cycle, targets in order; a target with no cycle gives one row so it is not lost. */
export function cycleCsvRows(source: ExportSource): string[][] {
  const doc = source.doc;
  const operator = [...doc.team].sort((a, b) => a.seq - b.seq).find((m) => m.role === 'operator') ?? null;
  const targets = [...doc.targets].sort((a, b) => a.seq - b.seq);
  return targets.flatMap((target) => {
    const device = doc.devices.find((d) => d.id === target.deviceId) ?? null;
    const cycles: (Cycle | null)[] = target.cycles.length > 0 ? [...target.cycles].sort((a, b) => a.seq - b.seq) : [null];
    return cycles.map((cycle) => CYCLE_CSV_COLUMNS.map((c) => c.value({ source, doc, target, cycle, device, operator })));
  });
}

export const CSV_LINE_END = '\r\n';
export const UTF8_BOM = '\uFEFF';

// A number like -70 or 0.42 is data, not a formula: it stays numeric for the spreadsheet.
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
// What spreadsheets read as the start of a formula (OWASP "CSV injection"), plus LF for safety.
const FORMULA_START = /^[=+\-@\t\r\n]/;

/** A text that a spreadsheet would run as a formula gets a leading apostrophe; plain numbers are left alone. */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

// What makes RFC 4180 quote a cell: a comma, quote, CR or LF.
const QUOTED_CHARS = /[",\r\n]/;

/** RFC 4180: quoted when it holds a comma, quote, CR or LF, with quotes doubled. */
function quote(value: string): string {
  return QUOTED_CHARS.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

// Most cells (codes, numbers, dates, ids) hold none of the characters either rule looks at: one
// scan of the text settles them, and the two rules run only on what might need them.
const NEEDS_A_LOOK = new RegExp(`${FORMULA_START.source}|${QUOTED_CHARS.source}`);

/** One cell as it is written: formula neutralised, then quoted if needed. */
export const csvCell = (value: string): string => (NEEDS_A_LOOK.test(value) ? quote(neutraliseFormula(value)) : value);

const line = (cells: readonly string[]) => cells.map(csvCell).join(',') + CSV_LINE_END;

/**
 * RFC 4180 text of the rows, every line ending in CRLF. `header` writes the column names first;
 * the header begins a file, so a UTF-8 byte-order mark (for Excel, see docs/export-csv.md) goes
 * with it unless `bom: false`. Appending more rows to a file: `{ header: false }`.
 */
export function toCsv(rows: readonly (readonly string[])[], options: { header: boolean; bom?: boolean }): string {
  const start = options.header ? (options.bom === false ? '' : UTF8_BOM) + line(CYCLE_CSV_COLUMNS.map((c) => c.name)) : '';
  return start + rows.map(line).join('');
}
