// Every export that leaves CryoLog as a file is an entry in the audit trail (entity "export"):
// what (format, version, status), where (destination and path), and the file's SHA-256, so a
// file found later in a drop folder or a notes system can be matched to the record it came
// from. The session's "Exported" list reads the same entries: one place, no second table.
import type { DB } from '../db/types';
import { stmt } from '../db/statements';
import { appendAudit } from '../db/repos/audit';
import type { ExportRecord } from '../../../shared/ipc/exportsContract';

export type ExportEntry = Omit<ExportRecord, 'by'>;

export function recordExport(db: DB, id: string, sessionId: string | null, entry: ExportEntry): void {
  appendAudit(db, { at: entry.at, action: 'create', entity: 'export', entityId: id, sessionId, field: entry.format, newValue: entry, reason: null });
}

/** A session's exports, newest first (listSessionExports). Exported for the query-plan test. */
export const LIST_EXPORTS_SQL = "SELECT actor, new_value FROM audit_log WHERE session_id = ? AND entity = 'export' ORDER BY id DESC LIMIT 1000";

export function listExports(db: DB, sessionId: string): ExportRecord[] {
  const rows = stmt(db, LIST_EXPORTS_SQL).all(sessionId) as {
    actor: string | null;
    new_value: string;
  }[];
  return rows.map((r) => ({ ...(JSON.parse(r.new_value) as ExportEntry), by: r.actor }));
}
