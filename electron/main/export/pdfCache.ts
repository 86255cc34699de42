// The signed procedure-note PDFs already rendered in this process, so a FHIR or HL7 export
// (which carries the PDF) and a repeated PDF export do not lay the note out again.
//
// Keyed by a SHA-256 of exactly what the PDF is rendered from (the ProcedureNote and the
// document's metadata), not by session and version: whatever changes the printed note (an
// amendment, entered in error, the addenda listed, another app version in the footer) changes
// the key, so a cached PDF can only ever be the bytes a fresh rendering would give. Only signed
// versions are cached (a draft changes with every keystroke and never leaves as PDF).
import { createHash } from 'node:crypto';
import type { ProcedureNote } from '../../../shared/export/note';
import type { ProcedureNotePdfMeta } from './pdf/procedureNotePdf';

/** A signed note is ~40 KB; 64 of them, and never more than 16 MB in all. */
const MAX_ENTRIES = 64;
const MAX_BYTES = 16 * 1024 * 1024;

const entries = new Map<string, Buffer>();
let totalBytes = 0;

export function pdfCacheKey(note: ProcedureNote, meta: ProcedureNotePdfMeta): string {
  return createHash('sha256').update(JSON.stringify([note, meta])).digest('hex');
}

/** The cached PDF for `key`, or `render()`'s, kept for next time. Each caller gets its own copy. */
export function cachedPdf(key: string, render: () => Buffer): Buffer {
  const hit = entries.get(key);
  if (hit) {
    // Most recently used last: Map keeps insertion order, so the first entry is the one to evict.
    entries.delete(key);
    entries.set(key, hit);
    return Buffer.from(hit);
  }
  const bytes = render();
  if (bytes.length <= MAX_BYTES) {
    entries.set(key, Buffer.from(bytes));
    totalBytes += bytes.length;
    for (const [oldest, old] of entries) {
      if (entries.size <= MAX_ENTRIES && totalBytes <= MAX_BYTES) break;
      entries.delete(oldest);
      totalBytes -= old.length;
    }
  }
  return bytes;
}

export function isPdfCached(key: string): boolean {
  return entries.has(key);
}

/** For the benchmark's cold figures and for tests. */
export function clearPdfCache(): void {
  entries.clear();
  totalBytes = 0;
}
