// The MDM^T02 export read back the way the trust's interface engine would: by an independent
// HL7 parser (node-hl7-client), never by our own writer's helpers. Synthetic data only.
import { Message } from 'node-hl7-client';
import { describe, expect, it } from 'vitest';
import { escapeHl7 } from '../../shared/export/hl7/escape';
import { buildMdmT02, type MdmContent, type MdmOptions } from '../../shared/export/hl7/mdmT02';
import type { ExportSource, ExportStatus } from '../../shared/export/source';
import { AMENDMENT_V2, amendedSource, fixtureSource, HOSTILE_TEXT, hostileSource, SIGNER_V1 } from '../helpers/exportSource';

// A fake PDF holding every byte value, so any lossy step between bytes and message shows.
const PDF_BYTES = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from(Array.from({ length: 256 }, (_, i) => i)), Buffer.from('\n%%EOF\n')]);

const NOTE_TEXT = [
  'CRYONEUROLYSIS PROCEDURE NOTE',
  'Patient: Ashcombe, Margaret (NHS 999 007 9196)',
  '',
  '  Lowest temperature: −70 °C → ice ball 8 mm',
  'Delimiters stay text: | ^ & ~ \\ and a typed \\.br\\ is not a line break',
].join('\n');

const CONTENT: MdmContent = { text: NOTE_TEXT, pdfBase64: PDF_BYTES.toString('base64') };
const OPTIONS: MdmOptions = { messageControlId: 'CRYO-000123', receivingApplication: 'EPR', receivingFacility: 'RX9' };

const ENTERED_IN_ERROR = { at: '2026-03-12T09:00:00+00:00', by: 'Dr Imogen Hartley', reason: 'Recorded against the wrong patient' };

const preliminarySource = (): ExportSource => fixtureSource('S1', { status: 'preliminary', version: null, versions: [] });
const enteredInErrorSource = (): ExportSource => fixtureSource('S1', { status: 'entered-in-error', enteredInError: ENTERED_IN_ERROR });

function build(source: ExportSource, content: MdmContent = CONTENT, options: MdmOptions = OPTIONS) {
  const raw = buildMdmT02(source, content, options);
  return { raw, msg: new Message({ text: raw }) };
}

const read = (msg: Message, path: string): string => msg.get(path).toString();

/** The OBX segments in order, as the parser sees them. */
function obxSegments(msg: Message) {
  return [...msg.get('OBX')];
}

/**
 * OBX-5 of an FT value as a receiver displays it: the field is read escape sequence by escape
 * sequence, left to right, so only a real `\.br\` command (not an escaped backslash followed by
 * ".br") starts a new line; each line is then un-escaped by the parser.
 */
function readFormattedText(msg: Message, rawField: string): string {
  const lines: string[] = [];
  let line = '';
  for (const token of rawField.split(/(\\[^\\]*\\)/)) {
    if (token === '\\.br\\') {
      lines.push(line);
      line = '';
    } else {
      line += token;
    }
  }
  lines.push(line);
  return lines.map((l) => msg.unescape(l)).join('\n');
}

/** What the receiver should see for a text: line breaks as \n, tabs as spaces, no bidi overrides. */
const asDelivered = (text: string) =>
  text
    .replace(/\r\n|\r/g, '\n')
    .replace(/\t/g, ' ')
    .replace(/[\u202A-\u202E\u2066-\u2069]/g, '');

