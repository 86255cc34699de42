// Value sets from the domain notes (§3). Codes are stable identifiers stored in the
// database and exported; labels are for people. Add to these lists, never rename a code.

export const SIDES = ['left', 'right'] as const;
export type Side = (typeof SIDES)[number];
export const SIDE_LABELS: Record<Side, string> = { left: 'Left', right: 'Right' };

export type NerveType = 'motor-branch' | 'mixed-trunk';
export type LimbRegion = 'upper' | 'lower' | 'trunk-shoulder';

export interface BranchDef {
  /** Stable code of the branch, unique within its nerve. "trunk" means the nerve trunk itself. */
  code: string;
  label: string;
  type: NerveType;
}

export interface NerveDef {
  code: string;
  label: string;
  region: LimbRegion;
  branches: readonly BranchDef[];
}

const motor = (code: string, label: string): BranchDef => ({ code, label, type: 'motor-branch' });
const trunk: BranchDef = { code: 'trunk', label: 'trunk', type: 'mixed-trunk' };

// domain.md §3.1. Where the notes mark an anatomy-only entry as unsure it is still offered:
// the clinician chooses, the rules engine warns about mixed trunks.
export const NERVES = [
  { code: 'lateral-pectoral', label: 'Lateral pectoral', region: 'trunk-shoulder', branches: [motor('pectoralis-major', 'pectoralis major')] },
  { code: 'medial-pectoral', label: 'Medial pectoral', region: 'trunk-shoulder', branches: [motor('pectoralis-minor', 'pectoralis minor'), motor('pectoralis-major', 'pectoralis major')] },
  { code: 'thoracodorsal', label: 'Thoracodorsal', region: 'trunk-shoulder', branches: [motor('latissimus-dorsi', 'latissimus dorsi')] },
  { code: 'subscapular', label: 'Subscapular', region: 'trunk-shoulder', branches: [motor('subscapularis', 'subscapularis'), motor('teres-major', 'teres major')] },
  { code: 'suprascapular', label: 'Suprascapular', region: 'trunk-shoulder', branches: [trunk] },
  { code: 'musculocutaneous', label: 'Musculocutaneous', region: 'upper', branches: [motor('brachialis', 'brachialis'), motor('biceps-brachii', 'biceps brachii'), trunk] },
  { code: 'radial', label: 'Radial', region: 'upper', branches: [motor('brachioradialis', 'brachioradialis'), trunk] },
  { code: 'median', label: 'Median', region: 'upper', branches: [motor('pronator-teres', 'pronator teres'), motor('fcr', 'flexor carpi radialis'), motor('fds', 'flexor digitorum superficialis'), motor('fdp-radial', 'flexor digitorum profundus (radial part)'), motor('fpl', 'flexor pollicis longus'), trunk] },
  { code: 'ulnar', label: 'Ulnar', region: 'upper', branches: [motor('fcu', 'flexor carpi ulnaris'), motor('fdp-ulnar', 'flexor digitorum profundus (ulnar part)'), trunk] },
  { code: 'obturator-anterior', label: 'Obturator, anterior division', region: 'lower', branches: [motor('adductor-longus', 'adductor longus'), motor('adductor-brevis', 'adductor brevis'), motor('gracilis', 'gracilis')] },
  { code: 'femoral', label: 'Femoral', region: 'lower', branches: [motor('rectus-femoris', 'rectus femoris')] },
  { code: 'sciatic-tibial', label: 'Sciatic, tibial portion', region: 'lower', branches: [motor('hamstrings', 'hamstrings')] },
  { code: 'tibial', label: 'Tibial', region: 'lower', branches: [motor('medial-gastrocnemius', 'medial gastrocnemius'), motor('lateral-gastrocnemius', 'lateral gastrocnemius'), motor('soleus', 'soleus'), motor('tibialis-posterior', 'tibialis posterior'), motor('fdl', 'flexor digitorum longus'), motor('fhl', 'flexor hallucis longus'), trunk] },
] as const satisfies readonly NerveDef[];

