// The session as one parent Procedure and each treated target as a child Procedure (partOf →
// parent), so every body site and side is unambiguous (domain.md §7). Laterality goes on a
// BodyStructure (locationQualifier, SNOMED left/right) linked by the R4 core extension
// procedure-targetBodyStructure; bodySite keeps the same site as text and a local code for
// systems that ignore extensions.
import { deviceForTarget, timeOf } from '../../domain/derived';
import type { TargetWithCycles } from '../../domain/model';
import { formatDate, formatDateTime } from '../../domain/parse';
import {
  AETIOLOGY_LABELS,
  APPROACH_LABELS,
  FOLLOW_UP_KIND_LABELS,
  LA_AGENT_LABELS,
  SIDE_LABELS,
  TEAM_ROLE_LABELS,
  TOLERANCE_LABELS,
  targetLabel,
} from '../../domain/valueSets';
import { LOCAL, SNOMED_CODES, TARGET_BODY_STRUCTURE_EXTENSION } from './codeSystems';
import type { BuildContext } from './context';
import { concept, coding, defined, fhirDateTime, note, textConcept } from './datatypes';
import { ownedEntry } from './entries';
import { stableUuid, urnUuid } from './ids';
import type { Annotation, BundleEntry, CodeableConcept, Period, Procedure, Reference } from './types';

export const PROCEDURE_TEXT = 'US- and stimulator-guided percutaneous cryoneurolysis of peripheral nerve for spasticity';

const procedureCode = (text: string): CodeableConcept => concept(text, SNOMED_CODES.cryotherapy);

/** "Left musculocutaneous → brachialis". */
export function targetText(t: Pick<TargetWithCycles, 'side' | 'nerve' | 'branch'>): string {
  const label = targetLabel(t.nerve, t.branch);
  return t.side ? `${SIDE_LABELS[t.side]} ${label.charAt(0).toLowerCase()}${label.slice(1)}` : label;
}

function nerveBranchConcept(t: TargetWithCycles, text: string): CodeableConcept {
  const code = t.nerve ? (t.branch ? `${t.nerve}.${t.branch}` : t.nerve) : undefined;
  return concept(text, coding(LOCAL.nerveBranch, code, targetLabel(t.nerve, t.branch)));
}

const metaOf = (ctx: BuildContext) => ({ tag: ctx.statuses.tag ? [ctx.statuses.tag] : undefined });

/** Notes that say what kind of record this is, on the parent Procedure. */
function recordNotes(ctx: BuildContext): (Annotation | undefined)[] {
  const { source } = ctx;
  return [
    source.status === 'preliminary' ? note(`PRELIMINARY: not signed; exported from CryoLog ${source.appVersion} for integration testing. It may change.`, source.generatedAt) : undefined,
    source.enteredInError ? note(`ENTERED IN ERROR: ${source.enteredInError.reason} (by ${source.enteredInError.by})`, source.enteredInError.at) : undefined,
  ];
}

/** A blank answer must never read as "none" (rule E12): the answer is always stated. */
function complicationsNote(ctx: BuildContext): Annotation | undefined {
  const answer = ctx.doc.session.complicationsAnswer;
  if (answer === 'none') return note('Complications: none (asked and answered explicitly).');
  if (answer === 'present') return note(`Complications: ${ctx.doc.complications.length} recorded (see complication).`);
  return note('Complications: not answered.');
}

function followUpConcepts(ctx: BuildContext): CodeableConcept[] {
  const s = ctx.doc.session;
  return defined([
    ...ctx.doc.followUps.map((f) => textConcept([f.kind ? FOLLOW_UP_KIND_LABELS[f.kind] : 'Review', f.date ? `on ${formatDate(f.date)}` : null, f.withWhom ? `with ${f.withWhom}` : null].filter(Boolean).join(' '))),
    textConcept(s.analgesiaPlan ? `Analgesia: ${s.analgesiaPlan}` : null),
    textConcept(s.therapyPlan ? `Therapy: ${s.therapyPlan}` : null),
    textConcept(s.gpLetter === null ? null : s.gpLetter ? 'GP letter sent' : 'No GP letter'),
    textConcept(s.repeatTreatmentNote ? `Repeat treatment: ${s.repeatTreatmentNote}` : null),
  ]);
}

function outcomeConcept(ctx: BuildContext): CodeableConcept | undefined {
  const s = ctx.doc.session;
  const text = [s.tolerance ? `Tolerated: ${TOLERANCE_LABELS[s.tolerance].toLowerCase()}.` : null, s.functionalObservation].filter(Boolean).join(' ');
  return textConcept(text);
}

export interface ComplicationLinks {
  concepts: CodeableConcept[];
  details: Reference[];
}

