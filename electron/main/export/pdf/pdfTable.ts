// A real table for the PDF (the freeze cycles): columns sized to their content, a shaded
// header row, rows never split across a page, and the header repeated on each new page.
import type { NoteTable } from '../../../../shared/export/note';
import { keepTogether, type Pdf, textHeight, type TextStyle, useStyle } from './pdfPage';

export interface TableLook {
  header: TextStyle;
  cell: TextStyle;
  padding: number;
  headerFill: string;
  stripeFill: string;
  ruleColor: string;
}

/**
 * Shares `total` between columns in proportion to what each needs on one line, but never
 * below the width of its longest word, so words are not broken and short columns stay readable.
 */
export function columnWidths(natural: readonly number[], minimum: readonly number[], total: number): number[] {
  const sum = natural.reduce((a, b) => a + b, 0);
  if (sum <= 0) return natural.map(() => total / Math.max(natural.length, 1));
  const widths = natural.map((n, i) => Math.max(minimum[i] ?? 0, (n / sum) * total));
  // Taking room for the minimums makes the others shrink a little to keep the total.
  const over = widths.reduce((a, b) => a + b, 0) - total;
  if (over > 0) {
    const flexible = widths.map((w, i) => w - (minimum[i] ?? 0));
    const room = flexible.reduce((a, b) => a + b, 0);
    if (room > 0) return widths.map((w, i) => w - (over * (flexible[i] ?? 0)) / room);
  }
  return widths;
}

function measureColumns(doc: Pdf, table: NoteTable, look: TableLook, total: number): number[] {
  const pad = 2 * look.padding;
  const natural: number[] = [];
  const minimum: number[] = [];
  table.columns.forEach((title, c) => {
    useStyle(doc, look.header);
    let widest = doc.widthOfString(title);
    let longestWord = Math.max(...title.split(/\s+/).map((w) => doc.widthOfString(w)));
    useStyle(doc, look.cell);
    for (const row of table.rows) {
      const cell = row[c] ?? '';
      widest = Math.max(widest, doc.widthOfString(cell));
      longestWord = Math.max(longestWord, ...cell.split(/\s+/).map((w) => doc.widthOfString(w)));
    }
    natural.push(widest + pad);
    minimum.push(longestWord + pad);
  });
  return columnWidths(natural, minimum, total);
}

interface RowLayout {
  cells: string[];
  style: TextStyle;
  fill: string | null;
}

function rowHeight(doc: Pdf, row: RowLayout, widths: readonly number[], padding: number): number {
  const heights = widths.map((w, c) => textHeight(doc, row.style, row.cells[c] ?? '', w - 2 * padding));
  return Math.max(...heights) + 2 * padding;
}

function drawRow(doc: Pdf, row: RowLayout, x: number, widths: readonly number[], height: number, look: TableLook): void {
  const y = doc.y;
  const width = widths.reduce((a, b) => a + b, 0);
  if (row.fill) doc.save().rect(x, y, width, height).fill(row.fill).restore();
  let cx = x;
  widths.forEach((w, c) => {
    useStyle(doc, row.style).text(row.cells[c] ?? '', cx + look.padding, y + look.padding, { width: w - 2 * look.padding, lineGap: row.style.lineGap });
    cx += w;
  });
  doc.save().moveTo(x, y + height).lineTo(x + width, y + height).lineWidth(0.5).strokeColor(look.ruleColor).stroke().restore();
  doc.x = x;
  doc.y = y + height;
}

/** The table's full height at `width`, were it drawn on one page. */
export function tableHeight(doc: Pdf, table: NoteTable, width: number, look: TableLook): number {
  const widths = measureColumns(doc, table, look, width);
  const header = rowHeight(doc, { cells: table.columns, style: look.header, fill: null }, widths, look.padding);
  return table.rows.reduce((sum, cells) => sum + rowHeight(doc, { cells, style: look.cell, fill: null }, widths, look.padding), header);
}

/**
 * Draws the table at the cursor across the full `width`. `onContinued` is called after each
 * page break that separates the table from its title (before the header), to say whose it is.
 */
export function drawTable(doc: Pdf, table: NoteTable, x: number, width: number, look: TableLook, onContinued: () => void): void {
  const widths = measureColumns(doc, table, look, width);
  const header: RowLayout = { cells: table.columns, style: look.header, fill: look.headerFill };
  const headerH = rowHeight(doc, header, widths, look.padding);
  const rows: RowLayout[] = table.rows.map((cells, i) => ({ cells, style: look.cell, fill: i % 2 === 1 ? look.stripeFill : null }));
  const heights = rows.map((r) => rowHeight(doc, r, widths, look.padding));

  if (keepTogether(doc, headerH + (heights[0] ?? 0))) onContinued();
  drawRow(doc, header, x, widths, headerH, look);
  rows.forEach((row, i) => {
    const h = heights[i] ?? 0;
    if (keepTogether(doc, h)) {
      onContinued();
      drawRow(doc, header, x, widths, headerH, look);
    }
    drawRow(doc, row, x, widths, h, look);
  });
}
