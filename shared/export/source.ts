// What every export is built from: one session document plus the facts about it that are not
// in the document itself (which signed version this is, who signed it, the addenda, whether it
// is a draft or entered in error, the service's own details). Every format (text, PDF, FHIR,
// HL7 v2, CSV, JSON, the aftercare sheet) takes an ExportSource, so "what is being exported"
// is decided once (electron/main/export/sources.ts), never per format.
import { z } from 'zod';
import type { SessionDocument } from '../domain/model';

/**
 * - final: signed, version 1 (or a later version with no addenda before it);
 * - amended: a signed version after one or more amendments (it lists them);
 * - preliminary: a session file that was never signed but has no hard error, exported by the
 *   command line for integration testing (FHIR status "preliminary", HL7 TXA-17 "IP", a DRAFT
 *   banner in text and PDF);
 * - draft: the record as it is now, unsigned or mid-amendment: text only, DRAFT on line one;
 * - entered-in-error: kept and exportable, marked as such in every format.
 */
export const EXPORT_STATUSES = ['final', 'amended', 'preliminary', 'draft', 'entered-in-error'] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

export interface ExportSigner {
  name: string;
  role: string;
  registrationBody: string;
  registrationNumber: string;
}

export interface ExportVersion {
  version: number;
  signedAt: string;
  signer: ExportSigner;
  /** The amendment's reason; null for the first signature. */
  reason: string | null;
}

/** The service's own details, set once in Settings: the aftercare sheet's "who to call", HL7 MSH-4. */
export const ServiceInfoSchema = z.strictObject({
  serviceName: z.string().trim().max(120),
  organisationName: z.string().trim().max(120),
  /** ODS organisation code of the trust (MSH-4, FHIR Organization.identifier). Empty if not set. */
  odsCode: z.string().trim().regex(/^([A-Z0-9]{3,10})?$/, 'An ODS code is 3 to 10 capital letters and digits, for example RTH.'),
  phone: z.string().trim().max(40),
  phoneHours: z.string().trim().max(120),
  outOfHours: z.string().trim().max(300),
  email: z.string().trim().max(120),
});
export type ServiceInfo = z.infer<typeof ServiceInfoSchema>;

export const DEFAULT_SERVICE_INFO: ServiceInfo = {
  serviceName: 'Spasticity service',
  organisationName: '',
  odsCode: '',
  phone: '',
  phoneHours: 'Monday to Friday, 9am to 5pm',
  outOfHours: 'Out of hours, call NHS 111. In an emergency, call 999.',
  email: '',
};

export interface ExportSource {
  doc: SessionDocument;
  status: ExportStatus;
  /** The signed version exported (1..n); null for a draft or an unsigned file. */
  version: number | null;
  /** The database's SHA-256 of the signed version exported (hash-chained to the one before), when known. */
  versionSha256?: string | null;
  /** Every signed version up to and including `version` (empty when never signed). */
  versions: readonly ExportVersion[];
  /** A draft shown mid-amendment: the reason given for it. */
  amendmentInProgress: string | null;
  enteredInError: { at: string; by: string; reason: string } | null;
  /** Hard validation errors of `doc` (a draft lists them; final exports have none). */
  hardErrors: readonly { ruleId: string; message: string }[];
  appVersion: string;
  /** When the export is made, local time with offset (the device's clock). */
  generatedAt: string;
  service: ServiceInfo;
}

/** Final, amended, preliminary and entered-in-error exports are records; a draft is not. */
export function isSignedRecord(source: ExportSource): boolean {
  return source.version !== null && (source.status === 'final' || source.status === 'amended' || source.status === 'entered-in-error');
}

/** The last signature of the version exported, if any. */
export function latestSignature(source: ExportSource): ExportVersion | undefined {
  return source.versions.at(-1);
}

/** Amendments only: every version after the first, with its reason. */
export function addenda(source: ExportSource): ExportVersion[] {
  return source.versions.filter((v) => v.version > 1);
}
