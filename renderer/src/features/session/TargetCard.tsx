import { useApp } from '../../state/context';
import { ConfirmButton } from '../../components/ConfirmButton';
import { RecordField } from '../../components/RecordField';
import { findNerve, LIMB_REGION_LABELS, MUSCLES, SIDE_LABELS, targetLabel } from '../../../../shared/domain/valueSets';
import { parseDurationS, parseTemperatureC } from '../../../../shared/domain/parse';
import type { Cycle, SessionDocument, TargetWithCycles } from '../../../../shared/domain/model';
import { deviceForTarget, lidocaineMg, lidocaineSummary, limbRegionOf, nerveTypeOf } from '../../../../shared/domain/derived';
import { fieldDomId, rowDomId, useFindings } from '../../lib/findings';
import { mg, NERVE_TYPE_LABELS } from '../../lib/derived';
import { deviceLabel } from './DevicesSection';
import { NerveBranchField } from './NerveBranchField';
import { FreezeTimer } from './FreezeTimer';
import { StopMomentDialog } from './StopMomentDialog';
import { recordWrongSiteComplication } from './wrongSite';
import { useState } from 'react';
import { formatDateTime } from '../../../../shared/domain/parse';
import { NerveHistory } from './NerveHistory';
export { newTargetSettings } from '../../../../shared/domain/carriedTargetFields';

interface Props {
  doc: SessionDocument;
  target: TargetWithCycles;
  /** The row to take the focus once it is on screen (a target or cycle just added). */
  focusId: string | null;
  onAddedCycle(id: string): void;
  /** The timer key drives this target's timer. */
  armed: boolean;
}

const shows = (applies: boolean, value: unknown) => applies || (value !== null && value !== undefined);

/** Settings a new cycle starts with: the previous cycle's site, duration and thaw; a handheld device's fixed cycle. */
export function newCycleSettings(doc: SessionDocument, target: TargetWithCycles): Record<string, unknown> {
  const last = target.cycles[target.cycles.length - 1];
  if (last) {
    const out: Record<string, unknown> = {};
    for (const k of ['siteNo', 'durationS', 'thawType', 'thawS'] as const) if (last[k] !== null) out[k] = last[k];
    return out;
  }
  const device = deviceForTarget(doc, target);
  return { siteNo: 1, ...(device?.plannedFreezeS != null ? { durationS: device.plannedFreezeS } : {}) };
}

