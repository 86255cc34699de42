import { useState } from 'react';
import { useApp } from '../../state/context';
import { SettingsSaveRow } from './SettingsSaveRow';
import { DEFAULT_TIMER_SETTINGS, keyLabel, keyTypes, type TimerSettings } from '../../../../shared/domain/timer';

/**
 * The key that drives the freeze timer: a USB foot pedal sends a key press, so the service
 * sets it by pressing the pedal here. Saved with the name of whoever changed it, and audited.
 */
export function TimerSettingsPanel() {
  const state = useApp((s) => s.timerSettings);
  const save = useApp((s) => s.saveTimerSettings);
  const [draft, setDraft] = useState<TimerSettings | null>(null);
  const [listening, setListening] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const current = draft ?? state?.settings ?? DEFAULT_TIMER_SETTINGS;

  async function onSave() {
    if (!Number.isFinite(current.pressGuardMs) || !Number.isFinite(current.earlyStopToleranceS)) {
      setMessage('Type whole numbers: the guard in milliseconds (e.g. 800), the tolerance in seconds (e.g. 3).');
      return;
    }
    const r = await save(current);
    setMessage(r.ok ? 'Saved.' : r.error.message);
    if (r.ok) setDraft(null);
  }

  const int = (value: string) => (/^\d{1,5}$/.test(value.trim()) ? Number(value.trim()) : NaN);

  return (
    <section className="panel" aria-labelledby="timer-settings-heading">
      <h2 id="timer-settings-heading">Freeze timer key</h2>
      <p className="muted">
        One key starts and stops the freeze timer, so that a USB foot pedal (which sends a key press) can drive it hands-free. A key that types nothing (F1–F12, Pause) is
        best; a letter key only works while no text field has the focus.
      </p>
      <div className="button-row">
        <span className="field-label">Timer key</span>
        <output className="site-no" data-testid="timer-key">{keyLabel(current.keyCode)}</output>
        <button
          type="button"
          className="button"
          aria-pressed={listening}
          onClick={() => {
            setListening(true);
            setMessage(null);
          }}
          onKeyDown={(e) => {
            if (!listening || ['Tab', 'Escape'].includes(e.key)) {
              if (e.key === 'Escape') setListening(false);
              return;
            }
            e.preventDefault();
            setDraft({ ...current, keyCode: e.code });
            setListening(false);
            setMessage(keyTypes(e.code) ? `${keyLabel(e.code)} types a character: it will be ignored while a text field has the focus.` : null);
          }}
          onBlur={() => setListening(false)}
        >
          {listening ? 'Press the key or the pedal now… (Esc: cancel)' : 'Change: press the new key'}
        </button>
      </div>
      <div className="form-grid">
        <div className="field field-short">
          <label htmlFor="timer-guard">Ignore a second press within (ms)</label>
          <input id="timer-guard" inputMode="numeric" defaultValue={current.pressGuardMs} key={`g${current.pressGuardMs}`} onChange={(e) => setDraft({ ...current, pressGuardMs: int(e.target.value) })} />
        </div>
        <div className="field field-short">
          <label htmlFor="timer-tolerance">Ask “aborted?” if stopped early by more than (s)</label>
          <input id="timer-tolerance" inputMode="numeric" defaultValue={current.earlyStopToleranceS} key={`t${current.earlyStopToleranceS}`} onChange={(e) => setDraft({ ...current, earlyStopToleranceS: int(e.target.value) })} />
        </div>
      </div>
      <SettingsSaveRow label="Save timer settings" onSave={() => void onSave()} changed={draft !== null} updatedBy={state?.updatedBy} updatedAt={state?.updatedAt} neverChanged="Defaults (never changed)." message={message} />
    </section>
  );
}
