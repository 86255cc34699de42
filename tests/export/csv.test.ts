// The cycle CSV as an audit lead or a registry loader meets it: one row per freeze cycle, the
// file reads back with a standard RFC 4180 reader, and nothing in it runs as a formula.
import { describe, expect, it } from 'vitest';
import { CYCLE_CSV_COLUMNS, cycleCsvRows, neutraliseFormula, toCsv } from '../../shared/export/csv';
import { amendedSource, fixtureSource, hostileSource } from '../helpers/exportSource';
import { parseCsv, parseCsvRecords } from './csvParse';

const NAMES = CYCLE_CSV_COLUMNS.map((c) => c.name);
const csvOf = (source = fixtureSource('S1')) => toCsv(cycleCsvRows(source), { header: true });
const recordsOf = (source = fixtureSource('S1')) => parseCsvRecords(csvOf(source));

describe('cycle CSV rows', () => {
  it('gives one row per freeze cycle, in target then cycle order, for S1 and S2', () => {
    for (const name of ['S1', 'S2'] as const) {
      const source = fixtureSource(name);
      const expected = source.doc.targets.flatMap((t) => t.cycles.map((c) => `${t.seq}/${c.seq}/${c.siteNo}`));
      const records = recordsOf(source);
      expect(records.map((r) => `${r.target_seq}/${r.cycle_no}/${r.site_no}`)).toEqual(expected);
      expect(new Set(records.map((r) => r.session_id))).toEqual(new Set([source.doc.session.id]));
    }
  });

  it('names each column once, and every row has a value for each', () => {
    expect(new Set(NAMES).size).toBe(NAMES.length);
    for (const name of NAMES) expect(name).toMatch(/^[a-z][a-z0-9_]*$/);
    const rows = cycleCsvRows(fixtureSource('S2'));
    for (const row of rows) expect(row).toHaveLength(NAMES.length);
  });

  it('keeps a target that has no cycle as one row with the cycle columns empty', () => {
    const source = fixtureSource('S1');
    source.doc.targets[1]!.cycles = [];
    const records = recordsOf(source);
    const second = records.filter((r) => r.target_seq === '2');
    expect(second).toHaveLength(1);
    expect(second[0]).toMatchObject({ nerve_code: 'musculocutaneous', branch_code: 'biceps-brachii', cycle_no: '', site_no: '', duration_s: '', lowest_temp_c: '', cycle_outcome: '' });
  });

  it('writes the values a registry expects: digits, codes with labels, ISO dates, "." decimals and plain negative temperatures', () => {
    const first = recordsOf()[0]!;
    const doc = fixtureSource('S1').doc;
    expect(first).toMatchObject({
      record_version: '1',
      export_status: 'final',
      session_date: '2026-03-10',
      session_start_time: '09:10',
      nhs_number: '9990079196',
      date_of_birth: '1963-07-19',
      sex: 'female',
      operator_name: 'Dr Imogen Hartley',
      operator_registration_body: 'gmc',
      operator_registration_number: '9990011',
      side: 'left',
      nerve_code: 'musculocutaneous',
      nerve_label: 'Musculocutaneous',
      branch_code: 'brachialis',
      branch_label: 'brachialis',
      device_system_type: 'console',
      probe_lot: doc.devices[0]!.probeLot,
      probe_expiry: '2026-09-30',
      stim_threshold_ma: '0.42',
      freeze_start: '2026-03-10T09:16:00+00:00',
      duration_s: '90',
      lowest_temp_c: '-71',
      ice_ball_seen: 'true',
      complications_answer: 'none',
      entered_in_error: 'false',
    });
  });

  it('leaves the temperature empty for a handheld device that shows none (S2), never 0', () => {
    const records = recordsOf(fixtureSource('S2'));
    expect(records.length).toBeGreaterThan(0);
    for (const r of records) {
      expect(r.device_system_type).toBe('handheld-fixed-cycle');
      expect(r.lowest_temp_c).toBe('');
    }
  });

  it('takes the session date and time as written locally, not converted to UTC', () => {
    const source = fixtureSource('S1');
    source.doc.session.startedAt = '2026-03-10T00:30:00+01:00';
    expect(recordsOf(source)[0]).toMatchObject({ session_date: '2026-03-10', session_start_time: '00:30' });
  });

  it('says which version and status is exported, and flags a session entered in error', () => {
    expect(recordsOf(amendedSource('S1'))[0]).toMatchObject({ record_version: '2', export_status: 'amended' });
    expect(recordsOf(fixtureSource('S1', { status: 'draft', version: null, versions: [] }))[0]).toMatchObject({ record_version: '', export_status: 'draft' });
    const eie = fixtureSource('S1', { status: 'entered-in-error', enteredInError: { at: '2026-03-12T10:00:00+00:00', by: 'Dr Imogen Hartley', reason: 'Wrong patient' } });
    for (const r of recordsOf(eie)) expect(r).toMatchObject({ export_status: 'entered-in-error', entered_in_error: 'true' });
  });

  it('leaves the device columns empty for a target with no device recorded', () => {
    const source = fixtureSource('S1');
    source.doc.targets[0]!.deviceId = null;
    const first = recordsOf(source)[0]!;
    expect([first.device_system_type, first.device_model, first.probe_lot, first.gas_lot]).toEqual(['', '', '', '']);
  });

  it('does not put patient names in the file', () => {
    const text = csvOf(hostileSource());
    expect(text).not.toContain('Brien');
    expect(text).not.toContain('Zoë');
  });
});

