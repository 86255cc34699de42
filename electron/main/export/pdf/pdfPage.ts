// What both PDFs (procedure note, aftercare sheet) share: an A4 document with embedded fonts
// and deterministic metadata, reading it out synchronously, keeping blocks off page breaks,
// and stamping every page afterwards (banner, "Page n of m": the total is known only at the end).
import PDFDocument from 'pdfkit';
import { FONT, fontFile, type FontName, registerFonts } from './fonts';

export type Pdf = PDFKit.PDFDocument;

/** Points per millimetre (PDF units are 1/72 inch). */
export const MM = 72 / 25.4;

export interface PdfSetup {
  title: string;
  subject: string;
  /** The export time: the document's CreationDate, so the same input gives the same bytes. */
  generatedAt: string;
  /** Page margins in points; top and bottom include the room kept for the stamped header and footer. */
  margins: { top: number; bottom: number; left: number; right: number };
}

export function createPdf(setup: PdfSetup): Pdf {
  const doc = new PDFDocument({
    size: 'A4',
    margins: setup.margins,
    bufferPages: true,
    // Without this pdfkit would load Helvetica as its starting font.
    font: fontFile(FONT.regular),
    lang: 'en-GB',
    displayTitle: true,
    info: {
      Title: setup.title,
      Author: 'CryoLog',
      Subject: setup.subject,
      Creator: 'CryoLog',
      CreationDate: new Date(setup.generatedAt),
    },
  });
  registerFonts(doc);
  doc.font(FONT.regular);
  return doc;
}

/** Ends the document and returns the whole file (pdfkit's stream is readable synchronously). */
export function finishPdf(doc: Pdf): Buffer {
  doc.end();
  const chunks: Buffer[] = [];
  let chunk: Buffer | null;
  while ((chunk = doc.read() as Buffer | null) !== null) chunks.push(chunk);
  return Buffer.concat(chunks);
}

export interface TextStyle {
  font: FontName;
  size: number;
  color: string;
  lineGap: number;
}

export function useStyle(doc: Pdf, style: TextStyle): Pdf {
  return doc.font(style.font).fontSize(style.size).fillColor(style.color);
}

export function textHeight(doc: Pdf, style: TextStyle, text: string, width: number): number {
  useStyle(doc, style);
  return doc.heightOfString(text, { width, lineGap: style.lineGap });
}

export function contentWidth(doc: Pdf): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

/** Room left on this page below the cursor. */
export function spaceLeft(doc: Pdf): number {
  return doc.page.maxY() - doc.y;
}

/** The height a block may have and still fit on an empty page. */
export function pageBodyHeight(doc: Pdf): number {
  return doc.page.maxY() - doc.page.margins.top;
}

/** Starts a new page unless `height` fits below the cursor (blocks taller than a page just flow). */
export function keepTogether(doc: Pdf, height: number): boolean {
  if (height <= spaceLeft(doc) || doc.y <= doc.page.margins.top + 0.5) return false;
  doc.addPage();
  return true;
}

/**
 * Calls `draw` once per page, after the content is laid out. The bottom margin is lifted
 * while drawing, or pdfkit would start a new page for text written in the footer.
 */
export function stampEveryPage(doc: Pdf, draw: (pageNumber: number, pageCount: number) => void): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    draw(i - start + 1, count);
    doc.page.margins.bottom = bottom;
  }
}

/** A filled box with one line of bold text in it, e.g. the red DRAFT banner. */
export function drawBannerBox(doc: Pdf, text: string, box: { x: number; y: number; width: number; height: number }, style: TextStyle, fill: string): void {
  doc.save().rect(box.x, box.y, box.width, box.height).fill(fill).restore();
  const textH = textHeight(doc, style, text, box.width - 16);
  useStyle(doc, style).text(text, box.x + 8, box.y + (box.height - textH) / 2 + 1, { width: box.width - 16, lineBreak: false, lineGap: style.lineGap });
}
