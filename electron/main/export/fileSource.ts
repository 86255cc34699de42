// A session file (cryolog export --in) as an export source, without a database:
// - a file carrying a signature block (written by a signed JSON export) exports as the signed
//   record: final, amended or entered in error, as the block says;
// - an unsigned file with no hard error exports as PRELIMINARY, for a trust's integration team
//   to test their side before the first real record arrives (FHIR status, HL7 TXA-17, banners);
// - an unsigned file with hard errors exports only as DRAFT text; anything else is refused
//   with the list of what to fix.
import { validateSession } from '../../../shared/domain/rules';
import type { SessionDocument } from '../../../shared/domain/model';
import { DEFAULT_SERVICE_INFO, type ExportSource, type ExportStatus } from '../../../shared/export/source';
import type { FileFormat } from '../../../shared/export/formats';

export type FileSourceResult = { ok: true; source: ExportSource } | { ok: false; hardErrors: { ruleId: string; message: string }[] };

export function sourceFromFile(document: SessionDocument, format: FileFormat, meta: { appVersion: string; generatedAt: string }): FileSourceResult {
  const { signoff, ...doc } = document;
  const base = { doc: doc as SessionDocument, appVersion: meta.appVersion, generatedAt: meta.generatedAt, service: DEFAULT_SERVICE_INFO, amendmentInProgress: null };
  if (signoff && signoff.versions.length > 0) {
    const status: ExportStatus = signoff.enteredInError ? 'entered-in-error' : signoff.version > 1 ? 'amended' : 'final';
    return { ok: true, source: { ...base, status, version: signoff.version, versions: signoff.versions, versionSha256: signoff.sha256 ?? null, enteredInError: signoff.enteredInError, hardErrors: [] } };
  }
  const hardErrors = validateSession(base.doc, undefined, { now: meta.generatedAt }).errors.map((e) => ({ ruleId: e.ruleId, message: e.message }));
  if (hardErrors.length === 0) {
    return { ok: true, source: { ...base, status: 'preliminary', version: null, versions: [], enteredInError: null, hardErrors } };
  }
  if (format === 'text') return { ok: true, source: { ...base, status: 'draft', version: null, versions: [], enteredInError: null, hardErrors } };
  return { ok: false, hardErrors };
}