export type NerveCode = (typeof NERVES)[number]['code'];
export const NERVE_CODES = NERVES.map((n) => n.code) as [NerveCode, ...NerveCode[]];

export function findNerve(code: string | null | undefined): NerveDef | undefined {
  return NERVES.find((n) => n.code === code);
}

export function findBranch(nerveCode: string | null | undefined, branchCode: string | null | undefined): BranchDef | undefined {
  return findNerve(nerveCode)?.branches.find((b) => b.code === branchCode);
}

/** "Musculocutaneous → brachialis", "Radial trunk", or a plain nerve label. */
export function targetLabel(nerveCode: string | null, branchCode: string | null): string {
  const nerve = findNerve(nerveCode);
  if (!nerve) return 'Nerve not chosen';
  const branch = findBranch(nerveCode, branchCode);
  if (!branch) return nerve.label;
  return branch.code === 'trunk' ? `${nerve.label} trunk` : `${nerve.label} → ${branch.label}`;
}

// ── Value sets of the full record (domain.md §2 and §3) ──────────────────────────────────────
// Each is a tuple of stable codes plus labels for people. Lists the notes mark as unsure are
// included (the clinician chooses) and can grow; codes are never renamed once shipped.

type Labels<T extends readonly string[]> = Record<T[number], string>;

export const SEXES = ['male', 'female', 'other', 'unknown'] as const;
export const SEX_LABELS: Labels<typeof SEXES> = { male: 'Male', female: 'Female', other: 'Other', unknown: 'Unknown' };

export const NHS_ABSENT_REASONS = ['not-yet-allocated', 'overseas', 'emergency-unknown', 'other'] as const;
export const NHS_ABSENT_REASON_LABELS: Labels<typeof NHS_ABSENT_REASONS> = {
  'not-yet-allocated': 'Not yet allocated',
  overseas: 'Overseas visitor',
  'emergency-unknown': 'Emergency / identity unknown',
  other: 'Other',
};

export const NHS_VERIFICATION = ['verified', 'unverified'] as const;
export const NHS_VERIFICATION_LABELS: Labels<typeof NHS_VERIFICATION> = { verified: 'Verified (traced)', unverified: 'Not verified' };

export const AETIOLOGIES = ['stroke', 'ms', 'tbi', 'sci', 'cerebral-palsy', 'hsp', 'hypoxic-brain-injury', 'other'] as const;
export const AETIOLOGY_LABELS: Labels<typeof AETIOLOGIES> = {
  stroke: 'Stroke',
  ms: 'Multiple sclerosis',
  tbi: 'Traumatic brain injury',
  sci: 'Spinal cord injury',
  'cerebral-palsy': 'Cerebral palsy',
  hsp: 'Hereditary spastic paraparesis',
  'hypoxic-brain-injury': 'Hypoxic brain injury',
  other: 'Other',
};

export const AFFECTED_SIDES = ['left', 'right', 'bilateral'] as const;
export const AFFECTED_SIDE_LABELS: Labels<typeof AFFECTED_SIDES> = { left: 'Left', right: 'Right', bilateral: 'Both sides' };

/** Allergies are answered explicitly: "not asked" is a state, never the same as "none known". */
export const ALLERGY_STATUSES = ['not-asked', 'nkda', 'has-allergies'] as const;
export const ALLERGY_STATUS_LABELS: Labels<typeof ALLERGY_STATUSES> = {
  'not-asked': 'Not asked yet',
  nkda: 'No known allergies',
  'has-allergies': 'Has allergies (list them)',
};

export const ALLERGENS = ['local-anaesthetic', 'chlorhexidine', 'latex', 'adhesive-dressing', 'other'] as const;
export const ALLERGEN_LABELS: Labels<typeof ALLERGENS> = {
  'local-anaesthetic': 'Local anaesthetic',
  chlorhexidine: 'Chlorhexidine',
  latex: 'Latex',
  'adhesive-dressing': 'Adhesive dressings',
  other: 'Other',
};

