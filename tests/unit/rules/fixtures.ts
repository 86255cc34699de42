// Complete synthetic sessions for the rules tests: S1 (upper limb, console, everything normal)
// and S2 (lower limb, handheld, on warfarin) from domain.md §5, built to give no error and no
// warning, so each rule's test changes one thing and sees exactly that rule fire.
// 999-range NHS numbers, invented names, devices and lots.
import { blankFields } from '../../../shared/domain/blank';
import type { Cycle, SessionDocument, TargetWithCycles } from '../../../shared/domain/model';

let counter = 0;
const uuid = () => `10000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;

/** Every row was entered during or just after the session (no late entry). */
const stampsAt = (iso: string) => ({ createdAt: iso, updatedAt: iso });

const addSeconds = (iso: string, s: number) => new Date(Date.parse(iso) + s * 1000).toISOString().replace('.000Z', '+00:00');

function cycleRow(targetId: string, seq: number, siteNo: number, startedAt: string, fields: Partial<Cycle> = {}): Cycle {
  return {
    id: uuid(),
    targetId,
    seq,
    ...blankFields('cycle'),
    siteNo,
    startedAt,
    endedAt: addSeconds(startedAt, 90),
    durationS: 90,
    thawType: 'passive',
    thawS: 30,
    tipTempC: -70,
    iceBallSeen: true,
    iceBallMm: 8,
    painNrs: 4,
    outcome: 'completed',
    ...stampsAt(addSeconds(startedAt, 120)),
    ...fields,
  };
}

function targetRow(
  sessionId: string,
  seq: number,
  fields: Partial<TargetWithCycles>,
  cycles: { site: number; at: string; fields?: Partial<Cycle> }[],
): TargetWithCycles {
  const id = uuid();
  return {
    id,
    sessionId,
    seq,
    ...blankFields('target'),
    side: 'left',
    clinicalPattern: 'flexed-elbow',
    patientPosition: 'supine',
    approach: 'in-plane',
    depthMm: 25,
    laAgent: 'lidocaine',
    laConcPct: 1,
    laVolumeMl: 2,
    usUsed: true,
    usNerveVisualised: true,
    stimUsed: true,
    stimVia: 'stimulating-cryoprobe',
    stimPulseWidthMs: 0.1,
    stimFrequencyHz: 2,
    motorResponseSeen: true,
    paraesthesiaReported: false,
    postFreezeRestim: 'reduced',
    stopMomentDone: true,
    stopMomentBy1: 'Dr Ann Operator',
    stopMomentBy2: 'Sam Assistant',
    wrongSiteDeclared: false,
    ...stampsAt('2026-03-17T10:10:00+00:00'),
    ...fields,
    cycles: cycles.map((c, i) => cycleRow(id, i + 1, c.site, c.at, c.fields)),
  };
}

const at = (hhmm: string) => `2026-03-17T${hhmm}:00+00:00`;

/**
 * S1: upper limb, console device, everything normal. Session on 17 Mar 2026 (before the probe's
 * expiry of 30 Sep 2026). Three targets, ten cycles; 60 mg lidocaine for 68 kg = 0.88 mg/kg.
 */
export function s1(): SessionDocument {
  const sessionId = uuid();
  const patientId = uuid();
  const stamps = stampsAt('2026-03-17T10:10:00+00:00');
  const deviceId = uuid();
  const targets = [
    targetRow(sessionId, 1, { nerve: 'musculocutaneous', branch: 'brachialis', muscleResponding: 'brachialis', stimThresholdMa: 0.42, stopMomentTime: at('09:14') }, [
      { site: 1, at: at('09:15'), fields: { tipTempC: -71, painNrs: 3 } },
      { site: 1, at: at('09:17'), fields: { tipTempC: -72 } },
      { site: 2, at: at('09:19'), fields: { tipTempC: -69 } },
      { site: 2, at: at('09:21'), fields: { tipTempC: -70, painNrs: 5 } },
    ]),
    targetRow(sessionId, 2, { nerve: 'musculocutaneous', branch: 'biceps-brachii', muscleResponding: 'biceps-brachii', stimThresholdMa: 0.36, stopMomentTime: at('09:31') }, [
      { site: 1, at: at('09:32'), fields: { tipTempC: -68 } },
      { site: 1, at: at('09:34'), fields: { tipTempC: -70 } },
    ]),
    targetRow(sessionId, 3, { nerve: 'radial', branch: 'brachioradialis', muscleResponding: 'brachioradialis', stimThresholdMa: 0.55, stopMomentTime: at('09:47') }, [
      { site: 1, at: at('09:48'), fields: { tipTempC: -72 } },
      { site: 1, at: at('09:50'), fields: { tipTempC: -73 } },
      { site: 1, at: at('09:52'), fields: { tipTempC: -71 } },
    ]),
  ];
  const block = (seq: number, nerve: 'musculocutaneous' | 'radial', branch: string) => ({
    id: uuid(),
    sessionId,
    seq,
    ...blankFields('diagnosticBlock'),
    blockDate: '2026-02-17',
    nerve,
    branch,
    side: 'left' as const,
    agent: 'lidocaine-1' as const,
    volumeMl: 1,
    guidanceUs: true,
    guidanceStim: true,
    result: 'positive' as const,
    masPre: '3' as const,
    masPost: '1+' as const,
    ...stamps,
  });
  return {
    format: 'cryolog.session',
    formatVersion: 1,
    session: {
      id: sessionId,
      patientId,
      ...blankFields('session'),
      status: 'in-progress',
      startedAt: at('09:02'),
      endedAt: at('10:05'),
      location: 'Rehabilitation day unit, room 3',
      odsCode: 'RTH',
      setting: 'outpatient',
      consentType: 'written-patient',
      consentDate: '2026-03-03',
      consentTaker: 'Dr Ann Operator',
      leafletGiven: true,
      anticoagulant: 'antiplatelet',
      anticoagulantAction: 'continued',
      baselinePainNrs: 6,
      firstTreatment: true,
      signInDone: true,
      signInTime: at('09:02'),
      signInBy: 'Sam Assistant',
      patientIdConfirmed: true,
      proceduresMatchConsent: true,
      siteMarked: 'marked-visible',
      allergiesReconfirmed: true,
      anticoagReconfirmed: true,
      equipmentChecked: true,
      timeOutTime: at('09:10'),
      timeOutBy: 'Dr Ann Operator',
      signOutDone: true,
      signOutTime: at('10:05'),
      signOutBy: 'Sam Assistant',
      painNrsPost: 3,
      tolerance: 'well',
      complicationsAnswer: 'none',
      aftercareAdviceGiven: true,
      aftercareTopics: ['wound-care', 'delayed-pain', 'contact-numbers'],
      gpLetter: true,
      ...stampsAt('2026-03-17T09:00:00+00:00'),
    },
    patient: {
      id: patientId,
      ...blankFields('patient'),
      familyName: 'Testpatient',
      givenName: 'Ada',
      dateOfBirth: '1963-08-21',
      sex: 'female',
      nhsNumber: '9990079196',
      nhsNumberVerified: 'verified',
      localMrn: 'RTH0012345',
      weightKg: 68,
      aetiology: 'stroke',
      affectedSide: 'left',
      ambulant: true,
      allergyStatus: 'nkda',
      coldContraindications: ['none'],
      implantedDevices: ['none'],
      pregnancyStatus: 'not-applicable',
      ...stamps,
      allergies: [],
    },
    team: [
      { id: uuid(), sessionId, seq: 1, ...blankFields('teamMember'), role: 'operator', name: 'Dr Ann Operator', profession: 'Consultant', registrationBody: 'gmc', registrationNumber: '7654321', ...stamps },
      { id: uuid(), sessionId, seq: 2, ...blankFields('teamMember'), role: 'assistant', name: 'Sam Assistant', profession: 'Physiotherapist', registrationBody: 'hcpc', registrationNumber: 'PH123456', ...stamps },
    ],
    consentSites: [
      { id: uuid(), sessionId, seq: 1, ...blankFields('consentSite'), region: 'upper', side: 'left', nerve: 'musculocutaneous', note: 'MCN branches to brachialis and biceps', ...stamps },
      { id: uuid(), sessionId, seq: 2, ...blankFields('consentSite'), region: 'upper', side: 'left', nerve: 'radial', note: 'radial branch to brachioradialis', ...stamps },
    ],
    goals: [
      { id: uuid(), sessionId, seq: 1, ...blankFields('goal'), goalText: 'Put the left arm into a sleeve without help', importance: 2, difficulty: 2, baselineLevel: -1, ...stamps },
      { id: uuid(), sessionId, seq: 2, ...blankFields('goal'), goalText: 'Night elbow pain 3/10 or less', importance: 2, difficulty: 2, baselineLevel: -1, ...stamps },
    ],
    diagnosticBlocks: [block(1, 'musculocutaneous', 'brachialis'), block(2, 'musculocutaneous', 'biceps-brachii'), block(3, 'radial', 'brachioradialis')],
    devices: [
      {
        id: deviceId,
        sessionId,
        seq: 1,
        ...blankFields('device'),
        systemType: 'console',
        manufacturer: 'Examplecryo',
        model: 'NX-2 console',
        serialNumber: 'NX2-000417',
        probeGtin: '05060123456783',
        probeLot: 'PRB-24-1187',
        probeSerial: null,
        probeExpiry: '2026-09-30',
        probeGauge: 16,
        probeLengthMm: 100,
        gasLot: 'N2O-5531',
        stimulatorModel: 'Built-in stimulator',
        laBatch: 'LID-7781',
        laExpiry: '2027-01-31',
        ...stamps,
      },
    ],
    targets,
    outcomes: [
      {
        id: uuid(),
        sessionId,
        seq: 1,
        ...blankFields('outcome'),
        muscleGroup: 'elbow-flexors',
        side: 'left',
        masPre: '3',
        masPost: '1+',
        angleConvention: 'elbow 0° = full extension, flexion +',
        testPosition: 'supine, shoulder neutral, forearm supinated',
        tardieuV: 'V3',
        tardieuR1Pre: 85,
        tardieuR1Post: 40,
        tardieuR2Pre: 10,
        tardieuR2Post: 10,
        tardieuXPre: '2',
        tardieuXPost: '1',
        ...stamps,
      },
    ],
    complications: [],
    followUps: [
      { id: uuid(), sessionId, seq: 1, ...blankFields('followUp'), date: '2026-03-24', kind: 'phone', withWhom: 'Sam Assistant', ...stamps },
      { id: uuid(), sessionId, seq: 2, ...blankFields('followUp'), date: '2026-04-28', kind: 'clinic', withWhom: 'Dr Ann Operator', ...stamps },
      { id: uuid(), sessionId, seq: 3, ...blankFields('followUp'), date: '2026-06-09', kind: 'clinic', withWhom: 'Dr Ann Operator', ...stamps },
    ],
    acknowledgements: [],
  };
}

/**
 * S2: lower limb, handheld fixed-cycle device (no temperature readout, 106 s cycles left to the
 * device), on warfarin with INR 2.6 five days before. Bruising recorded as a mild complication.
 */
export function s2(): SessionDocument {
  const doc = s1();
  const sessionId = doc.session.id;
  const stamps = stampsAt('2026-03-17T10:10:00+00:00');
  doc.patient = {
    ...doc.patient,
    familyName: 'Testpatient',
    givenName: 'Bob',
    dateOfBirth: '1977-11-02',
    sex: 'male',
    nhsNumber: '9990237573',
    localMrn: 'RTH0099887',
    weightKg: 82,
    aetiology: 'ms',
    affectedSide: 'right',
    ambulant: true,
  };
  Object.assign(doc.session, {
    anticoagulant: 'warfarin',
    anticoagulantAction: 'continued',
    inrValue: 2.6,
    inrDate: '2026-03-12',
    inrSource: 'anticoagulation-clinic',
    inrTargetLow: 2.0,
    inrTargetHigh: 3.0,
    complicationsAnswer: 'present',
    fallsAdvice: true,
    aftercareTopics: ['wound-care', 'delayed-pain', 'contact-numbers', 'falls'],
  } satisfies Partial<SessionDocument['session']>);
  doc.consentSites = [{ id: uuid(), sessionId, seq: 1, ...blankFields('consentSite'), region: 'lower', side: 'right', nerve: 'tibial', note: 'tibial motor branches', ...stamps }];
  const branches = ['medial-gastrocnemius', 'lateral-gastrocnemius', 'soleus'];
  doc.diagnosticBlocks = branches.map((branch, i) => ({
    id: uuid(),
    sessionId,
    seq: i + 1,
    ...blankFields('diagnosticBlock'),
    blockDate: '2026-03-03',
    nerve: 'tibial' as const,
    branch,
    side: 'right' as const,
    agent: 'lidocaine-1' as const,
    volumeMl: 1,
    guidanceUs: true,
    guidanceStim: true,
    result: 'positive' as const,
    ...stamps,
  }));
  const deviceId = uuid();
  doc.devices = [
    {
      id: deviceId,
      sessionId,
      seq: 1,
      ...blankFields('device'),
      systemType: 'handheld-fixed-cycle',
      manufacturer: 'Examplecryo',
      model: 'Handheld H1',
      serialNumber: 'H1-22019',
      probeGtin: '05060987654325',
      probeLot: 'ST-2411-072',
      probeExpiry: '2027-02-28',
      probeGauge: 20,
      probeLengthMm: 90,
      plannedFreezeS: 106,
      gasLot: 'CART-8812',
      stimulatorModel: 'External stimulator PS-2',
      laBatch: 'LID-7781',
      laExpiry: '2027-01-31',
      ...stamps,
    },
  ];
  const handheld = { durationS: null, endedAt: null, tipTempC: null, thawS: 20 };
  const sites = (n: number, start: string[]) => start.slice(0, n).map((t, i) => ({ site: i + 1, at: at(t), fields: handheld }));
  const common = { side: 'right' as const, nerve: 'tibial' as const, clinicalPattern: 'equinovarus' as const, laVolumeMl: 3, stimVia: 'separate-needle' as const, depthMm: 20 };
  doc.targets = [
    targetRow(sessionId, 1, { ...common, branch: 'medial-gastrocnemius', muscleResponding: 'medial-gastrocnemius', stimThresholdMa: 0.5, stopMomentTime: at('09:14') }, sites(3, ['09:15', '09:18', '09:21'])),
    targetRow(sessionId, 2, { ...common, branch: 'lateral-gastrocnemius', muscleResponding: 'lateral-gastrocnemius', stimThresholdMa: 0.48, stopMomentTime: at('09:30') }, sites(2, ['09:31', '09:34'])),
    targetRow(sessionId, 3, { ...common, branch: 'soleus', muscleResponding: 'soleus', stimThresholdMa: 0.6, stopMomentTime: at('09:45') }, sites(3, ['09:46', '09:49', '09:52'])),
  ];
  doc.outcomes = [
    {
      id: uuid(),
      sessionId,
      seq: 1,
      ...blankFields('outcome'),
      muscleGroup: 'plantarflexors-knee-straight',
      side: 'right',
      masPre: '2',
      masPost: '1',
      angleConvention: 'ankle 0° = neutral, DF +',
      testPosition: 'supine, knee extended',
      tardieuV: 'V3',
      tardieuR1Pre: -15,
      tardieuR1Post: -5,
      tardieuR2Pre: 5,
      tardieuR2Post: 5,
      tardieuXPre: '3',
      tardieuXPost: '1',
      ...stamps,
    },
  ];
  doc.complications = [{ id: uuid(), sessionId, seq: 1, ...blankFields('complication'), type: 'bruising-swelling', onset: 'before-discharge', severity: 'mild', action: 'none', ...stamps }];
  doc.followUps = ['2026-04-28', '2026-06-09', '2026-07-21', '2026-09-01'].map((date, i) => ({ id: uuid(), sessionId, seq: i + 1, ...blankFields('followUp'), date, kind: 'clinic' as const, withWhom: 'Dr Ann Operator', ...stamps }));
  return doc;
}

/** A deep copy of a document changed by `change` (tests never share mutable fixtures). */
export function edit(doc: SessionDocument, change: (d: SessionDocument) => void): SessionDocument {
  const copy = structuredClone(doc);
  change(copy);
  return copy;
}

/** The first target / cycle / device, asserted present. */
export const t1 = (d: SessionDocument) => d.targets[0]!;
export const c1 = (d: SessionDocument) => d.targets[0]!.cycles[0]!;
export const dev1 = (d: SessionDocument) => d.devices[0]!;
export const out1 = (d: SessionDocument) => d.outcomes[0]!;

/** Ids used by fixtures start with this prefix; a test may build more rows with it. */
export const newId = uuid;