describe('MDM^T02: message structure', () => {
  const sources: [string, () => ExportSource][] = [
    ['S1', () => fixtureSource('S1')],
    ['S2', () => fixtureSource('S2')],
    ['amended S2', () => amendedSource('S2')],
    ['hostile', hostileSource],
    ['preliminary', preliminarySource],
    ['entered in error', enteredInErrorSource],
  ];

  it.each(sources)('%s: MSH EVN PID PV1 TXA OBX OBX, each one CR-terminated line starting with its name', (_name, make) => {
    const { raw, msg } = build(make(), { ...CONTENT, text: `${NOTE_TEXT}\r\n${HOSTILE_TEXT.notes}` });
    expect(raw.endsWith('\r')).toBe(true);
    const segments = raw.slice(0, -1).split('\r');
    expect(segments.map((s) => s.slice(0, 3))).toEqual(['MSH', 'EVN', 'PID', 'PV1', 'TXA', 'OBX', 'OBX']);
    for (const s of segments) {
      expect(s).toMatch(/^[A-Z][A-Z0-9]{2}\|/);
      // eslint-disable-next-line no-control-regex -- control characters are what this looks for
      expect(s).not.toMatch(/[\u0000-\u001F\u007F]/);
    }
    // The parser agrees: the same seven segments, nothing split or merged.
    const parsed: string[] = [];
    msg.forEach((segment) => parsed.push(segment.name));
    expect(parsed).toEqual(['MSH', 'EVN', 'PID', 'PV1', 'TXA', 'OBX', 'OBX']);
  });

  it('MSH identifies an MDM^T02 v2.5.1 message in UTF-8 from CryoLog at the trust', () => {
    const { msg } = build(fixtureSource('S1'));
    expect(msg.get('MSH.9').toRaw()).toBe('MDM^T02^MDM_T02');
    expect(read(msg, 'MSH.12')).toBe('2.5.1');
    expect(read(msg, 'MSH.18')).toBe('UNICODE UTF-8');
    expect(read(msg, 'MSH.3')).toBe('CRYOLOG');
    expect(read(msg, 'MSH.4')).toBe('RX9');
    expect(read(msg, 'MSH.5')).toBe('EPR');
    expect(read(msg, 'MSH.6')).toBe('RX9');
    expect(read(msg, 'MSH.10')).toBe('CRYO-000123');
    expect(read(msg, 'MSH.11')).toBe('P');
    expect(read(msg, 'EVN.1')).toBe('T02');
  });

  it('is deterministic: the message time is the export time with its offset, not the clock', () => {
    const source = fixtureSource('S1', { generatedAt: '2026-07-01T11:30:05+01:00' });
    const first = buildMdmT02(source, CONTENT, OPTIONS);
    expect(buildMdmT02(source, CONTENT, OPTIONS)).toBe(first);
    const msg = new Message({ text: first });
    expect(read(msg, 'MSH.7')).toBe('20260701113005+0100');
    expect(read(msg, 'EVN.2')).toBe('20260701113005+0100');
  });

  it('leaves MSH-5 and MSH-6 empty when no receiver is named, and escapes them when one is', () => {
    expect(read(build(fixtureSource('S1'), CONTENT, { messageControlId: 'X1' }).msg, 'MSH.5')).toBe('');
    const { msg } = build(fixtureSource('S1'), CONTENT, { messageControlId: 'X1', receivingApplication: 'EPR|TEST^1' });
    expect(read(msg, 'MSH.5')).toBe('EPR|TEST^1');
    expect(read(msg, 'MSH.10')).toBe('X1');
  });
});

