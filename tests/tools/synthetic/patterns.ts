// Treatment patterns (domain.md §3.1): which motor branches are treated for which posture, and
// the muscle group whose tone is measured. Mixed trunks are left out on purpose: they raise
// W05 (neuropathic-pain risk), which a real signed record would carry an acknowledgement for.
import type { CLINICAL_PATTERNS, MUSCLE_GROUPS, NerveCode } from '../../../shared/domain/valueSets';

export interface TreatmentPattern {
  pattern: (typeof CLINICAL_PATTERNS)[number];
  limb: 'upper' | 'lower';
  muscleGroup: (typeof MUSCLE_GROUPS)[number];
  angleConvention: string;
  branches: readonly (readonly [NerveCode, string])[];
}

export const PATTERNS: readonly TreatmentPattern[] = [
  { pattern: 'flexed-elbow', limb: 'upper', muscleGroup: 'elbow-flexors', angleConvention: '0° = full extension, flexion +', branches: [['musculocutaneous', 'brachialis'], ['musculocutaneous', 'biceps-brachii'], ['radial', 'brachioradialis']] },
  { pattern: 'pronated-forearm', limb: 'upper', muscleGroup: 'forearm-pronators', angleConvention: '0° = neutral rotation, supination +', branches: [['median', 'pronator-teres']] },
  { pattern: 'flexed-wrist', limb: 'upper', muscleGroup: 'wrist-flexors', angleConvention: '0° = neutral, extension +', branches: [['median', 'fcr'], ['ulnar', 'fcu']] },
  { pattern: 'clenched-fist', limb: 'upper', muscleGroup: 'finger-flexors', angleConvention: '0° = neutral, extension +', branches: [['median', 'fds'], ['median', 'fdp-radial'], ['ulnar', 'fdp-ulnar'], ['median', 'fpl']] },
  { pattern: 'adducted-ir-shoulder', limb: 'upper', muscleGroup: 'shoulder-adductors-ir', angleConvention: '0° = arm by side, abduction +', branches: [['lateral-pectoral', 'pectoralis-major'], ['medial-pectoral', 'pectoralis-minor'], ['thoracodorsal', 'latissimus-dorsi'], ['subscapular', 'subscapularis'], ['subscapular', 'teres-major']] },
  { pattern: 'hip-adduction', limb: 'lower', muscleGroup: 'hip-adductors', angleConvention: '0° = neutral, abduction +', branches: [['obturator-anterior', 'adductor-longus'], ['obturator-anterior', 'adductor-brevis'], ['obturator-anterior', 'gracilis']] },
  { pattern: 'stiff-knee', limb: 'lower', muscleGroup: 'knee-extensors', angleConvention: '0° = full extension, flexion +', branches: [['femoral', 'rectus-femoris']] },
  { pattern: 'flexed-knee', limb: 'lower', muscleGroup: 'knee-flexors', angleConvention: '0° = full extension, flexion +', branches: [['sciatic-tibial', 'hamstrings']] },
  { pattern: 'equinovarus', limb: 'lower', muscleGroup: 'plantarflexors-knee-straight', angleConvention: 'Ankle 0° = neutral, dorsiflexion +', branches: [['tibial', 'medial-gastrocnemius'], ['tibial', 'lateral-gastrocnemius'], ['tibial', 'soleus'], ['tibial', 'tibialis-posterior']] },
  { pattern: 'toe-curling', limb: 'lower', muscleGroup: 'plantarflexors-knee-bent', angleConvention: 'Ankle 0° = neutral, dorsiflexion +', branches: [['tibial', 'fdl'], ['tibial', 'fhl']] },
];

/** How often each pattern is a patient's main problem (upper limb after stroke dominates). */
export const PATTERN_WEIGHTS: readonly (readonly [number, number])[] = [
  [0, 30], [1, 8], [2, 10], [3, 10], [4, 8], [5, 8], [6, 5], [7, 4], [8, 14], [9, 3],
];
