// Every rule of domain.md §4 (plus REQ and REC): cases that trigger it and near misses that
// must not. The expected ids are written out here, so a rule dropped from the engine fails.
import { describe, expect, it } from 'vitest';
import { RULES, RULE_IDS, validateSession, type DerivedOptions, type RuleConfig } from '../../../shared/domain/rules';
import { DEFAULT_RULE_CONFIG, mergeRuleConfig } from '../../../shared/domain/rules/config';
import type { EntityName, SessionDocument } from '../../../shared/domain/model';
import { blankFields } from '../../../shared/domain/blank';
import { c1, dev1, edit, newId, out1, s1, s2, t1 } from './fixtures';

const EXPECTED_IDS = [
  'REQ',
  ...Array.from({ length: 14 }, (_, i) => `E${String(i + 1).padStart(2, '0')}`),
  'W01',
  'W02',
  'W02b',
  ...Array.from({ length: 17 }, (_, i) => `W${String(i + 3).padStart(2, '0')}`),
  'REC',
];

interface Case {
  name: string;
  base?: () => SessionDocument;
  change?: (d: SessionDocument) => void;
  /** Where the finding must point (entity.field). */
  at?: `${EntityName}.${string}`;
  needsReason?: boolean;
  config?: RuleConfig;
  options?: DerivedOptions;
}

const c = (name: string, change: (d: SessionDocument) => void, at?: Case['at'], extra: Partial<Case> = {}): Case => ({ name, change, ...(at ? { at } : {}), ...extra });
const onS2 = { base: s2 };
const t2 = (d: SessionDocument) => d.targets[1]!;
const cycle = (d: SessionDocument, target: number, n: number) => d.targets[target]!.cycles[n]!;
const withConfig = (override: unknown): RuleConfig => {
  const r = mergeRuleConfig(override);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.config;
};
const stampsOf = (d: SessionDocument) => ({ createdAt: d.session.createdAt, updatedAt: d.session.updatedAt });
const fullComplication = (d: SessionDocument, fields: Partial<SessionDocument['complications'][number]>) => {
  d.complications.push({
    id: newId(),
    sessionId: d.session.id,
    seq: d.complications.length + 1,
    ...blankFields('complication'),
    type: 'bruising-swelling',
    onset: 'before-discharge',
    severity: 'mild',
    action: 'none',
    ...stampsOf(d),
    ...fields,
  });
};
const addCycles = (d: SessionDocument, count: number, site: (i: number) => number) => {
  const t = t1(d);
  const template = t.cycles[0]!;
  t.cycles = Array.from({ length: count }, (_, i) => ({
    ...template,
    id: newId(),
    seq: i + 1,
    siteNo: site(i),
    startedAt: `2026-03-17T09:${String(15 + i).padStart(2, '0')}:00+00:00`,
    endedAt: `2026-03-17T09:${String(15 + i).padStart(2, '0')}:50+00:00`,
    durationS: 50,
  }));
};

