// Runs every rule over a session document and marks which warnings are acknowledged. Pure:
// the same document, configuration and options always give the same report, in the renderer
// as the clinician types, in the main process for exports, and in the CLI.
import { deriveSession, type DerivedOptions } from '../derived';
import type { Acknowledgement, SessionDocument } from '../model';
import { RULES } from './catalogue';
import { DEFAULT_RULE_CONFIG, type RuleConfig } from './config';
import type { Finding, Rule, ValidationReport } from './types';

const keyOf = (ruleId: string, entity: string, entityId: string, field: string | null) => `${ruleId}\u0000${entity}\u0000${entityId}\u0000${field ?? ''}`;

/** Acknowledgements by what they point at; whether any of them carries a reason. */
function indexAcknowledgements(acks: readonly Acknowledgement[]): Map<string, { withReason: boolean }> {
  const index = new Map<string, { withReason: boolean }>();
  for (const a of acks) {
    const key = keyOf(a.ruleId, a.entity, a.entityId, a.field);
    const withReason = (a.reason ?? '').trim() !== '';
    const seen = index.get(key);
    index.set(key, { withReason: withReason || (seen?.withReason ?? false) });
  }
  return index;
}

export function validateSession(doc: SessionDocument, config: RuleConfig = DEFAULT_RULE_CONFIG, options: DerivedOptions = {}, rules: readonly Rule[] = RULES): ValidationReport {
  const derived = deriveSession(doc, options);
  const acks = indexAcknowledgements(doc.acknowledgements);
  const errors: Finding[] = [];
  const warnings: Finding[] = [];
  for (const rule of rules) {
    if (!derived.performed && !rule.always) continue;
    for (const raw of rule.check(doc, config, derived)) {
      const needsReason = raw.needsReason ?? rule.needsReason;
      const finding: Finding = {
        ruleId: rule.id,
        severity: rule.severity,
        needsReason,
        entity: raw.entity,
        entityId: raw.entityId,
        field: raw.field,
        message: raw.message,
        acknowledged: false,
      };
      if (rule.severity === 'error') {
        errors.push(finding);
        continue;
      }
      // A condition that no longer holds yields nothing, so its old acknowledgement simply stops mattering.
      const ack = acks.get(keyOf(rule.id, raw.entity, raw.entityId, raw.field));
      finding.acknowledged = ack !== undefined && (!needsReason || ack.withReason);
      warnings.push(finding);
    }
  }
  const unacknowledgedWarnings = warnings.filter((w) => !w.acknowledged).length;
  return {
    sessionId: doc.session.id,
    hasHardError: errors.length > 0,
    errors,
    warnings,
    unacknowledgedWarnings,
    readyToSign: errors.length === 0 && unacknowledgedWarnings === 0,
  };
}