// ⚠ UNSURE in domain.md (from a cold-therapy device's instructions): configurable list.
export const COLD_CONTRAINDICATIONS = ['none', 'cryoglobulinaemia', 'cold-urticaria', 'cold-agglutinins', 'raynauds'] as const;
export const COLD_CONTRAINDICATION_LABELS: Labels<typeof COLD_CONTRAINDICATIONS> = {
  none: 'None',
  cryoglobulinaemia: 'Cryoglobulinaemia',
  'cold-urticaria': 'Cold urticaria',
  'cold-agglutinins': 'Paroxysmal cold haemoglobinuria / cold agglutinins',
  raynauds: "Raynaud's",
};

export const IMPLANTED_DEVICES = ['none', 'pacemaker', 'icd', 'itb-pump', 'dbs', 'other'] as const;
export const IMPLANTED_DEVICE_LABELS: Labels<typeof IMPLANTED_DEVICES> = {
  none: 'None',
  pacemaker: 'Pacemaker',
  icd: 'ICD',
  'itb-pump': 'Intrathecal baclofen pump',
  dbs: 'Deep brain stimulator',
  other: 'Other',
};

export const PREGNANCY_STATUSES = ['not-applicable', 'not-pregnant', 'pregnant', 'unknown'] as const;
export const PREGNANCY_LABELS: Labels<typeof PREGNANCY_STATUSES> = {
  'not-applicable': 'Not applicable',
  'not-pregnant': 'Not pregnant',
  pregnant: 'Pregnant',
  unknown: 'Unknown',
};

export const SESSION_STATUS_CODES = ['draft', 'in-progress', 'completed', 'stopped', 'not-done', 'entered-in-error'] as const;
export const SESSION_STATUS_LABELS: Labels<typeof SESSION_STATUS_CODES> = {
  draft: 'Draft',
  'in-progress': 'In progress',
  completed: 'Completed',
  stopped: 'Stopped after the first needle',
  'not-done': 'Cancelled before the needle',
  'entered-in-error': 'Entered in error',
};

export const SETTINGS = ['outpatient', 'day-case', 'inpatient'] as const;
export const SETTING_LABELS: Labels<typeof SETTINGS> = { outpatient: 'Outpatient clinic', 'day-case': 'Day case', inpatient: 'Inpatient' };

export const CONSENT_TYPES = ['written-patient', 'best-interests', 'verbal-documented'] as const;
export const CONSENT_TYPE_LABELS: Labels<typeof CONSENT_TYPES> = {
  'written-patient': 'Written, by the patient (e.g. form 1)',
  'best-interests': 'Best interests, lacks capacity (e.g. form 4)',
  'verbal-documented': 'Verbal, documented',
};

export const ANTICOAGULANTS = ['none', 'warfarin', 'other-vka', 'rivaroxaban', 'apixaban', 'dabigatran', 'edoxaban', 'lmwh', 'antiplatelet', 'other'] as const;
export const ANTICOAGULANT_LABELS: Labels<typeof ANTICOAGULANTS> = {
  none: 'None',
  warfarin: 'Warfarin',
  'other-vka': 'Other vitamin K antagonist',
  rivaroxaban: 'Rivaroxaban',
  apixaban: 'Apixaban',
  dabigatran: 'Dabigatran',
  edoxaban: 'Edoxaban',
  lmwh: 'Low-molecular-weight heparin',
  antiplatelet: 'Antiplatelet(s) only',
  other: 'Other',
};
export const VKAS: readonly string[] = ['warfarin', 'other-vka'];
export const DOACS: readonly string[] = ['rivaroxaban', 'apixaban', 'dabigatran', 'edoxaban'];