describe('MDM^T02: patient, visit and document header', () => {
  it('S1: PID carries the NHS number (NHS/NH) and the hospital number (trust ODS/MR), name, birth date, sex', () => {
    const { msg } = build(fixtureSource('S1'));
    const ids = [...msg.get('PID.3')].map((rep) => rep.toRaw());
    expect(ids).toEqual(['9990079196^^^NHS^NH', 'TST0000001^^^RX9^MR']);
    expect(read(msg, 'PID.3.1')).toBe('9990079196');
    expect(read(msg, 'PID.3.4')).toBe('NHS');
    expect(read(msg, 'PID.3.5')).toBe('NH');
    expect(read(msg, 'PID.5.1')).toBe('Ashcombe');
    expect(read(msg, 'PID.5.2')).toBe('Margaret');
    expect(read(msg, 'PID.7')).toBe('19630719');
    expect(read(msg, 'PID.8')).toBe('F');
  });

  it('S2: a different patient, male, with his own operator as attending doctor', () => {
    const { msg } = build(fixtureSource('S2'));
    expect(read(msg, 'PID.3.1')).toBe('9990237573');
    expect(read(msg, 'PID.5.1')).toBe('Okonjo-Reid');
    expect(read(msg, 'PID.5.2')).toBe('Daniel');
    expect(read(msg, 'PID.7')).toBe('19770902');
    expect(read(msg, 'PID.8')).toBe('M');
    expect(read(msg, 'PV1.7.1')).toBe('9990022');
    expect(read(msg, 'PV1.7.2')).toBe('Dr Rhys Pemberton');
    expect(read(msg, 'PV1.7.9')).toBe('GMC');
    expect(read(msg, 'TXA.5.2')).toBe('Dr Rhys Pemberton');
  });

  it('leaves out an NHS number that is missing or fails its check digit; the hospital number still identifies the patient', () => {
    for (const nhsNumber of [null, '9990079197']) {
      const source = fixtureSource('S1');
      source.doc.patient.nhsNumber = nhsNumber;
      const { msg, raw } = build(source);
      expect([...msg.get('PID.3')].map((rep) => rep.toRaw())).toEqual(['TST0000001^^^RX9^MR']);
      expect(raw).not.toContain('^NHS^NH');
    }
  });

  it('PV1: outpatient class, the site and location, the operator with registration number', () => {
    const { msg } = build(fixtureSource('S1'));
    expect(read(msg, 'PV1.2')).toBe('O');
    expect(read(msg, 'PV1.3.4')).toBe('RZZ01');
    expect(read(msg, 'PV1.3.9')).toBe('Spasticity clinic, Neurorehabilitation Unit, Example General Hospital');
    expect(read(msg, 'PV1.7.1')).toBe('9990011');
    expect(read(msg, 'PV1.7.2')).toBe('Dr Imogen Hartley');
  });

  it('PV1-2 follows the setting: inpatient and day case are admitted (I)', () => {
    const source = fixtureSource('S1');
    source.doc.session.setting = 'day-case';
    expect(read(build(source).msg, 'PV1.2')).toBe('I');
  });

  it('S1 final: TXA is a legally authenticated procedure note, version 1, signed by the signer at the signing time', () => {
    const { msg } = build(fixtureSource('S1'));
    expect(read(msg, 'TXA.2')).toBe('PN');
    expect(read(msg, 'TXA.4')).toBe('20260310091000+0000');
    expect(read(msg, 'TXA.6')).toBe('20260310102000+0000');
    expect(read(msg, 'TXA.9.2')).toBe('Dr Imogen Hartley');
    expect(read(msg, 'TXA.12.1')).toBe('51000000-0000-4000-8000-000000000002-v1');
    expect(read(msg, 'TXA.12.2')).toBe('CRYOLOG');
    expect(read(msg, 'TXA.13')).toBe('');
    expect(read(msg, 'TXA.17')).toBe('LA');
    expect(read(msg, 'TXA.19')).toBe('AV');
    expect(read(msg, 'TXA.22.1')).toBe('9990011');
    expect(read(msg, 'TXA.22.2')).toBe('Dr Imogen Hartley');
    expect(read(msg, 'TXA.22.15')).toBe('20260310102000+0000');
  });

  it('amended: version 2 names version 1 as its parent, gives the reason, and the amending signature', () => {
    const { msg } = build(amendedSource('S2'));
    const id = '52000000-0000-4000-8000-000000000002';
    expect(read(msg, 'TXA.12.1')).toBe(`${id}-v2`);
    expect(read(msg, 'TXA.13.1')).toBe(`${id}-v1`);
    expect(read(msg, 'TXA.17')).toBe('LA');
    expect(read(msg, 'TXA.21')).toBe(AMENDMENT_V2.reason);
    expect(read(msg, 'TXA.22.2')).toBe(AMENDMENT_V2.signer.name);
    expect(read(msg, 'TXA.22.15')).toBe('20260311140500+0000');
    expect(read(msg, 'EVN.6')).toBe('20260311140500+0000');
  });

  it('preliminary: "-prelim" document number, in progress, not for patient care, no authentication', () => {
    const { msg } = build(preliminarySource());
    expect(read(msg, 'TXA.12.1')).toBe('51000000-0000-4000-8000-000000000002-prelim');
    expect(read(msg, 'TXA.17')).toBe('IP');
    expect(read(msg, 'TXA.19')).toBe('UN');
    expect(read(msg, 'TXA.22')).toBe('');
    expect(obxSegments(msg).map((s) => s.get(11).toString())).toEqual(['P', 'P']);
  });

  it('a draft in the middle of an amendment does not pass off the previous signature as its own', () => {
    const source = fixtureSource('S1', { status: 'draft', version: null, versions: [SIGNER_V1], amendmentInProgress: 'Correct cycle 2' });
    const { msg } = build(source);
    expect(read(msg, 'TXA.12.1')).toBe('51000000-0000-4000-8000-000000000002-prelim');
    expect(read(msg, 'TXA.17')).toBe('IP');
    expect(read(msg, 'TXA.22')).toBe('');
    expect(read(msg, 'TXA.6')).toBe('20260310103000+0000');
    expect(read(msg, 'EVN.6')).toBe('');
  });

  it('entered in error: the same document number as the signed version, withdrawn, with the reason and when', () => {
    const { msg } = build(enteredInErrorSource());
    expect(read(msg, 'TXA.12.1')).toBe('51000000-0000-4000-8000-000000000002-v1');
    expect(read(msg, 'TXA.13')).toBe('');
    expect(read(msg, 'TXA.19')).toBe('CA');
    expect(read(msg, 'TXA.21')).toBe(ENTERED_IN_ERROR.reason);
    expect(read(msg, 'EVN.6')).toBe('20260312090000+0000');
    expect(read(msg, 'TXA.22.2')).toBe(SIGNER_V1.signer.name);
  });

  const STATUS_CASES: [ExportStatus, string, string, string][] = [
    ['final', 'LA', 'AV', 'F'],
    ['amended', 'LA', 'AV', 'C'],
    ['preliminary', 'IP', 'UN', 'P'],
    ['draft', 'IP', 'UN', 'P'],
    ['entered-in-error', 'LA', 'CA', 'W'],
  ];
  const SOURCE_OF: Record<ExportStatus, () => ExportSource> = {
    final: () => fixtureSource('S1'),
    amended: () => amendedSource('S1'),
    preliminary: preliminarySource,
    draft: () => fixtureSource('S5', { status: 'draft', version: null, versions: [] }),
    'entered-in-error': enteredInErrorSource,
  };

  it.each(STATUS_CASES)('%s → TXA-17 %s, TXA-19 %s, OBX-11 %s on both OBX', (status, completion, availability, result) => {
    const { msg } = build(SOURCE_OF[status]());
    expect(read(msg, 'TXA.17')).toBe(completion);
    expect(read(msg, 'TXA.19')).toBe(availability);
    expect(obxSegments(msg).map((s) => s.get(11).toString())).toEqual([result, result]);
  });
});

