// The procedure note's content: what the PDF and the text both show. Expected values are read
// from the fixture record (or written from the clinical brief), never copied from the output.
import { describe, expect, it } from 'vitest';
import { NOTE_HEADINGS, type NoteBlock, type NoteHeading, type ProcedureNote } from '../../shared/export/note';
import { formatMasChange, formatSeconds, formatTemperatureC, describeTarget } from '../../shared/export/noteValues';
import { buildProcedureNote } from '../../shared/export/procedureNote';
import { AMENDMENT_V2, amendedSource, fixtureSource } from '../helpers/exportSource';

const section = (note: ProcedureNote, heading: NoteHeading): NoteBlock[] => note.sections.find((s) => s.heading === heading)?.blocks ?? [];

/** Every string of a section's blocks, for "does it say X" checks. */
function sectionText(note: ProcedureNote, heading: NoteHeading): string {
  return section(note, heading)
    .flatMap((b) => {
      switch (b.kind) {
        case 'fields':
          return b.fields.map((f) => `${f.label}: ${f.value}`);
        case 'paragraph':
          return [b.text];
        case 'list':
          return b.items;
        case 'target':
          return [b.title, ...b.fields.map((f) => `${f.label}: ${f.value}`), ...b.cycles.rows.map((r) => r.join(' | '))];
      }
    })
    .join('\n');
}

const targets = (note: ProcedureNote) => section(note, 'Technique and freeze cycles').filter((b) => b.kind === 'target');

