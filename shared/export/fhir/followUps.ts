// Dated reviews as ServiceRequests (intent "plan"): R4 Procedure.followUp has no date, and an
// Appointment would claim a booked slot CryoLog does not know about. Procedure.followUp keeps
// the same plan in words.
import { FOLLOW_UP_KIND_LABELS } from '../../domain/valueSets';
import { LOCAL } from './codeSystems';
import type { BuildContext } from './context';
import { coding, concept, defined, fhirDateTime, note } from './datatypes';
import { ownedEntry } from './entries';
import { stableUuid } from './ids';
import type { BundleEntry } from './types';

export function followUpEntries(ctx: BuildContext): BundleEntry[] {
  const operator = ctx.doc.team.find((m) => m.role === 'operator');
  const signed = ctx.source.versions.at(-1)?.signedAt;
  return ctx.doc.followUps.map((f) => {
    const label = f.kind ? FOLLOW_UP_KIND_LABELS[f.kind] : 'Review';
    return ownedEntry(stableUuid(f.id, 'ServiceRequest'), {
      resourceType: 'ServiceRequest',
      meta: { tag: ctx.statuses.tag ? [ctx.statuses.tag] : undefined },
      status: ctx.statuses.serviceRequest,
      intent: 'plan',
      code: concept(`${label} after cryoneurolysis`, coding(LOCAL.followUpKind, f.kind, f.kind ? label : undefined)),
      subject: ctx.patient,
      occurrenceDateTime: fhirDateTime(f.date),
      authoredOn: fhirDateTime(signed ?? ctx.doc.session.endedAt ?? ctx.doc.session.startedAt),
      requester: (operator ? ctx.practitioners.get(operator.id) : undefined) ?? ctx.signer,
      supportingInfo: [ctx.parentProcedure],
      note: defined([note(f.withWhom ? `With ${f.withWhom}` : null)]),
    });
  });
}
