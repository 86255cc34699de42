// Pre-procedure checks (domain.md §2.3): consent (E03), anticoagulation and INR (E06, W01,
// W02, W02b, W03) and the diagnostic block behind each target (W04).
import type { SessionDocument, TargetWithCycles } from '../model';
import { ANTICOAGULANT_LABELS, DOACS, VKAS } from '../valueSets';
import type { RuleConfig } from './config';
import type { Rule } from './types';
import { day, fmt, isBlank, plural, targetLong } from './text';

export const E03: Rule = {
  id: 'E03',
  severity: 'error',
  needsReason: false,
  title: 'No consent recorded, or consent dated after the session',
  *check(doc, _cfg, d) {
    const s = doc.session;
    const at = { entity: 'session', entityId: s.id } as const;
    if (!s.consentType) yield { ...at, field: 'consentType', message: 'No consent recorded. Record how consent was given (written, best interests or verbal documented).' };
    if (!s.consentDate) yield { ...at, field: 'consentDate', message: 'Consent date is missing. Enter the date on the consent form.' };
    else if (s.consentDate > d.sessionDate) {
      yield { ...at, field: 'consentDate', message: `Consent is dated ${day(s.consentDate)}, after the session (${day(d.sessionDate)}). Consent comes first: check the date.` };
    }
    if (isBlank(s.consentTaker)) yield { ...at, field: 'consentTaker', message: 'Record who took consent.' };
    if (doc.consentSites.length === 0) {
      yield { ...at, field: 'consentSites', message: 'No consented site recorded. Add each site on the consent form (region, side and nerve): the side check of every target depends on it.' };
    }
  },
};

const onVka = (doc: SessionDocument) => doc.session.anticoagulant !== null && VKAS.includes(doc.session.anticoagulant);
/** An INR value that passed E06's plausibility check (so W02/W02b compare a real number). */
const plausibleInr = (doc: SessionDocument, cfg: RuleConfig): number | null => {
  const v = doc.session.inrValue;
  return v !== null && v >= cfg.inr.errorBelow && v <= cfg.inr.errorAbove ? v : null;
};
const inrTarget = (doc: SessionDocument, cfg: RuleConfig) => ({
  low: doc.session.inrTargetLow ?? cfg.inr.defaultTargetLow,
  high: doc.session.inrTargetHigh ?? cfg.inr.defaultTargetHigh,
});

export const E06: Rule = {
  id: 'E06',
  severity: 'error',
  needsReason: false,
  title: 'Anticoagulation not answered; on warfarin/VKA without INR value or date; INR dated after the session or outside what is possible',
  *check(doc, cfg, d) {
    const s = doc.session;
    const at = { entity: 'session', entityId: s.id } as const;
    if (!s.anticoagulant) {
      yield { ...at, field: 'anticoagulant', message: 'Anticoagulation is not answered. Choose "None" or the drug the patient takes.' };
    } else if (onVka(doc)) {
      const drug = ANTICOAGULANT_LABELS[s.anticoagulant];
      if (s.inrValue === null) yield { ...at, field: 'inrValue', message: `On ${drug.toLowerCase()} with no INR recorded. Enter the latest INR (a point-of-care INR today is fine).` };
      if (!s.inrDate) yield { ...at, field: 'inrDate', message: `On ${drug.toLowerCase()}: the INR date is missing. Enter the date the sample was taken.` };
    }
    if (s.inrDate && s.inrDate > d.sessionDate) {
      yield { ...at, field: 'inrDate', message: `INR is dated ${day(s.inrDate)}, after the session (${day(d.sessionDate)}). Check the date.` };
    }
    if (s.inrValue !== null && (s.inrValue < cfg.inr.errorBelow || s.inrValue > cfg.inr.errorAbove)) {
      yield {
        ...at,
        field: 'inrValue',
        message: `INR ${fmt(s.inrValue)} is outside what is possible (${fmt(cfg.inr.errorBelow)}–${fmt(cfg.inr.errorAbove)}), so it is probably a typing error. Check the result.`,
      };
    }
  },
};

export const W01: Rule = {
  id: 'W01',
  severity: 'warning',
  needsReason: true,
  title: 'INR older than the allowed number of days (leaflet one-week rule)',
  *check(doc, cfg, d) {
    if (!onVka(doc) || d.inrAgeDays === null || d.inrAgeDays < 0 || d.inrAgeDays <= cfg.inr.maxAgeDays) return;
    yield {
      entity: 'session',
      entityId: doc.session.id,
      field: 'inrDate',
      message: `INR is ${plural(d.inrAgeDays, 'day')} old (taken ${day(doc.session.inrDate ?? '')}); the pathway accepts up to ${plural(cfg.inr.maxAgeDays, 'day')} before the session. Check a point-of-care INR today, or give the reason for going ahead.`,
    };
  },
};

