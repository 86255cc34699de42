// A deterministic synthetic clinic: N patients, M sessions over ten years, written into a real
// CryoLog database opened the app's way (openDatabase: pragmas, quick_check, migrations).
// Same seed and sizes, same database content. Speed comes from prepared statements in large
// transactions; every NOT NULL, CHECK, foreign key, lock trigger and the audit chain still apply.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { openDatabase } from '../../../electron/main/db/open';
import type { EntityName, Row, SessionDocument } from '../../../shared/domain/model';
import { isValidNhsNumber } from '../../../shared/domain/nhsNumber';
import { auditWriter } from './auditWriter';
import { buildSession, row, stamp, type BuiltSession, type PatientPlan, type SessionSlot } from './buildSession';
import { PATTERNS, PATTERN_WEIGHTS } from './patterns';
import { deriveSeed, mulberry32, type Rng } from './prng';
import { rowWriter } from './rowWriter';
import { FAMILY_NAMES, GIVEN_NAMES } from './vocabulary';

const DAY = 86_400_000;
/** The ten years the clinic covers (fixed, not "now", so a rerun gives the same file). */
export const CLINIC_FIRST_DAY = Date.UTC(2016, 10, 1);
export const CLINIC_LAST_DAY = Date.UTC(2026, 9, 30);

