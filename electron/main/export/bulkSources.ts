// A session's source for a bulk file, shared by the in-process job (bulkHandlers.ts, the CLI)
// and the worker thread (bulkCsvWorker.ts), so both write the same bytes.
import type { Ctx } from '../context';
import type { DB } from '../db/types';
import { AppError } from '../ipc/appError';
import type { BulkFormat } from '../../../shared/export/formats';
import type { ExportSource } from '../../../shared/export/source';
import { loadExportSource } from './sources';

/** A signed session's latest version for a bulk file; one that cannot be exported is skipped. */
export function bulkSource(ctx: Ctx, db: DB, sessionId: string, format: BulkFormat): ExportSource | null {
  try {
    return loadExportSource(ctx, db, { sessionId, format });
  } catch (error) {
    if (error instanceof AppError) return null;
    throw error;
  }
}
