import { useState } from 'react';
import { useApp } from '../../state/context';
import { DEFAULT_RULE_CONFIG, type RuleConfig } from '../../../../shared/domain/rules';
import { formatDateTime } from '../../../../shared/domain/parse';
import type { ErrorIssue } from '../../../../shared/ipc/result';
import { TimerSettingsPanel } from './TimerSettingsPanel';
import { TargetPresetsSection } from './TargetPresetsSection';
import { ExportSettingsPanel, ServiceInfoPanel } from './ExportSettingsPanel';
import { AuditTrailPanel } from './AuditTrailPanel';
import { BackupPanel } from './BackupPanel';
import { AccountsPanel } from '../auth/AccountsPanel';
import { MyAccountPanel } from '../auth/MyAccountPanel';

// The rules' thresholds, for the service's clinical lead. Unlike the clinical record (which
// saves itself field by field), a change here is a deliberate governance decision: it is
// edited as a whole, saved with the name of whoever made it, and audited.

const GROUP_LABELS: Record<string, string> = {
  freezeDurationS: 'Freeze duration (s)',
  thawS: 'Thaw (s)',
  cyclesPerSite: 'Cycles at one site',
  sitesPerTarget: 'Sites per target',
  tipTempC: 'Lowest probe temperature (°C)',
  stimThresholdMa: 'Stimulation threshold (mA)',
  stimPulseWidthMs: 'Pulse width (ms)',
  stimFrequencyHz: 'Stimulation frequency (Hz)',
  inr: 'INR',
  lidocaine: 'Skin lidocaine',
  probeGauge: 'Probe gauge (G)',
  probeLengthMm: 'Probe length (mm)',
  weightKg: 'Weight (kg)',
  ageYears: 'Age (years)',
};

const SCALAR_LABELS: Record<string, string> = {
  tardieuAllowX5: 'Tardieu X may be 5 ("joint immobile")',
  angleLimitDeg: 'Joint angles beyond ± (°) are errors',
  tardieuR1R2ToleranceDeg: 'Tardieu R1 beyond R2 by more than (°)',
  stopToNeedleMaxMin: 'Stop moment to needle, at most (min)',
  lateEntryHours: 'Late entry after (h)',
  exportDueHours: 'Signed but not exported after (h)',
  iceBallWarnAboveMm: 'Ice ball larger than (mm)',
  freezePainWarnAtOrAbove: 'Pain during freeze at or above (0–10)',
  targetDepthWarnAboveMm: 'Target deeper than (mm)',
  blockVolumeWarnAboveMl: 'Diagnostic block volume above (mL)',
};

/** "warnWithReasonWarmerThan" → "Warn with reason warmer than". */
function words(key: string): string {
  const spaced = key.replace(/([A-Z])/g, ' $1').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

type Draft = Record<string, unknown>;

function readNumber(text: string): number | null {
  const t = text.trim().replace(',', '.').replace(/[\u2212\u2013]/g, '-');
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t) ? Number(t) : null;
}

/** Everyone changes their own PIN here; the service's settings are for administrators only. */
export function SettingsScreen() {
  const isAdmin = useApp((s) => s.auth?.user?.role === 'admin');
  if (isAdmin) return <ServiceSettings />;
  return (
    <main className="screen settings">
      <MyAccountPanel />
      <section className="panel" aria-labelledby="service-settings-heading">
        <h1 id="service-settings-heading">Service settings</h1>
        <p>
          Accounts, rule thresholds, target presets, the timer key, exports, backups and the audit-trail check are changed by an administrator. Ask an
          administrator of your service if something here needs to change.
        </p>
      </section>
    </main>
  );
}

