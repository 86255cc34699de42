import { useEffect, useRef, useState } from 'react';
import { useApp } from '../../state/context';
import type { SessionDocument, TargetWithCycles } from '../../../../shared/domain/model';
import { consentCovers } from '../../../../shared/domain/derived';
import { recordWrongSiteComplication } from './wrongSite';
import { consentedSiteText } from '../../../../shared/domain/rules/targets';
import { toLocalIsoWithOffset } from '../../../../shared/domain/parse';
import { SIDE_LABELS, SITE_MARKED_LABELS, TEAM_ROLE_LABELS, findBranch, findNerve } from '../../../../shared/domain/valueSets';

interface Props {
  doc: SessionDocument;
  target: TargetWithCycles;
  onClose(): void;
  /** The clinician chose to correct the side: the dialog closes and the side field takes the focus. */
  onChangeSide(): void;
}

function nowLocal(): string {
  const d = new Date();
  return toLocalIsoWithOffset(d, -d.getTimezoneOffset());
}

/**
 * Prep-Stop-Block (domain.md §2.4): immediately before the needle, two people check side,
 * nerve and branch against the consent and the mark. A side that was not consented cannot
 * pass unless it is declared a wrong-site incident with its reference (rule E04), which is
 * recorded as a complication as well.
 */
export function StopMomentDialog({ doc, target: t, onClose, onChangeSide }: Props) {
  const saveFields = useApp((s) => s.saveFields);
  const addRow = useApp((s) => s.addRow);
  const ref = useRef<HTMLDialogElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const names = doc.team.filter((m) => m.name?.trim());
  const byRole = (role: string) => names.find((m) => m.role === role)?.name ?? '';
  // The usual pair is the operator and the assistant: offered, visible, and changeable.
  const [by1, setBy1] = useState(t.stopMomentBy1 ?? byRole('operator'));
  const [by2, setBy2] = useState(t.stopMomentBy2 ?? (byRole('assistant') || names.find((m) => m.name !== byRole('operator'))?.name || ''));
  const [declare, setDeclare] = useState(false);
  const [incidentRef, setIncidentRef] = useState(t.wrongSiteIncidentRef ?? '');
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    // showModal focuses the first field; the confirm button is what Enter should press.
    confirmRef.current?.focus();
  }, []);

  const nerve = findNerve(t.nerve);
  const branch = findBranch(t.nerve, t.branch);
  const missing = [t.side ? null : 'the side', t.nerve ? null : 'the nerve'].filter(Boolean);
  const consented = t.side !== null && doc.consentSites.length > 0 && consentCovers(doc, t);
  const offConsent = t.side !== null && doc.consentSites.length > 0 && !consented;
  const two = by1.trim() !== '' && by2.trim() !== '' && by1.trim() !== by2.trim();
  const canConfirm = missing.length === 0 && two && (!offConsent || (declare && incidentRef.trim() !== ''));

  async function confirm() {
    if (!canConfirm) {
      setMessage(
        missing.length > 0
          ? `Choose ${missing.join(' and ')} first.`
          : !two
            ? 'Two different people confirm the stop moment: choose both.'
            : 'This side is not consented: correct the side, or declare a wrong-site incident with its reference.',
      );
      return;
    }
    const patch: Record<string, unknown> = { stopMomentDone: true, stopMomentTime: nowLocal(), stopMomentBy1: by1.trim(), stopMomentBy2: by2.trim() };
    if (offConsent) Object.assign(patch, { wrongSiteDeclared: true, wrongSiteIncidentRef: incidentRef.trim() });
    const r = await saveFields({ entity: 'target', id: t.id, patch } as Parameters<typeof saveFields>[0]);
    if (!r.ok) {
      setMessage(r.error.message);
      return;
    }
    if (offConsent) await recordWrongSiteComplication(doc, t, incidentRef.trim(), { addRow, saveFields });
    close();
  }

  function close() {
    ref.current?.close();
    onClose();
  }

  const people = (value: string, set: (v: string) => void, label: string, id: string) => (
    <div className="field field-span-2">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        list="stop-team-names"
        value={value}
        onChange={(e) => {
          set(e.target.value);
          setMessage(null);
        }}
        autoComplete="off"
      />
    </div>
  );

  return (
    <dialog ref={ref} className="stop-moment" aria-labelledby="stop-title" onCancel={(e) => { e.preventDefault(); close(); }}>
      <h2 id="stop-title">Stop before you block: target {t.seq}</h2>
      <p className={`stop-site ${offConsent ? 'off' : ''}`} data-testid="stop-site">
        <span className="stop-side">{t.side ? SIDE_LABELS[t.side].toUpperCase() : 'SIDE NOT CHOSEN'}</span>{' '}
        {nerve ? nerve.label : 'nerve not chosen'}
        {branch ? ` → ${branch.label}` : ''}
      </p>
      <div className="stop-consent">
        <strong>Consented sites</strong>
        {doc.consentSites.length > 0 ? (
          <ul>
            {doc.consentSites.map((c) => (
              <li key={c.id}>{consentedSiteText(c)}</li>
            ))}
          </ul>
        ) : (
          <p>None recorded (Before the procedure → Consent).</p>
        )}
        <p>Site mark: {doc.session.siteMarked ? SITE_MARKED_LABELS[doc.session.siteMarked] : 'not recorded'}</p>
      </div>
      {consented ? <p className="stop-ok">✓ Matches the consent.</p> : null}
      {offConsent ? (
        <div className="wrong-site" role="alert">
          <p>
            <strong>{SIDE_LABELS[t.side!]} is not among the consented sites.</strong> Stop. If the side was chosen by mistake, correct it. If the needle already went in on
            this side, declare a wrong-site incident (a Never Event): it is recorded as a complication with the incident reference.
          </p>
          <div className="button-row">
            <button
              type="button"
              className="button primary"
              onClick={() => {
                ref.current?.close();
                onChangeSide();
              }}
            >
              Correct the side
            </button>
            <label className="check-line">
              <input
                type="checkbox"
                checked={declare}
                onChange={(e) => {
                  setDeclare(e.target.checked);
                  setMessage(null);
                }}
              /> Declare a wrong-site incident
            </label>
          </div>
          {declare ? (
            <div className="field field-medium">
              <label htmlFor="stop-incident">Incident reference</label>
              <input
                id="stop-incident"
                value={incidentRef}
                onChange={(e) => {
                  setIncidentRef(e.target.value);
                  setMessage(null);
                }}
                autoComplete="off"
                maxLength={60}
              />
            </div>
          ) : null}
        </div>
      ) : null}
      <datalist id="stop-team-names">
        {names.map((m) => (
          <option key={m.id} value={m.name ?? ''}>
            {m.role ? TEAM_ROLE_LABELS[m.role] : ''}
          </option>
        ))}
      </datalist>
      <div className="form-grid">
        {people(by1, setBy1, 'Confirmed by', 'stop-by1')}
        {people(by2, setBy2, '…and by', 'stop-by2')}
      </div>
      <p className="muted small">The time is recorded when you confirm.</p>
      <p className="signoff-message" role="alert">
        {message}
      </p>
      <div className="button-row">
        <button ref={confirmRef} type="button" className="button primary big" onClick={() => void confirm()}>
          {offConsent ? 'Record stop moment and wrong-site incident' : 'Confirm stop moment'}
        </button>
        <button type="button" className="button subtle" onClick={close}>
          Not now
        </button>
      </div>
    </dialog>
  );
}
