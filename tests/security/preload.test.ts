import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, ipcName } from '../../shared/ipc/channels';
import { API_KEY, buildApi, exposeApi, type ContextBridgeLike, type IpcRendererLike } from '../../electron/preload/exposeApi';

// Electron security #20: the preload exposes one frozen function per channel, nothing else.
function fakes() {
  const exposed: [string, unknown][] = [];
  const contextBridge: ContextBridgeLike = { exposeInMainWorld: (key, api) => void exposed.push([key, api]) };
  const invoke = vi.fn((channel: string, ...args: unknown[]) => Promise.resolve({ ok: true, data: { channel, args } }));
  const ipcRenderer: IpcRendererLike = { invoke };
  return { exposed, contextBridge, ipcRenderer, invoke };
}

describe('exposeApi (Electron security #20)', () => {
  it('exposes exactly one object, under window.api', () => {
    const { exposed, contextBridge, ipcRenderer } = fakes();
    exposeApi(contextBridge, ipcRenderer);
    expect(API_KEY).toBe('api');
    expect(exposed).toHaveLength(1);
    expect(exposed[0]?.[0]).toBe('api');
  });

  it('has exactly the CHANNELS as keys, each a function, and is frozen', () => {
    const { exposed, contextBridge, ipcRenderer } = fakes();
    exposeApi(contextBridge, ipcRenderer);
    const api = exposed[0]?.[1] as Record<string, unknown>;
    expect(Object.keys(api)).toEqual([...CHANNELS]);
    expect(Object.getOwnPropertySymbols(api)).toEqual([]);
    for (const channel of CHANNELS) expect(typeof api[channel], channel).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.getPrototypeOf(api)).toBe(Object.prototype);
  });

  it('exposes no ipcRenderer, on(), send() or event plumbing', () => {
    const { ipcRenderer } = fakes();
    const api = buildApi(ipcRenderer) as unknown as Record<string, unknown>;
    for (const key of ['ipcRenderer', 'invoke', 'on', 'once', 'send', 'sendSync', 'removeListener', 'require', 'process'])
      expect(api, key).not.toHaveProperty(key);
  });

  it.each(CHANNELS)('%s calls ipcRenderer.invoke with its ipcName and the one request', async (channel) => {
    const { ipcRenderer, invoke } = fakes();
    const api = buildApi(ipcRenderer);
    const request = { probe: channel };
    const fn = api[channel] as (...args: unknown[]) => Promise<unknown>;
    await expect(fn(request, 'extra', 'arguments')).resolves.toEqual({ ok: true, data: { channel: ipcName(channel), args: [request] } });
    expect(invoke).toHaveBeenCalledTimes(1);
    expect(invoke).toHaveBeenCalledWith(ipcName(channel), request);
  });

  it('cannot be changed by the page', () => {
    const { ipcRenderer } = fakes();
    const api = buildApi(ipcRenderer) as unknown as Record<string, unknown>;
    expect(() => {
      'use strict';
      api.getAppInfo = () => 'hijacked';
    }).toThrow(TypeError);
    expect(() => {
      api.evil = () => undefined;
    }).toThrow(TypeError);
  });
});