describe('MDM^T02: the note as text and as PDF', () => {
  it('OBX 1 (FT) holds every line of the text, line breaks restored, delimiters and a typed "\\.br\\" kept as text', () => {
    const { msg } = build(fixtureSource('S1'));
    const [text] = obxSegments(msg);
    expect(text!.get(2).toString()).toBe('FT');
    expect(readFormattedText(msg, text!.get(5).toRaw())).toBe(NOTE_TEXT);
  });

  it('OBX 1 turns CRLF, CR and tabs into line breaks and spaces and drops control and bidi-override characters', () => {
    const text = `${NOTE_TEXT}\r\n${HOSTILE_TEXT.notes}\rlast\u0007 line\u0085`;
    const { msg } = build(hostileSource(), { ...CONTENT, text });
    const [obx] = obxSegments(msg);
    expect(readFormattedText(msg, obx!.get(5).toRaw())).toBe(asDelivered(text).replace('\u0007', '').replace('\u0085', ''));
  });

  it('a long note stays in one OBX-5, every line intact', () => {
    const long = Array.from({ length: 2_000 }, (_, i) => `Line ${i + 1}: freeze cycle 90 s at −70 °C | ^ & ~`).join('\n');
    const { msg } = build(fixtureSource('S1'), { ...CONTENT, text: long });
    const [obx] = obxSegments(msg);
    expect(readFormattedText(msg, obx!.get(5).toRaw())).toBe(long);
  });

  it('OBX 2 (ED) carries the PDF as ^AP^PDF^Base64^data, decoding to exactly the bytes given', () => {
    const { msg } = build(fixtureSource('S1'));
    const [, pdf] = obxSegments(msg);
    expect(pdf!.get(2).toString()).toBe('ED');
    expect(pdf!.get('OBX.5.1').toString()).toBe('');
    expect(pdf!.get('OBX.5.2').toString()).toBe('AP');
    expect(pdf!.get('OBX.5.3').toString()).toBe('PDF');
    expect(pdf!.get('OBX.5.4').toString()).toBe('Base64');
    const decoded = Buffer.from(pdf!.get('OBX.5.5').toString(), 'base64');
    expect(decoded.equals(PDF_BYTES)).toBe(true);
  });
});

