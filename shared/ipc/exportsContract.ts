// Request and answer schemas of the export channels (issue 5); contract.ts lists them with
// every other channel. The renderer never names a path to write: a file goes to the drop
// folder set in Settings, or to where the clinician chose in the system's save dialog, which
// the main process opens itself.
import { z } from 'zod';
import { Id, IsoDate, IsoDateTime } from '../domain/model';
import { EXPORT_STATUSES, ServiceInfoSchema } from '../export/source';
import { AFTERCARE_FORMATS, BULK_FORMATS, EXPORT_FORMATS } from '../export/formats';
import { DEFAULT_FILE_NAME_PATTERN, FileNamePattern } from '../export/fileName';

const Version = z.int().min(1).max(10_000);

/** An absolute folder path on Windows (C:\…, \\server\share) or macOS/Linux (/…); empty when not set. */
const FolderPath = z
  .string()
  .trim()
  .max(1_000, 'That folder path is too long.')
  .refine((p) => p === '' || /^(\/|[A-Za-z]:[\\/]|\\\\[^\\]+\\)/.test(p), 'Give the full path of the folder, for example \\\\server\\share\\cryolog or /mnt/epr-drop.')
  .refine((p) => ![...p].some((c) => c.charCodeAt(0) < 0x20), 'The folder path contains a control character.');

export const ExportSettings = z.strictObject({
  /** Where "Send to drop folder" writes; the trust's integration engine collects from there. */
  dropFolder: FolderPath,
  fileNamePattern: FileNamePattern,
  /** Start CSV files with a UTF-8 byte-order mark so Excel reads accents correctly. */
  csvByteOrderMark: z.boolean(),
});
export type ExportSettings = z.infer<typeof ExportSettings>;
export const DEFAULT_EXPORT_SETTINGS: ExportSettings = { dropFolder: '', fileNamePattern: DEFAULT_FILE_NAME_PATTERN, csvByteOrderMark: true };

const settingState = <T extends z.ZodType>(value: T) => z.strictObject({ value, updatedBy: z.string().nullable(), updatedAt: IsoDateTime.nullable() });

export const ExportedContent = z.strictObject({
  format: z.enum(EXPORT_FORMATS),
  status: z.enum(EXPORT_STATUSES),
  /** The signed version exported; null for a draft. */
  version: Version.nullable(),
  fileName: z.string(),
  mimeType: z.string(),
  /** Text formats come as UTF-8 text, the PDF as base64. */
  encoding: z.enum(['utf8', 'base64']),
  content: z.string(),
});
export type ExportedContent = z.infer<typeof ExportedContent>;

export const DESTINATIONS = ['drop-folder', 'save-dialog'] as const;

/** One export as the session shows it (from the audit trail). */
export const ExportRecord = z.strictObject({
  at: IsoDateTime,
  by: z.string().nullable(),
  format: z.string(),
  version: Version.nullable(),
  status: z.string(),
  destination: z.string(),
  path: z.string(),
  bytes: z.int().min(0),
  sha256: z.string(),
});
export type ExportRecord = z.infer<typeof ExportRecord>;

export const SavedExport = z.discriminatedUnion('saved', [
  z.strictObject({ saved: z.literal(true), record: ExportRecord }),
  /** The clinician closed the save dialog: nothing was written. */
  z.strictObject({ saved: z.literal(false) }),
]);

const DateRange = z
  .strictObject({ from: IsoDate, to: IsoDate })
  .refine((r) => r.from <= r.to, { message: 'The "from" date is after the "to" date; swap them.', path: ['to'] });

export const BulkProgress = z.strictObject({
  jobId: Id,
  done: z.int().min(0),
  total: z.int().min(0),
  finished: z.boolean(),
  /** Once finished: where the file is, and what it holds. */
  result: z.strictObject({ path: z.string(), bytes: z.int().min(0), sha256: z.string(), sessions: z.int().min(0), rows: z.int().min(0) }).nullable(),
});
export type BulkProgress = z.infer<typeof BulkProgress>;

/** The patient's aftercare sheet as the window prints it (shared/export/aftercare.ts). */
const AftercareSheetSchema = z.strictObject({
  banner: z.string().nullable(),
  title: z.string(),
  patient: z.strictObject({ name: z.string(), dateOfBirth: z.string(), nhsNumber: z.string() }),
  treatmentDate: z.string(),
  sections: z.array(z.strictObject({ heading: z.string(), paragraphs: z.array(z.string()).max(50), items: z.array(z.string()).max(100) })).max(30),
});

export const exportChannels = {
  getAftercareSheet: { req: z.strictObject({ sessionId: Id }), res: AftercareSheetSchema },
  // A signed version (1..n) exports as it was signed; without one, the latest signed version,
  // or for a session never signed (or mid-amendment) the draft, as text only.
  exportSession: { req: z.strictObject({ sessionId: Id, format: z.enum(EXPORT_FORMATS), version: Version.optional() }), res: ExportedContent },
  saveExport: {
    req: z.strictObject({ sessionId: Id, format: z.enum([...EXPORT_FORMATS, ...AFTERCARE_FORMATS]), version: Version.optional(), destination: z.enum(DESTINATIONS) }),
    res: SavedExport,
  },
  listSessionExports: { req: z.strictObject({ sessionId: Id }), res: z.array(ExportRecord).max(1_000) },
  getExportSettings: { req: z.strictObject({}), res: settingState(ExportSettings) },
  saveExportSettings: { req: z.strictObject({ value: ExportSettings }), res: settingState(ExportSettings) },
  getServiceInfo: { req: z.strictObject({}), res: settingState(ServiceInfoSchema) },
  saveServiceInfo: { req: z.strictObject({ value: ServiceInfoSchema }), res: settingState(ServiceInfoSchema) },
  startBulkExport: { req: z.strictObject({ range: DateRange, format: z.enum(BULK_FORMATS), destination: z.enum(DESTINATIONS) }), res: BulkProgress.nullable() },
  stepBulkExport: { req: z.strictObject({ jobId: Id }), res: BulkProgress },
  cancelBulkExport: { req: z.strictObject({ jobId: Id }), res: z.strictObject({ cancelled: z.boolean() }) },
} as const;