export const ANTICOAGULANT_ACTIONS = ['continued', 'withheld', 'not-applicable'] as const;
export const ANTICOAGULANT_ACTION_LABELS: Labels<typeof ANTICOAGULANT_ACTIONS> = { continued: 'Continued', withheld: 'Withheld', 'not-applicable': 'Not applicable' };

export const INR_SOURCES = ['anticoagulation-clinic', 'hospital-lab', 'point-of-care'] as const;
export const INR_SOURCE_LABELS: Labels<typeof INR_SOURCES> = {
  'anticoagulation-clinic': 'GP / anticoagulation clinic',
  'hospital-lab': 'Hospital laboratory',
  'point-of-care': 'Point of care (today)',
};

export const SITE_MARKED = ['marked-visible', 'not-appropriate', 'not-done'] as const;
export const SITE_MARKED_LABELS: Labels<typeof SITE_MARKED> = {
  'marked-visible': 'Marked and visible',
  'not-appropriate': 'Not appropriate (give the reason)',
  'not-done': 'Not done',
};

export const TEAM_ROLES = ['operator', 'assistant', 'supervisor', 'recorder'] as const;
export const TEAM_ROLE_LABELS: Labels<typeof TEAM_ROLES> = { operator: 'Operator', assistant: 'Assistant', supervisor: 'Supervisor', recorder: 'Recorder' };

export const REGISTRATION_BODIES = ['gmc', 'nmc', 'hcpc', 'other'] as const;
export const REGISTRATION_BODY_LABELS: Labels<typeof REGISTRATION_BODIES> = { gmc: 'GMC', nmc: 'NMC', hcpc: 'HCPC', other: 'Other' };

export const LIMB_REGIONS = ['upper', 'lower', 'trunk-shoulder'] as const;
export const LIMB_REGION_LABELS: Labels<typeof LIMB_REGIONS> = { upper: 'Upper limb', lower: 'Lower limb', 'trunk-shoulder': 'Trunk / shoulder girdle' };

export const CLINICAL_PATTERNS = [
  'flexed-elbow',
  'pronated-forearm',
  'flexed-wrist',
  'clenched-fist',
  'adducted-ir-shoulder',
  'hip-adduction',
  'stiff-knee',
  'flexed-knee',
  'equinovarus',
  'toe-curling',
  'other',
] as const;
export const CLINICAL_PATTERN_LABELS: Labels<typeof CLINICAL_PATTERNS> = {
  'flexed-elbow': 'Flexed elbow',
  'pronated-forearm': 'Pronated forearm',
  'flexed-wrist': 'Flexed wrist',
  'clenched-fist': 'Clenched fist',
  'adducted-ir-shoulder': 'Adducted / internally rotated shoulder',
  'hip-adduction': 'Hip adduction',
  'stiff-knee': 'Stiff knee',
  'flexed-knee': 'Flexed knee',
  equinovarus: 'Equinovarus',
  'toe-curling': 'Toe curling',
  other: 'Other',
};

export const APPROACHES = ['in-plane', 'out-of-plane'] as const;
export const APPROACH_LABELS: Labels<typeof APPROACHES> = { 'in-plane': 'In-plane', 'out-of-plane': 'Out-of-plane' };

export const LA_AGENTS = ['lidocaine', 'other'] as const;
export const LA_AGENT_LABELS: Labels<typeof LA_AGENTS> = { lidocaine: 'Lidocaine (plain)', other: 'Other' };

export const STIM_VIA = ['stimulating-cryoprobe', 'separate-needle'] as const;
export const STIM_VIA_LABELS: Labels<typeof STIM_VIA> = { 'stimulating-cryoprobe': 'Stimulating cryoprobe', 'separate-needle': 'Separate stimulating needle' };

export const RESTIM_RESPONSES = ['absent', 'reduced', 'unchanged', 'not-tested'] as const;
export const RESTIM_LABELS: Labels<typeof RESTIM_RESPONSES> = { absent: 'Absent', reduced: 'Reduced', unchanged: 'Unchanged', 'not-tested': 'Not tested' };

