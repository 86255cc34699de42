// What a signed note's PDF is drawn from, as one plain, structured-clonable job: the main thread
// builds it (milliseconds), and whoever lays it out (the PDF worker, or this thread as the
// fallback) gets exactly the same input, so the bytes are the same wherever they are made.
import type { ProcedureNote } from '../../../shared/export/note';
import type { ProcedureNotePdfMeta } from './pdf/procedureNotePdf';

export interface PdfJob {
  /** pdfCacheKey(note, meta): where the answer goes in the cache. */
  key: string;
  note: ProcedureNote;
  meta: ProcedureNotePdfMeta;
}

/** Lays a job out somewhere other than the main thread; rejects when it cannot. */
export type PdfRenderer = (job: PdfJob) => Promise<Buffer>;

/** Main thread → PDF worker. */
export interface PdfWorkerRequest {
  id: number;
  note: ProcedureNote;
  meta: ProcedureNotePdfMeta;
}

/** PDF worker → main thread: one answer per request, in the order asked. */
export type PdfWorkerReply = { id: number; ok: true; bytes: Uint8Array } | { id: number; ok: false; message: string };
