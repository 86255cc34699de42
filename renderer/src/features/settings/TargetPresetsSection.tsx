import { useEffect, useRef, useState } from 'react';
import { useApp } from '../../state/context';
import { ChoiceGroup } from '../../components/ChoiceGroup';
import { DEFAULT_TARGET_PRESETS, MAX_PRESET_LABEL, MAX_TARGET_PRESETS, TargetPresetList, presetTitle, type TargetPreset } from '../../../../shared/domain/targetPresets';
import { NERVES, SIDE_LABELS, SIDES, type Side } from '../../../../shared/domain/valueSets';
import { formatDateTime } from '../../../../shared/domain/parse';
import type { ErrorIssue } from '../../../../shared/ipc/result';
import { PresetText } from '../session/TargetShortcuts';

// The service's target presets: the one-press buttons of each session's Targets section.
// Edited as a whole list and saved with who changed it, like the rule thresholds: what the
// buttons offer is a service decision, not a clinician's entry.

const SIDE_OPTIONS = SIDES.map((s) => ({ key: s, label: SIDE_LABELS[s] }));
const sentence = (m: string) => (/[.!?]$/.test(m) ? m : `${m}.`);
/** A side, nerve and branch is one preset: the list never holds two of the same, so it is also the row's key. */
const keyOf = (p: TargetPreset) => `${p.side}|${p.nerve}|${p.branch}`;

/** Problems by row (issue paths "presets.3.branch" from the main process, "3.branch" from the local check). */
function rowProblems(issues: readonly ErrorIssue[]): Map<number, string> {
  const out = new Map<number, string>();
  for (const i of issues) {
    const [first, second] = i.path.split('.');
    const index = Number(first === 'presets' ? second : first);
    if (!Number.isInteger(index) || out.has(index)) continue;
    out.set(index, sentence(i.message.startsWith('Preset') ? i.message : `Preset ${index + 1}: ${i.message}`));
  }
  return out;
}

