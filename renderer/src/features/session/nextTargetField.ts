import type { SessionDocument, TargetWithCycles } from '../../../../shared/domain/model';

/**
 * The field of a target the clinician fills next, in the card's order: where (nerve, side),
 * the pattern, the device when there is a choice to make (one device is assumed), then the
 * stop moment, which is always next before the needle.
 */
export function nextTargetField(doc: Pick<SessionDocument, 'devices'>, t: TargetWithCycles): 'nerve' | 'side' | 'clinicalPattern' | 'deviceId' | 'stopMomentDone' {
  if (t.nerve === null) return 'nerve';
  if (t.side === null) return 'side';
  if (t.clinicalPattern === null) return 'clinicalPattern';
  if (t.deviceId === null && doc.devices.length > 1) return 'deviceId';
  return 'stopMomentDone';
}
