// Signed PDFs laid out in the PDF worker ahead of their export (electron/main/export/prerender.ts,
// pdfWorker.ts, pdfWorkerClient.ts): the worker's bytes are the in-process bytes; a sign-off or
// the opening of a signed session leaves the PDF in memory, and the export serves it; an answer
// for a version signed over meanwhile is dropped; a worker that cannot start changes nothing but
// where the PDF is laid out.
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/main/ipc/dispatch';
import type { Ctx } from '../../electron/main/context';
import { renderPdf, signedPdfJob } from '../../electron/main/export/render';
import { loadExportSource } from '../../electron/main/export/sources';
import { clearPdfCache, isPdfCached } from '../../electron/main/export/pdfCache';
import { prerendersSettled } from '../../electron/main/export/prerender';
import type { PdfJob, PdfRenderer } from '../../electron/main/export/pdfJob';
import { createWorkerPdfRenderer, pdfWorker, startPdfWorker } from '../../electron/main/export/pdfWorkerClient';
import type { ExportSource } from '../../shared/export/source';
import type { Channel } from '../../shared/ipc/channels';
import type { Req, Res } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';
import { fixedClock, tempDir, testContext } from '../helpers/tempDir';
import { TEST_PIN } from '../helpers/testClinician';
import { amendedSource, fixtureSource } from '../helpers/exportSource';
import { longSessionSource } from '../helpers/longSession';
import { fixtureFile } from '../tools/sessionFixtures';

function call<C extends Channel>(ctx: Ctx, channel: C, request: Req<C>): Res<C> {
  const r = dispatch(ctx, channel, request) as Result<Res<C>>;
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.data;
}

function importedS1(pdfPrerender: 'worker' | PdfRenderer): { ctx: Ctx; sessionId: string } {
  const ctx = testContext({ dbPath: path.join(tempDir(), 'cryolog.sqlite'), clock: fixedClock('2026-03-10T10:30:00.000Z'), pdfPrerender });
  const { sessionId } = call(ctx, 'importSession', { document: JSON.parse(fs.readFileSync(fixtureFile('S1'), 'utf8')) });
  return { ctx, sessionId };
}

const jobOf = (ctx: Ctx, sessionId: string) => signedPdfJob(loadExportSource(ctx, ctx.db!, { sessionId, format: 'pdf' }))!;
const pdfExport = (ctx: Ctx, sessionId: string) => Buffer.from(call(ctx, 'exportSession', { sessionId, format: 'pdf' }).content, 'base64');
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A stand-in for the worker: records each job and answers with bytes that name it, when told. */
function heldRenderer() {
  const asked: { job: PdfJob; answer(bytes: Buffer): void }[] = [];
  const render: PdfRenderer = (job) => new Promise((resolve) => asked.push({ job, answer: resolve }));
  return { asked, render };
}

const marker = (n: number) => Buffer.from(`%PDF laid out by the stand-in worker, job ${n}`);

beforeEach(() => clearPdfCache());

describe('the PDF worker', () => {
  const enteredInError = () =>
    fixtureSource('S5', { status: 'entered-in-error', enteredInError: { at: '2026-03-12T09:00:00+00:00', by: 'Dr Imogen Hartley', reason: 'Wrong patient' } });
  const named = (familyName: string, givenName: string) => {
    const source = fixtureSource('S1');
    source.doc.patient.familyName = familyName;
    source.doc.patient.givenName = givenName;
    return source;
  };

  it('lays out the same bytes as this thread, job after job in one worker', async () => {
    const worker = createWorkerPdfRenderer(startPdfWorker);
    const sources: [string, ExportSource][] = [
      ['S1', fixtureSource('S1')],
      ['S2 amended', amendedSource('S2')],
      ['S5 entered in error', enteredInError()],
      ['long session', longSessionSource()],
      // After "Yıldız" a font shared between documents would extract the decomposed "í" as "ı".
      ['Yıldız', named('Yıldız', 'Işıl')],
      ['decomposed accents', named('Jime\u0301nez', 'Ini\u0301go')],
    ];
    for (const [name, source] of sources) {
      const fromWorker = await worker.render(signedPdfJob(source)!);
      clearPdfCache();
      expect(fromWorker.equals(renderPdf(source)), name).toBe(true);
    }
    expect(worker.rendered()).toBe(sources.length);
  });

  it('is the one that laid out the PDF a sign-off leaves in memory, and the export serves it', async () => {
    const { ctx, sessionId } = importedS1('worker');
    const before = pdfWorker.rendered();
    call(ctx, 'signSession', { sessionId, secret: TEST_PIN });
    await prerendersSettled();
    expect(pdfWorker.rendered()).toBe(before + 1);
    expect(isPdfCached(jobOf(ctx, sessionId).key)).toBe(true);
    const served = pdfExport(ctx, sessionId);
    clearPdfCache();
    expect(served.equals(pdfExport(ctx, sessionId))).toBe(true);
  });
});

