// Checks from the §2 tables that §4 does not number:
// - REQ (error): a required entry is missing, or an entry is impossible (names, allergies
//   asked, the nerve and branch, the device behind each cycle, a weight or lidocaine strength
//   that cannot be right, session times the wrong way round);
// - REC (warning): the record is incomplete or unusual in a way a clinician may accept
//   (location, unverified NHS number, serial and gas lot, probe gauge, depth, severe
//   complication without action or incident reference, …).
// Checks that sit naturally inside a numbered rule are there instead (e.g. sign-in in E05).
import { freezeSecondsOf, timeOf } from '../derived';
import { isValidGtin } from '../gs1';
import { findBranch, findNerve } from '../valueSets';
import type { Rule } from './types';
import { cycleName, deviceName, fmt, isBlank, targetName } from './text';

export const REQ: Rule = {
  id: 'REQ',
  severity: 'error',
  needsReason: false,
  always: true,
  title: 'Required entry missing, or an entry that cannot be right (not numbered in domain.md §4)',
  *check(doc, cfg, d) {
    const p = doc.patient;
    const s = doc.session;
    const pat = { entity: 'patient', entityId: p.id } as const;
    const ses = { entity: 'session', entityId: s.id } as const;
    if (isBlank(p.familyName)) yield { ...pat, field: 'familyName', message: 'Family name is missing. Enter it as on the wristband.' };
    if (isBlank(p.givenName)) yield { ...pat, field: 'givenName', message: 'Given name is missing. Enter it as on the wristband.' };
    const w = cfg.weightKg;
    if (p.weightKg !== null && (p.weightKg < w.errorBelow || p.weightKg > w.errorAbove)) {
      yield { ...pat, field: 'weightKg', message: `Weight ${fmt(p.weightKg)} kg is not possible (allowed ${fmt(w.errorBelow)}–${fmt(w.errorAbove)} kg), so it is probably a typing error. Check it.` };
    }
    const start = timeOf(s.startedAt);
    const end = timeOf(s.endedAt);
    if (start !== null && end !== null && end < start) yield { ...ses, field: 'endedAt', message: 'The session ends before it starts. Check both times.' };
    if (start !== null && d.now !== null && start > d.now) yield { ...ses, field: 'startedAt', message: 'The session start is in the future. Check the date and time (and the computer clock).' };
    if (!d.performed) return;

    if (p.allergyStatus === null || p.allergyStatus === 'not-asked') {
      yield { ...pat, field: 'allergyStatus', message: 'Allergies have not been asked. Ask, then record them or choose "No known allergies".' };
    } else if (p.allergyStatus === 'has-allergies' && p.allergies.length === 0) {
      yield { ...pat, field: 'allergyStatus', message: 'The patient has allergies, but none is listed. Add each allergy.' };
    }
    for (const a of p.allergies) if (!a.allergen) yield { entity: 'allergy', entityId: a.id, field: 'allergen', message: `Allergy ${a.seq}: choose the allergen.` };
    for (const g of doc.goals) if (isBlank(g.goalText)) yield { entity: 'goal', entityId: g.id, field: 'goalText', message: `Goal ${g.seq}: the goal text is empty. Write the goal, or remove it.` };

    if (doc.targets.length === 0) yield { ...ses, field: 'targets', message: 'No target nerve recorded yet.' };
    if (doc.devices.length === 0 && doc.targets.length > 0) yield { ...ses, field: 'devices', message: 'No device recorded. Add the cryo device and probe used (for traceability).' };
    for (const dv of doc.devices) {
      const at = { entity: 'device', entityId: dv.id } as const;
      const n = deviceName(dv);
      if (!dv.systemType) yield { ...at, field: 'systemType', message: `${n}: choose the system type (handheld fixed-cycle or console).` };
      if (isBlank(dv.manufacturer)) yield { ...at, field: 'manufacturer', message: `${n}: enter the manufacturer.` };
      if (isBlank(dv.model)) yield { ...at, field: 'model', message: `${n}: enter the model.` };
    }
    const allowedPct = cfg.lidocaine.allowedConcentrationsPct;
    for (const td of d.targets) {
      const t = td.target;
      const at = { entity: 'target', entityId: t.id } as const;
      const n = targetName(t);
      const nerve = findNerve(t.nerve);
      if (!nerve) yield { ...at, field: 'nerve', message: `${n}: nerve is missing.` };
      else if (t.branch && !findBranch(t.nerve, t.branch)) {
        yield { ...at, field: 'branch', message: `${n}: that branch does not belong to the chosen nerve. Choose the branch again.` };
      } else if (!t.branch && td.nerveType === null) {
        yield { ...at, field: 'branch', message: `${n}: choose the branch (or the trunk) of the ${nerve.label.toLowerCase()} nerve.` };
      }
      if (t.cycles.length === 0 && s.status !== 'stopped') yield { ...at, field: 'cycles', message: `${n}: no freeze cycle recorded.` };
      if (doc.devices.length > 0 && !td.device) {
        yield {
          ...at,
          field: 'deviceId',
          message: t.deviceId ? `${n}: the device it names is no longer recorded. Choose the device used.` : `${n}: choose the device used (the session has ${doc.devices.length} devices).`,
        };
      }
      if (t.laAgent === 'lidocaine') {
        if (t.laConcPct !== null && !allowedPct.includes(t.laConcPct)) {
          yield {
            ...at,
            field: 'laConcPct',
            message: `${n}: lidocaine ${fmt(t.laConcPct)} % is not a strength the service uses (${allowedPct.map(fmt).join(', ')} %). Check the concentration.`,
          };
        } else if (t.laConcPct === null && t.laVolumeMl !== null) {
          yield { ...at, field: 'laConcPct', message: `${n}: enter the lidocaine concentration, so the dose can be counted.` };
        }
      }
      for (const c of t.cycles) {
        const cat = { entity: 'cycle', entityId: c.id } as const;
        if (c.outcome !== 'aborted' && freezeSecondsOf(c, td.device) === null) yield { ...cat, field: 'durationS', message: `${cycleName(t, c)}: freeze duration is missing.` };
        if (c.outcome === 'aborted' && !c.abortReason) yield { ...cat, field: 'abortReason', message: `${cycleName(t, c)} was aborted: choose why.` };
      }
    }
    for (const o of doc.outcomes) {
      if ((o.masPre !== null || o.masPost !== null) && !o.muscleGroup) {
        yield { entity: 'outcome', entityId: o.id, field: 'muscleGroup', message: `Outcome ${o.seq}: MAS is recorded without the muscle group. Choose the group assessed.` };
      }
    }
  },
};

