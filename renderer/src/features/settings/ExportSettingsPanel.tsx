import { useCallback } from 'react';
import { useApp } from '../../state/context';
import { SettingsSaveRow } from './SettingsSaveRow';
import { FILE_NAME_TOKENS, fileNameFor } from '../../../../shared/export/fileName';
import { DEFAULT_EXPORT_SETTINGS, type ExportSettings } from '../../../../shared/ipc/exportsContract';
import { DEFAULT_SERVICE_INFO, type ServiceInfo } from '../../../../shared/export/source';
import { useAuditedSetting } from './useAuditedSetting';

// Two service settings the exports need, edited as a whole and saved with the name of whoever
// changed them (audited), like the rule thresholds: where files go and what they are called,
// and the service's own details that the patient's aftercare sheet and HL7 messages carry.

const EXAMPLE = { sessionId: '51000000-0000-4000-8000-000000000002', startedAt: '2026-03-10T09:10:00+00:00', nhsNumber: '9990079196', localMrn: 'TST0000001', familyName: 'Ashcombe', version: 2 };

export function ExportSettingsPanel() {
  const api = useApp((s) => s.api);
  const { state, current, setDraft, changed, message, onSave } = useAuditedSetting<ExportSettings>(
    useCallback(() => api.getExportSettings({}), [api]),
    useCallback((value) => api.saveExportSettings({ value }), [api]),
    DEFAULT_EXPORT_SETTINGS,
  );
  let example: string;
  try {
    example = fileNameFor(current.fileNamePattern, 'pdf', EXAMPLE);
  } catch {
    example = '';
  }

  return (
    <section className="panel" aria-labelledby="export-settings-heading">
      <h2 id="export-settings-heading">Exports</h2>
      <p className="muted">The drop folder is where “Send to drop folder” puts files for the trust’s integration engine to collect (often a network share). Files appear whole or not at all, and never replace one already there.</p>
      <div className="stacked-form">
        <div className="field field-long">
          <label htmlFor="drop-folder">Drop folder (full path)</label>
          <input id="drop-folder" value={current.dropFolder} onChange={(e) => setDraft({ ...current, dropFolder: e.target.value })} autoComplete="off" spellCheck={false} placeholder="\\server\share\cryolog or /mnt/epr-drop" />
        </div>
        <div className="field field-long">
          <label htmlFor="file-name-pattern">File-name pattern</label>
          <input id="file-name-pattern" value={current.fileNamePattern} onChange={(e) => setDraft({ ...current, fileNamePattern: e.target.value })} autoComplete="off" spellCheck={false} aria-describedby="file-name-example file-name-tokens" />
          <span id="file-name-example" className="small">Example: <code>{example}</code></span>
        </div>
        <label className="check-line">
          <input type="checkbox" checked={current.csvByteOrderMark} onChange={(e) => setDraft({ ...current, csvByteOrderMark: e.target.checked })} /> Start CSV files with a byte-order mark (Excel then shows accents correctly)
        </label>
      </div>
      <p id="file-name-tokens" className="muted small">
        Tokens: {Object.entries(FILE_NAME_TOKENS).map(([t, d]) => `${t} ${d}`).join('; ')}.
      </p>
      <SettingsSaveRow label="Save export settings" onSave={() => void onSave()} changed={changed} updatedBy={state?.updatedBy} updatedAt={state?.updatedAt} neverChanged="Defaults (never changed)." message={message} />
    </section>
  );
}

const SERVICE_FIELDS: { key: keyof ServiceInfo; label: string; hint?: string }[] = [
  { key: 'serviceName', label: 'Service name', hint: 'As the patient knows it, e.g. Spasticity Service' },
  { key: 'organisationName', label: 'Hospital or trust' },
  { key: 'odsCode', label: 'ODS code of the trust', hint: 'e.g. RTH; sent in HL7 and FHIR' },
  { key: 'phone', label: 'Telephone for patients' },
  { key: 'phoneHours', label: 'When the telephone is answered' },
  { key: 'outOfHours', label: 'Out of hours' },
  { key: 'email', label: 'Email for patients (optional)' },
];

export function ServiceInfoPanel() {
  const api = useApp((s) => s.api);
  const { state, current, setDraft, changed, message, onSave } = useAuditedSetting<ServiceInfo>(
    useCallback(() => api.getServiceInfo({}), [api]),
    useCallback((value) => api.saveServiceInfo({ value }), [api]),
    DEFAULT_SERVICE_INFO,
  );

  return (
    <section className="panel" aria-labelledby="service-info-heading">
      <h2 id="service-info-heading">Service details</h2>
      <p className="muted">Printed on the patient’s aftercare sheet under “Who to call”, and sent as the sending facility in HL7 and FHIR exports.</p>
      <div className="stacked-form">
        {SERVICE_FIELDS.map((f) => (
          <div key={f.key} className="field field-long">
            <label htmlFor={`service-${f.key}`}>{f.label}</label>
            <input id={`service-${f.key}`} value={current[f.key]} onChange={(e) => setDraft({ ...current, [f.key]: e.target.value })} autoComplete="off" placeholder={f.hint} />
          </div>
        ))}
      </div>
      <SettingsSaveRow label="Save service details" onSave={() => void onSave()} changed={changed} updatedBy={state?.updatedBy} updatedAt={state?.updatedAt} neverChanged="Not set yet: the aftercare sheet has no telephone number until it is." message={message} />
    </section>
  );
}
