// The patient's aftercare sheet: what was treated today, what to expect, when to get help,
// who to call and the follow-up, in plain words and short sentences. Built only from this
// session's ExportSource; drawn as a PDF (electron/main/export/pdf/aftercarePdf.ts) and as
// printable HTML (renderer/src/features/export/AftercareSheetView.tsx), so both say the same.
import type { TargetWithCycles } from '../domain/model';
import { formatNhsNumber } from '../domain/nhsNumber';
import { formatDate } from '../domain/parse';
import { ANTICOAGULANT_LABELS, DOACS, SIDE_LABELS, VKAS } from '../domain/valueSets';
import { limbWord, plainMuscle } from './plainMuscles';
import type { ExportSource, ExportStatus } from './source';

export interface AftercareSection {
  heading: string;
  /** Sentences shown before the list. */
  paragraphs: string[];
  /** Bullet points. */
  items: string[];
}

export interface AftercareSheet {
  /** Shown on every page when the record is not signed or was entered in error; null otherwise. */
  banner: string | null;
  title: string;
  patient: { name: string; dateOfBirth: string; nhsNumber: string };
  /** "Tuesday 10 March 2026". */
  treatmentDate: string;
  sections: AftercareSection[];
}

export const AFTERCARE_TITLE = 'Your cryoneurolysis treatment today';

// No banner on a draft: the sheet is patient information handed over as the patient leaves,
// usually before the note is signed, and "draft" would alarm without telling them anything.
// A preliminary sheet exists only for integration testing, and says so.
const BANNERS: Partial<Record<ExportStatus, string>> = {
  preliminary: 'PRELIMINARY: not yet checked and signed by your clinician',
  'entered-in-error': 'ENTERED IN ERROR: do not use this sheet',
};

export function buildAftercareSheet(source: ExportSource): AftercareSheet {
  const { doc } = source;
  const p = doc.patient;
  return {
    banner: BANNERS[source.status] ?? null,
    title: AFTERCARE_TITLE,
    patient: {
      name: [p.givenName, p.familyName].filter(Boolean).join(' '),
      dateOfBirth: formatDate(p.dateOfBirth),
      nhsNumber: formatNhsNumber(p.nhsNumber),
    },
    treatmentDate: longDate(doc.session.startedAt),
    sections: [treatedSection(doc.targets), expectSection(doc.session.fallsAdvice === true), helpSection(doc.session.anticoagulant), contactSection(source), followUpSection(doc.followUps)],
  };
}

function treatedSection(targets: readonly TargetWithCycles[]): AftercareSection {
  const intro = 'Today you had cryoneurolysis. A thin needle was used to freeze the small nerves that make some of your muscles tight. This helps those muscles relax.';
  const lines = treatedAreas(targets);
  return {
    heading: 'What we treated today',
    paragraphs: lines.length > 0 ? [intro] : [intro, 'In the end, no nerves were frozen today. Your clinician will talk to you about what happens next.'],
    items: lines,
  };
}

/** One line per side, limb and movement: "Left arm: the muscles that bend the elbow (brachialis and biceps)". */
export function treatedAreas(targets: readonly TargetWithCycles[]): string[] {
  const groups = new Map<string, { place: string; action: string | null; muscles: Set<string> }>();
  for (const t of targets) {
    // A target whose every cycle was stopped early (or that never had one) was not treated.
    if (!t.cycles.some((c) => c.outcome !== 'aborted')) continue;
    const limb = limbWord(t.nerve);
    const side = t.side ? SIDE_LABELS[t.side] : null;
    const place = limb ? (side ? `${side} ${limb}` : `Your ${limb}`) : side ? `${side} side` : 'The treated area';
    const plain = plainMuscle(t.nerve, t.branch);
    const key = `${place}|${plain?.action ?? ''}`;
    const group = groups.get(key) ?? { place, action: plain?.action ?? null, muscles: new Set<string>() };
    if (plain) group.muscles.add(plain.muscle);
    groups.set(key, group);
  }
  return [...groups.values()].map((g) => (g.action ? `${g.place}: the muscles that ${g.action} (${joinWithAnd([...g.muscles])})` : `${g.place}: the muscles in the treated area`));
}

