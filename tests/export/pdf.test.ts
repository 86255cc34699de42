// The procedure-note PDF as the receiving hospital reads it: text extracted by poppler, fonts,
// page size and metadata, and the identifiers and page numbers on every page.
import { describe, expect, it } from 'vitest';
import { renderProcedureNotePdf } from '../../electron/main/export/pdf/procedureNotePdf';
import { findNerve, SIDE_LABELS } from '../../shared/domain/valueSets';
import type { NoteBlock, NoteSection, ProcedureNote } from '../../shared/export/note';
import { fixtureSource } from '../helpers/exportSource';
import { noteFromSource } from './pdfNoteFixture';
import { flatText, pageTexts, pdfFonts, pdfInfo, pdfWords } from './poppler';

const source = fixtureSource('S1');
const META = { generatedAt: source.generatedAt, appVersion: '0.1.0', documentTitle: 'Cryoneurolysis procedure note' };
const NHS = '999 007 9196';
const render = (note: ProcedureNote) => renderProcedureNotePdf(note, META);

/** The note with the technique section's blocks replaced. */
function withTechnique(note: ProcedureNote, blocks: NoteBlock[]): ProcedureNote {
  const sections: NoteSection[] = note.sections.map((s) => (s.heading === 'Technique and freeze cycles' ? { ...s, blocks } : s));
  return { ...note, sections };
}

const firstTarget = (note: ProcedureNote) => {
  const block = note.sections.flatMap((s) => s.blocks).find((b) => b.kind === 'target');
  if (block?.kind !== 'target') throw new Error('the fixture note has no target');
  return block;
};

describe('procedure note PDF (S1)', () => {
  const note = noteFromSource(source);
  const pdf = render(note);
  const pages = pageTexts(pdf);

  it('puts the patient banner and "Page n of N" on every page', () => {
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, i) => {
      expect(page).toContain(NHS);
      expect(page).toContain(note.patient.name);
      expect(page).toContain(note.patient.dateOfBirth);
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
    });
  });

  it('names every treated nerve with its side, each cycle temperature with a real minus and °C, and the probe lot', () => {
    const text = flatText(pdf);
    for (const target of source.doc.targets) {
      const side = SIDE_LABELS[target.side ?? 'left'];
      expect(text).toContain(`${side} ${findNerve(target.nerve)?.label.toLowerCase()}`);
      for (const cycle of target.cycles) expect(text).toContain(`−${Math.abs(cycle.tipTempC ?? NaN)} °C`);
    }
    expect(text).toContain('−70 °C');
    expect(text).toContain('PRB-24-1187');
    for (const section of note.sections) expect(text).toContain(section.heading);
  });

  it('embeds every font it uses, and they are DejaVu (no standard 14 fonts)', () => {
    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font.embedded, font.name).toBe(true);
      expect(font.name).toMatch(/DejaVuSans/);
    }
  });

  it('is A4 with the title, author and the export time as its creation date', () => {
    const info = pdfInfo(pdf);
    expect(info['Page size']).toBe('595.28 x 841.89 pts (A4)');
    expect(info['Title']).toBe(META.documentTitle);
    expect(info['Author']).toBe('CryoLog');
    expect(info['CreationDate']).toBe('2026-03-10T10:30:00Z');
  });

  it('gives byte-identical files for the same input, and a different file for another export time', () => {
    expect(render(note).equals(pdf)).toBe(true);
    expect(renderProcedureNotePdf(note, { ...META, generatedAt: '2026-03-11T08:00:00+00:00' }).equals(pdf)).toBe(false);
  });

  it('draws nothing outside the page margins', () => {
    const right = 595.28 - 18 * (72 / 25.4);
    for (const word of pdfWords(pdf)) expect(word.xMax, word.text).toBeLessThanOrEqual(right + 0.5);
  });
});

describe('procedure note PDF, harder notes', () => {
  const base = noteFromSource(source);

  it('extracts an accented name intact on every page', () => {
    const name = "Zoë Ñúñez-O'Brien";
    const pages = pageTexts(render({ ...base, patient: { ...base.patient, name } }));
    for (const page of pages) expect(page).toContain(name);
  });

  it('runs 40 targets onto several pages, each with the red banner text and the NHS number', () => {
    const target = firstTarget(base);
    const many = Array.from({ length: 40 }, (_, i): NoteBlock => ({ ...target, title: `${i + 1}. Left musculocutaneous nerve → branch to brachialis` }));
    const note = withTechnique({ ...base, banner: 'DRAFT: not signed, not the record' }, many);
    const pages = pageTexts(render(note));
    expect(pages.length).toBeGreaterThanOrEqual(6);
    for (const page of pages) {
      expect(page).toContain('DRAFT: not signed, not the record');
      expect(page).toContain(NHS);
    }
    const text = pages.join(' ').replace(/\s+/g, ' ');
    expect(text).toContain('40. Left musculocutaneous nerve → branch to brachialis');
  });

  it('never splits a table row across pages, and repeats the header with the target named on each page the table reaches', () => {
    const target = firstTarget(base);
    const outcome = (n: number) => `Aborted: probe displaced, repositioned under ultrasound and restarted after a check end${n}`;
    const rows = Array.from({ length: 90 }, (_, i) => [`R${i + 1}`, String(i + 1), '90 s', 'Passive 30 s', '−70 °C', 'Seen', outcome(i + 1)]);
    const note = withTechnique(base, [{ ...target, cycles: { columns: target.cycles.columns, rows } }]);
    const pdf = render(note);
    const words = pdfWords(pdf);
    const pageOf = (text: string) => words.filter((w) => w.text === text).map((w) => w.page);
    for (let n = 1; n <= 90; n++) {
      const [start] = pageOf(`R${n}`);
      const [end] = pageOf(`end${n}`);
      expect(start, `row ${n}`).toBeDefined();
      expect(end, `row ${n} ends on the page it starts`).toBe(start);
    }
    const tablePages = new Set(words.filter((w) => /^R\d+$/.test(w.text)).map((w) => w.page));
    expect(tablePages.size).toBeGreaterThan(1);
    const headerPages = new Set(words.filter((w) => w.text === 'Ice').map((w) => w.page));
    for (const page of tablePages) expect(headerPages.has(page), `header on page ${page}`).toBe(true);
    // A page the table continues on says which target it belongs to.
    const texts = pageTexts(pdf);
    const titlePage = Math.min(...tablePages);
    for (const page of tablePages) if (page > titlePage) expect(texts[page - 1]).toContain(`${target.title} (continued)`);
  });

  it('wraps long free text inside the margins without losing words', () => {
    const words = Array.from({ length: 600 }, (_, i) => `word${i}`);
    const note = { ...base, sections: [...base.sections, { heading: 'Complications' as const, blocks: [{ kind: 'paragraph' as const, text: words.join(' ') }] }] };
    const pdf = render(note);
    const text = flatText(pdf);
    for (const w of [words[0], words[299], words[599]]) expect(text).toContain(` ${w} `);
    const right = 595.28 - 18 * (72 / 25.4);
    for (const word of pdfWords(pdf)) expect(word.xMax).toBeLessThanOrEqual(right + 0.5);
  });
});
