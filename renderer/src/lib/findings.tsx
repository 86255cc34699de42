// The rule findings of the record on screen, shared with every field through context so a
// field shows the findings about itself (same entity, row id and field) right next to it.
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Acknowledgement } from '../../../shared/domain/model';
import type { Finding, ValidationReport } from '../../../shared/domain/rules';

/** A finding with what the screen needs: its acknowledgement, if it has one. */
export interface ShownFinding extends Finding {
  ack: Acknowledgement | null;
  /** Acknowledged (by the engine's own flag, or by a matching stored acknowledgement). */
  isAcknowledged: boolean;
}

export interface FindingsIndex {
  all: ShownFinding[];
  forField(entity: string, entityId: string, field: string): ShownFinding[];
  forRow(entity: string, entityId: string): ShownFinding[];
}

const key = (entity: string, entityId: string, field: string | null) => `${entity}|${entityId}|${field ?? ''}`;

/** The most recent acknowledgement of this exact finding (same rule, row and field). */
export function ackFor(f: Finding, acks: readonly Acknowledgement[]): Acknowledgement | null {
  let found: Acknowledgement | null = null;
  for (const a of acks) {
    if (a.ruleId === f.ruleId && a.entity === f.entity && a.entityId === f.entityId && (a.field ?? '') === (f.field ?? '')) {
      if (!found || a.at > found.at) found = a;
    }
  }
  return found;
}

export function indexFindings(report: Pick<ValidationReport, 'errors' | 'warnings'> | null, acks: readonly Acknowledgement[]): FindingsIndex {
  const all: ShownFinding[] = [];
  const byField = new Map<string, ShownFinding[]>();
  const byRow = new Map<string, ShownFinding[]>();
  for (const f of report ? [...report.errors, ...report.warnings] : []) {
    const ack = f.severity === 'warning' ? ackFor(f, acks) : null;
    // The engine decides (an acknowledgement without the reason a W+R needs does not count);
    // a matching acknowledgement stands in only where the engine does not say.
    const flag = (f as { acknowledged?: unknown }).acknowledged;
    const isAcknowledged = f.severity === 'warning' && (typeof flag === 'boolean' ? flag : ack !== null);
    const shown: ShownFinding = { ...f, ack, isAcknowledged };
    all.push(shown);
    const k = key(f.entity, f.entityId, f.field);
    byField.set(k, [...(byField.get(k) ?? []), shown]);
    const r = `${f.entity}|${f.entityId}`;
    byRow.set(r, [...(byRow.get(r) ?? []), shown]);
  }
  return {
    all,
    forField: (entity, entityId, field) => byField.get(key(entity, entityId, field)) ?? NONE,
    forRow: (entity, entityId) => byRow.get(`${entity}|${entityId}`) ?? NONE,
  };
}

const NONE: ShownFinding[] = [];
const EMPTY_INDEX = indexFindings(null, []);

const FindingsContext = createContext<FindingsIndex>(EMPTY_INDEX);

export function FindingsProvider({ index, children }: { index: FindingsIndex; children: ReactNode }) {
  return <FindingsContext.Provider value={index}>{children}</FindingsContext.Provider>;
}

export function useFindings(): FindingsIndex {
  return useContext(FindingsContext);
}

export function useFieldFindings(entity: string, entityId: string, field: string): ShownFinding[] {
  const index = useContext(FindingsContext);
  return useMemo(() => index.forField(entity, entityId, field), [index, entity, entityId, field]);
}

/** The DOM id of a field's control, so a finding in the side panel can take you to it. */
export function fieldDomId(entity: string, entityId: string, field: string): string {
  return `f-${entity}-${entityId}-${field}`;
}

/** The DOM id of a row (a target, a goal…), the fallback when a finding names no field control. */
export function rowDomId(entity: string, entityId: string): string {
  return `row-${entity}-${entityId}`;
}

/** The first unacknowledged finding to show under a field, errors first. */
export function leadFinding(list: readonly ShownFinding[]): ShownFinding | null {
  return list.find((f) => f.severity === 'error') ?? list.find((f) => !f.isAcknowledged) ?? null;
}

/** Session context for fields that need it (times are typed on the session's day). */
export interface SessionCtx {
  sessionId: string;
  startedAt: string;
}
const SessionContext = createContext<SessionCtx | null>(null);
export const SessionProvider = SessionContext.Provider;
export function useSessionCtx(): SessionCtx | null {
  return useContext(SessionContext);
}
