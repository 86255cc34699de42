import { useCallback, useEffect, useRef, useState } from 'react';
import { useApp } from '../../state/context';
import type { CyclePrompt } from '../../state/store';
import type { SessionDocument, TargetWithCycles } from '../../../../shared/domain/model';
import { deviceForTarget } from '../../../../shared/domain/derived';
import { parseTemperatureC } from '../../../../shared/domain/parse';
import { ABORT_REASONS, ABORT_REASON_LABELS } from '../../../../shared/domain/valueSets';
import { DEFAULT_TIMER_SETTINGS, currentSiteNo, cycleAtSite, elapsedSince, formatClock, keyLabel, plannedFreezeS, showsTemperature } from '../../../../shared/domain/timer';
import { RecordField } from '../../components/RecordField';
import { beep, registerTimerPress } from '../../lib/timerKey';
import { focusUnlessBusy } from '../../lib/focus';
import { fieldDomId } from '../../lib/findings';

interface Props {
  doc: SessionDocument;
  target: TargetWithCycles;
  /** The timer key drives this target's timer. */
  armed: boolean;
  /** Asks for the stop moment (this target has none yet); the freeze starts only after it. */
  onNeedStopMoment(): void;
}

/** Re-renders every quarter second while `on`, so the count follows the clock. */
function useTick(on: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!on) return undefined;
    const id = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(id);
  }, [on]);
  return now;
}

/**
 * The freeze-cycle timer of one target (issue 4): one key or one large button starts the
 * freeze, stops it, and ends the thaw; the cycle's times are written by the main process in the
 * same transaction as the press. Then it asks what only a person knows: aborted? temperature?
 */
