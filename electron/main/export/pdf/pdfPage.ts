// What both PDFs (procedure note, aftercare sheet) share: an A4 document with embedded fonts
// and deterministic metadata, reading it out synchronously, keeping blocks off page breaks,
// and stamping every page afterwards (banner, "Page n of m": the total is known only at the end).
import PDFDocument from 'pdfkit';
import { documentFonts, FONT, type FontName, registerFonts } from './fonts';

export type Pdf = PDFKit.PDFDocument;

/** Points per millimetre (PDF units are 1/72 inch). */
export const MM = 72 / 25.4;
/** A4 width in points (210 mm): for measuring before the first page exists. */
export const A4_WIDTH = 595.28;

export interface PdfSetup {
  title: string;
  subject: string;
  /** The export time: the document's CreationDate, so the same input gives the same bytes. */
  generatedAt: string;
}

/** Page margins in points; top and bottom include the room kept for the stamped header and footer. */
export interface PageMargins {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** The page options of each document: every page, added by us or by text flowing on, gets the same. */
const PAGE_OPTIONS = new WeakMap<Pdf, PDFKit.PDFDocumentOptions>();

/**
 * An A4 document with the fonts registered and no page yet, so the caller can measure its
 * header (text measures without a page) before choosing the margins in startPages.
 */
export function createPdf(setup: PdfSetup): Pdf {
  const fonts = documentFonts();
  const doc = new PDFDocument({
    size: 'A4',
    autoFirstPage: false,
    bufferPages: true,
    // Without this pdfkit would load Helvetica as its starting font. The same font object as
    // registered below, so the document opens it once (as font F1, as it did from the file).
    font: fonts.regular as string,
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
  registerFonts(doc, fonts);
  doc.font(FONT.regular);
  return doc;
}

export function startPages(doc: Pdf, margins: PageMargins): void {
  const options: PDFKit.PDFDocumentOptions = { size: 'A4', margins };
  PAGE_OPTIONS.set(doc, options);
  doc.addPage(options);
}

export function newPage(doc: Pdf): void {
  doc.addPage(PAGE_OPTIONS.get(doc));
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

/** Heights already measured in each document (see textHeight). */
const HEIGHTS = new WeakMap<Pdf, Map<string, number>>();

/**
 * Measures without a page (the colour, which needs one, is left alone). Remembered per document:
 * keeping blocks whole measures the same fields and table rows two or three times (the block,
 * then each row as it is drawn), and wrapping is the costly part of laying out. The height
 * depends only on the font, size, line gap, width and text; the font is still selected, as the
 * caller may go on writing in it.
 */
export function textHeight(doc: Pdf, style: TextStyle, text: string, width: number): number {
  doc.font(style.font).fontSize(style.size);
  let heights = HEIGHTS.get(doc);
  if (!heights) HEIGHTS.set(doc, (heights = new Map()));
  const key = `${style.font}|${style.size}|${style.lineGap}|${width}|${text}`;
  let height = heights.get(key);
  if (height === undefined) {
    height = doc.heightOfString(text, { width, lineGap: style.lineGap });
    heights.set(key, height);
  }
  return height;
}

/** The largest size, up to `style.size`, at which `text` fits on one line of `width` (a long name stays whole). */
export function fitOnOneLine(doc: Pdf, style: TextStyle, text: string, width: number): TextStyle {
  let size = style.size;
  doc.font(style.font);
  while (size > 6 && doc.fontSize(size).widthOfString(text) > width) size -= 0.5;
  return { ...style, size };
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
  newPage(doc);
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

/** A filled box with bold text in it (the red DRAFT banner); its height fits the text at `width`. */
export function bannerHeight(doc: Pdf, text: string, width: number, style: TextStyle): number {
  return textHeight(doc, style, text, width - 2 * BANNER_PAD_X) + 2 * BANNER_PAD_Y;
}

export function drawBanner(doc: Pdf, text: string, at: { x: number; y: number; width: number }, style: TextStyle, fill: string): void {
  const height = bannerHeight(doc, text, at.width, style);
  doc.save().rect(at.x, at.y, at.width, height).fill(fill).restore();
  useStyle(doc, style).text(text, at.x + BANNER_PAD_X, at.y + BANNER_PAD_Y + 1, { width: at.width - 2 * BANNER_PAD_X, lineGap: style.lineGap });
}

const BANNER_PAD_X = 8;
const BANNER_PAD_Y = 5;