function ServiceSettings() {
  const state = useApp((s) => s.ruleConfig);
  const saveRuleConfig = useApp((s) => s.saveRuleConfig);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [issues, setIssues] = useState<ErrorIssue[]>([]);
  const [message, setMessage] = useState<string | null>(null);

  if (!state) return <main className="screen"><p className="muted">Loading…</p></main>;
  const current = (draft ?? state.config) as Draft;
  const pathKey = (path: string[]) => path.join('.');
  const problemAt = (path: string[]) => issues.find((i) => i.path === `config.${pathKey(path)}` || i.path.startsWith(`config.${pathKey(path)}.`))?.message;

  function setValue(path: string[], text: string, parse: (t: string) => unknown) {
    setTexts((t) => ({ ...t, [pathKey(path)]: text }));
    const next = structuredClone(current) as Draft;
    let node = next as Record<string, unknown>;
    for (const k of path.slice(0, -1)) node = node[k] as Record<string, unknown>;
    node[path.at(-1)!] = parse(text);
    setDraft(next);
    setMessage(null);
  }

  function numberInput(path: string[], value: number, label: string) {
    const key = pathKey(path);
    const text = texts[key] ?? String(value);
    const problem = problemAt(path) ?? (readNumber(text) === null ? 'Type a number.' : null);
    return (
      <div className="field field-short" key={key}>
        <label htmlFor={`rule-${key}`}>{label}</label>
        <input id={`rule-${key}`} value={text} inputMode="decimal" aria-invalid={Boolean(problem)} onChange={(e) => setValue(path, e.target.value, (t) => readNumber(t) ?? NaN)} />
        <span className="field-status field-status-invalid" role={problem ? 'alert' : undefined}>
          {problem}
        </span>
      </div>
    );
  }

  async function onSave() {
    const r = await saveRuleConfig(current as unknown as RuleConfig);
    if (r.ok) {
      setDraft(null);
      setTexts({});
      setIssues([]);
      setMessage('Saved. The checks use the new thresholds from now on.');
    } else {
      setIssues(r.error.issues ?? []);
      setMessage(r.error.message);
    }
  }

  const dirty = draft !== null;
  return (
    <main className="screen settings">
      <MyAccountPanel />
      <AccountsPanel />
      <TargetPresetsSection />
      <section className="panel" aria-labelledby="settings-heading">
        <h1 id="settings-heading">Rule thresholds</h1>
        <p>
          The limits the checks use. They start at the values of the service&apos;s clinical notes and need the clinical lead&apos;s sign-off before they change. Hard
          errors block signing and export; warnings need acknowledging.
        </p>
        <p className="muted">
          {state.updatedBy ? `Last changed by ${state.updatedBy}, ${formatDateTime(state.updatedAt)}.` : 'Never changed: these are the defaults.'}
        </p>
        <div className="settings-groups">
          {Object.entries(current)
            .filter(([, value]) => typeof value === 'object')
            .map(([group, value]) => (
              <fieldset className="settings-group" key={group}>
                <legend>{GROUP_LABELS[group] ?? words(group)}</legend>
                <div className="settings-fields">
                  {Object.entries(value as Record<string, unknown>).map(([key, v]) =>
                    Array.isArray(v) ? (
                      <div className="field field-medium" key={key}>
                        <label htmlFor={`rule-${group}.${key}`}>{words(key)}</label>
                        <span className="field-hint">separate with spaces, e.g. 0.5 1 2</span>
                        <input
                          id={`rule-${group}.${key}`}
                          value={texts[`${group}.${key}`] ?? v.join(' ')}
                          onChange={(e) => setValue([group, key], e.target.value, (t) => t.split(/[\s;]+/).filter(Boolean).map((x) => readNumber(x) ?? NaN))}
                        />
                        <span className="field-status field-status-invalid">{problemAt([group, key])}</span>
                      </div>
                    ) : (
                      numberInput([group, key], v as number, words(key))
                    ),
                  )}
                </div>
              </fieldset>
            ))}
          <fieldset className="settings-group settings-other" key="other">
            <legend>Other limits</legend>
            <div className="settings-fields">
              {Object.entries(current)
                .filter(([, value]) => typeof value !== 'object')
                .map(([key, value]) =>
                  typeof value === 'boolean' ? (
                    <div className="field" key={key}>
                      <span className="field-label" id={`rule-${key}-label`}>
                        {SCALAR_LABELS[key] ?? words(key)}
                      </span>
                      <div className="toggle-group" role="radiogroup" aria-labelledby={`rule-${key}-label`}>
                        {[true, false].map((v) => (
                          <button key={String(v)} type="button" role="radio" aria-checked={value === v} className={value === v ? 'toggle on' : 'toggle'} onClick={() => setValue([key], String(v), () => v)}>
                            {v ? 'Yes' : 'No'}
                          </button>
                        ))}
                      </div>
                    </div>
                  ) : (
                    numberInput([key], value as number, SCALAR_LABELS[key] ?? words(key))
                  ),
                )}
            </div>
          </fieldset>
        </div>
        <div className="settings-save">
          <div className="actions">
            <button type="button" className="button primary big" onClick={() => void onSave()} disabled={!dirty}>
              Save thresholds
            </button>
            <button
              type="button"
              className="button subtle"
              onClick={() => {
                setDraft(structuredClone(DEFAULT_RULE_CONFIG) as unknown as Draft);
                setTexts({});
                setIssues([]);
                setMessage('The defaults are shown. Press "Save thresholds" to use them.');
              }}
            >
              Show the defaults
            </button>
            {dirty ? (
              <button type="button" className="button subtle" onClick={() => (setDraft(null), setTexts({}), setIssues([]), setMessage(null))}>
                Discard changes
              </button>
            ) : null}
          </div>
          <p className="settings-message" role="status" aria-live="polite">
            {message}
          </p>
        </div>
      </section>
      <TimerSettingsPanel />
      <ServiceInfoPanel />
      <ExportSettingsPanel />
      <BackupPanel />
      <AuditTrailPanel />
    </main>
  );
}
