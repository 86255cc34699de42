// How each resource travels in the transaction. Resources CryoLog owns (the procedures, their
// observations, devices, complications, follow-ups, the note) are conditional PUTs on their
// stable identifier: a re-send or version 2 updates them in place. People and organisations
// belong to the trust's master systems (PAS, workforce, ODS), so they are conditional creates:
// matched on the NHS number, register number or ODS code, created only when the server has
// none, and never overwritten with CryoLog's partial copy.
import { URI_IDENTIFIER } from './codeSystems';
import { pruneEmpty, tokenSearch, uuidIdentifier } from './datatypes';
import { urnUuid } from './ids';
import type { BundleEntry, FhirResource, Provenance } from './types';

type Identified = Exclude<FhirResource, Provenance>;

/** A resource CryoLog owns: identifier urn:uuid:<uuid>, fullUrl the same, conditional PUT on it. */
export function ownedEntry(uuid: string, resource: Identified): BundleEntry {
  const { identifier = [], ...rest } = resource;
  return {
    fullUrl: urnUuid(uuid),
    // Object.assign keeps resourceType and identifier first in the JSON, where people look.
    resource: pruneEmpty(Object.assign({ resourceType: rest.resourceType, identifier: [uuidIdentifier(uuid), ...identifier] }, rest) as Identified),
    request: { method: 'PUT', url: `${resource.resourceType}?${tokenSearch(URI_IDENTIFIER, urnUuid(uuid))}` },
  };
}

/** Master data: created only if no resource with this identifier exists (never overwritten). */
export function masterEntry(uuid: string, resource: Identified, match: { system: string; value: string }): BundleEntry {
  return {
    fullUrl: urnUuid(uuid),
    resource: pruneEmpty(resource),
    request: { method: 'POST', url: resource.resourceType, ifNoneExist: tokenSearch(match.system, match.value) },
  };
}

/**
 * R4 Provenance has no identifier to match on, so it is an update-as-create with a
 * client-assigned id (the server must allow client ids; HAPI does for non-numeric ids).
 */
export function provenanceEntry(uuid: string, resource: Provenance): BundleEntry {
  return {
    fullUrl: urnUuid(uuid),
    resource: pruneEmpty(Object.assign({ resourceType: resource.resourceType, id: uuid }, resource)),
    request: { method: 'PUT', url: `Provenance/${uuid}` },
  };
}