const TABLE: Record<string, { fires: Case[]; quiet: Case[] }> = {
  REQ: {
    fires: [
      c('family name missing', (d) => (d.patient.familyName = null), 'patient.familyName'),
      c('given name blank', (d) => (d.patient.givenName = '  '), 'patient.givenName'),
      c('weight 680 kg (a slipped digit)', (d) => (d.patient.weightKg = 680), 'patient.weightKg'),
      c('allergies not asked', (d) => (d.patient.allergyStatus = 'not-asked'), 'patient.allergyStatus'),
      c('has allergies but none listed', (d) => (d.patient.allergyStatus = 'has-allergies'), 'patient.allergyStatus'),
      c('nerve missing', (d) => Object.assign(t1(d), { nerve: null, branch: null }), 'target.nerve'),
      c('branch not of the nerve', (d) => (t1(d).branch = 'soleus'), 'target.branch'),
      c('radial nerve without its branch (motor or trunk?)', (d) => (d.targets[2]!.branch = null), 'target.branch'),
      c('no target at all', (d) => (d.targets = []), 'session.targets'),
      c('target without a cycle', (d) => (t1(d).cycles = []), 'target.cycles'),
      c('two devices and the target names none', (d) => d.devices.push({ ...dev1(d), id: newId(), seq: 2 }), 'target.deviceId'),
      c('device system type missing', (d) => (dev1(d).systemType = null), 'device.systemType'),
      c('device model missing', (d) => (dev1(d).model = null), 'device.model'),
      c('lidocaine 1.5 %', (d) => (t1(d).laConcPct = 1.5), 'target.laConcPct'),
      c('lidocaine volume without a concentration', (d) => (t1(d).laConcPct = null), 'target.laConcPct'),
      c('console cycle with no duration or end time', (d) => Object.assign(c1(d), { durationS: null, endedAt: null }), 'cycle.durationS'),
      c('aborted cycle without the reason', (d) => (c1(d).outcome = 'aborted'), 'cycle.abortReason'),
      c('MAS without the muscle group', (d) => (out1(d).muscleGroup = null), 'outcome.muscleGroup'),
      c('goal without text', (d) => (d.goals[0]!.goalText = ''), 'goal.goalText'),
      c('session ends before it starts', (d) => (d.session.endedAt = '2026-03-17T08:00:00+00:00'), 'session.endedAt'),
      c('session start in the future', () => {}, 'session.startedAt', { options: { now: '2026-03-16T12:00:00+00:00' } }),
    ],
    quiet: [
      c('a duration from the start and end times', (d) => (c1(d).durationS = null)),
      { name: 'a handheld device fixes the cycle length (S2)', base: s2 },
      c('suprascapular nerve without a branch: it has only its trunk', (d) => Object.assign(t1(d), { nerve: 'suprascapular', branch: null })),
      c('cancelled before the needle: no targets or allergies needed', (d) => Object.assign(d, { targets: [] }, { patient: { ...d.patient, allergyStatus: 'not-asked' } }, { session: { ...d.session, status: 'not-done', statusReason: 'Unwell' } })),
      c('lidocaine 0.5 %', (d) => (t1(d).laConcPct = 0.5)),
      c('aborted cycle with its reason and no duration', (d) => Object.assign(c1(d), { outcome: 'aborted', abortReason: 'pain', durationS: null, endedAt: null })),
    ],
  },
  E01: {
    fires: [
      c('wrong check digit (S5)', (d) => (d.patient.nhsNumber = '9990079197'), 'patient.nhsNumber'),
      c('all one digit', (d) => (d.patient.nhsNumber = '1111111111'), 'patient.nhsNumber'),
      c('nine digits', (d) => (d.patient.nhsNumber = '999007919'), 'patient.nhsNumber'),
      c('missing, no reason', (d) => (d.patient.nhsNumber = null), 'patient.nhsNumber'),
      c('missing with a reason but no local number', (d) => Object.assign(d.patient, { nhsNumber: null, nhsNumberAbsentReason: 'overseas', localMrn: null }), 'patient.localMrn'),
    ],
    quiet: [c('missing with a reason and a local number', (d) => Object.assign(d.patient, { nhsNumber: null, nhsNumberAbsentReason: 'overseas' })), c('valid (S2)', () => {}, undefined, onS2)],
  },
  E02: {
    fires: [
      c('missing', (d) => (d.patient.dateOfBirth = null), 'patient.dateOfBirth'),
      c('after the session', (d) => (d.patient.dateOfBirth = '2026-03-18'), 'patient.dateOfBirth'),
      c('age 121', (d) => (d.patient.dateOfBirth = '1905-03-16'), 'patient.dateOfBirth'),
      c('in the future', (d) => (d.patient.dateOfBirth = '2026-03-17'), 'patient.dateOfBirth', { options: { now: '2026-03-16T12:00:00+00:00' } }),
    ],
    quiet: [c('exactly 120', (d) => (d.patient.dateOfBirth = '1906-03-17'))],
  },
  E03: {
    fires: [
      c('no consent type', (d) => (d.session.consentType = null), 'session.consentType'),
      c('consent dated after the session', (d) => (d.session.consentDate = '2026-03-18'), 'session.consentDate'),
      c('consent date missing', (d) => (d.session.consentDate = null), 'session.consentDate'),
      c('who took consent missing', (d) => (d.session.consentTaker = null), 'session.consentTaker'),
      c('no consented site', (d) => (d.consentSites = []), 'session.consentSites'),
    ],
    quiet: [c('consent on the day', (d) => (d.session.consentDate = '2026-03-17'))],
  },
  E04: {
    fires: [
      c('side missing', (d) => (t1(d).side = null), 'target.side'),
      c('right side, consent for the left (S5)', (d) => (t1(d).side = 'right'), 'target.side'),
      c('nerve not consented', (d) => Object.assign(t1(d), { nerve: 'median', branch: 'pronator-teres' }), 'target.side'),
      c('wrong-site declared without an incident reference', (d) => Object.assign(t1(d), { side: 'right', wrongSiteDeclared: true }), 'target.wrongSiteIncidentRef'),
      c('wrong-site declared without the complication', (d) => Object.assign(t1(d), { side: 'right', wrongSiteDeclared: true, wrongSiteIncidentRef: 'LFPSE-1' }), 'target.wrongSiteDeclared'),
    ],
    quiet: [
      c('wrong site declared with its reference and complication', (d) => {
        Object.assign(t1(d), { side: 'right', wrongSiteDeclared: true, wrongSiteIncidentRef: 'LFPSE-1' });
        fullComplication(d, { type: 'wrong-site', onset: 'intra-procedure', incidentRef: 'LFPSE-1' });
        d.session.complicationsAnswer = 'present';
      }),
      c('a consented site without a nerve covers the region and side', (d) => (d.consentSites = [{ ...d.consentSites[0]!, nerve: null }])),
      c('no consented site at all is E03, not one E04 per target', (d) => (d.consentSites = [])),
    ],
  },
  E05: {
    fires: [
      c('sign-in not done', (d) => (d.session.signInDone = false), 'session.signInDone'),
      c('identity not confirmed', (d) => (d.session.patientIdConfirmed = null), 'session.patientIdConfirmed'),
      c('sites not matched to consent', (d) => (d.session.proceduresMatchConsent = false), 'session.proceduresMatchConsent'),
      c('time-out missing', (d) => (d.session.timeOutTime = null), 'session.timeOutTime'),
      c('time-out after the first freeze (S5)', (d) => (d.session.timeOutTime = '2026-03-17T09:16:00+00:00'), 'session.timeOutTime'),
      c('no stop moment for the first target', (d) => (t1(d).stopMomentDone = false), 'target.stopMomentDone'),
      c('no stop moment on a new side', (d) => {
        d.consentSites.push({ ...d.consentSites[0]!, id: newId(), seq: 3, side: 'right' });
        Object.assign(t2(d), { side: 'right', stopMomentDone: null });
      }, 'target.stopMomentDone'),
      c('sign-out not done', (d) => (d.session.signOutDone = null), 'session.signOutDone'),
    ],
    quiet: [
      c('a later same-side target without a stop moment is W17, not E05', (d) => (t2(d).stopMomentDone = null)),
      c('time-out at the minute of the first freeze', (d) => (d.session.timeOutTime = '2026-03-17T09:15:00+00:00')),
      c('a session cancelled before the needle', (d) => Object.assign(d.session, { status: 'not-done', statusReason: 'Patient unwell', timeOutTime: null, signInDone: null })),
    ],
  },
  E06: {
    fires: [
      c('anticoagulation not answered', (d) => (d.session.anticoagulant = null), 'session.anticoagulant'),
      c('on warfarin without an INR', (d) => (d.session.inrValue = null), 'session.inrValue', onS2),
      c('on warfarin without the INR date', (d) => (d.session.inrDate = null), 'session.inrDate', onS2),
      c('INR dated the day after the session (S5)', (d) => (d.session.inrDate = '2026-03-18'), 'session.inrDate', onS2),
      c('INR 25', (d) => (d.session.inrValue = 25), 'session.inrValue', onS2),
      c('INR 0.4', (d) => (d.session.inrValue = 0.4), 'session.inrValue', onS2),
    ],
    quiet: [c('aspirin only, no INR (S1)', () => {}), c('INR 15, the limit', (d) => (d.session.inrValue = 15), undefined, onS2), c('INR 0.5, the limit', (d) => (d.session.inrValue = 0.5), undefined, onS2)],
  },
  E07: {
    fires: [
      c('MAS "2+" (S5)', (d) => (out1(d).masPre = '2+' as never), 'outcome.masPre'),
      c('MAS "1.5" in a diagnostic block', (d) => (d.diagnosticBlocks[0]!.masPost = '1.5' as never), 'diagnosticBlock.masPost'),
      c('baseline pain 11 (S5)', (d) => (d.session.baselinePainNrs = 11), 'session.baselinePainNrs'),
      c('pain after 3.5', (d) => (d.session.painNrsPost = 3.5), 'session.painNrsPost'),
      c('freeze pain -1', (d) => (c1(d).painNrs = -1), 'cycle.painNrs'),
      c('GAS baseline 0', (d) => (d.goals[0]!.baselineLevel = 0), 'goal.baselineLevel'),
      c('GAS follow-up +3', (d) => (d.goals[0]!.followUpLevel = 3), 'goal.followUpLevel'),
      c('GAS importance 4', (d) => (d.goals[0]!.importance = 4), 'goal.importance'),
      c('Tardieu X 5 when the service has not enabled it', (d) => (out1(d).tardieuXPre = '5'), 'outcome.tardieuXPre'),
      c('an angle of 200°', (d) => (out1(d).promPre = 200), 'outcome.promPre'),
      c('angles without a convention', (d) => (out1(d).angleConvention = null), 'outcome.angleConvention'),
    ],
    quiet: [
      c('Tardieu X 5 when enabled', (d) => (out1(d).tardieuXPre = '5'), undefined, { config: withConfig({ tardieuAllowX5: true }) }),
      c('an angle of -180°', (d) => (out1(d).promPre = -180)),
      c('GAS follow-up -2 and +2', (d) => ((d.goals[0]!.followUpLevel = -2), (d.goals[1]!.followUpLevel = 2))),
    ],
  },
  E08: {
    fires: [
      c('freeze 900 s (S5)', (d) => (c1(d).durationS = 900), 'cycle.durationS'),
      c('freeze 0 s', (d) => (c1(d).durationS = 0), 'cycle.durationS'),
      c('freeze of 700 s from the times', (d) => Object.assign(c1(d), { durationS: null, endedAt: '2026-03-17T09:26:40+00:00' }), 'cycle.endedAt'),
      c('thaw -5 s', (d) => (c1(d).thawS = -5), 'cycle.thawS'),
      c('thaw 901 s', (d) => (c1(d).thawS = 901), 'cycle.thawS'),
      c('ends before it starts', (d) => (c1(d).endedAt = '2026-03-17T09:14:00+00:00'), 'cycle.endedAt'),
      c('site 0', (d) => (c1(d).siteNo = 0), 'cycle.siteNo'),
      c('the same cycle entered twice', (d) => (cycle(d, 0, 1).startedAt = c1(d).startedAt), 'cycle.startedAt'),
      c('11 cycles at one site', (d) => addCycles(d, 11, () => 1), 'cycle.siteNo'),
    ],
    quiet: [c('freeze 600 s', (d) => (c1(d).durationS = 600)), c('10 cycles at one site', (d) => addCycles(d, 10, () => 1)), c('thaw 0 s', (d) => (c1(d).thawS = 0))],
  },
  E09: {
    fires: [
      c('+68 °C, a sign slip (S5)', (d) => (c1(d).tipTempC = 68), 'cycle.tipTempC'),
      c('-101 °C', (d) => (c1(d).tipTempC = -101), 'cycle.tipTempC'),
      c('+5 °C on a completed cycle', (d) => (c1(d).tipTempC = 5), 'cycle.tipTempC'),
    ],
    quiet: [
      c('+5 °C on an aborted cycle', (d) => Object.assign(c1(d), { tipTempC: 5, outcome: 'aborted', abortReason: 'gas-exhausted' })),
      c('-100 °C', (d) => (c1(d).tipTempC = -100)),
      c('0 °C on a completed cycle', (d) => (c1(d).tipTempC = 0)),
    ],
  },
  E10: {
    fires: [
      c('12 mA (S5)', (d) => (t1(d).stimThresholdMa = 12), 'target.stimThresholdMa'),
      c('-0.1 mA', (d) => (t1(d).stimThresholdMa = -0.1), 'target.stimThresholdMa'),
      c('pulse width 0.005 ms', (d) => (t1(d).stimPulseWidthMs = 0.005), 'target.stimPulseWidthMs'),
      c('pulse width 100 (µs typed as ms)', (d) => (t1(d).stimPulseWidthMs = 100), 'target.stimPulseWidthMs'),
      c('frequency 0.05 Hz', (d) => (t1(d).stimFrequencyHz = 0.05), 'target.stimFrequencyHz'),
      c('frequency 20 Hz', (d) => (t1(d).stimFrequencyHz = 20), 'target.stimFrequencyHz'),
    ],
    quiet: [c('5 mA, 0.01 ms, 10 Hz (the limits)', (d) => Object.assign(t1(d), { stimThresholdMa: 5, stimPulseWidthMs: 0.01, stimFrequencyHz: 10 })), c('0.1 Hz and 1.0 ms', (d) => Object.assign(t1(d), { stimFrequencyHz: 0.1, stimPulseWidthMs: 1 }))],
  },
  E11: {
    fires: [
      c('probe lot missing', (d) => (dev1(d).probeLot = null), 'device.probeLot'),
      c('lot unreadable without the reason', (d) => Object.assign(dev1(d), { probeLot: null, lotUnreadable: true }), 'device.lotUnreadableReason'),
      c('11 G', (d) => (dev1(d).probeGauge = 11), 'device.probeGauge'),
      c('28 G', (d) => (dev1(d).probeGauge = 28), 'device.probeGauge'),
      c('probe 5 mm long', (d) => (dev1(d).probeLengthMm = 5), 'device.probeLengthMm'),
      c('probe 250 mm long', (d) => (dev1(d).probeLengthMm = 250), 'device.probeLengthMm'),
    ],
    quiet: [
      c('lot unreadable with the reason (W13+R instead)', (d) => Object.assign(dev1(d), { probeLot: null, lotUnreadable: true, lotUnreadableReason: 'Label torn' })),
      c('12 G and 10 mm', (d) => Object.assign(dev1(d), { probeGauge: 12, probeLengthMm: 10 })),
      c('27 G and 200 mm', (d) => Object.assign(dev1(d), { probeGauge: 27, probeLengthMm: 200 })),
    ],
  },
  E12: {
    fires: [
      c('complications unanswered (S5)', (d) => (d.session.complicationsAnswer = null), 'session.complicationsAnswer'),
      c('"yes" with none listed', (d) => (d.session.complicationsAnswer = 'present'), 'session.complicationsAnswer'),
      c('"none" with one listed', (d) => fullComplication(d, {}), 'session.complicationsAnswer'),
      c('complication type missing', (d) => (d.complications[0]!.type = null), 'complication.type', onS2),
      c('complication onset missing', (d) => (d.complications[0]!.onset = null), 'complication.onset', onS2),
      c('complication severity missing', (d) => (d.complications[0]!.severity = null), 'complication.severity', onS2),
      c('wrong-site without an incident reference', (d) => (d.complications[0]!.type = 'wrong-site'), 'complication.incidentRef', onS2),
    ],
    quiet: [c('bruising, mild, answered "yes" (S2)', () => {}, undefined, onS2), c('answered "none" (S1)', () => {})],
  },
  E13: {
    fires: [
      c('no operator', (d) => (d.team = d.team.filter((m) => m.role !== 'operator')), 'session.team'),
      c('follow-up on the session date', (d) => (d.followUps[0]!.date = '2026-03-17'), 'followUp.date'),
      c('stopped without a reason', (d) => (d.session.status = 'stopped'), 'session.statusReason'),
      c('cancelled without a reason', (d) => (d.session.status = 'not-done'), 'session.statusReason'),
      c('entered in error without a reason', (d) => (d.session.status = 'entered-in-error'), 'session.statusReason'),
    ],
    quiet: [
      c('stopped with a reason', (d) => Object.assign(d.session, { status: 'stopped', statusReason: 'Vasovagal after the first cycle' })),
      c('follow-up the day after', (d) => (d.followUps[0]!.date = '2026-03-18')),
      c('cancelled before the needle needs no operator', (d) => Object.assign(d, { team: [] }, { session: { ...d.session, status: 'not-done', statusReason: 'Unwell' } })),
    ],
  },
  E14: {
    fires: [c('a target changed after signing', (d) => (t1(d).updatedAt = '2026-03-17T12:00:00+00:00'), 'target.updatedAt', { options: { signature: { signedAt: '2026-03-17T11:00:00+00:00', exportedAt: null } } })],
    quiet: [c('signed after every change', () => {}, undefined, { options: { signature: { signedAt: '2026-03-17T11:00:00+00:00', exportedAt: null } } }), c('not signed', (d) => (t1(d).updatedAt = '2026-03-18T12:00:00+00:00'))],
  },
  W01: {
    fires: [c('INR 8 days old', (d) => (d.session.inrDate = '2026-03-09'), 'session.inrDate', { ...onS2, needsReason: true })],
    quiet: [c('INR 7 days old (day 7 is accepted)', (d) => (d.session.inrDate = '2026-03-10'), undefined, onS2), c('an old INR when not on a VKA', (d) => Object.assign(d.session, { inrValue: 2.5, inrDate: '2026-01-01' }))],
  },
  W02: {
    fires: [c('INR 3.4 (target 2.0–3.0)', (d) => (d.session.inrValue = 3.4), 'session.inrValue', { ...onS2, needsReason: true }), c('INR 3.1 with the default target', (d) => Object.assign(d.session, { inrValue: 3.1, inrTargetHigh: null }), 'session.inrValue', onS2)],
    quiet: [c('INR 3.0', (d) => (d.session.inrValue = 3), undefined, onS2), c('INR 3.4 with a patient target of 2.5–3.5', (d) => Object.assign(d.session, { inrValue: 3.4, inrTargetLow: 2.5, inrTargetHigh: 3.5 }), undefined, onS2)],
  },
  W02b: {
    fires: [c('INR 1.8', (d) => (d.session.inrValue = 1.8), 'session.inrValue', { ...onS2, needsReason: false })],
    quiet: [c('INR 2.0', (d) => (d.session.inrValue = 2), undefined, onS2), c('INR 1.8 with a patient target of 1.5–2.5', (d) => Object.assign(d.session, { inrValue: 1.8, inrTargetLow: 1.5, inrTargetHigh: 2.5 }), undefined, onS2)],
  },
  W03: {
    fires: [c('apixaban withheld', (d) => Object.assign(d.session, { anticoagulant: 'apixaban', anticoagulantAction: 'withheld' }), 'session.anticoagulantAction')],
    quiet: [c('apixaban continued', (d) => Object.assign(d.session, { anticoagulant: 'apixaban', anticoagulantAction: 'continued' })), c('LMWH withheld', (d) => Object.assign(d.session, { anticoagulant: 'lmwh', anticoagulantAction: 'withheld' }))],
  },
  W04: {
    fires: [
      c('no block for target 3', (d) => d.diagnosticBlocks.pop(), 'target.nerve', { needsReason: true }),
      c('the block was on the other side', (d) => (d.diagnosticBlocks[2]!.side = 'right'), 'target.nerve'),
      c('the block was negative', (d) => (d.diagnosticBlocks[0]!.result = 'negative'), 'target.nerve', { needsReason: true }),
      c('block volume 6 mL', (d) => (d.diagnosticBlocks[0]!.volumeMl = 6), 'diagnosticBlock.volumeMl', { needsReason: false }),
      c('block dated after the session', (d) => (d.diagnosticBlocks[0]!.blockDate = '2026-03-20'), 'diagnosticBlock.blockDate'),
    ],
    quiet: [
      c('a nerve-level block covers its branches', (d) => {
        d.diagnosticBlocks = d.diagnosticBlocks.slice(0, 1);
        d.diagnosticBlocks[0]!.branch = null;
        d.diagnosticBlocks.push({ ...d.diagnosticBlocks[0]!, id: newId(), seq: 2, nerve: 'radial' });
      }),
      c('volume 5 mL', (d) => (d.diagnosticBlocks[0]!.volumeMl = 5)),
      c('an equivocal block', (d) => (d.diagnosticBlocks[0]!.result = 'equivocal')),
    ],
  },
  W05: {
    fires: [
      c('median trunk', (d) => Object.assign(t1(d), { nerve: 'median', branch: 'trunk' }), 'target.branch', { needsReason: true }),
      c('suprascapular (trunk only)', (d) => Object.assign(t1(d), { nerve: 'suprascapular', branch: null }), 'target.branch'),
    ],
    quiet: [c('motor branches (S1)', () => {})],
  },
  W06: {
    fires: [c('tibial trunk in a patient who walks', (d) => (t1(d).branch = 'trunk'), 'target.nerve', { ...onS2, needsReason: true })],
    quiet: [c('tibial trunk in a patient who does not walk', (d) => ((t1(d).branch = 'trunk'), (d.patient.ambulant = false)), undefined, onS2), c('median trunk (upper limb) in a patient who walks', (d) => Object.assign(t1(d), { nerve: 'median', branch: 'trunk' }))],
  },
  W07: {
    fires: [
      c('no ultrasound', (d) => (t1(d).usUsed = false), 'target.usUsed', { needsReason: true }),
      c('ultrasound not recorded', (d) => (t1(d).usUsed = null), 'target.usUsed'),
      c('no stimulation', (d) => (t1(d).stimUsed = false), 'target.stimUsed'),
      c('stimulation not recorded', (d) => (t1(d).stimUsed = null), 'target.stimUsed'),
      c('no motor response', (d) => (t1(d).motorResponseSeen = false), 'target.motorResponseSeen'),
    ],
    quiet: [c('ultrasound, stimulation and a response (S1)', () => {}), c('S2: ultrasound, stimulation and a response on every target', () => {}, undefined, onS2)],
  },
  W08: {
    fires: [
      c('0.15 mA', (d) => (t1(d).stimThresholdMa = 0.15), 'target.stimThresholdMa', { needsReason: false }),
      c('1.6 mA', (d) => (t1(d).stimThresholdMa = 1.6), 'target.stimThresholdMa'),
      c('another muscle responded', (d) => (t1(d).muscleResponding = 'biceps-brachii'), 'target.muscleResponding'),
      c('nerve not seen on ultrasound', (d) => (t1(d).usNerveVisualised = false), 'target.usNerveVisualised'),
      c('paraesthesia at a motor branch', (d) => (t1(d).paraesthesiaReported = true), 'target.paraesthesiaReported'),
      c('pulse width 0.5 ms at a motor branch', (d) => (t1(d).stimPulseWidthMs = 0.5), 'target.stimPulseWidthMs'),
    ],
    quiet: [
      c('0.20 and 1.50 mA (the limits)', (d) => ((t1(d).stimThresholdMa = 0.2), (t2(d).stimThresholdMa = 1.5))),
      c('pulse width 0.3 ms', (d) => (t1(d).stimPulseWidthMs = 0.3)),
      c('12 mA is E10, not also W08', (d) => (t1(d).stimThresholdMa = 12)),
    ],
  },
  W09: {
    fires: [
      c('freeze 20 s', (d) => (c1(d).durationS = 20), 'cycle.durationS', { needsReason: false }),
      c('freeze 250 s', (d) => (c1(d).durationS = 250), 'cycle.durationS'),
      c('thaw 5 s before the next cycle at the site', (d) => (c1(d).thawS = 5), 'cycle.thawS'),
      c('5 cycles at one site', (d) => addCycles(d, 5, () => 1), 'cycle.siteNo'),
      c('9 sites for one target', (d) => addCycles(d, 9, (i) => i + 1), 'cycle.siteNo'),
    ],
    quiet: [
      c('freeze 30 s and 240 s', (d) => ((c1(d).durationS = 30), (cycle(d, 0, 1).durationS = 240))),
      c('a short thaw after the last cycle at a site', (d) => (cycle(d, 0, 1).thawS = 5)),
      c('4 cycles at a site', (d) => addCycles(d, 4, () => 1)),
      c('8 sites', (d) => addCycles(d, 8, (i) => i + 1)),
      c('11 cycles at a site is E08, not also W09', (d) => addCycles(d, 11, () => 1)),
    ],
  },
  W10: {
    fires: [
      c('-45 °C: warmer than -50 °C', (d) => (c1(d).tipTempC = -45), 'cycle.tipTempC', { needsReason: false }),
      c('-35 °C: warmer than -40 °C, with a reason', (d) => (c1(d).tipTempC = -35), 'cycle.tipTempC', { needsReason: true }),
      c('no temperature on a console', (d) => (c1(d).tipTempC = null), 'cycle.tipTempC', { needsReason: false }),
    ],
    quiet: [
      c('no temperature on a handheld device (S2)', () => {}, undefined, onS2),
      c('-50 °C exactly', (d) => (c1(d).tipTempC = -50)),
      c('an aborted cycle', (d) => Object.assign(c1(d), { tipTempC: -20, outcome: 'aborted', abortReason: 'device-fault' })),
    ],
  },
  W11: {
    fires: [
      c('ice ball not seen', (d) => (c1(d).iceBallSeen = false), 'cycle.iceBallSeen'),
      c('ice ball 16 mm', (d) => (c1(d).iceBallMm = 16), 'cycle.iceBallMm'),
      c('pain 7 during the freeze', (d) => (c1(d).painNrs = 7), 'cycle.painNrs'),
    ],
    quiet: [c('ice ball 15 mm, pain 6', (d) => Object.assign(c1(d), { iceBallMm: 15, painNrs: 6 })), c('ice ball not recorded', (d) => (c1(d).iceBallSeen = null))],
  },
  W12: {
    fires: [
      c('total over 200 mg and 3 mg/kg at target 2', (d) => ((t1(d).laVolumeMl = 20), (t2(d).laVolumeMl = 2)), 'target.laVolumeMl', { needsReason: true }),
      c('3.75 mg/kg at target 3 (40 kg)', (d) => ((d.patient.weightKg = 40), d.targets.forEach((t) => (t.laVolumeMl = 5))), 'target.laVolumeMl'),
      c('a same-day diagnostic block counts', (d) => {
        d.patient.weightKg = 50;
        Object.assign(d.diagnosticBlocks[0]!, { blockDate: '2026-03-17', agent: 'lidocaine-2', volumeMl: 5 });
      }, 'target.laVolumeMl'),
      c('weight missing with lidocaine given', (d) => (d.patient.weightKg = null), 'patient.weightKg', { needsReason: true }),
      c('weight 300 kg', (d) => (d.patient.weightKg = 300), 'patient.weightKg', { needsReason: false }),
    ],
    quiet: [
      c('exactly 3 mg/kg (150 mg for 50 kg)', (d) => ((d.patient.weightKg = 50), d.targets.forEach((t) => (t.laVolumeMl = 5)))),
      c('exactly 200 mg', (d) => ((d.patient.weightKg = 100), (t1(d).laVolumeMl = 16), (t2(d).laVolumeMl = 2))),
      c('no lidocaine and no weight', (d) => ((d.patient.weightKg = null), d.targets.forEach((t) => (t.laAgent = null)))),
    ],
  },
  W13: {
    fires: [
      c('probe expired a day before', (d) => (dev1(d).probeExpiry = '2026-03-16'), 'device.probeExpiry', { needsReason: true }),
      c('local anaesthetic expired', (d) => (dev1(d).laExpiry = '2026-02-28'), 'device.laExpiry'),
      c('probe lot unreadable (with its reason)', (d) => Object.assign(dev1(d), { probeLot: null, lotUnreadable: true, lotUnreadableReason: 'Label torn' }), 'device.probeLot'),
    ],
    quiet: [c('probe expires on the session date', (d) => (dev1(d).probeExpiry = '2026-03-17'))],
  },
  W14: {
    fires: [c("Raynaud's", (d) => (d.patient.coldContraindications = ['raynauds']), 'patient.coldContraindications', { needsReason: true })],
    quiet: [c('none', (d) => (d.patient.coldContraindications = ['none'])), c('not recorded', (d) => (d.patient.coldContraindications = null))],
  },
  W15: {
    fires: [
      c('aged 17', (d) => (d.patient.dateOfBirth = '2008-03-18'), 'patient.dateOfBirth'),
      c('pregnant', (d) => (d.patient.pregnancyStatus = 'pregnant'), 'patient.pregnancyStatus'),
      c('a pacemaker', (d) => (d.patient.implantedDevices = ['pacemaker']), 'patient.implantedDevices'),
    ],
    quiet: [c('18 today', (d) => (d.patient.dateOfBirth = '2008-03-17')), c('no implanted device', (d) => (d.patient.implantedDevices = ['none']))],
  },
  W16: {
    fires: [
      c('MAS worse after (1 → 2)', (d) => Object.assign(out1(d), { masPre: '1', masPost: '2' }), 'outcome.masPost'),
      c('MAS 1+ → 2 is worse (ranked, not 1.5)', (d) => Object.assign(out1(d), { masPre: '1+', masPost: '2' }), 'outcome.masPost'),
      c('MAS after without before', (d) => (out1(d).masPre = null), 'outcome.masPre'),
      c('elbow R1 beyond R2 (flexion +)', (d) => Object.assign(out1(d), { tardieuR1Post: 4, tardieuR2Post: 10 }), 'outcome.tardieuR1Post'),
      c('ankle R1 beyond R2 (DF +)', (d) => Object.assign(out1(d), { tardieuR1Pre: 12, tardieuR2Pre: 5 }), 'outcome.tardieuR1Pre', onS2),
      c('S1 angles under an "extension +" convention', (d) => (out1(d).angleConvention = 'elbow 0° = full flexion, extension +'), 'outcome.tardieuR1Pre'),
      c('two-joint group without a test position', (d) => (out1(d).testPosition = null), 'outcome.testPosition'),
    ],
    quiet: [
      c('MAS 1+ → 1+', (d) => Object.assign(out1(d), { masPre: '1+', masPost: '1+' })),
      c('R1 beyond R2 by exactly 5°', (d) => Object.assign(out1(d), { tardieuR1Post: 5, tardieuR2Post: 10 })),
      c('plantarflexors carry the knee position in their group', (d) => (out1(d).testPosition = null), undefined, onS2),
    ],
  },
  W17: {
    fires: [
      c('no assistant', (d) => (d.team = d.team.filter((m) => m.role !== 'assistant')), 'session.team'),
      c('site not marked', (d) => (d.session.siteMarked = 'not-done'), 'session.siteMarked', { needsReason: true }),
      c('marking not appropriate, no reason', (d) => (d.session.siteMarked = 'not-appropriate'), 'session.siteMarkedReason', { needsReason: false }),
      c('site marking not recorded', (d) => (d.session.siteMarked = null), 'session.siteMarked'),
      c('allergies not reconfirmed', (d) => (d.session.allergiesReconfirmed = false), 'session.allergiesReconfirmed'),
      c('anticoagulation not reconfirmed', (d) => (d.session.anticoagReconfirmed = false), 'session.anticoagReconfirmed'),
      c('equipment not checked', (d) => (d.session.equipmentChecked = false), 'session.equipmentChecked'),
      c('later same-side target without a stop moment', (d) => (t2(d).stopMomentDone = null), 'target.stopMomentDone'),
      c('stop moment by one person', (d) => (t1(d).stopMomentBy2 = null), 'target.stopMomentBy2'),
      c('20 min from the stop moment to the freeze', (d) => (t1(d).stopMomentTime = '2026-03-17T08:55:00+00:00'), 'target.stopMomentTime'),
      c('stop moment after the first freeze', (d) => (t1(d).stopMomentTime = '2026-03-17T09:16:00+00:00'), 'target.stopMomentTime'),
    ],
    quiet: [c('not appropriate, with the reason', (d) => Object.assign(d.session, { siteMarked: 'not-appropriate', siteMarkedReason: 'Bilateral, mark not visible' })), c('15 min exactly', (d) => (t1(d).stopMomentTime = '2026-03-17T09:00:00+00:00'))],
  },
  W18: {
    fires: [
      c('no follow-up', (d) => (d.followUps = []), 'session.followUps'),
      c('no GP letter', (d) => (d.session.gpLetter = false), 'session.gpLetter'),
      c('aftercare not recorded', (d) => (d.session.aftercareAdviceGiven = null), 'session.aftercareAdviceGiven'),
      c('lower limb, walks, no falls advice', (d) => (d.session.fallsAdvice = null), 'session.fallsAdvice', onS2),
    ],
    quiet: [c('lower limb, does not walk, no falls advice', (d) => ((d.session.fallsAdvice = null), (d.patient.ambulant = false)), undefined, onS2), c('upper limb, walks, no falls advice (S1)', () => {})],
  },
  W19: {
    fires: [
      c('session entered 25 h after it started', (d) => (d.session.createdAt = '2026-03-18T10:03:00+00:00'), 'session.createdAt'),
      c('cycle entered 25 h after the freeze', (d) => (c1(d).createdAt = '2026-03-18T10:17:00+00:00'), 'cycle.createdAt'),
      c('cycle before the session start (clock)', (d) => Object.assign(c1(d), { startedAt: '2026-03-17T08:15:00+00:00', endedAt: '2026-03-17T08:16:30+00:00' }), 'cycle.startedAt'),
      c('signed 25 h ago, not exported', () => {}, 'session.signedAt', { options: { now: '2026-03-18T12:00:01+00:00', signature: { signedAt: '2026-03-17T11:00:00+00:00', exportedAt: null } } }),
    ],
    quiet: [
      c('cycle entered 24 h after', (d) => (c1(d).createdAt = '2026-03-18T09:16:30+00:00')),
      c('signed and exported', () => {}, undefined, { options: { now: '2026-03-20T12:00:00+00:00', signature: { signedAt: '2026-03-17T11:00:00+00:00', exportedAt: '2026-03-17T11:05:00+00:00' } } }),
    ],
  },
  REC: {
    fires: [
      c('location blank', (d) => (d.session.location = null), 'session.location'),
      c('NHS number not verified', (d) => (d.patient.nhsNumberVerified = 'unverified'), 'patient.nhsNumberVerified'),
      c('cause of spasticity blank', (d) => (d.patient.aetiology = null), 'patient.aetiology'),
      c('leaflet not given', (d) => (d.session.leafletGiven = false), 'session.leafletGiven'),
      c('best interests without a capacity assessment', (d) => (d.session.consentType = 'best-interests'), 'session.capacityAssessed'),
      c('first treatment without goals', (d) => (d.goals = []), 'session.goals'),
      c('clinical pattern blank', (d) => (t1(d).clinicalPattern = null), 'target.clinicalPattern'),
      c('depth 85 mm', (d) => (t1(d).depthMm = 85), 'target.depthMm'),
      c('serial blank', (d) => (dev1(d).serialNumber = null), 'device.serialNumber'),
      c('GTIN check digit wrong', (d) => (dev1(d).probeGtin = '05060123456784'), 'device.probeGtin'),
      c('24 G probe', (d) => (dev1(d).probeGauge = 24), 'device.probeGauge'),
      c('gas lot blank', (d) => (dev1(d).gasLot = null), 'device.gasLot'),
      c('stimulator blank when stimulation was used', (d) => (dev1(d).stimulatorModel = null), 'device.stimulatorModel'),
      c('severe complication without action', (d) => ((d.complications[0]!.severity = 'severe'), (d.complications[0]!.action = null), (d.complications[0]!.incidentRef = 'INC-1')), 'complication.action', onS2),
      c('severe complication without incident reference', (d) => (d.complications[0]!.severity = 'severe'), 'complication.incidentRef', onS2),
    ],
    quiet: [c('22 G probe', (d) => (dev1(d).probeGauge = 22)), c('a later treatment without goals', (d) => ((d.goals = []), (d.session.firstTreatment = false))), c('depth 80 mm', (d) => (t1(d).depthMm = 80))],
  },
};

