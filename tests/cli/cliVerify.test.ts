// `cryolog verify` as IT runs it: the built out/main/cli.js in a child process, on a database
// with a real day of activity, then on copies edited with a raw SQLite connection.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeContext } from '../../electron/main/context';
import { auditEntryHash, type AuditChainContent } from '../../electron/main/db/auditChain';
import { CLI_OUTPUT, ensureBuild } from '../helpers/ensureBuild';
import { fixedClock, quietLog } from '../helpers/tempDir';
import { ACTIVITY_CLOCK_AT, recordActivity } from '../helpers/auditActivity';
import { signedInContext } from '../helpers/testClinician';

type Row = AuditChainContent & { prev_hash: string; hash: string };

let tmp: string;
let seeded: string;
let rows: Row[];
let corrected: Row;
let copies = 0;

function cryolog(args: string[], extraEnv: Record<string, string> = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: tmp, USERPROFILE: tmp, XDG_CONFIG_HOME: path.join(tmp, 'xdg'), APPDATA: path.join(tmp, 'appdata'), ...extraEnv };
  if (!('CRYOLOG_DB' in extraEnv)) delete env.CRYOLOG_DB;
  const r = spawnSync(process.execPath, [CLI_OUTPUT, ...args], { cwd: tmp, encoding: 'utf8', env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A copy of the seeded database, edited through a raw connection with the audit triggers dropped. */
function tamperedCopy(change: (raw: Database.Database) => void): string {
  const file = path.join(tmp, `tampered-${++copies}.sqlite`);
  fs.copyFileSync(seeded, file);
  const raw = new Database(file);
  try {
    raw.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; DROP TRIGGER audit_log_chained;');
    change(raw);
  } finally {
    raw.close();
  }
  return file;
}

const escape = (text: string | null) => String(text).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const AFTER = 'Entries before it are intact. Restore from a backup and call IT.\n';

beforeAll(() => {
  ensureBuild([CLI_OUTPUT]);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cryolog-cli-verify-'));
  seeded = path.join(tmp, 'cryolog.sqlite');
  const ctx = signedInContext({ dbPath: seeded, appVersion: 'test', log: quietLog, clock: fixedClock(ACTIVITY_CLOCK_AT), checkResponses: true });
  try {
    const { cycleId } = recordActivity(ctx);
    rows = ctx.db!.prepare('SELECT * FROM audit_log ORDER BY id').all() as Row[];
    corrected = rows.find((r) => r.entity_id === cycleId && r.field === 'tipTempC' && r.action === 'update')!;
  } finally {
    closeContext(ctx);
  }
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('cryolog verify', () => {
  it('an untouched database: intact, with the count and the latest hash; exit 0', () => {
    const last = rows.at(-1)!;
    const r = cryolog(['verify', '--db', seeded]);
    expect(r).toEqual({ code: 0, stdout: `Audit trail intact: ${rows.length} entries.\nLatest entry #${last.id}, hash ${last.hash}.\n`, stderr: '' });
    // The database named by CRYOLOG_DB, and --db=<file>, are read the same way.
    expect(cryolog(['verify'], { CRYOLOG_DB: seeded })).toEqual(r);
    expect(cryolog(['verify', `--db=${seeded}`])).toEqual(r);
  });

  it('a changed value: BROKEN at that entry, with when, who and what; exit 1', () => {
    const file = tamperedCopy((raw) => raw.prepare("UPDATE audit_log SET new_value = '-90' WHERE id = ?").run(corrected.id));
    const r = cryolog(['verify', '--db', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      `Audit trail BROKEN at entry #${corrected.id} (${corrected.at}, ${corrected.actor}, update cycle.tipTempC): its content does not match its hash: it was changed after it was written. ${AFTER}`,
    );
  });

  it('a removed entry: BROKEN at the entry after it; exit 1', () => {
    const file = tamperedCopy((raw) => raw.prepare('DELETE FROM audit_log WHERE id = ?').run(corrected.id));
    const next = rows.find((row) => row.id === corrected.id + 1)!;
    const r = cryolog(['verify', '--db', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`^Audit trail BROKEN at entry #${next.id} \\(${escape(next.at)}, ${escape(next.actor)}, ${next.action} ${next.entity}`));
    expect(r.stdout).toContain(`entry #${corrected.id} is missing`);
    expect(r.stdout.endsWith(AFTER)).toBe(true);
  });

  it('an entry edited and re-hashed to match: the next link is named; exit 1', () => {
    const edited = { ...corrected, new_value: '-90' };
    const file = tamperedCopy((raw) => raw.prepare('UPDATE audit_log SET new_value = ?, hash = ? WHERE id = ?').run(edited.new_value, auditEntryHash(edited, edited.prev_hash), corrected.id));
    const r = cryolog(['verify', '--db', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`^Audit trail BROKEN at entry #${corrected.id + 1} .*does not follow on from entry #${corrected.id}`));
  });

  it('a forged entry at the end, and the last entry removed: each named; exit 1', () => {
    const last = rows.at(-1)!;
    const forged = tamperedCopy((raw) =>
      raw.prepare("INSERT INTO audit_log (at, actor, action, entity, entity_id, prev_hash, hash) VALUES ('2026-03-11T08:00:00.000Z', 'intruder', 'delete', 'session', 's', ?, ?)").run(last.hash, last.hash),
    );
    expect(cryolog(['verify', '--db', forged])).toMatchObject({ code: 1, stdout: expect.stringMatching(new RegExp(`^Audit trail BROKEN at entry #${last.id + 1} \\(2026-03-11T08:00:00.000Z, intruder, delete session\\)`)) });
    const cut = tamperedCopy((raw) => raw.prepare('DELETE FROM audit_log WHERE id = ?').run(last.id));
    expect(cryolog(['verify', '--db', cut])).toEqual({
      code: 1,
      stdout: `Audit trail BROKEN at entry #${last.id} (missing): the last entry, #${last.id}, is missing: the trail was cut short. ${AFTER}`,
      stderr: '',
    });
  });

  it('a missing database exits 3 and is not created', () => {
    const missing = path.join(tmp, 'nowhere.sqlite');
    const r = cryolog(['verify', '--db', missing]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`there is no database file at ${missing}`);
    expect(fs.existsSync(missing)).toBe(false);
  });

  it.each([
    [['verify', 'cryolog.sqlite'], /verify checks the database's audit trail and takes no other arguments; remove "cryolog.sqlite"/],
    [['verify', '--format', 'text'], /--format is not an option of "verify"/],
    [['verfiy'], /unknown command "verfiy". The commands are "validate", "export", "import", "verify", "backup", "restore" and "reset-pin"/],
  ])('usage error %j exits 2 and says how to fix it', (args, message) => {
    const r = cryolog(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  it('--help describes verify and its exit code', () => {
    const r = cryolog(['--help']);
    expect(r.stdout).toContain('cryolog verify [--db <file>]');
    expect(r.stdout).toMatch(/verify: the audit trail\s+is broken/);
  });
});
