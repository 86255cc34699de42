// The rules engine (domain.md §4): rules as data, thresholds as data, one pure entry point.
export { validateSession } from './engine';
export { RULES, RULE_IDS, findRule } from './catalogue';
export {
  DEFAULT_RULE_CONFIG,
  RuleConfigSchema,
  RuleConfigOverrideSchema,
  mergeRuleConfig,
  parseRuleConfig,
  type ConfigResult,
  type RuleConfig,
  type RuleConfigOverride,
} from './config';
export type { Finding, RawFinding, Rule, Severity, ValidationReport } from './types';
export type { DerivedOptions, SignatureState } from '../derived';