describe('toCsv (RFC 4180)', () => {
  it('ends every record in CRLF, starts with a BOM only when it writes the header, and writes no header when asked not to', () => {
    const rows = cycleCsvRows(fixtureSource('S1'));
    const withHeader = toCsv(rows, { header: true });
    expect(withHeader.startsWith('\uFEFFsession_id,record_version,')).toBe(true);
    expect(withHeader.endsWith('\r\n')).toBe(true);
    expect(withHeader.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(withHeader.split('\r\n')).toHaveLength(rows.length + 2);
    expect(toCsv(rows, { header: true, bom: false }).startsWith('session_id,')).toBe(true);
    const body = toCsv(rows, { header: false });
    expect(body.startsWith('\uFEFF')).toBe(false);
    expect(parseCsv(body)).toHaveLength(rows.length);
    expect(toCsv([], { header: false })).toBe('');
  });

  it('quotes commas, quotes and line breaks so the values read back exactly', () => {
    const values = ['plain', 'a,b', 'say "hi"', 'line one\r\nline two', 'bare\nlf', 'cr\ronly', '', 'Zoë → °C'];
    const text = toCsv([values], { header: false });
    expect(text).toContain('"say ""hi"""');
    expect(parseCsv(text)).toEqual([values]);
  });

  it('prefixes an apostrophe to text a spreadsheet would run as a formula, and leaves plain numbers numeric', () => {
    const dangerous = ['=HYPERLINK("http://x.invalid","click")', '+44 1632 960123', '-2+3', '@SUM(A1:A2)', '\tindent', '\r=1', '-', '-1e5', '--70'];
    const numbers = ['-70', '-0.5', '0.42', '12', '-273.15'];
    const [cells] = parseCsv(toCsv([[...dangerous, ...numbers]], { header: false }));
    expect(cells).toEqual([...dangerous.map((d) => `'${d}`), ...numbers]);
    expect(neutraliseFormula('Dr = Smith')).toBe('Dr = Smith');
  });

  it('neutralises a formula typed into a recorded field of the session', () => {
    const source = fixtureSource('S1');
    source.doc.devices[0]!.probeLot = '=cmd|\' /C calc\'!A0';
    source.doc.team[0]!.name = '@Dr, "Evil"';
    const first = recordsOf(source)[0]!;
    expect(first.probe_lot).toBe('\'=cmd|\' /C calc\'!A0');
    expect(first.operator_name).toBe('\'@Dr, "Evil"');
    expect(first.lowest_temp_c).toBe('-71');
  });
});
