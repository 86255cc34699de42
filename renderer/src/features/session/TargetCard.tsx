import { useEffect, useRef } from 'react';
import { useApp } from '../../state/context';
import { AutosaveField } from '../../components/AutosaveField';
import { ConfirmButton } from '../../components/ConfirmButton';
import { NERVES, SIDES, SIDE_LABELS, type Side } from '../../../../shared/domain/valueSets';
import { parseDurationS, parseTemperatureC } from '../../../../shared/domain/parse';
import type { TargetWithCycles } from '../../../../shared/domain/model';
import type { Finding } from '../../../../shared/domain/rules';

interface Props {
  target: TargetWithCycles;
  findings: Finding[];
  focusId: string | null;
  onAddedCycle(id: string): void;
}

const problemFor = (findings: Finding[], entityId: string, field: string) =>
  findings.find((f) => f.entityId === entityId && f.field === field)?.message ?? null;

export function TargetCard({ target, findings, focusId, onAddedCycle }: Props) {
  const saveFields = useApp((s) => s.saveFields);
  const addRow = useApp((s) => s.addRow);
  const deleteRow = useApp((s) => s.deleteRow);
  const headingId = `target-${target.id}-heading`;
  const nerveSelect = useRef<HTMLSelectElement>(null);

  // A new target takes the focus on its nerve list: the next keystrokes choose the nerve.
  useEffect(() => {
    if (focusId === target.id) nerveSelect.current?.focus();
  }, [focusId, target.id]);

  const nerveValue = target.nerve ? `${target.nerve}|${target.branch ?? ''}` : '';

  async function onNerveChange(value: string) {
    const [nerve, branch] = value.split('|');
    await saveFields({
      entity: 'target',
      id: target.id,
      patch: { nerve: (nerve || null) as TargetWithCycles['nerve'], branch: branch || null },
    });
  }

  async function onAddCycle() {
    const id = await addRow('cycle', target.id);
    if (id) onAddedCycle(id);
  }

  const nerveProblem = problemFor(findings, target.id, 'nerve') ?? problemFor(findings, target.id, 'branch');
  const sideProblem = problemFor(findings, target.id, 'side');

  return (
    <article className="target-card" aria-labelledby={headingId} data-testid={`target-${target.seq}`}>
      <header className="target-head">
        <h3 id={headingId}>Target {target.seq}</h3>
        <ConfirmButton label="Remove target" confirmLabel="Press again to remove target" onConfirm={() => void deleteRow('target', target.id)} />
      </header>
      <div className="target-fields">
        <div className="field field-long">
          <label htmlFor={`${target.id}-nerve`}>Nerve and branch</label>
          <select
            id={`${target.id}-nerve`}
            ref={nerveSelect}
            value={nerveValue}
            onChange={(e) => void onNerveChange(e.target.value)}
            aria-invalid={Boolean(nerveProblem)}
            aria-describedby={`${target.id}-nerve-status`}
          >
            <option value="">Choose the nerve…</option>
            {NERVES.map((n) => (
              <optgroup key={n.code} label={n.label}>
                {n.branches.map((b) => (
                  <option key={b.code} value={`${n.code}|${b.code}`}>
                    {b.code === 'trunk' ? `${n.label} trunk (mixed)` : `${n.label} → ${b.label}`}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
          <span id={`${target.id}-nerve-status`} className="field-status">
            {nerveProblem}
          </span>
        </div>
        <fieldset className="field side-field" aria-describedby={`${target.id}-side-status`}>
          <legend>Side</legend>
          <div className="toggle-group" role="radiogroup" aria-label={`Side of target ${target.seq}`}>
            {SIDES.map((side: Side) => (
              <button
                key={side}
                type="button"
                role="radio"
                aria-checked={target.side === side}
                className={target.side === side ? 'toggle on' : 'toggle'}
                onClick={() => void saveFields({ entity: 'target', id: target.id, patch: { side } })}
              >
                {SIDE_LABELS[side]}
              </button>
            ))}
          </div>
          <span id={`${target.id}-side-status`} className="field-status">
            {sideProblem}
          </span>
        </fieldset>
      </div>

      <table className="cycles" aria-label={`Freeze cycles of target ${target.seq}`}>
        <thead>
          <tr>
            <th scope="col">Cycle</th>
            <th scope="col">
              Freeze duration <span className="col-hint">seconds, or 1:30</span>
            </th>
            <th scope="col">
              Lowest probe temperature <span className="col-hint">°C, e.g. -70</span>
            </th>
            <th scope="col">
              <span className="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {target.cycles.length === 0 ? (
            <tr>
              <td colSpan={4} className="empty">
                No freeze cycle yet. Press “Add freeze cycle” when the first freeze starts.
              </td>
            </tr>
          ) : null}
          {target.cycles.map((c) => (
            <tr key={c.id} data-testid={`cycle-${target.seq}-${c.seq}`}>
              <th scope="row">{c.seq}</th>
              <td>
                <AutosaveField
                  label={`Duration, cycle ${c.seq}`}
                  hideLabel
                  value={c.durationS}
                  format={(v) => (v === null ? '' : String(v))}
                  parse={parseDurationS}
                  save={(v) => saveFields({ entity: 'cycle', id: c.id, patch: { durationS: v } })}
                  problem={problemFor(findings, c.id, 'durationS')}
                  inputMode="numeric"
                  size="short"
                  autoFocus={focusId === c.id}
                />
              </td>
              <td>
                <AutosaveField
                  label={`Temperature, cycle ${c.seq}`}
                  hideLabel
                  value={c.tipTempC}
                  format={(v) => (v === null ? '' : `${v}`)}
                  parse={parseTemperatureC}
                  save={(v) => saveFields({ entity: 'cycle', id: c.id, patch: { tipTempC: v } })}
                  problem={problemFor(findings, c.id, 'tipTempC')}
                  size="short"
                />
              </td>
              <td>
                <ConfirmButton label="Remove" confirmLabel="Press again to remove" onConfirm={() => void deleteRow('cycle', c.id)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="button" onClick={() => void onAddCycle()}>
        Add freeze cycle
      </button>
    </article>
  );
}