function run(kase: Case) {
  const doc = edit((kase.base ?? s1)(), kase.change ?? (() => {}));
  return validateSession(doc, kase.config ?? DEFAULT_RULE_CONFIG, kase.options ?? {});
}

describe('the rule catalogue', () => {
  it('has exactly the rules of domain.md §4 (with W02b), REQ and REC, once each', () => {
    expect([...RULE_IDS]).toEqual(EXPECTED_IDS);
    expect(new Set(RULE_IDS).size).toBe(RULE_IDS.length);
  });

  it('gives E rules (and REQ) the error severity and W rules (and REC) the warning severity', () => {
    for (const r of RULES) expect(r.severity, r.id).toBe(r.id.startsWith('W') || r.id === 'REC' ? 'warning' : 'error');
  });

  it('marks the W+R rules of §4 as needing a reason (W10 and W17 escalate per finding)', () => {
    const withReason = RULES.filter((r) => r.needsReason).map((r) => r.id);
    expect(withReason).toEqual(['W01', 'W02', 'W04', 'W05', 'W06', 'W07', 'W12', 'W13', 'W14']);
  });

  it('has a table entry that fires and one that does not for every expected id', () => {
    expect(Object.keys(TABLE).sort()).toEqual([...EXPECTED_IDS].sort());
    for (const id of EXPECTED_IDS) {
      expect(TABLE[id]!.fires.length, id).toBeGreaterThan(0);
      expect(TABLE[id]!.quiet.length, id).toBeGreaterThan(0);
    }
  });

  it('finds nothing in the complete examples S1 and S2 (domain.md §5: no E, no W)', () => {
    for (const doc of [s1(), s2()]) {
      const report = validateSession(doc);
      expect([...report.errors, ...report.warnings].map((f) => `${f.ruleId} ${f.message}`)).toEqual([]);
      expect(report).toMatchObject({ hasHardError: false, unacknowledgedWarnings: 0, readyToSign: true });
    }
  });
});

for (const id of EXPECTED_IDS) {
  describe(`rule ${id}`, () => {
    it.each(TABLE[id]?.fires ?? [])('fires: $name', (kase) => {
      const found = run(kase).errors.concat(run(kase).warnings).filter((f) => f.ruleId === id);
      expect(found.length, `no ${id} finding`).toBeGreaterThan(0);
      const at = kase.at;
      if (at) {
        const [entity, field] = at.split('.') as [string, string];
        const match = found.find((f) => f.entity === entity && f.field === field);
        expect(match, `${id} at ${at}; found ${found.map((f) => `${f.entity}.${f.field}`).join(', ')}`).toBeDefined();
        if (kase.needsReason !== undefined) expect(match?.needsReason).toBe(kase.needsReason);
        // Every message names the place and says what to do, in full sentences.
        expect(match?.message).toMatch(/^[A-Z].*[.)]$/);
      }
    });
    it.each(TABLE[id]?.quiet ?? [])('quiet: $name', (kase) => {
      const report = run(kase);
      expect(report.errors.concat(report.warnings).filter((f) => f.ruleId === id).map((f) => f.message)).toEqual([]);
    });
  });
}