export function FreezeTimer({ doc, target: t, armed, onNeedStopMoment }: Props) {
  const timer = useApp((s) => s.timer);
  const live = useApp((s) => s.timerLive);
  const prompt = useApp((s) => s.cyclePrompt);
  const settings = useApp((s) => s.timerSettings?.settings ?? DEFAULT_TIMER_SETTINGS);
  const timerPress = useApp((s) => s.timerPress);
  const resolveTimer = useApp((s) => s.resolveTimer);
  const [siteNo, setSiteNo] = useState(() => currentSiteNo(t));
  const [message, setMessage] = useState<string | null>(null);
  const lastPress = useRef(0);
  const inFlight = useRef(false);
  const buttonRef = useRef<HTMLButtonElement>(null);

  const mine = timer !== null && timer.targetId === t.id;
  const elsewhere = timer !== null && !mine;
  const running = mine && live;
  const now = useTick(running);
  const elapsed = mine ? elapsedSince(timer.phaseStartedAt, now) : 0;
  const planned = mine ? timer.plannedS : plannedFreezeS(doc, t);
  const reached = running && timer.phase === 'freezing' && planned !== null && elapsed >= planned;
  const device = deviceForTarget(doc, t);
  const stopMomentMissing = t.stopMomentDone !== true;
  const where = mine ? cycleAtSite(t, timer.cycleId) : null;

  // The planned time reached: a sound once per cycle (the screen keeps showing it).
  const beeped = useRef<string | null>(null);
  useEffect(() => {
    if (reached && timer && beeped.current !== timer.cycleId) {
      beeped.current = timer.cycleId;
      beep();
    }
  }, [reached, timer]);

  const press = useCallback(async () => {
    // Pedals bounce and gloved fingers double-press: one press per guard interval, one at a time.
    const at = Date.now();
    if (inFlight.current || at - lastPress.current < settings.pressGuardMs) return;
    if (elsewhere) {
      setMessage(`The timer is running on target ${doc.targets.find((x) => x.id === timer.targetId)?.seq ?? '?'}: finish that cycle first.`);
      return;
    }
    if (mine && !live) {
      setMessage('Say first what happened while CryoLog was closed (above).');
      return;
    }
    if (!mine && stopMomentMissing) {
      onNeedStopMoment();
      return;
    }
    lastPress.current = at;
    inFlight.current = true;
    try {
      const r = await timerPress(t.id, siteNo);
      setMessage(r && !r.ok ? r.error.message : null);
    } finally {
      inFlight.current = false;
    }
  }, [settings.pressGuardMs, elsewhere, mine, live, stopMomentMissing, timerPress, t.id, siteNo, onNeedStopMoment, doc.targets, timer]);

  useEffect(() => registerTimerPress(t.id, () => void press()), [t.id, press]);

  // After the thaw, the temperature is next (or the button again, when there is nothing to ask).
  const promptHere = prompt !== null && prompt.targetId === t.id ? prompt : null;
  const askTemperature = promptHere?.stage === 'details' && showsTemperature(device);

  const focusButton = useCallback(() => focusUnlessBusy(buttonRef.current), []);
  const key = keyLabel(settings.keyCode);
  const label = !mine ? 'Start freeze' : timer.phase === 'freezing' ? 'Stop freeze' : 'Thaw over';
  const lastSite = Math.max(0, ...t.cycles.map((c) => c.siteNo ?? 1));
  const phaseClass = !running ? 'idle' : timer.phase === 'freezing' ? (reached ? 'reached' : 'freezing') : 'thawing';

  return (
    <div className={`freeze-timer ${phaseClass}${armed ? ' armed' : ''}`} role="group" aria-label={`Freeze timer, target ${t.seq}`} data-testid={`timer-${t.seq}`}>
      {mine && !live ? (
        <div className="timer-interrupted" role="alert">
          <p>
            <strong>CryoLog was closed while this timer was running</strong> ({timer.phase === 'freezing' ? 'freezing' : 'thawing'}, site {where?.siteNo ?? '?'}, cycle {where?.n ?? '?'}). The{' '}
            {timer.phase === 'freezing' ? 'freeze' : 'thaw'} started at {clockOf(timer.phaseStartedAt)}; {formatClock(elapsedSince(timer.phaseStartedAt, Date.parse(timer.lastSeenAt)))} was timed before it closed
            (last seen {clockOf(timer.lastSeenAt)}). The start time is saved.
          </p>
          <div className="button-row">
            <button type="button" className="button primary" onClick={() => void resolveTimer('resume')}>
              Carry on timing (still {timer.phase === 'freezing' ? 'freezing' : 'thawing'})
            </button>
            <button type="button" className="button" onClick={() => void resolveTimer('end-at-last-seen')}>
              It ended there: keep {formatClock(elapsedSince(timer.phaseStartedAt, Date.parse(timer.lastSeenAt)))}
            </button>
            <button type="button" className="button subtle" onClick={() => void resolveTimer('discard')}>
              I will enter the times myself
            </button>
          </div>
        </div>
      ) : null}

      <div className="timer-main">
        <button
          ref={buttonRef}
          type="button"
          id={fieldDomId('target', t.id, 'timer')}
          className={`button timer-button ${mine ? 'stop' : 'primary'}`}
          onClick={() => void press()}
          aria-keyshortcuts={settings.keyCode}
          disabled={elsewhere}
        >
          {label}
          <span className="key-hint">{armed ? `key ${key}` : `click, or ${key} when this target is selected`}</span>
        </button>
        <div className="timer-display" aria-live="polite">
          {running ? (
            <>
              <span className="timer-phase">{timer.phase === 'freezing' ? 'Freezing' : 'Thawing'}</span>
              <span className="timer-clock" data-testid={`timer-clock-${t.seq}`}>
                {formatClock(elapsed)}
              </span>
              {timer.phase === 'freezing' ? (
                <span className="timer-planned">{planned !== null ? `of ${formatClock(planned)} planned` : 'no planned time (set it on the device)'}</span>
              ) : (
                <span className="timer-planned">press when the probe is free</span>
              )}
              {timer.phase === 'freezing' && planned !== null ? (
                <progress className="timer-progress" max={planned} value={Math.min(elapsed, planned)} aria-label="Part of the planned freeze done" />
              ) : null}
            </>
          ) : elsewhere ? (
            <span className="muted">The timer is running on target {doc.targets.find((x) => x.id === timer.targetId)?.seq}.</span>
          ) : (
            <span className="timer-planned">
              {planned !== null ? `Planned freeze ${formatClock(planned)}` : 'No planned freeze time: set it for the device under Devices.'}
              {stopMomentMissing ? ' · stop moment first' : ''}
            </span>
          )}
        </div>
        <div className="timer-site" role="group" aria-label={`Lesion site for the next cycle, target ${t.seq}`}>
          <span className="field-label">Site</span>
          <output className="site-no" aria-label="Lesion site">{mine && where ? where.siteNo : siteNo}</output>
          <button type="button" className="button subtle" disabled={mine} onClick={() => setSiteNo(Math.max(lastSite, siteNo) + 1)}>
            New site
          </button>
        </div>
      </div>
      {reached ? (
        <p className="timer-reached" role="alert">
          Planned {formatClock(planned!)} reached: stop the freeze ({key}).
        </p>
      ) : null}
      {message ? (
        <p className="timer-message" role="alert">
          {message}
        </p>
      ) : null}

      {promptHere ? <CycleDetails target={t} prompt={promptHere} askTemperature={askTemperature} onDone={focusButton} /> : null}
    </div>
  );
}

