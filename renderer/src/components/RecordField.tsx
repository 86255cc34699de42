import { useState, type ReactNode } from 'react';
import { focusUnlessBusy } from '../lib/focus';
import type { EntityName } from '../../../shared/domain/record';
import type { SaveFieldsRequest } from '../../../shared/ipc/contract';
import type { Parsed } from '../../../shared/domain/parse';
import { useApp } from '../state/context';
import { fieldValue } from '../lib/rows';
import { fieldDef, fieldKind, type FieldName } from '../lib/fieldKind';
import { choicesOf } from '../lib/optionLabels';
import { fieldDomId, leadFinding, useFieldFindings, useSessionCtx, type ShownFinding } from '../lib/findings';
import { localTimeOfStamp, formatNumber, formatTimeOnSessionDay, formatUkDate, parseDate, parseNumber, parseTimeOnSessionDay, textParser } from '../lib/parsers';
import { AutosaveField } from './AutosaveField';
import { ChoiceGroup, CheckGroup, type ChoiceOption } from './ChoiceGroup';

export interface Choice {
  value: string | number | boolean;
  label: string;
}

export interface RecordFieldProps<E extends EntityName> {
  entity: E;
  /** The row's id. */
  id: string;
  field: FieldName<E>;
  /** Replaces the declared label (rarely: the declaration is the label people read). */
  label?: string;
  /** Read by screen readers after the label, not shown (", target 2"). */
  labelSuffix?: string;
  hideLabel?: boolean;
  hint?: string;
  /** Buttons or a list for a code field; by default buttons up to four options, else a list. */
  variant?: 'buttons' | 'select';
  /** Choices replacing the value set (the devices of this session; numbers shown as buttons). */
  choices?: Choice[];
  /** For a list of codes: the option that excludes the others ("none"). */
  exclusive?: string;
  /** A parser and formatter replacing the generic ones for a text entry. */
  parse?: (text: string) => Parsed<unknown>;
  format?: (value: unknown) => string;
  size?: 'short' | 'medium' | 'long';
  /** Take the whole row of the form grid. */
  wide?: boolean;
  /** Take two columns of the form grid (long entries such as names). */
  span2?: boolean;
  autoFocus?: boolean;
  /** Other fields saved together with this one, from the new value (e.g. the region of a nerve). */
  alsoSave?: (value: unknown) => Record<string, unknown>;
  onSaved?: (value: unknown) => void;
  /** Findings about these fields are shown here too (e.g. the branch next to the nerve). */
  findingFields?: string[];
  /** The id of a <datalist> of suggestions. */
  list?: string;
  testId?: string;
  /** A second copy of a field on screen (the timer's prompt beside the cycle row) needs its own DOM id; findings point to the first. */
  domIdSuffix?: string;
  inputMode?: 'text' | 'numeric' | 'decimal';
}

/** "Acknowledged by A. Name at 09:20" */
function ackText(f: ShownFinding): string {
  return f.ack ? `Acknowledged by ${f.ack.acknowledgedBy} at ${localTimeOfStamp(f.ack.at)}` : 'Acknowledged';
}

/**
 * One field of the record, with the widget its declaration calls for: a code → buttons or a
 * list, a list of codes → check buttons, yes/no → Yes and No buttons with an unanswered state,
 * text → a self-saving text box, a number → the same with a number parser (comma decimals
 * accepted), a date → day/month/year (or "+6w" from the session day), a date-time → a time of
 * day on the session's day. The rule findings about this very field show underneath.
 */