/** Every muscle named as a branch target (VS-MUSCLE), for "the muscle that responded". */
export const MUSCLES: readonly { code: string; label: string }[] = [
  ...new Map(NERVES.flatMap((n) => n.branches.filter((b) => b.code !== 'trunk').map((b) => [b.code, { code: b.code, label: b.label }] as const))).values(),
];

export const SYSTEM_TYPES = ['handheld-fixed-cycle', 'console'] as const;
export const SYSTEM_TYPE_LABELS: Labels<typeof SYSTEM_TYPES> = { 'handheld-fixed-cycle': 'Handheld, fixed cycle', console: 'Console with probe' };

export const THAW_TYPES = ['passive', 'active-defrost', 'none'] as const;
export const THAW_TYPE_LABELS: Labels<typeof THAW_TYPES> = { passive: 'Passive', 'active-defrost': 'Active defrost', none: 'None (last cycle)' };

export const CYCLE_OUTCOMES = ['completed', 'aborted'] as const;
export const CYCLE_OUTCOME_LABELS: Labels<typeof CYCLE_OUTCOMES> = { completed: 'Completed', aborted: 'Aborted' };

export const ABORT_REASONS = ['pain', 'vasovagal', 'probe-displacement', 'device-fault', 'gas-exhausted', 'other'] as const;
export const ABORT_REASON_LABELS: Labels<typeof ABORT_REASONS> = {
  pain: 'Pain',
  vasovagal: 'Vasovagal',
  'probe-displacement': 'Probe displaced',
  'device-fault': 'Device fault',
  'gas-exhausted': 'Gas exhausted',
  other: 'Other',
};

/** Modified Ashworth: stored as the code string, never as a number ("1+" is not 1.5). */
export const MAS_CODES = ['0', '1', '1+', '2', '3', '4'] as const;
export type MasCode = (typeof MAS_CODES)[number];
/** Ordinal rank for comparisons (0…5); never a decimal. */
export const MAS_RANK: Record<MasCode, number> = { '0': 0, '1': 1, '1+': 2, '2': 3, '3': 4, '4': 5 };

export const MUSCLE_GROUPS = [
  'elbow-flexors',
  'forearm-pronators',
  'wrist-flexors',
  'finger-flexors',
  'shoulder-adductors-ir',
  'hip-adductors',
  'knee-extensors',
  'knee-flexors',
  'plantarflexors-knee-straight',
  'plantarflexors-knee-bent',
  'other',
] as const;
export const MUSCLE_GROUP_LABELS: Labels<typeof MUSCLE_GROUPS> = {
  'elbow-flexors': 'Elbow flexors',
  'forearm-pronators': 'Forearm pronators',
  'wrist-flexors': 'Wrist flexors',
  'finger-flexors': 'Finger flexors',
  'shoulder-adductors-ir': 'Shoulder adductors / internal rotators',
  'hip-adductors': 'Hip adductors',
  'knee-extensors': 'Knee extensors',
  'knee-flexors': 'Knee flexors',
  'plantarflexors-knee-straight': 'Ankle plantarflexors (knee straight)',
  'plantarflexors-knee-bent': 'Ankle plantarflexors (knee bent)',
  other: 'Other',
};

// Tardieu X: 0–4, plus 5 ("joint immobile") in some versions (⚠ UNSURE): 5 is accepted by
// storage and allowed by the rules only when the service enables it.
export const TARDIEU_X = ['0', '1', '2', '3', '4', '5'] as const;
export const TARDIEU_V = ['V1', 'V2', 'V3'] as const;
export const TARDIEU_V_LABELS: Labels<typeof TARDIEU_V> = { V1: 'V1 as slow as possible', V2: 'V2 speed of gravity', V3: 'V3 as fast as possible' };

export const TOLERANCES = ['well', 'fair', 'poor'] as const;
export const TOLERANCE_LABELS: Labels<typeof TOLERANCES> = { well: 'Well', fair: 'Fair', poor: 'Poor' };

