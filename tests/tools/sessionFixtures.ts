// The example sessions of domain.md §5 (S1, S2, S5) as session files, written to
// tests/fixtures/*.session.json by `npm run fixtures` and checked against that output by
// tests/fileformat/fixtures.test.ts. Every detail §5 gives is here, with a comment where it
// comes from; what §5 leaves open is filled with plausible, complete values so that S1 and S2
// raise no finding and S5 raises exactly its listed faults. All data is synthetic: 999-range
// NHS numbers, invented people, fictional devices, lots and registration numbers.
import fs from 'node:fs';
import path from 'node:path';
import { blankFields } from '../../shared/domain/blank';
import type { EntityName, SessionDocument } from '../../shared/domain/model';

export const FIXTURES_DIR = path.resolve(__dirname, '../fixtures');
export const FIXTURE_NAMES = ['S1', 'S2', 'S5'] as const;
export type FixtureName = (typeof FIXTURE_NAMES)[number];

/** One fixed session date, local time = UTC (GMT in March), so the files never change. */
export const SESSION_DATE = '2026-03-10';

type Doc = SessionDocument;

/** Readable, valid v4-shaped UUIDs: 51000000-… for S1, 52000000-… for S2, 55000000-… for S5. */
function idMaker(fixture: FixtureName): () => string {
  let n = 0;
  const prefix = `5${fixture.slice(1)}000000`;
  return () => `${prefix}-0000-4000-8000-${String(++n).padStart(12, '0')}`;
}

/** "09:10" or "09:16:30" on the session date, with the UTC offset (GMT: +00:00). */
const at = (hhmm: string, date = SESSION_DATE) => `${date}T${hhmm.length === 5 ? `${hhmm}:00` : hhmm}+00:00`;
/** The same moment as a row stamp (the app stamps rows in UTC with milliseconds). */
const stamp = (hhmm: string, date = SESSION_DATE) => new Date(at(hhmm, date)).toISOString();
/** Session time plus seconds, e.g. a freeze end. */
const plus = (hhmmss: string, seconds: number) => {
  const t = new Date(at(hhmmss).replace('+00:00', 'Z')).getTime() + seconds * 1000;
  return new Date(t).toISOString().slice(11, 19);
};

/** GS1 GTIN-14 with its mod-10 check digit appended to 13 digits. */
function gtin(first13: string): string {
  const sum = first13.split('').reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 3 : 1), 0);
  return `${first13}${(10 - (sum % 10)) % 10}`;
}

const rows = <E extends EntityName>(entity: E) => blankFields(entity);

interface CycleSpec {
  site: number;
  start: string;
  durationS: number;
  thawS: number | null;
  tipTempC: number | null;
  pain: number;
}

function cycles(newId: () => string, targetId: string, specs: readonly CycleSpec[], thawType: 'passive' | 'active-defrost' = 'passive'): Doc['targets'][number]['cycles'] {
  return specs.map((c, i) => {
    const end = plus(c.start, c.durationS);
    return {
      id: newId(),
      targetId,
      seq: i + 1,
      ...rows('cycle'),
      siteNo: c.site,
      startedAt: at(c.start),
      endedAt: at(end),
      durationS: c.durationS,
      thawType,
      thawS: c.thawS,
      tipTempC: c.tipTempC,
      iceBallSeen: true,
      painNrs: c.pain,
      outcome: 'completed',
      createdAt: stamp(end),
      updatedAt: stamp(end),
    };
  });
}