export function RecordField<E extends EntityName>(props: RecordFieldProps<E>) {
  const { entity, id, field, labelSuffix, hideLabel, hint, variant, choices, exclusive, size, wide, span2, autoFocus, alsoSave, onSaved, findingFields, list, testId } = props;
  const def = fieldDef(entity, field);
  const kind = fieldKind(def);
  const label = props.label ?? def.label;
  const value = useApp((s) => fieldValue(s, entity, id, field));
  const saveFields = useApp((s) => s.saveFields);
  const session = useSessionCtx();
  const own = useFieldFindings(entity, id, field);
  const extraA = useFieldFindings(entity, id, findingFields?.[0] ?? '');
  const extraB = useFieldFindings(entity, id, findingFields?.[1] ?? '');
  const findings = findingFields ? [...own, ...extraA, ...extraB] : own;
  const lead = leadFinding(findings);
  const acked = !lead ? findings.find((f) => f.isAcknowledged) : undefined;
  const [failure, setFailure] = useState<string | null>(null);
  const domId = fieldDomId(entity, id, field) + (props.domIdSuffix ? `-${props.domIdSuffix}` : '');

  async function save(next: unknown) {
    const patch = { [field]: next, ...(alsoSave ? alsoSave(next) : {}) };
    const r = await saveFields({ entity, id, patch } as unknown as SaveFieldsRequest);
    setFailure(r.ok ? null : r.error.message);
    if (r.ok) onSaved?.(next);
    return r;
  }

  // An entry still to make reads as a short to-do (the side panel has the full message); a
  // wrong entry reads as the rule's message, red for an error and amber for a warning.
  const blank = value === null || value === '' || (Array.isArray(value) && value.length === 0);
  const todo = lead && blank && lead.entity === entity && lead.entityId === id && lead.field === field;
  const problem = todo
    ? lead.severity === 'error'
      ? 'Needed before sign-off.'
      : 'Expected: record it, or acknowledge it under Checks.'
    : lead
      ? lead.message
      : acked
        ? `${ackText(acked)}: ${acked.message}`
        : null;
  const severity: 'error' | 'required' | 'warning' | 'acknowledged' = lead ? (todo ? 'required' : lead.severity === 'error' ? 'error' : 'warning') : 'acknowledged';

  // ── Buttons and lists ─────────────────────────────────────────────────────────────────────
  const statusFor = (answered: boolean): { status: ReactNode; statusClass: string } => {
    if (failure) return { status: failure, statusClass: 'field-status-failed' };
    if (problem) return { status: problem, statusClass: `field-problem-${severity}` };
    if (!answered && kind.kind === 'bool') return { status: 'Not answered', statusClass: 'field-unanswered' };
    return { status: null, statusClass: '' };
  };

  if (kind.kind === 'codes') {
    const options = choicesOf(kind.options).map((c) => ({ key: c.value, label: c.label }));
    const values = Array.isArray(value) ? (value as string[]) : null;
    return (
      <CheckGroup
        domId={domId}
        label={label}
        labelSuffix={labelSuffix}
        hideLabel={hideLabel}
        hint={hint}
        options={options}
        values={values}
        exclusive={exclusive ?? (kind.options.includes('none') ? 'none' : null)}
        onChange={(keys) => void save(keys)}
        wide={wide ?? true}
        testId={testId}
        autoFocus={autoFocus}
        {...statusFor(values !== null)}
      />
    );
  }

  const buttonChoices: Choice[] | null =
    kind.kind === 'bool'
      ? (choices ?? [
          { value: true, label: 'Yes' },
          { value: false, label: 'No' },
        ])
      : kind.kind === 'code'
        ? (choices ?? choicesOf(kind.options))
        : kind.kind === 'ref' || ((kind.kind === 'int' || kind.kind === 'dec' || kind.kind === 'text') && choices)
          ? (choices ?? [])
          : null;

  if (buttonChoices) {
    const keyOf = (v: unknown) => (v === null || v === undefined ? null : String(v));
    const options: ChoiceOption[] = buttonChoices.map((c) => ({ key: String(c.value), label: c.label }));
    const current = keyOf(value);
    const choose = (key: string | null) => void save(key === null ? null : (buttonChoices.find((c) => String(c.value) === key)?.value ?? null));
    const useSelect = variant === 'select' || (variant !== 'buttons' && options.length > 4);
    if (useSelect) {
      const { status, statusClass } = statusFor(current !== null);
      const known = current === null || options.some((o) => o.key === current);
      return (
        <div className={`field${wide ? ' field-wide' : ''}`} data-testid={testId}>
          <label htmlFor={domId}>
            {label}
          </label>
          {hint ? <span className="field-hint">{hint}</span> : null}
          <select
            id={domId}
            value={current ?? ''}
            onChange={(e) => choose(e.target.value === '' ? null : e.target.value)}
            aria-invalid={severity === 'error' || undefined}
            aria-label={labelSuffix ? label + labelSuffix : undefined}
            aria-describedby={`${domId}-status`}
            className={problem && severity !== 'error' ? `has-${severity}` : undefined}
            ref={autoFocus ? focusOnMount : undefined}
          >
            <option value="">{current === null ? 'Choose…' : '(clear: not recorded)'}</option>
            {options.map((o) => (
              <option key={o.key} value={o.key}>
                {o.label}
              </option>
            ))}
            {!known ? <option value={current!}>{current} (not in the list)</option> : null}
          </select>
          <span id={`${domId}-status`} className={`field-status ${statusClass}`} aria-live="polite">
            {status}
          </span>
        </div>
      );
    }
    return (
      <ChoiceGroup
        domId={domId}
        label={label}
        labelSuffix={labelSuffix}
        hideLabel={hideLabel}
        hint={hint}
        options={options}
        value={current}
        onChoose={choose}
        wide={wide}
        autoFocus={autoFocus}
        testId={testId}
        invalid={severity === 'error'}
        {...statusFor(current !== null)}
      />
    );
  }

  // ── Typed entries ─────────────────────────────────────────────────────────────────────────
  let parse: (text: string) => Parsed<unknown>;
  let format: (v: unknown) => string;
  // "text" input mode for numbers too: a minus sign and a comma must be typeable on any keyboard.
  const inputMode: 'text' | 'numeric' | 'decimal' = props.inputMode ?? 'text';
  let defaultHint: string | undefined;
  let defaultSize: 'short' | 'medium' | 'long';
  const sessionDate = session ? session.startedAt.slice(0, 10) : null;
  switch (kind.kind) {
    case 'int':
    case 'dec':
      parse = (t) => parseNumber(t, { label, integer: kind.kind === 'int', min: kind.min, max: kind.max });
      format = (v) => formatNumber(v as number | null);
      defaultSize = 'short';
      break;
    case 'date':
      parse = (t) => parseDate(t, field === 'dateOfBirth' ? null : sessionDate);
      format = (v) => formatUkDate(v as string | null);
      defaultHint = sessionDate && field !== 'dateOfBirth' ? 'dd/mm/yyyy, or +6w / −4w from the session' : 'dd/mm/yyyy';
      defaultSize = 'short';
      break;
    case 'datetime': {
      const anchor = session?.startedAt ?? null;
      parse = (t) => (anchor ? parseTimeOnSessionDay(t, anchor) : { ok: false, message: 'Open this from its session to enter a time.' });
      format = (v) => formatTimeOnSessionDay(v as string | null, anchor);
      defaultHint = 'time, e.g. 09:14';
      defaultSize = 'short';
      break;
    }
    default: {
      const multiline = kind.kind === 'text' && kind.multiline;
      parse = textParser(def, multiline);
      format = (v) => (v === null || v === undefined ? '' : String(v));
      defaultSize = multiline ? 'long' : 'medium';
    }
  }
  return (
    <div className={wide || (kind.kind === 'text' && kind.multiline) ? 'field-cell field-wide' : span2 ? 'field-cell field-span-2' : 'field-cell'}>
      <AutosaveField<unknown>
        label={label}
        labelSuffix={labelSuffix}
        hideLabel={hideLabel}
        hint={hint ?? defaultHint}
        value={value}
        format={props.format ?? format}
        parse={props.parse ?? parse}
        save={(v) => save(v)}
        problem={problem}
        problemSeverity={severity}
        inputMode={inputMode}
        size={size ?? defaultSize}
        autoFocus={autoFocus}
        testId={testId}
        inputId={domId}
        multiline={kind.kind === 'text' && kind.multiline}
        list={list}
      />
    </div>
  );
}

/** A stable callback ref: focuses a control when it first appears (see focusUnlessBusy). */
function focusOnMount(el: HTMLElement | null): void {
  if (el) focusUnlessBusy(el);
}
