import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS, ipcName } from '../../shared/ipc/channels';
import type { Result } from '../../shared/ipc/result';
import { closeContext, type Ctx, type Logger } from '../../electron/main/context';
import { dispatch } from '../../electron/main/ipc/dispatch';
import { FORBIDDEN_SENDER_MESSAGE, registerIpc, type IpcEventLike, type IpcMainLike } from '../../electron/main/ipc/register';
import { APP_ORIGIN } from '../../electron/main/security/origin';
import type * as DispatchModule from '../../electron/main/ipc/dispatch';
import { signedInContext } from '../helpers/testClinician';

// Spy on dispatch while keeping its real behaviour, to prove an untrusted sender never reaches it.
vi.mock('../../electron/main/ipc/dispatch', async (importOriginal) => {
  const actual = await importOriginal<typeof DispatchModule>();
  return { ...actual, dispatch: vi.fn(actual.dispatch) };
});

type Listener = (event: IpcEventLike, payload: unknown) => unknown;

class FakeIpcMain implements IpcMainLike {
  readonly calls: string[] = [];
  readonly listeners = new Map<string, Listener>();
  handle(channel: string, listener: Listener): void {
    this.calls.push(channel);
    this.listeners.set(channel, listener);
  }
  invoke(channel: string, event: IpcEventLike, payload: unknown): Result<unknown> {
    const listener = this.listeners.get(channel);
    if (!listener) throw new Error(`No handler for ${channel}`);
    return listener(event, payload) as Result<unknown>;
  }
}

const quietLog: Logger = { error: () => undefined, info: () => undefined };
const trusted: IpcEventLike = { senderFrame: { url: 'app://cryolog/index.html', parent: null } };
const UNTRUSTED: [string, IpcEventLike][] = [
  ['another origin', { senderFrame: { url: 'https://example.org/', parent: null } }],
  ['a look-alike host', { senderFrame: { url: 'app://cryolog.evil/index.html', parent: null } }],
  ['a file:// page', { senderFrame: { url: 'file:///tmp/index.html', parent: null } }],
  ['a sub-frame of the app', { senderFrame: { url: 'app://cryolog/index.html', parent: { url: 'app://cryolog/index.html', parent: null } } }],
  ['a null frame (destroyed)', { senderFrame: null }],
];

describe('registerIpc (Electron security #17)', () => {
  let dir: string;
  let ctx: Ctx;
  let ipc: FakeIpcMain;
  const dispatchSpy = vi.mocked(dispatch);

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'cryolog-ipc-'));
    ctx = signedInContext({ dbPath: path.join(dir, 'cryolog.sqlite'), appVersion: 'test', checkResponses: true, log: quietLog });
    expect(ctx.startup).toEqual({ state: 'ready' });
    ipc = new FakeIpcMain();
    registerIpc(ipc, ctx, [APP_ORIGIN]);
  });

  afterAll(() => {
    closeContext(ctx);
    rmSync(dir, { recursive: true, force: true });
  });

  beforeEach(() => dispatchSpy.mockClear());

  it('registers every channel exactly once, under its ipcName', () => {
    expect(ipc.calls).toEqual(CHANNELS.map((c) => ipcName(c)));
    expect(new Set(ipc.calls).size).toBe(CHANNELS.length);
    expect(ipc.calls.every((name) => name.startsWith('cryolog:'))).toBe(true);
  });

  it('returns the names it registered', () => {
    const other = new FakeIpcMain();
    expect(registerIpc(other, ctx, [APP_ORIGIN])).toEqual(other.calls);
  });

  it('lets a trusted sender reach dispatch', () => {
    const answer = ipc.invoke(ipcName('getAppInfo'), trusted, {});
    expect(answer).toEqual({ ok: true, data: { appVersion: 'test', schemaVersion: expect.any(Number), dbPath: ctx.dbPath } });
    expect(dispatchSpy).toHaveBeenCalledTimes(1);
    expect(dispatchSpy).toHaveBeenCalledWith(ctx, 'getAppInfo', {});
  });

  it('passes the payload to dispatch unchanged, so its validation applies', () => {
    const answer = ipc.invoke(ipcName('getAppInfo'), trusted, { extra: true });
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error.code).toBe('INVALID_PAYLOAD');
    expect(dispatchSpy).toHaveBeenCalledWith(ctx, 'getAppInfo', { extra: true });
  });

  describe.each(UNTRUSTED)('from %s', (_label, event) => {
    it.each(CHANNELS)('refuses %s with FORBIDDEN and never runs dispatch', (channel) => {
      let answer: Result<unknown> | undefined;
      expect(() => {
        answer = ipc.invoke(ipcName(channel), event, {});
      }).not.toThrow();
      expect(answer).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: FORBIDDEN_SENDER_MESSAGE } });
      expect(dispatchSpy).not.toHaveBeenCalled();
    });
  });

  it('does not write anything for an untrusted sender', () => {
    const before = ipc.invoke(ipcName('listPatients'), trusted, { limit: 500 });
    expect(before.ok).toBe(true);
    const count = before.ok ? (before.data as unknown[]).length : -1;

    const refused = ipc.invoke(ipcName('createPatient'), UNTRUSTED[0]![1], {});
    expect(refused.ok).toBe(false);
    const after = ipc.invoke(ipcName('listPatients'), trusted, { limit: 500 });
    expect(after.ok && (after.data as unknown[]).length).toBe(count);

    const created = ipc.invoke(ipcName('createPatient'), trusted, {});
    expect(created.ok).toBe(true);
    const afterTrusted = ipc.invoke(ipcName('listPatients'), trusted, { limit: 500 });
    expect(afterTrusted.ok && (afterTrusted.data as unknown[]).length).toBe(count + 1);
  });

  it('answers a Result, never a throw, when the event itself is broken', () => {
    const broken = { get senderFrame(): never { throw new Error('disposed'); } } as unknown as IpcEventLike;
    const answer = ipc.invoke(ipcName('getAppInfo'), broken, {});
    expect(answer.ok).toBe(false);
    expect(dispatchSpy).not.toHaveBeenCalled();
    const missing = ipc.invoke(ipcName('getAppInfo'), undefined as unknown as IpcEventLike, {});
    expect(missing).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('uses a clinician-readable refusal message', () => {
    expect(FORBIDDEN_SENDER_MESSAGE).toMatch(/refused/);
    expect(FORBIDDEN_SENDER_MESSAGE).not.toMatch(/senderFrame|origin|IPC|Error/);
  });

  it('keeps its own copy of the allowed origins', () => {
    const origins = [APP_ORIGIN];
    const other = new FakeIpcMain();
    registerIpc(other, ctx, origins);
    origins.push('https://example.org');
    const answer = other.invoke(ipcName('getAppInfo'), { senderFrame: { url: 'https://example.org/', parent: null } }, {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
