// The patient: identity (E01, E02) and patient factors that need a second look (W14, W15).
import { nhsNumberProblem } from '../nhsNumber';
import { COLD_CONTRAINDICATION_LABELS, IMPLANTED_DEVICE_LABELS } from '../valueSets';
import type { Rule } from './types';
import { day, isBlank } from './text';

export const E01: Rule = {
  id: 'E01',
  severity: 'error',
  needsReason: false,
  always: true,
  title: 'NHS number invalid, or missing without a reason and a local hospital number',
  *check(doc) {
    const p = doc.patient;
    const at = { entity: 'patient', entityId: p.id } as const;
    if (p.nhsNumber) {
      const problem = nhsNumberProblem(p.nhsNumber);
      if (problem) yield { ...at, field: 'nhsNumber', message: problem };
      return;
    }
    if (!p.nhsNumberAbsentReason) {
      yield {
        ...at,
        field: 'nhsNumber',
        message: 'NHS number is missing. Enter it from the wristband or notes; if the patient has none, choose the reason and record the local hospital number.',
      };
    } else if (isBlank(p.localMrn)) {
      yield { ...at, field: 'localMrn', message: 'There is no NHS number, so the local hospital number is needed. Enter it from the wristband or notes.' };
    }
  },
};

export const E02: Rule = {
  id: 'E02',
  severity: 'error',
  needsReason: false,
  always: true,
  title: 'Date of birth missing, in the future, after the session, or giving an impossible age',
  *check(doc, cfg, d) {
    const p = doc.patient;
    const at = { entity: 'patient', entityId: p.id, field: 'dateOfBirth' } as const;
    if (!p.dateOfBirth) {
      yield { ...at, message: 'Date of birth is missing. Enter it from the wristband or notes.' };
    } else if (d.now !== null && Date.parse(`${p.dateOfBirth}T00:00:00Z`) > d.now) {
      yield { ...at, message: `Date of birth ${day(p.dateOfBirth)} is in the future. Check the year.` };
    } else if (p.dateOfBirth > d.sessionDate) {
      yield { ...at, message: `Date of birth ${day(p.dateOfBirth)} is after the session date (${day(d.sessionDate)}). Check the year.` };
    } else if (d.ageYears !== null && d.ageYears > cfg.ageYears.errorAbove) {
      yield { ...at, message: `Date of birth ${day(p.dateOfBirth)} gives an age of ${d.ageYears}, over ${cfg.ageYears.errorAbove}. Check the year.` };
    }
  },
};

export const W14: Rule = {
  id: 'W14',
  severity: 'warning',
  needsReason: true,
  title: 'Cold-related contraindication present',
  *check(doc) {
    const p = doc.patient;
    const present = (p.coldContraindications ?? []).filter((c) => c !== 'none');
    if (present.length === 0) return;
    const names = present.map((c) => COLD_CONTRAINDICATION_LABELS[c]).join(', ');
    yield {
      entity: 'patient',
      entityId: p.id,
      field: 'coldContraindications',
      message: `Cold-related condition recorded (${names}): freezing may be unsafe. Check the probe's instructions for use and give the reason for going ahead.`,
    };
  },
};

export const W15: Rule = {
  id: 'W15',
  severity: 'warning',
  needsReason: false,
  title: 'Under 18, pregnant, or an implanted electrical device',
  *check(doc, cfg, d) {
    const p = doc.patient;
    const at = { entity: 'patient', entityId: p.id } as const;
    if (d.ageYears !== null && d.ageYears >= 0 && d.ageYears < cfg.ageYears.warnBelow) {
      yield {
        ...at,
        field: 'dateOfBirth',
        message: `The patient is ${d.ageYears} on the session date, under ${cfg.ageYears.warnBelow}: the adult service's pathway may not apply. Check the date of birth, or acknowledge.`,
      };
    }
    if (p.pregnancyStatus === 'pregnant') {
      yield { ...at, field: 'pregnancyStatus', message: 'The patient is pregnant. Check that the team has considered it (local anaesthetic, positioning), then acknowledge.' };
    }
    const implanted = (p.implantedDevices ?? []).filter((x) => x !== 'none');
    if (implanted.length > 0) {
      const names = implanted.map((x) => IMPLANTED_DEVICE_LABELS[x]).join(', ');
      yield {
        ...at,
        field: 'implantedDevices',
        message: `Implanted electrical device recorded (${names}). Consider the nerve-stimulator current near it, then acknowledge.`,
      };
    }
  },
};