function clockOf(iso: string): string {
  return iso.slice(11, 19);
}

/** What the timer cannot know: whether an early stop was an abort (and why), and the lowest temperature. */
function CycleDetails({
  target: t,
  prompt,
  askTemperature,
  onDone,
}: {
  target: TargetWithCycles;
  prompt: CyclePrompt;
  askTemperature: boolean;
  onDone(): void;
}) {
  const saveFields = useApp((s) => s.saveFields);
  const close = useApp((s) => s.closeCyclePrompt);
  const cycle = t.cycles.find((c) => c.id === prompt.cycleId);
  const where = cycleAtSite(t, prompt.cycleId);
  const answeredEarly = cycle?.outcome != null;
  // Once everything is answered after the thaw, the prompt steps aside and the button has the focus again.
  const answered = cycle !== undefined && (!prompt.early || answeredEarly) && (!askTemperature || cycle.tipTempC !== null) && cycle.iceBallSeen !== null;
  const finished = prompt.stage === 'details' && answered;
  useEffect(() => {
    if (finished) {
      close();
      onDone();
    }
  }, [finished, close, onDone]);
  if (!cycle || finished) return null;
  const f = { entity: 'cycle' as const, id: cycle.id, labelSuffix: `, target ${t.seq} cycle ${cycle.seq}`, domIdSuffix: 'prompt' };
  const showEarly = prompt.early;

  async function setOutcome(outcome: 'completed' | 'aborted', abortReason?: (typeof ABORT_REASONS)[number]) {
    await saveFields({ entity: 'cycle', id: cycle!.id, patch: outcome === 'aborted' ? { outcome, abortReason: abortReason ?? null } : { outcome, abortReason: null } });
  }

  return (
    <div className="cycle-prompt" role="group" aria-label={`Details of site ${where?.siteNo} cycle ${where?.n}, target ${t.seq}`} data-testid={`cycle-prompt-${t.seq}`}>
      <p className="cycle-prompt-title">
        Site {where?.siteNo}, cycle {where?.n}: frozen {formatClock(cycle.durationS ?? 0)}
        {prompt.plannedS !== null ? ` of ${formatClock(prompt.plannedS)} planned` : ''}
        {prompt.stage === 'thawing' ? ' · thaw being timed' : cycle.thawS !== null ? ` · thaw ${formatClock(cycle.thawS)}` : ''}
      </p>
      {showEarly ? (
        <div className="early-stop" role="group" aria-label="Stopped early: was the cycle aborted?">
          <p>
            <strong>Stopped before the planned time.</strong> Was the cycle aborted?
          </p>
          <div className="button-row">
            <button type="button" className={`button${cycle.outcome === 'completed' ? ' selected' : ''}`} aria-pressed={cycle.outcome === 'completed'} onClick={() => void setOutcome('completed')}>
              No, completed as intended
            </button>
            {ABORT_REASONS.map((r) => (
              <button
                key={r}
                type="button"
                className={`button${cycle.outcome === 'aborted' && cycle.abortReason === r ? ' selected' : ''}`}
                aria-pressed={cycle.outcome === 'aborted' && cycle.abortReason === r}
                onClick={() => void setOutcome('aborted', r)}
              >
                Aborted: {ABORT_REASON_LABELS[r].toLowerCase()}
              </button>
            ))}
          </div>
          {cycle.outcome === 'aborted' && cycle.abortReason === 'other' ? <RecordField {...f} field="abortNote" wide autoFocus /> : null}
          {!answeredEarly ? <p className="muted small">Until answered, the cycle has no outcome (a check before sign-off asks for it).</p> : null}
        </div>
      ) : null}
      {prompt.stage === 'details' ? (
        <div className="form-grid">
          {askTemperature ? <RecordField {...f} field="tipTempC" parse={parseTemperatureC} hint="as the console showed it, e.g. -72" autoFocus={!showEarly || answeredEarly} /> : null}
          <RecordField {...f} field="painNrs" autoFocus={!askTemperature && (!showEarly || answeredEarly)} />
          <RecordField {...f} field="iceBallSeen" />
        </div>
      ) : null}
      {prompt.stage === 'details' ? (
        <button
          type="button"
          className="button subtle"
          onClick={() => {
            close();
            onDone();
          }}
        >
          Done with this cycle
        </button>
      ) : null}
    </div>
  );
}
