import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, ipcName } from '../../shared/ipc/channels';
import { CSP_PRODUCTION } from '../../shared/security/csp';
import { ensureBuild, PRELOAD_OUTPUT, RENDERER_HTML_OUTPUT } from '../helpers/ensureBuild';

// Checks on what actually ships, not on the sources: the bundled preload and the built page.
beforeAll(() => ensureBuild([PRELOAD_OUTPUT, RENDERER_HTML_OUTPUT]), 180_000);

interface Loaded {
  required: string[];
  exposed: [string, unknown][];
  invoked: unknown[][];
}

/** Runs out/preload/index.js as Electron's sandbox would: a fresh context whose require knows only 'electron'. */
function loadPreload(): Loaded {
  const loaded: Loaded = { required: [], exposed: [], invoked: [] };
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => void loaded.exposed.push([key, api]) },
    ipcRenderer: {
      invoke: (...args: unknown[]) => {
        loaded.invoked.push(args);
        return Promise.resolve({ ok: true, data: null });
      },
    },
  };
  const fakeRequire = (id: string) => {
    loaded.required.push(id);
    if (id === 'electron') return electron;
    throw new Error(`A sandboxed preload cannot require "${id}"`);
  };
  const module = { exports: {} };
  const context = vm.createContext({ require: fakeRequire, module, exports: module.exports });
  vm.runInContext(readFileSync(PRELOAD_OUTPUT, 'utf8'), context, { filename: PRELOAD_OUTPUT });
  return loaded;
}

describe('built preload out/preload/index.js (Electron security #4, #20)', () => {
  it('runs with a require that serves only "electron"', () => {
    const { required } = loadPreload();
    expect(required.length).toBeGreaterThan(0);
    expect(new Set(required)).toEqual(new Set(['electron']));
  });

  it('is one CommonJS file: no import statements, no other require, no zod', () => {
    const code = readFileSync(PRELOAD_OUTPUT, 'utf8');
    expect(code).not.toMatch(/^\s*import\s/m);
    expect(code).not.toMatch(/\bimport\s*\(/);
    const requires = [...code.matchAll(/\brequire\s*\(\s*(['"`])([^'"`]+)\1\s*\)/g)].map((m) => m[2]);
    expect(new Set(requires)).toEqual(new Set(['electron']));
    expect(code).not.toMatch(/zod/i);
  });

  it('calls exposeInMainWorld once, with "api" and exactly the CHANNELS keys', () => {
    const { exposed } = loadPreload();
    expect(exposed).toHaveLength(1);
    const [key, api] = exposed[0]!;
    expect(key).toBe('api');
    const record = api as Record<string, unknown>;
    expect([...Object.keys(record)]).toEqual([...CHANNELS]);
    for (const channel of CHANNELS) expect(typeof record[channel], channel).toBe('function');
    expect(Object.isFrozen(record)).toBe(true);
  });

  it('forwards each call to ipcRenderer.invoke under its ipcName', async () => {
    const loaded = loadPreload();
    const record = loaded.exposed[0]![1] as Record<string, (req: unknown) => Promise<unknown>>;
    for (const channel of CHANNELS) await record[channel]!({ n: 1 });
    expect(loaded.invoked.map((args) => [...args])).toEqual(CHANNELS.map((c) => [ipcName(c), { n: 1 }]));
  });
});

describe('built renderer out/renderer/index.html (Electron security #7)', () => {
  const html = () => readFileSync(RENDERER_HTML_OUTPUT, 'utf8');

  it('carries the production CSP as its meta tag, identical to the header constant', () => {
    const metas = [...html().matchAll(/<meta\s+http-equiv=(["'])Content-Security-Policy\1\s+content=(["'])(.*?)\2/gi)];
    expect(metas).toHaveLength(1);
    expect(metas[0]?.[3]).toBe(CSP_PRODUCTION);
  });

  it('has no inline script and loads scripts only by relative path', () => {
    const scripts = [...html().matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(body?.trim(), 'inline script').toBe('');
      expect(attributes).toMatch(/\ssrc=["']\.\/assets\//);
    }
    expect(html()).not.toMatch(/(src|href)=["'](https?:)?\/\//i);
  });
});
