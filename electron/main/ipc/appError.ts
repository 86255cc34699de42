import type { ErrorCode } from '../../../shared/ipc/result';

/** An expected failure a handler reports to the user (e.g. a record that no longer exists). */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function notFound(what: string): AppError {
  return new AppError('NOT_FOUND', `${what} was not found. It may have been removed; go back to the list and open it again.`);
}
