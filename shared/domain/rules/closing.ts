// Complications, team, status, follow-up and the record's own integrity (domain.md §2.10–2.12):
// E12, E13, E14, W18, W19.
import { timeOf } from '../derived';
import type { EntityName } from '../model';
import { COMPLICATION_TYPE_LABELS, SESSION_STATUS_LABELS } from '../valueSets';
import type { RawFinding, Rule } from './types';
import { day, fmt, isBlank } from './text';

export const E12: Rule = {
  id: 'E12',
  severity: 'error',
  needsReason: false,
  title: 'Complications question unanswered or contradicted; a complication without type, onset or severity; wrong-site without an incident reference',
  *check(doc) {
    const s = doc.session;
    const at = { entity: 'session', entityId: s.id, field: 'complicationsAnswer' } as const;
    const count = doc.complications.length;
    if (s.complicationsAnswer === null) {
      yield { ...at, message: 'Complications are not answered. Choose "None", or "Yes" and record each one (a blank never means none).' };
    } else if (s.complicationsAnswer === 'present' && count === 0) {
      yield { ...at, message: 'Complications are answered "Yes" but none is recorded. Add each complication.' };
    } else if (s.complicationsAnswer === 'none' && count > 0) {
      yield { ...at, message: `Complications are answered "None" but ${count} ${count === 1 ? 'is' : 'are'} recorded. Correct the answer, or remove the rows.` };
    }
    for (const c of doc.complications) {
      const cat = { entity: 'complication', entityId: c.id } as const;
      const n = `Complication ${c.seq}${c.type ? ` (${COMPLICATION_TYPE_LABELS[c.type].toLowerCase()})` : ''}`;
      if (!c.type) yield { ...cat, field: 'type', message: `${n}: choose what the complication was.` };
      if (!c.onset) yield { ...cat, field: 'onset', message: `${n}: record when it started (during the procedure, before discharge, or delayed).` };
      if (!c.severity) yield { ...cat, field: 'severity', message: `${n}: record how severe it was (mild, moderate or severe).` };
      if (c.type === 'wrong-site' && isBlank(c.incidentRef)) {
        yield { ...cat, field: 'incidentRef', message: `${n}: a wrong-site block is a Never Event. Report it and enter the incident reference.` };
      }
    }
  },
};

const STATUSES_NEEDING_REASON: readonly string[] = ['stopped', 'not-done', 'entered-in-error'];

export const E13: Rule = {
  id: 'E13',
  severity: 'error',
  needsReason: false,
  always: true,
  title: 'No operator; a follow-up on or before the session date; stopped, cancelled or entered-in-error without a reason',
  *check(doc, _cfg, d) {
    const s = doc.session;
    if (d.performed && !doc.team.some((m) => m.role === 'operator' && !isBlank(m.name))) {
      yield { entity: 'session', entityId: s.id, field: 'team', message: 'No operator recorded. Add the operator to the team, with their registration number.' };
    }
    for (const f of doc.followUps) {
      if (f.date && f.date <= d.sessionDate) {
        yield { entity: 'followUp', entityId: f.id, field: 'date', message: `Follow-up ${f.seq} on ${day(f.date)} is not after the session (${day(d.sessionDate)}). Check the date.` };
      }
    }
    if (STATUSES_NEEDING_REASON.includes(s.status) && isBlank(s.statusReason)) {
      yield { entity: 'session', entityId: s.id, field: 'statusReason', message: `The session is "${SESSION_STATUS_LABELS[s.status].toLowerCase()}": give the reason.` };
    }
  },
};

/** Every row of the session with its last change (the patient is shared across sessions, so not included). */
function sessionRows(doc: Parameters<Rule['check']>[0]): { entity: EntityName; id: string; updatedAt: string; name: string }[] {
  const rows: { entity: EntityName; id: string; updatedAt: string; name: string }[] = [{ entity: 'session', id: doc.session.id, updatedAt: doc.session.updatedAt, name: 'The session' }];
  const add = (entity: EntityName, list: { id: string; seq: number; updatedAt: string }[], word: string) => {
    for (const r of list) rows.push({ entity, id: r.id, updatedAt: r.updatedAt, name: `${word} ${r.seq}` });
  };
  add('teamMember', doc.team, 'Team member');
  add('consentSite', doc.consentSites, 'Consented site');
  add('goal', doc.goals, 'Goal');
  add('diagnosticBlock', doc.diagnosticBlocks, 'Diagnostic block');
  add('device', doc.devices, 'Device');
  add('target', doc.targets, 'Target');
  for (const t of doc.targets) for (const c of t.cycles) rows.push({ entity: 'cycle', id: c.id, updatedAt: c.updatedAt, name: `Target ${t.seq}, cycle ${c.seq}` });
  add('outcome', doc.outcomes, 'Outcome');
  add('complication', doc.complications, 'Complication');
  add('followUp', doc.followUps, 'Follow-up');
  return rows;
}

