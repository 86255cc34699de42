// Target presets (issue 4, speed at entry): the service's list of common targets, each a
// side, nerve and branch, offered as one-press buttons in a session. The list is a service
// setting edited on the settings screen; this schema is what the main process accepts and
// what a stored list must still satisfy when read back.
import { z } from 'zod';
import { f } from './fields';
import { findBranch, findNerve, NERVE_CODES, SIDE_LABELS, SIDES, targetLabel, type Side } from './valueSets';

export const MAX_TARGET_PRESETS = 24;
export const MAX_PRESET_LABEL = 60;

export const TargetPreset = z.strictObject({
  /** Shown on the button instead of the side and target; the side and target still show under it. */
  label: z.string().trim().min(1, 'A label cannot be blank: leave it out instead').pipe(f.text('Label', MAX_PRESET_LABEL).schema).optional(),
  side: z.enum(SIDES, { error: 'Choose the side: left or right' }),
  nerve: z.enum(NERVE_CODES, { error: 'Choose the nerve from the list' }),
  // Which branches belong to the nerve is checked with the whole entry (checkList).
  branch: z.string().min(1, { error: 'Choose the branch from the list', abort: true }).max(40, { error: 'Choose the branch from the list', abort: true }),
});
export type TargetPreset = z.infer<typeof TargetPreset>;

const SIDE_SHORT: Record<Side, string> = { left: 'L', right: 'R' };

/** "L musculocutaneous → brachialis", the side first and in front so it is read first. */
export function presetTarget(p: Pick<TargetPreset, 'side' | 'nerve' | 'branch'>): string {
  const target = targetLabel(p.nerve, p.branch);
  return `${SIDE_SHORT[p.side]} ${target.charAt(0).toLowerCase()}${target.slice(1)}`;
}

/** What the button says: the service's label if it gave one, else the side and target. */
export function presetTitle(p: TargetPreset): string {
  return p.label ?? presetTarget(p);
}

const OTHER_SIDE_WORD: Record<Side, RegExp> = { left: /\bright\b/i, right: /\bleft\b/i };

/** The checks that need the whole entry (branch of that nerve) or the whole list (no repeats). */
function checkList(list: readonly TargetPreset[], ctx: z.RefinementCtx): void {
  const seen = new Map<string, number>();
  list.forEach((p, i) => {
    const n = i + 1;
    const nerve = findNerve(p.nerve);
    if (nerve && !findBranch(p.nerve, p.branch)) {
      const choices = nerve.branches.map((b) => b.label).join(', ');
      ctx.addIssue({ code: 'custom', path: [i, 'branch'], message: `Preset ${n}: the ${nerve.label} nerve has no branch “${p.branch}”. Choose one of: ${choices}` });
      return;
    }
    // A label naming the other side would put the wrong side on the button a clinician reads.
    if (p.label && OTHER_SIDE_WORD[p.side].test(p.label)) {
      ctx.addIssue({ code: 'custom', path: [i, 'label'], message: `Preset ${n}: the label “${p.label}” names the other side, but the side is ${SIDE_LABELS[p.side].toLowerCase()}. Correct the label or the side` });
    }
    const key = `${p.side}|${p.nerve}|${p.branch}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      ctx.addIssue({ code: 'custom', path: [i], message: `Preset ${n} repeats preset ${earlier} (${presetTarget(p)}). Remove one of them` });
    } else seen.set(key, n);
  });
}

export const TargetPresetList = z
  .array(TargetPreset)
  .max(MAX_TARGET_PRESETS, `At most ${MAX_TARGET_PRESETS} presets: remove some before adding more`)
  .superRefine(checkList);

const both = (nerve: TargetPreset['nerve'], branch: string): TargetPreset[] => [
  { side: 'left', nerve, branch },
  { side: 'right', nerve, branch },
];

/** Common spasticity targets (domain.md §3.1), both sides, until the service chooses its own. */
export const DEFAULT_TARGET_PRESETS: readonly TargetPreset[] = [
  ...both('musculocutaneous', 'brachialis'),
  ...both('median', 'pronator-teres'),
  ...both('median', 'fcr'),
  ...both('obturator-anterior', 'adductor-longus'),
  ...both('tibial', 'medial-gastrocnemius'),
  ...both('tibial', 'soleus'),
];
