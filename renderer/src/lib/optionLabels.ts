// Labels for the codes of every value set, found from the codes themselves: a field's schema
// is a z.enum whose options are the codes, and the value set it came from has a *_LABELS map.
// A value set without labels (MAS, Tardieu X) shows its codes, which are what people write.
import * as vs from '../../../shared/domain/valueSets';

type LabelMap = Readonly<Record<string, string>>;

const PAIRS: [readonly string[], LabelMap][] = [
  [vs.NERVE_CODES, Object.fromEntries(vs.NERVES.map((n) => [n.code, n.label]))],
  [vs.SIDES, vs.SIDE_LABELS],
  [vs.SEXES, vs.SEX_LABELS],
  [vs.NHS_ABSENT_REASONS, vs.NHS_ABSENT_REASON_LABELS],
  [vs.NHS_VERIFICATION, vs.NHS_VERIFICATION_LABELS],
  [vs.AETIOLOGIES, vs.AETIOLOGY_LABELS],
  [vs.AFFECTED_SIDES, vs.AFFECTED_SIDE_LABELS],
  [vs.ALLERGY_STATUSES, vs.ALLERGY_STATUS_LABELS],
  [vs.ALLERGENS, vs.ALLERGEN_LABELS],
  [vs.COLD_CONTRAINDICATIONS, vs.COLD_CONTRAINDICATION_LABELS],
  [vs.IMPLANTED_DEVICES, vs.IMPLANTED_DEVICE_LABELS],
  [vs.PREGNANCY_STATUSES, vs.PREGNANCY_LABELS],
  [vs.SESSION_STATUS_CODES, vs.SESSION_STATUS_LABELS],
  [vs.SETTINGS, vs.SETTING_LABELS],
  [vs.CONSENT_TYPES, vs.CONSENT_TYPE_LABELS],
  [vs.ANTICOAGULANTS, vs.ANTICOAGULANT_LABELS],
  [vs.ANTICOAGULANT_ACTIONS, vs.ANTICOAGULANT_ACTION_LABELS],
  [vs.INR_SOURCES, vs.INR_SOURCE_LABELS],
  [vs.SITE_MARKED, vs.SITE_MARKED_LABELS],
  [vs.TEAM_ROLES, vs.TEAM_ROLE_LABELS],
  [vs.REGISTRATION_BODIES, vs.REGISTRATION_BODY_LABELS],
  [vs.LIMB_REGIONS, vs.LIMB_REGION_LABELS],
  [vs.CLINICAL_PATTERNS, vs.CLINICAL_PATTERN_LABELS],
  [vs.APPROACHES, vs.APPROACH_LABELS],
  [vs.LA_AGENTS, vs.LA_AGENT_LABELS],
  [vs.STIM_VIA, vs.STIM_VIA_LABELS],
  [vs.RESTIM_RESPONSES, vs.RESTIM_LABELS],
  [vs.SYSTEM_TYPES, vs.SYSTEM_TYPE_LABELS],
  [vs.THAW_TYPES, vs.THAW_TYPE_LABELS],
  [vs.CYCLE_OUTCOMES, vs.CYCLE_OUTCOME_LABELS],
  [vs.ABORT_REASONS, vs.ABORT_REASON_LABELS],
  [vs.MUSCLE_GROUPS, vs.MUSCLE_GROUP_LABELS],
  [vs.TARDIEU_V, vs.TARDIEU_V_LABELS],
  [vs.TOLERANCES, vs.TOLERANCE_LABELS],
  [vs.COMPLICATIONS_ANSWERS, vs.COMPLICATIONS_ANSWER_LABELS],
  [vs.COMPLICATION_TYPES, vs.COMPLICATION_TYPE_LABELS],
  [vs.ONSETS, vs.ONSET_LABELS],
  [vs.SEVERITIES, vs.SEVERITY_LABELS],
  [vs.COMPLICATION_ACTIONS, vs.COMPLICATION_ACTION_LABELS],
  [vs.AFTERCARE_TOPICS, vs.AFTERCARE_TOPIC_LABELS],
  [vs.FOLLOW_UP_KINDS, vs.FOLLOW_UP_KIND_LABELS],
  [vs.BLOCK_AGENTS, vs.BLOCK_AGENT_LABELS],
  [vs.BLOCK_RESULTS, vs.BLOCK_RESULT_LABELS],
];

const BY_CODES = new Map<string, LabelMap>(PAIRS.map(([codes, labels]) => [codes.join('|'), labels]));

/** The label people read for `code`, from the value set whose codes are `options`. */
export function optionLabel(options: readonly string[], code: string): string {
  return BY_CODES.get(options.join('|'))?.[code] ?? code;
}

export interface Choice {
  value: string;
  label: string;
}

export function choicesOf(options: readonly string[]): Choice[] {
  return options.map((value) => ({ value, label: optionLabel(options, value) }));
}
