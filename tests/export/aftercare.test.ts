// The patient's aftercare sheet: plain words built from this session only, and its PDF in
// normal and large print, read back with poppler. Also the printable HTML view.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { renderAftercarePdf } from '../../electron/main/export/pdf/aftercarePdf';
import { AftercareSheetView } from '../../renderer/src/features/export/AftercareSheetView';
import { NERVES } from '../../shared/domain/valueSets';
import { type AftercareSheet, buildAftercareSheet, longDate } from '../../shared/export/aftercare';
import { fixtureSource, TEST_SERVICE } from '../helpers/exportSource';
import { pageTexts, pdfFonts, pdfWords } from './poppler';

const sheetText = (sheet: AftercareSheet) =>
  [sheet.banner ?? '', sheet.title, sheet.patient.name, sheet.treatmentDate, ...sheet.sections.flatMap((s) => [s.heading, ...s.paragraphs, ...s.items])].join('\n');
const section = (sheet: AftercareSheet, heading: string) => {
  const found = sheet.sections.find((s) => s.heading === heading);
  if (!found) throw new Error(`no section "${heading}"`);
  return found;
};

const s1 = buildAftercareSheet(fixtureSource('S1'));
const s2 = buildAftercareSheet(fixtureSource('S2'));

describe('aftercare sheet content', () => {
  it('says what was treated by side, limb and muscle, never by nerve', () => {
    expect(s1.title).toBe('Your cryoneurolysis treatment today');
    expect(section(s1, 'What we treated today').items).toEqual(['Left arm: the muscles that bend the elbow (brachialis, biceps and brachioradialis)']);
    expect(section(s2, 'What we treated today').items).toEqual(['Right leg: the muscles that point the foot down (calf)']);
    for (const sheet of [s1, s2]) {
      const text = sheetText(sheet).toLowerCase();
      for (const nerve of NERVES) expect(text).not.toMatch(new RegExp(`\\b${nerve.label.toLowerCase()}\\b`));
      expect(text).not.toContain('nerve →');
    }
  });

  it('uses no clinical abbreviations', () => {
    for (const sheet of [s1, s2]) expect(sheetText(sheet)).not.toMatch(/\b(MAS|MTS|GAS|N2O|US|INR|DOAC|NSAIDs?|LA|GP)\b/);
  });

  it('names the patient, the date and the NHS number', () => {
    expect(s1.patient).toEqual({ name: 'Margaret Ashcombe', dateOfBirth: '19 Jul 1963', nhsNumber: '999 007 9196' });
    expect(s1.treatmentDate).toBe('Tuesday 10 March 2026');
  });

  it('tells the patient on a blood thinner to watch for bleeding, and only that patient', () => {
    const help = section(s2, 'When to get help').items.join(' ');
    expect(help).toMatch(/warfarin/i);
    expect(help).toMatch(/blood thinner/);
    expect(help).toMatch(/bleeding/i);
    // S1 takes an antiplatelet only: bleeding is still a reason to call, but no blood thinner is named.
    expect(sheetText(s1)).not.toMatch(/warfarin|blood thinner/i);
    expect(section(s1, 'When to get help').items.join(' ')).toMatch(/bleeding/i);
    const onApixaban = fixtureSource('S1');
    onApixaban.doc.session.anticoagulant = 'apixaban';
    expect(sheetText(buildAftercareSheet(onApixaban))).toMatch(/You take apixaban, a blood thinner/);
  });

  it('gives the service to call: name, phone and hours, email, out of hours', () => {
    const contact = section(s1, 'Who to contact').paragraphs.join('\n');
    expect(contact).toContain(TEST_SERVICE.serviceName);
    expect(contact).toContain(`Phone: ${TEST_SERVICE.phone} (${TEST_SERVICE.phoneHours})`);
    expect(contact).toContain(TEST_SERVICE.email);
    expect(contact).toContain(TEST_SERVICE.outOfHours);
  });

  it('lists the follow-ups in date order, or says we will be in touch when none is booked', () => {
    expect(section(s1, 'Your follow-up').items).toEqual([
      'Tuesday 17 March 2026: a phone call from us',
      'Tuesday 21 April 2026: a clinic appointment',
      'Tuesday 2 June 2026: a clinic appointment',
    ]);
    const none = buildAftercareSheet(fixtureSource('S1', { doc: { ...fixtureSource('S1').doc, followUps: [] } }));
    expect(section(none, 'Your follow-up').paragraphs).toEqual(['We will contact you with your follow-up appointment.']);
  });

  it("holds nothing from another patient's session", () => {
    const text = sheetText(s1);
    const other = fixtureSource('S2').doc;
    // Both patients happen to have reviews on 21 April and 2 June; S2's other dates are its own.
    const ownDates = new Set(fixtureSource('S1').doc.followUps.map((f) => f.date));
    const otherDates = other.followUps.filter((f) => !ownDates.has(f.date)).map((f) => longDate(f.date));
    expect(otherDates.length).toBeGreaterThan(0);
    for (const value of [other.patient.familyName ?? 'S2 family name', other.patient.givenName ?? 'S2 given name', '999 023 7573', 'Right leg', 'calf', 'warfarin', ...otherDates]) {
      expect(text).not.toContain(value);
    }
  });

  it('leaves out a target whose every cycle was aborted, and describes an unmapped one plainly', () => {
    const source = fixtureSource('S1');
    const [first, second, third] = source.doc.targets;
    if (!first || !second || !third) throw new Error('S1 has three targets');
    for (const c of third.cycles) c.outcome = 'aborted';
    first.branch = 'not-a-branch';
    const items = section(buildAftercareSheet(source), 'What we treated today').items;
    expect(items).toEqual(['Left arm: the muscles in the treated area', 'Left arm: the muscles that bend the elbow (biceps)']);
  });

  it('carries a banner when the record is not signed or was entered in error, and none when final or amended', () => {
    expect(s1.banner).toBeNull();
    expect(buildAftercareSheet(fixtureSource('S1', { status: 'amended', version: 2 })).banner).toBeNull();
    // Handed to the patient before the note is signed: a draft banner would only alarm them.
    expect(buildAftercareSheet(fixtureSource('S1', { status: 'draft', version: null })).banner).toBeNull();
    expect(buildAftercareSheet(fixtureSource('S1', { status: 'preliminary', version: null })).banner).toMatch(/^PRELIMINARY/);
    expect(buildAftercareSheet(fixtureSource('S1', { status: 'entered-in-error' })).banner).toMatch(/^ENTERED IN ERROR/);
  });
});

