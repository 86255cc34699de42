import { useMemo } from 'react';
import type { SessionDocument } from '../../../shared/domain/model';
import { DEFAULT_RULE_CONFIG, validateSession, type ValidationReport } from '../../../shared/domain/rules';
import { toLocalIsoWithOffset } from '../../../shared/domain/parse';
import { useApp } from '../state/context';

/** The device's local time with its offset: rules about "now" (a start in the future) need it. */
export function localNowIso(): string {
  const now = new Date();
  return toLocalIsoWithOffset(now, -now.getTimezoneOffset());
}

/**
 * The rules as the clinician types, with the service's thresholds (the same engine and config
 * the main process applies when it exports; main stays authoritative).
 */
export function useValidation(doc: SessionDocument | null): ValidationReport | null {
  const config = useApp((s) => s.ruleConfig?.config ?? DEFAULT_RULE_CONFIG);
  return useMemo(() => (doc ? validateSession(doc, config, { now: localNowIso() }) : null), [doc, config]);
}
