// Patient, the trust (Organization) and the team (Practitioner): master data, sent as
// conditional creates (entries.ts) matched on national identifiers.
import type { TeamMember } from '../../domain/model';
import { formatNhsNumber } from '../../domain/nhsNumber';
import type { ExportSource, ExportVersion } from '../source';
import { LOCAL_IDENTIFIERS, NHS_NUMBER, NHS_NUMBER_VERIFICATION_CODES, NHS_NUMBER_VERIFICATION_EXTENSION, ODS_ORGANIZATION, REGISTRATION_SYSTEMS } from './codeSystems';
import { masterEntry } from './entries';
import { stableUuid, urnUuid } from './ids';
import type { BundleEntry, Identifier, Reference } from './types';

const VERIFICATION: Record<string, { code: string; display: string }> = {
  verified: { code: '01', display: 'Number present and verified' },
  unverified: { code: '02', display: 'Number present but not traced' },
};

function nhsNumberIdentifier(nhsNumber: string, verified: string | null): Identifier {
  const status = verified ? VERIFICATION[verified] : undefined;
  return {
    extension: status
      ? [{ url: NHS_NUMBER_VERIFICATION_EXTENSION, valueCodeableConcept: { coding: [{ system: NHS_NUMBER_VERIFICATION_CODES, ...status }] } }]
      : undefined,
    system: NHS_NUMBER,
    value: nhsNumber,
  };
}

export function patientEntry(source: ExportSource): { entry: BundleEntry; reference: Reference } {
  const p = source.doc.patient;
  const nhs = p.nhsNumber ? nhsNumberIdentifier(p.nhsNumber, p.nhsNumberVerified) : undefined;
  const mrn: Identifier | undefined = p.localMrn ? { use: 'usual', system: LOCAL_IDENTIFIERS.localMrn, value: p.localMrn } : undefined;
  // Rule E01 makes every exportable record carry one of the two; matching on the NHS number first.
  const match = nhs ?? mrn;
  if (!match?.system || !match.value) throw new Error('The patient has neither an NHS number nor a hospital number: the record cannot be matched.');
  const uuid = stableUuid(p.id, 'Patient');
  const display = [p.givenName, p.familyName].filter(Boolean).join(' ') + (p.nhsNumber ? ` (NHS ${formatNhsNumber(p.nhsNumber)})` : '');
  const entry = masterEntry(
    uuid,
    {
      resourceType: 'Patient',
      identifier: [nhs, mrn].filter((i): i is Identifier => i !== undefined),
      name: [{ use: 'official', family: p.familyName ?? undefined, given: p.givenName ? [p.givenName] : undefined }],
      gender: p.sex ?? undefined,
      birthDate: p.dateOfBirth ?? undefined,
    },
    { system: match.system, value: match.value },
  );
  return { entry, reference: { reference: urnUuid(uuid), display } };
}

export function organizationEntry(source: ExportSource): { entry: BundleEntry; reference: Reference } | undefined {
  const { odsCode, organisationName } = source.service;
  if (!odsCode) return undefined;
  const uuid = stableUuid(`ods:${odsCode}`, 'Organization');
  const entry = masterEntry(uuid, { resourceType: 'Organization', identifier: [{ system: ODS_ORGANIZATION, value: odsCode }], name: organisationName }, { system: ODS_ORGANIZATION, value: odsCode });
  return { entry, reference: { reference: urnUuid(uuid), display: organisationName || odsCode } };
}

interface Person {
  name: string | null;
  profession: string | null;
  registrationBody: string | null;
  registrationNumber: string | null;
}

/** The register identifier (GMC, NMC, HCPC) of a person, when the body is one we know. */
function registration(person: Person): { system: string; value: string } | undefined {
  const system = person.registrationBody ? REGISTRATION_SYSTEMS[person.registrationBody] : undefined;
  const value = person.registrationNumber?.trim();
  return system && value ? { system, value } : undefined;
}

export interface Practitioners {
  entries: BundleEntry[];
  byTeamMember: Map<string, Reference>;
  /** The Practitioner of each signed version's signer, by version number. */
  bySignedVersion: Map<number, Reference>;
}

/**
 * One Practitioner per person: team members and signers share one when their register
 * number (or, without one, their name) is the same.
 */
export function practitionerEntries(team: readonly TeamMember[], versions: readonly ExportVersion[]): Practitioners {
  const entries = new Map<string, { entry: BundleEntry; reference: Reference }>();
  const add = (person: Person, fallbackId: string): Reference => {
    const reg = registration(person);
    const match = reg ?? { system: LOCAL_IDENTIFIERS.teamMember, value: fallbackId };
    const key = `${match.system}|${match.value}`;
    const existing = entries.get(key);
    if (existing) return existing.reference;
    const uuid = stableUuid(key, 'Practitioner');
    const entry = masterEntry(
      uuid,
      {
        resourceType: 'Practitioner',
        identifier: [match],
        name: person.name ? [{ text: person.name }] : undefined,
        qualification: person.profession ? [{ code: { text: person.profession }, identifier: reg ? [reg] : undefined }] : undefined,
      },
      match,
    );
    const reference = { reference: urnUuid(uuid), display: person.name ?? undefined };
    entries.set(key, { entry, reference });
    return reference;
  };
  const byTeamMember = new Map<string, Reference>();
  for (const member of team) byTeamMember.set(member.id, add(member, member.id));
  const bySignedVersion = new Map<number, Reference>();
  for (const { version, signer } of versions) {
    const sameName = team.find((m) => m.name === signer.name);
    const reference = registration({ ...signer, profession: signer.role }) || !sameName ? add({ ...signer, profession: signer.role }, `signer:${signer.name}`) : byTeamMember.get(sameName.id);
    if (reference) bySignedVersion.set(version, reference);
  }
  return { entries: [...entries.values()].map((e) => e.entry), byTeamMember, bySignedVersion };
}
