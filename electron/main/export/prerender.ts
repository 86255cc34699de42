// Renders a just-signed (or just-marked) version's PDF into the cache right after the answer
// has gone back, so the clinician's next export (PDF, FHIR, HL7) finds it ready. The laying
// out still takes the main thread for a few tens of milliseconds, but at a moment nobody is
// waiting on: setImmediate runs after the synchronous answer of the current request.
import type { Ctx } from '../context';
import { loadExportSource } from './sources';
import { renderPdf } from './render';

export function prerenderPdfSoon(ctx: Ctx, sessionId: string): void {
  const db = ctx.db;
  setImmediate(() => {
    // Signed out, closed or restored in the meantime: nothing to prepare.
    if (!db?.open || ctx.db !== db) return;
    try {
      const source = loadExportSource(ctx, db, { sessionId, format: 'pdf' });
      if (source.version !== null) renderPdf(source);
    } catch (error) {
      // Only an optimisation: the export renders the PDF itself, and reports any real problem.
      ctx.log.error('Preparing the signed PDF failed', error);
    }
  });
}
