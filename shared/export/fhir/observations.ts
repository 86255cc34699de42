// Measurements as Observations (domain.md §7): one per freeze cycle and one stimulation
// threshold per target (partOf → the target's Procedure); MAS, Tardieu, ROM and pain before
// and after (partOf → the session's Procedure; effective time = session start or end); the
// INR (effective = its sample date). A value that was not recorded is left out, never sent
// as an empty Quantity.
import { cyclesBySite, deviceForTarget, freezeSecondsOf, timeOf } from '../../domain/derived';
import type { Cycle, Outcome, TargetWithCycles } from '../../domain/model';
import { ABORT_REASON_LABELS, CYCLE_OUTCOME_LABELS, INR_SOURCE_LABELS, MUSCLE_GROUP_LABELS, MUSCLES, SIDE_LABELS, THAW_TYPE_LABELS, TARDIEU_V_LABELS } from '../../domain/valueSets';
import { LOCAL, LOINC_CODES, OBSERVATION_CATEGORY, SNOMED_CODES, type ObservationCode } from './codeSystems';
import type { BuildContext } from './context';
import { coding, concept, defined, fhirDateTime, note, observationCode, quantity } from './datatypes';
import { ownedEntry } from './entries';
import { stableUuid } from './ids';
import type { BundleEntry, CodeableConcept, Observation, ObservationComponent, Reference } from './types';

type Category = 'procedure' | 'exam' | 'survey' | 'laboratory';
const category = (code: Category): CodeableConcept => ({ coding: [{ system: OBSERVATION_CATEGORY, code }] });

type Draft = Omit<Observation, 'resourceType' | 'status' | 'subject' | 'category' | 'meta'>;

function observation(ctx: BuildContext, uuid: string, cat: Category, draft: Draft): BundleEntry {
  const head: Observation = {
    resourceType: 'Observation',
    meta: { tag: ctx.statuses.tag ? [ctx.statuses.tag] : undefined },
    status: ctx.statuses.observation,
    category: [category(cat)],
    code: draft.code,
    subject: ctx.patient,
  };
  return ownedEntry(uuid, Object.assign(head, draft));
}

/** A component only when its value was recorded (value[x] is required on a component). */
function component(code: ObservationCode, value: Omit<ObservationComponent, 'code'>, text?: string): ObservationComponent | undefined {
  const hasValue = Object.values(value).some((v) => v !== undefined && v !== null);
  return hasValue ? { code: observationCode(code, text), ...value } : undefined;
}

const localConcept = (system: string, code: string | null, display: string | undefined): CodeableConcept | undefined =>
  code ? concept(display ?? code, coding(system, code, display)) : undefined;

// ── Per target ────────────────────────────────────────────────────────────────────────────────

function cycleEntry(ctx: BuildContext, target: TargetWithCycles, targetRef: Reference, cycle: Cycle, siteCycleNo: number): BundleEntry {
  const device = deviceForTarget(ctx.doc, target);
  const both = cycle.startedAt && cycle.endedAt;
  return observation(ctx, stableUuid(cycle.id, 'Observation', 'freeze-cycle'), 'procedure', {
    partOf: [targetRef],
    code: observationCode('freeze-cycle', `Freeze cycle ${siteCycleNo} at lesion site ${cycle.siteNo ?? 1}`),
    effectivePeriod: both ? { start: fhirDateTime(cycle.startedAt), end: fhirDateTime(cycle.endedAt) } : undefined,
    effectiveDateTime: both ? undefined : fhirDateTime(cycle.startedAt),
    component: defined([
      component('lesion-site-number', { valueInteger: cycle.siteNo ?? 1 }),
      component('cycle-number', { valueInteger: siteCycleNo }),
      component('freeze-duration', { valueQuantity: quantity(freezeSecondsOf(cycle, device), 's') }),
      component('lowest-probe-temperature', { valueQuantity: quantity(cycle.tipTempC, 'Cel') }),
      component('thaw-type', { valueCodeableConcept: localConcept(LOCAL.thawType, cycle.thawType, cycle.thawType ? THAW_TYPE_LABELS[cycle.thawType] : undefined) }),
      component('thaw-duration', { valueQuantity: quantity(cycle.thawS, 's') }),
      component('ice-ball-seen', { valueBoolean: cycle.iceBallSeen ?? undefined }),
      component('ice-ball-diameter', { valueQuantity: quantity(cycle.iceBallMm, 'mm') }),
      cycle.painNrs !== null ? { code: concept('Pain during the freeze (0-10)', LOINC_CODES.painNrs), valueInteger: cycle.painNrs } : undefined,
      component('cycle-outcome', { valueCodeableConcept: localConcept(LOCAL.cycleOutcome, cycle.outcome, cycle.outcome ? CYCLE_OUTCOME_LABELS[cycle.outcome] : undefined) }),
      component('abort-reason', { valueCodeableConcept: localConcept(LOCAL.abortReason, cycle.abortReason, cycle.abortReason ? ABORT_REASON_LABELS[cycle.abortReason] : undefined) }),
    ]),
    note: defined([note(cycle.abortNote)]),
  });
}

