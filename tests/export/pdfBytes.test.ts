// The PDFs' exact bytes. The SHA-256 values below were recorded with the code as it was before
// the fonts were parsed once per process (issue 7): they pin the bytes against any rendering
// change. A deliberate change to the layout must update them, and say so in its commit.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../electron/main/export/render';
import { renderAftercarePdf } from '../../electron/main/export/pdf/aftercarePdf';
import { buildAftercareSheet } from '../../shared/export/aftercare';
import type { ExportSource } from '../../shared/export/source';
import { amendedSource, fixtureSource, hostileSource } from '../helpers/exportSource';
import { longSessionSource } from '../helpers/longSession';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function named(familyName: string, givenName: string): ExportSource {
  const source = fixtureSource('S1');
  source.doc.patient.familyName = familyName;
  source.doc.patient.givenName = givenName;
  return source;
}

const enteredInError = () =>
  fixtureSource('S5', { status: 'entered-in-error', enteredInError: { at: '2026-03-12T09:00:00+00:00', by: 'Dr Imogen Hartley', reason: 'Wrong patient' } });
const aftercare = (largePrint: boolean) => renderAftercarePdf(buildAftercareSheet(fixtureSource('S1')), { largePrint, generatedAt: '2026-03-10T10:30:00+00:00' });

/** Accents typed as separate combining marks (as macOS keyboards send them): "í" is shaped from "i" + U+0301. */
const DECOMPOSED = () => named('Jime\u0301nez', 'Ini\u0301go');

describe('PDF bytes', () => {
  it('are those of a font parsed for this document alone, whatever other notes were printed before', () => {
    // fontkit shapes "i" + accent with the dotless ı glyph and remembers the first characters it
    // saw for a glyph: after "Yıldız" a shared font would map it back to "ı", not "i". Each
    // document must get its own glyph cache.
    renderPdf(named('Yıldız', 'Işıl'));
    expect(sha256(renderPdf(DECOMPOSED()))).toBe('adcf1fc4ea9761c1db62417dfb1550e9a5f0e8a86e6e34817be864865c9bbd92');
  });

  it.each([
    ['S1, final', () => renderPdf(fixtureSource('S1')), '44148fed18113f384dffa8209d7c1e29948dfe7a6a3d5a44d173ca3d82ffa4a8'],
    ['S2, amended version 2', () => renderPdf(amendedSource('S2')), '4f141685f3515a1c4c023bf9dc2adeab7996b106bff285e6689059a134c067be'],
    ['S5, entered in error', () => renderPdf(enteredInError()), 'd0e3ed7244a8a051145522a1a702398001bf41185ba1dfdab4a28d187af3626d'],
    ['S1 with hostile names and notes', () => renderPdf(hostileSource()), '3af7796e43ee157432ddbef624ddaa853db0a9816a6c26a27aa41c522dc8e177'],
    ['a long session (90 cycles)', () => renderPdf(longSessionSource()), 'dc77289fc7c3bed6ac484e00a1ca88f858d4cad9c5a81bbda373041b4edae7fe'],
    ['the aftercare sheet', () => aftercare(false), 'dbae82b6e9bc8cdd353c29c3926821187ff544485948ffb5ce0dc905b51e7071'],
    ['the large-print aftercare sheet', () => aftercare(true), '578c3ed29ba34c62138a80fecbcb2448d2a25c2a37033456d5f28fe6c06a4f08'],
  ])('are unchanged for %s, rendered twice in a row', (_name, render, expected) => {
    expect(sha256(render())).toBe(expected);
    expect(sha256(render())).toBe(expected);
  });
});
