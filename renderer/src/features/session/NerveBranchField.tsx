import { useRef, useEffect } from 'react';
import { focusUnlessBusy } from '../../lib/focus';
import { useApp } from '../../state/context';
import { fieldValue } from '../../lib/rows';
import { fieldDomId, leadFinding, useFieldFindings } from '../../lib/findings';
import { NERVES } from '../../../../shared/domain/valueSets';
import type { SaveFieldsRequest } from '../../../../shared/ipc/contract';

/**
 * Nerve and branch chosen together from one list grouped by nerve ("Musculocutaneous →
 * brachialis", "Radial trunk (mixed)"), for a target or a diagnostic block.
 */
export function NerveBranchField(props: { entity: 'target' | 'diagnosticBlock'; id: string; label?: string; labelSuffix?: string; autoFocus?: boolean; allowNerveOnly?: boolean }) {
  const { entity, id, label = 'Nerve and branch', labelSuffix, autoFocus, allowNerveOnly = false } = props;
  const nerve = useApp((s) => fieldValue(s, entity, id, 'nerve')) as string | null;
  const branch = useApp((s) => fieldValue(s, entity, id, 'branch')) as string | null;
  const saveFields = useApp((s) => s.saveFields);
  const lead = leadFinding([...useFieldFindings(entity, id, 'nerve'), ...useFieldFindings(entity, id, 'branch')]);
  const select = useRef<HTMLSelectElement>(null);
  const domId = fieldDomId(entity, id, 'nerve');
  useEffect(() => {
    if (autoFocus) focusUnlessBusy(select.current);
  }, [autoFocus]);

  const value = nerve ? `${nerve}|${branch ?? ''}` : '';
  async function onChange(v: string) {
    const [n, b] = v.split('|');
    await saveFields({ entity, id, patch: { nerve: n || null, branch: b || null } } as SaveFieldsRequest);
  }

  return (
    <div className="field field-long field-span-2">
      <label htmlFor={domId}>
        {label}
      </label>
      <select
        id={domId}
        ref={select}
        value={value}
        onChange={(e) => void onChange(e.target.value)}
        aria-invalid={lead?.severity === 'error' || undefined}
        aria-label={labelSuffix ? label + labelSuffix : undefined}
        className={lead && lead.severity !== 'error' ? 'has-warning' : undefined}
        aria-describedby={`${domId}-status`}
      >
        <option value="">Choose the nerve…</option>
        {NERVES.map((n) => (
          <optgroup key={n.code} label={n.label}>
            {allowNerveOnly && n.branches.length > 1 ? <option value={`${n.code}|`}>{`${n.label}: several branches / not specified`}</option> : null}
            {n.branches.map((b) => (
              <option key={b.code} value={`${n.code}|${b.code}`}>
                {b.code === 'trunk' ? `${n.label} trunk (mixed)` : `${n.label} → ${b.label}`}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <span id={`${domId}-status`} className={`field-status${lead ? (lead.severity === 'error' ? ' field-problem-error' : ' field-problem-warning') : ''}`}>
        {lead?.message}
      </span>
    </div>
  );
}