const muscleLabel = (code: string | null) => MUSCLES.find((m) => m.code === code)?.label;

function stimulationEntry(ctx: BuildContext, t: TargetWithCycles, targetRef: Reference): BundleEntry | undefined {
  if (t.stimThresholdMa === null) return undefined;
  const firstStart = t.cycles.map((c) => c.startedAt).filter((x): x is string => x !== null).sort((a, b) => timeOf(a)! - timeOf(b)!)[0];
  return observation(ctx, stableUuid(t.id, 'Observation', 'stimulation-threshold'), 'procedure', {
    partOf: [targetRef],
    code: observationCode('stimulation-threshold'),
    effectiveDateTime: fhirDateTime(firstStart ?? ctx.doc.session.startedAt),
    valueQuantity: quantity(t.stimThresholdMa, 'mA'),
    component: defined([
      component('stimulation-pulse-width', { valueQuantity: quantity(t.stimPulseWidthMs, 'ms') }),
      component('stimulation-frequency', { valueQuantity: quantity(t.stimFrequencyHz, 'Hz') }),
      component('motor-response-seen', { valueBoolean: t.motorResponseSeen ?? undefined }),
      component('muscle-responding', { valueCodeableConcept: localConcept(LOCAL.muscle, t.muscleResponding, muscleLabel(t.muscleResponding)) }),
      component('paraesthesia-reported', { valueBoolean: t.paraesthesiaReported ?? undefined }),
    ]),
  });
}

export function targetObservationEntries(ctx: BuildContext, t: TargetWithCycles, targetRef: Reference): BundleEntry[] {
  const entries: BundleEntry[] = [];
  const stim = stimulationEntry(ctx, t, targetRef);
  if (stim) entries.push(stim);
  for (const cycles of cyclesBySite(t).values()) cycles.forEach((c, i) => entries.push(cycleEntry(ctx, t, targetRef, c, i + 1)));
  return entries;
}

// ── Before and after (session level) ──────────────────────────────────────────────────────────

type When = 'pre' | 'post';
const WHEN_TEXT: Record<When, string> = { pre: 'before cryoneurolysis', post: 'after cryoneurolysis' };

function effectiveAt(ctx: BuildContext, when: When): string | undefined {
  const s = ctx.doc.session;
  return fhirDateTime(when === 'pre' ? s.startedAt : (s.endedAt ?? s.startedAt));
}

function siteConcept(o: Outcome): CodeableConcept | undefined {
  if (!o.muscleGroup) return undefined;
  const label = MUSCLE_GROUP_LABELS[o.muscleGroup];
  const text = o.side ? `${SIDE_LABELS[o.side]} ${label.toLowerCase()}` : label;
  return concept(text, coding(LOCAL.muscleGroup, o.muscleGroup, label));
}

