// The paste-ready text as a notes box receives it: what a clinician reads, and what the
// receiving system's text box must survive (line length, ASCII symbols, no hidden characters).
// Expected values come from the fixture records, not from the output.
import { describe, expect, it } from 'vitest';
import { formatDate } from '../../shared/domain/parse';
import { findBranch, findNerve, SIDE_LABELS } from '../../shared/domain/valueSets';
import { buildProcedureNote } from '../../shared/export/procedureNote';
import type { ExportSource } from '../../shared/export/source';
import { renderNoteText, TEXT_WIDTH } from '../../shared/export/text';
import { AMENDMENT_V2, amendedSource, fixtureSource, HOSTILE_TEXT, hostileSource, type FixtureName } from '../helpers/exportSource';

const textOf = (source: ExportSource): string => renderNoteText(buildProcedureNote(source));
/** The text with its wrapping undone, for phrases that may fall across a line break. */
const unwrapped = (text: string): string => text.replace(/\n +/g, ' ').replace(/\n(?=\S)/g, ' ');

/** The lines of one treated target: its title up to the blank line after its cycles. */
function targetLines(text: string, seq: number): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`${seq}. `));
  expect(start, `target ${seq}`).toBeGreaterThanOrEqual(0);
  const end = lines.indexOf('', start);
  return lines.slice(start, end);
}

function sectionLines(text: string, heading: string): string[] {
  const lines = text.split('\n');
  const start = lines.indexOf(heading);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const next = lines.findIndex((l, i) => i > start && /^[A-Z][A-Z -]+$/.test(l));
  return lines.slice(start + 1, next === -1 ? undefined : next).filter((l) => l !== '');
}

describe.each<FixtureName>(['S1', 'S2'])('text of %s', (name) => {
  const source = fixtureSource(name);
  const doc = source.doc;
  const text = textOf(source);

  it('names every target with its side, nerve and branch', () => {
    for (const t of doc.targets) {
      const expected = `${t.seq}. ${SIDE_LABELS[t.side!]} ${findNerve(t.nerve)!.label.toLowerCase()} nerve -> branch to ${findBranch(t.nerve, t.branch)!.label}`;
      expect(text.split('\n')).toContain(expected);
    }
  });

  it("gives each cycle its own short line with the freeze time and the lowest temperature (or why there is none)", () => {
    const handheld = doc.devices[0]!.systemType === 'handheld-fixed-cycle';
    for (const t of doc.targets) {
      const cycleLines = targetLines(text, t.seq).filter((l) => l.trimStart().startsWith('Site '));
      expect(cycleLines).toHaveLength(t.cycles.length);
      t.cycles.forEach((c, i) => {
        const seconds = c.durationS ?? (Date.parse(c.endedAt!) - Date.parse(c.startedAt!)) / 1000;
        expect(cycleLines[i]).toContain(`Site ${c.siteNo}, cycle`);
        expect(cycleLines[i]).toContain(`: ${seconds} s,`);
        if (handheld) expect(cycleLines[i]).toContain('no readout');
        else expect(cycleLines[i]).toContain(`, -${Math.abs(c.tipTempC!)} deg C,`);
      });
    }
    if (handheld) expect(text).toContain('(no temperature readout)');
    expect(text).not.toMatch(/\bnull\b|undefined|NaN/);
  });

  it('gives the probe lot, the NHS number 3-3-4 and the hospital number', () => {
    expect(text).toContain(`Probe lot: ${doc.devices[0]!.probeLot}`);
    const nhs = doc.patient.nhsNumber!;
    expect(text).toContain(`NHS number: ${nhs.slice(0, 3)} ${nhs.slice(3, 6)} ${nhs.slice(6)}`);
    expect(text).toContain(`Hospital number: ${doc.patient.localMrn}`);
  });

  it('gives the MAS codes before and after for each muscle group', () => {
    for (const o of doc.outcomes) expect(text).toContain(`MAS: ${o.masPre} -> ${o.masPost}`);
  });

  it('states the complications explicitly', () => {
    const lines = sectionLines(text, 'COMPLICATIONS');
    if (doc.complications.length === 0) expect(lines).toEqual(['None.']);
    else expect(unwrapped(lines.join('\n'))).toContain(doc.complications[0]!.note!);
  });

  it('dates every follow-up appointment', () => {
    for (const f of doc.followUps) expect(text).toContain(`- ${formatDate(f.date)} (`);
  });

  it('ends with the signature and the registration number', () => {
    expect(text).toContain('Signed by Dr Imogen Hartley (GMC 9990011) on 10 Mar 2026 10:20');
  });

  it('keeps lines short, ASCII only, with \\n line breaks and nothing trailing', () => {
    for (const line of text.split('\n')) expect(line.length, line).toBeLessThanOrEqual(TEXT_WIDTH);
    expect(text).toMatch(/^[\n\x20-\x7E]*$/);
    expect(text.endsWith('\n')).toBe(true);
    expect(text).not.toMatch(/ \n|\t|\r/);
  });

  it('writes a temperature as "deg C" with a hyphen-minus and an arrow as "->"', () => {
    expect(text).not.toMatch(/[\u2212\u00B0\u2192]/);
    expect(text).toContain(' -> ');
  });
});

