// The validation rules (domain.md §4) as data plus small pure checks. Thresholds live in
// RuleConfig so the service can change them once the clinical lead has signed them off;
// nothing else in the code repeats a threshold.
//
// A hard error ("error") blocks sign-off and export, never saving a draft. A warning must be
// acknowledged; `needsReason` marks the W+R ones that also need a free-text reason.
import type { EntityName, SessionDocument } from './model';
import { nhsNumberProblem } from './nhsNumber';
import { findBranch, findNerve } from './valueSets';

export interface RuleConfig {
  freezeDurationS: { errorAtOrBelow: number; errorAbove: number; warnBelow: number; warnAbove: number };
  tipTempC: { errorAbove: number; errorBelow: number; warnWarmerThan: number; warnWithReasonWarmerThan: number };
  patientMaxAgeYears: number;
}

export const DEFAULT_RULE_CONFIG: RuleConfig = {
  // E08 / W09: textbook 60–90 s, plausible 30–240 s, impossible ≤ 0 or > 600 s.
  freezeDurationS: { errorAtOrBelow: 0, errorAbove: 600, warnBelow: 30, warnAbove: 240 },
  // E09 / W10: N₂O cannot go below about −89 °C; warmer than −50 °C is weak, −40 °C likely ineffective.
  tipTempC: { errorAbove: 10, errorBelow: -100, warnWarmerThan: -50, warnWithReasonWarmerThan: -40 },
  patientMaxAgeYears: 120,
};

export type Severity = 'error' | 'warning';

export interface Finding {
  /** The domain rule this finding comes from (E01…E14, W01…W19), or REQ for a required field. */
  ruleId: string;
  severity: Severity;
  needsReason: boolean;
  entity: EntityName;
  entityId: string;
  field: string;
  message: string;
}

export interface ValidationReport {
  sessionId: string;
  hasHardError: boolean;
  errors: Finding[];
  warnings: Finding[];
}

type Emit = (f: Omit<Finding, 'needsReason' | 'severity'> & { severity?: Severity; needsReason?: boolean }) => void;

function checkPatient(doc: SessionDocument, cfg: RuleConfig, emit: Emit): void {
  const p = doc.patient;
  const at = { entity: 'patient' as const, entityId: p.id };
  if (!p.familyName) emit({ ...at, ruleId: 'REQ', field: 'familyName', message: 'Family name is missing.' });
  if (!p.givenName) emit({ ...at, ruleId: 'REQ', field: 'givenName', message: 'Given name is missing.' });
  if (!p.nhsNumber) {
    emit({ ...at, ruleId: 'E01', field: 'nhsNumber', message: 'NHS number is missing.' });
  } else {
    const problem = nhsNumberProblem(p.nhsNumber);
    if (problem) emit({ ...at, ruleId: 'E01', field: 'nhsNumber', message: problem });
  }
  const sessionDate = doc.session.startedAt.slice(0, 10);
  if (!p.dateOfBirth) {
    emit({ ...at, ruleId: 'E02', field: 'dateOfBirth', message: 'Date of birth is missing.' });
  } else if (p.dateOfBirth > sessionDate) {
    emit({ ...at, ruleId: 'E02', field: 'dateOfBirth', message: 'Date of birth is after the session date. Check the year.' });
  } else if (Number(sessionDate.slice(0, 4)) - Number(p.dateOfBirth.slice(0, 4)) > cfg.patientMaxAgeYears) {
    emit({ ...at, ruleId: 'E02', field: 'dateOfBirth', message: `Date of birth gives an age over ${cfg.patientMaxAgeYears}. Check the year.` });
  }
}

