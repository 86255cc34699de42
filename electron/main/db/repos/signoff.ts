import { createHash } from 'node:crypto';
import { SessionDocument } from '../../../../shared/domain/model';
import type { EnteredInError, Signer, SignoffState } from '../../../../shared/ipc/contract';
import type { DB } from '../types';
import { stmt } from '../statements';
import { appendAudit } from './audit';
import { loadSessionDocument } from './sessions';

interface SignRow {
  signed_at: string | null;
  signer: string | null;
  version: number;
  amending: number;
  amendment_reason: string | null;
}

// Exported for the query-plan test; the export sources read through these too.
export const SIGNOFF_SQL = 'SELECT signed_at, signer, version, amending, amendment_reason FROM session WHERE id = ?';
export const SESSION_VERSIONS_SQL = 'SELECT version, signed_at, signer, reason FROM session_version WHERE session_id = ? ORDER BY version';
export const SIGNED_DOCUMENT_SQL = 'SELECT document FROM session_version WHERE session_id = ? AND version = ?';
export const VERSION_HASH_SQL = 'SELECT sha256 FROM session_version WHERE session_id = ? AND version = ?';
export const ENTERED_IN_ERROR_SQL = 'SELECT at, marked_by, reason FROM entered_in_error WHERE session_id = ?';

export function readSignoff(db: DB, sessionId: string): SignoffState | undefined {
  const row = stmt(db, SIGNOFF_SQL).get(sessionId) as SignRow | undefined;
  if (!row) return undefined;
  const versions = (
    stmt(db, SESSION_VERSIONS_SQL).all(sessionId) as {
      version: number;
      signed_at: string;
      signer: string;
      reason: string | null;
    }[]
  ).map((v) => ({ version: v.version, signedAt: v.signed_at, signer: JSON.parse(v.signer) as Signer, reason: v.reason }));
  return {
    enteredInError: readEnteredInError(db, sessionId),
    signedAt: row.signed_at,
    signer: row.signer ? (JSON.parse(row.signer) as Signer) : null,
    version: row.version,
    amending: row.amending === 1,
    amendmentReason: row.amendment_reason,
    versions,
  };
}

/**
 * Signs the session (first signature, or the end of an amendment) and keeps the signed document
 * as version n, hash-chained to version n−1 so a rewritten history shows. Call in a transaction,
 * after checking the record is ready to sign.
 */
export function signSession(db: DB, sessionId: string, signer: Signer, at: string, reason: string | null): void {
  const before = readSignoff(db, sessionId)!;
  const version = before.version + 1;
  stmt(
    db,
    `UPDATE session SET signed_at = @at, signer = @signer, version = @version, amending = 0, amendment_reason = NULL, updated_at = @at,
       status = CASE WHEN status IN ('draft', 'in-progress') THEN 'completed' ELSE status END
     WHERE id = @id`,
  ).run({ id: sessionId, at, signer: JSON.stringify(signer), version });
  const document = JSON.stringify(loadSessionDocument(db, sessionId));
  const previous = stmt(db, VERSION_HASH_SQL).get(sessionId, version - 1) as { sha256: string } | undefined;
  const sha256 = createHash('sha256').update(`${previous?.sha256 ?? ''}\n${document}`).digest('hex');
  stmt(
    db,
    'INSERT INTO session_version (session_id, version, signed_at, signer, reason, document, sha256) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(sessionId, version, at, JSON.stringify(signer), reason, document, sha256);
  appendAudit(db, { at, action: 'update', entity: 'session', entityId: sessionId, sessionId, field: 'signature', oldValue: before.version, newValue: { version, signer, reason, sha256 } });
}

/** Opens a signed session for an amendment: edits are allowed again until it is re-signed. */
export function beginAmendment(db: DB, sessionId: string, reason: string, by: string, at: string): void {
  stmt(db, 'UPDATE session SET amending = 1, amendment_reason = ?, updated_at = ? WHERE id = ?').run(reason, at, sessionId);
  appendAudit(db, { at, action: 'update', entity: 'session', entityId: sessionId, sessionId, field: 'amendment', oldValue: null, newValue: { reason, by } });
}

export function loadSignedVersion(db: DB, sessionId: string, version: number): SessionDocument | undefined {
  const row = stmt(db, SIGNED_DOCUMENT_SQL).get(sessionId, version) as { document: string } | undefined;
  return row && SessionDocument.parse(JSON.parse(row.document));
}

export function readEnteredInError(db: DB, sessionId: string): EnteredInError | null {
  const row = stmt(db, ENTERED_IN_ERROR_SQL).get(sessionId) as { at: string; marked_by: string; reason: string } | undefined;
  return row ? { at: row.at, by: row.marked_by, reason: row.reason } : null;
}

/**
 * Marks a session entered-in-error: kept, never deleted, readable and exportable as such, and
 * from now on refused any change by the database (migration 4). Call in a transaction.
 */
export function markEnteredInError(db: DB, sessionId: string, reason: string, by: string, at: string): void {
  stmt(db, 'INSERT INTO entered_in_error (session_id, at, marked_by, reason) VALUES (?, ?, ?, ?)').run(sessionId, at, by, reason);
  appendAudit(db, { at, action: 'update', entity: 'session', entityId: sessionId, sessionId, field: 'enteredInError', oldValue: null, newValue: { by, reason }, reason });
}
