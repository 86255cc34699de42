// Each target nerve (domain.md §2.5, §2.6): side and consent (E04), nerve type (W05, W06),
// confirmation (W07, W08, E10) and the session's local anaesthetic total (W12).
import type { ConsentSite } from '../model';
import { consentCovers, type LidocaineDose } from '../derived';
import { LIMB_REGION_LABELS, MUSCLES, SIDE_LABELS, findNerve } from '../valueSets';
import type { RawFinding, Rule } from './types';
import { fmt, targetLong, targetName } from './text';

export function consentedSiteText(c: ConsentSite): string {
  const where = [c.side ? SIDE_LABELS[c.side].toLowerCase() : null, c.region ? LIMB_REGION_LABELS[c.region].toLowerCase() : null].filter(Boolean).join(' ');
  const nerve = c.nerve ? findNerve(c.nerve)?.label.toLowerCase() : undefined;
  return [where, nerve ? `(${nerve})` : ''].filter(Boolean).join(' ') || 'a site without details';
}


export const E04: Rule = {
  id: 'E04',
  severity: 'error',
  needsReason: false,
  title: 'Target side missing, or not among the consented sites (unless declared a wrong-site incident with its reference and complication)',
  *check(doc) {
    for (const t of doc.targets) {
      const at = { entity: 'target', entityId: t.id } as const;
      if (!t.side) {
        yield { ...at, field: 'side', message: `${targetName(t)}: side (left or right) is missing.` };
      } else if (t.wrongSiteDeclared !== true && doc.consentSites.length > 0 && !consentCovers(doc, t)) {
        // With no consented site at all, E03 already says so once; repeating it per target adds noise.
        yield {
          ...at,
          field: 'side',
          message: `${targetLong(t)} is not among the consented sites (${doc.consentSites.map(consentedSiteText).join('; ')}). Check the side against the consent form and the site mark; if the wrong site was treated, declare a wrong-site incident.`,
        };
      }
      if (t.wrongSiteDeclared === true) {
        if (!t.wrongSiteIncidentRef?.trim()) {
          yield { ...at, field: 'wrongSiteIncidentRef', message: `${targetName(t)} is declared a wrong-site incident: enter the incident reference from the incident reporting system.` };
        }
        if (!doc.complications.some((c) => c.type === 'wrong-site')) {
          yield { ...at, field: 'wrongSiteDeclared', message: `${targetName(t)} is declared a wrong-site incident, but no wrong-site complication is recorded. Add it under complications.` };
        }
      }
    }
  },
};

export const W05: Rule = {
  id: 'W05',
  severity: 'warning',
  needsReason: true,
  title: 'Mixed motor-sensory trunk targeted (neuropathic-pain risk)',
  *check(doc, _cfg, d) {
    for (const td of d.targets) {
      if (td.nerveType !== 'mixed-trunk') continue;
      const t = td.target;
      yield {
        entity: 'target',
        entityId: t.id,
        field: 'branch',
        message: `${targetLong(t)}: a mixed motor-sensory trunk carries a higher risk of neuropathic pain than a motor branch. Give the reason for treating the trunk.`,
      };
    }
  },
};

export const W06: Rule = {
  id: 'W06',
  severity: 'warning',
  needsReason: true,
  title: 'Proximal lower-limb trunk in an ambulant patient (weakness, falls)',
  *check(doc, _cfg, d) {
    if (doc.patient.ambulant !== true) return;
    for (const td of d.targets) {
      if (td.region !== 'lower' || td.nerveType !== 'mixed-trunk') continue;
      yield {
        entity: 'target',
        entityId: td.target.id,
        field: 'nerve',
        message: `${targetLong(td.target)}: freezing a lower-limb nerve trunk in a patient who walks can cause weakness and falls. Give the reason, and give falls advice.`,
      };
    }
  },
};

