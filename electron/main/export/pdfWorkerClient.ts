// Sends PDF jobs to the one long-lived PDF worker (pdfWorker.ts) and turns its answers into
// promises. Why one worker for the process rather than one per PDF: a new worker loads pdfkit and
// parses both DejaVu fonts before it can draw (about as long again as a short note), and 20
// sign-offs in a morning would pay that 20 times; one worker pays it once and answers in turn.
// It is started on the first job, not at start, and holds the process open only while a job is
// under way (CLI and tests exit as before). If it cannot start or dies, every job after that is
// refused at once and the caller lays the PDF out on the main thread, as before the worker.
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../integrity/runInWorker';
import type { PdfJob, PdfRenderer, PdfWorkerReply, PdfWorkerRequest } from './pdfJob';

export interface WorkerPdfRenderer {
  render: PdfRenderer;
  /** PDFs this worker has answered with, for tests and the benchmark. */
  rendered(): number;
}

interface Waiting {
  resolve(bytes: Buffer): void;
  reject(error: Error): void;
}

export function createWorkerPdfRenderer(start: () => Worker): WorkerPdfRenderer {
  let worker: Worker | null = null;
  let broken: Error | null = null;
  let nextId = 1;
  let rendered = 0;
  const waiting = new Map<number, Waiting>();

  function fail(error: Error): void {
    broken = error;
    worker = null;
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  }

  function started(): Worker {
    if (worker) return worker;
    const w = start();
    w.unref();
    w.on('message', (reply: PdfWorkerReply) => {
      const asked = waiting.get(reply.id);
      if (!asked) return;
      waiting.delete(reply.id);
      if (waiting.size === 0) w.unref();
      if (reply.ok) {
        rendered += 1;
        asked.resolve(Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.byteLength));
      } else asked.reject(new Error(reply.message));
    });
    w.on('error', (error) => fail(error));
    w.on('exit', (code) => fail(new Error(`The PDF worker stopped (exit code ${code}).`)));
    worker = w;
    return w;
  }

  return {
    rendered: () => rendered,
    render: (job: PdfJob) =>
      new Promise<Buffer>((resolve, reject) => {
        if (broken) return reject(broken);
        try {
          const w = started();
          const id = nextId++;
          waiting.set(id, { resolve, reject });
          // Held open while a job is under way: a script awaiting its PDF must not exit first.
          w.ref();
          w.postMessage({ id, note: job.note, meta: job.meta } satisfies PdfWorkerRequest);
        } catch (error) {
          fail(error instanceof Error ? error : new Error(String(error)));
          reject(broken!);
        }
      }),
  };
}

/** The PDF worker's thread (found built or from source as every worker entry is: integrity/runInWorker.ts). */
export function startPdfWorker(): Worker {
  return startWorker('pdfWorker', undefined);
}

/** The process's PDF worker, started by its first job. */
export const pdfWorker: WorkerPdfRenderer = createWorkerPdfRenderer(startPdfWorker);
