import path from 'node:path';
import { currentActor } from '../auth/authSession';
import type { Handler } from './index';
import type { Ctx } from '../context';
import { localNow, requireDb, stamp } from './db';
import { AppError } from '../ipc/appError';
import { loadExportSource, loadAftercareSource } from '../export/sources';
import { renderExport } from '../export/render';
import { exportFileMode, writeFileAtomically } from '../export/atomicWrite';
import { listExports, recordExport } from '../export/exportLog';
import { readExportSettings, readServiceInfo, saveExportSettings, saveServiceInfo } from '../export/exportSettings';
import { bulkHandlers } from '../export/bulkHandlers';
import { fileNameFor } from '../../../shared/export/fileName';
import { FORMAT_INFO, type FileFormat } from '../../../shared/export/formats';
import type { ExportSource } from '../../../shared/export/source';
import { buildAftercareSheet } from '../../../shared/export/aftercare';
import type { ExportRecord, ExportSettings } from '../../../shared/ipc/exportsContract';

type ExportChannel =
  | 'exportSession'
  | 'getAftercareSheet'
  | 'saveExport'
  | 'listSessionExports'
  | 'getExportSettings'
  | 'saveExportSettings'
  | 'getServiceInfo'
  | 'saveServiceInfo'
  | 'startBulkExport'
  | 'stepBulkExport'
  | 'cancelBulkExport';

function exportFileName(settings: ExportSettings, source: ExportSource, format: FileFormat): string {
  const d = source.doc;
  return fileNameFor(settings.fileNamePattern, format, {
    sessionId: d.session.id,
    startedAt: d.session.startedAt,
    nhsNumber: d.patient.nhsNumber,
    localMrn: d.patient.localMrn,
    familyName: d.patient.familyName,
    version: source.version,
  });
}

/** Where a file goes: the configured drop folder, or the path chosen in the save dialog (null: cancelled). */
function destinationFor(ctx: Ctx, settings: ExportSettings, destination: 'drop-folder' | 'save-dialog', fileName: string): { folder: string; fileName: string; replace: boolean } | null {
  if (destination === 'drop-folder') {
    const folder = settings.dropFolder;
    if (!folder) throw new AppError('EXPORT_WRITE_FAILED', 'No drop folder is set. An administrator sets it in Settings → Exports; until then use "Save as…".');
    return { folder, fileName, replace: false };
  }
  if (!ctx.chooseSavePath) throw new AppError('EXPORT_WRITE_FAILED', 'There is no save dialog here. Use the drop folder, or the command line with --out.');
  const chosen = ctx.chooseSavePath(fileName);
  return chosen === null ? null : { folder: path.dirname(chosen), fileName: path.basename(chosen), replace: true };
}

export const exportHandlers: { [C in ExportChannel]: Handler<C> } = {
  exportSession: (ctx, { sessionId, format, version }) => {
    const db = requireDb(ctx);
    const source = loadExportSource(ctx, db, { sessionId, format, version });
    const settings = readExportSettings(ctx, db).value;
    const rendered = renderExport(source, format, settings);
    const binary = FORMAT_INFO[format].binary;
    return {
      format,
      status: source.status,
      version: source.version,
      fileName: exportFileName(settings, source, format),
      mimeType: rendered.mimeType,
      encoding: binary ? 'base64' : 'utf8',
      content: binary ? rendered.bytes.toString('base64') : rendered.bytes.toString('utf8'),
    };
  },

  saveExport: (ctx, { sessionId, format, version, destination }) => {
    const db = requireDb(ctx);
    const isAftercare = format === 'aftercare-pdf' || format === 'aftercare-pdf-large';
    const source = isAftercare ? loadAftercareSource(ctx, db, sessionId) : loadExportSource(ctx, db, { sessionId, format, version });
    // One read of the settings for the whole export: what is rendered, named and where it goes agree.
    const settings = readExportSettings(ctx, db).value;
    const rendered = renderExport(source, format, settings);
    const where = destinationFor(ctx, settings, destination, exportFileName(settings, source, format));
    if (!where) return { saved: false };
    const written = writeFileAtomically(where.folder, where.fileName, rendered.bytes, { replace: where.replace, mode: exportFileMode(destination) });
    const entry = { at: localNow(ctx), format, version: source.version, status: source.status, destination, path: written.path, bytes: written.bytes, sha256: written.sha256 };
    db.transaction(() => recordExport(db, ctx.newId(), sessionId, entry))();
    const record: ExportRecord = { ...entry, by: listExports(db, sessionId)[0]?.by ?? null };
    return { saved: true, record };
  },

  getAftercareSheet: (ctx, { sessionId }) => buildAftercareSheet(loadAftercareSource(ctx, requireDb(ctx), sessionId)),

  listSessionExports: (ctx, { sessionId }) => listExports(requireDb(ctx), sessionId),

  getExportSettings: (ctx) => readExportSettings(ctx, requireDb(ctx)),
  saveExportSettings: (ctx, { value }) => {
    const db = requireDb(ctx);
    saveExportSettings(db, value, currentActor(ctx), stamp(ctx));
    return readExportSettings(ctx, db);
  },
  getServiceInfo: (ctx) => readServiceInfo(ctx, requireDb(ctx)),
  saveServiceInfo: (ctx, { value }) => {
    const db = requireDb(ctx);
    saveServiceInfo(db, value, currentActor(ctx), stamp(ctx));
    return readServiceInfo(ctx, db);
  },
  ...bulkHandlers,
};
