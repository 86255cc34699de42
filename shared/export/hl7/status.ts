// What each export status means to the receiving system, in the three places HL7 says it
// (docs/export-hl7.md, "Status mapping", explains the choices), and the document numbers that
// tie the versions of one note together.
import { isSignedRecord, type ExportSource, type ExportStatus } from '../source';

export interface Hl7StatusCodes {
  /** TXA-17 document completion status (HL7 table 0271). */
  completion: 'LA' | 'IP';
  /** TXA-19 document availability status (HL7 table 0273). */
  availability: 'AV' | 'UN' | 'CA';
  /** OBX-11 observation result status (HL7 table 0085), on both OBX segments. */
  result: 'F' | 'C' | 'P' | 'W';
}

export const HL7_STATUS: Record<ExportStatus, Hl7StatusCodes> = {
  // Signed by the person legally responsible: legally authenticated, available for care.
  final: { completion: 'LA', availability: 'AV', result: 'F' },
  // A re-signed version: still legally authenticated; it replaces its parent (TXA-13).
  amended: { completion: 'LA', availability: 'AV', result: 'C' },
  // Never signed (integration testing): in progress, not for patient care.
  preliminary: { completion: 'IP', availability: 'UN', result: 'P' },
  draft: { completion: 'IP', availability: 'UN', result: 'P' },
  // It was signed, so it stays LA; availability CA (deleted) and result W (wrong) withdraw it.
  'entered-in-error': { completion: 'LA', availability: 'CA', result: 'W' },
};

/** TXA-12: the session id and the signed version ("…-v2"); an unsigned export is "…-prelim". */
export function documentNumber(source: ExportSource): string {
  const id = source.doc.session.id;
  return isSignedRecord(source) ? `${id}-v${source.version}` : `${id}-prelim`;
}

/** TXA-13: the version a re-signed version replaces; null for version 1 and for withdrawals. */
export function parentDocumentNumber(source: ExportSource): string | null {
  const replaces = (source.status === 'final' || source.status === 'amended') && source.version !== null && source.version > 1;
  return replaces ? `${source.doc.session.id}-v${source.version! - 1}` : null;
}
