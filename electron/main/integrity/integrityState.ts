// Whether the record database has passed its integrity check in this session (reliability.md
// §2.1). The check runs in the background after start (backgroundCheck.ts); until it answers,
// drafts save as usual but signing, exports and the pruning of old backups wait.
export type IntegrityState =
  | { state: 'checking'; since: string }
  | { state: 'ok'; checkedAt: string; ms: number }
  | { state: 'damaged'; detail: string; foundAt: string };

/** Before a session is signed or an export leaves: the window shows it and the clinician tries again shortly. */
export function checkingMessage(action: string): string {
  return `Not ${action} yet: CryoLog is still checking the record database, as it does after every start. This takes a few seconds (longer on a large record). Your entry is saved as a draft; try again in a moment.`;
}

export function damagedMessage(detail: string): string {
  return (
    `The record database was found damaged after CryoLog started (${detail}), so nothing more is saved, signed or exported. ` +
    'Stop using CryoLog now, do not delete any file, and call IT: they will restore the latest backup. Meanwhile record on paper.'
  );
}