export function TargetCard({ doc, target, focusId, onAddedCycle, armed }: Props) {
  const [stopOpen, setStopOpen] = useState(false);
  const saveFields = useApp((s) => s.saveFields);
  const addRow = useApp((s) => s.addRow);
  const deleteRow = useApp((s) => s.deleteRow);
  const findings = useFindings();
  const t = target;
  const headingId = `target-${t.id}-heading`;
  const sfx = `, target ${t.seq}`;
  const f = { entity: 'target' as const, id: t.id, labelSuffix: sfx };

  const region = limbRegionOf(t.nerve);
  const type = nerveTypeOf(t.nerve, t.branch);
  const device = deviceForTarget(doc, t);
  const handheld = device?.systemType === 'handheld-fixed-cycle';
  const consentedSides = [...new Set(doc.consentSites.map((c) => c.side).filter((s): s is 'left' | 'right' => s !== null))];
  const offConsent = t.side !== null && doc.consentSites.length > 0 && !consentedSides.includes(t.side);
  const engineSaysOffConsent = t.side !== null && findings.forField('target', t.id, 'side').some((x) => x.ruleId === 'E04');
  const wrongSitePath = offConsent || engineSaysOffConsent || t.wrongSiteDeclared !== null || t.wrongSiteIncidentRef !== null;
  const lidocaine = lidocaineSummary(doc);
  const hereMg = t.laAgent === 'lidocaine' ? lidocaineMg(t.laVolumeMl, t.laConcPct) : null;
  const stimDetails = [t.stimVia, t.stimThresholdMa, t.stimPulseWidthMs, t.stimFrequencyHz, t.motorResponseSeen, t.muscleResponding, t.paraesthesiaReported];
  const nerveMuscles = findNerve(t.nerve)?.branches.map((b) => b.code) ?? [];
  const muscleChoices = [...MUSCLES].sort((a, b) => Number(!nerveMuscles.includes(a.code)) - Number(!nerveMuscles.includes(b.code))).map((m) => ({ value: m.code, label: m.label }));
  const deviceChoices = doc.devices.map((d) => ({ value: d.id, label: deviceLabel(d) }));

  async function onAddCycle() {
    await addRow('cycle', t.id, newCycleSettings(doc, t), onAddedCycle);
  }

  // Declaring a wrong-site incident records it as a complication too (rule E04 / E12).
  async function onWrongSiteDeclared(declared: unknown) {
    // The focus stays here (the incident reference is next); the complication shows below.
    if (declared === true) await recordWrongSiteComplication(doc, t, t.wrongSiteIncidentRef, { addRow, saveFields });
  }

  async function onIncidentRef(ref: unknown) {
    if (typeof ref !== 'string' || !ref) return;
    for (const c of doc.complications) {
      if (c.type === 'wrong-site' && !c.incidentRef) await saveFields({ entity: 'complication', id: c.id, patch: { incidentRef: ref } });
    }
  }

  return (
    <article className="target-card" id={rowDomId('target', t.id)} data-target-id={t.id} aria-labelledby={headingId} data-testid={`target-${t.seq}`}>
      <header className="target-head">
        <h3 id={headingId}>Target {t.seq}</h3>
        <span className="target-summary">{t.nerve ? `${t.side ? SIDE_LABELS[t.side] : 'Side?'} ${targetLabel(t.nerve, t.branch)}` : null}</span>
        <ConfirmButton label="Remove target" confirmLabel="Press again to remove target" onConfirm={() => void deleteRow('target', t.id)} />
      </header>

      <div className="form-grid">
        <NerveBranchField entity="target" id={t.id} autoFocus={focusId === t.id} />
        <RecordField {...f} field="side" labelSuffix="" />
        <NerveHistory doc={doc} target={t} />
        <div className="field derived">
          <span className="field-label">Region</span>
          <output>{region ? LIMB_REGION_LABELS[region] : '—'}</output>
        </div>
        <div className="field derived">
          <span className="field-label">Nerve type</span>
          <output className={type === 'mixed-trunk' ? 'derived-warning' : undefined}>{type ? NERVE_TYPE_LABELS[type] : '—'}</output>
        </div>
        <RecordField {...f} field="clinicalPattern" />
        {deviceChoices.length > 0 || t.deviceId ? (
          <RecordField {...f} field="deviceId" choices={deviceChoices} wide hint={!t.deviceId && device ? `Not chosen: the session’s only device (${deviceLabel(device)}) is assumed.` : undefined} />
        ) : (
          <p className="muted small field-wide">Device used: add the device under Devices first.</p>
        )}
      </div>

      <div className="target-group">
        <h4>Stop moment (Prep-Stop-Block)</h4>
        <div className="stop-line">
          {t.stopMomentDone === true ? (
            <p className="stop-done">
              ✓ Stop moment {t.stopMomentTime ? `at ${formatDateTime(t.stopMomentTime).slice(-5)}` : ''} by {[t.stopMomentBy1, t.stopMomentBy2].filter(Boolean).join(' and ') || 'nobody named'}
            </p>
          ) : (
            <p className="muted small">Immediately before this needle: two people check the side against the mark and the consent.</p>
          )}
          <button type="button" id={fieldDomId('target', t.id, 'stopMoment')} className={`button${t.stopMomentDone === true ? ' subtle' : ' primary big'}`} onClick={() => setStopOpen(true)}>
            {t.stopMomentDone === true ? 'Repeat stop moment' : 'Stop moment'}
          </button>
        </div>
        {stopOpen ? (
          <StopMomentDialog
            doc={doc}
            target={t}
            onClose={() => setStopOpen(false)}
            onChangeSide={() => {
              setStopOpen(false);
              document.getElementById(fieldDomId('target', t.id, 'side'))?.focus();
            }}
          />
        ) : null}
        <div className="form-grid">
          <RecordField {...f} field="stopMomentDone" />
          <RecordField {...f} field="stopMomentTime" />
          <RecordField {...f} field="stopMomentBy1" list="team-names" />
          <RecordField {...f} field="stopMomentBy2" list="team-names" />
        </div>
        {wrongSitePath ? (
          <div className="wrong-site" role="group" aria-label={`Wrong-site path${sfx}`}>
            <p>
              <strong>{t.side ? SIDE_LABELS[t.side] : 'This side'} is not among the consented sites</strong>
              {consentedSides.length > 0 ? ` (consented: ${consentedSides.map((s) => SIDE_LABELS[s]).join(', ')})` : ''}. If the needle went in on this side, declare a
              wrong-site incident: it is recorded as a complication and needs the incident reference. If the side was chosen by mistake, correct the side instead.
            </p>
            <div className="form-grid">
              <RecordField {...f} field="wrongSiteDeclared" onSaved={(v) => void onWrongSiteDeclared(v)} />
              {shows(t.wrongSiteDeclared === true, t.wrongSiteIncidentRef) ? <RecordField {...f} field="wrongSiteIncidentRef" onSaved={(v) => void onIncidentRef(v)} /> : null}
              {t.wrongSiteDeclared === true && doc.complications.some((c) => c.type === 'wrong-site') ? (
                <p className="field-span-2 small">Recorded as a wrong-site complication under Complications.</p>
              ) : null}
            </div>
          </div>
        ) : null}
      </div>

      <div className="target-group">
        <h4>Needle and skin local anaesthetic</h4>
        <div className="form-grid">
          <RecordField {...f} field="approach" />
          <RecordField {...f} field="patientPosition" />
          <RecordField {...f} field="depthMm" hint="e.g. 25" />
          <RecordField {...f} field="intendedOutcome" />
          <RecordField {...f} field="laAgent" />
          <RecordField {...f} field="laConcPct" hint="0.5, 1 or 2" />
          <RecordField {...f} field="laVolumeMl" hint="e.g. 2" />
          <div className="field derived field-span-2" data-testid={`lidocaine-${t.seq}`}>
            <span className="field-label">Lidocaine (mL × % × 10)</span>
            {lidocaine.totalMg > 0 ? (
              <output>
                {hereMg !== null ? `${mg(hereMg)} at this target · ` : ''}
                session total {mg(lidocaine.totalMg)}
                {lidocaine.mgPerKg !== null ? ` = ${lidocaine.mgPerKg} mg/kg (weight ${lidocaine.weightKg} kg)` : '; mg/kg needs the patient’s weight (patient screen)'}
              </output>
            ) : (
              <output className="muted">None recorded yet in this session.</output>
            )}
          </div>
        </div>
      </div>

      <div className="target-group">
        <h4>Confirmation</h4>
        <div className="form-grid">
          <RecordField {...f} field="usUsed" />
          {shows(t.usUsed === true, t.usNerveVisualised) ? <RecordField {...f} field="usNerveVisualised" /> : null}
          <RecordField {...f} field="stimUsed" />
          {t.stimUsed === true || stimDetails.some((v) => v !== null) ? (
            <>
              <RecordField {...f} field="stimVia" wide />
              <RecordField {...f} field="stimThresholdMa" hint="e.g. 0.42" />
              <RecordField {...f} field="stimPulseWidthMs" hint="e.g. 0.1" />
              <RecordField {...f} field="stimFrequencyHz" hint="e.g. 2" />
              <RecordField {...f} field="motorResponseSeen" />
              <RecordField {...f} field="muscleResponding" choices={muscleChoices} variant="select" />
              <RecordField {...f} field="paraesthesiaReported" />
            </>
          ) : null}
        </div>
      </div>

      <div className="target-group">
        <h4>Freeze cycles</h4>
        <FreezeTimer doc={doc} target={t} armed={armed} onNeedStopMoment={() => setStopOpen(true)} />
        {t.cycles.length === 0 ? <p className="empty">No freeze cycle yet. Start the timer when the first freeze starts, or add a cycle by hand to enter it afterwards.</p> : null}
        {t.cycles.map((c) => (
          <CycleBlock key={c.id} target={t} cycle={c} handheld={handheld} autoFocus={focusId === c.id} onRemove={() => void deleteRow('cycle', c.id)} />
        ))}
        <div className="add-line">
          <button type="button" id={fieldDomId('target', t.id, 'cycles')} className="button" onClick={() => void onAddCycle()}>
            Add freeze cycle
          </button>
          <span className="muted small">
            {t.cycles.length > 0
              ? 'A new cycle starts with the previous one’s site, duration and thaw; temperature, ice ball, pain and outcome start blank.'
              : handheld && device?.plannedFreezeS != null
                ? `The first cycle starts at site 1 with the device’s fixed ${device.plannedFreezeS} s.`
                : null}
          </span>
        </div>
        {shows(t.stimUsed === true, t.postFreezeRestim) ? (
          <div className="form-grid">
            <RecordField {...f} field="postFreezeRestim" wide />
          </div>
        ) : null}
      </div>
    </article>
  );
}

