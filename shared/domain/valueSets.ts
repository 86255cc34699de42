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
