// Which requests the integrity check holds (called by dispatch before any handler). A channel
// not named here counts as a write: a channel added later is refused on a damaged file until
// someone decides otherwise.
import type { Channel } from '../../../shared/ipc/channels';
import { fail, type Result } from '../../../shared/ipc/result';
import type { Ctx } from '../context';
import { checkingMessage, damagedMessage } from './integrityState';

/** Reads only: still answered on a damaged file (IT and the clinician may need to look), and the restore that repairs it. */
const READS: ReadonlySet<Channel> = new Set<Channel>([
  'getStartupStatus', 'getAppInfo', 'getAuthState', 'reportActivity',
  'listSessions', 'listPatients', 'getPatient', 'getSession', 'getSignoff', 'getSignedVersion', 'getTreatmentHistory',
  'getRuleConfig', 'getTimer', 'getTimerSettings', 'getTargetPresets', 'getLastTargets', 'getExportSettings', 'getServiceInfo',
  'listSessionExports', 'listAccounts', 'verifyAuditTrail', 'searchNotes',
  'getBackupSettings', 'getBackupStatus', 'checkBackupFile', 'previewRestore', 'startRestore', 'getRestoreStatus',
]);

/** What must not rest on an unchecked file: a signature, and a record leaving CryoLog. */
const WAIT_FOR_CHECK: ReadonlyMap<Channel, string> = new Map<Channel, string>([
  ['signSession', 'signed'],
  ['markEnteredInError', 'marked entered in error'],
  ['exportSession', 'exported'],
  ['saveExport', 'exported'],
  ['getAftercareSheet', 'printed'],
  ['startBulkExport', 'exported'],
  ['stepBulkExport', 'exported'],
]);

export function integrityGate(ctx: Ctx, channel: Channel): Result<never> | null {
  const integrity = ctx.integrity;
  if (integrity.state === 'damaged' && !READS.has(channel)) return fail('DB_DAMAGED', damagedMessage(integrity.detail));
  const action = WAIT_FOR_CHECK.get(channel);
  if (integrity.state === 'checking' && action) return fail('INTEGRITY_CHECKING', checkingMessage(action));
  return null;
}
