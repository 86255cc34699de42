// What the integrity worker is asked and answers (integrityWorker.ts, runInWorker.ts).
import type { BackupFileCheck } from '../../../shared/ipc/backupContract';
import type { RecordCounts } from '../backup/recordCounts';

export type WorkerJob =
  /** PRAGMA quick_check of the record database, on a read-only connection of its own. */
  | { kind: 'quickCheck'; file: string }
  /**
   * A backup: `source` copied into `file` (already created, owner-only) on the worker's own
   * connection, with the record counts of the same snapshot; then made one self-contained file,
   * fsynced with its folder, and checked in full. `progress` (an Int32Array's buffer, shared):
   * the percentage copied, for the main thread to read.
   */
  | { kind: 'backupCopy'; source: string; file: string; folder: string; progress?: SharedArrayBuffer };

export type WorkerAnswer =
  | { kind: 'quickCheck'; problems: string[] }
  | { kind: 'backupCopy'; counts: RecordCounts; check: BackupFileCheck };

export type WorkerMessage = { ok: true; answer: WorkerAnswer } | { ok: false; message: string; code?: unknown };
