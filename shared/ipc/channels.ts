// The names of every IPC channel, and nothing else. This file imports nothing so that the
// sandboxed preload can bundle it without pulling in zod or any domain code.
export const CHANNELS = [
  'getStartupStatus',
  'getAppInfo',
  'listSessions',
  'searchNotes',
  'listPatients',
  'createPatient',
  'getPatient',
  'startSession',
  'getSession',
  'addRow',
  'deleteRow',
  'saveFields',
  'acknowledgeWarning',
  'exportSession',
  'getSignoff',
  'signSession',
  'beginAmendment',
  'getSignedVersion',
  'getRuleConfig',
  'saveRuleConfig',
  'importSession',
  'getTimer',
  'timerPress',
  'timerHeartbeat',
  'resolveTimer',
  'getTimerSettings',
  'saveTimerSettings',
  'markEnteredInError',
  'getTreatmentHistory',
  'getTargetPresets',
  'saveTargetPresets',
  'getLastTargets',
  'repeatLastTargets',
  'saveExport',
  'getAftercareSheet',
  'listSessionExports',
  'getExportSettings',
  'saveExportSettings',
  'getServiceInfo',
  'saveServiceInfo',
  'startBulkExport',
  'stepBulkExport',
  'cancelBulkExport',
  'verifyAuditTrail',
  'getBackupSettings',
  'saveBackupSettings',
  'getBackupStatus',
  'runBackupNow',
  'checkBackupFile',
  'getAuthState',
  'createFirstAdmin',
  'signIn',
  'lockScreen',
  'signOut',
  'reportActivity',
  'changeOwnSecret',
  'listAccounts',
  'createAccount',
  'updateAccount',
  'resetAccountSecret',
  'saveAutoLockMinutes',
  'previewRestore',
  'startRestore',
  'getRestoreStatus',
] as const;

export type Channel = (typeof CHANNELS)[number];

export const IPC_PREFIX = 'cryolog:';

export function ipcName(channel: Channel): `cryolog:${Channel}` {
  return `${IPC_PREFIX}${channel}`;
}

const channelSet: ReadonlySet<string> = new Set(CHANNELS);

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && channelSet.has(value);
}
