// Reads PDFs the way a receiving system would: with poppler's command-line tools on a real
// file. A missing tool fails the test with how to install it (never a skip).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cryolog-pdf-'));
let counter = 0;

function run(tool: string, args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`${tool} is not installed. These tests read the PDF with poppler: install poppler-utils (apt-get install poppler-utils, brew install poppler).`, { cause: error });
    }
    throw error;
  }
}

/** Writes the PDF to a temporary file and returns its path. */
export function pdfFile(pdf: Buffer): string {
  const file = path.join(dir, `doc-${++counter}.pdf`);
  fs.writeFileSync(file, pdf);
  return file;
}

/** `pdftotext -layout`, one string per page (pages end with a form feed). */
export function pageTexts(pdf: Buffer): string[] {
  const pages = run('pdftotext', ['-layout', pdfFile(pdf), '-']).split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}

/** The whole text with runs of white space made single, so wrapped lines read as one. */
export function flatText(pdf: Buffer): string {
  return pageTexts(pdf).join(' ').replace(/\s+/g, ' ');
}

export interface PdfFont {
  name: string;
  embedded: boolean;
}

/** `pdffonts`: every font the PDF uses. */
export function pdfFonts(pdf: Buffer): PdfFont[] {
  const lines = run('pdffonts', [pdfFile(pdf)]).trim().split('\n').slice(2);
  return lines.map((line) => {
    // name type… encoding emb sub uni object ID: the last five columns are fixed.
    const cols = line.trim().split(/\s+/);
    return { name: cols[0] ?? '', embedded: cols.at(-5) === 'yes' };
  });
}

/** `pdfinfo -isodates` as key → value. */
export function pdfInfo(pdf: Buffer): Record<string, string> {
  const info: Record<string, string> = {};
  for (const line of run('pdfinfo', ['-isodates', pdfFile(pdf)]).split('\n')) {
    const m = line.match(/^([^:]+):\s*(.*)$/);
    if (m?.[1] && m[2] !== undefined) info[m[1]] = m[2];
  }
  return info;
}

export interface PdfWord {
  page: number;
  text: string;
  xMin: number;
  xMax: number;
  height: number;
}

/** `pdftotext -bbox`: every word with its page (1-based) and box. */
export function pdfWords(pdf: Buffer): PdfWord[] {
  const words: PdfWord[] = [];
  let page = 0;
  for (const line of run('pdftotext', ['-bbox', pdfFile(pdf), '-']).split('\n')) {
    if (line.includes('<page ')) page++;
    const m = line.match(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/);
    if (m) words.push({ page, text: m[5] ?? '', xMin: Number(m[1]), xMax: Number(m[3]), height: Number(m[4]) - Number(m[2]) });
  }
  return words;
}