function checkTargets(doc: SessionDocument, cfg: RuleConfig, emit: Emit): void {
  if (doc.targets.length === 0) {
    emit({ entity: 'session', entityId: doc.session.id, ruleId: 'REQ', field: 'targets', message: 'No target nerve recorded yet.' });
  }
  for (const t of doc.targets) {
    const at = { entity: 'target' as const, entityId: t.id };
    const n = `Target ${t.seq}`;
    if (!t.side) emit({ ...at, ruleId: 'E04', field: 'side', message: `${n}: side (left or right) is missing.` });
    if (!findNerve(t.nerve)) emit({ ...at, ruleId: 'REQ', field: 'nerve', message: `${n}: nerve is missing.` });
    else if (t.branch && !findBranch(t.nerve, t.branch)) {
      emit({ ...at, ruleId: 'REQ', field: 'branch', message: `${n}: that branch does not belong to the chosen nerve. Choose the branch again.` });
    } else if (findBranch(t.nerve, t.branch)?.type === 'mixed-trunk') {
      emit({ ...at, ruleId: 'W05', severity: 'warning', needsReason: true, field: 'branch', message: `${n}: a mixed motor-sensory trunk carries a higher risk of neuropathic pain. Give the reason.` });
    }
    if (t.cycles.length === 0) emit({ ...at, ruleId: 'REQ', field: 'cycles', message: `${n}: no freeze cycle recorded.` });
    for (const c of t.cycles) checkCycle(`${n}, cycle ${c.seq}`, c, cfg, emit);
  }
}

function checkCycle(label: string, c: SessionDocument['targets'][number]['cycles'][number], cfg: RuleConfig, emit: Emit): void {
  const at = { entity: 'cycle' as const, entityId: c.id };
  const d = cfg.freezeDurationS;
  if (c.durationS === null) emit({ ...at, ruleId: 'E08', field: 'durationS', message: `${label}: freeze duration is missing.` });
  else if (c.durationS <= d.errorAtOrBelow || c.durationS > d.errorAbove) {
    emit({ ...at, ruleId: 'E08', field: 'durationS', message: `${label}: a freeze of ${c.durationS} s is not possible here (allowed above ${d.errorAtOrBelow} s and up to ${d.errorAbove} s). Check the entry.` });
  } else if (c.durationS < d.warnBelow || c.durationS > d.warnAbove) {
    emit({ ...at, ruleId: 'W09', severity: 'warning', field: 'durationS', message: `${label}: a freeze of ${c.durationS} s is outside the usual ${d.warnBelow}–${d.warnAbove} s.` });
  }
  const t = cfg.tipTempC;
  if (c.tipTempC === null) return; // handheld devices have no readout; the device rules (W10) decide later
  if (c.tipTempC > t.errorAbove || c.tipTempC < t.errorBelow) {
    emit({ ...at, ruleId: 'E09', field: 'tipTempC', message: `${label}: ${c.tipTempC} °C is not a possible nitrous-oxide probe reading (allowed ${t.errorBelow} to +${t.errorAbove} °C). Check the sign and the unit.` });
  } else if (c.tipTempC > t.warnWithReasonWarmerThan) {
    emit({ ...at, ruleId: 'W10', severity: 'warning', needsReason: true, field: 'tipTempC', message: `${label}: ${c.tipTempC} °C is warmer than ${t.warnWithReasonWarmerThan} °C, probably not cold enough at the nerve. Give the reason.` });
  } else if (c.tipTempC > t.warnWarmerThan) {
    emit({ ...at, ruleId: 'W10', severity: 'warning', field: 'tipTempC', message: `${label}: ${c.tipTempC} °C is warmer than the usual ${t.warnWarmerThan} °C or colder.` });
  }
}

export function validateSession(doc: SessionDocument, config: RuleConfig = DEFAULT_RULE_CONFIG): ValidationReport {
  const errors: Finding[] = [];
  const warnings: Finding[] = [];
  const emit: Emit = (f) => {
    const finding: Finding = { severity: 'error', needsReason: false, ...f };
    (finding.severity === 'error' ? errors : warnings).push(finding);
  };
  checkPatient(doc, config, emit);
  checkTargets(doc, config, emit);
  return { sessionId: doc.session.id, hasHardError: errors.length > 0, errors, warnings };
}