// ── S1. Upper limb, console device, everything normal ("happy path") ──────────────────────────
function s1(): Doc {
  const id = idMaker('S1');
  const patientId = id();
  const sessionId = id();
  const rowStamps = { createdAt: stamp('09:02'), updatedAt: stamp('10:05') };
  const operator = 'Dr Imogen Hartley';
  const assistant = 'Tomasz Nowicki';
  const deviceId = id();
  const blockDate = '2026-02-10'; // "Diagnostic blocks 4 weeks earlier"

  const target = (seq: number, nerve: 'musculocutaneous' | 'radial', branch: string, threshold: number, stop: string, depthMm: number, specs: CycleSpec[]) => {
    const targetId = id();
    return {
      id: targetId,
      sessionId,
      seq,
      ...rows('target'),
      nerve,
      branch,
      side: 'left' as const,
      deviceId,
      clinicalPattern: 'flexed-elbow' as const,
      patientPosition: 'Supine, left arm abducted 60° on an arm board',
      approach: 'in-plane' as const,
      depthMm,
      intendedOutcome: 'Less elbow flexor tone: easier dressing and less night pain',
      // "Skin LA 2 mL of 1 % lidocaine each: 60 mg total = 0.88 mg/kg"
      laAgent: 'lidocaine' as const,
      laConcPct: 1,
      laVolumeMl: 2,
      usUsed: true,
      usNerveVisualised: true,
      stimUsed: true,
      stimVia: 'stimulating-cryoprobe' as const,
      // "thresholds 0.42 / 0.36 / 0.55 mA, 0.1 ms, 2 Hz; visible elbow flexion in the intended muscle"
      stimThresholdMa: threshold,
      stimPulseWidthMs: 0.1,
      stimFrequencyHz: 2,
      motorResponseSeen: true,
      muscleResponding: branch,
      paraesthesiaReported: false,
      postFreezeRestim: 'not-tested' as const,
      // "stop moments 09:14 / 09:31 / 09:47"
      stopMomentDone: true,
      stopMomentTime: at(stop),
      stopMomentBy1: operator,
      stopMomentBy2: assistant,
      wrongSiteDeclared: false,
      createdAt: stamp(stop),
      updatedAt: stamp('10:05'),
      cycles: cycles(id, targetId, specs),
    };
  };

  return {
    format: 'cryolog.session',
    formatVersion: 1,
    session: {
      id: sessionId,
      patientId,
      ...rows('session'),
      // "Expect: no E, no W. Signs and exports." No signing exists yet: the file says completed
      // and an import stores it as a draft.
      status: 'completed',
      // Start = first time-out, end = last dressing (domain.md §2.1)
      startedAt: at('09:10'),
      endedAt: at('10:00'),
      location: 'Spasticity clinic, Neurorehabilitation Unit, Example General Hospital',
      odsCode: 'RZZ01',
      setting: 'outpatient',
      // "written consent for L elbow flexor nerves ... Leaflet given. Baseline pain 6/10."
      consentType: 'written-patient',
      consentDate: SESSION_DATE,
      consentTaker: operator,
      leafletGiven: true,
      capacityAssessed: true,
      // "Aspirin only"
      anticoagulant: 'antiplatelet',
      anticoagulantAction: 'continued',
      preAnalgesiaTaken: false,
      baselinePainNrs: 6,
      firstTreatment: true,
      // "sign-in 09:02, time-out 09:10, ..., sign-out 10:05. Site marked."
      signInDone: true,
      signInTime: at('09:02'),
      signInBy: assistant,
      patientIdConfirmed: true,
      proceduresMatchConsent: true,
      siteMarked: 'marked-visible',
      allergiesReconfirmed: true,
      anticoagReconfirmed: true,
      equipmentChecked: true,
      timeOutTime: at('09:10'),
      timeOutBy: operator,
      signOutDone: true,
      signOutTime: at('10:05'),
      signOutBy: assistant,
      // "Post pain 3/10"
      painNrsPost: 3,
      tolerance: 'well',
      functionalObservation: 'Elbow extends further with less resistance; the left arm goes into a sleeve more easily.',
      // "Complications: none."
      complicationsAnswer: 'none',
      // "Aftercare advice and contact numbers given ... GP letter sent."
      aftercareAdviceGiven: true,
      aftercareTopics: ['wound-care', 'delayed-pain', 'contact-numbers'],
      analgesiaPlan: 'Paracetamol as needed for delayed pain; call the clinic if pain persists beyond two weeks.',
      therapyPlan: 'Community physiotherapy: elbow extension stretches; review the night splint.',
      gpLetter: true,
      fallsAdvice: false,
      repeatTreatmentNote: 'Consider repeating if tone returns (nerve regrowth 3–9 months).',
      createdAt: stamp('09:02'),
      updatedAt: stamp('10:05'),
    },
    patient: {
      id: patientId,
      ...rows('patient'),
      // "female, 62 y, 68 kg, left hemiparesis after a right MCA stroke 3 years ago. NHS 999 007 9196."
      familyName: 'Ashcombe',
      givenName: 'Margaret',
      dateOfBirth: '1963-07-19',
      sex: 'female',
      nhsNumber: '9990079196',
      nhsNumberVerified: 'verified',
      localMrn: 'TST0000001',
      weightKg: 68,
      aetiology: 'stroke',
      affectedSide: 'left',
      ambulant: true,
      // "Allergies: none known."
      allergyStatus: 'nkda',
      coldContraindications: ['none'],
      implantedDevices: ['none'],
      pregnancyStatus: 'not-applicable',
      createdAt: stamp('10:30', blockDate),
      updatedAt: stamp('09:02'),
      allergies: [],
    },
    // "operator (consultant, GMC no. recorded) and assistant (physiotherapist, HCPC no. recorded)"
    team: [
      { id: id(), sessionId, seq: 1, ...rows('teamMember'), role: 'operator', name: operator, profession: 'Consultant in rehabilitation medicine', registrationBody: 'gmc', registrationNumber: '9990011', ...rowStamps },
      { id: id(), sessionId, seq: 2, ...rows('teamMember'), role: 'assistant', name: assistant, profession: 'Physiotherapist', registrationBody: 'hcpc', registrationNumber: 'PH999011', ...rowStamps },
    ],
    // "written consent for L elbow flexor nerves (MCN branches, radial branch to brachioradialis)"
    consentSites: [
      { id: id(), sessionId, seq: 1, ...rows('consentSite'), region: 'upper', side: 'left', nerve: 'musculocutaneous', note: 'Branches to brachialis and biceps (elbow flexors)', ...rowStamps },
      { id: id(), sessionId, seq: 2, ...rows('consentSite'), region: 'upper', side: 'left', nerve: 'radial', note: 'Branch to brachioradialis (elbow flexor)', ...rowStamps },
    ],
    // "(1) put the left arm into a sleeve without help, baseline −1; (2) night elbow pain ≤ 3/10,
    // baseline −1. Baseline T-score 37.6 (equal weights)."
    goals: [
      { id: id(), sessionId, seq: 1, ...rows('goal'), goalText: 'Put the left arm into a sleeve without help', importance: 2, difficulty: 2, baselineLevel: -1, followUpDate: '2026-06-02', ...rowStamps },
      { id: id(), sessionId, seq: 2, ...rows('goal'), goalText: 'Night elbow pain 3/10 or less', importance: 2, difficulty: 2, baselineLevel: -1, followUpDate: '2026-06-02', ...rowStamps },
    ],
    // "Diagnostic blocks 4 weeks earlier for all three planned targets ..., 1 mL 1 % lidocaine
    // each, US + stim. Positive (MAS elbow flexors 3 → 1+)."
    diagnosticBlocks: (
      [
        ['musculocutaneous', 'brachialis'],
        ['musculocutaneous', 'biceps-brachii'],
        ['radial', 'brachioradialis'],
      ] as const
    ).map(([nerve, branch], i) => ({
      id: id(),
      sessionId,
      seq: i + 1,
      ...rows('diagnosticBlock'),
      blockDate,
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
      ...rowStamps,
    })),
    // "N₂O console, stimulating probe 16 G × 100 mm, lot PRB-24-1187, expiry 2026-09-30,
    // cartridge lot N2O-5531."
    devices: [
      {
        id: deviceId,
        sessionId,
        seq: 1,
        ...rows('device'),
        systemType: 'console',
        manufacturer: 'Examplemed Cryo (fictional)',
        model: 'CX-200 N2O console',
        serialNumber: 'CX200-000417',
        udiRaw: `(01)${gtin('0509999900001')}(17)260930(10)PRB-24-1187`,
        probeGtin: gtin('0509999900001'),
        probeLot: 'PRB-24-1187',
        lotUnreadable: false,
        probeExpiry: '2026-09-30',
        probeGauge: 16,
        probeLengthMm: 100,
        plannedFreezeS: 90,
        gasLot: 'N2O-5531',
        stimulatorModel: 'CX-200 built-in nerve stimulator',
        laBatch: 'LID-25-0412',
        laExpiry: '2027-01-31',
        ...rowStamps,
      },
    ],
    // "T1 two sites × 2 cycles × 90 s, thaw 30 s, nadirs −71, −72, −69, −70 °C. T2 one site × 2 ×
    // 90 s (−68, −70). T3 one site × 3 × 90 s (−72, −73, −71). Ice ball seen each time.
    // Freeze pain NRS 3–5."
    targets: [
      target(1, 'musculocutaneous', 'brachialis', 0.42, '09:14', 14, [
        { site: 1, start: '09:16:00', durationS: 90, thawS: 30, tipTempC: -71, pain: 3 },
        { site: 1, start: '09:18:00', durationS: 90, thawS: 30, tipTempC: -72, pain: 4 },
        { site: 2, start: '09:22:00', durationS: 90, thawS: 30, tipTempC: -69, pain: 4 },
        { site: 2, start: '09:24:00', durationS: 90, thawS: 30, tipTempC: -70, pain: 5 },
      ]),
      target(2, 'musculocutaneous', 'biceps-brachii', 0.36, '09:31', 12, [
        { site: 1, start: '09:33:00', durationS: 90, thawS: 30, tipTempC: -68, pain: 3 },
        { site: 1, start: '09:35:00', durationS: 90, thawS: 30, tipTempC: -70, pain: 4 },
      ]),
      target(3, 'radial', 'brachioradialis', 0.55, '09:47', 18, [
        { site: 1, start: '09:49:00', durationS: 90, thawS: 30, tipTempC: -72, pain: 4 },
        { site: 1, start: '09:51:00', durationS: 90, thawS: 30, tipTempC: -73, pain: 5 },
        { site: 1, start: '09:53:00', durationS: 90, thawS: 30, tipTempC: -71, pain: 4 },
      ]),
    ],
    // "MAS elbow flexors 3 → 1+. MTS elbow flexors (0° = full extension, flexion +): R1 85° → 40°,
    // R2 10° → 10°, X 2 → 1."
    outcomes: [
      {
        id: id(),
        sessionId,
        seq: 1,
        ...rows('outcome'),
        muscleGroup: 'elbow-flexors',
        side: 'left',
        masPre: '3',
        masPost: '1+',
        angleConvention: '0° = full extension, flexion +',
        testPosition: 'Supine, shoulder in neutral, forearm supinated',
        tardieuV: 'V3',
        tardieuR1Pre: 85,
        tardieuR1Post: 40,
        tardieuR2Pre: 10,
        tardieuR2Post: 10,
        tardieuXPre: '2',
        tardieuXPost: '1',
        ...rowStamps,
      },
    ],
    complications: [],
    // "phone call day 7 (delayed-pain check); clinic at 6 and 12 weeks for MAS/MTS/GAS"
    followUps: [
      { id: id(), sessionId, seq: 1, ...rows('followUp'), date: '2026-03-17', kind: 'phone', withWhom: 'Spasticity nurse (delayed-pain check)', ...rowStamps },
      { id: id(), sessionId, seq: 2, ...rows('followUp'), date: '2026-04-21', kind: 'clinic', withWhom: `${operator} (MAS, MTS, GAS)`, ...rowStamps },
      { id: id(), sessionId, seq: 3, ...rows('followUp'), date: '2026-06-02', kind: 'clinic', withWhom: `${operator} (MAS, MTS, GAS)`, ...rowStamps },
    ],
    acknowledgements: [],
  };
}