export const COMPLICATIONS_ANSWERS = ['none', 'present'] as const;
export const COMPLICATIONS_ANSWER_LABELS: Labels<typeof COMPLICATIONS_ANSWERS> = { none: 'None', present: 'Yes (record each one)' };

export const COMPLICATION_TYPES = [
  'procedural-pain-severe',
  'vasovagal',
  'bleeding-haematoma',
  'bruising-swelling',
  'skin-infection',
  'skin-cold-injury',
  'numbness',
  'dysaesthesia',
  'unintended-weakness',
  'cramping',
  'la-toxicity',
  'wrong-site',
  'device-malfunction',
  'other',
] as const;
export const COMPLICATION_TYPE_LABELS: Labels<typeof COMPLICATION_TYPES> = {
  'procedural-pain-severe': 'Severe procedural pain',
  vasovagal: 'Vasovagal',
  'bleeding-haematoma': 'Bleeding / haematoma',
  'bruising-swelling': 'Bruising / swelling',
  'skin-infection': 'Local skin infection',
  'skin-cold-injury': 'Skin cold injury at entry site',
  numbness: 'Numbness',
  dysaesthesia: 'Dysaesthesia / neuropathic pain',
  'unintended-weakness': 'Unintended weakness',
  cramping: 'Cramping',
  'la-toxicity': 'Local anaesthetic systemic toxicity',
  'wrong-site': 'Wrong site / side',
  'device-malfunction': 'Device malfunction',
  other: 'Other',
};

export const ONSETS = ['intra-procedure', 'before-discharge', 'delayed'] as const;
export const ONSET_LABELS: Labels<typeof ONSETS> = { 'intra-procedure': 'During the procedure', 'before-discharge': 'Before discharge', delayed: 'Delayed (days)' };

export const SEVERITIES = ['mild', 'moderate', 'severe'] as const;
export const SEVERITY_LABELS: Labels<typeof SEVERITIES> = { mild: 'Mild', moderate: 'Moderate', severe: 'Severe' };

export const COMPLICATION_ACTIONS = ['none', 'analgesia', 'neuropathic-agent', 'perineural-injection', 'bont', 'other'] as const;
export const COMPLICATION_ACTION_LABELS: Labels<typeof COMPLICATION_ACTIONS> = {
  none: 'None',
  analgesia: 'Analgesia',
  'neuropathic-agent': 'Topical / oral neuropathic agent',
  'perineural-injection': 'Perineural injection',
  bont: 'Botulinum toxin',
  other: 'Other',
};

export const AFTERCARE_TOPICS = ['wound-care', 'delayed-pain', 'contact-numbers', 'falls'] as const;
export const AFTERCARE_TOPIC_LABELS: Labels<typeof AFTERCARE_TOPICS> = {
  'wound-care': 'Wound care',
  'delayed-pain': 'Delayed pain may start within days and settle in weeks',
  'contact-numbers': 'Who to contact',
  falls: 'Falls advice',
};

export const FOLLOW_UP_KINDS = ['phone', 'clinic', 'therapy', 'other'] as const;
export const FOLLOW_UP_KIND_LABELS: Labels<typeof FOLLOW_UP_KINDS> = { phone: 'Phone call', clinic: 'Clinic', therapy: 'Therapy', other: 'Other' };

export const BLOCK_AGENTS = ['lidocaine-1', 'lidocaine-2', 'other'] as const;
export const BLOCK_AGENT_LABELS: Labels<typeof BLOCK_AGENTS> = { 'lidocaine-1': 'Lidocaine 1%', 'lidocaine-2': 'Lidocaine 2%', other: 'Other' };

export const BLOCK_RESULTS = ['positive', 'equivocal', 'negative'] as const;
export const BLOCK_RESULT_LABELS: Labels<typeof BLOCK_RESULTS> = { positive: 'Positive', equivocal: 'Equivocal', negative: 'Negative' };