export const W07: Rule = {
  id: 'W07',
  severity: 'warning',
  needsReason: true,
  title: 'No ultrasound or no nerve stimulation used; no motor response seen',
  *check(doc) {
    for (const t of doc.targets) {
      const at = { entity: 'target', entityId: t.id } as const;
      const n = targetName(t);
      if (t.usUsed === false) yield { ...at, field: 'usUsed', message: `${n}: no ultrasound guidance. Give the reason (ultrasound guidance is standard).` };
      else if (t.usUsed === null) yield { ...at, field: 'usUsed', message: `${n}: ultrasound use is not recorded. Record it; if it was not used, give the reason.` };
      if (t.stimUsed === false) yield { ...at, field: 'stimUsed', message: `${n}: no nerve stimulation. Give the reason (stimulation confirms the motor nerve).` };
      else if (t.stimUsed === null) yield { ...at, field: 'stimUsed', message: `${n}: nerve stimulation is not recorded. Record it; if it was not used, give the reason.` };
      if (t.stimUsed === true && t.motorResponseSeen !== true) {
        yield {
          ...at,
          field: 'motorResponseSeen',
          message:
            t.motorResponseSeen === false
              ? `${n}: no motor response to stimulation was seen. Give the reason for freezing without it.`
              : `${n}: whether a motor response was seen is not recorded. Record it.`,
        };
      }
    }
  },
};

const muscleLabel = (code: string) => MUSCLES.find((m) => m.code === code)?.label ?? code;

export const W08: Rule = {
  id: 'W08',
  severity: 'warning',
  needsReason: false,
  title: 'Stimulation threshold unusually low or high; another muscle responded; nerve not seen; paraesthesia or long pulse at a motor target',
  *check(doc, cfg, d) {
    const st = cfg.stimThresholdMa;
    for (const td of d.targets) {
      const t = td.target;
      const at = { entity: 'target', entityId: t.id } as const;
      const n = targetName(t);
      const mA = t.stimThresholdMa;
      if (mA !== null && mA >= st.errorBelow && mA <= st.errorAbove) {
        if (mA < st.warnBelow) {
          yield { ...at, field: 'stimThresholdMa', message: `${n}: a threshold of ${fmt(mA)} mA is below ${fmt(st.warnBelow)} mA, so the probe may be inside the nerve. Check the position, or acknowledge.` };
        } else if (mA > st.warnAbove) {
          yield { ...at, field: 'stimThresholdMa', message: `${n}: a threshold of ${fmt(mA)} mA is above ${fmt(st.warnAbove)} mA, so the probe is probably far from the nerve. Check the position, or acknowledge.` };
        }
      }
      if (t.muscleResponding && t.branch && t.branch !== 'trunk' && t.muscleResponding !== t.branch) {
        yield {
          ...at,
          field: 'muscleResponding',
          message: `${n}: the muscle that responded (${muscleLabel(t.muscleResponding)}) is not the intended one (${muscleLabel(t.branch)}). Check the probe position, or acknowledge.`,
        };
      }
      if (t.usUsed === true && t.usNerveVisualised === false) {
        yield { ...at, field: 'usNerveVisualised', message: `${n}: the nerve was not seen on ultrasound. Acknowledge that the target was confirmed otherwise.` };
      }
      if (td.nerveType === 'motor-branch') {
        if (t.paraesthesiaReported === true) {
          yield { ...at, field: 'paraesthesiaReported', message: `${n}: paraesthesia at a motor-branch target suggests sensory fibres nearby. Check the position, or acknowledge.` };
        }
        const pw = t.stimPulseWidthMs;
        const pwc = cfg.stimPulseWidthMs;
        if (pw !== null && pw >= pwc.errorBelow && pw <= pwc.errorAbove && pw > pwc.warnAboveForMotor) {
          yield {
            ...at,
            field: 'stimPulseWidthMs',
            message: `${n}: a pulse width of ${fmt(pw)} ms is above ${fmt(pwc.warnAboveForMotor)} ms; short pulses (0.05–0.1 ms) pick out motor fibres. Check the setting, or acknowledge.`,
          };
        }
      }
    }
  },
};

