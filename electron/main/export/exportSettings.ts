// The service's details (aftercare sheet, HL7 sending facility) and where exports go, stored as
// audited service settings like the rule thresholds.
import type { Ctx } from '../context';
import type { DB } from '../db/types';
import { readSettingOrDefault, saveSettingAudited, type SettingState } from '../db/repos/settings';
import { DEFAULT_SERVICE_INFO, ServiceInfoSchema, type ServiceInfo } from '../../../shared/export/source';
import { DEFAULT_EXPORT_SETTINGS, ExportSettings } from '../../../shared/ipc/exportsContract';

const SERVICE_INFO = { key: 'serviceInfo', what: 'service details' };
const EXPORT_SETTINGS = { key: 'exportSettings', what: 'export settings' };

export function readServiceInfo(ctx: Ctx, db: DB): SettingState<ServiceInfo> {
  return readSettingOrDefault(db, SERVICE_INFO, ServiceInfoSchema, DEFAULT_SERVICE_INFO, ctx.log.error);
}

export function readExportSettings(ctx: Ctx, db: DB): SettingState<ExportSettings> {
  return readSettingOrDefault(db, EXPORT_SETTINGS, ExportSettings, DEFAULT_EXPORT_SETTINGS, ctx.log.error);
}

export function saveServiceInfo(db: DB, value: ServiceInfo, changedBy: string, at: string): void {
  saveSettingAudited(db, SERVICE_INFO.key, 'serviceInfo', value, changedBy, at);
}

export function saveExportSettings(db: DB, value: ExportSettings, changedBy: string, at: string): void {
  saveSettingAudited(db, EXPORT_SETTINGS.key, 'exportSettings', value, changedBy, at);
}
