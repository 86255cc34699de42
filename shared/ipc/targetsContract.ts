// Request and answer schemas of the speed-at-entry channels (target presets, repeating the
// last session's targets); contract.ts lists them with every other channel.
import { z } from 'zod';
import { Id, IsoDateTime, Target } from '../domain/model';
import { TargetPresetList } from '../domain/targetPresets';

/** The service's presets; who last changed them and when (null: never, the defaults). */
export const TargetPresetsState = z.strictObject({ presets: TargetPresetList, updatedBy: z.string().nullable(), updatedAt: IsoDateTime.nullable() });
export type TargetPresetsState = z.infer<typeof TargetPresetsState>;

export const SaveTargetPresetsRequest = z.strictObject({
  // The whole list, in the order the buttons show: what is saved is what was on screen.
  presets: TargetPresetList,
});

/** The earlier session whose targets "Repeat" would copy, with where each target was; null when there is none. */
export const LastTargets = z
  .strictObject({
    sessionId: Id,
    startedAt: IsoDateTime,
    targets: z.array(Target.pick({ seq: true, side: true, nerve: true, branch: true })).max(100),
  })
  .nullable();
export type LastTargets = z.infer<typeof LastTargets>;

export const RepeatLastTargetsResult = z.strictObject({ copied: z.int().min(1), fromSessionId: Id });

export const targetChannels = {
  getTargetPresets: { req: z.strictObject({}), res: TargetPresetsState },
  saveTargetPresets: { req: SaveTargetPresetsRequest, res: TargetPresetsState },
  getLastTargets: { req: z.strictObject({ sessionId: Id }), res: LastTargets },
  repeatLastTargets: { req: z.strictObject({ sessionId: Id }), res: RepeatLastTargetsResult },
} as const;