export const REC: Rule = {
  id: 'REC',
  severity: 'warning',
  needsReason: false,
  title: 'Record incomplete or unusual (domain.md §2 warnings not numbered in §4)',
  *check(doc, cfg, d) {
    const p = doc.patient;
    const s = doc.session;
    const pat = { entity: 'patient', entityId: p.id } as const;
    const ses = { entity: 'session', entityId: s.id } as const;
    if (isBlank(s.location)) yield { ...ses, field: 'location', message: 'Location is blank. Enter where the session took place, or acknowledge.' };
    if (p.nhsNumberVerified === 'unverified') yield { ...pat, field: 'nhsNumberVerified', message: 'The NHS number is not verified (traced). Verify it if you can, or acknowledge.' };
    if (!p.aetiology) yield { ...pat, field: 'aetiology', message: 'The cause of the spasticity is blank. Choose it, or acknowledge.' };
    if (s.leafletGiven !== true) yield { ...ses, field: 'leafletGiven', message: 'The patient leaflet (contact numbers, pain advice) is not recorded as given. Give it, or acknowledge.' };
    if (s.consentType === 'best-interests' && s.capacityAssessed !== true) {
      yield { ...ses, field: 'capacityAssessed', message: 'Best-interests consent without a recorded capacity assessment. Record it, or acknowledge.' };
    }
    if (s.firstTreatment === true && doc.goals.length === 0) {
      yield { ...ses, field: 'goals', message: 'No goals recorded for a first treatment. Add the GAS goals and their baseline levels, or acknowledge.' };
    }
    for (const t of doc.targets) {
      const at = { entity: 'target', entityId: t.id } as const;
      if (!t.clinicalPattern) yield { ...at, field: 'clinicalPattern', message: `${targetName(t)}: the clinical pattern is blank. Choose it, or acknowledge.` };
      if (t.depthMm !== null && t.depthMm > cfg.targetDepthWarnAboveMm) {
        yield { ...at, field: 'depthMm', message: `${targetName(t)}: a depth of ${fmt(t.depthMm)} mm is more than ${fmt(cfg.targetDepthWarnAboveMm)} mm, close to the length of a 90 mm probe. Check it, or acknowledge.` };
      }
    }
    const g = cfg.probeGauge;
    for (const dv of doc.devices) {
      const at = { entity: 'device', entityId: dv.id } as const;
      const n = deviceName(dv);
      if (isBlank(dv.serialNumber)) yield { ...at, field: 'serialNumber', message: `${n}: the console or handpiece serial (or asset number) is blank. Enter it for maintenance and recall, or acknowledge.` };
      if (!isBlank(dv.probeGtin) && !isValidGtin(dv.probeGtin ?? '')) {
        yield { ...at, field: 'probeGtin', message: `${n}: the probe GTIN ${dv.probeGtin} fails its check digit. Check it (or scan the barcode), or acknowledge.` };
      }
      if (dv.probeGauge !== null && dv.probeGauge >= g.errorBelow && dv.probeGauge <= g.errorAbove && (dv.probeGauge < g.warnBelow || dv.probeGauge > g.warnAbove)) {
        yield { ...at, field: 'probeGauge', message: `${n}: a ${dv.probeGauge} G probe is outside the usual ${g.warnBelow}–${g.warnAbove} G. Check the gauge, or acknowledge.` };
      }
      if (isBlank(dv.gasLot)) yield { ...at, field: 'gasLot', message: `${n}: the gas cartridge or cylinder lot is blank. Enter it, or acknowledge.` };
      const stimulated = d.targets.some((td) => td.device?.id === dv.id && td.target.stimUsed === true);
      if (stimulated && isBlank(dv.stimulatorModel)) {
        yield { ...at, field: 'stimulatorModel', message: `${n}: nerve stimulation was used, but the stimulator model or asset is blank. Enter it, or acknowledge.` };
      }
    }
    for (const c of doc.complications) {
      if (c.severity !== 'severe') continue;
      const at = { entity: 'complication', entityId: c.id } as const;
      if (!c.action) yield { ...at, field: 'action', message: `Complication ${c.seq} is severe: record the action taken, or acknowledge.` };
      if (c.type !== 'wrong-site' && isBlank(c.incidentRef)) yield { ...at, field: 'incidentRef', message: `Complication ${c.seq} is severe: report it and enter the incident reference, or acknowledge.` };
    }
  },
};
