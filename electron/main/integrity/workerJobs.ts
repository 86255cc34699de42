// What the integrity worker is asked and answers (integrityWorker.ts, runInWorker.ts).
import type { BackupFileCheck } from '../../../shared/ipc/backupContract';

export type WorkerJob =
  /** PRAGMA quick_check of the record database, on a read-only connection of its own. */
  | { kind: 'quickCheck'; file: string }
  /** A new backup copy: made one self-contained file, fsynced with its folder, then checked in full. */
  | { kind: 'finishBackupCopy'; file: string; folder: string };

export type WorkerAnswer =
  | { kind: 'quickCheck'; problems: string[] }
  | { kind: 'finishBackupCopy'; check: BackupFileCheck };

export type WorkerMessage = { ok: true; answer: WorkerAnswer } | { ok: false; message: string; code?: unknown };
