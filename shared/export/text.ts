// The paste-ready text of the procedure note. It must survive any notes box, so:
// - ASCII punctuation only: older notes boxes turn "−" and "°" into "?", so a temperature is
//   written "-70 deg C" ("deg C" cannot be misread, and a hyphen-minus before a number is
//   always read as minus), an arrow "->", dashes "-", quotes straight;
// - letters stay as recorded: a patient's name is never transliterated (Zoë stays Zoë);
// - short lines (72 characters, wrapped at spaces with a hanging indent), \n line breaks, no
//   tabs, no trailing spaces, and one line per freeze cycle rather than a wide table;
// - no control characters and no bidi overrides (U+202A–U+202E, U+2066–U+2069) from free
//   text, so a pasted note cannot be visually reordered or hide text.
import type { NoteBlock, NoteField, NoteTable, ProcedureNote } from './note';

export const TEXT_WIDTH = 72;

// ── Characters ──────────────────────────────────────────────────────────────────────────────

const SYMBOLS: [RegExp, string][] = [
  [/ ?[°º˚] ?C\b/g, ' deg C'],
  [/ ?[°º˚]/g, ' deg'],
  [/[\u2212\u2010-\u2015\uFE63\uFF0D]/g, '-'],
  [/\u2192/g, '->'],
  [/\u2190/g, '<-'],
  [/\u21D2/g, '=>'],
  [/[\u2018\u2019\u201A\u201B\u2032]/g, "'"],
  [/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"'],
  [/\u00D7/g, 'x'],
  [/\u2026/g, '...'],
  [/\u2264/g, '<='],
  [/\u2265/g, '>='],
  [/\u00B1/g, '+/-'],
  [/[\u2022\u00B7]/g, '*'],
  [/\u2044/g, '/'],
];

/** Any other symbol outside ASCII: its compatibility form when that is ASCII ("½" → "1/2", "™" → "TM"). */
function compatibilityAscii(text: string): string {
  return text.replace(/[\u0080-\u{10FFFF}]/gu, (ch) => {
    if (!/[\p{P}\p{S}\p{No}]/u.test(ch)) return ch;
    const compat = ch.normalize('NFKC').replace(/\u2044/g, '/');
    return /^[\x20-\x7E]+$/.test(compat) ? compat : ch;
  });
}

/**
 * Free text made safe to paste: line breaks as \n, tabs as spaces, control characters and
 * invisible format characters (bidi overrides and isolates, zero-width marks) removed.
 */
export function cleanText(text: string): string {
  return (
    text
      .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
      .replace(/\t/g, ' ')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g, '')
      .replace(/\p{Cf}/gu, '')
      .replace(/\p{Zs}/gu, ' ')
  );
}

/** Symbols as plain ASCII (see the top of this file); letters, accented or not, are kept. */
export function asciiSymbols(text: string): string {
  return compatibilityAscii(SYMBOLS.reduce((t, [pattern, ascii]) => t.replace(pattern, ascii), text));
}

const plain = (text: string): string => asciiSymbols(cleanText(text));

// ── Lines ───────────────────────────────────────────────────────────────────────────────────

// A number and its unit, both sides of an arrow, a score and its name (MAS, R1) and a
// registration body and its number stay on one line: "MAS 3 ->" / "1+" or "GMC" / "9990011"
// split over two lines misleads.
const UNIT = /^(deg|C|s|mA|ms|Hz|mm|mL|kg|mg|G|x|->)$/;
const GLUES_NEXT = /^(->|GMC|NMC|HCPC|x|MAS|R1|R2|X)$/;

function unbreakable(words: string[]): string[] {
  const chunks: string[] = [];
  let previous = '';
  for (const word of words) {
    const last = chunks.length - 1;
    if (last >= 0 && (UNIT.test(word.replace(/[.,;:)]+$/, '')) || GLUES_NEXT.test(previous))) chunks[last] = `${chunks[last]} ${word}`;
    else chunks.push(word);
    previous = word;
  }
  return chunks;
}

/**
 * `text` (which may hold line breaks) as lines of at most TEXT_WIDTH characters: the first
 * starts with `first`, the rest with `rest`. A word longer than a line is left whole.
 */
export function wrap(text: string, first = '', rest = first): string[] {
  const out: string[] = [];
  plain(text)
    .split('\n')
    .forEach((paragraph, i) => {
      let line = i === 0 ? first : rest;
      let empty = true;
      for (const word of unbreakable(paragraph.split(' ').filter((w) => w !== ''))) {
        if (!empty && line.length + 1 + word.length > TEXT_WIDTH) {
          out.push(line);
          line = rest + word;
        } else line = empty ? line + word : `${line} ${word}`;
        empty = false;
      }
      out.push(line.trimEnd());
    });
  return out;
}

const fieldLines = (f: NoteField, indent: string): string[] => wrap(`${f.label}: ${f.value}`, indent, `${indent}  `);

/** A column title's unit, "(s)" in "Freeze (s)", goes after a numeric cell: "90 s". */
function cellText(column: string, cell: string): string {
  const unit = column.match(/\(([^)]+)\)$/)?.[1];
  return unit && /^[-−]?\d+(\.\d+)?$/.test(cell) ? `${cell} ${unit}` : cell;
}

const columnName = (column: string): string => column.replace(/\s*\([^)]*\)$/, '').toLowerCase();

/** One line per cycle, "Site 1, cycle 2: 90 s, passive 30 s, -72 deg C, seen, completed", after a legend line. */
function tableLines(table: NoteTable, indent: string): string[] {
  if (table.rows.length === 0) return wrap('No freeze cycle recorded.', indent);
  const [first, second, ...rest] = table.columns;
  const lines = wrap(`Cycles (${rest.map(columnName).join(', ')}):`, indent, `${indent}  `);
  for (const row of table.rows) {
    const head = `${first ?? ''} ${row[0] ?? ''}, ${columnName(second ?? '')} ${row[1] ?? ''}`;
    const cells = rest.map((column, i) => cellText(column, row[i + 2] ?? ''));
    lines.push(...wrap(`${head}: ${cells.join(', ')}`, indent, `${indent}  `));
  }
  return lines;
}

function blockLines(block: NoteBlock): string[] {
  switch (block.kind) {
    case 'fields':
      return block.fields.flatMap((f) => fieldLines(f, ''));
    case 'paragraph':
      return wrap(block.text);
    case 'list':
      return block.items.flatMap((item) => wrap(item, '- ', '  '));
    case 'target':
      return [...wrap(block.title, '', '   '), ...block.fields.flatMap((f) => fieldLines(f, '   ')), ...tableLines(block.cycles, '   ')];
  }
}

/** A list reads as part of the paragraph that introduces it; other blocks stand apart. */
const joinsPrevious = (block: NoteBlock, previous: NoteBlock | undefined): boolean =>
  previous !== undefined && ((block.kind === 'list' && previous.kind === 'paragraph') || (block.kind === 'fields' && previous.kind === 'fields'));

export function renderNoteText(note: ProcedureNote): string {
  const lines: string[] = [];
  if (note.banner) lines.push(...wrap(note.banner));
  lines.push(...wrap(note.title.toUpperCase()));
  for (const section of note.sections) {
    lines.push('', plain(section.heading.toUpperCase()));
    section.blocks.forEach((block, i) => {
      if (i > 0 && !joinsPrevious(block, section.blocks[i - 1])) lines.push('');
      lines.push(...blockLines(block));
    });
  }
  if (note.closing.length > 0) lines.push('', ...note.closing.flatMap((line) => wrap(line)));
  return `${lines.map((l) => l.trimEnd()).join('\n')}\n`;
}
