// One synthetic session as the app's own SessionDocument (the shape loadSessionDocument returns,
// key order included), so the rows written from it and the signed copy kept in session_version
// say the same thing. Values follow domain.md: complete, plausible, inside every hard limit.
import { blankFields } from '../../../shared/domain/blank';
import { stretchDirection } from '../../../shared/domain/derived';
import type { EntityName, Patient, Row, SessionDocument } from '../../../shared/domain/model';
import { findNerve, type NerveCode } from '../../../shared/domain/valueSets';
import type { Rng } from './prng';
import { PATTERNS, type TreatmentPattern } from './patterns';
import { AMENDMENT_REASONS, ASSISTANTS, LOCATIONS, OPERATORS, noteText, type Clinician } from './vocabulary';

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Row stamp, as the app writes it (UTC, milliseconds). */
export const stamp = (ms: number) => new Date(ms).toISOString();
/** A clinical date-time field, with its offset (the synthetic clinic keeps UTC). */
const clock = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}+00:00`;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** What stays the same for one patient from session to session. */
export interface PatientPlan {
  patient: Patient;
  allergies: Row<'allergy'>[];
  patterns: readonly TreatmentPattern[];
  /** The side treated; both sides for a bilateral patient. */
  sides: readonly ('left' | 'right')[];
  onWarfarin: boolean;
}

export interface SessionSlot {
  sessionId: string;
  /** Midnight UTC of the session day. */
  dayMs: number;
  /** 0 for the patient's first cryoneurolysis. */
  nth: number;
  /** Sessions in the last fortnight are still being written up. */
  recent: boolean;
}

export interface Signature {
  at: string;
  signer: { name: string; role: string; registrationBody: 'gmc' | 'nmc' | 'hcpc'; registrationNumber: string };
}

export interface Amendment {
  reason: string;
  by: string;
  openedAt: string;
  /** The document after the amendment (signed as version 2). */
  after: SessionDocument;
  second: Signature;
}

export interface BuiltSession {
  doc: SessionDocument;
  signature: Signature | null;
  amendment: Amendment | null;
}

export function row<E extends EntityName>(entity: E, id: string, parent: Record<string, string> | null, seq: number | null, values: Partial<Row<E>>, createdMs: number, updatedMs = createdMs): Row<E> {
  return {
    id,
    ...parent,
    ...(seq === null ? {} : { seq }),
    ...blankFields(entity),
    ...values,
    createdAt: stamp(createdMs),
    updatedAt: stamp(updatedMs),
  } as unknown as Row<E>;
}

export interface SessionShape {
  signRate: number;
  amendRate: number;
  /** Typical freeze cycles per target (the spread is -2..+2 around it). */
  cyclesPerTarget: number;
}

export function buildSession(rng: Rng, newId: () => string, plan: PatientPlan, slot: SessionSlot, { signRate, amendRate, cyclesPerTarget }: SessionShape): BuiltSession {
  const sessionId = slot.sessionId;
  const under = { sessionId };
  const operator = rng.pick(OPERATORS);
  const assistant = rng.pick(ASSISTANTS);
  const start = slot.dayMs + rng.int(8 * 60 + 30, 15 * 60 + 30) * MINUTE;
  const signInMs = start - rng.int(4, 12) * MINUTE;
  const status = slot.recent ? rng.weighted([['draft', 1], ['in-progress', 1], ['completed', 2]] as const) : rng.weighted([['completed', 97], ['stopped', 1.5], ['not-done', 1.5]] as const);

  // Targets: about three, from the patient's patterns, on the treated side(s).
  const targetCount = status === 'not-done' ? 0 : rng.weighted([[1, 10], [2, 20], [3, 40], [4, 20], [5, 10]] as const);
  // A pattern with few branches borrows from the same limb's others (a fist and a wrist together).
  const patterns = [...plan.patterns, ...PATTERNS.filter((p) => p.limb === plan.patterns[0]!.limb && !plan.patterns.includes(p))];
  const choices = patterns.flatMap((p) => p.branches.flatMap(([nerve, branch]) => plan.sides.map((side) => ({ p, nerve, branch, side }))));
  const own = plan.patterns.reduce((n, p) => n + p.branches.length * plan.sides.length, 0);
  const picked: typeof choices = [];
  let ownLeft = own;
  for (let i = 0; i < targetCount && choices.length > 0; i++) {
    // The patient's own patterns first, then the borrowed ones.
    const from = ownLeft > 0 ? rng.int(0, ownLeft - 1) : rng.int(0, choices.length - 1);
    if (ownLeft > 0) ownLeft--;
    picked.push(choices.splice(from, 1)[0]!);
  }
  picked.sort((a, b) => (a.side === b.side ? 0 : a.side === 'left' ? -1 : 1));

  const device = buildDevice(rng, newId(), sessionId, slot, signInMs);
  const handheld = device.systemType === 'handheld-fixed-cycle';
  const painBefore = rng.int(2, 8);

  let t = start + rng.int(2, 5) * MINUTE;
  let aborted = false;
  const targets: SessionDocument['targets'] = picked.map((c, i) => {
    const targetId = newId();
    const stop = t;
    let cycleAt = stop + rng.int(1, 3) * MINUTE;
    // Up to 3 freeze-thaw cycles at a site (W09 warns above 4), as many sites as that needs.
    const cycleCount = rng.weighted([[Math.max(1, cyclesPerTarget - 2), 20], [cyclesPerTarget, 50], [cyclesPerTarget + 2, 30]]);
    const cycles: SessionDocument['targets'][number]['cycles'] = [];
    for (let n = 1; n <= cycleCount; n++) {
      const durationS = handheld ? 106 : rng.weighted([[60, 10], [90, 50], [120, 25], [150, 10], [180, 5]] as const);
      const thawS = rng.int(20, 40);
      const endMs = cycleAt + durationS * 1000;
      // A stopped session ends on an aborted cycle (the only one that is not completed).
      const abort = status === 'stopped' && i === picked.length - 1 && n === cycleCount;
      if (abort) aborted = true;
      cycles.push(
        row('cycle', newId(), { targetId }, n, {
          siteNo: Math.floor((n - 1) / 3) + 1,
          startedAt: clock(cycleAt),
          endedAt: clock(endMs),
          durationS,
          thawType: rng.chance(0.8) ? 'passive' : 'active-defrost',
          thawS,
          tipTempC: handheld ? null : rng.int(-89, -55),
          iceBallSeen: true,
          iceBallMm: rng.dec(4, 14, 1),
          painNrs: abort ? rng.int(6, 9) : rng.int(1, 6),
          outcome: abort ? 'aborted' : 'completed',
          abortReason: abort ? rng.pick(['pain', 'vasovagal'] as const) : null,
        }, endMs),
      );
      cycleAt = endMs + (thawS + rng.int(10, 40)) * 1000;
    }
    t = cycleAt + rng.int(3, 8) * MINUTE;
    const threshold = rng.dec(0.25, 1.2, 2);
    return {
      ...row('target', targetId, under, i + 1, {
        nerve: c.nerve,
        branch: c.branch,
        side: c.side,
        deviceId: device.id,
        clinicalPattern: c.p.pattern,
        patientPosition: c.p.limb === 'upper' ? 'Supine, arm abducted on an arm board' : 'Prone, feet over the end of the couch',
        approach: rng.chance(0.7) ? 'in-plane' : 'out-of-plane',
        depthMm: rng.int(c.p.limb === 'upper' ? 8 : 15, c.p.limb === 'upper' ? 30 : 55),
        intendedOutcome: `Less ${c.p.muscleGroup.replaceAll('-', ' ')} tone`,
        laAgent: 'lidocaine',
        laConcPct: 1,
        laVolumeMl: rng.pick([1, 1.5, 2, 2.5, 3]),
        usUsed: true,
        usNerveVisualised: true,
        stimUsed: true,
        stimVia: handheld ? 'separate-needle' : 'stimulating-cryoprobe',
        stimThresholdMa: threshold,
        stimPulseWidthMs: 0.1,
        stimFrequencyHz: 2,
        motorResponseSeen: true,
        muscleResponding: c.branch,
        paraesthesiaReported: false,
        postFreezeRestim: rng.pick(['absent', 'reduced', 'not-tested'] as const),
        stopMomentDone: true,
        stopMomentTime: clock(stop),
        stopMomentBy1: operator.name,
        stopMomentBy2: assistant.name,
        wrongSiteDeclared: false,
      }, stop, t),
      cycles,
    };
  });
  const endMs = status === 'not-done' ? start : t;
  const signOutMs = endMs + rng.int(2, 8) * MINUTE;
  const treated = targets.map((x) => x.branch!.replaceAll('-', ' '));

  const pattern = picked[0]?.p ?? plan.patterns[0]!;
  const side = plan.sides[0]!;
  const masPre = rng.pick(['1+', '2', '3'] as const);
  const masPost = masPre === '3' ? rng.pick(['1+', '2'] as const) : masPre === '2' ? rng.pick(['1', '1+'] as const) : rng.pick(['0', '1'] as const);
  const r2 = rng.int(0, 20);
  const stretch = stretchDirection(pattern.muscleGroup, pattern.angleConvention)?.sign ?? 1;
  const stamps = [signInMs, signOutMs] as const;

  const consentSites = [...new Map(picked.map((c) => [`${c.nerve}|${c.side}`, c])).values()].map((c, i) =>
    row('consentSite', newId(), under, i + 1, { region: findNerve(c.nerve)!.region, side: c.side, nerve: c.nerve as NerveCode, note: `Branches to the ${c.p.muscleGroup.replaceAll('-', ' ')}` }, ...stamps),
  );
  const blockMs = slot.dayMs - rng.int(14, 35) * DAY;
  const diagnosticBlocks =
    slot.nth === 0
      ? picked.map((c, i) =>
          row('diagnosticBlock', newId(), under, i + 1, { blockDate: day(blockMs), nerve: c.nerve, branch: c.branch, side: c.side, agent: 'lidocaine-1', volumeMl: 1, guidanceUs: true, guidanceStim: true, result: 'positive', masPre, masPost }, ...stamps),
        )
      : [];

  const warfarin = plan.onWarfarin;
  const session = row('session', sessionId, { patientId: plan.patient.id }, null, {
    status: status === 'completed' && rng.next() >= signRate ? 'in-progress' : status,
    statusReason: status === 'stopped' ? 'Stopped after a freeze: the patient asked to stop' : status === 'not-done' ? rng.pick(['Patient unwell on the day', 'INR result not available', 'Patient declined on the day']) : null,
    startedAt: clock(start),
    endedAt: status === 'not-done' ? null : clock(endMs),
    location: rng.pick(LOCATIONS),
    odsCode: 'RZZ01',
    setting: rng.weighted([['outpatient', 80], ['day-case', 15], ['inpatient', 5]] as const),
    consentType: rng.chance(0.9) ? 'written-patient' : 'best-interests',
    consentDate: day(slot.dayMs - rng.int(0, 10) * DAY),
    consentTaker: operator.name,
    leafletGiven: true,
    capacityAssessed: true,
    anticoagulant: warfarin ? 'warfarin' : rng.weighted([['none', 70], ['antiplatelet', 25], ['apixaban', 5]] as const),
    anticoagulantAction: warfarin ? 'continued' : 'not-applicable',
    inrValue: warfarin ? rng.dec(2.0, 3.0, 1) : null,
    inrDate: warfarin ? day(slot.dayMs - rng.int(1, 6) * DAY) : null,
    inrSource: warfarin ? 'anticoagulation-clinic' : null,
    inrTargetLow: warfarin ? 2 : null,
    inrTargetHigh: warfarin ? 3 : null,
    preAnalgesiaTaken: rng.chance(0.3),
    baselinePainNrs: painBefore,
    firstTreatment: slot.nth === 0,
    signInDone: true,
    signInTime: clock(signInMs),
    signInBy: assistant.name,
    patientIdConfirmed: true,
    proceduresMatchConsent: true,
    siteMarked: 'marked-visible',
    allergiesReconfirmed: true,
    anticoagReconfirmed: true,
    equipmentChecked: true,
    timeOutTime: clock(start),
    timeOutBy: operator.name,
    signOutDone: true,
    signOutTime: clock(signOutMs),
    signOutBy: assistant.name,
    painNrsPost: Math.max(0, painBefore - rng.int(0, 4)),
    tolerance: aborted ? 'poor' : rng.weighted([['well', 85], ['fair', 13], ['poor', 2]] as const),
    functionalObservation: rng.chance(0.7) ? `${pattern.muscleGroup.replaceAll('-', ' ')} tone lower after treatment.` : null,
    complicationsAnswer: 'none',
    aftercareAdviceGiven: true,
    aftercareTopics: pattern.limb === 'lower' ? ['wound-care', 'delayed-pain', 'contact-numbers', 'falls'] : ['wound-care', 'delayed-pain', 'contact-numbers'],
    analgesiaPlan: 'Paracetamol as needed for delayed pain; call the clinic if pain persists beyond two weeks.',
    therapyPlan: rng.pick(['Community physiotherapy stretches', 'Splint review with OT', 'Gait work with physiotherapy', 'Serial casting review']),
    gpLetter: true,
    fallsAdvice: pattern.limb === 'lower' && plan.patient.ambulant === true,
    repeatTreatmentNote: 'Consider repeating if tone returns (nerve regrowth 3–9 months).',
    notes: noteText(rng, treated),
  }, signInMs, signOutMs);

  // Most sessions pass without a complication; a few record a mild one (answered either way).
  const complications: SessionDocument['complications'] = [];
  if (status !== 'not-done' && rng.chance(0.06)) {
    session.complicationsAnswer = 'present';
    complications.push(row('complication', newId(), under, 1, { type: rng.pick(['bruising-swelling', 'vasovagal', 'cramping'] as const), onset: 'intra-procedure', onsetAt: clock(endMs - MINUTE), severity: 'mild', action: 'none', resolved: true, resolvedDate: day(slot.dayMs) }, signOutMs));
  }

  const doc: SessionDocument = {
    format: 'cryolog.session',
    formatVersion: 1,
    session,
    patient: { ...plan.patient, allergies: plan.allergies },
    team: [
      teamRow(newId(), under, 1, 'operator', operator, ...stamps),
      teamRow(newId(), under, 2, 'assistant', assistant, ...stamps),
    ],
    consentSites,
    goals: [row('goal', newId(), under, 1, { goalText: `Easier care of the ${side} ${pattern.limb} limb`, importance: rng.int(1, 3), difficulty: rng.int(1, 3), baselineLevel: -1, followUpDate: day(slot.dayMs + 84 * DAY) }, ...stamps)],
    diagnosticBlocks,
    devices: status === 'not-done' ? [] : [device],
    targets,
    outcomes:
      status === 'not-done'
        ? []
        : [
            row('outcome', newId(), under, 1, {
              muscleGroup: pattern.muscleGroup,
              side,
              masPre,
              masPost,
              angleConvention: pattern.angleConvention,
              testPosition: 'Supine, standard position for the joint',
              tardieuV: 'V3',
              // The catch (R1) comes before the end of range (R2) along the stretch.
              tardieuR1Pre: r2 - stretch * rng.int(40, 80),
              tardieuR1Post: r2 - stretch * rng.int(10, 35),
              tardieuR2Pre: r2,
              tardieuR2Post: r2,
              tardieuXPre: rng.pick(['2', '3'] as const),
              tardieuXPost: rng.pick(['0', '1'] as const),
            }, ...stamps),
          ],
    complications,
    followUps: [
      row('followUp', newId(), under, 1, { date: day(slot.dayMs + 7 * DAY), kind: 'phone', withWhom: 'Spasticity nurse (delayed-pain check)' }, ...stamps),
      row('followUp', newId(), under, 2, { date: day(slot.dayMs + 42 * DAY), kind: 'clinic', withWhom: `${operator.name} (MAS, MTS, GAS)` }, ...stamps),
      ...(rng.chance(0.6) ? [row('followUp', newId(), under, 3, { date: day(slot.dayMs + 84 * DAY), kind: 'clinic', withWhom: `${operator.name} (MAS, MTS, GAS)` }, ...stamps)] : []),
    ],
    acknowledgements: [],
  };

  const signed = session.status === 'completed' || session.status === 'stopped';
  if (!signed) return { doc, signature: null, amendment: null };
  const signer = signerOf(operator);
  const signedMs = signOutMs + rng.int(10, 90) * MINUTE;
  session.updatedAt = stamp(signedMs);
  const signature = { at: stamp(signedMs), signer };
  if (slot.recent || status !== 'completed' || !rng.chance(amendRate)) return { doc, signature, amendment: null };
  return { doc, signature, amendment: amend(rng, newId, doc, operator, slot.dayMs) };
}

/** The S5 amendment story: a delayed dysaesthesia reported days later, added with a reason. */
function amend(rng: Rng, newId: () => string, before: SessionDocument, operator: Clinician, dayMs: number): Amendment {
  const openedMs = dayMs + rng.int(4, 9) * DAY + rng.int(9 * 60, 16 * 60) * MINUTE;
  const editMs = openedMs + rng.int(1, 5) * MINUTE;
  const resignMs = editMs + rng.int(1, 10) * MINUTE;
  const sessionId = before.session.id;
  const complication = row('complication', newId(), { sessionId }, before.complications.length + 1, {
    type: 'dysaesthesia',
    onset: 'delayed',
    onsetAt: clock(dayMs + 3 * DAY + 12 * 60 * MINUTE),
    severity: 'moderate',
    action: 'neuropathic-agent',
    actionNote: 'Oral neuropathic agent started by GP',
    resolved: false,
    note: 'Burning pain over the treated area from day 3',
  }, editMs);
  const after: SessionDocument = {
    ...before,
    session: { ...before.session, complicationsAnswer: 'present', updatedAt: stamp(resignMs) },
    complications: [...before.complications, complication],
  };
  return { reason: rng.pick(AMENDMENT_REASONS), by: operator.name, openedAt: stamp(openedMs), after, second: { at: stamp(resignMs), signer: signerOf(operator) } };
}

function signerOf(c: Clinician): Signature['signer'] {
  return { name: c.name, role: c.profession, registrationBody: c.registrationBody, registrationNumber: c.registrationNumber };
}

function teamRow(id: string, under: { sessionId: string }, seq: number, role: 'operator' | 'assistant', c: Clinician, created: number, updated: number): Row<'teamMember'> {
  return row('teamMember', id, under, seq, { role, name: c.name, profession: c.profession, registrationBody: c.registrationBody, registrationNumber: c.registrationNumber }, created, updated);
}

/** GS1 GTIN-14 with its mod-10 check digit appended to 13 digits. */
function gtin(first13: string): string {
  const sum = first13.split('').reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 3 : 1), 0);
  return `${first13}${(10 - (sum % 10)) % 10}`;
}

function buildDevice(rng: Rng, id: string, sessionId: string, slot: SessionSlot, atMs: number): Row<'device'> {
  const handheld = rng.chance(0.3);
  const year = new Date(slot.dayMs).getUTCFullYear() % 100;
  const lot = `${handheld ? 'ST' : 'PRB'}-${year}-${String(rng.int(1, 9999)).padStart(4, '0')}`;
  const expiryMs = slot.dayMs + rng.int(120, 540) * DAY;
  const expiry = day(expiryMs);
  const code = gtin(handheld ? '0509999900002' : '0509999900001');
  return row('device', id, { sessionId }, 1, {
    systemType: handheld ? 'handheld-fixed-cycle' : 'console',
    manufacturer: 'Examplemed Cryo (fictional)',
    model: handheld ? 'HX-1 handheld N2O' : 'CX-200 N2O console',
    serialNumber: `${handheld ? 'HX1' : 'CX200'}-${String(rng.int(1, 40)).padStart(6, '0')}`,
    udiRaw: `(01)${code}(17)${expiry.slice(2).replaceAll('-', '')}(10)${lot}`,
    probeGtin: code,
    probeLot: lot,
    lotUnreadable: false,
    probeExpiry: expiry,
    probeGauge: handheld ? 20 : rng.pick([14, 16]),
    probeLengthMm: handheld ? 90 : 100,
    plannedFreezeS: handheld ? 106 : 90,
    gasLot: `N2O-${rng.int(1000, 9999)}`,
    stimulatorModel: handheld ? 'Example stimulator NS-2 (fictional)' : 'CX-200 built-in nerve stimulator',
    laBatch: `LID-${year}-${String(rng.int(1, 9999)).padStart(4, '0')}`,
    laExpiry: day(slot.dayMs + rng.int(90, 700) * DAY),
  }, atMs);
}

