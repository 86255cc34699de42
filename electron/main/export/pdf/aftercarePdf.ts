// The patient's aftercare sheet as an A4 PDF, in normal print (12 pt) or large print (18 pt,
// after RNIB clear print guidance: left aligned, bold for emphasis, no italics or capitals
// blocks, black on white). Every page shows the patient's name and treatment date, and
// "Page n of m".
import type { AftercareSection, AftercareSheet } from '../../../../shared/export/aftercare';
import { FONT } from './fonts';
import {
  A4_WIDTH,
  bannerHeight,
  contentWidth,
  createPdf,
  drawBanner,
  finishPdf,
  fitOnOneLine,
  keepTogether,
  MM,
  pageBodyHeight,
  type Pdf,
  stampEveryPage,
  startPages,
  textHeight,
  type TextStyle,
  useStyle,
} from './pdfPage';

export interface AftercarePdfOptions {
  largePrint: boolean;
  generatedAt: string;
}

const INK = '#000000';
const ALERT = '#b00020';
const RULE = '#8a8a8a';
const MARGIN = 20 * MM;
const HEADER_TOP = 12 * MM;

interface Look {
  title: TextStyle;
  heading: TextStyle;
  body: TextStyle;
  headerName: TextStyle;
  headerLine: TextStyle;
  banner: TextStyle;
  /** Header lines under the name: one combined line in normal print, one fact per line in large print. */
  splitHeader: boolean;
}

function look(largePrint: boolean): Look {
  const body = largePrint ? 18 : 12;
  const header = largePrint ? 14 : 11;
  return {
    title: { font: FONT.bold, size: Math.round(body * 1.5), color: INK, lineGap: body * 0.2 },
    heading: { font: FONT.bold, size: Math.round(body * 1.3), color: INK, lineGap: body * 0.2 },
    body: { font: FONT.regular, size: body, color: INK, lineGap: body * 0.4 },
    headerName: { font: FONT.bold, size: header + 1, color: INK, lineGap: 0 },
    headerLine: { font: FONT.regular, size: header, color: INK, lineGap: 0 },
    banner: { font: FONT.bold, size: header + 1, color: '#ffffff', lineGap: 0 },
    splitHeader: largePrint,
  };
}

export function renderAftercarePdf(sheet: AftercareSheet, options: AftercarePdfOptions): Buffer {
  const L = look(options.largePrint);
  const headerLines = headerFacts(sheet, L);
  const headerH = lineHeight(L.headerName) + headerLines.length * lineHeight(L.headerLine) + 10;
  const footerH = lineHeight(L.headerLine) + 8;
  const doc = createPdf({ title: sheet.title, subject: `Aftercare for ${sheet.patient.name}, ${sheet.treatmentDate}`, generatedAt: options.generatedAt });
  const width = A4_WIDTH - 2 * MARGIN;
  const bannerH = sheet.banner ? bannerHeight(doc, sheet.banner, width, L.banner) : 0;
  const headerBottom = HEADER_TOP + headerH + (sheet.banner ? 6 + bannerH : 0);
  startPages(doc, { top: headerBottom + L.body.size, bottom: MARGIN + footerH, left: MARGIN, right: MARGIN });

  useStyle(doc, L.title).text(sheet.title, MARGIN, doc.y, { width, lineGap: L.title.lineGap });
  for (const section of sheet.sections) drawSection(doc, section, L);

  stampEveryPage(doc, (page, pages) => {
    let y = HEADER_TOP;
    doc.save().moveTo(MARGIN, y + headerH).lineTo(MARGIN + width, y + headerH).lineWidth(1).strokeColor(RULE).stroke().restore();
    useStyle(doc, fitOnOneLine(doc, L.headerName, sheet.patient.name, width)).text(sheet.patient.name, MARGIN, y, { width, lineBreak: false });
    y += lineHeight(L.headerName);
    for (const line of headerLines) {
      useStyle(doc, L.headerLine).text(line, MARGIN, y, { width, lineBreak: false });
      y += lineHeight(L.headerLine);
    }
    if (sheet.banner) drawBanner(doc, sheet.banner, { x: MARGIN, y: HEADER_TOP + headerH + 6, width }, L.banner, ALERT);
    const footerY = doc.page.height - MARGIN - footerH + 8;
    useStyle(doc, L.headerLine).text(`Page ${page} of ${pages}`, MARGIN, footerY, { width, lineBreak: false });
  });
  return finishPdf(doc);
}

function headerFacts(sheet: AftercareSheet, L: Look): string[] {
  const date = `Treatment date: ${sheet.treatmentDate}`;
  const nhs = sheet.patient.nhsNumber ? `NHS number: ${sheet.patient.nhsNumber}` : null;
  if (!nhs) return [date];
  return L.splitHeader ? [date, nhs] : [`${date}      ${nhs}`];
}

function lineHeight(style: TextStyle): number {
  return style.size * 1.25 + style.lineGap;
}

const bulletIndent = (L: Look) => L.body.size * 1.3;
const paragraphGap = (L: Look) => L.body.size * 0.35;
const headingGap = (L: Look) => L.body.size * 0.4;

function sectionHeight(doc: Pdf, section: AftercareSection, L: Look, width: number): number {
  const paragraphs = section.paragraphs.reduce((sum, p) => sum + textHeight(doc, L.body, p, width) + paragraphGap(L), 0);
  const items = section.items.reduce((sum, i) => sum + textHeight(doc, L.body, i, width - bulletIndent(L)) + paragraphGap(L), 0);
  return textHeight(doc, L.heading, section.heading, width) + headingGap(L) + paragraphs + items;
}

function drawSection(doc: Pdf, section: AftercareSection, L: Look): void {
  const width = contentWidth(doc);
  const indent = bulletIndent(L);
  doc.y += L.body.size * 1.1;
  // A short section (who to call) stays whole; a long one keeps its heading with its first lines.
  const whole = sectionHeight(doc, section, L, width);
  const firstText = section.paragraphs[0] ?? section.items[0] ?? '';
  const lead = textHeight(doc, L.heading, section.heading, width) + headingGap(L) + Math.min(textHeight(doc, L.body, firstText, width - indent), 3 * lineHeight(L.body));
  keepTogether(doc, whole <= pageBodyHeight(doc) * 0.4 ? whole : lead);
  useStyle(doc, L.heading).text(section.heading, MARGIN, doc.y, { width, lineGap: L.heading.lineGap });
  doc.y += headingGap(L);
  for (const paragraph of section.paragraphs) {
    keepTogether(doc, Math.min(textHeight(doc, L.body, paragraph, width), pageBodyHeight(doc)));
    useStyle(doc, L.body).text(paragraph, MARGIN, doc.y, { width, lineGap: L.body.lineGap });
    doc.y += paragraphGap(L);
  }
  for (const item of section.items) {
    keepTogether(doc, Math.min(textHeight(doc, L.body, item, width - indent), pageBodyHeight(doc)));
    const y = doc.y;
    useStyle(doc, L.body).text('•', MARGIN + L.body.size * 0.2, y, { lineBreak: false });
    doc.text(item, MARGIN + indent, y, { width: width - indent, lineGap: L.body.lineGap });
    doc.y += paragraphGap(L);
  }
  doc.x = MARGIN;
}
