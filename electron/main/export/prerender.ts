// Renders a just-signed (or just-marked, or just-opened) version's PDF ahead of its export, so
// the clinician's next export (PDF, FHIR, HL7) finds it ready. dispatch is synchronous: an export
// cannot wait for a worker, so the PDF must be in memory before it is asked for.
//
// The main thread only builds the job (the note and its metadata, a few milliseconds, after the
// current request has answered: setImmediate); the laying out (40-150 ms) happens in the PDF
// worker when the context has one (the app), else here (CLI, tests), or here too when the worker
// cannot start. An export asked for before the worker answers lays the PDF out itself: correct,
// only slower.
import type { Ctx } from '../context';
import type { DB } from '../db/types';
import { readSignoff } from '../db/repos/signoff';
import { isPdfCached } from './pdfCache';
import { loadExportSource } from './sources';
import { keepRenderedPdf, renderPdfJob, signedPdfJob } from './render';

/**
 * The job each session's newest prerender is for; PENDING from the moment its signature changes
 * until that job is built. An answer is kept only while it is still the session's newest, so a
 * version signed (or marked entered in error) meanwhile never gets the older PDF.
 */
const PENDING = 'pending';
const newest = new Map<string, string>();
const underWay = new Set<Promise<void>>();
/** Jobs sent to the worker and not answered yet: opening a session twice sends its job once. */
const inFlight = new Set<string>();

export function prerenderPdfSoon(ctx: Ctx, sessionId: string): void {
  const db = ctx.db;
  newest.set(sessionId, PENDING);
  const done: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
    .then(() => prerender(ctx, db, sessionId))
    .catch((error: unknown) => {
      // Only an optimisation: the export renders the PDF itself, and reports any real problem.
      ctx.log.error('Preparing the signed PDF failed', error);
    })
    .finally(() => underWay.delete(done));
  underWay.add(done);
}

/** Resolves once every prerender asked for so far has kept its PDF or given up (tests, benchmark). */
export async function prerendersSettled(): Promise<void> {
  while (underWay.size > 0) await Promise.all([...underWay]);
}

async function prerender(ctx: Ctx, db: DB | null, sessionId: string): Promise<void> {
  // Signed out, closed or restored in the meantime: nothing to prepare.
  if (!stillOpen(ctx, db) || newest.get(sessionId) !== PENDING) return;
  // Never signed (e.g. a draft just opened): nothing to prepare, and no rules run for nothing.
  if (!(readSignoff(db, sessionId)?.version ?? 0)) return forget(sessionId, PENDING);
  const job = signedPdfJob(loadExportSource(ctx, db, { sessionId, format: 'pdf' }));
  if (!job || isPdfCached(job.key)) return forget(sessionId, PENDING);
  newest.set(sessionId, job.key);
  if (inFlight.has(job.key)) return; // its answer is kept, being the newest again
  const wanted = () => stillOpen(ctx, db) && newest.get(sessionId) === job.key;
  if (ctx.pdfRenderer) {
    inFlight.add(job.key);
    try {
      const bytes = await ctx.pdfRenderer(job);
      if (wanted()) keepRenderedPdf(job, bytes);
      return forget(sessionId, job.key);
    } catch (error) {
      ctx.log.error('The PDF worker did not render the signed PDF; rendering it here instead', error);
      // Yield once more: a failure answered at once must still not hold the current request.
      await new Promise<void>((resolve) => setImmediate(resolve));
    } finally {
      inFlight.delete(job.key);
    }
  }
  if (wanted()) renderPdfJob(job);
  forget(sessionId, job.key);
}

function stillOpen(ctx: Ctx, db: DB | null): db is DB {
  return !!db?.open && ctx.db === db;
}

function forget(sessionId: string, key: string): void {
  if (newest.get(sessionId) === key) newest.delete(sessionId);
}
