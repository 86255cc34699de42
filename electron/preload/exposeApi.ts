import { CHANNELS, ipcName, type Channel } from '../../shared/ipc/channels';

// The whole preload surface (Electron security #20: do not expose Electron APIs). The page
// gets `window.api`, a frozen object with one function per contract channel that forwards a
// single request object to ipcRenderer.invoke. No ipcRenderer, no on(), no event objects,
// no way to name a channel that is not in CHANNELS. Kept free of 'electron' so it is tested
// in plain Node; it may import only shared/ipc/channels.ts (bundled into one CJS file).

export interface ContextBridgeLike {
  exposeInMainWorld(apiKey: string, api: unknown): void;
}

export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
}

export type ExposedApi = Readonly<Record<Channel, (request?: unknown) => Promise<unknown>>>;

export const API_KEY = 'api';

export function buildApi(ipcRenderer: IpcRendererLike): ExposedApi {
  const api = {} as Record<Channel, (request?: unknown) => Promise<unknown>>;
  for (const channel of CHANNELS) {
    const name = ipcName(channel);
    // Exactly one argument crosses: extra arguments from the page are dropped.
    api[channel] = (request?: unknown) => ipcRenderer.invoke(name, request);
  }
  return Object.freeze(api);
}

export function exposeApi(contextBridge: ContextBridgeLike, ipcRenderer: IpcRendererLike): ExposedApi {
  const api = buildApi(ipcRenderer);
  contextBridge.exposeInMainWorld(API_KEY, api);
  return api;
}
