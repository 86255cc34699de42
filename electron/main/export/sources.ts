// Decides what an export of a stored session contains, once for every format:
// - a version number exports that signed version exactly as it was signed (its own addenda);
// - otherwise the latest signed version, as stored when it was signed;
// - a session never signed, or reopened by an amendment, exports as DRAFT text only (the
//   signed version still stands for every other format while an amendment is open);
// - a session marked entered in error exports as such, in every format.
import type { Ctx } from '../context';
import type { DB } from '../db/types';
import { stmt } from '../db/statements';
import { localNow } from '../handlers/db';
import { currentRuleConfig } from '../handlers/settings';
import { AppError, notFound } from '../ipc/appError';
import { loadSessionDocument } from '../db/repos/sessions';
import { VERSION_HASH_SQL, loadSignedVersion, readSignoff } from '../db/repos/signoff';
import { validateSession } from '../../../shared/domain/rules';
import type { SessionDocument } from '../../../shared/domain/model';
import type { SignoffState } from '../../../shared/ipc/contract';
import type { ExportSource, ExportStatus, ServiceInfo } from '../../../shared/export/source';
import type { FileFormat } from '../../../shared/export/formats';
import { readServiceInfo } from './exportSettings';

export interface SourceRequest {
  sessionId: string;
  format: FileFormat;
  version?: number | undefined;
}

export function loadExportSource(ctx: Ctx, db: DB, request: SourceRequest): ExportSource {
  const signoff = readSignoff(db, request.sessionId);
  if (!signoff) throw notFound('That session');
  const common = { appVersion: ctx.appVersion, generatedAt: localNow(ctx), service: readServiceInfo(ctx, db).value, enteredInError: signoff.enteredInError };

  const wanted = request.version ?? (signoff.version > 0 && (!signoff.amending || request.format !== 'text') ? signoff.version : null);
  if (wanted === null) {
    // Never signed, or mid-amendment and asked for text: the record as it is now, as a draft.
    const doc = loadSessionDocument(db, request.sessionId);
    if (!doc) throw notFound('That session');
    const hardErrors = validateSession(doc, currentRuleConfig(ctx), { now: common.generatedAt }).errors.map((e) => ({ ruleId: e.ruleId, message: e.message }));
    if (request.format !== 'text') throw notReady(hardErrors);
    return {
      ...common,
      doc,
      status: signoff.enteredInError ? 'entered-in-error' : 'draft',
      version: null,
      versions: signoff.versions,
      amendmentInProgress: signoff.amending ? signoff.amendmentReason : null,
      hardErrors,
    };
  }
  const doc = loadSignedVersion(db, request.sessionId, wanted);
  if (!doc) throw notFound(`Version ${wanted} of that session`);
  return { ...signedSource(doc, signoff, wanted, common), versionSha256: versionHash(db, request.sessionId, wanted) };
}

function signedSource(
  doc: SessionDocument,
  signoff: SignoffState,
  version: number,
  common: { appVersion: string; generatedAt: string; service: ServiceInfo; enteredInError: ExportSource['enteredInError'] },
): ExportSource {
  const versions = signoff.versions.filter((v) => v.version <= version);
  const status: ExportStatus = signoff.enteredInError ? 'entered-in-error' : version > 1 ? 'amended' : 'final';
  return { ...common, doc, status, version, versions, amendmentInProgress: null, hardErrors: [] };
}

function versionHash(db: DB, sessionId: string, version: number): string | null {
  const row = stmt(db, VERSION_HASH_SQL).get(sessionId, version) as { sha256: string } | undefined;
  return row?.sha256 ?? null;
}

/** What the clinician must do before anything but DRAFT text can leave CryoLog. */
export function notReady(hardErrors: readonly { ruleId: string; message: string }[]): AppError {
  const fix = hardErrors.length === 0 ? '' : ` Fix first: ${hardErrors.slice(0, 8).map((e) => `${e.ruleId}: ${e.message}`).join(' ')}${hardErrors.length > 8 ? ` And ${hardErrors.length - 8} more, listed under "Checks before sign-off".` : ''}`;
  return new AppError(
    'NOT_READY_TO_EXPORT',
    `This session is not signed, so it can only be exported as DRAFT text (the preview and Copy).${fix} Then sign it, and every format is available.`,
  );
}

/**
 * The aftercare sheet is for the patient leaving the room, often before the note is signed:
 * it is built from the record as it is now, and says only what was treated and who to call.
 */
export function loadAftercareSource(ctx: Ctx, db: DB, sessionId: string): ExportSource {
  const signoff = readSignoff(db, sessionId);
  const doc = loadSessionDocument(db, sessionId);
  if (!signoff || !doc) throw notFound('That session');
  if (signoff.enteredInError) throw new AppError('LOCKED', 'This session is marked entered in error: no aftercare sheet is printed from it.');
  const signed = signoff.version > 0 && !signoff.amending;
  return {
    doc,
    status: signed ? (signoff.version > 1 ? 'amended' : 'final') : 'draft',
    version: signed ? signoff.version : null,
    versions: signoff.versions,
    amendmentInProgress: null,
    enteredInError: null,
    hardErrors: [],
    appVersion: ctx.appVersion,
    generatedAt: localNow(ctx),
    service: readServiceInfo(ctx, db).value,
  };
}
