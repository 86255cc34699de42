// Who may use each channel: one table, checked by dispatch before any handler runs, so a
// channel cannot be added without deciding (the Record type makes a missing entry an error).
//   public     before sign-in: the startup screen, the sign-in and first-run screens;
//   signed-in  any signed-in account (clinician or administrator);
//   admin      administrators only: accounts, service settings, the audit-trail check, backups.
import type { Channel } from './channels';

export type Access = 'public' | 'signed-in' | 'admin';

export const CHANNEL_ACCESS: Record<Channel, Access> = {
  getStartupStatus: 'public',
  getAppInfo: 'public',
  getAuthState: 'public',
  createFirstAdmin: 'public', // refused once any account exists
  signIn: 'public',
  lockScreen: 'public',
  signOut: 'public',
  // Progress only (no record); answered while the database is closed for a restore, when no account can be checked.
  getRestoreStatus: 'public',

  reportActivity: 'signed-in',
  changeOwnSecret: 'signed-in',
  listSessions: 'signed-in',
  searchNotes: 'signed-in',
  listPatients: 'signed-in',
  createPatient: 'signed-in',
  getPatient: 'signed-in',
  startSession: 'signed-in',
  getSession: 'signed-in',
  addRow: 'signed-in',
  deleteRow: 'signed-in',
  saveFields: 'signed-in',
  acknowledgeWarning: 'signed-in',
  exportSession: 'signed-in',
  getSignoff: 'signed-in',
  signSession: 'signed-in',
  beginAmendment: 'signed-in',
  getSignedVersion: 'signed-in',
  getRuleConfig: 'signed-in',
  importSession: 'signed-in',
  getTimer: 'signed-in',
  timerPress: 'signed-in',
  timerHeartbeat: 'signed-in',
  resolveTimer: 'signed-in',
  getTimerSettings: 'signed-in',
  markEnteredInError: 'signed-in',
  getTreatmentHistory: 'signed-in',
  getTargetPresets: 'signed-in',
  getLastTargets: 'signed-in',
  repeatLastTargets: 'signed-in',
  saveExport: 'signed-in',
  getAftercareSheet: 'signed-in',
  listSessionExports: 'signed-in',
  getExportSettings: 'signed-in',
  getServiceInfo: 'signed-in',
  startBulkExport: 'signed-in',
  stepBulkExport: 'signed-in',
  cancelBulkExport: 'signed-in',
  getBackupStatus: 'signed-in',
  runBackupNow: 'signed-in',
  getBackupSettings: 'signed-in',

  saveRuleConfig: 'admin',
  saveTimerSettings: 'admin',
  saveTargetPresets: 'admin',
  saveExportSettings: 'admin',
  saveServiceInfo: 'admin',
  saveBackupSettings: 'admin',
  checkBackupFile: 'admin',
  verifyAuditTrail: 'admin',
  listAccounts: 'admin',
  createAccount: 'admin',
  updateAccount: 'admin',
  resetAccountSecret: 'admin',
  saveAutoLockMinutes: 'admin',
  previewRestore: 'admin',
  startRestore: 'admin',
};

/**
 * Requests the window makes by itself (polling), not because someone is using it: they do not
 * count as use for the idle lock. A running freeze timer's heartbeat does count (a clinician
 * mid-procedure must not be locked out).
 */
export const PASSIVE_CHANNELS: ReadonlySet<Channel> = new Set<Channel>(['getStartupStatus', 'getAppInfo', 'getAuthState', 'getBackupStatus', 'getRestoreStatus']);
