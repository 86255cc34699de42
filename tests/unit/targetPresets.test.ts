// The service's target presets: what the list may hold (codes from the value sets, a branch of
// the chosen nerve, no repeats, bounded) and the messages a clinical lead reads when it may not.
import { describe, expect, it } from 'vitest';
import { DEFAULT_TARGET_PRESETS, MAX_TARGET_PRESETS, TargetPresetList, presetTarget, presetTitle, type TargetPreset } from '../../shared/domain/targetPresets';
import { findBranch, NERVES } from '../../shared/domain/valueSets';

const messages = (value: unknown) => {
  const r = TargetPresetList.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};
const elbow: TargetPreset = { side: 'left', nerve: 'musculocutaneous', branch: 'brachialis' };

describe('target presets', () => {
  it('defaults to common spasticity targets on both sides, every one a branch the value sets know', () => {
    expect(messages(DEFAULT_TARGET_PRESETS)).toEqual([]);
    expect(DEFAULT_TARGET_PRESETS.map(presetTarget)).toEqual([
      'L musculocutaneous → brachialis',
      'R musculocutaneous → brachialis',
      'L median → pronator teres',
      'R median → pronator teres',
      'L median → flexor carpi radialis',
      'R median → flexor carpi radialis',
      'L obturator, anterior division → adductor longus',
      'R obturator, anterior division → adductor longus',
      'L tibial → medial gastrocnemius',
      'R tibial → medial gastrocnemius',
      'L tibial → soleus',
      'R tibial → soleus',
    ]);
    for (const p of DEFAULT_TARGET_PRESETS) expect(findBranch(p.nerve, p.branch)?.type, presetTarget(p)).toBe('motor-branch');
  });

  it('names the trunk of a nerve as such, and shows a label instead of the target when the service gave one', () => {
    expect(presetTarget({ side: 'right', nerve: 'radial', branch: 'trunk' })).toBe('R radial trunk');
    expect(presetTitle({ ...elbow, label: 'Elbow flexors' })).toBe('Elbow flexors');
    expect(presetTitle(elbow)).toBe('L musculocutaneous → brachialis');
  });

  it('accepts any branch of the nerve chosen, on either side, and an empty list', () => {
    const every = NERVES.flatMap((n) => n.branches.map((b) => ({ side: 'right', nerve: n.code, branch: b.code }))).slice(0, MAX_TARGET_PRESETS);
    expect(messages(every)).toEqual([]);
    expect(messages([])).toEqual([]);
  });

  it('refuses a branch of another nerve, naming the nerve and its branches', () => {
    expect(messages([elbow, { side: 'left', nerve: 'median', branch: 'soleus' }])).toEqual([
      '1.branch: Preset 2: the Median nerve has no branch “soleus”. Choose one of: pronator teres, flexor carpi radialis, flexor digitorum superficialis, flexor digitorum profundus (radial part), flexor pollicis longus, trunk',
    ]);
  });

  it('refuses codes the value sets do not have', () => {
    expect(messages([{ side: 'both', nerve: 'median', branch: 'fcr' }])).toEqual(['0.side: Choose the side: left or right']);
    expect(messages([{ side: 'left', nerve: 'facial', branch: 'fcr' }])).toEqual(['0.nerve: Choose the nerve from the list']);
    expect(messages([{ side: 'left', nerve: 'median', branch: 'x'.repeat(41) }])).toEqual(['0.branch: Choose the branch from the list']);
    expect(messages([{ side: 'left', nerve: 'median', branch: 'FCR' }])[0]).toMatch(/^0\.branch: Preset 1: the Median nerve has no branch “FCR”/);
  });

  it('refuses the same side, nerve and branch twice', () => {
    expect(messages([elbow, { ...elbow, side: 'right' }, { ...elbow, label: 'Again' }])).toEqual([
      '2: Preset 3 repeats preset 1 (L musculocutaneous → brachialis). Remove one of them',
    ]);
  });

  it('refuses a label that names the other side: the button would say the wrong side', () => {
    expect(messages([{ ...elbow, label: 'Right elbow' }])).toEqual([
      '0.label: Preset 1: the label “Right elbow” names the other side, but the side is left. Correct the label or the side',
    ]);
    expect(messages([{ ...elbow, label: 'Left elbow (brachialis)' }, { side: 'right', nerve: 'tibial', branch: 'soleus', label: 'Bright calf' }])).toEqual([]);
  });

  it('refuses a blank, over-long or control-character label, unknown keys and a list over the limit', () => {
    expect(messages([{ ...elbow, label: '   ' }])).toEqual(['0.label: A label cannot be blank: leave it out instead']);
    expect(messages([{ ...elbow, label: 'x'.repeat(61) }])[0]).toMatch(/^0\.label: That is longer than the 60 characters/);
    expect(messages([{ ...elbow, label: 'Elbow\u0007' }])[0]).toMatch(/control characters/);
    expect(messages([{ ...elbow, depthMm: 20 }])[0]).toMatch(/^0: Unrecognized key/);
    const tooMany = NERVES.flatMap((n) => n.branches.flatMap((b) => (['left', 'right'] as const).map((side) => ({ side, nerve: n.code, branch: b.code }))));
    expect(tooMany.length).toBeGreaterThan(MAX_TARGET_PRESETS);
    expect(messages(tooMany)).toEqual([`: At most ${MAX_TARGET_PRESETS} presets: remove some before adding more`]);
  });
});
