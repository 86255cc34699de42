import type { Logger } from '../main/context';
import type { Io } from './io';

/**
 * The data layer's log for a command: notices go to stderr (never stdout, which carries the
 * result); error details are kept and shown only when the command fails for an internal reason,
 * since the user-facing messages already cover the expected failures.
 */
export function commandLogger(io: Io): Logger & { details(): string[] } {
  const details: string[] = [];
  return {
    info: (message) => io.err(`cryolog: ${message}`),
    error: (message, detail) => {
      const why = detail instanceof Error ? (process.env.CRYOLOG_DEBUG ? (detail.stack ?? detail.message) : detail.message) : detail === undefined ? '' : JSON.stringify(detail);
      details.push(why ? `${message}: ${why}` : message);
    },
    details: () => [...details],
  };
}
