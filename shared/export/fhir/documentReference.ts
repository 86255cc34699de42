// The signed note itself, for systems that file documents rather than data: one
// DocumentReference per session (updated in place by each signed version, so version 2 does
// not file a second copy), carrying the PDF and the plain-text summary.
import { formatDate } from '../../domain/parse';
import { LOINC_CODES } from './codeSystems';
import type { BuildContext } from './context';
import { concept, fhirDateTime, uuidIdentifier } from './datatypes';
import { ownedEntry } from './entries';
import { stableUuid } from './ids';
import { utf8ToBase64 } from './bytes';
import type { Attachment, BundleEntry } from './types';

export interface NoteAttachments {
  pdfBase64: string;
  text: string;
}

/** The version-specific id of the signed note: changes with every version, unlike the document's identifier. */
export function recordVersionUuid(sessionId: string, version: number | null): string {
  return stableUuid(sessionId, 'record-version', version ?? 'unsigned');
}

export function documentReferenceEntry(ctx: BuildContext, uuid: string, attachments: NoteAttachments): BundleEntry {
  const { source, doc } = ctx;
  const p = doc.patient;
  const versionText = source.version !== null ? `record version ${source.version}` : 'unsigned';
  const title = `Cryoneurolysis procedure note, ${[p.givenName, p.familyName].filter(Boolean).join(' ')}, ${formatDate(doc.session.startedAt)} (${versionText})`;
  const creation = fhirDateTime(source.generatedAt);
  const content: Attachment[] = [];
  if (attachments.pdfBase64) content.push({ contentType: 'application/pdf', language: 'en-GB', data: attachments.pdfBase64, title: `${title}.pdf`, creation });
  if (attachments.text) content.push({ contentType: 'text/plain; charset=utf-8', language: 'en-GB', data: utf8ToBase64(attachments.text), title: `${title}.txt`, creation });
  if (content.length === 0) throw new Error('The FHIR export needs the note as PDF or text.');
  const signed = source.versions.at(-1);
  // An unsigned (preliminary) note has no signer: its author is the operator who wrote it.
  const operator = doc.team.find((m) => m.role === 'operator');
  const author = ctx.signer ?? (operator ? ctx.practitioners.get(operator.id) : undefined);
  return ownedEntry(uuid, {
    resourceType: 'DocumentReference',
    meta: { tag: ctx.statuses.tag ? [ctx.statuses.tag] : undefined },
    masterIdentifier: uuidIdentifier(recordVersionUuid(doc.session.id, source.version)),
    status: ctx.statuses.documentStatus,
    docStatus: ctx.statuses.docStatus,
    type: concept('Cryoneurolysis procedure note', LOINC_CODES.procedureNote),
    subject: ctx.patient,
    date: fhirDateTime(signed?.signedAt ?? source.generatedAt),
    author: author ? [author] : undefined,
    authenticator: signed ? ctx.signer : undefined,
    custodian: ctx.organization,
    description: `${title}. Exported by CryoLog ${source.appVersion}.`,
    content: content.map((attachment) => ({ attachment })),
    context: { period: { start: fhirDateTime(doc.session.startedAt), end: fhirDateTime(doc.session.endedAt) }, related: [ctx.parentProcedure] },
  });
}
