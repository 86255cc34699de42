import type { Derived } from '../derived';
import type { EntityName, SessionDocument } from '../model';
import type { RuleConfig } from './config';

export type Severity = 'error' | 'warning';

export interface Finding {
  /** The domain rule (E01…E14, W01…W19, W02b), REQ (a required or impossible entry §4 does not number) or REC (a §2 record check §4 does not number). */
  ruleId: string;
  severity: Severity;
  /** W+R: the acknowledgement also needs a free-text reason. */
  needsReason: boolean;
  /** Where the problem is, so the screen can show it next to the field. */
  entity: EntityName;
  entityId: string;
  field: string;
  message: string;
  /** A warning with a matching acknowledgement (with a reason when needsReason); errors never are. */
  acknowledged: boolean;
}

/** What a rule's check yields; the engine adds the rule's id, severity and the acknowledgement. */
export interface RawFinding {
  entity: EntityName;
  entityId: string;
  field: string;
  message: string;
  /** Overrides the rule's default for this finding (W10: W at −50 °C, W+R at −40 °C). */
  needsReason?: boolean;
}

export interface Rule {
  id: string;
  severity: Severity;
  /** The default for the rule's findings; a finding may set its own. */
  needsReason: boolean;
  /** One line for people (a settings screen, a rule list). */
  title: string;
  /** Also checked when the session was cancelled before the needle or entered in error. */
  always?: boolean;
  check(doc: SessionDocument, config: RuleConfig, derived: Derived): Iterable<RawFinding>;
}

export interface ValidationReport {
  sessionId: string;
  /** Any error: the record cannot be signed or exported (a draft still saves). */
  hasHardError: boolean;
  errors: Finding[];
  warnings: Finding[];
  /** Warnings still to acknowledge (or to give a reason for) before sign-off. */
  unacknowledgedWarnings: number;
  /** No error and every warning acknowledged. */
  readyToSign: boolean;
}
