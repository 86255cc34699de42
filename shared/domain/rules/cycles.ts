// Lesion sites and freeze cycles (domain.md §2.7): impossible entries (E08, E09) and unusual
// ones (W09, W10, W11). A cycle's device is its target's device (derived.ts), which decides
// whether a missing temperature matters: handheld fixed-cycle devices have no readout.
import { freezeSecondsOf, timeOf, type TargetDerived } from '../derived';
import type { Cycle } from '../model';
import type { RuleConfig } from './config';
import type { Rule } from './types';
import { clock, cycleName, fmt, targetName } from './text';

/** The duration a rule judges, and which field to show it next to (entered, or from the times / the device). */
function duration(c: Cycle, td: TargetDerived): { s: number; field: string; from: string } | null {
  const s = freezeSecondsOf(c, td.device);
  if (s === null) return null;
  if (c.durationS !== null) return { s, field: 'durationS', from: '' };
  if (timeOf(c.startedAt) !== null && timeOf(c.endedAt) !== null) return { s, field: 'endedAt', from: ' (from its start and end times)' };
  return { s, field: 'durationS', from: " (the device's fixed cycle)" };
}

const freezeImpossible = (s: number, cfg: RuleConfig) => s <= cfg.freezeDurationS.errorAtOrBelow || s > cfg.freezeDurationS.errorAbove;
const tempImpossible = (t: number, cfg: RuleConfig) => t > cfg.tipTempC.errorAbove || t < cfg.tipTempC.errorBelow;

/** The cycles of a site after the first `limit` of them (the ones that make the count too high). */
const beyond = (cycles: Cycle[], limit: number) => (cycles.length > limit ? cycles[limit] : undefined);

export const E08: Rule = {
  id: 'E08',
  severity: 'error',
  needsReason: false,
  title: 'Freeze or thaw time impossible, cycle ending before it starts, invalid or duplicate site/cycle, too many cycles at one site',
  *check(_doc, cfg, d) {
    const f = cfg.freezeDurationS;
    const th = cfg.thawS;
    for (const td of d.targets) {
      const t = td.target;
      for (const c of t.cycles) {
        const at = { entity: 'cycle', entityId: c.id } as const;
        const n = cycleName(t, c);
        const dur = duration(c, td);
        if (dur && freezeImpossible(dur.s, cfg)) {
          yield { ...at, field: dur.field, message: `${n}: a freeze of ${fmt(dur.s)} s${dur.from} is not possible here (allowed above ${fmt(f.errorAtOrBelow)} s and up to ${fmt(f.errorAbove)} s). Check the entry.` };
        }
        if (c.thawS !== null && (c.thawS < th.errorBelow || c.thawS > th.errorAbove)) {
          yield { ...at, field: 'thawS', message: `${n}: a thaw of ${fmt(c.thawS)} s is not possible here (allowed ${fmt(th.errorBelow)}–${fmt(th.errorAbove)} s). Check the entry.` };
        }
        const start = timeOf(c.startedAt);
        const end = timeOf(c.endedAt);
        if (start !== null && end !== null && end <= start) {
          yield { ...at, field: 'endedAt', message: `${n}: the freeze ends (${clock(c.endedAt ?? '')}) no later than it starts (${clock(c.startedAt ?? '')}). Check the times.` };
        }
        if (c.siteNo !== null && c.siteNo < 1) yield { ...at, field: 'siteNo', message: `${n}: lesion site ${c.siteNo} is not a site number; sites are numbered from 1.` };
      }
      // The same site and start time twice is one cycle entered twice (cycle numbers come from the order, so they cannot clash).
      const seen = new Map<string, Cycle>();
      for (const c of t.cycles) {
        if (!c.startedAt) continue;
        const key = `${c.siteNo ?? 1}|${timeOf(c.startedAt) ?? c.startedAt}`;
        const first = seen.get(key);
        if (first) {
          yield { entity: 'cycle', entityId: c.id, field: 'startedAt', message: `${cycleName(t, c)} has the same site and start time as cycle ${first.seq}: probably entered twice. Remove the duplicate.` };
        } else seen.set(key, c);
      }
      for (const [site, cycles] of td.sites) {
        const extra = beyond(cycles, cfg.cyclesPerSite.errorAbove);
        if (extra) {
          yield {
            entity: 'cycle',
            entityId: extra.id,
            field: 'siteNo',
            message: `${targetName(t)}, site ${site}: ${cycles.length} cycles; more than ${cfg.cyclesPerSite.errorAbove} at one site is almost certainly a mis-entry. Check the site numbers.`,
          };
        }
      }
    }
  },
};

export const E09: Rule = {
  id: 'E09',
  severity: 'error',
  needsReason: false,
  title: 'Probe temperature outside what nitrous oxide can give, or above 0 °C on a completed cycle',
  *check(_doc, cfg, d) {
    const tc = cfg.tipTempC;
    for (const td of d.targets) {
      for (const c of td.target.cycles) {
        if (c.tipTempC === null) continue;
        const at = { entity: 'cycle', entityId: c.id, field: 'tipTempC' } as const;
        const n = cycleName(td.target, c);
        if (tempImpossible(c.tipTempC, cfg)) {
          yield { ...at, message: `${n}: ${fmt(c.tipTempC)} °C is not a possible nitrous-oxide probe reading (allowed ${fmt(tc.errorBelow)} to +${fmt(tc.errorAbove)} °C). Check the sign and the unit.` };
        } else if (c.outcome === 'completed' && c.tipTempC > tc.errorAboveWhenCompleted) {
          yield {
            ...at,
            message: `${n}: ${fmt(c.tipTempC)} °C on a cycle marked completed; a completed freeze reads below ${fmt(tc.errorAboveWhenCompleted)} °C. Check the sign, or mark the cycle aborted.`,
          };
        }
      }
    }
  },
};