describe('signed PDFs prepared off the main thread', () => {
  it('serves the worker’s answer to the exports after a sign-off (PDF, and inside FHIR)', async () => {
    const held = heldRenderer();
    const { ctx, sessionId } = importedS1(held.render);
    call(ctx, 'signSession', { sessionId, secret: TEST_PIN });
    await nextTurn();
    expect(held.asked.map((a) => a.job.key)).toEqual([jobOf(ctx, sessionId).key]);
    held.asked[0]!.answer(marker(1));
    await prerendersSettled();
    expect(pdfExport(ctx, sessionId).equals(marker(1))).toBe(true);
    const fhir = call(ctx, 'exportSession', { sessionId, format: 'fhir' }).content;
    expect(fhir).toContain(marker(1).toString('base64'));
  });

  it('prepares a signed session’s PDF when the session is opened, once, and nothing for a draft', async () => {
    const held = heldRenderer();
    const { ctx, sessionId } = importedS1(held.render);
    call(ctx, 'getSession', { id: sessionId }); // a draft: nothing to prepare
    await prerendersSettled();
    expect(held.asked).toHaveLength(0);
    call(ctx, 'signSession', { sessionId, secret: TEST_PIN });
    await nextTurn();
    held.asked[0]!.answer(marker(1));
    await prerendersSettled();
    clearPdfCache(); // as after a restart: signed before this CryoLog started
    call(ctx, 'getSession', { id: sessionId });
    call(ctx, 'getSession', { id: sessionId }); // opened twice before the answer: one job
    await nextTurn();
    expect(held.asked).toHaveLength(2);
    expect(held.asked[1]!.job.key).toBe(jobOf(ctx, sessionId).key);
    held.asked[1]!.answer(marker(2));
    await prerendersSettled();
    expect(pdfExport(ctx, sessionId).equals(marker(2))).toBe(true);
    call(ctx, 'getSession', { id: sessionId }); // ready: nothing more to do
    await prerendersSettled();
    expect(held.asked).toHaveLength(2);
  });

  it('drops the answer for a version signed over meanwhile', async () => {
    const held = heldRenderer();
    const { ctx, sessionId } = importedS1(held.render);
    call(ctx, 'signSession', { sessionId, secret: TEST_PIN });
    await nextTurn();
    call(ctx, 'beginAmendment', { sessionId, reason: 'Location corrected' });
    call(ctx, 'saveFields', { entity: 'session', id: sessionId, patch: { location: 'Day unit, room 2' } });
    call(ctx, 'signSession', { sessionId, secret: TEST_PIN });
    held.asked[0]!.answer(marker(1)); // version 1's, answered once version 2 is signed
    await nextTurn();
    expect(held.asked).toHaveLength(2);
    held.asked[1]!.answer(marker(2));
    await prerendersSettled();
    expect(isPdfCached(held.asked[0]!.job.key)).toBe(false);
    expect(isPdfCached(held.asked[1]!.job.key)).toBe(true);
    expect(pdfExport(ctx, sessionId).equals(marker(2))).toBe(true);
  });

  it('drops the answer for a session marked entered in error meanwhile', async () => {
    const held = heldRenderer();
    const { ctx, sessionId } = importedS1(held.render);
    call(ctx, 'signSession', { sessionId, secret: TEST_PIN });
    await nextTurn();
    call(ctx, 'markEnteredInError', { sessionId, reason: 'Recorded against the wrong patient' });
    await nextTurn();
    held.asked[0]!.answer(marker(1));
    held.asked[1]!.answer(marker(2));
    await prerendersSettled();
    expect(isPdfCached(held.asked[0]!.job.key)).toBe(false);
    expect(pdfExport(ctx, sessionId).equals(marker(2))).toBe(true);
  });

  it.each([
    ['cannot be created', () => { throw new Error('No worker threads here'); }],
    ['fails as it starts', () => new Worker('throw new Error("The PDF worker failed to load")', { eval: true })],
  ])('lays the PDF out on the main thread when the worker %s, and keeps doing so', async (_how, start: () => Worker) => {
    const worker = createWorkerPdfRenderer(start);
    const { ctx, sessionId } = importedS1(worker.render);
    call(ctx, 'signSession', { sessionId, secret: TEST_PIN });
    await prerendersSettled();
    expect(worker.rendered()).toBe(0);
    const job = jobOf(ctx, sessionId);
    expect(isPdfCached(job.key)).toBe(true);
    const served = pdfExport(ctx, sessionId);
    clearPdfCache();
    expect(served.equals(pdfExport(ctx, sessionId))).toBe(true);
    await expect(worker.render(job)).rejects.toThrow(); // refused at once from then on
  });
});
