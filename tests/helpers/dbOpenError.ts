import { DbOpenError } from '../../electron/main/db/errors';

/** The DbOpenError a call throws (any other error is rethrown; no error fails the test). */
export function openError(fn: () => unknown): DbOpenError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DbOpenError) return e;
    throw e;
  }
  throw new Error('expected a DbOpenError');
}
