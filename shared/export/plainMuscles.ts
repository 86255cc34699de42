// What a treated nerve branch does, in words a patient knows: "the muscles that bend the
// elbow (biceps)", never the nerve's name. Keyed by branch code (valueSets NERVES); a nerve
// trunk is described by the nerve; anything unknown falls back to "the treated area".
import type { LimbRegion } from '../domain/valueSets';
import { findBranch, findNerve } from '../domain/valueSets';

export interface PlainMuscle {
  /** What the muscles do: "bend the elbow". Targets with the same action on one limb are listed together. */
  action: string;
  /** The muscle as a patient may have heard it named: "biceps", "calf". */
  muscle: string;
}

const BY_BRANCH: Record<string, PlainMuscle> = {
  'pectoralis-major': { action: 'pull the arm in across the chest', muscle: 'chest muscle' },
  'pectoralis-minor': { action: 'pull the shoulder forward', muscle: 'small chest muscle' },
  'latissimus-dorsi': { action: 'pull the arm down and in to the body', muscle: 'large back muscle' },
  'teres-major': { action: 'pull the arm down and in to the body', muscle: 'muscle behind the armpit' },
  subscapularis: { action: 'turn the arm inwards at the shoulder', muscle: 'muscle under the shoulder blade' },
  brachialis: { action: 'bend the elbow', muscle: 'brachialis' },
  'biceps-brachii': { action: 'bend the elbow', muscle: 'biceps' },
  brachioradialis: { action: 'bend the elbow', muscle: 'brachioradialis' },
  'pronator-teres': { action: 'turn the palm to face down', muscle: 'forearm muscle' },
  fcr: { action: 'bend the wrist', muscle: 'wrist muscle on the thumb side' },
  fcu: { action: 'bend the wrist', muscle: 'wrist muscle on the little finger side' },
  fds: { action: 'bend the fingers', muscle: 'finger muscles in the forearm' },
  'fdp-radial': { action: 'bend the fingers', muscle: 'deep finger muscles in the forearm' },
  'fdp-ulnar': { action: 'bend the fingers', muscle: 'deep finger muscles in the forearm' },
  fpl: { action: 'bend the thumb', muscle: 'thumb muscle in the forearm' },
  'adductor-longus': { action: 'pull the legs together', muscle: 'inner thigh' },
  'adductor-brevis': { action: 'pull the legs together', muscle: 'inner thigh' },
  gracilis: { action: 'pull the legs together', muscle: 'inner thigh' },
  'rectus-femoris': { action: 'straighten the knee', muscle: 'front of the thigh' },
  hamstrings: { action: 'bend the knee', muscle: 'hamstrings, at the back of the thigh' },
  'medial-gastrocnemius': { action: 'point the foot down', muscle: 'calf' },
  'lateral-gastrocnemius': { action: 'point the foot down', muscle: 'calf' },
  soleus: { action: 'point the foot down', muscle: 'calf' },
  'tibialis-posterior': { action: 'turn the foot inwards', muscle: 'deep calf muscle' },
  fdl: { action: 'curl the toes', muscle: 'toe muscles in the calf' },
  fhl: { action: 'curl the big toe', muscle: 'big toe muscle in the calf' },
};

/** A nerve trunk treated whole: every muscle it supplies. */
const BY_TRUNK: Record<string, PlainMuscle> = {
  suprascapular: { action: 'lift and turn the arm at the shoulder', muscle: 'muscles over the shoulder blade' },
  musculocutaneous: { action: 'bend the elbow', muscle: 'biceps and brachialis' },
  radial: { action: 'straighten the elbow, wrist and fingers', muscle: 'muscles at the back of the arm' },
  median: { action: 'bend the wrist and fingers', muscle: 'forearm muscles' },
  ulnar: { action: 'bend the wrist and fingers', muscle: 'forearm and hand muscles' },
  tibial: { action: 'point the foot down and curl the toes', muscle: 'calf' },
};

export const LIMB_WORDS: Record<LimbRegion, string> = { upper: 'arm', lower: 'leg', 'trunk-shoulder': 'shoulder' };

/** The plain description of a treated branch, or null when the record does not say enough. */
export function plainMuscle(nerveCode: string | null, branchCode: string | null): PlainMuscle | null {
  const branch = findBranch(nerveCode, branchCode);
  if (!branch) return null;
  if (branch.code === 'trunk') return nerveCode ? (BY_TRUNK[nerveCode] ?? null) : null;
  return BY_BRANCH[branch.code] ?? null;
}

/** "arm", "leg" or "shoulder" for the nerve's region; null when no nerve is chosen. */
export function limbWord(nerveCode: string | null): string | null {
  const nerve = findNerve(nerveCode);
  return nerve ? LIMB_WORDS[nerve.region] : null;
}