describe('text banners', () => {
  const firstLine = (source: ExportSource) => textOf(source).split('\n')[0];

  it('starts a signed record with the title, and a draft, preliminary or entered-in-error text with its banner', () => {
    expect(firstLine(fixtureSource('S1'))).toBe('CRYONEUROLYSIS PROCEDURE NOTE');
    expect(firstLine(fixtureSource('S1', { status: 'draft', version: null, versions: [] }))).toBe('DRAFT - NOT SIGNED - NOT FOR THE CLINICAL RECORD');
    expect(firstLine(fixtureSource('S1', { status: 'draft', version: null, amendmentInProgress: 'Adding a complication' }))).toBe(
      'DRAFT AMENDMENT - NOT SIGNED - THE SIGNED VERSION STANDS',
    );
    expect(firstLine(fixtureSource('S2', { status: 'preliminary', version: null, versions: [] }))).toBe('PRELIMINARY - NOT SIGNED - FOR INTEGRATION TESTING ONLY');
    expect(firstLine(fixtureSource('S1', { status: 'entered-in-error', enteredInError: { at: '2026-03-12T09:00:00+00:00', by: 'Dr Imogen Hartley', reason: 'Wrong patient' } }))).toBe(
      'ENTERED IN ERROR - NOT FOR CLINICAL USE - Wrong patient',
    );
  });

  it('lists what is outstanding before sign-off on a draft', () => {
    const text = textOf(fixtureSource('S1', { status: 'draft', version: null, versions: [], hardErrors: [{ ruleId: 'E12', message: 'Answer the complications question.' }] }));
    expect(text).toContain('Outstanding before sign-off (1):\n- E12: Answer the complications question.');
    expect(text).toContain('Not signed: DRAFT');
    expect(text).not.toContain('Signed by');
  });
});

describe('amended text', () => {
  it('lists the amendment with its version, date and reason', () => {
    const text = unwrapped(textOf(amendedSource('S1')));
    expect(text).toContain(`- Version 2, 11 Mar 2026 14:05, Dr Imogen Hartley: ${AMENDMENT_V2.reason}`);
    expect(text).toContain('Entered in CryoLog 0.1.0, record version 2');
  });
});

describe('hostile names and notes', () => {
  const text = textOf(hostileSource());

  it('keeps the name exactly, accents included (family name in capitals)', () => {
    expect(text).toContain(`Name: ${HOSTILE_TEXT.familyName.toUpperCase()}, ${HOSTILE_TEXT.givenName}`);
    expect(text).toContain('ÑÚÑEZ');
    expect(text).toContain('Zoë');
  });

  it('removes control characters and bidi overrides, keeping the words of the note', () => {
    // eslint-disable-next-line no-control-regex -- the point of the test
    expect(text).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F\u202A-\u202E\u2066-\u2069]/);
    const notes = unwrapped(text);
    expect(notes).toContain('Notes: Line one, line "two"; <b>bold</b>');
    expect(notes).toContain('evil');
    expect(notes).toContain('tab here');
    expect(notes).toContain('-70 deg C -> done');
  });

  it('has no character outside ASCII other than letters', () => {
    for (const ch of text.replace(/[\n\x20-\x7E]/g, '')) expect(ch).toMatch(/\p{L}/u);
  });

  it('turns typographic punctuation into ASCII and keeps an unbreakable word whole', () => {
    const source = fixtureSource('S1');
    const url = `https://example.nhs.uk/${'x'.repeat(80)}`;
    source.doc.session.notes = `Patient said \u201Cbetter\u201D \u2013 it\u2019s \u22125\u00B0C, 2\u00D73 sites\u0007 ${url}`;
    const out = textOf(source);
    expect(unwrapped(out)).toContain('Notes: Patient said "better" - it\'s -5 deg C, 2x3 sites');
    expect(out.split('\n')).toContain(url);
    expect(out).not.toContain('\u0007');
  });
});