describe('aftercare sheet PDF', () => {
  const generatedAt = '2026-03-10T10:30:00+00:00';
  const normal = renderAftercarePdf(s1, { largePrint: false, generatedAt });
  const large = renderAftercarePdf(s1, { largePrint: true, generatedAt });

  it('shows the name, treatment date and page number on every page, and the phone number', () => {
    for (const pdf of [normal, large]) {
      const pages = pageTexts(pdf);
      pages.forEach((page, i) => {
        expect(page).toContain('Margaret Ashcombe');
        expect(page).toContain('Tuesday 10 March 2026');
        expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
      });
      expect(pages.join('\n')).toContain(TEST_SERVICE.phone);
    }
  });

  it('prints large print bigger (over 16 pt body) and on more pages than normal print', () => {
    expect(pageTexts(large).length).toBeGreaterThan(pageTexts(normal).length);
    const bodyHeight = (pdf: Buffer) => {
      const heights = pdfWords(pdf).filter((w) => w.text === 'treated').map((w) => w.height);
      return heights.sort((a, b) => a - b)[Math.floor(heights.length / 2)] ?? 0;
    };
    // A word's box is about 1.16 times the font size in DejaVu Sans.
    expect(bodyHeight(normal) / 1.16).toBeCloseTo(12, 0);
    expect(bodyHeight(large) / 1.16).toBeGreaterThanOrEqual(16);
  });

  it('embeds its fonts and keeps the preliminary banner on every page', () => {
    for (const font of pdfFonts(large)) expect(font.embedded, font.name).toBe(true);
    const draft = buildAftercareSheet(fixtureSource('S2', { status: 'preliminary', version: null }));
    expect(draft.banner).toMatch(/^PRELIMINARY/);
    const pages = pageTexts(renderAftercarePdf(draft, { largePrint: true, generatedAt }));
    for (const page of pages) expect(page.replace(/\s+/g, ' ')).toContain(draft.banner ?? 'no banner');
  });

  it('is the same file for the same sheet', () => {
    expect(renderAftercarePdf(s1, { largePrint: false, generatedAt }).equals(normal)).toBe(true);
  });
});

describe('aftercare sheet for printing from the app', () => {
  it('renders headings and lists inside the print container, with a large print class', () => {
    const html = renderToStaticMarkup(createElement(AftercareSheetView, { sheet: s2, largePrint: true }));
    expect(html).toMatch(/^<div class="aftercare-print">/);
    expect(html).toContain('class="aftercare-sheet aftercare-large"');
    expect(html).toContain('<h1>Your cryoneurolysis treatment today</h1>');
    expect(html.match(/<h2>/g)?.length).toBe(s2.sections.length);
    expect(html).toContain('<li>Right leg: the muscles that point the foot down (calf)</li>');
    expect(renderToStaticMarkup(createElement(AftercareSheetView, { sheet: s2, largePrint: false }))).not.toContain('aftercare-large');
  });
});