describe('MDM^T02: escaping', () => {
  it('hostile names come back exactly as recorded, and the fields after them stay in place', () => {
    const { msg } = build(hostileSource());
    expect(read(msg, 'PID.5.1')).toBe(HOSTILE_TEXT.familyName);
    expect(read(msg, 'PID.5.2')).toBe(HOSTILE_TEXT.givenName);
    expect(read(msg, 'PID.7')).toBe('19630719');
    expect(read(msg, 'PID.8')).toBe('F');
  });

  it('writes the escape sequences an unescaped writer would have left out', () => {
    const { raw } = build(hostileSource());
    const pidLine = raw.split('\r').find((s) => s.startsWith('PID|'))!;
    // O'Brien|Ñúñez^Smith&Co ^ Zoë "Jo" \ </script>
    expect(pidLine).toContain('|O\'Brien\\F\\Ñúñez\\S\\Smith\\T\\Co^Zoë "Jo" \\E\\ </script>|');
    // Unescaped, the family name's "|" would have pushed the birth date out of PID-7.
    expect(pidLine.split('|')).toHaveLength(9);
  });

  it('escapeHl7: each delimiter has its sequence, line breaks become \\.br\\, no control character survives', () => {
    expect(escapeHl7('\\|^&~')).toBe('\\E\\\\F\\\\S\\\\T\\\\R\\');
    expect(escapeHl7('a\r\nb\nc\rd')).toBe('a\\.br\\b\\.br\\c\\.br\\d');
    expect(escapeHl7('a\u0000b\u001bc\u007fd\u009fe\tf')).toBe('abcde f');
  });

  it('escapeHl7 round-trips every printable ASCII character and non-Latin text through the independent parser', () => {
    const printable = Array.from({ length: 0x7e - 0x20 + 1 }, (_, i) => String.fromCharCode(0x20 + i)).join('');
    const { msg } = build(fixtureSource('S1'));
    for (const value of [printable, 'Ñúñez Zoë Ødegård Łukasz Σωκράτης 山田 −70 °C → ✓', '\\E\\ \\F\\ \\.br\\ \\X0D\\']) {
      expect(msg.unescape(escapeHl7(value))).toBe(value);
    }
  });
});
