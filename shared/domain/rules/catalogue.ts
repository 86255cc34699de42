// Every rule, in the order findings are listed: required entries first, then domain.md §4's
// hard errors and warnings by number, then the unnumbered record checks.
import { E12, E13, E14, W18, W19 } from './closing';
import { E08, E09, W09, W10, W11 } from './cycles';
import { E11, W13 } from './devices';
import { E07, W16 } from './outcomes';
import { E01, E02, W14, W15 } from './patient';
import { E03, E06, W01, W02, W02b, W03, W04 } from './preChecks';
import { REC, REQ } from './recordChecks';
import { E05, W17 } from './safety';
import { E04, E10, W05, W06, W07, W08, W12 } from './targets';
import type { Rule } from './types';

export const RULES: readonly Rule[] = Object.freeze([
  REQ,
  E01,
  E02,
  E03,
  E04,
  E05,
  E06,
  E07,
  E08,
  E09,
  E10,
  E11,
  E12,
  E13,
  E14,
  W01,
  W02,
  W02b,
  W03,
  W04,
  W05,
  W06,
  W07,
  W08,
  W09,
  W10,
  W11,
  W12,
  W13,
  W14,
  W15,
  W16,
  W17,
  W18,
  W19,
  REC,
]);

export const RULE_IDS: readonly string[] = RULES.map((r) => r.id);

export function findRule(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
