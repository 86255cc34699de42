// Clinicians as HL7 XCN / PPN values. CryoLog records a clinician's name as one string
// ("Dr Imogen Hartley"), so it goes whole into the family-name component rather than being
// split by guesswork; the professional registration number is the identifier.
import { REGISTRATION_BODY_LABELS } from '../../domain/valueSets';
import { components, type Components } from './encode';

export interface Clinician {
  name: string | null;
  registrationBody: string | null;
  registrationNumber: string | null;
}

/** GMC, NMC or HCPC as the identifier's assigning authority; "other" names no authority. */
function assigningAuthority(body: string | null): string | null {
  if (body === null || body === 'other') return null;
  return (REGISTRATION_BODY_LABELS as Record<string, string>)[body] ?? null;
}

/** XCN 1-14: ID number ^ family name … ^ assigning authority (9). */
function xcnParts(person: Clinician): (string | null)[] {
  return [person.registrationNumber, person.name, null, null, null, null, null, null, assigningAuthority(person.registrationBody)];
}

/** XCN, e.g. PV1-7 attending doctor, TXA-5 provider, TXA-9 originator. */
export function xcn(person: Clinician | null | undefined): Components | null {
  return person ? components(...xcnParts(person)) : null;
}

/** PPN (TXA-22): the XCN components 1-14, then 15 the date/time the person acted. */
export function ppn(person: Clinician, hl7Time: string): Components {
  const upTo14 = [...xcnParts(person), ...Array<null>(14 - 9).fill(null)];
  return components(...upTo14, hl7Time);
}
