// The procedure note as an A4 PDF for the notes system: the same content as the text export
// (shared/export/note.ts), laid out for reading. Every page carries the three patient
// identifiers, the status banner when the note is not the signed record, and "Page n of m".
import type { NoteBlock, NoteField, NoteSection, NoteTable, ProcedureNote } from '../../../../shared/export/note';
import { formatDateTime } from '../../../../shared/domain/parse';
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
import { drawTable, tableHeight, type TableLook } from './pdfTable';

export interface ProcedureNotePdfMeta {
  /** The document's CreationDate: the signature time for a signed version (so its PDF never changes), else the export time. */
  generatedAt: string;
  appVersion: string;
  documentTitle: string;
  /** The footer's provenance, e.g. "Record version 2, signed …"; default: "Generated <time> by CryoLog <version>." */
  footerNote?: string;
}

const INK = '#111111';
const MUTED = '#4a4a4a';
const ACCENT = '#1d3557';
const RULE = '#c5ccd6';
const ALERT = '#b00020';

const S = {
  title: { font: FONT.bold, size: 17, color: INK, lineGap: 2 },
  heading: { font: FONT.bold, size: 13, color: ACCENT, lineGap: 1 },
  targetTitle: { font: FONT.bold, size: 11, color: INK, lineGap: 1 },
  label: { font: FONT.regular, size: 9.5, color: MUTED, lineGap: 2 },
  body: { font: FONT.regular, size: 10, color: INK, lineGap: 2 },
  small: { font: FONT.regular, size: 8.5, color: MUTED, lineGap: 1.5 },
  patientName: { font: FONT.bold, size: 11, color: INK, lineGap: 0 },
  patientIds: { font: FONT.regular, size: 10, color: INK, lineGap: 0 },
  banner: { font: FONT.bold, size: 12, color: '#ffffff', lineGap: 0 },
} satisfies Record<string, TextStyle>;

const TABLE: TableLook = {
  header: { font: FONT.bold, size: 9, color: INK, lineGap: 1 },
  cell: { font: FONT.regular, size: 9.5, color: INK, lineGap: 1 },
  padding: 4,
  headerFill: '#e3e8ef',
  stripeFill: '#f5f7fa',
  ruleColor: RULE,
};

const MARGIN = 18 * MM;
const HEADER_TOP = 11 * MM;
const PATIENT_BOX_H = 36;
const GAP = 6;
const FOOTER_H = 14;
/** Clear space between the last line of content and the footer rule. */
const FOOTER_GAP = 8;
const LABEL_W = 150;
const FIELD_GAP = 3;
const LIST_INDENT = 14;
const TARGET_INDENT = 10;
const TARGET_TOP_GAP = 4;
const TARGET_TITLE_GAP = 5;
const TARGET_TABLE_GAP = 4;
const NO_CYCLES = 'No freeze cycles recorded.';
/** A heading is not left at the foot of a page without this much of its section under it. */
const KEEP_WITH_HEADING = 48;
/** Blocks up to this height move to the next page whole rather than split. */
const SHORT_BLOCK = 110;

export function renderProcedureNotePdf(note: ProcedureNote, meta: ProcedureNotePdfMeta): Buffer {
  const doc = createPdf({ title: meta.documentTitle, subject: `${note.title}: ${note.patient.name}`, generatedAt: meta.generatedAt });
  const width = A4_WIDTH - 2 * MARGIN;
  const bannerH = note.banner ? bannerHeight(doc, note.banner, width, S.banner) : 0;
  const headerBottom = HEADER_TOP + PATIENT_BOX_H + (note.banner ? GAP + bannerH : 0);
  startPages(doc, { top: headerBottom + 16, bottom: MARGIN + FOOTER_H + FOOTER_GAP, left: MARGIN, right: MARGIN });

  useStyle(doc, S.title).text(note.title, { width: contentWidth(doc), lineGap: S.title.lineGap });
  for (const section of note.sections) drawSection(doc, section);
  drawClosing(doc, note.closing);

  stampEveryPage(doc, (page, pages) => {
    drawPatientHeader(doc, note.patient);
    if (note.banner) drawBanner(doc, note.banner, { x: MARGIN, y: HEADER_TOP + PATIENT_BOX_H + GAP, width }, S.banner, ALERT);
    drawFooter(doc, `${note.title}. ${meta.footerNote ?? `Generated ${formatDateTime(meta.generatedAt)} by CryoLog ${meta.appVersion}.`}`, `Page ${page} of ${pages}`);
  });
  return finishPdf(doc);
}

