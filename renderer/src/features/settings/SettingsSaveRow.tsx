import { formatDateTime } from '../../../../shared/domain/parse';

/**
 * The foot of every audited settings panel: the save button (live only once something changed),
 * who changed the setting last, and the answer of the last save ("Saved." or what to fix).
 */
export function SettingsSaveRow(props: {
  label: string;
  onSave: () => void;
  changed: boolean;
  updatedBy: string | null | undefined;
  updatedAt: string | null | undefined;
  neverChanged: string;
  message: string | null;
}) {
  return (
    <>
      <div className="button-row">
        <button type="button" className="button primary" onClick={props.onSave} disabled={!props.changed}>
          {props.label}
        </button>
        <span className="muted small">{props.updatedBy ? `Last changed by ${props.updatedBy}, ${formatDateTime(props.updatedAt ?? null)}` : props.neverChanged}</span>
      </div>
      <p className={props.message === 'Saved.' ? 'saved-message' : 'signoff-message'} role="alert">
        {props.message}
      </p>
    </>
  );
}