export const E10: Rule = {
  id: 'E10',
  severity: 'error',
  needsReason: false,
  title: 'Stimulation current, pulse width or frequency outside what is possible',
  *check(doc, cfg) {
    for (const t of doc.targets) {
      const at = { entity: 'target', entityId: t.id } as const;
      const n = targetName(t);
      const { stimThresholdMa: mA, stimPulseWidthMs: pw, stimFrequencyHz: hz } = t;
      const c = cfg.stimThresholdMa;
      if (mA !== null && (mA < c.errorBelow || mA > c.errorAbove)) {
        yield { ...at, field: 'stimThresholdMa', message: `${n}: ${fmt(mA)} mA is outside ${fmt(c.errorBelow)}–${fmt(c.errorAbove)} mA, so it is probably a typing error. Check the stimulator reading.` };
      }
      const p = cfg.stimPulseWidthMs;
      if (pw !== null && (pw < p.errorBelow || pw > p.errorAbove)) {
        yield { ...at, field: 'stimPulseWidthMs', message: `${n}: a pulse width of ${fmt(pw)} ms is outside ${fmt(p.errorBelow)}–${fmt(p.errorAbove)} ms. Check the unit (ms, not µs).` };
      }
      const f = cfg.stimFrequencyHz;
      if (hz !== null && (hz < f.errorBelow || hz > f.errorAbove)) {
        yield { ...at, field: 'stimFrequencyHz', message: `${n}: ${fmt(hz)} Hz is outside ${fmt(f.errorBelow)}–${fmt(f.errorAbove)} Hz. Check the stimulator setting (usually 1–2 Hz).` };
      }
    }
  },
};

const doseField = (dose: LidocaineDose) => (dose.entity === 'target' ? 'laVolumeMl' : 'volumeMl');
const doseName = (dose: LidocaineDose) => (dose.entity === 'target' ? `Target ${dose.seq}` : `Diagnostic block ${dose.seq}`);

export const W12: Rule = {
  id: 'W12',
  severity: 'warning',
  needsReason: true,
  title: 'Session lidocaine above the mg/kg or total maximum; weight missing or unusual',
  *check(doc, cfg, d) {
    const p = doc.patient;
    const w = cfg.weightKg;
    const lido = d.lidocaine;
    const weight = p.weightKg !== null && p.weightKg >= w.errorBelow && p.weightKg <= w.errorAbove ? p.weightKg : null;
    const overTotal = lido.doses.find((x) => x.cumulativeMg > cfg.lidocaine.maxMg);
    const overPerKg = weight === null ? undefined : lido.doses.find((x) => x.cumulativeMg / weight > cfg.lidocaine.maxMgPerKg);
    // Report each limit at the dose that crossed it (next to its volume); one finding when both are the same dose.
    const reasons = new Map<LidocaineDose, string[]>();
    if (overTotal) reasons.set(overTotal, [`the session total reaches ${fmt(overTotal.cumulativeMg)} mg, above the ${fmt(cfg.lidocaine.maxMg)} mg maximum`]);
    if (overPerKg && weight !== null) {
      const text = `the session total reaches ${fmt(overPerKg.cumulativeMg / weight)} mg/kg (${fmt(overPerKg.cumulativeMg)} mg for ${fmt(weight)} kg), above ${fmt(cfg.lidocaine.maxMgPerKg)} mg/kg`;
      reasons.set(overPerKg, [...(reasons.get(overPerKg) ?? []), text]);
    }
    for (const [dose, why] of reasons) {
      yield {
        entity: dose.entity,
        entityId: dose.entityId,
        field: doseField(dose),
        message: `${doseName(dose)}: with this dose ${why.join(', and ')} for plain lidocaine. Check the volumes; if it is right, give the reason.`,
      } satisfies RawFinding;
    }
    if (p.weightKg === null && lido.totalMg > 0) {
      yield {
        entity: 'patient',
        entityId: p.id,
        field: 'weightKg',
        message: `Weight is missing, so the lidocaine given (${fmt(lido.totalMg)} mg) cannot be checked against ${fmt(cfg.lidocaine.maxMgPerKg)} mg/kg. Enter the weight, or give the reason.`,
      };
    } else if (weight !== null && (weight < w.warnBelow || weight > w.warnAbove)) {
      yield {
        entity: 'patient',
        entityId: p.id,
        field: 'weightKg',
        needsReason: false,
        message: `Weight ${fmt(weight)} kg is outside the usual ${fmt(w.warnBelow)}–${fmt(w.warnAbove)} kg. Check it (the lidocaine limit is per kg), or acknowledge.`,
      };
    }
  },
};
