// One function turns an ExportSource into the bytes of any format. The FHIR DocumentReference
// and the HL7 OBX carry the same PDF and text the clinician can save on their own, so every
// format says the same thing. Everything here is synchronous and deterministic: the same
// source (with the same generation time) gives the same bytes from the app and the command line.
import { createHash } from 'node:crypto';
import { latestSignature, type ExportSource } from '../../../shared/export/source';
import { formatDateTime } from '../../../shared/domain/parse';
import { FORMAT_INFO, type FileFormat } from '../../../shared/export/formats';
import { buildProcedureNote } from '../../../shared/export/procedureNote';
import { renderNoteText } from '../../../shared/export/text';
import { buildFhirBundle } from '../../../shared/export/fhir/bundle';
import { buildMdmT02 } from '../../../shared/export/hl7/mdmT02';
import { cycleCsvRows, toCsv } from '../../../shared/export/csv';
import { sessionJson } from '../../../shared/export/json';
import { buildAftercareSheet } from '../../../shared/export/aftercare';
import { renderProcedureNotePdf, type ProcedureNotePdfMeta } from './pdf/procedureNotePdf';
import { cachedPdf, isPdfCached, pdfCacheKey } from './pdfCache';
import type { ProcedureNote } from '../../../shared/export/note';
import { renderAftercarePdf } from './pdf/aftercarePdf';
import { AppError } from '../ipc/appError';
import type { PdfJob } from './pdfJob';

export interface RenderOptions {
  /** Start CSV with a UTF-8 byte-order mark (Excel). */
  csvByteOrderMark: boolean;
}

export interface Rendered {
  bytes: Buffer;
  mimeType: string;
}

export function renderText(source: ExportSource): string {
  return renderNoteText(buildProcedureNote(source));
}

function pdfMeta(source: ExportSource): ProcedureNotePdfMeta {
  const p = source.doc.patient;
  const signed = source.version !== null ? latestSignature(source) : undefined;
  return {
    // A signed version's PDF is the same file whenever and wherever it is made (app or command line).
    generatedAt: signed?.signedAt ?? source.generatedAt,
    footerNote: signed
      ? `Record version ${source.version}, signed ${formatDateTime(signed.signedAt)}. CryoLog ${source.appVersion}.`
      : `Generated ${formatDateTime(source.generatedAt)} by CryoLog ${source.appVersion}.`,
    appVersion: source.appVersion,
    documentTitle: `Cryoneurolysis procedure note, ${[p.familyName?.toUpperCase(), p.givenName].filter(Boolean).join(', ')}, ${source.doc.session.startedAt.slice(0, 10)}`,
  };
}

/**
 * A signed version's PDF comes from the cache when it was rendered before (pdfCache.ts says why
 * that is always the same bytes); anything unsigned is rendered every time.
 */
export function renderPdf(source: ExportSource, note: ProcedureNote = buildProcedureNote(source)): Buffer {
  const meta = pdfMeta(source);
  const render = () => renderProcedureNotePdf(note, meta);
  return source.version === null ? render() : cachedPdf(pdfCacheKey(note, meta), render);
}

/** Whether the export of this signed version would find its PDF already rendered. */
export function isPdfReady(source: ExportSource): boolean {
  return source.version !== null && isPdfCached(pdfCacheKey(buildProcedureNote(source), pdfMeta(source)));
}

/** What a signed version's PDF is drawn from, to be laid out ahead of its export; null for anything unsigned. */
export function signedPdfJob(source: ExportSource): PdfJob | null {
  if (source.version === null) return null;
  const note = buildProcedureNote(source);
  const meta = pdfMeta(source);
  return { key: pdfCacheKey(note, meta), note, meta };
}

/** Lays the job out on this thread (the fallback), or finds it already laid out; kept for its export. */
export function renderPdfJob(job: PdfJob): Buffer {
  return cachedPdf(job.key, () => renderProcedureNotePdf(job.note, job.meta));
}

/** Keeps a PDF laid out elsewhere (the PDF worker) for the export of its job. */
export function keepRenderedPdf(job: PdfJob, bytes: Buffer): void {
  cachedPdf(job.key, () => bytes);
}

/** MSH-10 (at most 20 characters): unique per session, version and moment of export. */
export function messageControlId(source: ExportSource): string {
  return createHash('sha256').update(`${source.doc.session.id}|${source.version ?? 'draft'}|${source.generatedAt}`).digest('hex').slice(0, 20).toUpperCase();
}

export function renderExport(source: ExportSource, format: FileFormat, options: RenderOptions): Rendered {
  const utf8 = (text: string): Rendered => ({ bytes: Buffer.from(text, 'utf8'), mimeType: FORMAT_INFO[format].mimeType });
  // A draft is never mistaken for the record: only its text leaves CryoLog, with DRAFT on line one.
  if (source.status === 'draft' && format !== 'text' && !format.startsWith('aftercare')) {
    throw new AppError('NOT_READY_TO_EXPORT', 'A draft can only be exported as text. Sign the session first.');
  }
  switch (format) {
    case 'text':
      return utf8(renderText(source));
    case 'pdf':
      return { bytes: renderPdf(source), mimeType: FORMAT_INFO.pdf.mimeType };
    case 'fhir': {
      const note = buildProcedureNote(source);
      const bundle = buildFhirBundle(source, { pdfBase64: renderPdf(source, note).toString('base64'), text: renderNoteText(note) });
      return utf8(`${JSON.stringify(bundle, null, 2)}\n`);
    }
    case 'hl7v2': {
      const note = buildProcedureNote(source);
      return utf8(buildMdmT02(source, { text: renderNoteText(note), pdfBase64: renderPdf(source, note).toString('base64') }, { messageControlId: messageControlId(source) }));
    }
    case 'csv':
      return utf8(toCsv(cycleCsvRows(source), { header: true, bom: options.csvByteOrderMark }));
    case 'json':
      return utf8(sessionJson(source, source.versionSha256 ? { sha256: source.versionSha256 } : {}));
    case 'aftercare-pdf':
    case 'aftercare-pdf-large':
      return {
        bytes: renderAftercarePdf(buildAftercareSheet(source), { largePrint: format === 'aftercare-pdf-large', generatedAt: source.generatedAt }),
        mimeType: FORMAT_INFO[format].mimeType,
      };
  }
}
