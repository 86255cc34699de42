// The signed procedure note as an HL7 v2.5.1 MDM^T02 (original document notification and
// content): MSH EVN PID PV1 TXA, then the note as text (OBX 1) and as the PDF (OBX 2). The
// layout, the codes and what the receiver should do are in docs/export-hl7.md.
// Pure: the message time is source.generatedAt, never the clock.
import { isValidNhsNumber } from '../../domain/nhsNumber';
import type { SessionDocument } from '../../domain/model';
import { latestSignature, type ExportSource, type ExportVersion } from '../source';
import { components, message, mshSegment, repeats, segment, type Field } from './encode';
import { ppn, xcn } from './people';
import { documentNumber, HL7_STATUS, parentDocumentNumber } from './status';
import { hl7Date, hl7DateTime } from './time';

export interface MdmContent {
  /** The procedure note as plain text (the text export); lines separated by line breaks. */
  text: string;
  /** The procedure note's PDF, base64 (shared/ has no Buffer). */
  pdfBase64: string;
}

export interface MdmOptions {
  /** MSH-10: unique per message sent; the receiver's acknowledgement quotes it. */
  messageControlId: string;
  /** MSH-5 and MSH-6, as the trust's interface team asks; empty when not given. */
  receivingApplication?: string;
  receivingFacility?: string;
}

/** MSH-3: fixed, because engines route on it (the app version would break routes at upgrade). */
const SENDING_APPLICATION = 'CRYOLOG';
/** TXA-12/13 namespace: the document numbers are CryoLog's. */
const DOCUMENT_NUMBER_NAMESPACE = 'CRYOLOG';
/** TXA-2 (IS, user-defined table 0270): its suggested value for a procedure note. */
const DOCUMENT_TYPE = 'PN';
/** TXA-3 (table 0191): machine-readable text; the PDF travels with it as OBX 2. */
const CONTENT_PRESENTATION = 'TEXT';
/** OBX-2 of the text: FT, because `\.br\` line breaks are FT formatting commands. */
const TEXT_VALUE_TYPE = 'FT';
const TEXT_OBSERVATION = components('CRYO-NOTE', 'Cryoneurolysis procedure note', 'L');
const PDF_OBSERVATION = components('CRYO-PDF', 'Cryoneurolysis procedure note (PDF)', 'L');

/** PID-8, HL7 table 0001. */
const SEX_CODES: Record<string, string> = { male: 'M', female: 'F', other: 'O', unknown: 'U' };
/** PV1-2, HL7 table 0004. An NHS day case is admitted patient care, hence I. */
const PATIENT_CLASSES: Record<string, string> = { outpatient: 'O', 'day-case': 'I', inpatient: 'I' };

const operatorOf = (doc: SessionDocument) => doc.team.find((member) => member.role === 'operator') ?? null;

function msh(source: ExportSource, options: MdmOptions): string {
  return mshSegment([
    SENDING_APPLICATION, // MSH-3
    source.service.odsCode || null, // MSH-4 sending facility: the trust's ODS code
    options.receivingApplication ?? null, // MSH-5
    options.receivingFacility ?? null, // MSH-6
    hl7DateTime(source.generatedAt), // MSH-7
    null, // MSH-8 security
    components('MDM', 'T02', 'MDM_T02'), // MSH-9
    options.messageControlId, // MSH-10
    'P', // MSH-11 processing id: production
    '2.5.1', // MSH-12
    null, // MSH-13 sequence number
    null, // MSH-14 continuation pointer
    null, // MSH-15 accept acknowledgement type
    null, // MSH-16 application acknowledgement type
    'GBR', // MSH-17 country
    'UNICODE UTF-8', // MSH-18: the file is written as UTF-8
  ]);
}

/**
 * The signature this message reports as legally authenticating the document (TXA-22), if it
 * claims one: an unsigned export, or a draft mid-amendment, names no authenticator.
 */
function authentication(source: ExportSource): ExportVersion | undefined {
  return HL7_STATUS[source.status].completion === 'LA' ? latestSignature(source) : undefined;
}

/** When the event this message reports happened: the signature, or the withdrawal. */
function eventTime(source: ExportSource): string | null {
  if (source.status === 'entered-in-error') return source.enteredInError?.at ?? null;
  return authentication(source)?.signedAt ?? null;
}

