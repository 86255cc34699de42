// `cryolog export` in every format, as hospital IT runs it: the built out/main/cli.js in a child
// process (no browser, no network), on a database signed through the app's own dispatch, on a
// session file without a database (signed: final; unsigned: PRELIMINARY), and by date range.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Message } from 'node-hl7-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeContext } from '../../electron/main/context';
import { dispatch } from '../../electron/main/ipc/dispatch';
import type { Res } from '../../shared/ipc/contract';
import { CLI_OUTPUT, REPO_ROOT, ensureBuild } from '../helpers/ensureBuild';
import { fixedClock, quietLog } from '../helpers/tempDir';
import { fixtureFile } from '../tools/sessionFixtures';
import { flatText, pageTexts } from '../export/poppler';
import { fhirProblems } from '../export/fhirValidators';
import { exportProblems } from '../export/verifyExports';
import { TEST_PIN, signedInContext } from '../helpers/testClinician';

const APP_VERSION = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

let dir: string;
let dbPath: string;
let sessionId: string;
let appPdf: Buffer;

function cryolog(args: string[]) {
  const r = spawnSync(process.execPath, [CLI_OUTPUT, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, HOME: dir, CRYOLOG_DB: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const out = (name: string) => path.join(dir, name);

/** Both R4 validators, on the Bundle and on every resource in it. */
function validateFhir(bundle: { entry?: { resource: object }[] }): string[] {
  return [...fhirProblems(bundle), ...(bundle.entry ?? []).flatMap((e) => fhirProblems(e.resource))];
}

beforeAll(() => {
  ensureBuild([CLI_OUTPUT]);
  // Not tempDir(): that one is emptied after each test, and these tests share one database.
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cryolog-cli-export-'));
  dbPath = path.join(dir, 'cryolog.sqlite');
  // Signed on the session's day, through the same dispatch the window uses, by the same app version as the CLI.
  const ctx = signedInContext({ dbPath, appVersion: APP_VERSION, clock: fixedClock('2026-03-10T18:00:00.000Z'), log: quietLog });
  try {
    for (const name of ['S1', 'S2'] as const) {
      const r = dispatch(ctx, 'importSession', { document: JSON.parse(fs.readFileSync(fixtureFile(name), 'utf8')) });
      if (!r.ok) throw new Error(r.error.message);
      const id = (r.data as Res<'importSession'>).sessionId;
      const signed = dispatch(ctx, 'signSession', { sessionId: id, secret: TEST_PIN });
      if (!signed.ok) throw new Error(signed.error.message);
      if (name === 'S1') sessionId = id;
    }
    const pdf = dispatch(ctx, 'exportSession', { sessionId, format: 'pdf' });
    if (!pdf.ok) throw new Error(pdf.error.message);
    appPdf = Buffer.from((pdf.data as Res<'exportSession'>).content, 'base64');
  } finally {
    closeContext(ctx);
  }
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('cryolog export <session-id>', () => {
  it('writes the same PDF as the app, byte for byte, with no browser', () => {
    const r = cryolog(['export', sessionId, '--format', 'pdf', '--out', out('s1.pdf'), '--db', dbPath]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/PDF \(final, version 1\) written to .*s1\.pdf\nsha256 [0-9a-f]{64}/);
    expect(fs.readFileSync(out('s1.pdf')).equals(appPdf)).toBe(true);
    const pages = pageTexts(appPdf);
    for (const page of pages) expect(page).toContain('999 007 9196');
    const text = flatText(appPdf);
    for (const expected of ['Left musculocutaneous nerve → branch to brachialis', 'Left radial nerve → branch to brachioradialis', '−73 °C', 'PRB-24-1187']) expect(text).toContain(expected);
  });

  it('writes every other format, and the patient aftercare sheet in large print', () => {
    for (const [format, file] of [['text', 's1.txt'], ['fhir', 's1.fhir.json'], ['hl7v2', 's1.hl7'], ['csv', 's1.csv'], ['json', 's1.json'], ['aftercare-pdf-large', 's1-aftercare.pdf']] as const) {
      const r = cryolog(['export', sessionId, '--format', format, '--out', out(file), '--db', dbPath]);
      expect(r.code, `${format}: ${r.stderr}`).toBe(0);
      expect(fs.statSync(out(file)).size).toBeGreaterThan(500);
    }
    const files = { text: out('s1.txt'), pdf: out('s1.pdf'), fhir: out('s1.fhir.json'), hl7v2: out('s1.hl7'), csv: out('s1.csv'), json: out('s1.json') };
    const s1 = { nhsNumber: '9990079196', cycles: 9, version: 1, pdfContains: ['Left musculocutaneous nerve → branch to brachialis', 'Left radial nerve', 'PRB-24-1187', '−71 °C'] };
    expect(exportProblems(files, s1)).toEqual([]);
    // The same checks do fail on a mismatch (they are used on the walkthroughs' files too).
    expect(exportProblems(files, { ...s1, cycles: 8, nhsNumber: '9990000018' })).toEqual(
      expect.arrayContaining(['fhir: 9 freeze-cycle Observations, expected 8', 'hl7: PID-3 is not the NHS number', 'fhir: Patient lacks the NHS number']),
    );
    expect(flatText(fs.readFileSync(out('s1-aftercare.pdf')))).toContain('Left arm');
    // Each file written is in the session's audit trail with its checksum.
    const ctx = signedInContext({ dbPath, appVersion: APP_VERSION, log: quietLog });
    try {
      const listed = dispatch(ctx, 'listSessionExports', { sessionId });
      expect(listed.ok && (listed.data as Res<'listSessionExports'>).map((e) => e.format).sort()).toEqual(
        ['aftercare-pdf-large', 'csv', 'fhir', 'hl7v2', 'json', 'pdf', 'text'].sort(),
      );
    } finally {
      closeContext(ctx);
    }
  });
});

describe('cryolog export --in <session.json> (no database)', () => {
  it('a file written by a signed JSON export exports as the signed record', () => {
    expect(cryolog(['export', sessionId, '--format', 'json', '--out', out('signed.json'), '--db', dbPath]).code).toBe(0);
    const r = cryolog(['export', '--in', out('signed.json'), '--format', 'hl7v2', '--out', out('from-file.hl7')]);
    expect(r.code, r.stderr).toBe(0);
    const msg = new Message({ text: fs.readFileSync(out('from-file.hl7'), 'utf8') });
    expect(msg.get('TXA.17').toString()).toBe('LA');
    expect(msg.get('TXA.12').toString()).toBe(`${sessionId}-v1`);
  });

  it('an unsigned file with no hard error exports as PRELIMINARY in every format', () => {
    const file = fixtureFile('S2');
    const text = cryolog(['export', '--in', file, '--format', 'text']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout.split('\n')[0]).toBe('PRELIMINARY - NOT SIGNED - FOR INTEGRATION TESTING ONLY');
    expect(cryolog(['export', '--in', file, '--format', 'pdf', '--out', out('prelim.pdf')]).stderr).toMatch(/PRELIMINARY \(the file is not signed/);
    for (const page of pageTexts(fs.readFileSync(out('prelim.pdf')))) expect(page).toContain('PRELIMINARY');
    expect(cryolog(['export', '--in', file, '--format', 'hl7v2', '--out', out('prelim.hl7')]).code).toBe(0);
    expect(new Message({ text: fs.readFileSync(out('prelim.hl7'), 'utf8') }).get('TXA.17').toString()).toBe('IP');
    expect(cryolog(['export', '--in', file, '--format', 'fhir', '--out', out('prelim.fhir.json')]).code).toBe(0);
    const bundle = JSON.parse(fs.readFileSync(out('prelim.fhir.json'), 'utf8')) as { entry: { resource: { resourceType: string; docStatus?: string } }[] };
    expect(validateFhir(bundle)).toEqual([]);
    expect(bundle.entry.find((e) => e.resource.resourceType === 'DocumentReference')?.resource.docStatus).toBe('preliminary');
  });

  it('an unsigned file with hard errors exports only as DRAFT text, and says what to fix', () => {
    const file = fixtureFile('S5');
    const refused = cryolog(['export', '--in', file, '--format', 'pdf', '--out', out('s5.pdf')]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/not signed and has \d+ hard error\(s\), so it can only be exported as DRAFT text/);
    expect(refused.stderr).toMatch(/- E01: This NHS number fails its check digit/);
    expect(fs.existsSync(out('s5.pdf'))).toBe(false);
    const draft = cryolog(['export', '--in', file, '--format', 'text']);
    expect(draft.stdout.split('\n')[0]).toBe('DRAFT - NOT SIGNED - NOT FOR THE CLINICAL RECORD');
  });
});

describe('cryolog export --from --to', () => {
  it('writes every signed session of the range into one new CSV file, with progress on stderr', () => {
    const folder = out('registry');
    fs.mkdirSync(folder);
    const r = cryolog(['export', '--from', '2026-03-10', '--to', '2026-03-10', '--format', 'csv', '--out', folder, '--db', dbPath]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/2 of 2 sessions/);
    const csv = fs.readFileSync(path.join(folder, 'cryolog_2026-03-10_to_2026-03-10.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFsession_id,')).toBe(true);
    expect(csv).toContain(sessionId);
    const empty = cryolog(['export', '--from', '2025-01-01', '--to', '2025-12-31', '--format', 'json', '--out', folder, '--db', dbPath]);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/no signed session started between 2025-01-01 and 2025-12-31; nothing was written/);
  });
});
