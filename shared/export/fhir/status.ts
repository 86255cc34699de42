// The export status (source.ts) as each resource's status, in one table, so a preliminary or
// entered-in-error record says so consistently on every resource (docs/export-fhir.md).
import type { ExportSource, ExportStatus } from '../source';
import { LOCAL } from './codeSystems';
import type { Coding, DocumentReference, ObservationStatus, ProcedureStatus, ServiceRequest } from './types';

export type FhirExportStatus = Exclude<ExportStatus, 'draft'>;

export interface ResourceStatuses {
  procedure: ProcedureStatus;
  observation: ObservationStatus;
  /** Condition.verificationStatus (condition-ver-status). */
  conditionVerification: 'confirmed' | 'provisional' | 'entered-in-error';
  serviceRequest: ServiceRequest['status'];
  documentStatus: DocumentReference['status'];
  docStatus: NonNullable<DocumentReference['docStatus']>;
  /** Device.status: only entered-in-error is asserted (a probe's "active" would mean nothing). */
  device: 'entered-in-error' | undefined;
  /** meta.tag on every resource of a record that is not signed. */
  tag: Coding | undefined;
}

/** What the procedure was, as the signed record says (session.status, domain.md §2.1). */
const SIGNED_PROCEDURE_STATUS: Record<string, ProcedureStatus> = {
  completed: 'completed',
  stopped: 'stopped',
  'not-done': 'not-done',
  'entered-in-error': 'entered-in-error',
  draft: 'in-progress',
  'in-progress': 'in-progress',
};

export const PRELIMINARY_TAG: Coding = { system: LOCAL.recordStatus, code: 'preliminary', display: 'PRELIMINARY: not signed, may change' };

/** A draft is text only (source.ts): the FHIR export refuses it rather than send an unsigned record as data. */
export function fhirExportStatus(source: ExportSource): FhirExportStatus {
  if (source.status === 'draft') throw new Error('A draft is exported as text only; sign the record (or export it as preliminary) to send FHIR.');
  return source.status;
}

export function resourceStatuses(source: ExportSource): ResourceStatuses {
  const status = fhirExportStatus(source);
  switch (status) {
    case 'final':
    case 'amended':
      // Observations stay "final" in an amended export: the source does not say which values
      // the amendment changed, and "amended" on every value would claim changes that did not happen.
      return {
        procedure: SIGNED_PROCEDURE_STATUS[source.doc.session.status] ?? 'unknown',
        observation: 'final',
        conditionVerification: 'confirmed',
        serviceRequest: 'active',
        documentStatus: 'current',
        docStatus: status,
        device: undefined,
        tag: undefined,
      };
    case 'preliminary':
      // R4 Procedure.status has no "preliminary"; "in-progress" would say the patient is still
      // being treated. "unknown" asserts nothing, the tag and a note say why.
      return {
        procedure: 'unknown',
        observation: 'preliminary',
        conditionVerification: 'provisional',
        serviceRequest: 'draft',
        documentStatus: 'current',
        docStatus: 'preliminary',
        device: undefined,
        tag: PRELIMINARY_TAG,
      };
    case 'entered-in-error':
      return {
        procedure: 'entered-in-error',
        observation: 'entered-in-error',
        conditionVerification: 'entered-in-error',
        serviceRequest: 'entered-in-error',
        documentStatus: 'entered-in-error',
        docStatus: 'entered-in-error',
        device: 'entered-in-error',
        tag: undefined,
      };
  }
}
