// The `cryolog` command as IT runs it: the built out/main/cli.js in a child process, against a
// real SQLite file seeded through the same dispatch the app uses.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeContext, type Logger } from '../../electron/main/context';
import { dispatch } from '../../electron/main/ipc/dispatch';
import { nodeVersionProblem } from '../../electron/cli/nodeCheck';
import { defaultDbPath } from '../../electron/main/paths';
import type { Res } from '../../shared/ipc/contract';
import type { Channel } from '../../shared/ipc/channels';
import { validateSession } from '../../shared/domain/rules';
import { CLI_OUTPUT, ensureBuild } from '../helpers/ensureBuild';
import { fixtureFile, s5WithMas2Plus } from '../tools/sessionFixtures';
import type { Ctx } from '../../electron/main/context';
import { signedInContext } from '../helpers/testClinician';

const ROOT = path.resolve(__dirname, '../..');
const CLI = CLI_OUTPUT;
const NHS = '9990079196';

let tmp: string;
let dbPath: string;
let sessionId: string;
let sessionJson: Res<'getSession'>;

const quiet: Logger = { error: () => {}, info: () => {} };

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI with a home of its own, so the user's real CryoLog database is never touched. */
function cryolog(args: string[], extraEnv: Record<string, string> = {}): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: tmp, USERPROFILE: tmp, XDG_CONFIG_HOME: path.join(tmp, 'xdg'), APPDATA: path.join(tmp, 'appdata'), ...extraEnv };
  if (!('CRYOLOG_DB' in extraEnv)) delete env.CRYOLOG_DB;
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: tmp, encoding: 'utf8', env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function call<C extends Channel>(ctx: Ctx, channel: C, payload: unknown): Res<C> {
  const result = dispatch(ctx, channel, payload);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.data as Res<C>;
}

function seed(file: string): { sessionId: string; doc: Res<'getSession'> } {
  const ctx = signedInContext({ dbPath: file, appVersion: 'test', log: quiet, checkResponses: true });
  try {
    const patient = call(ctx, 'createPatient', {});
    call(ctx, 'saveFields', { entity: 'patient', id: patient.id, patch: { nhsNumber: NHS, familyName: 'Ó Briain', givenName: 'Siobhán', dateOfBirth: '1961-03-14' } });
    const session = call(ctx, 'startSession', { patientId: patient.id });
    const target = call(ctx, 'addRow', { entity: 'target', parentId: session.id });
    call(ctx, 'saveFields', { entity: 'target', id: target.id, patch: { nerve: 'musculocutaneous', branch: 'brachialis', side: 'left' } });
    const cycle = call(ctx, 'addRow', { entity: 'cycle', parentId: target.id });
    call(ctx, 'saveFields', { entity: 'cycle', id: cycle.id, patch: { durationS: 90, tipTempC: -70 } });
    return { sessionId: session.id, doc: call(ctx, 'getSession', { id: session.id }) };
  } finally {
    closeContext(ctx);
  }
}

function writeJson(name: string, value: unknown): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, JSON.stringify(value, null, 2));
  return file;
}

/** The generated-at time is the only part of two exports that may differ. */
const withoutClock = (text: string) => text.replace(/\b\d{2}:\d{2}\b/g, 'hh:mm');