function drawPatientHeader(doc: Pdf, patient: ProcedureNote['patient']): void {
  const width = contentWidth(doc);
  doc.save().rect(MARGIN, HEADER_TOP, width, PATIENT_BOX_H).fillAndStroke('#eef1f5', RULE).restore();
  useStyle(doc, fitOnOneLine(doc, S.patientName, patient.name, width - 16)).text(patient.name, MARGIN + 8, HEADER_TOP + 5, { width: width - 16, lineBreak: false });
  const ids = `Date of birth: ${patient.dateOfBirth}      NHS number: ${patient.nhsNumber}`;
  useStyle(doc, S.patientIds).text(ids, MARGIN + 8, HEADER_TOP + 20, { width: width - 16, lineBreak: false });
}

function drawFooter(doc: Pdf, left: string, right: string): void {
  const width = contentWidth(doc);
  const y = doc.page.height - MARGIN - FOOTER_H + 4;
  doc.save().moveTo(MARGIN, y - 4).lineTo(MARGIN + width, y - 4).lineWidth(0.5).strokeColor(RULE).stroke().restore();
  useStyle(doc, S.small);
  const rightW = doc.widthOfString(right) + 2;
  doc.text(left, MARGIN, y, { width: width - rightW - 12, lineBreak: false, ellipsis: true });
  useStyle(doc, S.patientIds).text(right, MARGIN + width - rightW - 20, y - 1, { width: rightW + 20, align: 'right', lineBreak: false });
}

function drawSection(doc: Pdf, section: NoteSection): void {
  const width = contentWidth(doc);
  doc.moveDown(0.9);
  const headingH = textHeight(doc, S.heading, section.heading, width);
  const first = section.blocks[0];
  // The rule and gap under the heading (7 pt) plus a few points of rounding: never a heading alone at a page foot.
  keepTogether(doc, headingH + 12 + (first ? leadHeight(doc, first) : 0));
  useStyle(doc, S.heading).text(section.heading, MARGIN, doc.y, { width, lineGap: S.heading.lineGap });
  const ruleY = doc.y + 1;
  doc.save().moveTo(MARGIN, ruleY).lineTo(MARGIN + width, ruleY).lineWidth(0.75).strokeColor(ACCENT).stroke().restore();
  doc.y = ruleY + 6;
  section.blocks.forEach((block, i) => {
    if (i > 0) doc.y += 6;
    drawBlock(doc, block);
  });
}

function drawBlock(doc: Pdf, block: NoteBlock): void {
  switch (block.kind) {
    case 'fields':
      return drawFields(doc, block.fields, MARGIN, contentWidth(doc));
    case 'paragraph':
      return drawParagraph(doc, block.text);
    case 'list':
      return drawList(doc, block.items);
    case 'target':
      return drawTarget(doc, block.title, block.fields, block.cycles);
  }
}

/**
 * How much of a block must follow its heading on the same page: a whole target when it fits
 * on a page (a short cycles table is not split), otherwise its first lines.
 */
function leadHeight(doc: Pdf, block: NoteBlock): number {
  const width = contentWidth(doc);
  switch (block.kind) {
    case 'fields': {
      const whole = block.fields.reduce((sum, f) => sum + fieldRowHeight(doc, f, width), 0);
      return whole <= SHORT_BLOCK ? whole : block.fields[0] ? fieldRowHeight(doc, block.fields[0], width) : 0;
    }
    case 'paragraph':
      return Math.min(textHeight(doc, S.body, block.text, width), KEEP_WITH_HEADING);
    case 'list':
      return Math.min(textHeight(doc, S.body, block.items[0] ?? '', width - LIST_INDENT), KEEP_WITH_HEADING);
    case 'target': {
      const whole = targetHeight(doc, block.title, block.fields, block.cycles);
      return whole <= pageBodyHeight(doc) ? whole : textHeight(doc, S.targetTitle, block.title, width - TARGET_INDENT) + KEEP_WITH_HEADING;
    }
  }
}

function fieldRowHeight(doc: Pdf, field: NoteField, width: number): number {
  return Math.max(textHeight(doc, S.label, field.label, LABEL_W), textHeight(doc, S.body, field.value, width - LABEL_W - 8)) + FIELD_GAP;
}