function CycleBlock({ target, cycle: c, handheld, autoFocus, onRemove }: { target: TargetWithCycles; cycle: Cycle; handheld: boolean; autoFocus: boolean; onRemove(): void }) {
  const f = { entity: 'cycle' as const, id: c.id, labelSuffix: `, target ${target.seq} cycle ${c.seq}` };
  // Hints once per target: the first cycle shows what to type, the rest stay compact.
  const hint = (text: string) => (c.seq === 1 ? text : '');
  return (
    <div className="cycle" id={rowDomId('cycle', c.id)} data-testid={`cycle-${target.seq}-${c.seq}`} role="group" aria-label={`Freeze cycle ${c.seq} of target ${target.seq}`}>
      <div className="row-head">
        <span className="row-title">Freeze cycle {c.seq}</span>
        <ConfirmButton label="Remove cycle" confirmLabel={`Press again to remove cycle ${c.seq}`} onConfirm={onRemove} />
      </div>
      <div className="form-grid cycle-grid">
        <RecordField {...f} field="siteNo" size="short" />
        <RecordField {...f} field="startedAt" hint={hint('e.g. 09:16')} />
        <RecordField {...f} field="endedAt" hint={hint('e.g. 09:17')} />
        <RecordField {...f} field="durationS" parse={parseDurationS} hint={hint('seconds, or 1:30')} autoFocus={autoFocus} />
        {handheld && c.tipTempC === null ? (
          <div className="field derived field-span-2">
            <span className="field-label">Lowest probe temperature</span>
            <output className="muted">Not recorded: this handheld device has no temperature readout.</output>
          </div>
        ) : (
          <RecordField {...f} field="tipTempC" parse={parseTemperatureC} hint={hint('e.g. -70')} />
        )}
        <RecordField {...f} field="painNrs" />
        <RecordField {...f} field="iceBallSeen" />
        <RecordField {...f} field="iceBallMm" />
        <RecordField {...f} field="thawType" />
        {c.thawType !== 'none' || c.thawS !== null ? <RecordField {...f} field="thawS" parse={parseDurationS} /> : null}
        <RecordField {...f} field="outcome" />
        {c.outcome === 'aborted' || c.abortReason ? <RecordField {...f} field="abortReason" /> : null}
        {c.outcome === 'aborted' || c.abortNote ? <RecordField {...f} field="abortNote" /> : null}
      </div>
    </div>
  );
}
