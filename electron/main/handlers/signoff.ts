import type { Handler } from './index';
import { localNow, requireDb, stamp } from './db';
import { AppError, notFound } from '../ipc/appError';
import { loadSessionDocument } from '../db/repos/sessions';
import { beginAmendment, loadSignedVersion, markEnteredInError, readSignoff, signSession } from '../db/repos/signoff';
import { currentRuleConfig } from './settings';
import { validateSession } from '../../../shared/domain/rules';
import { backupInBackground } from '../backup/schedule';
import { prerenderPdfSoon } from '../export/prerender';
import { confirmSecret, requireSignedIn } from '../auth/authSession';
import type { Account } from '../../../shared/ipc/authContract';
import type { Signer } from '../../../shared/ipc/contract';

/** The signature is the signed-in account's: its name, job title and professional registration. */
function signerOf(account: Account): Signer {
  if (!account.registrationBody || !account.registrationNumber) {
    throw new AppError('NOT_READY_TO_SIGN', 'Not signed: your account has no professional registration (GMC, NMC, HCPC…). Ask an administrator to add it in Settings → Accounts.');
  }
  return { name: account.displayName, role: account.jobTitle, registrationBody: account.registrationBody, registrationNumber: account.registrationNumber };
}

export const signoffHandlers: {
  getSignoff: Handler<'getSignoff'>;
  signSession: Handler<'signSession'>;
  beginAmendment: Handler<'beginAmendment'>;
  getSignedVersion: Handler<'getSignedVersion'>;
  markEnteredInError: Handler<'markEnteredInError'>;
} = {
  getSignoff: (ctx, { sessionId }) => {
    const state = readSignoff(requireDb(ctx), sessionId);
    if (!state) throw notFound('That session');
    return state;
  },

  // The main process decides: the same rules, with the service's thresholds, must find no hard
  // error and no unacknowledged warning, whatever the window showed.
  signSession: (ctx, { sessionId, secret }) => {
    const db = requireDb(ctx);
    const doc = loadSessionDocument(db, sessionId);
    const state = readSignoff(db, sessionId);
    if (!doc || !state) throw notFound('That session');
    if (state.enteredInError) throw new AppError('LOCKED', 'This session is marked entered in error; it is kept as it is and cannot be signed.');
    if (state.signedAt && !state.amending) {
      throw new AppError('LOCKED', `This session is already signed (version ${state.version}). To change it, start an amendment with a reason.`);
    }
    const report = validateSession(doc, currentRuleConfig(ctx), { now: localNow(ctx) });
    if (!report.readyToSign) {
      throw new AppError(
        'NOT_READY_TO_SIGN',
        `Not signed yet: ${report.errors.length} problem(s) to fix and ${report.unacknowledgedWarnings} warning(s) to acknowledge first. They are listed under "Checks before sign-off".`,
      );
    }
    // Last, once the record is known to be ready: a wrong PIN counts towards the hold, a record that is not ready does not.
    const signer = signerOf(confirmSecret(ctx, secret));
    db.transaction(() => signSession(db, sessionId, signer, stamp(ctx), state.amending ? state.amendmentReason : null))();
    // A verified copy of every signature (reliability.md R8), in the background: the answer
    // does not wait, and a failure is logged and shown in the backup status, never here.
    backupInBackground(ctx, 'sign-off');
    // The new version's PDF, ready for the first export (FHIR and HL7 carry it).
    prerenderPdfSoon(ctx, sessionId);
    return readSignoff(db, sessionId)!;
  },

  beginAmendment: (ctx, { sessionId, reason }) => {
    const by = requireSignedIn(ctx).displayName; // the record names a person; the audit entry also names the account
    const db = requireDb(ctx);
    const state = readSignoff(db, sessionId);
    if (!state) throw notFound('That session');
    if (state.enteredInError) throw new AppError('LOCKED', 'This session is marked entered in error; it is kept as it is and cannot be amended.');
    if (!state.signedAt) throw new AppError('INVALID_PAYLOAD', 'This session is not signed yet, so it can be changed directly; no amendment is needed.');
    if (state.amending) throw new AppError('INVALID_PAYLOAD', `An amendment is already open (${state.amendmentReason ?? 'no reason'}). Make the change, then sign again.`);
    db.transaction(() => beginAmendment(db, sessionId, reason, by, stamp(ctx)))();
    return readSignoff(db, sessionId)!;
  },

  // Kept, never deleted: the mark is appended and the database refuses changes from then on.
  markEnteredInError: (ctx, { sessionId, reason }) => {
    const by = requireSignedIn(ctx).displayName;
    const db = requireDb(ctx);
    const state = readSignoff(db, sessionId);
    if (!state) throw notFound('That session');
    if (state.enteredInError) {
      throw new AppError('LOCKED', `This session was already marked entered in error on ${state.enteredInError.at.slice(0, 10)} by ${state.enteredInError.by}.`);
    }
    db.transaction(() => markEnteredInError(db, sessionId, reason, by, stamp(ctx)))();
    // A signed session now exports with the entered-in-error marking: a new PDF.
    if (state.version > 0) prerenderPdfSoon(ctx, sessionId);
    return readSignoff(db, sessionId)!;
  },

  getSignedVersion: (ctx, { sessionId, version }) => {
    const doc = loadSignedVersion(requireDb(ctx), sessionId, version);
    if (!doc) throw notFound(`Version ${version} of that session`);
    return doc;
  },
};
