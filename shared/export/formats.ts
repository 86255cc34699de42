// The export formats, with what a file of each is called and what it contains. One list serves
// the IPC contract, the command line (--format), the file names and the screen's buttons.
export const EXPORT_FORMATS = ['text', 'pdf', 'fhir', 'hl7v2', 'csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The patient's aftercare sheet: printed from the app, or saved as PDF (normal or large print). */
export const AFTERCARE_FORMATS = ['aftercare-pdf', 'aftercare-pdf-large'] as const;
export type AftercareFormat = (typeof AFTERCARE_FORMATS)[number];

export type FileFormat = ExportFormat | AftercareFormat;

export const FORMAT_INFO: Record<FileFormat, { label: string; extension: string; mimeType: string; binary: boolean }> = {
  text: { label: 'Text', extension: 'txt', mimeType: 'text/plain; charset=utf-8', binary: false },
  pdf: { label: 'PDF', extension: 'pdf', mimeType: 'application/pdf', binary: true },
  fhir: { label: 'FHIR R4', extension: 'fhir.json', mimeType: 'application/fhir+json', binary: false },
  hl7v2: { label: 'HL7 v2', extension: 'hl7', mimeType: 'x-application/hl7-v2+er7', binary: false },
  csv: { label: 'CSV', extension: 'csv', mimeType: 'text/csv; charset=utf-8', binary: false },
  json: { label: 'JSON', extension: 'json', mimeType: 'application/json', binary: false },
  'aftercare-pdf': { label: 'Aftercare sheet (PDF)', extension: 'pdf', mimeType: 'application/pdf', binary: true },
  'aftercare-pdf-large': { label: 'Aftercare sheet, large print (PDF)', extension: 'pdf', mimeType: 'application/pdf', binary: true },
};

/** Bulk exports (a date range) come in the two formats made for registries and audit. */
export const BULK_FORMATS = ['csv', 'json'] as const;
export type BulkFormat = (typeof BULK_FORMATS)[number];
