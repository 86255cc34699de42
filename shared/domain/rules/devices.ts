// Devices and consumables (domain.md §2.8): traceability (E11) and expired or untraceable
// items that were really used (W13+R: documentable, never blocked).
import type { Rule } from './types';
import { day, deviceName, fmt, isBlank } from './text';

export const E11: Rule = {
  id: 'E11',
  severity: 'error',
  needsReason: false,
  title: 'Probe lot missing (unless unreadable with a reason); probe gauge or length outside what exists',
  *check(doc, cfg) {
    for (const dv of doc.devices) {
      const at = { entity: 'device', entityId: dv.id } as const;
      const n = deviceName(dv);
      if (isBlank(dv.probeLot)) {
        if (dv.lotUnreadable !== true) {
          yield {
            ...at,
            field: 'probeLot',
            message: `${n}: the probe lot is missing. Enter it from the packaging or scan the barcode; if it cannot be read, tick "Lot unreadable" and say why.`,
          };
        } else if (isBlank(dv.lotUnreadableReason)) {
          yield { ...at, field: 'lotUnreadableReason', message: `${n}: the probe lot is marked unreadable. Say why (e.g. label damaged).` };
        }
      }
      const g = cfg.probeGauge;
      if (dv.probeGauge !== null && (dv.probeGauge < g.errorBelow || dv.probeGauge > g.errorAbove)) {
        yield { ...at, field: 'probeGauge', message: `${n}: a ${dv.probeGauge} G probe is outside ${g.errorBelow}–${g.errorAbove} G. Check the gauge on the packaging.` };
      }
      const l = cfg.probeLengthMm;
      if (dv.probeLengthMm !== null && (dv.probeLengthMm < l.errorBelow || dv.probeLengthMm > l.errorAbove)) {
        yield { ...at, field: 'probeLengthMm', message: `${n}: a probe length of ${fmt(dv.probeLengthMm)} mm is outside ${fmt(l.errorBelow)}–${fmt(l.errorAbove)} mm. Check the unit (mm) and the packaging.` };
      }
    }
  },
};

export const W13: Rule = {
  id: 'W13',
  severity: 'warning',
  needsReason: true,
  title: 'Probe or local anaesthetic expired before the session; probe lot unreadable',
  *check(doc, _cfg, d) {
    for (const dv of doc.devices) {
      const at = { entity: 'device', entityId: dv.id } as const;
      const n = deviceName(dv);
      if (dv.probeExpiry && dv.probeExpiry < d.sessionDate) {
        yield {
          ...at,
          field: 'probeExpiry',
          message: `${n}: the probe expired on ${day(dv.probeExpiry)}, before the session (${day(d.sessionDate)}). If it was used, give the reason and report it locally.`,
        };
      }
      if (dv.laExpiry && dv.laExpiry < d.sessionDate) {
        yield {
          ...at,
          field: 'laExpiry',
          message: `${n}: the local anaesthetic expired on ${day(dv.laExpiry)}, before the session (${day(d.sessionDate)}). If it was used, give the reason and report it locally.`,
        };
      }
      if (isBlank(dv.probeLot) && dv.lotUnreadable === true && !isBlank(dv.lotUnreadableReason)) {
        yield { ...at, field: 'probeLot', message: `${n}: the probe lot could not be read, so a recall cannot reach this patient by lot. Give the reason (keep the packaging if you can).` };
      }
    }
  },
};
