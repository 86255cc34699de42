// Who signed, amended or withdrew the record, and why: one Provenance per signed version
// (CREATE for version 1, UPDATE with the amendment's reason after it) and one NULLIFY when the
// record is entered in error. The target is the unversioned urn:uuid of the parent Procedure
// and the note: inside a transaction the server has not assigned versions yet, so the record
// version is named in entity (the previous version's id) and in the note's masterIdentifier.
import type { ExportVersion } from '../source';
import { DATA_OPERATION, PROVENANCE_PARTICIPANT } from './codeSystems';
import type { BuildContext } from './context';
import { fhirDateTime, uuidIdentifier } from './datatypes';
import { recordVersionUuid } from './documentReference';
import { provenanceEntry } from './entries';
import { stableUuid } from './ids';
import type { BundleEntry, Provenance, Reference } from './types';

const ACTIVITY = {
  CREATE: 'create',
  UPDATE: 'revise',
  NULLIFY: 'nullify',
} as const;

function provenance(ctx: BuildContext, activity: keyof typeof ACTIVITY, recorded: string, who: Reference, reason: string | null, previousVersion: number | null): Provenance {
  return {
    resourceType: 'Provenance',
    target: [ctx.parentProcedure, ctx.documentReference],
    recorded: fhirDateTime(recorded) ?? recorded,
    reason: reason ? [{ text: reason }] : undefined,
    activity: { coding: [{ system: DATA_OPERATION, code: activity, display: ACTIVITY[activity] }] },
    agent: [{ type: { coding: [{ system: PROVENANCE_PARTICIPANT, code: 'author', display: 'Author' }] }, who }],
    entity:
      previousVersion !== null
        ? [{ role: 'revision', what: { identifier: uuidIdentifier(recordVersionUuid(ctx.doc.session.id, previousVersion)), display: `CryoLog record version ${previousVersion}` } }]
        : undefined,
  };
}

function signatureEntry(ctx: BuildContext, v: ExportVersion): BundleEntry {
  const who = ctx.signers.get(v.version) ?? { display: v.signer.name };
  const activity = v.version === 1 ? 'CREATE' : 'UPDATE';
  return provenanceEntry(stableUuid(ctx.doc.session.id, 'Provenance', v.version), provenance(ctx, activity, v.signedAt, who, v.reason, v.version > 1 ? v.version - 1 : null));
}

export function provenanceEntries(ctx: BuildContext): BundleEntry[] {
  const entries = ctx.source.versions.map((v) => signatureEntry(ctx, v));
  const eie = ctx.source.enteredInError;
  if (eie) {
    const uuid = stableUuid(ctx.doc.session.id, 'Provenance', 'entered-in-error');
    entries.push(provenanceEntry(uuid, provenance(ctx, 'NULLIFY', eie.at, { display: eie.by }, eie.reason, ctx.source.version)));
  }
  return entries;
}