export interface GenerateOptions {
  seed: number;
  patients: number;
  sessions: number;
  /** Share of finished sessions that are signed (the rest are left in progress). Default 0.9. */
  signRate?: number;
  /** Share of signed sessions later amended (version 2 with a reason). Default 0.03. */
  amendRate?: number;
  /**
   * Typical freeze cycles per target. Default 8 (issue 7: ~3 targets and 8 cycles each, about
   * 2.4 million cycle rows at 100,000 sessions); 3 gives the ~8 cycles a session of domain.md's S1.
   */
  cyclesPerTarget?: number;
  /** Sessions per transaction. Default 2000. */
  batch?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface GenerateCounts {
  patients: number;
  sessions: number;
  targets: number;
  cycles: number;
  signed: number;
  amended: number;
  auditEntries: number;
}

export function generateClinic(dbPath: string, options: GenerateOptions): GenerateCounts {
  if (fs.existsSync(dbPath)) throw new Error(`${dbPath} exists: the generator only fills a new database.`);
  if (options.sessions < 1 || options.patients < 1) throw new Error('Give at least one patient and one session.');
  const patientCount = Math.min(options.patients, options.sessions);
  const { db } = openDatabase(dbPath);
  try {
    const ids = idMaker(options.seed);
    const plans = buildPlans(mulberry32(deriveSeed(options.seed, 1)), ids, patientCount);
    const slots = buildSlots(mulberry32(deriveSeed(options.seed, 2)), plans.length, options.sessions, ids);
    const rng = mulberry32(deriveSeed(options.seed, 3));
    const write = rowWriter(db);
    const audit = auditWriter(db);
    const sign = db.prepare('UPDATE session SET signed_at = ?, signer = ?, version = ? WHERE id = ?');
    const keep = db.prepare('INSERT INTO session_version (session_id, version, signed_at, signer, reason, document, sha256) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const counts: GenerateCounts = { patients: 0, sessions: 0, targets: 0, cycles: 0, signed: 0, amended: 0, auditEntries: 0 };
    const batch = options.batch ?? 2000;
    const shape = { signRate: options.signRate ?? 0.9, amendRate: options.amendRate ?? 0.03, cyclesPerTarget: options.cyclesPerTarget ?? 8 };

    const writeOne = (slot: (typeof slots)[number]) => {
      const plan = plans[slot.patient]!;
      if (slot.nth === 0) {
        // Registered on the morning of the first session.
        const registered = stamp(slot.dayMs + 8 * 3_600_000);
        plan.patient = { ...plan.patient, createdAt: registered, updatedAt: registered };
        plan.allergies = plan.allergies.map((a) => ({ ...a, createdAt: registered, updatedAt: registered }));
        write('patient', plan.patient);
        for (const a of plan.allergies) write('allergy', a);
        audit.append({ at: plan.patient.createdAt, actor: 'synthetic:registration', action: 'create', entity: 'patient', entityId: plan.patient.id, sessionId: null, newValue: { familyName: plan.patient.familyName, nhsNumber: plan.patient.nhsNumber } });
        counts.patients++;
      }
      const built = buildSession(rng, ids.next, plan, slot, shape);
      writeDocument(write, built.amendment?.after ?? built.doc);
      const actor = `synthetic:${built.doc.team[0]?.name ?? 'clinician'}`;
      const sessionId = built.doc.session.id;
      audit.append({ at: built.doc.session.createdAt, actor, action: 'create', entity: 'session', entityId: sessionId, sessionId, newValue: { status: 'draft', startedAt: built.doc.session.startedAt } });
      counts.sessions++;
      counts.targets += built.doc.targets.length;
      counts.cycles += built.doc.targets.reduce((n, t) => n + t.cycles.length, 0);
      if (built.signature) signInto(built, actor);
    };

    const signInto = (built: BuiltSession, actor: string) => {
      const sessionId = built.doc.session.id;
      const v1 = versionRecord(built.doc, '');
      keep.run(sessionId, 1, built.signature!.at, JSON.stringify(built.signature!.signer), null, v1.document, v1.sha256);
      audit.append({ at: built.signature!.at, actor, action: 'update', entity: 'session', entityId: sessionId, sessionId, field: 'signature', oldValue: 0, newValue: { version: 1, signer: built.signature!.signer, reason: null, sha256: v1.sha256 } });
      counts.signed++;
      const a = built.amendment;
      if (!a) {
        sign.run(built.signature!.at, JSON.stringify(built.signature!.signer), 1, sessionId);
        return;
      }
      const added = a.after.complications.at(-1)!;
      audit.append({ at: a.openedAt, actor, action: 'update', entity: 'session', entityId: sessionId, sessionId, field: 'amendment', oldValue: null, newValue: { reason: a.reason, by: a.by } });
      audit.append({ at: added.createdAt, actor, action: 'create', entity: 'complication', entityId: added.id, sessionId, newValue: added, reason: a.reason });
      audit.append({ at: added.createdAt, actor, action: 'update', entity: 'session', entityId: sessionId, sessionId, field: 'complicationsAnswer', oldValue: 'none', newValue: 'present', reason: a.reason });
      const v2 = versionRecord(a.after, v1.sha256);
      keep.run(sessionId, 2, a.second.at, JSON.stringify(a.second.signer), a.reason, v2.document, v2.sha256);
      audit.append({ at: a.second.at, actor, action: 'update', entity: 'session', entityId: sessionId, sessionId, field: 'signature', oldValue: 1, newValue: { version: 2, signer: a.second.signer, reason: a.reason, sha256: v2.sha256 } });
      sign.run(a.second.at, JSON.stringify(a.second.signer), 2, sessionId);
      counts.amended++;
    };

    for (let from = 0; from < slots.length; from += batch) {
      db.transaction(() => slots.slice(from, from + batch).forEach(writeOne))();
      options.onProgress?.(Math.min(from + batch, slots.length), slots.length);
    }
    counts.auditEntries = audit.count();
    db.pragma('wal_checkpoint(TRUNCATE)');
    return counts;
  } finally {
    db.close();
  }
}

/** The signed copy as signSession keeps it: the document, hash-chained to the version before. */
function versionRecord(doc: SessionDocument, previousSha: string): { document: string; sha256: string } {
  const document = JSON.stringify(doc);
  return { document, sha256: createHash('sha256').update(`${previousSha}\n${document}`).digest('hex') };
}

function writeDocument(write: ReturnType<typeof rowWriter>, doc: SessionDocument): void {
  write('session', doc.session);
  const lists: [EntityName, readonly Row<EntityName>[]][] = [
    ['teamMember', doc.team],
    ['consentSite', doc.consentSites],
    ['goal', doc.goals],
    ['diagnosticBlock', doc.diagnosticBlocks],
    ['device', doc.devices],
    ['outcome', doc.outcomes],
    ['complication', doc.complications],
    ['followUp', doc.followUps],
  ];
  for (const [entity, rows] of lists) for (const r of rows) write(entity, r);
  for (const t of doc.targets) {
    const { cycles, ...target } = t;
    write('target', target);
    for (const c of cycles) write('cycle', c);
  }
}

/** UUID-shaped ids (version 4 and variant bits set) from the seed and a counter: readable and repeatable. */
function idMaker(seed: number): { next: () => string } {
  const prefix = (seed >>> 0).toString(16).padStart(8, '0');
  let n = 0;
  return { next: () => `${prefix}-5e00-4000-8000-${(++n).toString(16).padStart(12, '0')}` };
}

type Plan = PatientPlan;

function nhsNumbers(rng: Rng): () => string {
  // 999-range numbers (valid, never issued), walked from a seeded start; invalid check digits skipped.
  let n = rng.int(0, 400_000);
  return () => {
    for (;;) {
      const nine = `999${String(n++ % 1_000_000).padStart(6, '0')}`;
      for (let check = 0; check <= 9; check++) {
        const candidate = `${nine}${check}`;
        if (isValidNhsNumber(candidate)) return candidate;
      }
    }
  };
}

function buildPlans(rng: Rng, ids: { next: () => string }, count: number): Plan[] {
  const nextNhs = nhsNumbers(rng);
  return Array.from({ length: count }, (_, i) => {
    const sex = rng.chance(0.52) ? 'male' : 'female';
    const main = PATTERNS[rng.weighted(PATTERN_WEIGHTS)]!;
    const second = rng.chance(0.4) ? PATTERNS.find((p) => p !== main && p.limb === main.limb && rng.chance(0.5)) : undefined;
    const affected = main.pattern === 'hip-adduction' && rng.chance(0.6) ? 'bilateral' : rng.chance(0.5) ? 'left' : 'right';
    const birthYear = rng.int(1935, 1998);
    const id = ids.next();
    const hasAllergy = rng.chance(0.08);
    const at = CLINIC_FIRST_DAY; // replaced by the first session's day when the patient is written
    const patient = row('patient', id, null, null, {
      familyName: rng.pick(FAMILY_NAMES),
      givenName: rng.pick(GIVEN_NAMES[sex]),
      dateOfBirth: `${birthYear}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
      sex,
      nhsNumber: nextNhs(),
      nhsNumberVerified: 'verified',
      localMrn: `SYN${String(i + 1).padStart(7, '0')}`,
      weightKg: rng.dec(45, 110, 1),
      aetiology: rng.weighted([['stroke', 55], ['ms', 12], ['tbi', 10], ['sci', 6], ['cerebral-palsy', 8], ['hsp', 3], ['hypoxic-brain-injury', 4], ['other', 2]] as const),
      affectedSide: affected,
      ambulant: main.limb === 'lower' ? rng.chance(0.6) : rng.chance(0.45),
      allergyStatus: hasAllergy ? 'has-allergies' : 'nkda',
      coldContraindications: ['none'],
      implantedDevices: ['none'],
      pregnancyStatus: sex === 'male' || birthYear < 1975 ? 'not-applicable' : 'not-pregnant',
    }, at);
    const allergies = hasAllergy ? [row('allergy', ids.next(), { patientId: id }, 1, { allergen: rng.pick(['latex', 'chlorhexidine', 'adhesive-dressing'] as const), reaction: 'Rash' }, at)] : [];
    return { patient, allergies, patterns: second ? [main, second] : [main], sides: affected === 'bilateral' ? ['left', 'right'] : [affected], onWarfarin: rng.chance(0.07) };
  });
}

/**
 * Every session's patient and day: each patient at least once, the rest spread over the
 * patients, repeats 3-9 months apart (the nerve regrows), weekdays only, all in date order.
 */
function buildSlots(rng: Rng, patients: number, sessions: number, ids: { next: () => string }): (SessionSlot & { patient: number })[] {
  const perPatient = new Array<number>(patients).fill(1);
  for (let i = patients; i < sessions; i++) perPatient[rng.int(0, patients - 1)]!++;
  const span = Math.floor((CLINIC_LAST_DAY - CLINIC_FIRST_DAY) / DAY);
  const slots: { patient: number; nth: number; dayMs: number }[] = [];
  perPatient.forEach((k, patient) => {
    const gaps = Array.from({ length: k - 1 }, () => rng.int(90, 270));
    const total = gaps.reduce((a, b) => a + b, 0);
    const scale = total > span ? span / total : 1;
    let dayIndex = rng.int(0, Math.max(0, span - Math.floor(total * scale)));
    for (let nth = 0; nth < k; nth++) {
      if (nth > 0) dayIndex += Math.max(1, Math.floor(gaps[nth - 1]! * scale));
      slots.push({ patient, nth, dayMs: weekday(CLINIC_FIRST_DAY + Math.min(dayIndex, span) * DAY) });
    }
  });
  slots.sort((a, b) => a.dayMs - b.dayMs || a.patient - b.patient || a.nth - b.nth);
  return slots.map((s) => ({ ...s, sessionId: ids.next(), recent: s.dayMs > CLINIC_LAST_DAY - 14 * DAY }));
}

/** Saturday and Sunday move back to Friday: the clinic runs on weekdays. */
function weekday(dayMs: number): number {
  const dow = new Date(dayMs).getUTCDay();
  return dow === 6 ? dayMs - DAY : dow === 0 ? dayMs - 2 * DAY : dayMs;
}
