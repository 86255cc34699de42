// The FHIR R4 export: one transaction Bundle per signed version of a session (docs/export-fhir.md).
// Pure and deterministic: the same source and attachments give the same JSON, byte for byte.
import type { ExportSource } from '../source';
import type { BuildContext } from './context';
import { deviceEntries } from './devices';
import { complicationEntries } from './complications';
import { documentReferenceEntry, type NoteAttachments } from './documentReference';
import { fhirDateTime, uuidIdentifier } from './datatypes';
import { followUpEntries } from './followUps';
import { stableUuid, urnUuid } from './ids';
import { sessionObservationEntries, targetObservationEntries } from './observations';
import { organizationEntry, patientEntry, practitionerEntries } from './participants';
import { parentProcedureEntry, PROCEDURE_TEXT, targetEntries, targetText } from './procedures';
import { provenanceEntries } from './provenance';
import { resourceStatuses } from './status';
import type { BundleEntry, FhirBundle, Reference } from './types';

export type { FhirBundle } from './types';
export type { NoteAttachments } from './documentReference';

export function buildFhirBundle(source: ExportSource, attachments: NoteAttachments): FhirBundle {
  const statuses = resourceStatuses(source); // refuses a draft before anything is built
  const { doc } = source;
  const sessionId = doc.session.id;

  const patient = patientEntry(source);
  const organization = organizationEntry(source);
  const practitioners = practitionerEntries(doc.team, source.versions);
  const lastVersion = source.versions.at(-1)?.version;
  const documentUuid = stableUuid(sessionId, 'DocumentReference');

  const targets = new Map<string, Reference>(doc.targets.map((t) => [t.id, { reference: urnUuid(stableUuid(t.id, 'Procedure')), display: targetText(t) }]));
  const ctxBase = {
    source,
    doc,
    statuses,
    patient: patient.reference,
    organization: organization?.reference,
    parentProcedure: { reference: urnUuid(sessionId), display: PROCEDURE_TEXT },
    documentReference: { reference: urnUuid(documentUuid), display: 'Cryoneurolysis procedure note' },
    practitioners: practitioners.byTeamMember,
    signer: lastVersion !== undefined ? practitioners.bySignedVersion.get(lastVersion) : undefined,
    signers: practitioners.bySignedVersion,
    targets,
  };
  // Devices need the context (statuses, tags) and the context needs their references.
  const deviceRefs = new Map<string, Reference[]>();
  const deviceBuilt: BundleEntry[] = [];
  for (const d of doc.devices) {
    const built = deviceEntries({ ...ctxBase, devices: deviceRefs }, d);
    deviceRefs.set(d.id, built.references);
    deviceBuilt.push(...built.entries);
  }
  const ctx: BuildContext = { ...ctxBase, devices: deviceRefs };

  const complications = complicationEntries(ctx);
  const entries: BundleEntry[] = [
    ...(organization ? [organization.entry] : []),
    patient.entry,
    ...practitioners.entries,
    ...deviceBuilt,
    parentProcedureEntry(ctx, complications.links),
    ...doc.targets.flatMap((t) => targetEntries(ctx, t)),
    ...doc.targets.flatMap((t) => targetObservationEntries(ctx, t, targets.get(t.id)!)),
    ...sessionObservationEntries(ctx),
    ...complications.entries,
    ...followUpEntries(ctx),
    documentReferenceEntry(ctx, documentUuid, attachments),
    ...provenanceEntries(ctx),
  ];

  return {
    resourceType: 'Bundle',
    // The same version and status always gives the same bundle identifier (a re-send is recognisable).
    identifier: uuidIdentifier(stableUuid(sessionId, 'Bundle', source.status, source.version ?? 'unsigned')),
    type: 'transaction',
    timestamp: fhirDateTime(source.generatedAt) ?? source.generatedAt,
    entry: entries,
  };
}
