import { useMemo } from 'react';
import { useApp } from '../../state/context';
import { navigate } from '../../lib/navigate';
import { patientName } from '../../lib/patientName';
import { RecordField } from '../../components/RecordField';
import { Rows, useFocusRow } from '../../components/Rows';
import { FindingsProvider, fieldDomId, indexFindings } from '../../lib/findings';
import { formatNhsNumber, normaliseNhsNumber } from '../../../../shared/domain/nhsNumber';
import { formatDate, type Parsed } from '../../../../shared/domain/parse';
import type { PatientRecord, SessionDocument } from '../../../../shared/domain/model';
import { blankFields } from '../../../../shared/domain/blank';
import { DEFAULT_RULE_CONFIG, validateSession, type RuleConfig } from '../../../../shared/domain/rules';
import { localNowIso } from '../../lib/useValidation';
import { ageAtSession } from '../../../../shared/domain/derived';
import { PatientSessions } from './PatientSessions';

const parseName = (text: string): Parsed<string> =>
  text.trim().length > 100 ? { ok: false, message: 'Names are at most 100 characters.' } : { ok: true, value: text.trim() };

function parseNhs(text: string): Parsed<string> {
  const digits = normaliseNhsNumber(text);
  if (/\D/.test(digits)) return { ok: false, message: 'An NHS number has digits only, for example 999 007 9196.' };
  if (digits.length > 10) return { ok: false, message: `An NHS number has 10 digits; this has ${digits.length}.` };
  return { ok: true, value: digits };
}

/**
 * The rules about the patient (NHS number, date of birth, weight, contraindications…) as they
 * stand today: the patient is checked inside an empty session dated now, and only findings
 * about the patient and the allergies are kept.
 */
function patientFindings(patient: PatientRecord, config: RuleConfig) {
  const today = localNowIso();
  const doc: SessionDocument = {
    format: 'cryolog.session',
    formatVersion: 1,
    session: { id: patient.id, patientId: patient.id, ...blankFields('session'), status: 'draft', startedAt: today, createdAt: today, updatedAt: today },
    patient,
    team: [],
    consentSites: [],
    goals: [],
    diagnosticBlocks: [],
    devices: [],
    targets: [],
    outcomes: [],
    complications: [],
    followUps: [],
    acknowledgements: [],
  };
  const report = validateSession(doc, config, { now: today });
  const keep = (f: { entity: string }) => f.entity === 'patient' || f.entity === 'allergy';
  return indexFindings({ errors: report.errors.filter(keep), warnings: report.warnings.filter(keep) }, []);
}

