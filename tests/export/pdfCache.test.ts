// The signed PDFs kept in memory (electron/main/export/pdfCache.ts): an export served from the
// cache is byte for byte what a fresh rendering gives, for the version asked and as it stands
// now (amended, entered in error); the version just signed is ready before its first export.
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/main/ipc/dispatch';
import type { Ctx } from '../../electron/main/context';
import { isPdfReady, renderPdf } from '../../electron/main/export/render';
import { loadExportSource } from '../../electron/main/export/sources';
import { cachedPdf, clearPdfCache, isPdfCached } from '../../electron/main/export/pdfCache';
import { prerendersSettled } from '../../electron/main/export/prerender';
import type { Channel } from '../../shared/ipc/channels';
import type { Req, Res } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';
import { fixedClock, tempDir, testContext } from '../helpers/tempDir';
import { TEST_PIN } from '../helpers/testClinician';
import { fixtureSource } from '../helpers/exportSource';
import { fixtureFile } from '../tools/sessionFixtures';
import { flatText } from './poppler';

function call<C extends Channel>(ctx: Ctx, channel: C, request: Req<C>): Res<C> {
  const r = dispatch(ctx, channel, request) as Result<Res<C>>;
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.data;
}

/** The end of the current request, and the prerender it asked for (in-process here). */
const afterAnswer = () => prerendersSettled();

function importedS1(): { ctx: Ctx; sessionId: string } {
  const ctx = testContext({ dbPath: path.join(tempDir(), 'cryolog.sqlite'), clock: fixedClock('2026-03-10T10:30:00.000Z') });
  const { sessionId } = call(ctx, 'importSession', { document: JSON.parse(fs.readFileSync(fixtureFile('S1'), 'utf8')) });
  return { ctx, sessionId };
}

const pdfOf = (ctx: Ctx, sessionId: string, version?: number) => Buffer.from(call(ctx, 'exportSession', { sessionId, format: 'pdf', version }).content, 'base64');

/** The PDF inside a FHIR export (the DocumentReference's application/pdf attachment). */
function pdfInFhir(ctx: Ctx, sessionId: string): Buffer {
  const bundle = JSON.parse(call(ctx, 'exportSession', { sessionId, format: 'fhir' }).content) as { entry: { resource: { resourceType: string; content?: { attachment: { contentType: string; data: string } }[] } }[] };
  const reference = bundle.entry.find((e) => e.resource.resourceType === 'DocumentReference')!.resource;
  return Buffer.from(reference.content!.find((c) => c.attachment.contentType === 'application/pdf')!.attachment.data, 'base64');
}

/** The PDF of what the session exports now, rendered from nothing. */
function freshPdf(ctx: Ctx, sessionId: string, version?: number): Buffer {
  clearPdfCache();
  return renderPdf(loadExportSource(ctx, ctx.db!, { sessionId, format: 'pdf', version }));
}

beforeEach(() => clearPdfCache());

describe('signed PDFs kept in memory', () => {
  it('has the version just signed ready once the sign-off has answered, and serves it unchanged', async () => {
    const { ctx, sessionId } = importedS1();
    call(ctx, 'signSession', { sessionId, secret: TEST_PIN });
    const source = () => loadExportSource(ctx, ctx.db!, { sessionId, format: 'fhir' });
    expect(isPdfReady(source())).toBe(false);
    await afterAnswer();
    expect(isPdfReady(source())).toBe(true);
    const served = pdfInFhir(ctx, sessionId);
    expect(served.equals(freshPdf(ctx, sessionId))).toBe(true);
  });

  it('after an amendment exports the new version, and still the first for version 1', async () => {
    const { ctx, sessionId } = importedS1();
    call(ctx, 'signSession', { sessionId, secret: TEST_PIN });
    await afterAnswer();
    const v1 = pdfInFhir(ctx, sessionId);
    call(ctx, 'beginAmendment', { sessionId, reason: 'Location corrected' });
    call(ctx, 'saveFields', { entity: 'session', id: sessionId, patch: { location: 'Day unit, room 2' } });
    // While the amendment is open the signed version 1 stands.
    expect(pdfInFhir(ctx, sessionId).equals(v1)).toBe(true);
    call(ctx, 'signSession', { sessionId, secret: TEST_PIN });
    const v2 = pdfInFhir(ctx, sessionId); // before the prerender: whatever is cached must not be version 1's
    expect(v2.equals(v1)).toBe(false);
    expect(flatText(v2)).toMatch(/Record version 2, signed/);
    expect(flatText(v2)).toContain('Day unit, room 2');
    expect(pdfOf(ctx, sessionId, 1).equals(v1)).toBe(true);
    expect(v2.equals(freshPdf(ctx, sessionId))).toBe(true);
    await afterAnswer();
  });

  it('marks a signed session entered in error in its PDF from the moment it is marked', async () => {
    const { ctx, sessionId } = importedS1();
    call(ctx, 'signSession', { sessionId, secret: TEST_PIN });
    await afterAnswer();
    const before = pdfOf(ctx, sessionId);
    call(ctx, 'markEnteredInError', { sessionId, reason: 'Recorded against the wrong patient' });
    const marked = pdfOf(ctx, sessionId);
    expect(marked.equals(before)).toBe(false);
    expect(flatText(marked)).toContain('ENTERED IN ERROR');
    expect(flatText(before)).not.toContain('ENTERED IN ERROR');
    expect(marked.equals(freshPdf(ctx, sessionId))).toBe(true);
    await afterAnswer();
    expect(isPdfReady(loadExportSource(ctx, ctx.db!, { sessionId, format: 'pdf' }))).toBe(true);
  });

  it('keys on everything printed: another app version in the footer is another PDF', () => {
    const first = renderPdf(fixtureSource('S1'));
    const later = fixtureSource('S1', { appVersion: '0.2.0' });
    expect(isPdfReady(later)).toBe(false);
    const served = renderPdf(later);
    expect(served.equals(first)).toBe(false);
    clearPdfCache();
    expect(served.equals(renderPdf(later))).toBe(true);
  });

  it('never keeps an unsigned note (preliminary, from the command line)', () => {
    const preliminary = fixtureSource('S1', { status: 'preliminary', version: null, versions: [] });
    renderPdf(preliminary);
    expect(isPdfReady(preliminary)).toBe(false);
  });
});

describe('the cache itself', () => {
  const bytes = (n: number) => Buffer.from(`pdf ${n}`);

  it('gives each caller its own copy', () => {
    cachedPdf('k', () => bytes(1)).fill(0);
    const again = cachedPdf('k', () => bytes(2));
    expect(again.toString()).toBe('pdf 1');
  });

  it('keeps the 64 most recently used', () => {
    for (let i = 0; i < 64; i++) cachedPdf(`k${i}`, () => bytes(i));
    cachedPdf('k0', () => bytes(-1)); // used again: now the newest
    cachedPdf('k64', () => bytes(64));
    expect(isPdfCached('k0')).toBe(true);
    expect(isPdfCached('k1')).toBe(false);
    expect(isPdfCached('k2')).toBe(true);
    expect(isPdfCached('k64')).toBe(true);
  });
});
