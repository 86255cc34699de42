import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The process boundaries are enforced by lint; these cases prove the rules bite (a rule that
// silently stopped matching would let Node or Electron code creep into the wrong process).
const eslint = new ESLint({ cwd: process.cwd() });

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries', () => {
  it.each([
    ['renderer/src/x.ts', "import fs from 'node:fs'; export const a = fs;"],
    ['renderer/src/x.ts', "import Database from 'better-sqlite3'; export const a = Database;"],
    ['renderer/src/x.ts', "import { ipcRenderer } from 'electron'; export const a = ipcRenderer;"],
    ['renderer/src/x.ts', "import { dispatch } from '../../electron/main/ipc/dispatch'; export const a = dispatch;"],
    ['shared/domain/x.ts', "import path from 'path'; export const a = path;"],
    ['shared/domain/x.ts', "import { useState } from 'react'; export const a = useState;"],
    ['electron/main/handlers/x.ts', "import { app } from 'electron'; export const a = app;"],
    ['electron/cli/x.ts', "import { app } from 'electron'; export const a = app;"],
    ['electron/preload/x.ts', "import { z } from 'zod'; export const a = z;"],
    ['electron/preload/x.ts', "import { contract } from '../../shared/ipc/contract'; export const a = contract;"],
  ])('%s may not: %s', async (file, code) => {
    expect(await restricted(file, code)).toHaveLength(1);
  });

  it.each([
    ['electron/main/app/x.ts', "import { app } from 'electron'; export const a = app;"],
    ['electron/preload/x.ts', "import { contextBridge } from 'electron'; import { CHANNELS } from '../../shared/ipc/channels'; export const a = [contextBridge, CHANNELS];"],
    ['electron/main/security/x.ts', "import type { BrowserWindowConstructorOptions } from 'electron'; export type A = BrowserWindowConstructorOptions;"],
    ['renderer/src/x.ts', "import { CHANNELS } from '../../shared/ipc/channels'; export const a = CHANNELS;"],
  ])('%s may: %s', async (file, code) => {
    expect(await restricted(file, code)).toEqual([]);
  });
});