function targetHeight(doc: Pdf, title: string, fields: readonly NoteField[], cycles: NoteTable): number {
  const width = contentWidth(doc) - TARGET_INDENT;
  const fieldsH = fields.reduce((sum, f) => sum + fieldRowHeight(doc, f, width), 0);
  const tableH = cycles.rows.length === 0 ? textHeight(doc, S.label, NO_CYCLES, width) : tableHeight(doc, cycles, width, TABLE);
  return TARGET_TOP_GAP + textHeight(doc, S.targetTitle, title, width) + TARGET_TITLE_GAP + fieldsH + TARGET_TABLE_GAP + tableH;
}

/** Label and value side by side; a row moves to the next page whole unless it is taller than a page. */
function drawFields(doc: Pdf, fields: readonly NoteField[], x: number, width: number): void {
  const valueW = width - LABEL_W - 8;
  // A short group (a device's three lines) reads best unbroken.
  const whole = fields.reduce((sum, f) => sum + fieldRowHeight(doc, f, width), 0);
  if (whole <= SHORT_BLOCK) keepTogether(doc, whole);
  for (const field of fields) {
    keepTogether(doc, fieldRowHeight(doc, field, width) - FIELD_GAP);
    const y = doc.y;
    const page = doc.page;
    useStyle(doc, S.label).text(field.label, x, y + 0.5, { width: LABEL_W, lineGap: S.label.lineGap });
    const labelBottom = doc.y;
    useStyle(doc, S.body).text(field.value, x + LABEL_W + 8, y, { width: valueW, lineGap: S.body.lineGap });
    // A value longer than a page has flowed on and moved the cursor to a later page: keep it there.
    if (doc.page === page) doc.y = Math.max(doc.y, labelBottom);
    doc.y += FIELD_GAP;
  }
  doc.x = MARGIN;
}

function drawParagraph(doc: Pdf, text: string): void {
  const width = contentWidth(doc);
  keepTogether(doc, Math.min(textHeight(doc, S.body, text, width), 3 * 14));
  useStyle(doc, S.body).text(text, MARGIN, doc.y, { width, lineGap: S.body.lineGap });
}

function drawList(doc: Pdf, items: readonly string[]): void {
  const width = contentWidth(doc) - LIST_INDENT;
  for (const item of items) {
    const h = textHeight(doc, S.body, item, width);
    keepTogether(doc, Math.min(h, pageBodyHeight(doc)));
    const y = doc.y;
    useStyle(doc, S.body).text('•', MARGIN + 3, y, { lineBreak: false });
    doc.text(item, MARGIN + LIST_INDENT, y, { width, lineGap: S.body.lineGap });
    doc.y += 2;
  }
  doc.x = MARGIN;
}

function drawTarget(doc: Pdf, title: string, fields: readonly NoteField[], cycles: NoteTable): void {
  const x = MARGIN + TARGET_INDENT;
  const width = contentWidth(doc) - TARGET_INDENT;
  const whole = targetHeight(doc, title, fields, cycles);
  keepTogether(doc, whole <= pageBodyHeight(doc) ? whole : textHeight(doc, S.targetTitle, title, width) + KEEP_WITH_HEADING);
  doc.y += TARGET_TOP_GAP;
  const top = doc.y;
  useStyle(doc, S.targetTitle).text(title, x, top, { width, lineGap: S.targetTitle.lineGap });
  doc.save().rect(MARGIN, top - 1, 3, doc.y - top + 2).fill(ACCENT).restore();
  doc.y += TARGET_TITLE_GAP;
  drawFields(doc, fields, x, width);
  doc.y += TARGET_TABLE_GAP;
  if (cycles.rows.length === 0) {
    useStyle(doc, S.label).text(NO_CYCLES, x, doc.y, { width });
  } else {
    drawTable(doc, cycles, x, width, TABLE, () => {
      useStyle(doc, S.small).text(`${title} (continued)`, x, doc.y, { width });
      doc.y += 3;
    });
  }
  doc.x = MARGIN;
}

function drawClosing(doc: Pdf, lines: readonly string[]): void {
  if (lines.length === 0) return;
  const width = contentWidth(doc);
  const heights = lines.map((l) => textHeight(doc, S.small, l, width) + 3);
  doc.moveDown(1.2);
  keepTogether(doc, Math.min(heights.reduce((a, b) => a + b, 0) + 10, pageBodyHeight(doc)));
  doc.save().moveTo(MARGIN, doc.y).lineTo(MARGIN + width, doc.y).lineWidth(0.5).strokeColor(RULE).stroke().restore();
  doc.y += 6;
  for (const line of lines) {
    useStyle(doc, S.small).text(line, MARGIN, doc.y, { width, lineGap: S.small.lineGap });
    doc.y += 3;
  }
}