export const E14: Rule = {
  id: 'E14',
  severity: 'error',
  needsReason: false,
  always: true,
  title: 'Direct edit of a signed record (changes only by amendment with a reason)',
  *check(doc, _cfg, d) {
    const signedAt = timeOf(d.signature?.signedAt);
    if (signedAt === null) return;
    for (const r of sessionRows(doc)) {
      const changed = timeOf(r.updatedAt);
      if (changed !== null && changed > signedAt) {
        yield {
          entity: r.entity,
          entityId: r.id,
          field: 'updatedAt',
          message: `${r.name} was changed after the record was signed. A signed record changes only by an amendment with a reason: make the change as an amendment.`,
        } satisfies RawFinding;
      }
    }
  },
};

export const W18: Rule = {
  id: 'W18',
  severity: 'warning',
  needsReason: false,
  title: 'No follow-up booked, no GP letter, aftercare or falls advice not documented',
  *check(doc, _cfg, d) {
    const s = doc.session;
    const at = { entity: 'session', entityId: s.id } as const;
    if (doc.followUps.length === 0) {
      yield { ...at, field: 'followUps', message: 'No follow-up booked. Add the reviews (e.g. a phone call at day 7 and clinic at 6 and 12 weeks), or acknowledge.' };
    }
    if (s.gpLetter !== true) yield { ...at, field: 'gpLetter', message: 'No GP letter recorded. Send one, or acknowledge.' };
    if (s.aftercareAdviceGiven !== true) {
      yield { ...at, field: 'aftercareAdviceGiven', message: 'Aftercare advice is not recorded (wound care, delayed pain within days, who to contact). Give it, or acknowledge.' };
    }
    if (doc.patient.ambulant === true && d.targets.some((t) => t.region === 'lower') && s.fallsAdvice !== true) {
      yield { ...at, field: 'fallsAdvice', message: 'A lower-limb nerve was treated in a patient who walks, and no falls advice is recorded. Give it, or acknowledge.' };
    }
  },
};

const HOUR = 3_600_000;

export const W19: Rule = {
  id: 'W19',
  severity: 'warning',
  needsReason: false,
  always: true,
  title: 'Late entry (made long after the event), a cycle outside the session times, or signed but not exported',
  *check(doc, cfg, d) {
    const s = doc.session;
    const late = cfg.lateEntryHours * HOUR;
    const hoursText = (ms: number) => `${fmt(Math.floor(ms / HOUR))} h`;
    const sessionStart = timeOf(s.startedAt);
    const sessionEnd = timeOf(s.endedAt);
    const created = timeOf(s.createdAt);
    if (sessionStart !== null && created !== null && created - sessionStart > late) {
      yield {
        entity: 'session',
        entityId: s.id,
        field: 'createdAt',
        message: `This session was entered ${hoursText(created - sessionStart)} after it started (a late entry, more than ${fmt(cfg.lateEntryHours)} h). Acknowledge, so the record shows it.`,
      };
    }
    for (const td of d.targets) {
      for (const c of td.target.cycles) {
        const n = `Target ${td.target.seq}, cycle ${c.seq}`;
        const event = timeOf(c.endedAt) ?? timeOf(c.startedAt);
        const entered = timeOf(c.createdAt);
        if (event !== null && entered !== null && entered - event > late) {
          yield { entity: 'cycle', entityId: c.id, field: 'createdAt', message: `${n} was entered ${hoursText(entered - event)} after the freeze (a late entry). Acknowledge, so the record shows it.` };
        }
        const start = timeOf(c.startedAt);
        if (start !== null && sessionStart !== null && (start < sessionStart || (sessionEnd !== null && start > sessionEnd))) {
          yield {
            entity: 'cycle',
            entityId: c.id,
            field: 'startedAt',
            message: `${n} starts outside the session's times (${start < sessionStart ? 'before its start' : 'after its end'}). Check the times and the device clock, or acknowledge.`,
          };
        }
      }
    }
    const signedAt = timeOf(d.signature?.signedAt);
    if (signedAt !== null && d.now !== null && !d.signature?.exportedAt && d.now - signedAt > cfg.exportDueHours * HOUR) {
      yield {
        entity: 'session',
        entityId: s.id,
        field: 'signedAt',
        message: `Signed ${hoursText(d.now - signedAt)} ago and not yet exported to the notes system (due within ${fmt(cfg.exportDueHours)} h). Export it now.`,
      };
    }
  },
};
