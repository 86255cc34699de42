// `cryolog export --from --to --format csv|json --out <folder>`: the app's bulk job, run to the end.
import path from 'node:path';
import type { Ctx } from '../../main/context';
import { AppError } from '../../main/ipc/appError';
import { sessionsForBulkExport, startBulkJob, stepBulkJob, finishBulkJob, cancelBulkJob } from '../../main/export/bulk';
import { bulkFileName, bulkSource } from '../../main/export/bulkHandlers';
import { lockedSessionCsvRows } from '../../main/export/lockedCsvRows';
import { checkFolder, freeName, writeFailure } from '../../main/export/atomicWrite';
import { readExportSettings } from '../../main/export/exportSettings';
import { recordExport } from '../../main/export/exportLog';
import type { BulkFormat } from '../../../shared/export/formats';

// Sessions per progress line; the command line has no window to keep responsive.
const STEP = 1_000;

export function exportBulkToFolder(
  ctx: Ctx,
  command: { from: string; to: string; format: BulkFormat; outFolder: string },
  progress: (done: number, total: number) => void,
): { path: string; bytes: number; sha256: string; sessions: number; rows: number } {
  const db = ctx.db!;
  const folder = path.resolve(command.outFolder);
  checkFolder(folder);
  const range = { from: command.from, to: command.to };
  const sessionIds = sessionsForBulkExport(db, range).map((s) => s.sessionId);
  if (sessionIds.length === 0) throw new AppError('NOT_FOUND', `no signed session started between ${command.from} and ${command.to}; nothing was written.`);
  // A new file every time: an earlier export in that folder may already have been collected.
  const outFile = freeName(folder, bulkFileName(range, command.format));
  const job = startBulkJob({
    format: command.format,
    sessionIds,
    outFile,
    loadSource: (id) => bulkSource(ctx, db, id, command.format),
    lockedCsvRows: (ids) => lockedSessionCsvRows(db, ids),
    bom: readExportSettings(ctx, db).value.csvByteOrderMark,
  });
  try {
    for (;;) {
      const step = stepBulkJob(job, STEP);
      progress(step.done, step.total);
      if (step.finished) break;
    }
    const result = finishBulkJob(job);
    db.transaction(() =>
      recordExport(db, ctx.newId(), null, {
        at: ctx.clock.now().toISOString(),
        format: `bulk-${command.format} ${command.from} to ${command.to}`,
        version: null,
        status: `${result.sessions} sessions, ${result.rows} rows`,
        destination: 'command line',
        path: result.file,
        bytes: result.bytes,
        sha256: result.sha256,
      }),
    )();
    return { path: result.file, bytes: result.bytes, sha256: result.sha256, sessions: result.sessions, rows: result.rows };
  } catch (error) {
    cancelBulkJob(job);
    throw writeFailure(folder, error);
  }
}
