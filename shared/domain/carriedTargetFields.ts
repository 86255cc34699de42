// Which target fields a new target takes from an earlier one, in one place. Only settings of
// the technique are carried; observations (thresholds, responses, the stop moment, cycles)
// and doses are never copied: they must be seen and recorded again for each needle.
import type { SessionDocument, TargetFieldValues } from './model';

/** How the needle is placed and stimulated: the same for the next target, and usually next time. */
export const TECHNIQUE_FIELDS = [
  'clinicalPattern',
  'patientPosition',
  'approach',
  'laAgent',
  'laConcPct',
  'stimVia',
  'stimPulseWidthMs',
  'stimFrequencyHz',
] as const satisfies readonly (keyof TargetFieldValues)[];

/** "Add target" in the same session: the previous target's device too (a device of this session). */
export const NEXT_TARGET_FIELDS = ['deviceId', ...TECHNIQUE_FIELDS] as const;

/**
 * "Repeat the targets of the last session": where, plus the technique. Never the device: the
 * earlier target's device is a row of the earlier session.
 */
export const REPEATED_TARGET_FIELDS = ['side', 'nerve', 'branch', ...TECHNIQUE_FIELDS] as const;

type CarriedField = (typeof NEXT_TARGET_FIELDS)[number] | (typeof REPEATED_TARGET_FIELDS)[number];

/** The named fields of a target that hold a value (blank ones are left out, not copied as blank). */
export function pickRecorded<K extends CarriedField>(target: Partial<TargetFieldValues>, fields: readonly K[]): Partial<Pick<TargetFieldValues, K>> {
  const out: Partial<Pick<TargetFieldValues, K>> = {};
  for (const k of fields) {
    const v = target[k];
    if (v !== null && v !== undefined) out[k] = v as TargetFieldValues[K];
  }
  return out;
}

/** Settings a new target starts with: the previous target's device, technique and stimulation settings. */
export function newTargetSettings(doc: Pick<SessionDocument, 'targets'>): Record<string, unknown> {
  const last = doc.targets[doc.targets.length - 1];
  return last ? pickRecorded(last, NEXT_TARGET_FIELDS) : {};
}