export const W02: Rule = {
  id: 'W02',
  severity: 'warning',
  needsReason: true,
  title: 'INR above the target range',
  *check(doc, cfg) {
    const v = plausibleInr(doc, cfg);
    if (!onVka(doc) || v === null) return;
    const { low, high } = inrTarget(doc, cfg);
    if (v > high) {
      yield {
        entity: 'session',
        entityId: doc.session.id,
        field: 'inrValue',
        message: `INR ${fmt(v)} is above the target range (${fmt(low)}–${fmt(high)}): a higher bleeding risk. Give the reason for going ahead, or postpone.`,
      };
    }
  },
};

export const W02b: Rule = {
  id: 'W02b',
  severity: 'warning',
  needsReason: false,
  title: 'INR below the target range',
  *check(doc, cfg) {
    const v = plausibleInr(doc, cfg);
    if (!onVka(doc) || v === null) return;
    const { low, high } = inrTarget(doc, cfg);
    if (v < low) {
      yield {
        entity: 'session',
        entityId: doc.session.id,
        field: 'inrValue',
        message: `INR ${fmt(v)} is below the target range (${fmt(low)}–${fmt(high)}). Tell the anticoagulation team if it is new, then acknowledge.`,
      };
    }
  },
};

export const W03: Rule = {
  id: 'W03',
  severity: 'warning',
  needsReason: false,
  title: 'DOAC recorded as withheld (the leaflet pathway continues them)',
  *check(doc) {
    const s = doc.session;
    if (s.anticoagulant && DOACS.includes(s.anticoagulant) && s.anticoagulantAction === 'withheld') {
      yield {
        entity: 'session',
        entityId: s.id,
        field: 'anticoagulantAction',
        message: `${ANTICOAGULANT_LABELS[s.anticoagulant]} recorded as withheld; the pathway continues it. Check the entry, or acknowledge.`,
      };
    }
  },
};

/** Blocks on or before the session date for the target's nerve (and branch and side, when both say). */
function blocksFor(doc: SessionDocument, t: TargetWithCycles, sessionDate: string) {
  return doc.diagnosticBlocks.filter(
    (b) =>
      b.nerve === t.nerve &&
      (b.branch === null || t.branch === null || b.branch === t.branch) &&
      (b.side === null || t.side === null || b.side === t.side) &&
      (b.blockDate === null || b.blockDate <= sessionDate),
  );
}

export const W04: Rule = {
  id: 'W04',
  severity: 'warning',
  needsReason: true,
  title: 'No diagnostic block on record for a target, or the block was negative; block volume over the usual',
  *check(doc, cfg, d) {
    for (const t of doc.targets) {
      if (!t.nerve) continue;
      const blocks = blocksFor(doc, t, d.sessionDate);
      const at = { entity: 'target', entityId: t.id, field: 'nerve' } as const;
      if (blocks.length === 0) {
        yield { ...at, message: `${targetLong(t)}: no diagnostic block on record for this nerve. Add the block, or give the reason for treating without one.` };
      } else if (blocks.every((b) => b.result === 'negative')) {
        yield { ...at, message: `${targetLong(t)}: the diagnostic block was negative, yet the target was treated. Give the reason.` };
      }
    }
    for (const b of doc.diagnosticBlocks) {
      const at = { entity: 'diagnosticBlock', entityId: b.id } as const;
      if (b.volumeMl !== null && b.volumeMl > cfg.blockVolumeWarnAboveMl) {
        yield {
          ...at,
          field: 'volumeMl',
          needsReason: false,
          message: `Diagnostic block ${b.seq}: ${fmt(b.volumeMl)} mL is more than the usual ${fmt(cfg.blockVolumeWarnAboveMl)} mL per nerve. Check the volume, or acknowledge.`,
        };
      }
      if (b.blockDate && b.blockDate > d.sessionDate) {
        yield {
          ...at,
          field: 'blockDate',
          needsReason: false,
          message: `Diagnostic block ${b.seq} is dated ${day(b.blockDate)}, after this session, so it cannot support it. Check the date.`,
        };
      }
    }
  },
};
