import { useEffect, useMemo, useState } from 'react';
import { useTimerKey } from '../../lib/timerKey';
import { EnteredInErrorBanner } from './EnteredInError';
import { useApp } from '../../state/context';
import { useValidation } from '../../lib/useValidation';
import { SignoffPanel } from './SignoffPanel';
import { patientName } from '../../lib/patientName';
import { ErrorPanel } from '../patient/PatientScreen';
import { TargetCard, newTargetSettings } from './TargetCard';
import { FindingsPanel } from './FindingsPanel';
import { SummaryPanel } from './SummaryPanel';
import { ExportPanel } from '../export/ExportPanel';
import { BeforeSection } from './BeforeSection';
import { SafetySection, SignOutSection } from './SafetySection';
import { DevicesSection } from './DevicesSection';
import { OutcomeSection } from './OutcomeSection';
import { ComplicationsSection } from './ComplicationsSection';
import { AftercareSection } from './AftercareSection';
import { Section } from './Section';
import { SectionMenu } from './SectionMenu';
import { FindingsProvider, SessionProvider, fieldDomId, indexFindings } from '../../lib/findings';
import { ageAtSession } from '../../../../shared/domain/derived';
import { formatNhsNumber } from '../../../../shared/domain/nhsNumber';
import { formatDate, formatDateTime } from '../../../../shared/domain/parse';
import type { TargetPreset } from '../../../../shared/domain/targetPresets';
import { PresetButtons, RepeatLastTargets } from './TargetShortcuts';
import { useFocusNextField } from './useFocusNextField';

export function SessionScreen({ id }: { id: string }) {
  const doc = useApp((s) => (s.sessionDoc?.session.id === id ? s.sessionDoc : null));
  const loadError = useApp((s) => s.loadError);
  const addRow = useApp((s) => s.addRow);
  const locked = useApp((s) => Boolean(s.signoff?.enteredInError) || (Boolean(s.signoff?.signedAt) && !s.signoff?.amending));
  const [focusId, setFocusId] = useState<string | null>(null);
  // The timer key drives the running timer, else the target being worked on, else the last one.
  const timer = useApp((s) => s.timer);
  const timerLive = useApp((s) => s.timerLive);
  const timerKey = useApp((s) => s.timerSettings?.settings.keyCode ?? null);
  const heartbeat = useApp((s) => s.timerHeartbeat);
  const [workingOn, setWorkingOn] = useState<string | null>(null);
  const targetIds = doc?.targets.map((t) => t.id) ?? [];
  const armedId = timer?.targetId ?? (workingOn && targetIds.includes(workingOn) ? workingOn : (targetIds.at(-1) ?? null));
  useTimerKey(timerKey, armedId, !locked);
  // While a timer runs, its pulse is saved every few seconds and as the window goes away, so
  // a closed window or a crash loses at most a few seconds of what was timed.
  const running = timer !== null && timerLive;
  useEffect(() => {
    if (!running) return undefined;
    const id = setInterval(() => void heartbeat(), 5_000);
    const onHide = () => void heartbeat();
    window.addEventListener('pagehide', onHide);
    return () => {
      clearInterval(id);
      window.removeEventListener('pagehide', onHide);
    };
  }, [running, heartbeat]);
  // The rules run here as the clinician types (they are pure and shared with the exports).
  const report = useValidation(doc);
  const index = useMemo(() => (doc && report ? indexFindings(report, doc.acknowledgements) : null), [doc, report]);
  const sessionId = doc?.session.id;
  const startedAt = doc?.session.startedAt;
  const sessionCtx = useMemo(() => (sessionId && startedAt ? { sessionId, startedAt } : null), [sessionId, startedAt]);
  const focusNextField = useFocusNextField(doc);

  if (loadError) return <ErrorPanel message={loadError.message} />;
  if (!doc || !report || !index || !sessionCtx) return <main className="screen"><p className="muted">Loading…</p></main>;
  const p = doc.patient;
  const age = ageAtSession(p.dateOfBirth, doc.session.startedAt.slice(0, 10));

  async function onAddTarget() {
    await addRow('target', doc!.session.id, newTargetSettings(doc!), setFocusId);
  }

  // Side, nerve and branch from the preset, the rest as "Add target"; the focus goes past what is filled.
  async function onPreset(p: TargetPreset) {
    const id = await addRow('target', doc!.session.id, { ...newTargetSettings(doc!), side: p.side, nerve: p.nerve, branch: p.branch });
    if (id) focusNextField({ id });
  }

  return (
    <main className="screen session">
      <div className="patient-banner" aria-label="Patient">
        <a href={`#/patient/${p.id}`} className="banner-name">
          {patientName(p.familyName, p.givenName)}
        </a>
        <span>
          Born {p.dateOfBirth ? formatDate(p.dateOfBirth) : 'not recorded'}
          {age !== null ? ` (${age} y)` : ''}
        </span>
        <span>NHS {formatNhsNumber(p.nhsNumber) || 'not recorded'}</span>
        <span className="muted">Session started {formatDateTime(doc.session.startedAt)}</span>
      </div>
      <FindingsProvider index={index}>
        <SessionProvider value={sessionCtx}>
          <div className="session-columns">
            {/* A signed session is read-only until an amendment opens it (the database refuses
                changes too); a disabled fieldset disables every control inside it at once. */}
            <div
              className="session-main"
              onFocus={(e) => {
                const card = (e.target as HTMLElement).closest('[data-target-id]');
                if (card) setWorkingOn(card.getAttribute('data-target-id'));
              }}
            >
              <EnteredInErrorBanner />
              <h1 className="visually-hidden">Cryoneurolysis session</h1>
              <SectionMenu findings={index.all} />
              <fieldset className="session-record" disabled={locked} aria-describedby={locked ? 'signoff-heading' : undefined}>
              <BeforeSection doc={doc} />
              <SafetySection doc={doc} />
              <DevicesSection doc={doc} />
              <Section id="targets" intro="In the order the needles went in: the stop moment, the confirmation and each freeze cycle.">
                {doc.targets.length === 0 ? <p className="empty">No target yet. Press “Add target” before the first needle.</p> : null}
                {doc.targets.length === 0 ? <RepeatLastTargets sessionId={doc.session.id} onRepeated={() => focusNextField({ seq: 1 })} /> : null}
                {doc.targets.map((t) => (
                  <TargetCard key={t.id} doc={doc} target={t} focusId={focusId} onAddedCycle={setFocusId} armed={t.id === armedId} />
                ))}
                <div className="add-line">
                  <button type="button" id={fieldDomId('session', doc.session.id, 'targets')} className="button primary big" onClick={() => void onAddTarget()}>
                    Add target
                  </button>
                  {doc.targets.length > 0 ? (
                    <span className="muted small">A new target starts with the previous one’s device, pattern, position, approach, LA agent and strength, and stimulation settings. Side, nerve, doses and observations start blank.</span>
                  ) : null}
                </div>
                <PresetButtons onPreset={(p) => void onPreset(p)} />
              </Section>
              <OutcomeSection doc={doc} />
              <ComplicationsSection doc={doc} />
              <SignOutSection />
              <AftercareSection doc={doc} />
              </fieldset>
            </div>
            <aside className="side-column" aria-label="Checks and summary">
              <SignoffPanel report={report} />
              <FindingsPanel index={index} sessionId={doc.session.id} patientId={p.id} />
              <ExportPanel />
              <SummaryPanel />
            </aside>
          </div>
        </SessionProvider>
      </FindingsProvider>
    </main>
  );
}
