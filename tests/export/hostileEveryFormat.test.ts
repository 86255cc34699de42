// A name and a note full of what breaks naive writers (each format's delimiters, quotes, markup,
// a bidi override, tab and line breaks), saved through the app's own channels and exported in
// every format: each receiver reads back exactly what was recorded.
import fs from 'node:fs';
import path from 'node:path';
import { Message } from 'node-hl7-client';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/main/ipc/dispatch';
import type { Ctx } from '../../electron/main/context';
import type { Channel } from '../../shared/ipc/channels';
import type { Req, Res } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';
import { SessionDocument } from '../../shared/domain/model';
import { fixedClock, tempDir, testContext } from '../helpers/tempDir';
import { fixtureFile } from '../tools/sessionFixtures';
import { fhirProblems } from './fhirValidators';
import { flatText } from './poppler';
import { TEST_PIN } from '../helpers/testClinician';

function call<C extends Channel>(ctx: Ctx, channel: C, request: Req<C>): Res<C> {
  const r = dispatch(ctx, channel, request) as Result<Res<C>>;
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.data;
}

const FAMILY = 'O\'Brien|Ñúñez^Smith&Co~"Q"\\';
const GIVEN = 'Zoë </script><b>';
const NOTE = 'Line one, "quoted"; <script>alert(1)</script>\nline two |pipe| ^caret^ ~tilde~ &amp; \\E\\ −70 °C → done\ttab \u202Eevil\u202C';

describe('hostile names and notes in every format', () => {
  it('come out escaped and intact, read back by each receiver', () => {
    const ctx = testContext({ dbPath: path.join(tempDir(), 'cryolog.sqlite'), clock: fixedClock('2026-03-10T10:30:00.000Z') });
    const doc = JSON.parse(fs.readFileSync(fixtureFile('S1'), 'utf8')) as SessionDocument;
    const { sessionId, patientId } = call(ctx, 'importSession', { document: doc });
    call(ctx, 'saveFields', { entity: 'patient', id: patientId, patch: { familyName: FAMILY, givenName: GIVEN } });
    call(ctx, 'saveFields', { entity: 'session', id: sessionId, patch: { notes: NOTE } });
    call(ctx, 'signSession', { sessionId, secret: TEST_PIN });
    const exported = (format: Req<'exportSession'>['format']) => call(ctx, 'exportSession', { sessionId, format }).content;

    // Text: the name as recorded; symbols in ASCII; the bidi override and the tab gone.
    const text = exported('text');
    expect(text).toContain(`Name: ${FAMILY.toUpperCase()}, ${GIVEN}`);
    expect(text).toContain('|pipe| ^caret^ ~tilde~ &amp; \\E\\ -70 deg C -> done');
    expect(text).not.toMatch(/[\u202A-\u202E\t]/);

    // PDF: pdftotext finds the name with its accents and symbols.
    expect(flatText(Buffer.from(exported('pdf'), 'base64'))).toContain(`${FAMILY.toUpperCase()}, ${GIVEN}`);

    // FHIR: valid, and the Patient's name is exactly what was recorded.
    const bundle = JSON.parse(exported('fhir')) as { entry: { resource: { resourceType: string; name?: { family?: string; given?: string[] }[] } }[] };
    expect([...fhirProblems(bundle), ...bundle.entry.flatMap((e) => fhirProblems(e.resource))]).toEqual([]);
    const patient = bundle.entry.find((e) => e.resource.resourceType === 'Patient')!.resource;
    expect(patient.name?.[0]).toMatchObject({ family: FAMILY, given: [GIVEN] });

    // HL7 v2: the raw message has the delimiters escaped; an independent parser reads the name back.
    const raw = exported('hl7v2');
    expect(raw).toContain('\\F\\Ñúñez\\S\\Smith\\T\\Co\\R\\');
    const msg = new Message({ text: raw });
    expect(msg.get('PID.5.1').toString()).toBe(FAMILY);
    expect(msg.get('PID.5.2').toString()).toBe(GIVEN);
    expect(raw.split('\r').filter(Boolean).map((s) => s.slice(0, 3))).toEqual(['MSH', 'EVN', 'PID', 'PV1', 'TXA', 'OBX', 'OBX']);

    // JSON: the session file carries the name and the note unchanged.
    const file = SessionDocument.parse(JSON.parse(exported('json')));
    expect(file.patient.familyName).toBe(FAMILY);
    expect(file.session.notes).toBe(NOTE);

    // CSV: no names by design (identifiers only), and still one row per cycle.
    const csv = exported('csv');
    expect(csv).not.toContain('Ñúñez');
    expect(csv.trimEnd().split('\r\n')).toHaveLength(1 + 9);
  });
});