function outcomeEntries(ctx: BuildContext, o: Outcome, when: When): BundleEntry[] {
  const pre = when === 'pre';
  const base = { partOf: [ctx.parentProcedure], effectiveDateTime: effectiveAt(ctx, when), bodySite: siteConcept(o) };
  const entries: BundleEntry[] = [];
  const mas = pre ? o.masPre : o.masPost;
  if (mas !== null) {
    entries.push(
      observation(ctx, stableUuid(o.id, 'Observation', 'mas', when), 'exam', {
        ...base,
        code: observationCode('mas', `Modified Ashworth Scale, ${WHEN_TEXT[when]}`, SNOMED_CODES.modifiedAshworth),
        valueCodeableConcept: concept(mas, { system: LOCAL.masGrade, code: mas, display: `MAS ${mas}` }),
      }),
    );
  }
  const [r1, r2, x] = pre ? [o.tardieuR1Pre, o.tardieuR2Pre, o.tardieuXPre] : [o.tardieuR1Post, o.tardieuR2Post, o.tardieuXPost];
  if (r1 !== null || r2 !== null || x !== null) {
    entries.push(
      observation(ctx, stableUuid(o.id, 'Observation', 'tardieu', when), 'exam', {
        ...base,
        code: observationCode('tardieu', `Modified Tardieu Scale, ${WHEN_TEXT[when]}`),
        method: o.angleConvention || o.testPosition ? { text: [o.angleConvention ? `Angles: ${o.angleConvention}` : null, o.testPosition ? `Position: ${o.testPosition}` : null].filter(Boolean).join('; ') } : undefined,
        component: defined([
          component('tardieu-r1', { valueQuantity: quantity(r1, 'deg') }),
          component('tardieu-r2', { valueQuantity: quantity(r2, 'deg') }),
          component('tardieu-x', { valueCodeableConcept: localConcept(LOCAL.tardieuX, x, x ?? undefined) }),
          component('tardieu-v', { valueCodeableConcept: localConcept(LOCAL.tardieuV, o.tardieuV, o.tardieuV ? TARDIEU_V_LABELS[o.tardieuV] : undefined) }),
        ]),
      }),
    );
  }
  const roms: [ObservationCode, number | null][] = [
    ['passive-rom', pre ? o.promPre : o.promPost],
    ['active-rom', pre ? o.aromPre : o.aromPost],
  ];
  for (const [code, value] of roms) {
    if (value === null) continue;
    entries.push(
      observation(ctx, stableUuid(o.id, 'Observation', code, when), 'exam', {
        ...base,
        code: observationCode(code, `${code === 'passive-rom' ? 'Passive' : 'Active'} range of movement, ${WHEN_TEXT[when]}`),
        method: o.angleConvention ? { text: `Angles: ${o.angleConvention}` } : undefined,
        valueQuantity: quantity(value, 'deg'),
      }),
    );
  }
  return entries;
}

function painEntry(ctx: BuildContext, when: When): BundleEntry | undefined {
  const value = when === 'pre' ? ctx.doc.session.baselinePainNrs : ctx.doc.session.painNrsPost;
  if (value === null) return undefined;
  return observation(ctx, stableUuid(ctx.doc.session.id, 'Observation', 'pain', when), 'survey', {
    partOf: [ctx.parentProcedure],
    code: concept(`Pain (0-10), ${WHEN_TEXT[when]}`, LOINC_CODES.painNrs),
    effectiveDateTime: effectiveAt(ctx, when),
    valueInteger: value,
  });
}

function inrEntry(ctx: BuildContext): BundleEntry | undefined {
  const s = ctx.doc.session;
  if (s.inrValue === null) return undefined;
  const low = quantity(s.inrTargetLow, 'INR');
  const high = quantity(s.inrTargetHigh, 'INR');
  return observation(ctx, stableUuid(s.id, 'Observation', 'inr'), 'laboratory', {
    code: concept('INR', LOINC_CODES.inr),
    effectiveDateTime: fhirDateTime(s.inrDate),
    valueQuantity: quantity(s.inrValue, 'INR'),
    referenceRange: low || high ? [{ low, high, text: "The patient's target range" }] : undefined,
    note: defined([note(s.inrSource ? `Source: ${INR_SOURCE_LABELS[s.inrSource]}` : null)]),
  });
}

export function sessionObservationEntries(ctx: BuildContext): BundleEntry[] {
  const whens: When[] = ['pre', 'post'];
  return defined([
    inrEntry(ctx),
    ...whens.map((w) => painEntry(ctx, w)),
    ...ctx.doc.outcomes.flatMap((o) => whens.flatMap((w) => outcomeEntries(ctx, o, w))),
  ]);
}