export function parentProcedureEntry(ctx: BuildContext, complications: ComplicationLinks): BundleEntry {
  const { doc, source } = ctx;
  const s = doc.session;
  const recorderRow = doc.team.find((m) => m.role === 'recorder');
  const aetiology = doc.patient.aetiology ? AETIOLOGY_LABELS[doc.patient.aetiology] : null;
  const statusReason = source.enteredInError?.reason ?? s.statusReason;
  const procedure: Procedure = {
    resourceType: 'Procedure',
    meta: metaOf(ctx),
    status: ctx.statuses.procedure,
    statusReason: textConcept(statusReason),
    code: procedureCode(PROCEDURE_TEXT),
    subject: ctx.patient,
    performedPeriod: { start: fhirDateTime(s.startedAt), end: fhirDateTime(s.endedAt) },
    recorder: (recorderRow ? ctx.practitioners.get(recorderRow.id) : undefined) ?? ctx.signer,
    asserter: ctx.signer,
    performer: doc.team
      .filter((m) => m.role !== 'recorder')
      .map((m) => ({
        function: m.role ? concept(TEAM_ROLE_LABELS[m.role], { system: LOCAL.teamRole, code: m.role, display: TEAM_ROLE_LABELS[m.role] }) : undefined,
        actor: ctx.practitioners.get(m.id) ?? { display: m.name ?? 'Unnamed team member' },
        onBehalfOf: ctx.organization,
      })),
    location: s.location || s.odsCode ? { display: [s.location, s.odsCode ? `(ODS ${s.odsCode})` : null].filter(Boolean).join(' ') } : undefined,
    reasonCode: [concept(aetiology ? `Spasticity; cause: ${aetiology.toLowerCase()}` : 'Spasticity', SNOMED_CODES.spasticity)],
    outcome: outcomeConcept(ctx),
    report: [ctx.documentReference],
    complication: complications.concepts,
    complicationDetail: complications.details,
    followUp: followUpConcepts(ctx),
    note: defined([...recordNotes(ctx), complicationsNote(ctx), note(s.notes)]),
    usedReference: [...ctx.devices.values()].flat(),
  };
  return ownedEntry(s.id, procedure);
}

function targetPeriod(t: TargetWithCycles): Period | undefined {
  const starts = t.cycles.map((c) => c.startedAt).filter((x): x is string => x !== null);
  const ends = t.cycles.map((c) => c.endedAt).filter((x): x is string => x !== null);
  const pick = (xs: string[], later: boolean) => xs.reduce<string | undefined>((best, x) => (best === undefined || (timeOf(x)! > timeOf(best)!) === later ? x : best), undefined);
  const start = pick(starts, false);
  return start ? { start: fhirDateTime(start), end: fhirDateTime(pick(ends, true)) } : undefined;
}

/** What the clinician did at this target, in words (approach, guidance, skin LA, stop moment). */
function targetNote(ctx: BuildContext, t: TargetWithCycles): string {
  const device = deviceForTarget(ctx.doc, t);
  const la =
    t.laAgent && t.laVolumeMl !== null
      ? `skin local anaesthetic: ${LA_AGENT_LABELS[t.laAgent].toLowerCase()}${t.laConcPct !== null ? ` ${t.laConcPct}%` : ''} ${t.laVolumeMl} mL` +
        (device?.laBatch ? ` (batch ${device.laBatch}${device.laExpiry ? `, expiry ${formatDate(device.laExpiry)}` : ''})` : '')
      : null;
  return [
    t.stopMomentDone ? `Stop moment ${formatDateTime(t.stopMomentTime)} (${[t.stopMomentBy1, t.stopMomentBy2].filter(Boolean).join(' and ')})` : 'Stop moment not recorded',
    t.approach ? `${APPROACH_LABELS[t.approach].toLowerCase()} approach` : null,
    t.depthMm !== null ? `depth ${t.depthMm} mm` : null,
    t.usUsed === null ? null : t.usUsed ? `ultrasound used${t.usNerveVisualised ? ', nerve seen' : ''}` : 'no ultrasound',
    la,
    t.wrongSiteDeclared ? `declared as a wrong-site incident${t.wrongSiteIncidentRef ? ` (reference ${t.wrongSiteIncidentRef})` : ''}` : null,
  ]
    .filter(Boolean)
    .join('; ');
}

export function targetEntries(ctx: BuildContext, t: TargetWithCycles): BundleEntry[] {
  const text = targetText(t);
  const bodyStructureUuid = stableUuid(t.id, 'BodyStructure');
  const side = t.side ? SNOMED_CODES[t.side] : undefined;
  const device = deviceForTarget(ctx.doc, t);
  const bodyStructure = ownedEntry(bodyStructureUuid, {
    resourceType: 'BodyStructure',
    meta: metaOf(ctx),
    active: ctx.statuses.procedure === 'entered-in-error' ? false : undefined,
    location: nerveBranchConcept(t, targetLabel(t.nerve, t.branch)),
    locationQualifier: side ? [concept(side.display, side)] : undefined,
    description: text,
    patient: ctx.patient,
  });
  const procedure = ownedEntry(stableUuid(t.id, 'Procedure'), {
    resourceType: 'Procedure',
    meta: metaOf(ctx),
    extension: [{ url: TARGET_BODY_STRUCTURE_EXTENSION, valueReference: { reference: urnUuid(bodyStructureUuid), display: text } }],
    partOf: [ctx.parentProcedure],
    status: ctx.statuses.procedure,
    code: procedureCode(`Cryoneurolysis: ${text}`),
    subject: ctx.patient,
    performedPeriod: targetPeriod(t),
    bodySite: [nerveBranchConcept(t, text)],
    note: defined([note(targetNote(ctx, t))]),
    usedReference: device ? [...(ctx.devices.get(device.id) ?? [])] : undefined,
  });
  return [bodyStructure, procedure];
}
