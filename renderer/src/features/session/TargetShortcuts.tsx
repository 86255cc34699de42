import { useEffect, useState } from 'react';
import { useApp } from '../../state/context';
import { presetTarget, type TargetPreset } from '../../../../shared/domain/targetPresets';
import { targetLabel } from '../../../../shared/domain/valueSets';
import { formatDate } from '../../../../shared/domain/parse';
import type { LastTargets } from '../../../../shared/ipc/targetsContract';

// Speed at entry: one press adds a common target (a service preset), or repeats the targets
// of the patient's last session. Both sit in the Targets section, inside the record's
// fieldset, so a signed session disables them with everything else.

/** The service's presets as large buttons; pressing one adds a target there. */
export function PresetButtons({ onPreset }: { onPreset(p: TargetPreset): void }) {
  const state = useApp((s) => s.targetPresets);
  const load = useApp((s) => s.loadTargetPresets);
  useEffect(() => {
    void load();
  }, [load]);
  if (!state || state.presets.length === 0) return null;
  return (
    <div className="preset-line" role="group" aria-labelledby="preset-buttons-label">
      <span id="preset-buttons-label" className="field-label">
        Add a common target
      </span>
      <div className="preset-buttons">
        {state.presets.map((p) => (
          <button key={`${p.side}|${p.nerve}|${p.branch}`} type="button" className="button preset-button" onClick={() => onPreset(p)}>
            <PresetText preset={p} />
          </button>
        ))}
      </div>
    </div>
  );
}

/** The side letter stands out (the one thing that differs between two buttons); a label shows the target under it. */
export function PresetText({ preset: p }: { preset: TargetPreset }) {
  const [side, ...rest] = presetTarget(p).split(' ');
  const where = (
    <span className="preset-where">
      <span className="preset-side">{side}</span> {rest.join(' ')}
    </span>
  );
  return p.label ? (
    <span className="preset-text">
      <span className="preset-label">{p.label}</span>
      {where}
    </span>
  ) : (
    where
  );
}

function describe(t: NonNullable<LastTargets>['targets'][number]): string {
  if (t.nerve === null) return `Target ${t.seq}: nerve not recorded`;
  return t.side ? presetTarget({ side: t.side, nerve: t.nerve, branch: t.branch ?? '' }) : `Side not recorded, ${targetLabel(t.nerve, t.branch)}`;
}

/** For a returning patient, while this session has no target: copy the last session's targets in one press. */
export function RepeatLastTargets({ sessionId, onRepeated }: { sessionId: string; onRepeated(): void }) {
  const findLastTargets = useApp((s) => s.findLastTargets);
  const repeat = useApp((s) => s.repeatLastTargets);
  const [last, setLast] = useState<LastTargets>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let current = true;
    void findLastTargets(sessionId).then((found) => current && setLast(found));
    return () => {
      current = false;
    };
  }, [findLastTargets, sessionId]);
  if (!last || last.targets.length === 0) return null;
  const n = last.targets.length;

  async function onRepeat() {
    setBusy(true);
    const r = await repeat();
    setBusy(false);
    if (r.ok) onRepeated();
    else setProblem(r.error.message);
  }

  return (
    <div className="repeat-last">
      <button type="button" className="button primary big" aria-describedby="repeat-last-list repeat-last-note" disabled={busy} onClick={() => void onRepeat()}>
        {n === 1 ? `Repeat the target of ${formatDate(last.startedAt)}` : `Repeat the ${n} targets of ${formatDate(last.startedAt)}`}
      </button>
      <ol id="repeat-last-list" className="repeat-list" aria-label={`Targets of ${formatDate(last.startedAt)}`}>
        {last.targets.map((t) => (
          <li key={t.seq}>{describe(t)}</li>
        ))}
      </ol>
      <p id="repeat-last-note" className="muted small">
        Copies side, nerve and branch, pattern, position, approach, LA agent and strength, and stimulation settings. Not the device, doses or anything observed.
      </p>
      {problem ? (
        <p className="field-status-failed" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
