// The text the app previews while a session is still a draft (the summary panel's Copy): what
// the clinician sees before anything is signed, from records as sparse as a new session.
import { describe, expect, it } from 'vitest';
import { buildProcedureNote } from '../../shared/export/procedureNote';
import { renderNoteText } from '../../shared/export/text';
import { validateSession } from '../../shared/domain/rules';
import { DEFAULT_SERVICE_INFO, type ExportSource } from '../../shared/export/source';
import type { SessionDocument } from '../../shared/domain/model';
import { cycle, sessionDoc, target } from '../helpers/sessionDoc';

function draftText(doc: SessionDocument): string {
  const source: ExportSource = {
    doc,
    status: 'draft',
    version: null,
    versions: [],
    amendmentInProgress: null,
    enteredInError: null,
    hardErrors: validateSession(doc).errors,
    appVersion: '9.9.9',
    generatedAt: '2026-11-24T10:05:00+00:00',
    service: DEFAULT_SERVICE_INFO,
  };
  return renderNoteText(buildProcedureNote(source));
}

describe('draft text of a session being recorded', () => {
  it('marks a draft on its first line and lists every target and cycle in plain ASCII', () => {
    const text = draftText(sessionDoc());
    const lines = text.split('\n');
    expect(lines[0]).toBe('DRAFT - NOT SIGNED - NOT FOR THE CLINICAL RECORD');
    expect(text).toContain('NHS number: 999 007 9196');
    expect(text).toContain('1. Left musculocutaneous nerve -> branch to brachialis');
    expect(text).toContain('3. Left radial nerve -> branch to brachioradialis');
    expect(text).toMatch(/Site 1, cycle 1: 90 s, .*-70 deg C/);
    expect(text).toContain('Not signed: DRAFT\nGenerated 24 Nov 2026 10:05\n');
    expect(text).not.toMatch(/[^\x20-\x7e\n]/);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(72);
  });

  it('keeps accented names exactly as recorded', () => {
    expect(draftText(sessionDoc({ patient: { familyName: 'Ó Súilleabháin', givenName: 'Zoë' } }))).toContain('Name: Ó SÚILLEABHÁIN, Zoë');
  });

  it('lists what still blocks sign-off, in plain characters', () => {
    const doc = sessionDoc({ targets: [target(1, { side: null }, [cycle(1, { tipTempC: 68 })])] });
    const text = draftText(doc);
    expect(text).toContain(`Outstanding before sign-off (${validateSession(doc).errors.length}):`);
    expect(text).toContain('- E04: Target 1: side (left or right) is missing.');
    expect(text).toContain('- E09: Target 1, cycle 1: 68 deg C is not a possible nitrous-oxide');
    expect(text).not.toContain('°');
  });

  it('says plainly what was not recorded, and an empty session still reads as a note', () => {
    const sparse = draftText(sessionDoc({ targets: [target(1, { nerve: null, branch: null, side: null }, [cycle(1, { durationS: null, tipTempC: null })])] }));
    expect(sparse).toContain('1. Side not recorded, nerve not recorded');
    expect(sparse).toMatch(/Site 1, cycle 1: not recorded, .*not recorded/);
    const empty = draftText(sessionDoc({ targets: [] }));
    expect(empty).toContain('No target recorded.');
    expect(empty).toContain('COMPLICATIONS\nNot answered.');
  });
});
