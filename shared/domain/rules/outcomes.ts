// Scales and measures (domain.md §2.3, §2.9, §3): out-of-set values (E07) and implausible
// changes (W16). MAS stays a code string: "1+" is ranked, never read as 1.5.
import { stretchDirection } from '../derived';
import type { Outcome } from '../model';
import { MAS_CODES, MAS_RANK, MUSCLE_GROUP_LABELS, type MasCode } from '../valueSets';
import type { RawFinding, Rule } from './types';
import type { RuleConfig } from './config';
import { cycleName, fmt, isBlank, isWholeInRange } from './text';

const isMas = (v: string): v is MasCode => (MAS_CODES as readonly string[]).includes(v);

const ANGLE_FIELDS = ['tardieuR1Pre', 'tardieuR1Post', 'tardieuR2Pre', 'tardieuR2Post', 'promPre', 'promPost', 'aromPre', 'aromPost'] as const;
const ANGLE_LABELS: Record<(typeof ANGLE_FIELDS)[number], string> = {
  tardieuR1Pre: 'Tardieu R1 before',
  tardieuR1Post: 'Tardieu R1 after',
  tardieuR2Pre: 'Tardieu R2 before',
  tardieuR2Post: 'Tardieu R2 after',
  promPre: 'passive ROM before',
  promPost: 'passive ROM after',
  aromPre: 'active ROM before',
  aromPost: 'active ROM after',
};

const outcomeName = (o: Outcome) => `Outcome ${o.seq}${o.muscleGroup ? ` (${MUSCLE_GROUP_LABELS[o.muscleGroup].toLowerCase()})` : ''}`;

function* outcomeScales(o: Outcome, cfg: RuleConfig): Generator<RawFinding> {
  const at = { entity: 'outcome', entityId: o.id } as const;
  const n = outcomeName(o);
  for (const field of ['masPre', 'masPost'] as const) {
    const v = o[field];
    if (v !== null && !isMas(v)) yield { ...at, field, message: `${n}: MAS "${v}" is not a grade. Choose 0, 1, 1+, 2, 3 or 4.` };
  }
  const maxX = cfg.tardieuAllowX5 ? 5 : 4;
  for (const field of ['tardieuXPre', 'tardieuXPost'] as const) {
    const v = o[field];
    if (v !== null && !isWholeInRange(Number(v), 0, maxX)) {
      yield { ...at, field, message: `${n}: Tardieu X ${v} is not a grade this service uses (0–${maxX}). Choose the grade again.` };
    }
  }
  let anyAngle = false;
  for (const field of ANGLE_FIELDS) {
    const v = o[field];
    if (v === null) continue;
    anyAngle = true;
    if (Math.abs(v) > cfg.angleLimitDeg) {
      yield { ...at, field, message: `${n}: ${ANGLE_LABELS[field]} ${fmt(v)}° is outside ±${fmt(cfg.angleLimitDeg)}°. Check the angle.` };
    }
  }
  if (anyAngle && isBlank(o.angleConvention)) {
    yield { ...at, field: 'angleConvention', message: `${n}: angles are recorded without the angle convention. Enter it (e.g. "elbow 0° = full extension, flexion +").` };
  }
}