export function PatientScreen({ id }: { id: string }) {
  const view = useApp((s) => (s.patientView?.patient.id === id ? s.patientView : null));
  const loadError = useApp((s) => s.loadError);
  const startSession = useApp((s) => s.startSession);
  const isNew = view !== null && !view.patient.familyName && !view.patient.givenName;
  const patient = view?.patient ?? null;
  const config = useApp((s) => s.ruleConfig?.config ?? DEFAULT_RULE_CONFIG);
  const findings = useMemo(() => (patient ? patientFindings(patient, config) : null), [patient, config]);
  const addRow = useApp((s) => s.addRow);
  const focusAllergy = useFocusRow('allergy');

  if (loadError) return <ErrorPanel message={loadError.message} />;
  if (!view || !findings) return <main className="screen"><p className="muted">Loading…</p></main>;
  const p = view.patient;
  const f = { entity: 'patient' as const, id: p.id };
  const today = new Date().toISOString().slice(0, 10);
  const age = ageAtSession(p.dateOfBirth, today);
  const devicesPresent = (p.implantedDevices ?? []).some((d) => d !== 'none');

  // "Has allergies" opens the first row at once: the allergen is the next thing to record.
  async function onAllergyStatus(status: unknown) {
    if (status === 'has-allergies' && p.allergies.length === 0) {
      const id = await addRow('allergy', p.id);
      if (id) focusAllergy(id);
    }
  }

  async function onStart() {
    const sessionId = await startSession(p.id);
    if (sessionId) navigate({ name: 'session', id: sessionId });
  }

  return (
    <FindingsProvider index={findings}>
      <main className="screen patient">
        <section className="panel patient-main" aria-labelledby="patient-heading">
          <div className="panel-head">
            <h1 id="patient-heading" className="patient-heading">
              {patientName(p.familyName, p.givenName)}
            </h1>
            <button type="button" className="button primary big" onClick={() => void onStart()}>
              Start session
            </button>
          </div>
          <div className="field-group">
            <h2>Identity</h2>
            <div className="form-grid">
              <RecordField {...f} field="familyName" parse={parseName} autoFocus={isNew} span2 />
              <RecordField {...f} field="givenName" parse={parseName} span2 />
              <RecordField {...f} field="dateOfBirth" hint={age !== null ? `day/month/year · ${age} years old today` : 'day/month/year, e.g. 12/03/1962'} />
              <RecordField
                {...f}
                field="nhsNumber"
                hint="10 digits, checked as you type"
                format={(v) => formatNhsNumber(v as string | null)}
                parse={parseNhs}
                inputMode="numeric"
                testId="nhs-number"
              />
              {!p.nhsNumber || p.nhsNumberAbsentReason ? <RecordField {...f} field="nhsNumberAbsentReason" wide hint="only when there is no NHS number; then the local number is required" /> : null}
              <RecordField {...f} field="nhsNumberVerified" />
              <RecordField {...f} field="localMrn" />
              <RecordField {...f} field="sex" wide />
            </div>
          </div>
          <div className="field-group">
            <h2>Clinical</h2>
            <div className="form-grid">
              <RecordField {...f} field="weightKg" hint="for the lidocaine mg/kg check, e.g. 68.5" />
              <RecordField {...f} field="aetiology" />
              <RecordField {...f} field="affectedSide" />
              <RecordField {...f} field="ambulant" />
              <RecordField {...f} field="pregnancyStatus" wide />
            </div>
          </div>
          <div className="field-group">
            <h2>Allergies</h2>
            <div className="form-grid">
              <RecordField {...f} field="allergyStatus" wide onSaved={(v) => void onAllergyStatus(v)} />
            </div>
            {p.allergyStatus === 'has-allergies' || p.allergies.length > 0 ? (
              <Rows
                entity="allergy"
                parentId={p.id}
                rows={p.allergies}
                itemName="allergy"
                empty="No allergy listed yet."
                addDomId={fieldDomId('patient', p.id, 'allergies')}
                render={(a) => (
                  <>
                    <RecordField entity="allergy" id={a.id} field="allergen" labelSuffix={`, allergy ${a.seq}`} />
                    <RecordField entity="allergy" id={a.id} field="detail" labelSuffix={`, allergy ${a.seq}`} />
                    <RecordField entity="allergy" id={a.id} field="reaction" labelSuffix={`, allergy ${a.seq}`} />
                  </>
                )}
              />
            ) : null}
          </div>
          <div className="field-group">
            <h2>Contraindications and devices</h2>
            <div className="form-grid">
              <RecordField {...f} field="coldContraindications" />
              <RecordField {...f} field="implantedDevices" />
              {devicesPresent || p.implantedDeviceNote ? <RecordField {...f} field="implantedDeviceNote" wide /> : null}
            </div>
          </div>
          <div className="actions">
            <a href="#/" className="button subtle">
              Back to list
            </a>
          </div>
        </section>
        <section className="panel" aria-labelledby="patient-sessions-heading">
          <h2 id="patient-sessions-heading">Sessions for this patient</h2>
          <PatientSessions patientId={p.id} onStart={() => void onStart()} />
          {p.dateOfBirth ? <p className="muted">Born {formatDate(p.dateOfBirth)}</p> : null}
        </section>
      </main>
    </FindingsProvider>
  );
}

export function ErrorPanel({ message }: { message: string }) {
  return (
    <main className="screen">
      <section className="panel" role="alert">
        <h1>Could not open this</h1>
        <p>{message}</p>
        <a href="#/" className="button primary">
          Back to the list
        </a>
      </section>
    </main>
  );
}