function evn(source: ExportSource): string {
  return segment('EVN', [
    'T02', // EVN-1 event type
    hl7DateTime(source.generatedAt), // EVN-2 recorded date/time: when this message was made
    null,
    null,
    null,
    hl7DateTime(eventTime(source)), // EVN-6 event occurred
  ]);
}

function pid(source: ExportSource): string {
  const patient = source.doc.patient;
  // A number that fails its check digit would match the wrong patient or be rejected: the
  // hospital number still identifies the patient, and the note itself shows what was typed.
  const nhsNumber = patient.nhsNumber && isValidNhsNumber(patient.nhsNumber) ? components(patient.nhsNumber, null, null, 'NHS', 'NH') : null;
  const mrn = patient.localMrn ? components(patient.localMrn, null, null, source.service.odsCode || null, 'MR') : null;
  return segment('PID', [
    '1', // PID-1
    null, // PID-2
    repeats(nhsNumber, mrn), // PID-3 patient identifier list
    null, // PID-4
    components(patient.familyName, patient.givenName), // PID-5 family ^ given
    null, // PID-6
    hl7Date(patient.dateOfBirth), // PID-7
    SEX_CODES[patient.sex ?? ''] ?? 'U', // PID-8
  ]);
}

function pv1(source: ExportSource): string {
  const session = source.doc.session;
  return segment('PV1', [
    '1', // PV1-1
    PATIENT_CLASSES[session.setting ?? ''] ?? 'U', // PV1-2 patient class
    // PV1-3 PL: facility (4) is the site's ODS code, the free-text location is the description (9).
    components(null, null, null, session.odsCode, null, null, null, null, session.location),
    null, // PV1-4
    null, // PV1-5
    null, // PV1-6
    xcn(operatorOf(source.doc)), // PV1-7 attending doctor: the operator
  ]);
}

/** TXA-21: why this version exists (an amendment) or why it is withdrawn. */
function changeReason(source: ExportSource): string | null {
  if (source.status === 'entered-in-error') return source.enteredInError?.reason ?? null;
  if (source.status === 'amended') return latestSignature(source)?.reason ?? null;
  return null;
}

function txa(source: ExportSource): string {
  const codes = HL7_STATUS[source.status];
  const signature = authentication(source);
  const parent = parentDocumentNumber(source);
  const operator = operatorOf(source.doc);
  const fields: Field[] = [
    '1', // TXA-1
    DOCUMENT_TYPE, // TXA-2
    CONTENT_PRESENTATION, // TXA-3
    hl7DateTime(source.doc.session.startedAt), // TXA-4 activity date/time: the session start
    xcn(operator), // TXA-5 primary activity provider: the operator
    hl7DateTime(signature?.signedAt ?? source.generatedAt), // TXA-6 origination: this version's signature
    null, // TXA-7 transcription date/time: typed, never transcribed
    null, // TXA-8
    xcn(signature?.signer ?? operator), // TXA-9 originator: the signer (unsigned: the operator)
    null, // TXA-10
    null, // TXA-11
    components(documentNumber(source), DOCUMENT_NUMBER_NAMESPACE), // TXA-12 unique document number
    parent ? components(parent, DOCUMENT_NUMBER_NAMESPACE) : null, // TXA-13 parent document number
    null, // TXA-14
    null, // TXA-15
    null, // TXA-16
    codes.completion, // TXA-17
    null, // TXA-18
    codes.availability, // TXA-19
    null, // TXA-20
    changeReason(source), // TXA-21
    signature ? ppn(signature.signer, hl7DateTime(signature.signedAt)) : null, // TXA-22 authentication
  ];
  return segment('TXA', fields);
}

function obx(setId: number, valueType: string, observation: Field, value: Field, resultStatus: string): string {
  return segment('OBX', [String(setId), valueType, observation, null, value, null, null, null, null, null, resultStatus]);
}

/** Builds the MDM^T02 message text: segments terminated by CR, UTF-8 when written to a file. */
export function buildMdmT02(source: ExportSource, content: MdmContent, options: MdmOptions): string {
  const result = HL7_STATUS[source.status].result;
  return message([
    msh(source, options),
    evn(source),
    pid(source),
    pv1(source),
    txa(source),
    obx(1, TEXT_VALUE_TYPE, TEXT_OBSERVATION, content.text, result),
    // ED: source application ^ type of data (table 0191) ^ subtype ^ encoding (table 0299) ^ data.
    obx(2, 'ED', PDF_OBSERVATION, components(null, 'AP', 'PDF', 'Base64', content.pdfBase64), result),
  ]);
}
