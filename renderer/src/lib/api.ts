import type { Api } from '../../../shared/ipc/contract';
import { CHANNELS } from '../../../shared/ipc/channels';

declare global {
  interface Window {
    /** Installed by the preload (Electron) or by the browser host's shim: one function per channel. */
    readonly api?: Api;
  }
}

/** The bridge to the main process, or null when the page was opened outside CryoLog. */
export function getApi(): Api | null {
  const api = window.api;
  if (!api) return null;
  return CHANNELS.every((c) => typeof api[c] === 'function') ? api : null;
}