export const W09: Rule = {
  id: 'W09',
  severity: 'warning',
  needsReason: false,
  title: 'Freeze shorter or longer than usual; short thaw before the next cycle; many cycles at a site; many sites per target',
  *check(_doc, cfg, d) {
    const f = cfg.freezeDurationS;
    for (const td of d.targets) {
      const t = td.target;
      for (const [site, cycles] of td.sites) {
        for (const [i, c] of cycles.entries()) {
          const at = { entity: 'cycle', entityId: c.id } as const;
          const n = cycleName(t, c);
          const dur = duration(c, td);
          if (dur && !freezeImpossible(dur.s, cfg) && (dur.s < f.warnBelow || dur.s > f.warnAbove)) {
            yield { ...at, field: dur.field, message: `${n}: a freeze of ${fmt(dur.s)} s${dur.from} is outside the usual ${fmt(f.warnBelow)}–${fmt(f.warnAbove)} s. Check it, or acknowledge.` };
          }
          const next = cycles[i + 1];
          if (next && c.thawS !== null && c.thawS >= cfg.thawS.errorBelow && c.thawS < cfg.thawS.warnBelow) {
            yield {
              ...at,
              field: 'thawS',
              message: `${n}: a thaw of ${fmt(c.thawS)} s before the next cycle at site ${site} is shorter than ${fmt(cfg.thawS.warnBelow)} s. Check it, or acknowledge.`,
            };
          }
        }
        const extra = beyond(cycles, cfg.cyclesPerSite.warnAbove);
        if (extra && cycles.length <= cfg.cyclesPerSite.errorAbove) {
          yield {
            entity: 'cycle',
            entityId: extra.id,
            field: 'siteNo',
            message: `${targetName(t)}, site ${site}: ${cycles.length} cycles, more than the usual ${cfg.cyclesPerSite.warnAbove}. Check the site numbers, or acknowledge.`,
          };
        }
      }
      if (td.sites.size > cfg.sitesPerTarget.warnAbove) {
        const firstExtraSite = [...td.sites.values()][cfg.sitesPerTarget.warnAbove]?.[0];
        if (firstExtraSite) {
          yield {
            entity: 'cycle',
            entityId: firstExtraSite.id,
            field: 'siteNo',
            message: `${targetName(t)}: ${td.sites.size} lesion sites, more than the usual ${cfg.sitesPerTarget.warnAbove}. Check the site numbers, or acknowledge.`,
          };
        }
      }
    }
  },
};

export const W10: Rule = {
  id: 'W10',
  severity: 'warning',
  needsReason: false,
  title: 'Probe temperature warmer than usual (with a reason when warmer still); temperature missing on a console device',
  *check(_doc, cfg, d) {
    const tc = cfg.tipTempC;
    for (const td of d.targets) {
      for (const c of td.target.cycles) {
        // An aborted cycle's reading says why it stopped; the abort is its record.
        if (c.outcome === 'aborted') continue;
        const at = { entity: 'cycle', entityId: c.id, field: 'tipTempC' } as const;
        const n = cycleName(td.target, c);
        if (c.tipTempC === null) {
          // Handheld fixed-cycle devices have no readout; with no known device, REQ asks for it first.
          if (td.device?.systemType === 'console') {
            yield { ...at, message: `${n}: no probe temperature recorded, and this console shows it. Enter the lowest reading, or acknowledge.` };
          }
          continue;
        }
        if (tempImpossible(c.tipTempC, cfg) || (c.outcome === 'completed' && c.tipTempC > tc.errorAboveWhenCompleted)) continue;
        if (c.tipTempC > tc.warnWithReasonWarmerThan) {
          yield {
            ...at,
            needsReason: true,
            message: `${n}: ${fmt(c.tipTempC)} °C is warmer than ${fmt(tc.warnWithReasonWarmerThan)} °C, probably not cold enough at the nerve. Give the reason.`,
          };
        } else if (c.tipTempC > tc.warnWarmerThan) {
          yield { ...at, message: `${n}: ${fmt(c.tipTempC)} °C is warmer than the usual ${fmt(tc.warnWarmerThan)} °C or colder. Check the probe, or acknowledge.` };
        }
      }
    }
  },
};

export const W11: Rule = {
  id: 'W11',
  severity: 'warning',
  needsReason: false,
  title: 'Ice ball not seen or larger than usual; procedural pain at or above the limit',
  *check(_doc, cfg, d) {
    for (const td of d.targets) {
      for (const c of td.target.cycles) {
        const at = { entity: 'cycle', entityId: c.id } as const;
        const n = cycleName(td.target, c);
        if (c.iceBallSeen === false) yield { ...at, field: 'iceBallSeen', message: `${n}: the ice ball was not seen on ultrasound. Check the probe position, or acknowledge.` };
        if (c.iceBallMm !== null && c.iceBallMm > cfg.iceBallWarnAboveMm) {
          yield { ...at, field: 'iceBallMm', message: `${n}: an ice ball of ${fmt(c.iceBallMm)} mm is larger than the usual ${fmt(cfg.iceBallWarnAboveMm)} mm. Check the entry, or acknowledge.` };
        }
        if (c.painNrs !== null && c.painNrs >= cfg.freezePainWarnAtOrAbove && c.painNrs <= 10) {
          yield { ...at, field: 'painNrs', message: `${n}: pain ${c.painNrs}/10 during the freeze (${cfg.freezePainWarnAtOrAbove} or more). Record what was done for it, then acknowledge.` };
        }
      }
    }
  },
};
