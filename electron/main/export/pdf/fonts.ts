// The PDFs embed DejaVu Sans (regular and bold) for every word they print: it covers °, −, →
// and Latin accents, so "−70 °C" and "Zoë Ñúñez" render and extract as typed, and its licence
// lets it ship inside the app. pdfkit's standard 14 fonts (WinAnsi only, not embedded) are
// never used for content. Resolved at run time: the package stays external to the bundle.
//
// Parsed once per process. Given a file, pdfkit parses the whole font again for every document
// (fontkit.create: about half the time of a short note). Since 0.20 it accepts an already parsed
// fontkit Font instead (its CHANGELOG), so we parse each file once with the fontkit pdfkit itself
// depends on, and give every document its own view of it (see documentFonts).
import fs from 'node:fs';
import { createRequire } from 'node:module';

export const FONT = { regular: 'DejaVuSans', bold: 'DejaVuSans-Bold' } as const;
export type FontName = (typeof FONT)[keyof typeof FONT];

export function fontFile(name: FontName): string {
  return require.resolve(`dejavu-fonts-ttf/ttf/${name}.ttf`);
}

/** The part of a fontkit Font we rely on; `_glyphs` is its per-font glyph cache (see documentFonts). */
interface FontkitFont {
  layout(text: string): unknown;
  _glyphs?: Record<number, unknown>;
}

/** pdfkit's own fontkit (a dependency of pdfkit, not of the app), so the Font is the kind pdfkit expects. */
function fontkit(): { create(data: Uint8Array): FontkitFont } {
  return createRequire(require.resolve('pdfkit'))('fontkit') as { create(data: Uint8Array): FontkitFont };
}

const parsed = new Map<FontName, FontkitFont>();

function parsedFont(name: FontName): FontkitFont {
  let font = parsed.get(name);
  if (!font) {
    font = fontkit().create(fs.readFileSync(fontFile(name)));
    parsed.set(name, font);
  }
  return font;
}

/**
 * One document's fonts: views of the fonts parsed once, sharing their decoded tables (cmap,
 * metrics, GSUB/GPOS, glyf, all read-only) but each with its own glyph cache and layout engine.
 * Why not the parsed Font itself: fontkit caches each Glyph with the characters it was first
 * asked for (a shaped "i" + accent becomes dotless ı with the code point "i"), and pdfkit writes
 * those characters into the PDF's ToUnicode map. Shared, one patient's note could change how
 * another's text extracts; with a view every document starts as if the font were just opened,
 * so its bytes are what a fresh parse gives. The cached getters (layout engine, glyph metrics)
 * are defined on whichever object they are first read through, that is the view. Should a
 * fontkit update drop the glyph cache this relies on, each document parses its own copy again.
 */
export function documentFonts(): Record<keyof typeof FONT, PDFKit.Mixins.PDFFontSource> {
  const view = (name: FontName): PDFKit.Mixins.PDFFontSource => {
    const shared = parsedFont(name);
    const font: FontkitFont =
      shared._glyphs !== undefined ? Object.create(shared, { _glyphs: { value: {}, writable: true } }) as FontkitFont : fontkit().create(fs.readFileSync(fontFile(name)));
    // pdfkit takes a fontkit Font wherever it takes a file (its types do not say so yet).
    return font as unknown as PDFKit.Mixins.PDFFontSource;
  };
  return { regular: view(FONT.regular), bold: view(FONT.bold) };
}

export function registerFonts(doc: PDFKit.PDFDocument, fonts: Record<keyof typeof FONT, PDFKit.Mixins.PDFFontSource>): void {
  doc.registerFont(FONT.regular, fonts.regular);
  doc.registerFont(FONT.bold, fonts.bold);
}
