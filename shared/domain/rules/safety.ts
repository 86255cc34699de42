// The NatSSIPs checklist and Prep-Stop-Block (domain.md §2.4): E05 for the checks that must
// happen (sign-in, identity, time-out, stop moment on a new side, sign-out), W17 for the
// two-person and timing details that can really go otherwise.
import type { SessionDocument, TargetWithCycles } from '../model';
import { timeOf } from '../derived';
import type { Rule } from './types';
import { clock, fmt, isBlank, targetLong, targetName } from './text';

/** Whether a target's stop moment is the first of the session or follows a change of side. */
function needsOwnStopMoment(doc: SessionDocument, index: number): { required: boolean; why: string } {
  const t = doc.targets[index];
  const prev = index > 0 ? doc.targets[index - 1] : undefined;
  if (!t || !prev) return { required: true, why: 'the first target' };
  if (!t.side || !prev.side) return { required: true, why: 'a target whose side, or the previous side, is not recorded' };
  if (t.side !== prev.side) return { required: true, why: `a new side (${t.side} after ${prev.side})` };
  return { required: false, why: 'the same side as the target before' };
}

const stopDone = (t: TargetWithCycles) => t.stopMomentDone === true;

export const E05: Rule = {
  id: 'E05',
  severity: 'error',
  needsReason: false,
  title: 'Safety checklist: sign-in, identity, consent match, time-out (before the first freeze), stop moment on a new side, sign-out',
  *check(doc, _cfg, d) {
    const s = doc.session;
    const at = { entity: 'session', entityId: s.id } as const;
    if (s.signInDone !== true) yield { ...at, field: 'signInDone', message: 'Sign-in is not recorded as done. Do the sign-in and record it.' };
    if (s.patientIdConfirmed !== true) {
      yield { ...at, field: 'patientIdConfirmed', message: 'Patient identity is not recorded as confirmed. Check two identifiers against the wristband and notes, then record it.' };
    }
    if (s.proceduresMatchConsent !== true) {
      yield { ...at, field: 'proceduresMatchConsent', message: 'The procedure and sites are not recorded as matching the consent. Check them against the consent form, then record it.' };
    }
    const timeOut = timeOf(s.timeOutTime);
    if (timeOut === null) {
      yield { ...at, field: 'timeOutTime', message: 'Time-out time is missing. Record when the team time-out took place (before the first needle).' };
    } else if (d.firstFreezeStart !== null && timeOut > d.firstFreezeStart) {
      const first = doc.targets.flatMap((t) => t.cycles).find((c) => timeOf(c.startedAt) === d.firstFreezeStart);
      yield {
        ...at,
        field: 'timeOutTime',
        message: `Time-out is recorded at ${clock(s.timeOutTime ?? '')}, after the first freeze started (${clock(first?.startedAt ?? '')}). The time-out comes before the first needle: check both times.`,
      };
    }
    for (const [i, t] of doc.targets.entries()) {
      const need = needsOwnStopMoment(doc, i);
      if (!stopDone(t) && need.required) {
        yield {
          entity: 'target',
          entityId: t.id,
          field: 'stopMomentDone',
          message: `${targetLong(t)}: no stop moment recorded for ${need.why}. Do the two-person stop (Prep-Stop-Block) before the needle and record it.`,
        };
      }
    }
    if (s.signOutDone !== true) yield { ...at, field: 'signOutDone', message: 'Sign-out is not recorded as done. Do the sign-out (sharps, device issues) and record it.' };
  },
};

export const W17: Rule = {
  id: 'W17',
  severity: 'warning',
  needsReason: false,
  title: 'Safety checks: no assistant, one-person or late stop moment, site not marked, reconfirmations or equipment check not done',
  *check(doc, cfg, d) {
    const s = doc.session;
    const at = { entity: 'session', entityId: s.id } as const;
    if (!doc.team.some((m) => m.role === 'assistant')) {
      yield { ...at, field: 'team', message: 'No assistant in the team. The stop moment before each needle is a two-person check: add the assistant, or acknowledge.' };
    }
    if (s.siteMarked === 'not-done') {
      yield { ...at, field: 'siteMarked', needsReason: true, message: 'The site was not marked. Give the reason.' };
    } else if (s.siteMarked === 'not-appropriate' && isBlank(s.siteMarkedReason)) {
      yield { ...at, field: 'siteMarkedReason', message: 'Site marking was "not appropriate": enter why.' };
    } else if (s.siteMarked === null) {
      yield { ...at, field: 'siteMarked', message: 'Site marking is not recorded. Record whether the site was marked.' };
    }
    if (s.allergiesReconfirmed !== true) yield { ...at, field: 'allergiesReconfirmed', message: 'Allergies are not recorded as reconfirmed at the time-out. Reconfirm them, or acknowledge.' };
    if (s.anticoagReconfirmed !== true) {
      yield { ...at, field: 'anticoagReconfirmed', message: 'Anticoagulation is not recorded as reconfirmed at the time-out. Reconfirm it, or acknowledge.' };
    }
    if (s.equipmentChecked !== true) {
      yield { ...at, field: 'equipmentChecked', message: 'The equipment check (device, gas, probe in date, stimulator, ultrasound, resuscitation kit) is not recorded. Do it, or acknowledge.' };
    }
    for (const [i, t] of doc.targets.entries()) {
      const tat = { entity: 'target', entityId: t.id } as const;
      if (!stopDone(t)) {
        if (!needsOwnStopMoment(doc, i).required) {
          yield { ...tat, field: 'stopMomentDone', message: `${targetLong(t)}: no stop moment recorded before this needle (same side as before). Record it, or acknowledge.` };
        }
        continue;
      }
      if (isBlank(t.stopMomentBy1) || isBlank(t.stopMomentBy2)) {
        yield { ...tat, field: 'stopMomentBy2', message: `${targetName(t)}: the stop moment names fewer than two people; it is a two-person check. Add the second person, or acknowledge.` };
      }
      const interval = d.targets[i]?.stopToNeedleMin ?? null;
      if (interval !== null && interval < 0) {
        yield { ...tat, field: 'stopMomentTime', message: `${targetName(t)}: the stop moment (${clock(t.stopMomentTime ?? '')}) is recorded after the first freeze started. Check both times.` };
      } else if (interval !== null && interval > cfg.stopToNeedleMaxMin) {
        yield {
          ...tat,
          field: 'stopMomentTime',
          message: `${targetName(t)}: ${fmt(Math.round(interval))} min from the stop moment (${clock(t.stopMomentTime ?? '')}) to the first freeze; it should be immediately before the needle (within ${fmt(cfg.stopToNeedleMaxMin)} min). Repeat the stop, or acknowledge.`,
        };
      }
    }
  },
};
