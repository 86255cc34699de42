// The PDFs embed DejaVu Sans (regular and bold) for every word they print: it covers °, −, →
// and Latin accents, so "−70 °C" and "Zoë Ñúñez" render and extract as typed, and its licence
// lets it ship inside the app. pdfkit's standard 14 fonts (WinAnsi only, not embedded) are
// never used for content. Resolved at run time: the package stays external to the bundle.
export const FONT = { regular: 'DejaVuSans', bold: 'DejaVuSans-Bold' } as const;
export type FontName = (typeof FONT)[keyof typeof FONT];

export function fontFile(name: FontName): string {
  return require.resolve(`dejavu-fonts-ttf/ttf/${name}.ttf`);
}

export function registerFonts(doc: PDFKit.PDFDocument): void {
  for (const name of Object.values(FONT)) doc.registerFont(name, fontFile(name));
}