function expectSection(fallsAdvice: boolean): AftercareSection {
  const items = [
    'The treated area may feel numb, tingly or weak for a while. This is normal.',
    'You may have a small bruise or feel sore where the needle went in.',
    'Some people get pain in the treated area. It can start within a few days and usually settles within a few weeks. Simple painkillers, such as paracetamol, usually help.',
    'The effect on your tight muscles builds up over the next few days. It lasts for months.',
    'The nerve slowly grows back over 3 to 9 months, so the effect wears off gradually. We can talk about repeating the treatment at your follow-up.',
  ];
  if (fallsAdvice) items.push('Your balance or walking may feel different for a while. Take extra care to avoid falls, for example on stairs, and use your usual walking aid.');
  return { heading: 'What to expect', paragraphs: [], items };
}

function helpSection(anticoagulant: string | null): AftercareSection {
  const thinner = bloodThinnerWords(anticoagulant);
  const bleeding = 'Bleeding that does not stop, or a bruise that keeps getting bigger.' + (thinner ? ` You take ${thinner}, a blood thinner, so bleeding and bruising are more likely. Watch for them closely.` : '');
  return {
    heading: 'When to get help',
    paragraphs: ['Contact us straight away if you have any of these:'],
    items: [
      'Signs of infection where the needle went in: redness, heat, swelling, or fluid coming out. Or if you have a fever (a high temperature).',
      bleeding,
      'Pain that is severe, or that keeps getting worse.',
      'New weakness in a part of your body that was not treated today.',
    ],
  };
}

/** The patient's blood thinner by name; null when the record shows none (antiplatelets alone are not mentioned). */
function bloodThinnerWords(code: string | null): string | null {
  if (!code) return null;
  if (code === 'warfarin' || DOACS.includes(code)) return ANTICOAGULANT_LABELS[code as keyof typeof ANTICOAGULANT_LABELS].toLowerCase();
  if (VKAS.includes(code)) return 'a warfarin-type medicine';
  if (code === 'lmwh') return 'heparin injections';
  if (code === 'other') return 'a medicine';
  return null;
}

function contactSection(source: ExportSource): AftercareSection {
  const s = source.service;
  const paragraphs = [`${s.serviceName}${s.organisationName ? `, ${s.organisationName}` : ''}`];
  if (s.phone) paragraphs.push(`Phone: ${s.phone}${s.phoneHours ? ` (${s.phoneHours})` : ''}`);
  if (s.email) paragraphs.push(`Email: ${s.email}`);
  if (s.outOfHours) paragraphs.push(s.outOfHours);
  return { heading: 'Who to contact', paragraphs, items: [] };
}

const FOLLOW_UP_WORDS: Record<string, string> = {
  phone: 'a phone call from us',
  clinic: 'a clinic appointment',
  therapy: 'a therapy appointment',
};

function followUpSection(followUps: ExportSource['doc']['followUps']): AftercareSection {
  const heading = 'Your follow-up';
  if (followUps.length === 0) return { heading, paragraphs: ['We will contact you with your follow-up appointment.'], items: [] };
  const sorted = [...followUps].sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.seq - b.seq);
  const items = sorted.map((f) => {
    const what = (f.kind ? FOLLOW_UP_WORDS[f.kind] : undefined) ?? 'an appointment';
    return f.date ? `${longDate(f.date)}: ${what}` : `${capitalise(what)}: we will tell you the date`;
  });
  return { heading, paragraphs: [], items };
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026-03-10…" → "Tuesday 10 March 2026" (the calendar date as written, whatever the clock's zone). */
export function longDate(iso: string | null | undefined): string {
  const m = iso?.match(/^(\d{4})-(\d{2})-(\d{2})/);
  if (!m) return iso ?? '';
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const weekday = WEEKDAYS[new Date(Date.UTC(y, mo - 1, d)).getUTCDay()] ?? '';
  return `${weekday} ${d} ${MONTHS[mo - 1] ?? ''} ${y}`;
}

function joinWithAnd(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