// ── S2. Lower limb, handheld fixed-cycle device, on warfarin ──────────────────────────────────
function s2(): Doc {
  const id = idMaker('S2');
  const patientId = id();
  const sessionId = id();
  const rowStamps = { createdAt: stamp('13:30'), updatedAt: stamp('14:25') };
  const operator = 'Dr Rhys Pemberton';
  const assistant = 'Grace Achebe';
  const deviceId = id();
  const blockDate = '2026-02-24'; // "Diagnostic block 2 weeks earlier"
  const cycleS = 106; // "Cycle length 106 s (the value published for this tip type)"

  const target = (seq: number, branch: string, threshold: number, stop: string, depthMm: number, starts: string[], pains: number[]) => {
    const targetId = id();
    return {
      id: targetId,
      sessionId,
      seq,
      ...rows('target'),
      // "R tibial → medial gastrocnemius, → lateral gastrocnemius, → soleus"
      nerve: 'tibial' as const,
      branch,
      side: 'right' as const,
      deviceId,
      clinicalPattern: 'equinovarus' as const,
      patientPosition: 'Prone, feet over the end of the couch',
      approach: 'out-of-plane' as const,
      depthMm,
      intendedOutcome: 'Less plantarflexor tone and clonus: heel strike and shoe fitting',
      // "Skin LA 9 mL of 1 % = 90 mg (1.1 mg/kg)": 3 mL at each target
      laAgent: 'lidocaine' as const,
      laConcPct: 1,
      laVolumeMl: 3,
      usUsed: true,
      usNerveVisualised: true,
      stimUsed: true,
      // "20 G × 90 mm stimulation-capable tip", driven by a separate stimulator
      stimVia: 'stimulating-cryoprobe' as const,
      // "0.50 / 0.48 / 0.60 mA, 0.1 ms, 2 Hz; plantarflexion seen"
      stimThresholdMa: threshold,
      stimPulseWidthMs: 0.1,
      stimFrequencyHz: 2,
      motorResponseSeen: true,
      muscleResponding: branch,
      paraesthesiaReported: false,
      postFreezeRestim: 'not-tested' as const,
      // "Prep-Stop-Block done before each needle"
      stopMomentDone: true,
      stopMomentTime: at(stop),
      stopMomentBy1: operator,
      stopMomentBy2: assistant,
      wrongSiteDeclared: false,
      createdAt: stamp(stop),
      updatedAt: stamp('14:25'),
      // "MG 3 sites × 1; LG 2 × 1; soleus 3 × 1; passive thaw. Ice ball seen. Pain max 4/10."
      // "Temperature not recorded (device has no readout)"
      cycles: cycles(
        id,
        targetId,
        starts.map((start, i) => ({ site: i + 1, start, durationS: cycleS, thawS: null, tipTempC: null, pain: pains[i] ?? 0 })),
      ),
    };
  };

  return {
    format: 'cryolog.session',
    formatVersion: 1,
    session: {
      id: sessionId,
      patientId,
      ...rows('session'),
      // "Expect: no E. Zero W." Imported as a draft, like S1.
      status: 'completed',
      startedAt: at('13:38'),
      endedAt: at('14:20'),
      location: 'Spasticity clinic, Neurorehabilitation Unit, Example General Hospital',
      odsCode: 'RZZ01',
      setting: 'outpatient',
      consentType: 'written-patient',
      consentDate: SESSION_DATE,
      consentTaker: operator,
      leafletGiven: true,
      capacityAssessed: true,
      // "Warfarin for AF, target 2.0–3.0. INR 2.6, measured 5 days before at the anticoagulation
      // clinic; warfarin continued."
      anticoagulant: 'warfarin',
      anticoagulantAction: 'continued',
      inrValue: 2.6,
      inrDate: '2026-03-05',
      inrSource: 'anticoagulation-clinic',
      inrTargetLow: 2,
      inrTargetHigh: 3,
      preAnalgesiaTaken: false,
      baselinePainNrs: 2,
      firstTreatment: true,
      signInDone: true,
      signInTime: at('13:30'),
      signInBy: assistant,
      patientIdConfirmed: true,
      proceduresMatchConsent: true,
      siteMarked: 'marked-visible',
      allergiesReconfirmed: true,
      anticoagReconfirmed: true,
      equipmentChecked: true,
      timeOutTime: at('13:38'),
      timeOutBy: operator,
      signOutDone: true,
      signOutTime: at('14:25'),
      signOutBy: assistant,
      painNrsPost: 2,
      tolerance: 'well',
      functionalObservation: 'Heel reaches the floor in standing; clonus on fast stretch shorter.',
      // "Bruising at one entry site (mild, noted)"
      complicationsAnswer: 'present',
      // "aftercare and falls advice given; GP letter sent"
      aftercareAdviceGiven: true,
      aftercareTopics: ['wound-care', 'delayed-pain', 'contact-numbers', 'falls'],
      analgesiaPlan: 'Paracetamol as needed (no NSAIDs while on warfarin).',
      therapyPlan: 'Physiotherapy: calf stretches, gait work; review the ankle-foot orthosis.',
      gpLetter: true,
      fallsAdvice: true,
      repeatTreatmentNote: 'Consider repeating if tone returns (nerve regrowth 3–9 months).',
      createdAt: stamp('13:30'),
      updatedAt: stamp('14:25'),
    },
    patient: {
      id: patientId,
      ...rows('patient'),
      // "Male, 48 y, 82 kg, MS, right equinovarus. NHS 999 023 7573."
      familyName: 'Okonjo-Reid',
      givenName: 'Daniel',
      dateOfBirth: '1977-09-02',
      sex: 'male',
      nhsNumber: '9990237573',
      nhsNumberVerified: 'verified',
      localMrn: 'TST0000002',
      weightKg: 82,
      aetiology: 'ms',
      affectedSide: 'right',
      ambulant: true,
      allergyStatus: 'nkda',
      coldContraindications: ['none'],
      implantedDevices: ['none'],
      pregnancyStatus: 'not-applicable',
      createdAt: stamp('11:00', blockDate),
      updatedAt: stamp('13:30'),
      allergies: [],
    },
    // "Team: operator and assistant"
    team: [
      { id: id(), sessionId, seq: 1, ...rows('teamMember'), role: 'operator', name: operator, profession: 'Consultant in rehabilitation medicine', registrationBody: 'gmc', registrationNumber: '9990022', ...rowStamps },
      { id: id(), sessionId, seq: 2, ...rows('teamMember'), role: 'assistant', name: assistant, profession: 'Clinical nurse specialist', registrationBody: 'nmc', registrationNumber: '99Z9999E', ...rowStamps },
    ],
    consentSites: [
      { id: id(), sessionId, seq: 1, ...rows('consentSite'), region: 'lower', side: 'right', nerve: 'tibial', note: 'Motor branches to gastrocnemius (both heads) and soleus (ankle plantarflexors)', ...rowStamps },
    ],
    // §5 names no goals for S2; a first treatment has them (W otherwise), so two are recorded.
    goals: [
      { id: id(), sessionId, seq: 1, ...rows('goal'), goalText: 'Walk 100 m indoors without the right toes catching', importance: 2, difficulty: 2, baselineLevel: -1, followUpDate: '2026-06-02', ...rowStamps },
      { id: id(), sessionId, seq: 2, ...rows('goal'), goalText: 'Wear a standard shoe on the right foot all day', importance: 2, difficulty: 1, baselineLevel: -1, followUpDate: '2026-06-02', ...rowStamps },
    ],
    // "R tibial motor branches to both gastrocnemius heads and soleus, 3 mL 1 % lidocaine in
    // total. Ankle DF with the knee extended −10° → +5°; clonus shorter."
    diagnosticBlocks: (['medial-gastrocnemius', 'lateral-gastrocnemius', 'soleus'] as const).map((branch, i) => ({
      id: id(),
      sessionId,
      seq: i + 1,
      ...rows('diagnosticBlock'),
      blockDate,
      nerve: 'tibial' as const,
      branch,
      side: 'right' as const,
      agent: 'lidocaine-1' as const,
      volumeMl: 1,
      guidanceUs: true,
      guidanceStim: true,
      result: 'positive' as const,
      notes: 'Block of all three branches (3 mL in total): ankle DF with the knee extended −10° → +5°; clonus shorter.',
      ...rowStamps,
    })),
    // "handheld N₂O, 20 G × 90 mm stimulation-capable tip, lot ST-2411-072"
    devices: [
      {
        id: deviceId,
        sessionId,
        seq: 1,
        ...rows('device'),
        systemType: 'handheld-fixed-cycle',
        manufacturer: 'Examplemed Cryo (fictional)',
        model: 'HX-1 handheld N2O',
        serialNumber: 'HX1-002281',
        udiRaw: `(01)${gtin('0509999900002')}(17)261130(10)ST-2411-072`,
        probeGtin: gtin('0509999900002'),
        probeLot: 'ST-2411-072',
        lotUnreadable: false,
        probeExpiry: '2026-11-30',
        probeGauge: 20,
        probeLengthMm: 90,
        plannedFreezeS: cycleS,
        gasLot: 'CART-7734',
        stimulatorModel: 'NS-20 nerve stimulator (fictional), asset EQ-0193',
        laBatch: 'LID-25-0788',
        laExpiry: '2027-03-31',
        ...rowStamps,
      },
    ],
    targets: [
      target(1, 'medial-gastrocnemius', 0.5, '13:42', 18, ['13:44:00', '13:47:00', '13:50:00'], [3, 4, 3]),
      target(2, 'lateral-gastrocnemius', 0.48, '13:55', 16, ['13:57:00', '14:00:00'], [3, 3]),
      target(3, 'soleus', 0.6, '14:06', 30, ['14:08:00', '14:11:00', '14:14:00'], [2, 4, 3]),
    ],
    // "MAS plantarflexors 2 → 1. MTS gastrocnemius (knee extended; 0 = neutral, DF +):
    // R1 −15° → −5°, R2 +5° → +5°, X 3 → 1."
    outcomes: [
      {
        id: id(),
        sessionId,
        seq: 1,
        ...rows('outcome'),
        muscleGroup: 'plantarflexors-knee-straight',
        side: 'right',
        masPre: '2',
        masPost: '1',
        angleConvention: '0° = neutral, dorsiflexion +',
        testPosition: 'Knee extended',
        tardieuV: 'V3',
        tardieuR1Pre: -15,
        tardieuR1Post: -5,
        tardieuR2Pre: 5,
        tardieuR2Post: 5,
        tardieuXPre: '3',
        tardieuXPost: '1',
        ...rowStamps,
      },
    ],
    // "Bruising at one entry site (mild, noted)"; "Complication 'bruising, mild' exported"
    complications: [
      {
        id: id(),
        sessionId,
        seq: 1,
        ...rows('complication'),
        type: 'bruising-swelling',
        onset: 'before-discharge',
        onsetAt: at('14:20'),
        severity: 'mild',
        action: 'none',
        resolved: false,
        note: 'Bruising at one entry site over the medial gastrocnemius; noted, no treatment needed.',
        ...rowStamps,
      },
    ],
    // "Follow-up at 6, 12, 18 and 24 weeks (ICE-like schedule)"
    followUps: ['2026-04-21', '2026-06-02', '2026-07-14', '2026-08-25'].map((date, i) => ({
      id: id(),
      sessionId,
      seq: i + 1,
      ...rows('followUp'),
      date,
      kind: 'clinic' as const,
      withWhom: `${operator} (MAS, MTS, GAS, LegA)`,
      ...rowStamps,
    })),
    acknowledgements: [],
  };
}