export const E07: Rule = {
  id: 'E07',
  severity: 'error',
  needsReason: false,
  title: 'Out-of-set scale values (MAS, pain NRS, GAS, Tardieu X), angles outside the limit or without a convention',
  *check(doc, cfg, d) {
    const s = doc.session;
    const nrs = (v: number | null) => v !== null && !isWholeInRange(v, 0, 10);
    if (nrs(s.baselinePainNrs)) yield { entity: 'session', entityId: s.id, field: 'baselinePainNrs', message: `Baseline pain ${s.baselinePainNrs} is not on the 0–10 scale. Enter a whole number from 0 to 10.` };
    if (nrs(s.painNrsPost)) yield { entity: 'session', entityId: s.id, field: 'painNrsPost', message: `Pain after ${s.painNrsPost} is not on the 0–10 scale. Enter a whole number from 0 to 10.` };
    for (const td of d.targets) {
      for (const c of td.target.cycles) {
        if (nrs(c.painNrs)) {
          yield { entity: 'cycle', entityId: c.id, field: 'painNrs', message: `${cycleName(td.target, c)}: pain ${c.painNrs} is not on the 0–10 scale. Enter a whole number from 0 to 10.` };
        }
      }
    }
    for (const g of doc.goals) {
      const at = { entity: 'goal', entityId: g.id } as const;
      const n = `Goal ${g.seq}`;
      if (g.baselineLevel !== null && g.baselineLevel !== -1 && g.baselineLevel !== -2) {
        yield { ...at, field: 'baselineLevel', message: `${n}: baseline level ${g.baselineLevel} is not allowed; a GAS baseline is −1 or −2.` };
      }
      if (g.followUpLevel !== null && !isWholeInRange(g.followUpLevel, -2, 2)) {
        yield { ...at, field: 'followUpLevel', message: `${n}: follow-up level ${g.followUpLevel} is not on the GAS scale (−2 to +2).` };
      }
      for (const field of ['importance', 'difficulty'] as const) {
        const v = g[field];
        if (v !== null && !isWholeInRange(v, 0, 3)) yield { ...at, field, message: `${n}: ${field} ${v} is not on the 0–3 scale.` };
      }
    }
    for (const o of doc.outcomes) yield* outcomeScales(o, cfg);
    for (const b of doc.diagnosticBlocks) {
      for (const field of ['masPre', 'masPost'] as const) {
        const v = b[field];
        if (v !== null && !isMas(v)) {
          yield { entity: 'diagnosticBlock', entityId: b.id, field, message: `Diagnostic block ${b.seq}: MAS "${v}" is not a grade. Choose 0, 1, 1+, 2, 3 or 4.` };
        }
      }
    }
  },
};

/** Muscles crossing two joints whose tone depends on the other joint's position (plantarflexors carry it in their code). */
const TWO_JOINT_GROUPS: ReadonlySet<string> = new Set(['elbow-flexors', 'finger-flexors', 'knee-extensors', 'knee-flexors']);

export const W16: Rule = {
  id: 'W16',
  severity: 'warning',
  needsReason: false,
  title: 'MAS worse after, or after without before; Tardieu R1 beyond R2 along the stretch; test position missing for a two-joint muscle',
  *check(doc, cfg) {
    for (const o of doc.outcomes) {
      const at = { entity: 'outcome', entityId: o.id } as const;
      const n = outcomeName(o);
      if (o.masPost !== null && o.masPre === null) {
        yield { ...at, field: 'masPre', message: `${n}: MAS after (${o.masPost}) is recorded without MAS before. Enter the baseline grade, or acknowledge.` };
      } else if (o.masPre !== null && o.masPost !== null && isMas(o.masPre) && isMas(o.masPost) && MAS_RANK[o.masPost] > MAS_RANK[o.masPre]) {
        yield { ...at, field: 'masPost', message: `${n}: MAS is worse after treatment (${o.masPre} → ${o.masPost}). Check the grades, or acknowledge.` };
      }
      const dir = stretchDirection(o.muscleGroup, o.angleConvention);
      if (dir) {
        for (const [when, r1Field, r1, r2] of [
          ['before', 'tardieuR1Pre', o.tardieuR1Pre, o.tardieuR2Pre],
          ['after', 'tardieuR1Post', o.tardieuR1Post, o.tardieuR2Post],
        ] as const) {
          if (r1 === null || r2 === null) continue;
          const beyondBy = dir.sign * (r1 - r2);
          if (beyondBy > cfg.tardieuR1R2ToleranceDeg) {
            const assumed = dir.assumed ? ` (taking the convention as "${dir.assumed}")` : '';
            yield {
              ...at,
              field: r1Field,
              message: `${n}: Tardieu ${when}, R1 (${fmt(r1)}°, the catch) lies ${fmt(beyondBy)}° beyond R2 (${fmt(r2)}°, the end of range) along the stretch${assumed}; R1 should come first. Check the angles and the convention.`,
            };
          }
        }
      }
      const measured = o.masPre !== null || o.masPost !== null || ANGLE_FIELDS.some((f) => o[f] !== null);
      if (measured && o.muscleGroup && TWO_JOINT_GROUPS.has(o.muscleGroup) && isBlank(o.testPosition)) {
        yield { ...at, field: 'testPosition', message: `${n}: the test position is missing; this group crosses two joints, so the position changes the result. Enter it (e.g. "knee extended").` };
      }
    }
  },
};
