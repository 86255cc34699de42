// The worker thread that lays out signed procedure-note PDFs, so the main process (every request
// of the window) is never held by pdfkit for the 40-150 ms a note takes. Long-lived: started once,
// on the first job (pdfWorkerClient.ts), it parses the fonts once and renders jobs in turn, in
// the order they arrive. Built as its own entry (electron.config.ts: out/main/pdfWorker.js).
import { parentPort } from 'node:worker_threads';
import { renderProcedureNotePdf } from './pdf/procedureNotePdf';
import type { PdfWorkerReply, PdfWorkerRequest } from './pdfJob';

parentPort?.on('message', ({ id, note, meta }: PdfWorkerRequest) => {
  let reply: PdfWorkerReply;
  try {
    reply = { id, ok: true, bytes: renderProcedureNotePdf(note, meta) };
  } catch (error) {
    reply = { id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