// ── S5. Negative / validation scenario ────────────────────────────────────────────────────────
// Exactly the faults §5 lists, every other part complete:
//   E01 NHS 999 007 9197 (wrong check digit)      E04 right tibial target, consent left ankle PF
//   E09 tip +68 °C (sign slip)                     E08 freeze 900 s
//   E10 stimulation 12 mA                          E07 NRS 11 (baseline pain)
//   E06 INR dated the day after the session        W13 probe expired a month before
//   E05 time-out after the first freeze            E12 complications unanswered
// E07 MAS "2+" is not here: the format stores MAS as a code, so "2+" cannot be written to a
// valid file. tests/fileformat/s5MasCode.test.ts shows validate and import refusing it with the
// field's path; see tests/fixtures/README.md.
function s5(): Doc {
  const id = idMaker('S5');
  const patientId = id();
  const sessionId = id();
  const rowStamps = { createdAt: stamp('11:00'), updatedAt: stamp('11:40') };
  const operator = 'Dr Imogen Hartley';
  const assistant = 'Tomasz Nowicki';
  const deviceId = id();
  const targetId = id();
  const blockDate = '2026-02-17';

  return {
    format: 'cryolog.session',
    formatVersion: 1,
    session: {
      id: sessionId,
      patientId,
      ...rows('session'),
      status: 'draft',
      startedAt: at('11:05'),
      endedAt: at('11:35'),
      location: 'Spasticity clinic, Neurorehabilitation Unit, Example General Hospital',
      odsCode: 'RZZ01',
      setting: 'outpatient',
      consentType: 'written-patient',
      consentDate: SESSION_DATE,
      consentTaker: operator,
      leafletGiven: true,
      capacityAssessed: true,
      anticoagulant: 'warfarin',
      anticoagulantAction: 'continued',
      inrValue: 2.4,
      inrDate: '2026-03-11', // E06: the day after the session
      inrSource: 'anticoagulation-clinic',
      inrTargetLow: 2,
      inrTargetHigh: 3,
      preAnalgesiaTaken: false,
      baselinePainNrs: 11, // E07: NRS is 0–10
      firstTreatment: true,
      signInDone: true,
      signInTime: at('11:00'),
      signInBy: assistant,
      patientIdConfirmed: true,
      proceduresMatchConsent: true,
      siteMarked: 'marked-visible',
      allergiesReconfirmed: true,
      anticoagReconfirmed: true,
      equipmentChecked: true,
      timeOutTime: at('11:15'), // E05: after the first freeze (11:10)
      timeOutBy: operator,
      signOutDone: true,
      signOutTime: at('11:40'),
      signOutBy: assistant,
      painNrsPost: 3,
      tolerance: 'well',
      complicationsAnswer: null, // E12: unanswered
      aftercareAdviceGiven: true,
      aftercareTopics: ['wound-care', 'delayed-pain', 'contact-numbers', 'falls'],
      analgesiaPlan: 'Paracetamol as needed.',
      therapyPlan: 'Physiotherapy: calf stretches.',
      gpLetter: true,
      fallsAdvice: true,
      createdAt: stamp('11:00'),
      updatedAt: stamp('11:40'),
    },
    patient: {
      id: patientId,
      ...rows('patient'),
      familyName: 'Testperson',
      givenName: 'Nina',
      dateOfBirth: '1971-05-23',
      sex: 'female',
      nhsNumber: '9990079197', // E01: wrong check digit
      nhsNumberVerified: 'verified',
      localMrn: 'TST0000005',
      weightKg: 64,
      aetiology: 'tbi',
      affectedSide: 'left',
      ambulant: true,
      allergyStatus: 'nkda',
      coldContraindications: ['none'],
      implantedDevices: ['none'],
      pregnancyStatus: 'not-pregnant',
      createdAt: stamp('10:00', blockDate),
      updatedAt: stamp('11:00'),
      allergies: [],
    },
    team: [
      { id: id(), sessionId, seq: 1, ...rows('teamMember'), role: 'operator', name: operator, profession: 'Consultant in rehabilitation medicine', registrationBody: 'gmc', registrationNumber: '9990011', ...rowStamps },
      { id: id(), sessionId, seq: 2, ...rows('teamMember'), role: 'assistant', name: assistant, profession: 'Physiotherapist', registrationBody: 'hcpc', registrationNumber: 'PH999011', ...rowStamps },
    ],
    // "Consent: left ankle plantarflexors."
    consentSites: [{ id: id(), sessionId, seq: 1, ...rows('consentSite'), region: 'lower', side: 'left', nerve: 'tibial', note: 'Ankle plantarflexors: motor branch to medial gastrocnemius', ...rowStamps }],
    goals: [{ id: id(), sessionId, seq: 1, ...rows('goal'), goalText: 'Stand with the left heel on the floor', importance: 2, difficulty: 2, baselineLevel: -1, followUpDate: '2026-06-02', ...rowStamps }],
    diagnosticBlocks: [
      {
        id: id(),
        sessionId,
        seq: 1,
        ...rows('diagnosticBlock'),
        blockDate,
        nerve: 'tibial',
        branch: 'medial-gastrocnemius',
        side: 'left',
        agent: 'lidocaine-1',
        volumeMl: 1,
        guidanceUs: true,
        guidanceStim: true,
        result: 'positive',
        masPre: '2',
        masPost: '1',
        ...rowStamps,
      },
    ],
    devices: [
      {
        id: deviceId,
        sessionId,
        seq: 1,
        ...rows('device'),
        systemType: 'console',
        manufacturer: 'Examplemed Cryo (fictional)',
        model: 'CX-200 N2O console',
        serialNumber: 'CX200-000417',
        udiRaw: `(01)${gtin('0509999900001')}(17)260210(10)PRB-24-0950`,
        probeGtin: gtin('0509999900001'),
        probeLot: 'PRB-24-0950',
        lotUnreadable: false,
        probeExpiry: '2026-02-10', // W13: a month before the session
        probeGauge: 16,
        probeLengthMm: 100,
        plannedFreezeS: 90,
        gasLot: 'N2O-5540',
        stimulatorModel: 'CX-200 built-in nerve stimulator',
        laBatch: 'LID-25-0412',
        laExpiry: '2027-01-31',
        ...rowStamps,
      },
    ],
    targets: [
      {
        id: targetId,
        sessionId,
        seq: 1,
        ...rows('target'),
        nerve: 'tibial',
        branch: 'medial-gastrocnemius',
        side: 'right', // E04: the consent is for the left side; no wrong-site incident declared
        deviceId,
        clinicalPattern: 'equinovarus',
        patientPosition: 'Prone, feet over the end of the couch',
        approach: 'out-of-plane',
        depthMm: 18,
        intendedOutcome: 'Less plantarflexor tone',
        laAgent: 'lidocaine',
        laConcPct: 1,
        laVolumeMl: 3,
        usUsed: true,
        usNerveVisualised: true,
        stimUsed: true,
        stimVia: 'stimulating-cryoprobe',
        stimThresholdMa: 12, // E10: 0–5 mA
        stimPulseWidthMs: 0.1,
        stimFrequencyHz: 2,
        motorResponseSeen: true,
        muscleResponding: 'medial-gastrocnemius',
        paraesthesiaReported: false,
        postFreezeRestim: 'not-tested',
        stopMomentDone: true,
        stopMomentTime: at('11:08'),
        stopMomentBy1: operator,
        stopMomentBy2: assistant,
        wrongSiteDeclared: false,
        createdAt: stamp('11:08'),
        updatedAt: stamp('11:40'),
        cycles: cycles(id, targetId, [
          { site: 1, start: '11:10:00', durationS: 90, thawS: 30, tipTempC: 68, pain: 4 }, // E09: +68 °C
          { site: 1, start: '11:12:00', durationS: 900, thawS: 30, tipTempC: -70, pain: 4 }, // E08: 900 s
        ]),
      },
    ],
    outcomes: [
      {
        id: id(),
        sessionId,
        seq: 1,
        ...rows('outcome'),
        muscleGroup: 'plantarflexors-knee-straight',
        side: 'right',
        masPre: '2', // entered as "2+" at the bedside: refused by the format (see above)
        masPost: '1',
        angleConvention: '0° = neutral, dorsiflexion +',
        testPosition: 'Knee extended',
        ...rowStamps,
      },
    ],
    complications: [],
    followUps: [
      { id: id(), sessionId, seq: 1, ...rows('followUp'), date: '2026-04-21', kind: 'clinic', withWhom: `${operator} (MAS, MTS, GAS)`, ...rowStamps },
    ],
    acknowledgements: [],
  };
}

export function buildFixtures(): Record<FixtureName, SessionDocument> {
  return { S1: s1(), S2: s2(), S5: s5() };
}

export const fixtureFile = (name: FixtureName) => path.join(FIXTURES_DIR, `${name}.session.json`);
export const fixtureText = (doc: SessionDocument) => `${JSON.stringify(doc, null, 2)}\n`;

/**
 * S5 as committed, with the outcome's MAS before as typed at the bedside ("2+", rule E07): raw
 * JSON, since a SessionDocument cannot hold it.
 */
export function s5WithMas2Plus(): unknown {
  const raw = JSON.parse(fs.readFileSync(fixtureFile('S5'), 'utf8')) as { outcomes: Record<string, unknown>[] };
  raw.outcomes[0]!.masPre = '2+';
  return raw;
}
