// Complications (domain.md §2.10): each one is a Procedure.complication (what it was, in words
// and a local code) and a Condition (Procedure.complicationDetail) carrying onset, severity,
// resolution and, for a wrong-site incident, the trust's incident reference as an identifier.
import type { Complication } from '../../domain/model';
import { COMPLICATION_ACTION_LABELS, COMPLICATION_TYPE_LABELS, ONSET_LABELS, SEVERITY_LABELS } from '../../domain/valueSets';
import { CONDITION_CLINICAL, CONDITION_VERIFICATION, LOCAL, LOCAL_IDENTIFIERS, SNOMED_CODES } from './codeSystems';
import type { BuildContext } from './context';
import { coding, concept, defined, fhirDateTime, note } from './datatypes';
import { ownedEntry } from './entries';
import { stableUuid, urnUuid } from './ids';
import type { ComplicationLinks } from './procedures';
import type { BundleEntry, CodeableConcept } from './types';

function typeConcept(c: Complication): CodeableConcept {
  const label = c.type ? COMPLICATION_TYPE_LABELS[c.type] : 'Complication (type not recorded)';
  const severity = c.severity ? `, ${SEVERITY_LABELS[c.severity].toLowerCase()}` : '';
  return concept(`${label}${severity}`, coding(LOCAL.complicationType, c.type, c.type ? COMPLICATION_TYPE_LABELS[c.type] : undefined));
}

function conditionEntry(ctx: BuildContext, c: Complication, uuid: string): BundleEntry {
  const verification = ctx.statuses.conditionVerification;
  const severity = c.severity ? SNOMED_CODES[c.severity] : undefined;
  const resolved = c.resolved === true;
  const action = c.action ? `Action: ${COMPLICATION_ACTION_LABELS[c.action]}${c.actionNote ? ` (${c.actionNote})` : ''}` : null;
  return ownedEntry(uuid, {
    resourceType: 'Condition',
    meta: { tag: ctx.statuses.tag ? [ctx.statuses.tag] : undefined },
    identifier: c.incidentRef ? [{ system: LOCAL_IDENTIFIERS.incidentReference, value: c.incidentRef }] : undefined,
    // R4 con-5: an entered-in-error Condition has no clinical status.
    clinicalStatus: verification === 'entered-in-error' ? undefined : { coding: [{ system: CONDITION_CLINICAL, code: resolved ? 'resolved' : 'active' }] },
    verificationStatus: { coding: [{ system: CONDITION_VERIFICATION, code: verification }] },
    severity: severity ? concept(severity.display, severity) : undefined,
    code: typeConcept(c),
    subject: ctx.patient,
    onsetDateTime: fhirDateTime(c.onsetAt),
    abatementDateTime: resolved && verification !== 'entered-in-error' ? fhirDateTime(c.resolvedDate) : undefined,
    asserter: ctx.signer,
    note: defined([note(c.onset ? `Onset: ${ONSET_LABELS[c.onset]}` : null), note(action), note(c.note), note(c.incidentRef ? `Incident reference ${c.incidentRef}` : null)]),
  });
}

export function complicationEntries(ctx: BuildContext): { entries: BundleEntry[]; links: ComplicationLinks } {
  const entries: BundleEntry[] = [];
  const links: ComplicationLinks = { concepts: [], details: [] };
  for (const c of ctx.doc.complications) {
    const uuid = stableUuid(c.id, 'Condition');
    entries.push(conditionEntry(ctx, c, uuid));
    const what = typeConcept(c);
    links.concepts.push(what);
    links.details.push({ reference: urnUuid(uuid), display: what.text });
  }
  return { entries, links };
}