beforeAll(() => {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 22) throw new Error(`These tests need Node 22 (better-sqlite3 13); this is ${process.version}. Run them through npm scripts.`);
  ensureBuild([CLI_OUTPUT]);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cryolog-cli-'));
  dbPath = path.join(tmp, 'cryolog.sqlite');
  ({ sessionId, doc: sessionJson } = seed(dbPath));
}, 180_000);

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('cryolog --help and --version', () => {
  it('--help and -h print every command and option on stdout, exit 0', () => {
    for (const flag of ['--help', '-h']) {
      const r = cryolog([flag]);
      expect(r.code).toBe(0);
      for (const word of ['validate', 'export', '--format', '--db', '--out', '--version', 'Exit codes']) expect(r.stdout).toContain(word);
    }
  });

  it('shows the default database path, so IT can see which file export reads', () => {
    expect(cryolog(['--help']).stdout).toContain(path.join(tmp, 'xdg', 'CryoLog', 'cryolog.sqlite'));
  });

  it('no arguments prints the usage on stderr and exits 2', () => {
    const r = cryolog([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('cryolog validate <session.json>');
  });

  it('--version prints the version in package.json', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const r = cryolog(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });
});

describe('cryolog export', () => {
  it('prints the text summary of the session on stdout, and nothing on stderr', () => {
    const r = cryolog(['export', sessionId, '--format', 'text', '--db', dbPath]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toContain('DRAFT');
    expect(r.stdout).toContain('NHS number: 999 007 9196');
    expect(r.stdout).toMatch(/Left musculocutaneous nerve -> branch to brachialis/);
    expect(r.stdout).toMatch(/Site 1, cycle 1: 90 s, .*-70 deg C/);
    expect(r.stdout).toContain('Ó BRIAIN, Siobhán');
    expect(r.stdout).toContain(`Session ID: ${sessionId}`);
  });

  it('accepts --name=value and finds the database through CRYOLOG_DB', () => {
    const r = cryolog(['export', sessionId, '--format=text'], { CRYOLOG_DB: dbPath });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('999 007 9196');
  });

  it('--out replaces the file with the same text, reports the path on stderr and keeps stdout empty', () => {
    const out = path.join(tmp, 'summary.txt');
    fs.writeFileSync(out, 'an older, much longer file that must not survive in any part\n'.repeat(200));
    const r = cryolog(['export', sessionId, '--format', 'text', '--db', dbPath, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(out);
    const written = fs.readFileSync(out, 'utf8');
    const printed = cryolog(['export', sessionId, '--format', 'text', '--db', dbPath]).stdout;
    expect(withoutClock(written)).toBe(withoutClock(printed));
    expect(written.split('\n')[0]).toContain('DRAFT');
    expect(fs.readdirSync(tmp).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('--out into a folder that does not exist fails with exit 1 and says why', () => {
    const r = cryolog(['export', sessionId, '--format', 'text', '--db', dbPath, '--out', path.join(tmp, 'no-such-dir', 'x.txt')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/folder .*no-such-dir does not exist/);
    expect(r.stderr).toContain('No file was left behind.');
  });

  it('an unknown session ID exits 1 with a message naming the ID', () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const r = cryolog(['export', unknown, '--format', 'text', '--db', dbPath]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(unknown);
    expect(r.stderr).toMatch(/no session/i);
  });

  it('something that is not a session ID exits 1 and says what an ID looks like', () => {
    const r = cryolog(['export', 'patient-42', '--format', 'text', '--db', dbPath]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/"patient-42" is not a session ID/);
  });

  it('a --db file that does not exist exits 3 and is not created', () => {
    const missing = path.join(tmp, 'elsewhere', 'cryolog.sqlite');
    const r = cryolog(['export', sessionId, '--format', 'text', '--db', missing]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(missing);
    expect(r.stderr).toContain('--db');
    expect(fs.existsSync(missing)).toBe(false);
    expect(fs.existsSync(path.dirname(missing))).toBe(false);
  });

  it('without --db or CRYOLOG_DB it does not create the missing default database', () => {
    const expected = path.join(tmp, 'xdg', 'CryoLog', 'cryolog.sqlite');
    const r = cryolog(['export', sessionId, '--format', 'text']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(expected);
    expect(fs.existsSync(path.join(tmp, 'xdg'))).toBe(false);
  });

  it('without --db or CRYOLOG_DB it reads the app\'s default database for this user', () => {
    const home = path.join(tmp, 'home2');
    const env = { HOME: home, USERPROFILE: home, XDG_CONFIG_HOME: path.join(home, 'xdg'), APPDATA: path.join(home, 'appdata') };
    const appDb = defaultDbPath(process.platform, env, home);
    fs.mkdirSync(path.dirname(appDb), { recursive: true });
    fs.copyFileSync(dbPath, appDb); // closed cleanly, so the WAL is already in the main file
    const r = cryolog(['export', sessionId, '--format', 'text'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('999 007 9196');
  });

  it('a file that is not a database exits 3 with the startup problem, and the file is left alone', () => {
    const notDb = path.join(tmp, 'notes.sqlite');
    const junk = 'this is not a database, '.repeat(100);
    fs.writeFileSync(notDb, junk);
    const r = cryolog(['export', sessionId, '--format', 'text', '--db', notDb]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/damaged/);
    expect(r.stderr).toMatch(/What to do: /);
    expect(fs.readFileSync(notDb, 'utf8')).toBe(junk);
  });

  it.each([
    [['export', 'x', '--format', 'text', '--bogus'], /unknown option "--bogus"/],
    [['export', 'x', '--format', 'text', '--db'], /--db needs a value/],
    [['export', 'x', '--format', 'docx'], /unknown export format "docx"; use --format text, --format pdf/],
    [['export', 'x', '--format', 'pdf'], /a pdf file cannot be written to the terminal; add --out <file>/],
    [['export', 'x'], /needs the output format: add --format text/],
    [['export', '--format', 'text'], /needs what to export: a session ID/],
    [['export', 'x', '--in', 'a.json', '--format', 'text'], /give only one/],
    [['export', '--from', '2026-01-01', '--format', 'csv', '--out', '.'], /needs both --from <date> and --to <date>/],
    [['export', '--from', '2026-02-30', '--to', '2026-03-01', '--format', 'csv', '--out', '.'], /"2026-02-30" is not a date/],
    [['export', '--from', '2026-03-01', '--to', '2026-01-01', '--format', 'csv', '--out', '.'], /is after --to 2026-01-01; swap them/],
    [['export', '--from', '2026-01-01', '--to', '2026-03-01', '--format', 'pdf', '--out', '.'], /a date-range export writes csv or json/],
    [['export', 'x', '--format', 'text', '--record-version', 'two'], /"two" is not a version number/],
    [['export', 'x', 'y', '--format', 'text'], /one session ID/],
    [['validate', 'a.json', '--db', 'x'], /--db is not an option of "validate"/],
    [['frobnicate'], /unknown command "frobnicate"/],
  ])('usage error %j exits 2 and says how to fix it', (args, message) => {
    const r = cryolog(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain('cryolog --help');
  });
});

describe('cryolog validate', () => {
  it('reports the seeded session as JSON; the exit code follows hasHardError', () => {
    const r = cryolog(['validate', writeJson('session.json', sessionJson)]);
    const report = JSON.parse(r.stdout) as { sessionId: string; hasHardError: boolean; errors: unknown[]; warnings: unknown[] };
    expect(report).toEqual(validateSession(sessionJson));
    expect(Array.isArray(report.errors) && Array.isArray(report.warnings)).toBe(true);
    // The seed is a bare draft (the full rules find much missing); exit 0 on a complete session
    // is checked on S1 and S2 below.
    expect(r.code).toBe(report.hasHardError ? 1 : 0);
  });

  it('a session with a +68 deg C probe reading exits 1 with rule E09', () => {
    const hot = structuredClone(sessionJson);
    const cycle = hot.targets[0]?.cycles[0];
    if (!cycle) throw new Error('seed has no cycle');
    cycle.tipTempC = 68;
    const r = cryolog(['validate', writeJson('hot.json', hot)]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { hasHardError: boolean; errors: { ruleId: string; entityId: string }[] };
    expect(report.hasHardError).toBe(true);
    expect(report.errors).toContainEqual(expect.objectContaining({ ruleId: 'E09', entityId: cycle.id }));
  });

  it('a file that is not JSON exits 2 and says so', () => {
    const file = path.join(tmp, 'notes.txt');
    fs.writeFileSync(file, 'Left musculocutaneous, 90 s, -70');
    const r = cryolog(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('is not JSON');
    expect(r.stderr).toContain(file);
  });

  it('JSON that is not a session document exits 2 and names the wrong fields', () => {
    const wrong = structuredClone(sessionJson) as unknown as Record<string, unknown>;
    wrong.formatVersion = 2;
    const cycle = (sessionJson.targets[0]?.cycles[0] ?? {}) as Record<string, unknown>;
    wrong.targets = [{ ...sessionJson.targets[0], cycles: [{ ...cycle, durationS: 'ninety' }] }];
    const r = cryolog(['validate', writeJson('wrong.json', wrong)]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^ {2}- formatVersion: /m);
    expect(r.stderr).toMatch(/^ {2}- targets\[0\]\.cycles\[0\]\.durationS: /m);
  });

  it('a file that does not exist exits 2 and says so', () => {
    const r = cryolog(['validate', path.join(tmp, 'absent.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no such file/);
  });
});

describe('cryolog import', () => {
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
  /** The new session ID: alone on the last (here: only) line of stdout. */
  const idOf = (r: Run) => {
    const lines = r.stdout.split('\n');
    expect(lines.at(-1)).toBe(''); // ends with a newline
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(UUID);
    return lines[0] as string;
  };

  it('imports S1 into a new --db database, prints the session ID alone, and the session then exports', () => {
    const db = path.join(tmp, 'imported.sqlite');
    const r = cryolog(['import', fixtureFile('S1'), '--db', db]);
    expect(r.stderr).toContain(`created a new CryoLog database at ${db}`);
    expect(r.code).toBe(0);
    const id = idOf(r);
    expect(r.stderr).toMatch(/added as a new patient \(ASHCOMBE, Margaret; no patient here has NHS number 999 007 9196\)/);
    expect(r.stderr).toMatch(/"completed" in the file, imported as "draft"/);
    const exported = cryolog(['export', id, '--format', 'text', '--db', db]);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain('NHS number: 999 007 9196');
    expect(exported.stdout).toContain(`Session ID: ${id}`);
    expect(exported.stdout.split('\n')[0]).toContain('DRAFT');
    expect(exported.stdout).toMatch(/cycle 2: 90 s, .*-73 deg C/);

    const again = cryolog(['import', fixtureFile('S1'), '--db', db]);
    expect(again.code).toBe(0);
    expect(idOf(again)).not.toBe(id);
    expect(again.stderr).toMatch(/the existing patient with NHS number 999 007 9196 \(ASHCOMBE, Margaret\)/);
    expect(again.stderr).not.toContain('created a new');
  });

  it('imports into the app\'s database found through CRYOLOG_DB, which must exist', () => {
    const db = path.join(tmp, 'for-env.sqlite');
    fs.copyFileSync(dbPath, db);
    const r = cryolog(['import', fixtureFile('S2')], { CRYOLOG_DB: db });
    expect(r.code).toBe(0);
    expect(cryolog(['export', idOf(r), '--format', 'text', '--db', db]).stdout).toContain('999 023 7573');
    const missing = path.join(tmp, 'no-such.sqlite');
    const m = cryolog(['import', fixtureFile('S2')], { CRYOLOG_DB: missing });
    expect(m.code).toBe(3);
    expect(m.stderr).toContain('CRYOLOG_DB');
    expect(fs.existsSync(missing)).toBe(false);
  });

  it('never creates the default database, nor a --db file in a folder that does not exist', () => {
    const r = cryolog(['import', fixtureFile('S1')]);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(fs.existsSync(path.join(tmp, 'xdg'))).toBe(false);
    const nowhere = path.join(tmp, 'no-such-dir', 'cryolog.sqlite');
    const n = cryolog(['import', fixtureFile('S1'), '--db', nowhere]);
    expect(n.code).toBe(3);
    expect(n.stderr).toMatch(/folder .* does not exist/);
    expect(fs.existsSync(path.dirname(nowhere))).toBe(false);
  });

  it('a file the format refuses (S5 with MAS "2+") exits 2 naming the field, before any database is made', () => {
    const db = path.join(tmp, 'untouched.sqlite');
    const r = cryolog(['import', writeJson('s5-mas-2plus.json', s5WithMas2Plus()), '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^ {2}- outcomes\[0\]\.masPre: Invalid option: expected one of /m);
    expect(fs.existsSync(db)).toBe(false);
  });

  it('rows that do not refer to each other correctly exit 2 with their paths', () => {
    const doc = JSON.parse(fs.readFileSync(fixtureFile('S1'), 'utf8')) as { targets: { deviceId: string }[] };
    doc.targets[1]!.deviceId = '51000000-0000-4000-8000-0000000000ff';
    const r = cryolog(['import', writeJson('s1-bad-device.json', doc), '--db', path.join(tmp, 'untouched2.sqlite')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^ {2}- targets\[1\]\.deviceId: Names the device 51000000-0000-4000-8000-0000000000ff/m);
  });

  it('a patient whose identity differs from the database\'s is refused with exit 1, nothing imported', () => {
    const db = path.join(tmp, 'conflict.sqlite');
    fs.copyFileSync(dbPath, db); // the seed patient has NHS number 999 007 9196
    const r = cryolog(['import', fixtureFile('S1'), '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/not imported \[INVALID_PAYLOAD\]: .*NHS number 999 007 9196.*different family name and given name and date of birth/);
  });

  it.each([
    [['import'], /import needs the session file/],
    [['import', 'a.json', 'b.json'], /one file at a time/],
    [['import', 'a.json', '--format', 'text'], /--format is not an option of "import"/],
  ])('usage error %j exits 2', (args, message) => {
    const r = cryolog(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('--help describes import and its --db rule', () => {
    const r = cryolog(['--help']);
    expect(r.stdout).toContain('cryolog import <session.json> [--db <file>]');
    expect(r.stdout).toMatch(/import creates a new\s+one only at a --db path/);
  });
});

describe('cryolog validate on the example sessions of domain.md §5', () => {
  interface Report {
    hasHardError: boolean;
    errors: { ruleId: string; entity: string; entityId: string; field: string }[];
    warnings: { ruleId: string; entity: string; entityId: string; field: string }[];
  }
  const validate = (file: string) => {
    const r = cryolog(['validate', file]);
    return { code: r.code, report: JSON.parse(r.stdout || 'null') as Report | null, stderr: r.stderr };
  };

  it.each(['S1', 'S2'] as const)('%s exits 0 with no errors', (name) => {
    const { code, report } = validate(fixtureFile(name));
    expect(report?.errors).toEqual([]);
    expect(report?.hasHardError).toBe(false);
    expect(code).toBe(0);
  });

  it.each(['S1', 'S2'] as const)('%s has no warnings either (domain.md: "no W"; S2: temperature null is allowed on a handheld)', (name) => {
    expect(validate(fixtureFile(name)).report?.warnings).toEqual([]);
  });

  it('S5 exits 1 with exactly its listed hard errors, each on the row at fault, and the W13 warning', () => {
    const { code, report } = validate(fixtureFile('S5'));
    expect(code).toBe(1);
    expect(report?.hasHardError).toBe(true);
    expect([...new Set(report?.errors.map((e) => e.ruleId))].sort()).toEqual(['E01', 'E04', 'E05', 'E06', 'E07', 'E08', 'E09', 'E10', 'E12']);
    const doc = JSON.parse(fs.readFileSync(fixtureFile('S5'), 'utf8')) as Res<'getSession'>;
    const target = doc.targets[0]!;
    const [hot, long] = target.cycles;
    expect(report?.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ ruleId: 'E01', entityId: doc.patient.id }),
        expect.objectContaining({ ruleId: 'E04', entityId: target.id }),
        expect.objectContaining({ ruleId: 'E06', entityId: doc.session.id }),
        expect.objectContaining({ ruleId: 'E07', entityId: doc.session.id }),
        expect.objectContaining({ ruleId: 'E08', entityId: long!.id }),
        expect.objectContaining({ ruleId: 'E09', entityId: hot!.id }),
        expect.objectContaining({ ruleId: 'E10', entityId: target.id }),
        expect.objectContaining({ ruleId: 'E12', entityId: doc.session.id }),
      ]),
    );
    expect(report?.warnings).toContainEqual(expect.objectContaining({ ruleId: 'W13', entityId: doc.devices[0]!.id }));
  });

  it('S5 with MAS "2+" exits 2: the format itself refuses the code, at its path', () => {
    const r = cryolog(['validate', writeJson('s5-2plus.json', s5WithMas2Plus())]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^ {2}- outcomes\[0\]\.masPre: Invalid option: expected one of /m);
  });
});

describe('the built command', () => {
  it('never loads electron: neither cli.js nor any chunk it requires', () => {
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const code = fs.readFileSync(file, 'utf8');
      expect(code, file).not.toMatch(/require\(["']electron["']\)|from ["']electron["']/);
      for (const m of code.matchAll(/require\(["'](\.{1,2}\/[^"']+)["']\)/g)) visit(path.resolve(path.dirname(file), m[1] as string));
    };
    visit(CLI);
    expect(seen.size).toBeGreaterThan(1); // the lazily loaded commands were followed too
  });
});

describe('Node version check', () => {
  it('refuses Node 20 with a message naming the version needed, accepts 22 and later', () => {
    expect(nodeVersionProblem('20.20.2', '/usr/bin/node')).toMatch(/this is Node\.js 20\.20\.2 .*needs Node\.js 22/);
    expect(nodeVersionProblem('22.12.0', 'node')).toBeNull();
    expect(nodeVersionProblem('24.1.0', 'node')).toBeNull();
  });

  // The real thing, where this machine has an older system Node (the project's own is 22).
  const oldNode = ['/usr/bin/node', '/usr/local/bin/node'].find((p) => {
    const r = fs.existsSync(p) ? spawnSync(p, ['-p', 'process.versions.node'], { encoding: 'utf8' }) : undefined;
    return r?.status === 0 && Number(r.stdout.split('.')[0]) < 22;
  });
  it.skipIf(!oldNode)('under an older Node the built command exits 2 before loading the database layer', () => {
    const r = spawnSync(oldNode as string, [CLI, 'export', sessionId, '--format', 'text', '--db', dbPath], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/needs Node\.js 22/);
    expect(r.stdout).toBe('');
  });
});
