// The full JSON export: the session file format (docs/session-format.md) that `cryolog validate`
// and `cryolog import` read, plus, for a signed record, a copy of its signature state (the
// `signoff` block) so that `cryolog export --in` can tell a signed file from an unsigned one.
import { DocumentSignoff, type SessionDocument } from '../domain/model';
import { isSignedRecord, type ExportSource } from './source';

/**
 * The signoff block of a signed (or signed, then entered-in-error) source; undefined for a
 * draft, a preliminary file or a session entered in error before it was ever signed (its
 * session.status already says entered-in-error). Parsed, so a malformed signature state fails
 * here rather than in the file a hospital receives.
 */
export function signoffBlock(source: ExportSource, sha256?: string): DocumentSignoff | undefined {
  if (!isSignedRecord(source) || source.version === null) return undefined;
  return DocumentSignoff.parse({
    version: source.version,
    versions: source.versions.map((v) => ({ version: v.version, signedAt: v.signedAt, signer: { ...v.signer }, reason: v.reason })),
    ...(sha256 === undefined ? {} : { sha256 }),
    enteredInError: source.enteredInError,
  });
}

/** The document as exported: a signoff block from the source's facts, never one the document happened to carry. */
export function exportedDocument(source: ExportSource, options: { sha256?: string } = {}): SessionDocument {
  const { signoff: _carried, ...doc } = source.doc;
  const signoff = signoffBlock(source, options.sha256);
  return signoff ? { ...doc, signoff } : doc;
}

/**
 * Pretty JSON (two spaces, newline at the end). `sha256` is the database's hash of the signed
 * version exported, when the caller has it (ExportSource does not carry it).
 */
export function sessionJson(source: ExportSource, options: { sha256?: string } = {}): string {
  return `${JSON.stringify(exportedDocument(source, options), null, 2)}\n`;
}