function localIssues(list: TargetPreset[]): ErrorIssue[] {
  const r = TargetPresetList.safeParse(list);
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

/** Focuses a control, or the button of a group that takes the Tab stop (the side's Left / Right). */
function focusById(id: string): void {
  const el = document.getElementById(id);
  (el?.matches('button, input, select') ? el : el?.querySelector<HTMLElement>('[tabindex="0"]'))?.focus();
}

export function TargetPresetsSection() {
  const state = useApp((s) => s.targetPresets);
  const load = useApp((s) => s.loadTargetPresets);
  const save = useApp((s) => s.saveTargetPresets);
  const [draft, setDraft] = useState<TargetPreset[] | null>(null);
  const [side, setSide] = useState<Side | null>(null);
  const [where, setWhere] = useState('');
  const [label, setLabel] = useState('');
  const [addProblem, setAddProblem] = useState<string | null>(null);
  const [issues, setIssues] = useState<ErrorIssue[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  // The control to focus after the list re-renders (a moved row's button, the next row's).
  const focusNext = useRef<string | null>(null);

  // Re-read on opening, in case another window or the CLI changed them.
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    if (!focusNext.current) return;
    focusById(focusNext.current);
    focusNext.current = null;
  });

  if (!state) return <p className="muted">Loading the target presets…</p>;
  const list = draft ?? state.presets;
  const problems = rowProblems(issues);

  function change(next: TargetPreset[], note: string | null) {
    setDraft(next);
    setIssues([]);
    setMessage(note);
  }

  function move(i: number, by: -1 | 1) {
    const next = [...list];
    const [item] = next.splice(i, 1);
    next.splice(i + by, 0, item!);
    const to = i + by;
    // The focus stays on the moved preset; at the top (or bottom) only its other button is enabled.
    const atEnd = by < 0 ? to === 0 : to === next.length - 1;
    focusNext.current = `preset-${to}-${(by < 0) !== atEnd ? 'up' : 'down'}`;
    change(next, `${presetTitle(item!)} is now preset ${to + 1}.`);
  }

  function remove(i: number) {
    const next = list.filter((_, j) => j !== i);
    focusNext.current = next.length > 0 ? `preset-${Math.min(i, next.length - 1)}-remove` : 'preset-new-side';
    change(next, `${presetTitle(list[i]!)} removed. Press “Save presets” to keep the change.`);
  }

  function add() {
    const [nerve, branch] = where.split('|');
    if (!side) {
      setAddProblem('Choose the side first: Left or Right.');
      focusById('preset-new-side');
      return;
    }
    if (!nerve || !branch) {
      setAddProblem('Choose the nerve and branch.');
      focusById('preset-new-target');
      return;
    }
    const text = label.trim();
    const preset = { side, nerve, branch, ...(text ? { label: text } : {}) } as TargetPreset;
    const next = [...list, preset];
    const problem = rowProblems(localIssues(next)).get(next.length - 1);
    if (problem) {
      setAddProblem(problem.replace(`Preset ${next.length}`, 'This preset'));
      return;
    }
    setAddProblem(null);
    setSide(null);
    setWhere('');
    setLabel('');
    change(next, `Added as preset ${next.length}: ${presetTitle(preset)}. Press “Save presets” to keep it.`);
  }

  async function onSave() {
    const local = localIssues(list);
    const r = local.length > 0 ? null : await save(list);
    if (r?.ok) {
      setDraft(null);
      setIssues([]);
      setMessage('Saved. Every session’s Targets section offers these presets now.');
    } else {
      const found = r ? (r.error.issues ?? []) : local;
      const first = rowProblems(found).values().next().value;
      setIssues(found);
      setMessage(first ? `Not saved: ${first} Correct it, then save again.` : (r?.error.message ?? sentence(found[0]?.message ?? 'Not saved')));
    }
  }

  const full = list.length >= MAX_TARGET_PRESETS;
  return (
    <section className="panel" aria-labelledby="presets-heading">
      <h1 id="presets-heading">Target presets</h1>
      <p>The common targets offered as one-press buttons in each session’s Targets section, in this order. A button fills the side, nerve and branch of a new target.</p>
      <p className="muted">{state.updatedBy ? `Last changed by ${state.updatedBy}, ${formatDateTime(state.updatedAt)}.` : 'Never changed: these are the defaults.'}</p>

      {list.length === 0 ? (
        <p className="empty">No presets: sessions show only “Add target”.</p>
      ) : (
        <ol className="preset-list" aria-label="Presets, in the order the buttons show">
          {list.map((p, i) => {
            const title = presetTitle(p);
            const problem = problems.get(i);
            return (
              <li key={keyOf(p)} className={problem ? 'preset-row invalid' : 'preset-row'}>
                <span className="preset-number" aria-hidden="true">
                  {i + 1}
                </span>
                <span className="preset-name">
                  <PresetText preset={p} />
                </span>
                <span className="preset-actions">
                  <button id={`preset-${i}-up`} type="button" className="button subtle" disabled={i === 0} aria-label={`Move up: ${title}`} onClick={() => move(i, -1)}>
                    Move up
                  </button>
                  <button id={`preset-${i}-down`} type="button" className="button subtle" disabled={i === list.length - 1} aria-label={`Move down: ${title}`} onClick={() => move(i, 1)}>
                    Move down
                  </button>
                  <button id={`preset-${i}-remove`} type="button" className="button subtle" aria-label={`Remove: ${title}`} onClick={() => remove(i)}>
                    Remove
                  </button>
                </span>
                {problem ? <span className="preset-problem field-status-invalid">{problem}</span> : null}
              </li>
            );
          })}
        </ol>
      )}

      <fieldset className="preset-add">
        <legend>Add a preset</legend>
        {full ? <p className="muted">The list is full ({MAX_TARGET_PRESETS} presets): remove one to add another.</p> : null}
        <div className="preset-add-fields">
          <ChoiceGroup domId="preset-new-side" label="Side" options={SIDE_OPTIONS} value={side} onChoose={(k) => (setSide(k as Side | null), setAddProblem(null))} />
          <div className="field">
            <label htmlFor="preset-new-target">Nerve and branch</label>
            <select id="preset-new-target" value={where} onChange={(e) => (setWhere(e.target.value), setAddProblem(null))}>
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
          </div>
          <div className="field">
            <label htmlFor="preset-new-label">Label (optional)</label>
            <span className="field-hint">shown on the button above the side and target</span>
            <input id="preset-new-label" value={label} maxLength={MAX_PRESET_LABEL} autoComplete="off" onChange={(e) => (setLabel(e.target.value), setAddProblem(null))} />
          </div>
        </div>
        <div className="add-line">
          <button type="button" className="button" disabled={full} onClick={add}>
            Add preset
          </button>
          <span className="field-status-invalid" role="alert">
            {addProblem}
          </span>
        </div>
      </fieldset>

      <div className="settings-save">
        <div className="actions">
          <button type="button" className="button primary big" onClick={() => void onSave()} disabled={draft === null}>
            Save presets
          </button>
          <button type="button" className="button subtle" onClick={() => change([...DEFAULT_TARGET_PRESETS], 'The default presets are shown. Press “Save presets” to use them.')}>
            Show the defaults
          </button>
          {draft !== null ? (
            <button type="button" className="button subtle" onClick={() => (setDraft(null), setIssues([]), setMessage(null))}>
              Discard changes
            </button>
          ) : null}
        </div>
        <p className="settings-message" role="status" aria-live="polite">
          {message}
        </p>
      </div>
    </section>
  );
}