describe('buildProcedureNote', () => {
  it('has the 13 procedure-note headings of domain.md §7, in order, none empty', () => {
    const note = buildProcedureNote(fixtureSource('S1'));
    expect(note.sections.map((s) => s.heading)).toEqual([...NOTE_HEADINGS]);
    for (const s of note.sections) expect(s.blocks.length, s.heading).toBeGreaterThan(0);
  });

  it('carries the three identifiers: FAMILY, Given; date of birth; NHS number 3-3-4', () => {
    const note = buildProcedureNote(fixtureSource('S1'));
    expect(note.patient).toEqual({ name: 'ASHCOMBE, Margaret', dateOfBirth: '19 Jul 1963', nhsNumber: '999 007 9196' });
    expect(sectionText(note, 'Patient and session')).toContain('Hospital number: TST0000001');
  });

  it('titles each target with side, nerve and branch from the value sets', () => {
    const note = buildProcedureNote(fixtureSource('S1'));
    expect(targets(note).map((t) => t.kind === 'target' && t.title)).toEqual([
      '1. Left musculocutaneous nerve → branch to brachialis',
      '2. Left musculocutaneous nerve → branch to biceps brachii',
      '3. Left radial nerve → branch to brachioradialis',
    ]);
  });

  it('says a missing side or nerve is not recorded rather than leaving it out', () => {
    expect(describeTarget(null, 'radial', 'brachioradialis')).toMatch(/^Side not recorded/);
    expect(describeTarget('left', null, null)).toBe('Left nerve not recorded');
    expect(describeTarget('right', 'radial', 'trunk')).toBe('Right radial nerve trunk (mixed motor-sensory)');
  });

  it('writes temperatures with the true minus sign and a cycle row per freeze, numbered within its site', () => {
    const source = fixtureSource('S1');
    const [first] = targets(buildProcedureNote(source));
    if (first?.kind !== 'target') throw new Error('no target');
    expect(first.cycles.columns).toEqual(['Site', 'Cycle', 'Freeze (s)', 'Thaw', 'Lowest temp', 'Ice ball', 'Outcome']);
    const cycles = source.doc.targets[0]!.cycles;
    expect(first.cycles.rows).toHaveLength(cycles.length);
    expect(first.cycles.rows.map((r) => r.slice(0, 3))).toEqual([
      ['1', '1', '90'],
      ['1', '2', '90'],
      ['2', '1', '90'],
      ['2', '2', '90'],
    ]);
    expect(first.cycles.rows.map((r) => r[4])).toEqual(cycles.map((c) => `\u2212${Math.abs(c.tipTempC!)} °C`));
    expect(formatTemperatureC(-70)).toBe('\u221270 °C');
    expect(formatTemperatureC(68)).toBe('+68 °C');
  });

  it('says the handheld device has no temperature readout instead of printing a missing value', () => {
    const note = buildProcedureNote(fixtureSource('S2'));
    for (const t of targets(note)) {
      if (t.kind !== 'target') continue;
      for (const row of t.cycles.rows) expect(row[4]).toBe('no readout');
    }
    expect(sectionText(note, 'Devices')).toMatch(/Temperature readout: None \(handheld/);
    expect(JSON.stringify([note.sections, note.closing])).not.toMatch(/\bnull\b|undefined|NaN/);
  });

  it('says a console temperature is not recorded, and an aborted cycle gives its reason', () => {
    const source = fixtureSource('S1');
    const cycle = source.doc.targets[0]!.cycles[1]!;
    cycle.tipTempC = null;
    cycle.outcome = 'aborted';
    cycle.abortReason = 'vasovagal';
    cycle.abortNote = 'felt faint, lay flat';
    const [first] = targets(buildProcedureNote(source));
    if (first?.kind !== 'target') throw new Error('no target');
    expect(first.cycles.rows[1]![4]).toBe('not recorded');
    expect(first.cycles.rows[1]![6]).toBe('aborted: vasovagal (felt faint, lay flat)');
  });

  it('states complications explicitly: none, each one with its details, or not answered on a draft', () => {
    expect(sectionText(buildProcedureNote(fixtureSource('S1')), 'Complications')).toBe('None.');
    const s2 = sectionText(buildProcedureNote(fixtureSource('S2')), 'Complications');
    expect(s2).toMatch(/^Bruising \/ swelling: onset before discharge \(14:20\); mild; action: none; not resolved\./);
    const draft = fixtureSource('S1', { status: 'draft', version: null, versions: [] });
    draft.doc.session.complicationsAnswer = null;
    expect(sectionText(buildProcedureNote(draft), 'Complications')).toBe('Not answered.');
  });

  it('states allergies explicitly, listing each allergen', () => {
    expect(sectionText(buildProcedureNote(fixtureSource('S1')), 'Pre-procedure checks')).toContain('Allergies: No known drug allergies');
    const source = fixtureSource('S1');
    source.doc.patient.allergyStatus = 'has-allergies';
    source.doc.patient.allergies = [{ ...allergyRow(), allergen: 'latex', detail: null, reaction: 'urticaria' }];
    expect(sectionText(buildProcedureNote(source), 'Pre-procedure checks')).toContain('Allergies: Latex: urticaria');
  });

  it('gives warfarin with the INR value, its date and age, and the target range', () => {
    const text = sectionText(buildProcedureNote(fixtureSource('S2')), 'Pre-procedure checks');
    expect(text).toContain('Anticoagulant: Warfarin, continued');
    expect(text).toContain('INR: 2.6 on 5 Mar 2026 (5 days before), GP / anticoagulation clinic, target 2.0 to 3.0');
  });

  it('gives each outcome MAS as its code, before → after', () => {
    const source = fixtureSource('S1');
    const o = source.doc.outcomes[0]!;
    expect(sectionText(buildProcedureNote(source), 'Immediate outcome')).toContain(`MAS: ${formatMasChange(o.masPre, o.masPost)}`);
    expect(formatMasChange('3', '1+')).toBe('3 → 1+');
  });

  it('lists the stop moment of each target with its time and both confirmers', () => {
    const text = sectionText(buildProcedureNote(fixtureSource('S1')), 'Safety checks');
    expect(text).toContain('Target 2: 09:31, confirmed by Dr Imogen Hartley and Tomasz Nowicki');
  });

  it('signs a final record with name, role, registration and version; the closing says so too', () => {
    const note = buildProcedureNote(fixtureSource('S1'));
    expect(sectionText(note, 'Signature and amendments')).toContain('Signed by: Dr Imogen Hartley, Consultant in rehabilitation medicine, GMC 9990011');
    expect(note.closing).toEqual([
      'Entered in CryoLog 0.1.0, record version 1',
      'Signed by Dr Imogen Hartley (GMC 9990011) on 10 Mar 2026 10:20',
      'Amendments: none',
    ]);
    expect(note.banner).toBeNull();
  });

  it('a signed version never depends on when it is exported; a draft says when it was printed', () => {
    const now = buildProcedureNote(fixtureSource('S1'));
    const later = buildProcedureNote(fixtureSource('S1', { generatedAt: '2031-01-05T08:00:00+00:00' }));
    expect(later).toEqual(now);
    const draft = buildProcedureNote(fixtureSource('S1', { status: 'draft', version: null, versions: [] }));
    expect(draft.closing.at(-1)).toBe('Generated 10 Mar 2026 10:30');
  });

  it('lists each amendment with its version, date, author and reason', () => {
    const note = buildProcedureNote(amendedSource('S1'));
    expect(sectionText(note, 'Signature and amendments')).toContain(`Version 2, 11 Mar 2026 14:05, Dr Imogen Hartley: ${AMENDMENT_V2.reason}`);
    expect(sectionText(note, 'Signature and amendments')).toContain('Record version: 2');
    expect(note.closing[0]).toBe('Entered in CryoLog 0.1.0, record version 2');
    expect(note.banner).toBeNull();
  });

  it('marks a draft, a draft amendment, a preliminary export and an entered-in-error record in the banner', () => {
    const draft = buildProcedureNote(fixtureSource('S1', { status: 'draft', version: null, versions: [], hardErrors: [{ ruleId: 'E12', message: 'Answer the complications question.' }] }));
    expect(draft.banner).toBe('DRAFT - NOT SIGNED - NOT FOR THE CLINICAL RECORD');
    expect(draft.closing).toContain('Not signed: DRAFT');
    expect(sectionText(draft, 'Signature and amendments')).toMatch(/Outstanding before sign-off \(1\):\nE12: Answer the complications question\./);

    const amending = buildProcedureNote(fixtureSource('S1', { status: 'draft', version: null, amendmentInProgress: 'Adding a delayed complication' }));
    expect(amending.banner).toBe('DRAFT AMENDMENT - NOT SIGNED - THE SIGNED VERSION STANDS');
    expect(sectionText(amending, 'Signature and amendments')).toContain('Amendment in progress: Adding a delayed complication');

    expect(buildProcedureNote(fixtureSource('S2', { status: 'preliminary', version: null, versions: [] })).banner).toBe('PRELIMINARY - NOT SIGNED - FOR INTEGRATION TESTING ONLY');

    const error = buildProcedureNote(fixtureSource('S1', { status: 'entered-in-error', enteredInError: { at: '2026-03-12T09:00:00+00:00', by: 'Dr Imogen Hartley', reason: 'Wrong patient selected' } }));
    expect(error.banner).toBe('ENTERED IN ERROR - NOT FOR CLINICAL USE - Wrong patient selected');
    expect(sectionText(error, 'Signature and amendments')).toContain('Entered in error: 12 Mar 2026 09:00 by Dr Imogen Hartley');
  });

  it('dates each follow-up and says how long after the session it is', () => {
    const text = sectionText(buildProcedureNote(fixtureSource('S1')), 'Aftercare and follow-up');
    expect(text).toContain('17 Mar 2026 (1 week): Phone call with Spasticity nurse (delayed-pain check)');
    expect(text).toContain('21 Apr 2026 (6 weeks): Clinic');
  });

  it('gives each target its local anaesthetic and the session total in mg and mg/kg', () => {
    const text = sectionText(buildProcedureNote(fixtureSource('S1')), 'Local anaesthetic');
    expect(text).toContain('Target 1: Lidocaine (plain) 1% 2 mL (20 mg)');
    expect(text).toContain('60 mg (0.88 mg/kg at 68 kg)');
    expect(formatSeconds(90)).toBe('90 s');
  });
});

function allergyRow() {
  return {
    id: '51000000-0000-4000-8000-0000000000aa',
    patientId: '51000000-0000-4000-8000-000000000001',
    seq: 1,
    createdAt: '2026-03-10T09:02:00.000Z',
    updatedAt: '2026-03-10T09:02:00.000Z',
  };
}
